import Foundation
import GRDB
import GRDBSQLite

/// Merges each group's records into one profile row of `customer_next`, choosing field values by policy.
///
/// Records are read in (customer id, rank, rid) order straight from SQLite's row buffers; a chosen value is kept as
/// a copy of the SQLite value (`sqlite3_value_dup`) and bound back unchanged, so types and bytes survive exactly.
struct ProfileMerger {
    let fields: [UnificationDefinition.Field]
    let policy: UnificationDefinition.MergePolicy

    /// Builds `customer_next` (one row per CustomerId) from `unify_assign` and `unify_record`.
    func merge(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS customer_next")
        try InsightsStore.ensureCustomerTable(db, fields: fields, name: "customer_next")
        let names = fields.map { "r." + SQLName.quoted($0.name) }
        let select = (["a.customer_id", "r.updated"] + names).joined(separator: ", ")
        let query = try db.makeStatement(sql: """
            SELECT \(select) FROM unify_assign a JOIN unify_record r ON r.rid = a.rid
            ORDER BY a.customer_id, r.rank, r.rid
            """)
        let handle = query.sqliteStatement
        defer { sqlite3_reset(handle) }
        let marks = Array(repeating: "?", count: fields.count + 1).joined(separator: ", ")
        let insert = try RawStatement(db, sql: "INSERT INTO customer_next VALUES (\(marks))")
        var profile = ProfileBuffer(count: fields.count)
        defer { profile.clear() }
        while try RawRows.next(query, db) {
            if !profile.isCurrent(handle) {
                if profile.hasId { try profile.write(insert) }
                profile.start(handle)
            }
            profile.consider(handle, policy: policy)
        }
        if profile.hasId { try profile.write(insert) }
    }
}

/// The profile being merged: its id bytes and, per field, the chosen SQLite value and its record's update time.
private struct ProfileBuffer {
    private var id: [UInt8] = []
    private(set) var hasId = false
    private var chosen: [OpaquePointer?]
    private var updated: [String?]

    init(count: Int) {
        chosen = Array(repeating: nil, count: count)
        updated = Array(repeating: nil, count: count)
    }

    /// Whether the row (column 0: customer id) belongs to the profile being merged.
    func isCurrent(_ handle: OpaquePointer?) -> Bool {
        guard hasId, let text = sqlite3_column_text(handle, 0) else { return false }
        let count = Int(sqlite3_column_bytes(handle, 0))
        guard count == id.count else { return false }
        return id.withUnsafeBytes { buffer in count == 0 || buffer.baseAddress.map { memcmp($0, text, count) == 0 } ?? false }
    }

    /// Starts a new profile with the row's customer id.
    mutating func start(_ handle: OpaquePointer?) {
        clear()
        id.removeAll(keepingCapacity: true)
        if let text = sqlite3_column_text(handle, 0) {
            id.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, 0))))
        }
        hasId = true
    }

    /// Takes the row's non-empty field values (columns 2...) where the policy prefers them.
    mutating func consider(_ handle: OpaquePointer?, policy: UnificationDefinition.MergePolicy) {
        var rowUpdated: String??
        for index in chosen.indices {
            let column = Int32(index + 2)
            let type = sqlite3_column_type(handle, column)
            if type == SQLITE_NULL { continue }
            if type == SQLITE_TEXT, sqlite3_column_bytes(handle, column) == 0 { continue }
            if chosen[index] != nil {
                guard policy == .mostRecent else { continue }
                let candidate = rowUpdated ?? RawRows.text(handle, 1)
                rowUpdated = candidate
                guard let candidate, candidate > (updated[index] ?? "") else { continue }
                sqlite3_value_free(chosen[index])
            }
            chosen[index] = sqlite3_value_dup(sqlite3_column_value(handle, column))
            if policy == .mostRecent {
                let candidate = rowUpdated ?? RawRows.text(handle, 1)
                rowUpdated = candidate
                updated[index] = candidate
            }
        }
    }

    /// Inserts the profile row.
    func write(_ insert: RawStatement) throws {
        let handle = insert.statement.sqliteStatement
        _ = id.withUnsafeBytes { buffer in
            sqlite3_bind_text(handle, 1, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), RawStatement.transient)
        }
        for (index, value) in chosen.enumerated() {
            if let value { sqlite3_bind_value(handle, Int32(index + 2), value) } else { sqlite3_bind_null(handle, Int32(index + 2)) }
        }
        try insert.step()
    }

    /// Frees the chosen values.
    mutating func clear() {
        for index in chosen.indices {
            sqlite3_value_free(chosen[index])
            chosen[index] = nil
            updated[index] = nil
        }
    }
}
