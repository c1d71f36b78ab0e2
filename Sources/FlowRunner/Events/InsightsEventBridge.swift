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
            if let value = insights.fields[key] { fields[key] = json(value) }
        }
        fields["workspaceName"] = .string(workspaceName)
        return TriggerEvent(type: type, fields: fields, origin: "insights")
    }

    /// An Insights value as JSON.
    static func json(_ value: InsightsValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .integer(let number): return .int(number)
        case .number(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .array(let items): return .array(items.map(json))
        case .object(let members):
            var object = OrderedDictionary<String, JSONValue>()
            for key in members.keys.sorted() { object[key] = members[key].map(json) }
            return .object(object)
        }
    }
}
