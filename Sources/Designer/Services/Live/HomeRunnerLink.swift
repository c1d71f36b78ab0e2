import FlowModel
import FlowRunner
import Foundation
import Insights

/// The runner link of a real home: history read from its database, commands to the embedded runner or to the
/// `serve` that holds the home.
@MainActor
public final class HomeRunnerLink: RunnerLink {
    private let history: HistoryStore
    /// The home (connections.json, delivery for connection tests); nil in history-only tests.
    let home: InsightFlowHome?
    private let control: RunnerControl
    private let context: LinkContext
    private var forwarding: Task<Void, Never>?

    public init(history: HistoryStore, control: RunnerControl, workspace: Workspace?, home: InsightFlowHome? = nil, forwarding: Task<Void, Never>? = nil) {
        self.history = history
        self.home = home
        self.control = control
        self.forwarding = forwarding
        var demo: Bool?
        if case .embedded(_, let activity) = control { demo = activity.demoFeed != nil }
        self.context = LinkContext(workspace: workspace, notices: NoticeBox(), demoFeed: DemoFeedFlag(demo), home: home, history: history)
    }

    /// Attaches to the `serve` holding `home`, or opens the embedded runner (with the workspace's schedule, demo
    /// feed and events) when none does.
    public static func open(home: InsightFlowHome) async throws -> HomeRunnerLink {
        if let endpoint = RunnerEndpoint.current(home: home) {
            let client = try IntakeClient(home: home, endpoint: endpoint)
            return HomeRunnerLink(history: try HistoryStore(url: home.historyDatabase), control: .attached(client, pid: endpoint.pid),
                                  workspace: try? Workspace.load(folder: home.workspaceFolder), home: home)
        }
        let host = try await RunnerHost.open(home: home)
        let forwarding = host.forwardWorkspaceEvents()
        let activity = host.startWorkspaceActivity { _ in }
        return HomeRunnerLink(history: host.history, control: .embedded(host, activity), workspace: host.workspace, home: home, forwarding: forwarding)
    }

    public var modeNote: String {
        switch control {
        case .embedded: return "embedded runner"
        case .attached(_, let pid): return "attached to serve (pid \(pid))"
        case .readOnly: return "history only"
        }
    }

    public func flowsChanged() {
        let control = control, notices = context.notices
        Task.detached { await control.reload(notices: notices) }
    }

    public func feed(limit: Int) -> MonitorFeed {
        let events = (try? history.events(limit: limit)) ?? []
        let runs = (try? history.runs(limit: limit)) ?? []
        return MonitorFeed(events: events, runs: runs, eventTotal: (try? history.eventCount()) ?? events.count,
                           runTotal: (try? history.runTotal()) ?? runs.count)
    }

    public func runs(flowId: String?, limit: Int) -> [RunRecord] { (try? history.runs(flowId: flowId, limit: limit)) ?? [] }

    public func detail(runId: String) -> RunDetail? {
        guard let run = try? history.run(id: runId) else { return nil }
        return RunDetail(run: run, steps: (try? history.steps(runId: run.id)) ?? [])
    }

    public func event(id: String) -> TriggerEvent? { try? history.event(id: id) }

    public func send(_ command: RunnerCommand) {
        let control = control, context = context
        Task.detached { await control.execute(command, context: context) }
    }

    public func drain() -> [RunnerNotice] { context.notices.take() }

    public func stop() {
        forwarding?.cancel()
        forwarding = nil
        context.schedule.stop()
        if case .embedded(_, let activity) = control { activity.stop() }
    }
}
