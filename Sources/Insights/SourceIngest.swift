import Foundation
import GRDB

/// Counters of one source ingest.
struct IngestCounts: Sendable, Equatable {
    var read = 0
    var rejected = 0
}

/// Streams typed rows of a source into a staging table, applying the bad-row policy.
struct RowSink {
    let source: SourceDefinition
    let statement: Statement
    var counts = IngestCounts()

    /// Prepares the insert statement for `table`.
    init(source: SourceDefinition, db: Database, table: String) throws {
        self.source = source
        let marks = Array(repeating: "?", count: source.columns.count).joined(separator: ", ")
        self.statement = try db.makeStatement(sql: "INSERT INTO \(table) VALUES (\(marks))")
    }

    /// Records a row that could not be parsed: fails or counts it as rejected.
    mutating func reject(_ error: InsightsError) throws {
        counts.read += 1
        guard source.badRowPolicy == .reject else { throw error }
        counts.rejected += 1
    }

    /// Counts a row inserted by a `CSVRowBinder` on `statement`.
    mutating func countInserted() {
        counts.read += 1
    }

    /// Inserts one row of typed values.
    mutating func insert(_ values: [DatabaseValue]) throws {
        counts.read += 1
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
    }
}

/// Reads a CSV source, checks its header, and streams its rows into a sink.
struct CSVSourceIngest {
    let source: SourceDefinition
    let url: URL

    /// Ingests all rows into `sink`.
    func run(into sink: inout RowSink, connection: SQLiteConnection?) throws {
        var reader: CSVReader
        do {
            reader = try CSVReader(url: url, delimiter: source.delimiterByte)
        } catch {
            throw InsightsError.unreadable(source: source.name, path: url.path, reason: "cannot open file")
        }
        defer { reader.close() }
        guard let header = try failing({ () throws(CSVReader.Failure) in try reader.next() }) else {
            if source.rowsRequired { throw InsightsError.emptySource(source: source.name) }
            return
        }
        try checkHeader(header)
        let binder = CSVRowBinder(raw: RawStatement(statement: sink.statement, connection: connection), types: source.columns.map(\.type))
        while try failing({ () throws(CSVReader.Failure) in try reader.advance() }) {
            guard reader.fieldCount == source.columns.count else {
                let reason = "expected \(source.columns.count) fields, found \(reader.fieldCount)"
                try sink.reject(.badRow(source: source.name, row: reader.recordLine, reason: reason))
                continue
            }
            switch try binder.insert(reader) {
            case .inserted:
                sink.countInserted()
            case .badValue(let index):
                let column = source.columns[index]
                let value = (try? reader.string(index)) ?? ""
                try sink.reject(.badValue(source: source.name, row: reader.recordLine, column: column.name, value: value, expectedType: column.typeName))
            case .invalidUTF8:
                throw InsightsError.unreadable(source: source.name, path: url.path, reason: "not valid UTF-8 at row \(reader.recordLine)")
            }
        }
    }

    /// Runs a reader step, turning its failures into source errors.
    private func failing<T>(_ step: () throws(CSVReader.Failure) -> T) throws -> T {
        do {
            return try step()
        } catch {
            switch error {
            case .invalidUTF8(let line):
                throw InsightsError.unreadable(source: source.name, path: url.path, reason: "not valid UTF-8 at row \(line)")
            case .unterminatedQuote(let line):
                throw InsightsError.badRow(source: source.name, row: line, reason: "quoted field is never closed")
            case .readFailed(let reason):
                throw InsightsError.unreadable(source: source.name, path: url.path, reason: reason)
            }
        }
    }

    private func checkHeader(_ header: [String]) throws {
        let found = header.map { $0.trimmingSpaces }
        for (index, column) in source.columns.enumerated() {
            let actual = index < found.count ? found[index] : "(nothing)"
            if actual != column.name {
                throw InsightsError.wrongHeader(source: source.name, column: index + 1, expected: column.name, found: actual)
            }
        }
        if found.count > source.columns.count {
            throw InsightsError.wrongHeader(
                source: source.name, column: source.columns.count + 1, expected: "(end of header)", found: found[source.columns.count])
        }
    }
}
