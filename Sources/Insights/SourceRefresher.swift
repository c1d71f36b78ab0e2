import Foundation
import GRDB

/// The outcome of one data source refresh, as recorded in the refresh log.
public struct SourceRefreshResult: Sendable, Equatable {
    public let refreshId: UUID
    public let sourceName: String
    public let startedAt: Date
    public let finishedAt: Date
    public let rowsRead: Int
    public let rowsRejected: Int
    /// Nil when the refresh succeeded.
    public let error: InsightsError?

    /// Whether the source's new data replaced the old.
    public var succeeded: Bool { error == nil }
}

/// Refreshes one source: ingests into a staging table and swaps it in, in one transaction.
struct SourceRefresher: Sendable {
    let source: SourceDefinition
    let folder: URL

    /// The source file location.
    var url: URL {
        source.path.hasPrefix("/") ? URL(fileURLWithPath: source.path) : folder.appendingPathComponent(source.path)
    }

    /// Runs the refresh and records it in the refresh log; ingest failures are returned, not thrown.
    func refresh(_ pool: DatabasePool, fullRefreshId: UUID? = nil) throws -> SourceRefreshResult {
        let started = Date()
        var counts = IngestCounts()
        var failure: InsightsError?
        do {
            try pool.write { db in try ingest(db, counts: &counts) }
        } catch let error as InsightsError {
            failure = error
        } catch let error as DatabaseError {
            failure = .queryFailed(source: source.name, reason: error.message ?? "\(error)")
        }
        let result = SourceRefreshResult(
            refreshId: UUID(), sourceName: source.name, startedAt: started, finishedAt: Date(),
            rowsRead: counts.read, rowsRejected: counts.rejected, error: failure)
        try pool.write { db in try log(result, fullRefreshId: fullRefreshId, db) }
        return result
    }

    private func ingest(_ db: Database, counts: inout IngestCounts) throws {
        let stage = "stage_" + SQLName.sanitized(source.name)
        try load(db, into: stage, counts: &counts)
        try db.execute(sql: "DROP TABLE IF EXISTS \(source.tableName)")
        try db.execute(sql: "ALTER TABLE \(stage) RENAME TO \(source.tableName)")
    }

    /// The column definitions of the source's table.
    var columnsSQL: String {
        source.columns.map { "\(SQLName.quoted($0.name)) \($0.type.sqlType)" }.joined(separator: ", ")
    }

    /// Creates `table` afresh in `db` and fills it with the source's rows, applying the bad-row policy.
    func load(_ db: Database, into table: String, counts: inout IngestCounts) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InsightsError.fileMissing(source: source.name, path: url.path)
        }
        let stage = table
        try db.execute(sql: "DROP TABLE IF EXISTS \(stage)")
        try db.execute(sql: "CREATE TABLE \(stage) (\(columnsSQL))")
        var sink = try RowSink(source: source, db: db, table: stage)
        defer { counts = sink.counts }
        switch source.kind {
        case .csv: try CSVSourceIngest(source: source, url: url).run(into: &sink, connection: db.sqliteConnection)
        case .sqlite: try SQLiteSourceIngest(source: source, url: url).run(into: &sink)
        }
        if source.rowsRequired, sink.counts.read - sink.counts.rejected == 0 {
            throw InsightsError.emptySource(source: source.name)
        }
    }

    /// Writes the outcome to the refresh log.
    func log(_ result: SourceRefreshResult, fullRefreshId: UUID?, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO refresh_log (id, source, full_refresh_id, started_at, finished_at, rows_read, rows_rejected, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                result.refreshId.uuidString, result.sourceName, fullRefreshId?.uuidString, result.startedAt,
                result.finishedAt, result.rowsRead, result.rowsRejected, result.error?.description,
            ])
    }
}
