/// The six Customer Insights connector triggers, the manual trigger, and the built-in Recurrence and HTTP request
/// triggers. The raw value identifies the kind; `typeName` (and `kindMember`) is what a flow file writes.
public enum TriggerKind: String, Sendable, Hashable, CaseIterable, Codable {
    case dataSourceRefreshFailed = "DataSourceRefreshFailed"
    case dataSourceRefreshSucceeded = "DataSourceRefreshSucceeded"
    case segmentThresholdCrossed = "SegmentThresholdCrossed"
    case measureThresholdCrossed = "MeasureThresholdCrossed"
    case fullRefreshCompleted = "FullRefreshCompleted"
    case unificationCompleted = "UnificationCompleted"
    /// The manual (button) trigger, written as Logic Apps does: `"type": "Request", "kind": "Button"`.
    case manual = "Request"
    /// "Recurrence": fires on a schedule (`recurrence` member of the trigger).
    case recurrence = "Recurrence"
    /// "When an HTTP request is received": `"type": "Request", "kind": "Http"`, fired by `POST /flows/<id>/invoke`.
    case httpRequest = "HttpRequest"

    /// The six Customer Insights connector triggers (the heart of the app, first on the connector page).
    public static let connectorSix: [TriggerKind] = [
        .dataSourceRefreshFailed, .dataSourceRefreshSucceeded, .segmentThresholdCrossed, .measureThresholdCrossed,
        .fullRefreshCompleted, .unificationCompleted,
    ]

    /// Reads a trigger `type` in any letter case (`Manual` is accepted for the manual trigger; `HttpRequest` and
    /// `http-request` for the HTTP request trigger). A bare `Request` is the manual trigger; `Trigger.kind` also
    /// reads the trigger's `kind` member.
    public init?(caseInsensitive text: String) {
        let lowered = text.lowercased()
        if lowered == "manual" || lowered == "button" { self = .manual; return }
        if lowered == "httprequest" || lowered == "http" { self = .httpRequest; return }
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = match
    }

    /// The trigger kind of a trigger object's `type` and `kind` members (`Request` + `Http` is the HTTP request
    /// trigger; `Request` with `Button`, another kind or none is the manual trigger).
    public init?(type: String, kindMember: String?) {
        if type.lowercased() == "request", kindMember?.lowercased() == "http" { self = .httpRequest; return }
        self.init(caseInsensitive: type)
    }

    /// The `type` a flow file writes for this kind.
    public var typeName: String {
        switch self {
        case .httpRequest: "Request"
        default: rawValue
        }
    }

    /// The `kind` member a flow file writes for this kind (Logic Apps' request trigger kinds), if any.
    public var kindMember: String? {
        switch self {
        case .manual: "Button"
        case .httpRequest: "Http"
        default: nil
        }
    }

    /// True for the triggers a request starts (manual button, HTTP request): they run with a body given by the caller.
    public var isRequest: Bool { self == .manual || self == .httpRequest }

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
        case .manual, .recurrence, .httpRequest: nil
        }
    }

    /// The trigger parameter naming the one subject it listens to (`any` or absent: every subject).
    public var subjectParameter: String? {
        switch self {
        case .dataSourceRefreshFailed, .dataSourceRefreshSucceeded: "dataSource"
        case .segmentThresholdCrossed: "segment"
        case .measureThresholdCrossed: "measure"
        case .fullRefreshCompleted, .unificationCompleted, .manual, .recurrence, .httpRequest: nil
        }
    }

    /// The event field naming the subject (source, segment or measure).
    public var subjectField: String? {
        switch self {
        case .dataSourceRefreshFailed, .dataSourceRefreshSucceeded: "dataSourceName"
        case .segmentThresholdCrossed: "segmentName"
        case .measureThresholdCrossed: "measureName"
        case .fullRefreshCompleted, .unificationCompleted, .manual, .recurrence, .httpRequest: nil
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
