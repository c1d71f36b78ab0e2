import FlowModel
import FlowRunner

/// The data of the live screens, refreshed on the timer tick.
public struct LiveState: Sendable {
    /// "embedded runner", "attached to serve (pid N)", or empty without a runner.
    public var runnerNote = ""
    public var feed = MonitorFeed()
    public var runs: [RunRecord] = []
    public var detail: RunDetail?
    /// The flow of `detail` as stored now (its steps lay the run out), loaded with the detail; nil when gone.
    public var detailFlow: Flow?
    public var system: SystemStatusView?
    /// Admin > Connections (secrets masked).
    public var connections: [ConnectionSummary] = []
    /// The last progress or outcome line of a background command.
    public var activity: String?
    /// The runner link's change counter as of the last tick (nil: unknown, re-read every tick).
    public var revision: Int?
    /// The counter when the Monitor's feed and the run list were last read.
    public var feedRevision: Int?
    public var runsRevision: Int?
    /// The counter when Home > Data and Admin > System last re-read the workspace.
    public var workspaceRevision: Int?
    public var statusRevision: Int?
    /// The counter when Data > Unification last re-read the match statistics.
    public var unificationRevision: Int?
    /// Whose runs were last read (a flow id, or "" for all flows).
    public var runsOf: String?
    /// The run history screen's pages of its filtered listing.
    public var runList = RunList()
    /// The run comparison screen's two runs, step by step.
    public var comparison: RunComparison?
    /// Admin > System's history lines.
    public var history: HistoryOverview?

    /// Whether data read at `seen` may be stale: the counter moved, or it is unknown, or a slow re-read is due.
    public func changed(since seen: Int?, ticks: Int) -> Bool {
        guard let revision, let seen else { return true }
        return revision != seen || ticks % 40 == 0
    }

    public init() {}
}
