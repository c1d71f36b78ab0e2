/// The six Customer Insights connector triggers plus the manual trigger. The raw value is the trigger's
/// `type` in a flow file.
public enum TriggerKind: String, Sendable, Hashable, CaseIterable, Codable {
    case dataSourceRefreshFailed = "DataSourceRefreshFailed"
    case dataSourceRefreshSucceeded = "DataSourceRefreshSucceeded"
    case segmentThresholdCrossed = "SegmentThresholdCrossed"
    case measureThresholdCrossed = "MeasureThresholdCrossed"
    case fullRefreshCompleted = "FullRefreshCompleted"
    case unificationCompleted = "UnificationCompleted"
    /// The manual (button) trigger, written as Logic Apps does: `"type": "Request", "kind": "Button"`.
    case manual = "Request"

    /// Reads a trigger `type` in any letter case (`Manual` is accepted for the manual trigger).
    public init?(caseInsensitive text: String) {
        let lowered = text.lowercased()
        if lowered == "manual" || lowered == "button" { self = .manual; return }
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = match
    }

    /// True for the two threshold triggers, whose firing needs the previous observed value.
    public var isThreshold: Bool { self == .segmentThresholdCrossed || self == .measureThresholdCrossed }
}

/// The one table of what each trigger kind listens to: the event type that fires it, the trigger parameter
/// naming its subject and the event fields carrying that subject and the compared value. Matching, events,
/// the Monitor's sparklines and the trigger forms all read it.
extension TriggerKind {
    /// The event type (as the intake and the history name it) that can fire this trigger; nil for manual.
    public var eventTypeName: String? {
        switch self {
        case .dataSourceRefreshFailed, .dataSourceRefreshSucceeded, .fullRefreshCompleted, .unificationCompleted: rawValue
        case .segmentThresholdCrossed: "SegmentRefreshed"
        case .measureThresholdCrossed: "MeasureRefreshed"
        case .manual: nil
        }
    }

    /// The trigger parameter naming the one subject it listens to (`any` or absent: every subject).
    public var subjectParameter: String? {
        switch self {
        case .dataSourceRefreshFailed, .dataSourceRefreshSucceeded: "dataSource"
        case .segmentThresholdCrossed: "segment"
        case .measureThresholdCrossed: "measure"
        case .fullRefreshCompleted, .unificationCompleted, .manual: nil
        }
    }

    /// The event field naming the subject (source, segment or measure).
    public var subjectField: String? {
        switch self {
        case .dataSourceRefreshFailed, .dataSourceRefreshSucceeded: "dataSourceName"
        case .segmentThresholdCrossed: "segmentName"
        case .measureThresholdCrossed: "measureName"
        case .fullRefreshCompleted, .unificationCompleted, .manual: nil
        }
    }

    /// The event field a threshold trigger compares with its threshold.
    public var valueField: String? {
        switch self {
        case .segmentThresholdCrossed: "currentCount"
        case .measureThresholdCrossed: "currentValue"
        default: nil
        }
    }

    /// The trigger kind an event type fires (nil for an unknown type).
    public init?(eventTypeName name: String) {
        guard let kind = Self.allCases.first(where: { $0.eventTypeName?.caseInsensitiveCompare(name) == .orderedSame }) else { return nil }
        self = kind
    }
}
