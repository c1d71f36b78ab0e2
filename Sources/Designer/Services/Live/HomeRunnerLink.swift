import FlowModel
import FlowRunner
import Foundation
import Insights

/// The runner link of a real home: an adapter from the `RunnerClient` (embedded or attached to `serve`) to the
/// screens. History reads come from the client's history store; commands go to the client; what they did comes
/// back as notices; the workspace views and the flows' last runs are re-read whenever the history changes.
@MainActor
public final class HomeRunnerLink: RunnerLink {
    /// The runner; nil when the history is only read (no runner could be started or reached).
    private let client: (any RunnerClient)?
    let history: HistoryStore
    /// The home (connections.json, delivery for connection tests); nil in history-only tests.
    let home: InsightFlowHome?
    let commands: LinkCommands
    private let views: LiveViews
    /// The workspace the link reads (nil when it could not be loaded).
    public let workspace: Workspace?
    private var watching: Task<Void, Never>?

    /// A link over `client`, or a read-only one over `history` when `client` is nil.
    public init(client: (any RunnerClient)?, history: HistoryStore, workspace: Workspace?, home: InsightFlowHome? = nil) {
        self.client = client
        self.history = history
        self.home = home
        self.workspace = workspace
        let notices = NoticeBox()
        views = LiveViews(workspace: workspace, history: history)
        commands = LinkCommands(client: client, workspace: workspace, home: home, notices: notices, views: views)
        let views = views, changes = (client?.changes() ?? history.changes())
        views.reload()
        watching = Task.detached {
            for await _ in changes { views.reload() }
        }
    }

    /// Attaches to the `serve` holding `home`, or starts the embedded runner (with the workspace's first refresh,
    /// schedule, demo feed and events) when none does; a read-only link with the reason when neither works.
    public static func open(home: InsightFlowHome) async -> (link: HomeRunnerLink?, problem: String?) {
        let workspace = try? Workspace.load(folder: home.workspaceFolder)
        do {
            let client = try await RunnerClients.connect(home: home, workspace: .full)
            let local = client as? LocalRunnerClient
            let warnings = local?.startWarnings ?? []
            let note = warnings.first.map { $0 + (warnings.count > 1 ? " (and \(warnings.count - 1) more)" : "") }
            return (HomeRunnerLink(client: client, history: client.history, workspace: local?.workspace ?? workspace, home: home), note)
        } catch {
            let problem = "No runner: \(error)"
            guard let history = try? HistoryStore.reader(url: home.historyDatabase) else { return (nil, problem) }
            return (HomeRunnerLink(client: nil, history: history, workspace: workspace, home: home), problem)
        }
    }

    public var modeNote: String { client?.mode.note ?? "history only" }

    /// Counts changes of the history and the workspace views; screens redraw when it moves.
    public var revision: Int? { views.revision }

    public func flowsChanged() { commands.reloadFlows() }

    public func feed(limit: Int) -> MonitorFeed {
        let events = (try? history.events(limit: limit)) ?? []
        let runs = (try? history.runs(limit: limit)) ?? []
        return MonitorFeed(events: events, runs: runs, eventTotal: (try? history.eventCount()) ?? events.count,
                           runTotal: (try? history.runTotal()) ?? runs.count)
    }

    public func runs(flowId: String?, limit: Int) -> [RunRecord] { (try? history.runs(flowId: flowId, limit: limit)) ?? [] }

    public func runPage(_ query: RunQuery) -> RunPage { (try? history.runs(matching: query)) ?? RunPage() }

    public func historyFacts() -> HistoryOverview? {
        guard let facts = try? history.facts() else { return nil }
        let settings = home.flatMap { try? RunnerSettings.load(home: $0) } ?? RunnerSettings()
        return HistoryOverview(facts: facts, retention: settings.retentionSources())
    }

    public func detail(runId: String) -> RunDetail? {
        guard let run = try? history.run(id: runId) else { return nil }
        return RunDetail(run: run, steps: (try? history.steps(runId: run.id)) ?? [])
    }

    public func event(id: String) -> TriggerEvent? { try? history.event(id: id) }

    /// The workspace's lists with their current values (Home > Data), as of the last change.
    public func workspaceSnapshot() -> WorkspaceSnapshot { views.snapshot }

    /// The newest run of each flow (the Flows list), as of the last change.
    public func lastRuns() -> [String: RunSummary] { views.lastRuns }

    public func send(_ command: RunnerCommand) { commands.execute(command) }

    public func drain() -> [RunnerNotice] { commands.notices.take() }

    public func stop() {
        watching?.cancel()
        watching = nil
        if let client {
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                await client.close()
                done.signal()
            }
            _ = done.wait(timeout: .now() + 10)
        }
    }
}
