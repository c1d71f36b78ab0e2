import FlowExpressions
import Foundation
import GRDB

/// The reads that replaying a draft against recorded events needs: the events of one type, and what the flow's
/// saved versions did for them.
extension HistoryStore {
    /// The newest events of `type`, newest first, optionally only those received before `before`.
    public func events(type: EventType, before: Date? = nil, limit: Int = 100) throws -> [TriggerEvent] {
        var sql = "SELECT * FROM event WHERE type = ?"
        var arguments: [any DatabaseValueConvertible] = [type.rawValue]
        if let before {
            sql += " AND receivedAt < ?"
            arguments.append(before.timeIntervalSince1970)
        }
        sql += " ORDER BY receivedAt DESC LIMIT ?"
        arguments.append(max(0, limit))
        return try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap(Self.event) }
    }

    /// The runs of `flowId` that the event `eventId` caused (test and resubmitted runs included), oldest first.
    public func runs(eventId: String, flowId: String) throws -> [RunRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run WHERE eventId = ? AND flowId = ? ORDER BY queuedAt", arguments: [eventId, flowId]).map(Self.run)
        }
    }
}
