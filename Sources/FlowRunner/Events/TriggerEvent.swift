import FlowExpressions
import FlowModel
import Foundation
import OrderedCollections

/// The kinds of event the runner accepts. Threshold triggers react to `SegmentRefreshed` and
/// `MeasureRefreshed` values; the runner decides whether a threshold was crossed.
public enum EventType: String, Sendable, Hashable, CaseIterable, Codable, CaseInsensitiveName {
    case dataSourceRefreshFailed = "DataSourceRefreshFailed"
    case dataSourceRefreshSucceeded = "DataSourceRefreshSucceeded"
    case segmentRefreshed = "SegmentRefreshed"
    case measureRefreshed = "MeasureRefreshed"
    case fullRefreshCompleted = "FullRefreshCompleted"
    case unificationCompleted = "UnificationCompleted"
    /// A Recurrence trigger's occurrence came due (fields `flowId`, `flowName`, `scheduledTime`); it fires only that
    /// flow, so it is never matched against the trigger index.
    case recurrence = "Recurrence"

    /// The trigger kind an event of this type can fire (the table in FlowModel's `TriggerKind`).
    public var triggerKind: TriggerKind {
        if self == .recurrence { return .recurrence }
        return TriggerKind(eventTypeName: rawValue) ?? .manual
    }

    /// The field naming the event's subject (source, segment, measure; the flow of a Recurrence), if the type has one.
    public var subjectField: String? { self == .recurrence ? "flowName" : triggerKind.subjectField }

    /// The numeric field a threshold trigger compares, if any.
    public var valueField: String? { triggerKind.valueField }
}

/// One event from the workspace, the HTTP intake or `insightflow emit`.
public struct TriggerEvent: Sendable, Hashable {
    /// A unique id (UUID text), returned to the sender.
    public var id: String
    public var type: EventType
    /// The event's data with camelCase keys (`dataSourceName`, `currentCount`, ...).
    public var fields: OrderedDictionary<String, JSONValue>
    /// Where it came from: `insights`, `http`, `cli`, `test`.
    public var origin: EventOrigin
    public var receivedAt: Date

    public init(id: String = UUID().uuidString.lowercased(), type: EventType, fields: OrderedDictionary<String, JSONValue>, origin: EventOrigin, receivedAt: Date = Date()) {
        self.id = id
        self.type = type
        self.fields = fields
        self.origin = origin
        self.receivedAt = receivedAt
    }

    /// The subject (source, segment or measure name), if the type has one.
    public var subject: String? { type.subjectField.flatMap { fields[$0]?.stringValue } }

    /// The compared value of a segment or measure event.
    public var value: Double? { type.valueField.flatMap { fields[$0]?.doubleValue } }
}
