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
