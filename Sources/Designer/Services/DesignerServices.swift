import FlowExpressions
import FlowModel

/// A named value shown read-only in the Data area (a source's rows, a segment's members, a measure's value).
public struct WorkspaceItem: Sendable, Hashable {
    public var name: String
    public var value: String
    public var detail: String

    public init(name: String, value: String, detail: String = "") {
        self.name = name
        self.value = value
        self.detail = detail
    }
}

/// What the designer shows of the customer-data workspace: its lists with their current values.
public struct WorkspaceSnapshot: Sendable, Hashable {
    public var name: String
    public var sources: [WorkspaceItem]
    public var unification: [WorkspaceItem]
    public var segments: [WorkspaceItem]
    public var measures: [WorkspaceItem]

    public init(name: String = "workspace", sources: [WorkspaceItem] = [], unification: [WorkspaceItem] = [],
                segments: [WorkspaceItem] = [], measures: [WorkspaceItem] = []) {
        self.name = name
        self.sources = sources
        self.unification = unification
        self.segments = segments
        self.measures = measures
    }
}

/// The last run of a flow as the Flows list and Monitor show it.
public struct RunSummary: Sendable, Hashable {
    public var status: String
    public var time: String

    public init(status: String, time: String) {
        self.status = status
        self.time = time
    }
}

/// The one narrow interface between the designer and the outside world (flow files, workspace, connections,
/// runner). The app uses a real implementation; tests use `InMemoryDesignerServices`.
@MainActor
public protocol DesignerServices: AnyObject {
    /// A summary of every readable flow (whole flows are loaded when opened), plus messages about files that
    /// could not be read.
    func listFlows() -> (flows: [FlowSummary], problems: [String])
    /// One flow by id.
    func loadFlow(id: String) throws(FlowStoreError) -> Flow
    /// Writes a new flow (version 1) under a free id derived from its name.
    func createFlow(_ flow: Flow) throws(FlowStoreError) -> Flow
    /// Saves an edited flow; `.conflict` when the stored version is not `expectedVersion`.
    func saveFlow(_ flow: Flow, expectedVersion: Int) throws(FlowStoreError) -> Flow
    /// Turns a flow on or off (On is refused when the checker finds errors).
    func setState(id: String, _ state: FlowState) throws(FlowStoreError) -> Flow
    /// Changes a flow's display name.
    func renameFlow(id: String, to name: String) throws(FlowStoreError) -> Flow
    /// Copies a flow under a new name (the copy is Off).
    func duplicateFlow(id: String, as name: String) throws(FlowStoreError) -> Flow
    /// Deletes a flow.
    func deleteFlow(id: String) throws(FlowStoreError)
    /// Writes a flow to a file path.
    func exportFlow(id: String, to path: String) throws(FlowStoreError)
    /// Reads a flow (InsightFlow, Logic Apps or Power Automate shape) from a file and stores it as a new flow.
    func importFlow(from path: String) throws(FlowStoreError) -> Flow
    /// The workspace's lists and current values.
    func workspace() -> WorkspaceSnapshot
    /// Connection name → kind (`teams`, `smtp`, `http`, ...).
    func connections() -> [String: String]
    /// Flow id → last run (empty until a runner is attached).
    func lastRuns() -> [String: RunSummary]
    /// Facts shown under Admin > System (label, value).
    func systemFacts() -> [Fact]
    /// The runner of the home (embedded or attached), if any.
    var runner: (any RunnerLink)? { get }
    /// The workspace's match statistics and explanations (Data > Unification); nil without a workspace.
    var unification: (any UnificationServices)? { get }
    /// The step clipboard (code-view JSON), shared by every flow of the home; nil when empty or unreadable.
    func readClipboard() -> JSONValue?
    /// Replaces the step clipboard.
    func writeClipboard(_ value: JSONValue) throws(FlowStoreError)
}

extension DesignerServices {
    public var runner: (any RunnerLink)? { nil }
    public var unification: (any UnificationServices)? { nil }
}

/// A flow's versions and drafts: the services that keep no history say so when asked.
@MainActor
public protocol FlowHistoryServices: AnyObject {
    /// The kept versions of a flow, newest first, with what each changed.
    func flowVersions(id: String) throws(FlowStoreError) -> (entries: [FlowVersionEntry], summaries: VersionSummaries)
    /// A flow as it was at `version`.
    func loadFlow(id: String, version: Int) throws(FlowStoreError) -> Flow
    /// Makes `version` current again as a new version.
    func restoreFlow(id: String, version: Int) throws(FlowStoreError) -> Flow
    /// Keeps the unsaved edit of a flow (autosave).
    func saveDraft(_ flow: Flow) throws(FlowStoreError)
    /// The kept unsaved edit of a flow, if any.
    func loadDraft(id: String) throws(FlowStoreError) -> FlowDraft?
    /// Forgets the kept unsaved edit of a flow.
    func discardDraft(id: String)
}
