import FlowExpressions
import FlowRunner
import Foundation

/// The newest events and runs of the history, newest first (what the Monitor shows).
public struct MonitorFeed: Sendable, Hashable {
    public var events: [TriggerEvent]
    public var runs: [RunRecord]
    /// Total events and runs stored (shown as counts; nothing is ever dropped from the history).
    public var eventTotal: Int
    public var runTotal: Int

    public init(events: [TriggerEvent] = [], runs: [RunRecord] = [], eventTotal: Int = 0, runTotal: Int = 0) {
        self.events = events
        self.runs = runs
        self.eventTotal = eventTotal
        self.runTotal = runTotal
    }
}

/// A run with its step records (the run detail).
public struct RunDetail: Sendable, Hashable {
    public var run: RunRecord
    public var steps: [StepRecord]

    public init(run: RunRecord, steps: [StepRecord]) {
        self.run = run
        self.steps = steps
    }
}

/// Work sent to the runner (embedded or attached); outcomes come back as notices.
public enum RunnerCommand: Sendable, Hashable {
    /// Refresh one source, or everything (a full refresh) when nil.
    case refresh(source: String?)
    case resubmit(runId: String)
    case test(flowId: String, body: JSONValue, dryRun: Bool)
    case demoFeed(on: Bool)
    /// Re-reads the workspace's status (Admin > System).
    case loadStatus
    /// Sends a test through a connection: a Teams card, an email to `recipient`, an HTTP GET of the base URL.
    case testConnection(name: String, recipient: String?)
    /// Sets the refresh interval in seconds (nil or 0 switches the schedule off).
    case setSchedule(intervalSeconds: Double?)
}

/// What finished in the background since the last look.
public enum RunnerNotice: Sendable, Hashable {
    case info(String)
    case success(String)
    case failure(String)
    /// A run to show in the run detail (a test run or a resubmitted run).
    case openRun(String)
    case status(SystemStatusView)
    /// A replay of a draft finished (the run view or the replay summary opens).
    case replayed(ReplayReport)
}

/// Admin > System: the workspace's last refreshes and values, the schedule and the demo feed.
public struct SystemStatusView: Sendable, Hashable {
    /// One line: name, value, detail (last refresh and its outcome).
    public struct Line: Sendable, Hashable {
        public var group: String
        public var name: String
        public var value: String
        public var detail: String
        public var failed: Bool

        public init(group: String, name: String, value: String, detail: String, failed: Bool = false) {
            self.group = group
            self.name = name
            self.value = value
            self.detail = detail
            self.failed = failed
        }
    }

    public var lines: [Line]
    public var schedule: String
    public var demoFeed: Bool?
    /// The runner's last hour (nil: no runner, or it could not be read).
    public var activity: RunnerActivity?

    public init(lines: [Line] = [], schedule: String = "-", demoFeed: Bool? = nil, activity: RunnerActivity? = nil) {
        self.lines = lines
        self.schedule = schedule
        self.demoFeed = demoFeed
        self.activity = activity
    }
}

/// The designer's link to the runner of its home: embedded, attached to a `serve`, or read-only.
@MainActor
public protocol RunnerLink: AnyObject {
    /// The status bar note: "embedded runner", "attached to serve (pid N)".
    var modeNote: String { get }
    /// Tells the runner the flows changed (after a save or on/off).
    func flowsChanged()
    /// The newest `limit` events and runs.
    func feed(limit: Int) -> MonitorFeed
    /// Runs newest first, optionally of one flow.
    func runs(flowId: String?, limit: Int) -> [RunRecord]
    /// One page of the filtered run history, newest first.
    func runPage(_ query: RunQuery) -> RunPage
    /// The history's size, counts and last prune, with where the retention settings in force come from
    /// (Admin > System); nil when the link cannot tell.
    func historyFacts() -> HistoryOverview?
    /// One run and its steps.
    func detail(runId: String) -> RunDetail?
    /// The event that caused a run, for "test with a previous run's event".
    func event(id: String) -> TriggerEvent?
    /// Starts a command; its outcome arrives through `drain()`.
    func send(_ command: RunnerCommand)
    /// Notices since the last call.
    func drain() -> [RunnerNotice]
    /// Stops background work (at quit).
    func stop()
    /// Moves whenever the history or the workspace views changed, so live screens re-read on change, not on
    /// every tick; nil when the link cannot tell (then they re-read on every tick).
    var revision: Int? { get }
}

/// Admin > System's history lines: the store's facts and the retention in force with where each value comes from.
public struct HistoryOverview: Sendable, Hashable {
    public var facts: HistoryFacts
    /// "30 days (default)", "5000 runs (settings.json retentionRuns)", ...
    public var retention: [String]

    public init(facts: HistoryFacts, retention: [String]) {
        self.facts = facts
        self.retention = retention
    }
}

extension RunnerLink {
    /// A link that cannot tell (a fixture).
    public var revision: Int? { nil }

    /// A fixture's page: its runs (at most a thousand) filtered in memory, without free text or paging.
    public func runPage(_ query: RunQuery) -> RunPage {
        let runs = runs(flowId: query.flowId, limit: 1000).filter { run in
            (query.status == nil || run.status == query.status) && (query.since.map { run.queuedAt >= $0 } ?? true)
                && (query.until.map { run.queuedAt <= $0 } ?? true)
        }
        return RunPage(runs: Array(runs.prefix(query.limit)))
    }

    public func historyFacts() -> HistoryOverview? { nil }
}
