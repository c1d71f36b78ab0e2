import Foundation
import GRDB

/// Reads a `WorkspaceStatus` from the store.
struct WorkspaceStatusReader {
    let definition: WorkspaceDefinition
    let folder: URL

    func read(_ db: Database) throws -> WorkspaceStatus {
        WorkspaceStatus(
            name: definition.name, folder: folder.path,
            profiles: try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0,
            lastFullRefreshAt: try Date.fetchOne(db, sql: "SELECT max(finished_at) FROM full_refresh_log"),
            sources: try definition.sources.map { try source($0, db) },
            segments: try definition.segments.map { try segment($0, db) },
            measures: try definition.measures.map { try measure($0, db) })
    }

    private func source(_ source: SourceDefinition, _ db: Database) throws -> SourceStatus {
        let rows = try InsightsStore.hasData(db, source: source)
            ? try Int.fetchOne(db, sql: "SELECT count(*) FROM \(source.tableName)") : nil
        let last = try SourceRefreshRecord.fetchOne(
            db, sql: "\(SourceRefreshRecord.selectSQL) WHERE source = ? ORDER BY started_at DESC, rowid DESC LIMIT 1",
            arguments: [source.name])
        return SourceStatus(name: source.name, kind: source.kind.rawValue, feeds: source.feeds.rawValue, path: source.path, rows: rows, lastRefresh: last)
    }

    private func segment(_ segment: SegmentDefinition, _ db: Database) throws -> SegmentStatus {
        let rows = try Row.fetchAll(
            db, sql: "SELECT member_count, recorded_at FROM segment_history WHERE segment = ? ORDER BY rowid DESC LIMIT 2",
            arguments: [segment.name])
        return SegmentStatus(
            name: segment.name, count: rows.first?[0], previousCount: rows.count > 1 ? rows[1][0] : nil, refreshedAt: rows.first?[1])
    }

    private func measure(_ measure: MeasureDefinition, _ db: Database) throws -> MeasureStatus {
        var value: Double?
        var previous: Double?
        var refreshedAt: Date?
        if measure.effectiveLevel == .customer {
            value = try Double.fetchOne(db, sql: "SELECT count(*) FROM customer_measure_value WHERE measure = ?", arguments: [measure.name])
            refreshedAt = try Date.fetchOne(db, sql: "SELECT max(finished_at) FROM full_refresh_log")
        } else {
            let rows = try Row.fetchAll(
                db, sql: "SELECT value, recorded_at FROM measure_history WHERE measure = ? ORDER BY rowid DESC LIMIT 2",
                arguments: [measure.name])
            value = rows.first?[0]
            previous = rows.count > 1 ? rows[1][0] : nil
            refreshedAt = rows.first?[1]
        }
        return MeasureStatus(
            name: measure.name, level: measure.effectiveLevel.rawValue, aggregation: measure.aggregation.rawValue,
            value: value, previousValue: previous, refreshedAt: refreshedAt)
    }
}
