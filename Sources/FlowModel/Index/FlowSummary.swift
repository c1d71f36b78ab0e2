/// What `flow list` shows of one flow, without the flow: envelope facts, the trigger type, the number of steps and
/// the checker's verdict. Kept in the flow index so a listing need not read or check unchanged files.
public struct FlowSummary: Sendable, Hashable, Codable {
    public var id: String
    public var displayName: String
    public var state: FlowState
    /// The trigger's `type` (nil when the flow has none).
    public var triggerType: String?
    public var version: Int
    /// Steps, nested ones included.
    public var steps: Int
    public var modifiedAt: String?
    /// The checker's findings by severity.
    public var errors: Int
    public var warnings: Int
    /// The trigger's kind (nil when the flow has none or it is not a known kind).
    public var triggerKind: TriggerKind?
    /// The trigger in one line (`StepSummary.oneLine`), nil when the flow has none.
    public var triggerLine: String?
    /// The connections the flow's steps send through (`inputs.connection`), sorted, each once.
    public var connections: [String]
    /// The segment or measure a threshold trigger watches, with its threshold (nil for other triggers).
    public var watch: ThresholdWatch?

    public init(id: String, displayName: String, state: FlowState, triggerType: String?, version: Int, steps: Int,
                modifiedAt: String?, errors: Int, warnings: Int, triggerKind: TriggerKind? = nil, triggerLine: String? = nil,
                connections: [String] = [], watch: ThresholdWatch? = nil) {
        self.triggerKind = triggerKind
        self.triggerLine = triggerLine
        self.connections = connections
        self.watch = watch
        self.id = id
        self.displayName = displayName
        self.state = state
        self.triggerType = triggerType
        self.version = version
        self.steps = steps
        self.modifiedAt = modifiedAt
        self.errors = errors
        self.warnings = warnings
    }

    /// The summary of `flow` with the checker's `issues`.
    public init(_ flow: Flow, issues: [FlowIssue]) {
        let errors = issues.filter { $0.severity == .error }.count
        self.init(id: flow.id, displayName: flow.displayName, state: flow.state, triggerType: flow.trigger?.type,
                  version: flow.version, steps: flow.definition.stepCount, modifiedAt: flow.modifiedAt,
                  errors: errors, warnings: issues.count - errors, triggerKind: flow.trigger?.kind,
                  triggerLine: flow.trigger.map(StepSummary.oneLine), connections: Self.connections(of: flow),
                  watch: flow.trigger.flatMap(ThresholdWatch.init))
    }

    /// The names in the steps' `inputs.connection`, sorted, each once.
    static func connections(of flow: Flow) -> [String] {
        let names = flow.definition.allSteps.compactMap { $0.step.inputs?["connection"]?.stringValue }
        return Set(names).sorted()
    }

    /// The order of listings: display name (case-insensitive), then id.
    static func listOrder(_ a: FlowSummary, _ b: FlowSummary) -> Bool {
        (a.displayName.lowercased(), a.id) < (b.displayName.lowercased(), b.id)
    }
}

/// What a threshold trigger watches: the segment or measure by name, and the threshold it crosses.
public struct ThresholdWatch: Sendable, Hashable, Codable {
    public var subject: String
    public var threshold: Double

    public init(subject: String, threshold: Double) {
        self.subject = subject
        self.threshold = threshold
    }

    /// The watch of a threshold trigger whose subject is text and whose threshold is a number; nil otherwise.
    public init?(_ trigger: Trigger) {
        guard let kind = trigger.kind, kind.isThreshold, let parameter = kind.subjectParameter,
              let subject = trigger.parameter(parameter)?.stringValue,
              let threshold = trigger.parameter("threshold")?.doubleValue else { return nil }
        self.init(subject: subject, threshold: threshold)
    }
}

/// A summary listing: the good flows (sorted by name) and the files that could not be read.
public struct FlowSummaryListing: Sendable {
    public var flows: [FlowSummary]
    public var broken: [FlowFileError]
    /// How many files were read and checked to make this listing (0 when the index was current).
    public var filesRead: Int
}
