import FlowExpressions
import Insights
import OrderedCollections

/// Turns the workspace's events into runner events (one path inside for every intake).
public enum InsightsEventBridge {
    /// The runner event for a workspace event.
    public static func event(_ insights: InsightsEvent, workspaceName: String) -> TriggerEvent? {
        guard let type = EventType(caseInsensitive: insights.kind) else { return nil }
        var fields = OrderedDictionary<String, JSONValue>()
        for key in insights.fields.keys.sorted() {
            if let value = insights.fields[key] { fields[key] = JSONValue(value) }
        }
        fields["workspaceName"] = .string(workspaceName)
        return TriggerEvent(type: type, fields: fields, origin: .insights)
    }
}
