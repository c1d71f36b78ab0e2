import FlowModel
import Foundation
import Insights
import Synchronization

/// A runner fully wired for a home: the lock, the history, real delivery, the workspace's data actions, events
/// and background activity. `insightflow serve`, the CLI's embedded runs and the terminal app's embedded runner
/// all start it the same way; clients talk to it through `LocalRunnerClient`.
public final class RunnerHost: Sendable {
    public let home: InsightFlowHome
    public let runner: Runner
    public let history: HistoryStore
    /// The home's workspace, when it has one.
    public let workspace: Workspace?
    /// The workspace's first refresh, schedule and demo feed (started by `startWorkspace`).
    public let activity: WorkspaceActivity?
    private let lock: RunnerLock
    /// What this start found wrong or changed, for the log and the app's status line: modes `HomePermissions`
    /// tightened, a workspace.json that does not load, flow files skipped.
    public private(set) var startWarnings: [String] {
        get { warnings.withLock { $0 } }
        set { warnings.withLock { $0 = newValue } }
    }
    private let warnings = Mutex<[String]>([])
    private let forwarding = Mutex<Task<Void, Never>?>(nil)
    /// Fires Recurrence triggers while the host runs flows with activity (serve, the app's embedded runner).
    private let recurrenceTicker = Mutex<RecurrenceTicker?>(nil)
    /// Reloads the runner's flows when the flows folder changes (any writer: designer, CLI, an editor).
    private let watch: FlowsFolderWatch
    /// Prunes the history in the background by the configuration's retention.
    public let retention: HistoryRetention

    private init(home: InsightFlowHome, lock: RunnerLock, runner: Runner, history: HistoryStore, workspace: Workspace?,
                 activity: WorkspaceActivity?, retention: HistoryRetention) {
        self.retention = retention
        self.home = home
        self.lock = lock
        self.runner = runner
        self.history = history
        self.workspace = workspace
        self.activity = activity
        watch = FlowsFolderWatch(folder: home.flowsFolder) {
            Task { try? await runner.reload() }
        }
    }

    /// Takes the home's runner lock (or throws `RunnerLock.Held`), opens the history and starts the runner.
    /// `onWorkspaceError` hears of failed scheduled refreshes.
    public static func open(home: InsightFlowHome, configuration: RunnerConfiguration = RunnerConfiguration(),
                            delivery: (any ActionDelivering)? = nil,
                            onWorkspaceError: @escaping @Sendable (any Error) -> Void = { _ in }) async throws -> RunnerHost {
        let lock = try RunnerLock(home: home.url)
        let historyExisted = FileManager.default.fileExists(atPath: home.historyDatabase.path)
        let history = try HistoryStore(url: home.historyDatabase)
        // A history created just now has the process's default mode: tightened without a warning.
        let warnings = HomePermissions.enforce(home).filter { historyExisted || !$0.hasPrefix(home.historyDatabase.path) }
        var problems: [String] = []
        var workspace: Workspace?
        if FileManager.default.fileExists(atPath: home.workspaceFolder.appendingPathComponent(WorkspaceDefinition.fileName).path) {
            do { workspace = try Workspace.load(folder: home.workspaceFolder) } catch { problems.append("the workspace is not loaded: \(error)") }
        }
        let runner = Runner(home: home, history: history, delivery: delivery ?? DeliveryService(home: home),
                            dataActions: workspace.map(WorkspaceDataActions.init), configuration: configuration)
        try await runner.start()
        // The runner's own load reports the broken files: the flows folder is read once, not twice.
        problems += await runner.brokenFlowFiles.map { "flow file skipped: \($0.description)" }
        let retention = HistoryRetention(history: history, policy: configuration.retention, interval: configuration.retentionInterval)
        let host = RunnerHost(home: home, lock: lock, runner: runner, history: history, workspace: workspace,
                              activity: workspace.map { WorkspaceActivity(workspace: $0, onError: onWorkspaceError) },
                              retention: retention)
        host.startWarnings = warnings + problems
        return host
    }

    /// Forwards the workspace's events to the runner; with `activity`, also refreshes once now (so threshold
    /// flows get their baseline at once), starts the refresh schedule and the demo feed, and fires Recurrence triggers
    /// (with or without a workspace).
    public func startWorkspace(activity startActivity: Bool) {
        if startActivity {
            let runner = self.runner
            recurrenceTicker.withLock { ticker in
                if ticker == nil { ticker = RecurrenceTicker(runner: runner) }
            }
        }
        guard let workspace else { return }
        let runner = self.runner
        let name = workspace.definition.name
        let events = workspace.events()
        let metrics = runner.configuration.metrics, logger = runner.configuration.logger
        let task = Task {
            for await insightsEvent in events {
                RefreshObservation.record(insightsEvent, into: metrics, logger: logger)
                guard let event = InsightsEventBridge.event(insightsEvent, workspaceName: name) else { continue }
                _ = try? await runner.accept(event, whenFull: .skip)
            }
        }
        forwarding.withLock { previous in
            previous?.cancel()
            previous = task
        }
        if startActivity { activity?.start() }
    }

    /// Stops the workspace activity, lets the runner take the events already published, then waits for the runs
    /// in flight.
    public func stop() async {
        watch.stop()
        retention.stop()
        recurrenceTicker.withLock { ticker in
            ticker?.stop()
            ticker = nil
        }
        activity?.stop()
        workspace?.finishEvents()
        let task = forwarding.withLock { task in
            defer { task = nil }
            return task
        }
        await task?.value
        await runner.waitUntilIdle()
    }
}
