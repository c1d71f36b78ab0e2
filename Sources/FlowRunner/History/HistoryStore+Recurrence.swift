import FlowExpressions
import Foundation
import GRDB

extension HistoryStore {
    /// The scheduled time of the last Recurrence occurrence fired for a flow (nil when none was): after a restart
    /// the schedule continues from it instead of firing the same occurrence again.
    public func lastRecurrence(flowId: String) throws -> Date? {
        let fields: String? = try pool.read { db in
            try String.fetchOne(db, sql: """
                SELECT fields FROM event WHERE type = ? AND json_extract(fields, '$.flowId') = ? ORDER BY receivedAt DESC LIMIT 1
                """, arguments: [EventType.recurrence.rawValue, flowId])
        }
        guard let fields, let value = try? JSONValue.parse(fields), let text = value["scheduledTime"]?.stringValue else { return nil }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
