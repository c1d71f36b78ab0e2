import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Insights

/// How commands reach the runner: the embedded one in this process, or a `serve` over its intake.
public enum RunnerControl: Sendable {
    /// This process runs flows: the host, its workspace activity (schedule, demo feed) and event forwarding.
    case embedded(RunnerHost, WorkspaceActivity)
    /// A `serve` holds the home; commands go to its control routes.
    case attached(IntakeClient, pid: Int32)
    /// History only (tests, or a home without a runner).
    case readOnly
}

extension RunnerControl {
    /// Runs `command`, posting what happened.
    func execute(_ command: RunnerCommand, context: LinkContext) async {
        let workspace = context.workspace, notices = context.notices
        do {
            switch command {
            case .refresh(let source): try await refresh(source, workspace: workspace, notices: notices)
            case .resubmit(let runId):
                let id = try await resubmit(runId)
                notices.post(.success("Resubmitted as run \(id.prefix(8))"))
                notices.post(.openRun(id))
            case .test(let flowId, let body, let dryRun):
                notices.post(.info("Testing \(flowId)\(dryRun ? " (dry run)" : "")…"))
                if case .embedded(let host, _) = self {
                    notices.post(.openRun(try await host.runner.startTest(flowId: flowId, triggerBody: body, dryRun: dryRun)))
                    return
                }
                let watcher = TestRunWatcher.watch(flowId: flowId, history: context.history, notices: notices)
                let id = try await test(flowId, body: body, dryRun: dryRun)
                watcher.cancel()
                if await watcher.value == nil { notices.post(.openRun(id)) }
            case .demoFeed(let on): try demoFeed(on, context: context)
            case .loadStatus: break
            case .setSchedule(let interval):
                guard let workspace else { throw LinkError("this home has no workspace") }
                try context.schedule.set(intervalSeconds: interval, workspace: workspace, control: self)
                let note = if case .attached = self { " (serve uses it from its next start)" } else { "" }
                notices.post(.success("Schedule: " + SystemStatusReader.describe(context.schedule.schedule) + note))
            case .testConnection(let name, let recipient):
                try await ConnectionTester.test(name, recipient: recipient, home: context.home, notices: notices)
                return
            }
        } catch {
            notices.post(.failure("\(error)"))
        }
        if let workspace { await SystemStatusReader.post(workspace, demoFeed: context.demoFeed.value, schedule: context.schedule.schedule, notices: notices) }
    }

    /// Re-reads the flows (after a save or an on/off).
    func reload(notices: NoticeBox) async {
        do {
            switch self {
            case .embedded(let host, _): try await host.runner.reload()
            case .attached(let client, _): _ = try await client.post("/flows/reload", body: .object([:]))
            case .readOnly: break
            }
        } catch {
            notices.post(.failure("The runner could not reload the flows: \(error)"))
        }
    }

    private func refresh(_ source: String?, workspace: Workspace?, notices: NoticeBox) async throws {
        let what = source ?? "all sources (full refresh)"
        notices.post(.info("Refreshing \(what)…"))
        switch self {
        case .attached(let client, _):
            let body: JSONValue = source.map { ["source": .string($0)] } ?? .object([:])
            _ = try await client.post("/refresh", body: body)
            notices.post(.success("Refreshed \(what) (by serve)"))
        case .embedded, .readOnly:
            guard let workspace else { throw LinkError("this home has no workspace") }
            if let source {
                let result = try await workspace.refreshSource(named: source)
                if let error = result.error {
                    notices.post(.failure("Refresh of \(source) failed: \(error)"))
                } else {
                    notices.post(.success("Refreshed \(source): \(result.rowsRead) rows"))
                }
            } else {
                _ = try await workspace.refreshAll { progress in
                    notices.post(.info("Refreshing \(progress.step)/\(progress.totalSteps): \(progress.stage.rawValue) \(progress.item)"))
                }
                notices.post(.success("Full refresh completed"))
            }
        }
    }

    private func resubmit(_ runId: String) async throws -> String {
        switch self {
        case .embedded(let host, _): return try await host.runner.resubmit(runId: runId)
        case .attached(let client, _):
            let answer = try await client.post("/runs/resubmit", body: ["run": .string(runId)])
            return answer["id"]?.stringValue ?? runId
        case .readOnly: throw LinkError("no runner is attached")
        }
    }

    private func test(_ flowId: String, body: JSONValue, dryRun: Bool) async throws -> String {
        switch self {
        case .embedded(let host, _):
            return try await host.runner.test(flowId: flowId, triggerBody: body, dryRun: dryRun).id
        case .attached(let client, _):
            let answer = try await client.post("/flows/test", body: ["flow": .string(flowId), "body": body, "dryRun": .bool(dryRun)])
            return answer["id"]?.stringValue ?? ""
        case .readOnly: throw LinkError("no runner is attached")
        }
    }

    private func demoFeed(_ on: Bool, context: LinkContext) throws {
        guard case .embedded(_, let activity) = self, let feed = activity.demoFeed else {
            throw LinkError("the demo feed is controlled by the runner that started it (or the workspace has none)")
        }
        if on { feed.start() } else { feed.stop() }
        context.demoFeed.value = on
        context.notices.post(.success("Demo feed \(on ? "on" : "off")"))
    }
}
