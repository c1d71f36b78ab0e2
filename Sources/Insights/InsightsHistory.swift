import Foundation
import GRDB

/// Appends measure values and segment counts to their history tables, returning the change since the last refresh.
struct InsightsHistory {
    let db: Database
    let refreshId: UUID
    let now: Date

    /// Records a business measure value.
    func recordMeasure(_ name: String, value: Double?) throws -> MeasureChange {
        let previous = try Row.fetchOne(
            db, sql: "SELECT value FROM measure_history WHERE measure = ? ORDER BY rowid DESC LIMIT 1", arguments: [name])
        try db.execute(
            sql: "INSERT INTO measure_history (refresh_id, measure, value, recorded_at) VALUES (?, ?, ?, ?)",
            arguments: [refreshId.uuidString, name, value, now])
        let previousValue: Double? = previous?[0]
        return MeasureChange(measureName: name, refreshId: refreshId, previousValue: previousValue, currentValue: value, recordedAt: now)
    }

    /// Records a segment member count.
    func recordSegment(_ name: String, count: Int) throws -> SegmentChange {
        let previous = try Int.fetchOne(
            db, sql: "SELECT member_count FROM segment_history WHERE segment = ? ORDER BY rowid DESC LIMIT 1", arguments: [name])
        try db.execute(
            sql: "INSERT INTO segment_history (refresh_id, segment, member_count, recorded_at) VALUES (?, ?, ?, ?)",
            arguments: [refreshId.uuidString, name, count, now])
        return SegmentChange(segmentName: name, refreshId: refreshId, previousCount: previous, currentCount: count, recordedAt: now)
    }
}
