import Foundation
import GRDB

/// Runs an SQLite source's query against its file and streams the rows into a sink.
struct SQLiteSourceIngest {
    let source: SourceDefinition
    let url: URL

    /// Ingests all rows into `sink`.
    func run(into sink: inout RowSink) throws {
        let queue = try openSource()
        try queue.read { sourceDB in
            let cursor: RowCursor
            do {
                cursor = try Row.fetchCursor(sourceDB, sql: source.query ?? "")
            } catch let error as DatabaseError {
                throw classify(error)
            }
            try checkColumns(cursor.columnNames)
            var line = 0
            while let row = try nextRow(cursor) {
                line += 1
                switch typedValues(row, line: line) {
                case .success(let values): try sink.insert(values)
                case .failure(let error): try sink.reject(error)
                }
            }
        }
    }

    private func openSource() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: url.path, configuration: configuration)
        } catch {
            throw InsightsError.unreadable(source: source.name, path: url.path, reason: "cannot open as SQLite")
        }
    }

    private func classify(_ error: DatabaseError) -> InsightsError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_CANTOPEN, .SQLITE_IOERR:
            .unreadable(source: source.name, path: url.path, reason: error.message ?? "not a database")
        default:
            .queryFailed(source: source.name, reason: error.message ?? "\(error)")
        }
    }

    private func nextRow(_ cursor: RowCursor) throws -> Row? {
        do {
            return try cursor.next()
        } catch let error as DatabaseError {
            throw classify(error)
        }
    }

    private func checkColumns(_ names: [String]) throws {
        for (index, column) in source.columns.enumerated() where !names.contains(column.name) {
            let found = index < names.count ? names[index] : "(nothing)"
            throw InsightsError.wrongHeader(source: source.name, column: index + 1, expected: column.name, found: found)
        }
    }

    private func typedValues(_ row: Row, line: Int) -> Result<[DatabaseValue], InsightsError> {
        var values: [DatabaseValue] = []
        for column in source.columns {
            let found: DatabaseValue? = row[column.name]
            let raw = found ?? .null
            guard let value = ValueParser.convert(raw, to: column.type) else {
                return .failure(.badValue(source: source.name, row: line, column: column.name, value: raw.description, expectedType: column.typeName))
            }
            values.append(value)
        }
        return .success(values)
    }
}
