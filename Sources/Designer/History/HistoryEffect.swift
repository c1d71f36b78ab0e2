import FlowModel

/// Work on a flow's version history and its autosaved draft.
public enum HistoryEffect: Sendable, Hashable {
    /// Reads the versions of a flow (and what each changed).
    case loadVersions(id: String)
    /// Computes the diff between two versions.
    case loadDiff(id: String, from: Int, to: Int)
    /// Makes a version current again (as a new version).
    case restore(id: String, version: Int)
    /// Writes the open document's unsaved edit beside the flow.
    case saveDraft(Flow)
    /// Removes a flow's autosaved draft.
    case discardDraft(id: String)
    /// Looks for an autosaved draft of a flow just opened.
    case lookForDraft(id: String)
}

/// What the history effects found.
public enum HistoryMessage: Sendable {
    case versionsLoaded(id: String, [FlowVersionEntry], VersionSummaries)
    case diffLoaded(id: String, from: Int, to: Int, FlowDiff)
    case restored(Flow, from: Int)
    case draftFound(FlowDraft)
}

/// The History screens' data: the versions of one flow and the diff open.
public struct VersionsState: Sendable {
    /// The flow whose versions are loaded.
    public var flowId: String?
    public var entries: [FlowVersionEntry] = []
    public var summaries = VersionSummaries()
    /// The diff open: (from, to) and the diff.
    public var diff: (from: Int, to: Int, diff: FlowDiff)?

    public init() {}
}
