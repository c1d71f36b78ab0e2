import FlowExpressions
import Foundation
import Insights
import OrderedCollections

/// Whether `serve` can do its work, part by part: the history store answers, the flows are loaded (their last
/// reload succeeded), and the workspace is loaded (or the home has none, by design). `/ready` answers with it.
public struct Readiness: Sendable {
    /// One part's state.
    public struct Check: Sendable {
        public var name: String
        public var ok: Bool
        public var detail: String
    }

    public var checks: [Check]
    /// True when every part is ready.
    public var ready: Bool { checks.allSatisfy(\.ok) }

    /// Checks the parts of the runner behind `client`.
    public static func check(_ client: LocalRunnerClient) async -> Readiness {
        let runner = client.runner
        var checks: [Check] = []
        do {
            try runner.history.probe()
            checks.append(Check(name: "store", ok: true, detail: "\(runner.history.url.lastPathComponent) answers"))
        } catch {
            checks.append(Check(name: "store", ok: false, detail: "the history store does not answer: \(error)"))
        }
        if let problem = await runner.reloadProblem {
            checks.append(Check(name: "flows", ok: false, detail: "the flows are not loaded: \(problem)"))
        } else {
            checks.append(Check(name: "flows", ok: true, detail: "\(await runner.loadedFlows.count) loaded"))
        }
        let definition = runner.home.workspaceFolder.appendingPathComponent(WorkspaceDefinition.fileName)
        if let workspace = client.workspace {
            checks.append(Check(name: "workspace", ok: true, detail: "'\(workspace.definition.name)' loaded"))
        } else if FileManager.default.fileExists(atPath: definition.path) {
            let reason = client.startWarnings.first { $0.hasPrefix("the workspace is not loaded") } ?? "the workspace is not loaded"
            checks.append(Check(name: "workspace", ok: false, detail: reason))
        } else {
            checks.append(Check(name: "workspace", ok: true, detail: "absent (the home has no workspace)"))
        }
        return Readiness(checks: checks)
    }

    /// `{"status": "ready"|"not ready", "failing": [...], "checks": {name: {"ok", "detail"}}}`.
    public var json: JSONValue {
        var parts = OrderedDictionary<String, JSONValue>()
        for check in checks { parts[check.name] = ["ok": .bool(check.ok), "detail": .string(check.detail)] }
        return ["status": .string(ready ? "ready" : "not ready"),
                "failing": .array(checks.filter { !$0.ok }.map { .string($0.name) }),
                "checks": .object(parts)]
    }
}
