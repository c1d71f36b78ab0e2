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
    func run(into sink: inout RowSink) throws {
        var reader: CSVReader
        do {
            reader = try CSVReader(url: url, delimiter: source.delimiterByte)
        } catch {
            throw InsightsError.unreadable(source: source.name, path: url.path, reason: "cannot open file")
        }
        defer { reader.close() }
        guard let header = try read(&reader) else {
            if source.rowsRequired { throw InsightsError.emptySource(source: source.name) }
            return
        }
        try checkHeader(header)
        while let fields = try read(&reader) {
            switch typedValues(fields, line: reader.recordLine) {
            case .success(let values): try sink.insert(values)
            case .failure(let error): try sink.reject(error)
            }
        }
    }

    private func read(_ reader: inout CSVReader) throws -> [String]? {
        do {
            return try reader.next()
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

    private func typedValues(_ fields: [String], line: Int) -> Result<[DatabaseValue], InsightsError> {
        guard fields.count == source.columns.count else {
            return .failure(.badRow(source: source.name, row: line, reason: "expected \(source.columns.count) fields, found \(fields.count)"))
        }
        var values: [DatabaseValue] = []
        values.reserveCapacity(fields.count)
        for (field, column) in zip(fields, source.columns) {
            guard let value = ValueParser.parse(field, as: column.type) else {
                return .failure(.badValue(source: source.name, row: line, column: column.name, value: field, expectedType: column.typeName))
            }
            values.append(value)
        }
        return .success(values)
    }
}
