import FlowModel
import Foundation
import Insights

/// A runner fully wired for a home: the lock, the history, real delivery, and the workspace's events.
/// `insightflow serve`, `emit`, `flow test` and the terminal app's embedded runner all start it the same way.
public final class RunnerHost: Sendable {
    public let home: InsightFlowHome
    public let runner: Runner
    public let history: HistoryStore
    /// The home's workspace, when it has one.
    public let workspace: Workspace?
    private let lock: RunnerLock

    private init(home: InsightFlowHome, lock: RunnerLock, runner: Runner, history: HistoryStore, workspace: Workspace?) {
        self.home = home
        self.lock = lock
        self.runner = runner
        self.history = history
        self.workspace = workspace
    }

    /// Takes the home's runner lock (or throws `RunnerLock.Held`), opens the history and starts the runner.
    public static func open(home: InsightFlowHome, configuration: RunnerConfiguration = RunnerConfiguration(),
                            delivery: (any ActionDelivering)? = nil) async throws -> RunnerHost {
        let lock = try RunnerLock(home: home.url)
        let history = try HistoryStore(url: home.historyDatabase)
        let workspace = try? Workspace.load(folder: home.workspaceFolder)
        let dataActions = WorkspaceDataActions(database: home.workspaceFolder.appendingPathComponent("insights.sqlite"))
        let runner = Runner(home: home, history: history, delivery: delivery ?? DeliveryService(home: home),
                            dataActions: dataActions, configuration: configuration)
        try await runner.start()
        return RunnerHost(home: home, lock: lock, runner: runner, history: history, workspace: workspace)
    }

    /// Refreshes the workspace once now (so threshold flows get their baseline at once), then starts its refresh
    /// schedule and (for the sample) its demo feed; stop them when done. Call after `forwardWorkspaceEvents()`.
    public func startWorkspaceActivity(onError: @escaping @Sendable (any Error) -> Void) -> WorkspaceActivity {
        guard let workspace else { return WorkspaceActivity(scheduler: nil, demoFeed: nil, startup: nil) }
        let scheduler = RefreshScheduler(workspace: workspace, onError: onError)
        let feed = DemoFeed.configured(for: workspace)
        let startup = Task {
            do { _ = try await workspace.refreshAll() } catch { onError(error) }
            guard !Task.isCancelled else { return }
            scheduler.start()
            feed?.start()
        }
        return WorkspaceActivity(scheduler: scheduler, demoFeed: feed, startup: startup)
    }

    /// Forwards the workspace's events to the runner until the task is cancelled.
    public func forwardWorkspaceEvents() -> Task<Void, Never>? {
        guard let workspace else { return nil }
        let runner = self.runner
        let name = workspace.definition.name
        let events = workspace.events()
        return Task {
            for await insightsEvent in events {
                guard let event = InsightsEventBridge.event(insightsEvent, workspaceName: name) else { continue }
                _ = try? await runner.accept(event)
            }
        }
    }
}

/// The background work of a workspace while a runner serves it.
public struct WorkspaceActivity: Sendable {
    public let scheduler: RefreshScheduler?
    public let demoFeed: DemoFeed?
    /// The first refresh, after which the schedule and the feed start.
    let startup: Task<Void, Never>?

    /// Stops the schedule and the demo feed (and keeps them from starting if the first refresh still runs).
    public func stop() {
        startup?.cancel()
        scheduler?.stop()
        demoFeed?.stop()
    }
}
