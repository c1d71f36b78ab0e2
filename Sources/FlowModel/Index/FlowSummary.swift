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

    public init(id: String, displayName: String, state: FlowState, triggerType: String?, version: Int, steps: Int,
                modifiedAt: String?, errors: Int, warnings: Int) {
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
                  errors: errors, warnings: issues.count - errors)
    }

    /// The order of listings: display name (case-insensitive), then id.
    static func listOrder(_ a: FlowSummary, _ b: FlowSummary) -> Bool {
        (a.displayName.lowercased(), a.id) < (b.displayName.lowercased(), b.id)
    }
}

/// A summary listing: the good flows (sorted by name) and the files that could not be read.
public struct FlowSummaryListing: Sendable {
    public var flows: [FlowSummary]
    public var broken: [FlowFileError]
    /// How many files were read and checked to make this listing (0 when the index was current).
    public var filesRead: Int
}
