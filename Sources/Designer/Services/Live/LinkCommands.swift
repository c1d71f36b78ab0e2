import FlowModel
import FlowRunner
import Foundation
import Insights

/// Carries out the designer's runner commands through the `RunnerClient` in the background and posts what
/// happened as notices (drained by the app loop on its tick).
final class LinkCommands: Sendable {
    let client: (any RunnerClient)?
    let workspace: Workspace?
    let home: InsightFlowHome?
    let notices: NoticeBox
    let views: LiveViews

    init(client: (any RunnerClient)?, workspace: Workspace?, home: InsightFlowHome?, notices: NoticeBox, views: LiveViews) {
        self.client = client
        self.workspace = workspace
        self.home = home
        self.notices = notices
        self.views = views
    }

    /// Tells the runner the flows changed (after a save, on/off, rename, delete, import or connection edit).
    func reloadFlows() {
        guard let client else { return }
        let notices = notices
        Task.detached {
            do { try await client.reloadFlows() } catch { notices.post(.failure("The runner could not reload the flows: \(error)")) }
        }
    }

    /// Starts `command`; its outcome arrives as notices.
    func execute(_ command: RunnerCommand) {
        Task.detached { [self] in
            do {
                try await carryOut(command)
            } catch {
                notices.post(.failure("\(error)"))
            }
            if command.changesStatus { await postStatus() }
        }
    }

    private func carryOut(_ command: RunnerCommand) async throws {
        if case .testConnection(let name, let recipient) = command {
            return try await ConnectionTester.test(name, recipient: recipient, home: home, notices: notices)
        }
        if case .loadStatus = command { return }
        guard let client else { throw LinkError("No runner: the history is read-only") }
        switch command {
        case .refresh(let source): try await refresh(source, client: client)
        case .resubmit(let runId):
            let id = try await client.resubmit(runId: runId)
            notices.post(.success("Resubmitted as run \(id.prefix(8))"))
            notices.post(.openRun(id))
        case .test(let flowId, let body, let dryRun):
            notices.post(.info("Testing \(flowId)\(dryRun ? " (dry run)" : "")…"))
            notices.post(.openRun(try await client.startTest(flowId: flowId, triggerBody: body, dryRun: dryRun)))
        case .demoFeed(let on):
            try await client.setDemoFeed(on: on)
            notices.post(.success("Demo feed \(on ? "on" : "off")"))
        case .setSchedule(let interval):
            let on = (interval ?? 0) > 0
            try await client.setSchedule(RefreshSchedule(enabled: on, intervalSeconds: on ? interval : nil))
            notices.post(.success("Schedule: " + WorkspaceViews.describe(try await client.schedule())))
        case .loadStatus, .testConnection: break
        }
    }

    private func refresh(_ source: String?, client: any RunnerClient) async throws {
        let what = source ?? "all sources (full refresh)"
        notices.post(.info("Refreshing \(what)…"))
        let notices = notices
        let report: RefreshReport
        if let local = client as? LocalRunnerClient {
            report = try await local.refresh(source: source) { progress in
                notices.post(.info("Refreshing \(progress.step)/\(progress.totalSteps): \(progress.stage.rawValue) \(progress.item)"))
            }
        } else {
            report = try await client.refresh(source: source)
        }
        let by = client.mode == .embedded ? "" : " (by serve)"
        if !report.failedSources.isEmpty {
            let lines = report.events.filter { $0.kind == "DataSourceRefreshFailed" }.map(\.line)
            notices.post(.failure("Refresh failed\(by): " + (lines.isEmpty ? report.failedSources.joined(separator: ", ") : lines.joined(separator: "; "))))
        } else {
            notices.post(.success(source.map { "Refreshed \($0)\(by)" } ?? "Full refresh completed\(by)"))
        }
    }

    /// Posts Admin > System's view: the workspace status with the schedule and demo feed in force, and the
    /// runner's last hour (also for a home without a workspace).
    private func postStatus() async {
        let activity = try? await client?.activity()
        guard let workspace else {
            notices.post(.status(SystemStatusView(activity: activity)))
            return
        }
        do {
            let status = try await workspace.status()
            let schedule = try? await client?.schedule()
            let feed = try? await client?.demoFeed()
            var view = WorkspaceViews.system(status, schedule: schedule ?? workspace.definition.schedule, demoFeed: feed ?? nil)
            view.activity = activity
            notices.post(.status(view))
        } catch {
            notices.post(.failure("Cannot read the workspace status: \(error)"))
        }
        views.reload()
    }
}

extension RunnerCommand {
    /// Whether Admin > System's status is re-read after the command.
    var changesStatus: Bool {
        switch self {
        case .refresh, .demoFeed, .loadStatus, .setSchedule: true
        case .resubmit, .test, .testConnection: false
        }
    }
}

/// A command the link cannot carry out (no runner, no workspace).
struct LinkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
