import Foundation
import GRDB
import GRDBSQLite

/// Unions records that share a key by reading them once sorted by (key, rid) straight from SQLite's row buffers:
/// every record is joined with the first record of its key, as a `first_value(rid) OVER (PARTITION BY key)` pass
/// would, without the window machinery or a Swift value per field.
struct SortedKeyGrouper {
    /// Key columns of `unify_record` (SQL); NULLs form one key, as in a window partition.
    let columns: [String]
    /// SQL condition selecting the records to group.
    let filter: String

    /// Unions every record with the first record sharing its key; returns (matched records, merges).
    func apply(_ db: Database, into groups: inout UnionFind) throws -> (matched: Int, merges: Int) {
        let keys = columns.joined(separator: ", ")
        let statement = try db.makeStatement(sql: "SELECT rid, \(keys) FROM unify_record WHERE \(filter) ORDER BY \(keys), rid")
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var current = KeyBuffer(count: columns.count)
        var first = 0
        var size = 0
        var matched = 0
        var merges = 0
        while try RawRows.next(statement, db) {
            let rid = Int(sqlite3_column_int64(handle, 0))
            if size > 0, current.matches(handle) {
                size += 1
                if groups.union(rid, first) { merges += 1 }
                continue
            }
            if size > 1 { matched += size }
            current.load(handle)
            first = rid
            size = 1
        }
        if size > 1 { matched += size }
        return (matched, merges)
    }
}

/// The key of the current group: per column its SQLite type and bytes, reused from row to row.
private struct KeyBuffer {
    var types: [Int32]
    var bytes: [[UInt8]]

    init(count: Int) {
        types = Array(repeating: SQLITE_NULL, count: count)
        bytes = Array(repeating: [], count: count)
    }

    /// Whether the row's key columns (1...count) equal this key (same type and bytes: SQLite's BINARY equality for text).
    func matches(_ handle: OpaquePointer?) -> Bool {
        for index in types.indices {
            let column = Int32(index + 1)
            let type = sqlite3_column_type(handle, column)
            guard type == types[index] else { return false }
            guard type != SQLITE_NULL else { continue }
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count == bytes[index].count else { return false }
            guard count > 0 else { continue }
            guard let pointer = Self.content(handle, column, type: type) else { return false }
            let equal = bytes[index].withUnsafeBytes { buffer in buffer.baseAddress.map { memcmp($0, pointer, count) == 0 } ?? false }
            if !equal { return false }
        }
        return true
    }

    /// Copies the row's key columns into this buffer.
    mutating func load(_ handle: OpaquePointer?) {
        for index in types.indices {
            let column = Int32(index + 1)
            let type = sqlite3_column_type(handle, column)
            types[index] = type
            bytes[index].removeAll(keepingCapacity: true)
            guard type != SQLITE_NULL, let pointer = Self.content(handle, column, type: type) else { continue }
            let count = Int(sqlite3_column_bytes(handle, column))
            bytes[index].append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: count))
        }
    }

    /// The value's bytes: text and blobs as stored, numbers in their text form.
    private static func content(_ handle: OpaquePointer?, _ column: Int32, type: Int32) -> UnsafeRawPointer? {
        type == SQLITE_BLOB ? sqlite3_column_blob(handle, column) : sqlite3_column_text(handle, column).map(UnsafeRawPointer.init)
    }
}
