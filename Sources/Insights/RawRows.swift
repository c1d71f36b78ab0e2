import GRDB
import GRDBSQLite

/// Stepping through a GRDB statement's rows with the SQLite C API, for passes over every unified record.
enum RawRows {
    /// Steps `statement`: true for a row, false when done; throws SQLite's error otherwise.
    static func next(_ statement: Statement, _ db: Database) throws -> Bool {
        let code = sqlite3_step(statement.sqliteStatement)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }

    /// The text of a column of the current row (nil for NULL).
    static func text(_ handle: OpaquePointer?, _ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let text = sqlite3_column_text(handle, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
}
