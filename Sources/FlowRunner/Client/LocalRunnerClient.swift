import FlowExpressions
import Foundation
import Insights

/// The runner client over an in-process `RunnerHost` (the app's embedded runner, a CLI command on a home no
/// `serve` holds, and `serve` itself behind its control routes).
public final class LocalRunnerClient: RunnerClient {
    /// The runner requests go to.
    public let runner: Runner
    /// The workspace refreshes run on (nil: the home has none).
    public let workspace: Workspace?
    private let activity: WorkspaceActivity?
    private let host: RunnerHost?

    /// A client over a fully wired host (lock, delivery, workspace); `close()` stops it.
    public init(host: RunnerHost) {
        self.host = host
        runner = host.runner
        workspace = host.workspace
        activity = host.activity
    }

    /// A client over a bare runner (tests, benchmarks), with an optional workspace and its activity.
    public init(runner: Runner, workspace: Workspace? = nil, activity: WorkspaceActivity? = nil) {
        self.host = nil
        self.runner = runner
        self.workspace = workspace
        self.activity = activity
    }

    public var mode: RunnerMode { .embedded }

    /// What the runner's start found wrong or changed (workspace not loaded, flow files skipped, modes tightened).
    public var startWarnings: [String] { host?.startWarnings ?? [] }
    public var history: HistoryStore { runner.history }

    public func accept(event: JSONValue, origin: EventOrigin) async throws -> EventAcceptance {
        let parsed: TriggerEvent
        do {
            parsed = try EventParser.parse(event, origin: origin)
        } catch {
            throw RunnerClientError(error.message)
        }
        return EventAcceptance(eventId: parsed.id, runIds: try await runner.accept(parsed))
    }

    public func startTest(flowId: String, triggerBody: JSONValue, dryRun: Bool) async throws -> String {
        try await runner.startTest(flowId: flowId, triggerBody: triggerBody, dryRun: dryRun)
    }

    public func waitForRun(_ runId: String) async throws -> RunRecord {
        while true {
            if let run = try await runner.finished(runId, within: 60) { return run }
        }
    }

    /// Waits at most `seconds` (the long poll behind `/runs/wait`).
    func waitForRun(_ runId: String, within seconds: Double) async throws -> RunRecord? {
        try await runner.finished(runId, within: seconds)
    }

    public func resubmit(runId: String) async throws -> String { try await runner.resubmit(runId: runId) }

    public func reloadFlows() async throws { try await runner.reload() }

    public func refresh(source: String?) async throws -> RefreshReport {
        try await refresh(source: source, progress: nil)
    }

    /// A refresh with progress reports (the app's Admin > System shows them).
    public func refresh(source: String?, progress: (@Sendable (RefreshProgress) -> Void)?) async throws -> RefreshReport {
        guard let workspace else { throw RunnerClientError("this home has no workspace (`insightflow init` creates the sample)") }
        return try await workspace.refreshReporting(source: source, progress: progress)
    }

    public func schedule() async throws -> RefreshSchedule? { activity?.schedule }

    public func setSchedule(_ schedule: RefreshSchedule) async throws {
        guard let activity = activity else { throw RunnerClientError("this home has no workspace to schedule") }
        try activity.setSchedule(schedule)
    }

    public func demoFeed() async throws -> Bool? { activity?.demoFeed }

    public func setDemoFeed(on: Bool) async throws {
        guard let activity = activity else { throw RunnerClientError("this home has no workspace") }
        try activity.setDemoFeed(on: on)
    }

    public func activity() async throws -> RunnerActivity { runner.activity.snapshot() }

    public func changes() -> AsyncStream<Void> { runner.history.changes() }

    public func close() async {
        if let host { await host.stop() } else { await runner.waitUntilIdle() }
    }
}
