import Foundation
import GRDB

/// An activity source ingested ahead into the refresh's scratch database, on a second connection, while the
/// customer sources are ingested and unified; the writer adopts it into the store afterwards.
struct IngestAhead: Sendable {
    let refresher: SourceRefresher
    let startedAt: Date
    let counts: IngestCounts
    /// Nil when the rows were loaded into the scratch table of the same name as the store table.
    let failure: InsightsError?

    /// Loads `refresher`'s source into `db` (the scratch database); failures are kept, not thrown.
    static func load(_ refresher: SourceRefresher, _ db: Database) -> IngestAhead {
        let started = Date()
        var counts = IngestCounts()
        var failure: InsightsError?
        do {
            try db.inTransaction {
                try refresher.load(db, into: refresher.source.tableName, counts: &counts)
                return .commit
            }
        } catch let error as InsightsError {
            failure = error
        } catch let error as DatabaseError {
            failure = .queryFailed(source: refresher.source.name, reason: error.message ?? "\(error)")
        } catch {
            failure = .queryFailed(source: refresher.source.name, reason: "\(error)")
        }
        if failure != nil { try? db.execute(sql: "DROP TABLE IF EXISTS \(refresher.source.tableName)") }
        return IngestAhead(refresher: refresher, startedAt: started, counts: counts, failure: failure)
    }

    /// Swaps the loaded rows into the store (from the scratch database attached as `schema`) and logs the refresh.
    func adopt(_ pool: DatabasePool, schema: String, fullRefreshId: UUID) throws -> SourceRefreshResult {
        var failure = failure
        if failure == nil {
            let source = refresher.source
            let stage = "stage_" + SQLName.sanitized(source.name)
            do {
                try pool.write { db in
                    try db.execute(sql: "DROP TABLE IF EXISTS \(stage)")
                    try db.execute(sql: "CREATE TABLE \(stage) (\(refresher.columnsSQL))")
                    try db.execute(sql: "INSERT INTO \(stage) SELECT * FROM \(schema).\(source.tableName)")
                    try db.execute(sql: "DROP TABLE IF EXISTS main.\(source.tableName)")
                    try db.execute(sql: "ALTER TABLE \(stage) RENAME TO \(source.tableName)")
                }
            } catch let error as DatabaseError {
                failure = .queryFailed(source: source.name, reason: error.message ?? "\(error)")
            }
        }
        let result = SourceRefreshResult(
            refreshId: UUID(), sourceName: refresher.source.name, startedAt: startedAt, finishedAt: Date(),
            rowsRead: counts.read, rowsRejected: counts.rejected, error: failure)
        try pool.write { db in try refresher.log(result, fullRefreshId: fullRefreshId, db) }
        return result
    }
}
