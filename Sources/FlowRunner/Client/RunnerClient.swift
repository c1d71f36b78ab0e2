import FlowExpressions
import Foundation
import Insights

/// How a client reaches the runner of its home.
public enum RunnerMode: Sendable, Equatable {
    /// This process runs the flows (the app's embedded runner, or a CLI command on a home no `serve` holds).
    case embedded
    /// A `serve` holds the home; requests go to its control routes.
    case attached(pid: Int32)

    /// The status bar note: "embedded runner", "attached to serve (pid N)".
    public var note: String {
        switch self {
        case .embedded: "embedded runner"
        case .attached(let pid): "attached to serve (pid \(pid))"
        }
    }
}

/// The answer to an accepted event: its id and the runs it queued.
public struct EventAcceptance: Sendable, Equatable {
    public let eventId: String
    public let runIds: [String]

    public init(eventId: String, runIds: [String]) {
        self.eventId = eventId
        self.runIds = runIds
    }
}

/// The one way any client — the designer, the CLI — asks the runner of a home for something. Two
/// implementations: `LocalRunnerClient` over an in-process `RunnerHost`, and `RemoteRunnerClient` over the
/// control routes of a running `serve` (`ControlRoute`). Both give the same answers.
public protocol RunnerClient: Sendable {
    /// Embedded or attached (to which `serve`).
    var mode: RunnerMode { get }
    /// The home's run history for reading (runs, steps, events).
    var history: HistoryStore { get }

    /// Stores and matches an event document (`{"type": ..., "fields": {...}}`); answers once it is stored.
    func accept(event: JSONValue, origin: EventOrigin) async throws -> EventAcceptance
    /// Queues a test run of a flow and returns its id at once.
    func startTest(flowId: String, triggerBody: JSONValue, dryRun: Bool) async throws -> String
    /// Waits until a run has finished and returns it.
    func waitForRun(_ runId: String) async throws -> RunRecord
    /// Runs a previous run's flow again with the same trigger; returns the new run's id.
    func resubmit(runId: String) async throws -> String
    /// Re-reads the flows and connections (after a save, an on/off, an import or a connection edit).
    func reloadFlows() async throws
    /// Refreshes one source, or everything for nil, in the runner's process (so the flows fire there).
    func refresh(source: String?) async throws -> RefreshReport
    /// The refresh schedule in force; nil when the home has no workspace.
    func schedule() async throws -> RefreshSchedule?
    /// Changes the refresh schedule: written to workspace.json and applied at once.
    func setSchedule(_ schedule: RefreshSchedule) async throws
    /// Whether the demo feed ticks; nil when the workspace has none.
    func demoFeed() async throws -> Bool?
    /// Switches the demo feed.
    func setDemoFeed(on: Bool) async throws
    /// Starts a flow triggered by "When an HTTP request is received" with this request and returns the run's Response
    /// (or 202 with the run id, or the error status): what `POST /flows/<id>/invoke` answers.
    func invoke(flowId: String, request: InvocationRequest) async throws -> InvocationAnswer
    /// The runner's last hour minute by minute (runs, failures, queue depth, delivery time).
    func activity() async throws -> RunnerActivity
    /// Yields whenever the history changed (an event stored, a run queued, a step finished).
    func changes() -> AsyncStream<Void>
    /// Stops what this client started in this process (the embedded runner's workspace activity).
    func close() async
}

/// A request the runner refused or could not carry out, in words for the user.
public struct RunnerClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension RunnerMode {
    /// "" here, " (by serve, pid N)" when attached: the one difference in a command's output.
    public var byline: String {
        switch self {
        case .embedded: ""
        case .attached(let pid): " (by serve, pid \(pid))"
        }
    }
}

extension RunnerMode {
    /// The pid of the `serve` attached to, if any.
    public var pid: Int32? {
        if case .attached(let pid) = self { return pid }
        return nil
    }
}
