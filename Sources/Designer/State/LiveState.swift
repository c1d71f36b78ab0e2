import FlowRunner

/// The data of the live screens, refreshed on the timer tick.
public struct LiveState: Sendable {
    /// "embedded runner", "attached to serve (pid N)", or empty without a runner.
    public var runnerNote = ""
    public var feed = MonitorFeed()
    public var runs: [RunRecord] = []
    public var detail: RunDetail?
    public var system: SystemStatusView?
    /// Admin > Connections (secrets masked).
    public var connections: [ConnectionSummary] = []
    /// The last progress or outcome line of a background command.
    public var activity: String?

    public init() {}
}
