import GRDB
import GRDBSQLite

/// Fast binding and stepping of a prepared GRDB statement through the SQLite C API, for bulk inserts.
struct RawStatement {
    /// SQLite's "copy the bytes now" destructor marker.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    let statement: Statement
    let connection: SQLiteConnection?

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        connection = db.sqliteConnection
    }

    init(statement: Statement, connection: SQLiteConnection?) {
        self.statement = statement
        self.connection = connection
    }

    /// Binds an integer to parameter `index` (1-based).
    func bind(_ value: Int, at index: Int32) {
        sqlite3_bind_int64(statement.sqliteStatement, index, Int64(value))
    }

    /// Binds text to parameter `index` (1-based).
    func bind(_ text: String, at index: Int32) {
        sqlite3_bind_text(statement.sqliteStatement, index, text, -1, Self.transient)
    }

    /// Binds any database value to parameter `index` (1-based).
    func bind(_ value: DatabaseValue, at index: Int32) {
        let handle = statement.sqliteStatement
        switch value.storage {
        case .int64(let number): sqlite3_bind_int64(handle, index, number)
        case .double(let number): sqlite3_bind_double(handle, index, number)
        case .string(let text): sqlite3_bind_text(handle, index, text, -1, Self.transient)
        case .blob(let data): _ = data.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), Self.transient) }
        case .null: sqlite3_bind_null(handle, index)
        }
    }

    /// Runs the statement once with the bound values, then resets it.
    func step() throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }
}
