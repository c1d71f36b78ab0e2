import ArgumentParser
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// `insightflow flow test ID [--body JSON|@file | --from-run RUN_ID] [--dry-run] [--force]`: run a flow now
/// (trigger conditions honoured unless `--force`).
struct FlowTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Run a flow now with a trigger body (or a previous run's), optionally as a dry run.")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String
    @Option(help: "The trigger body as JSON, or @file.") var body: String?
    @Option(help: "Use the trigger body of this previous run.") var fromRun: String?
    @Flag(help: "Evaluate every step and record what would be sent, without sending.") var dryRun = false
    @Flag(help: "Print the run as JSON.") var json = false
    @Flag(help: "Run even when a trigger condition is false for this body.") var force = false

    func run() async throws {
        let location = home.location
        let found = try FlowStoreCalls.run { () throws(FlowStoreError) in try FlowStore(home: location).find(flow).flow }
        let flowId = found.id
        if !force {
            let unmet = TriggerConditionCheck.unmet(found, triggerBody: try triggerBody(HistoryStore(url: location.historyDatabase)))
            if !unmet.isEmpty {
                print("not run: the trigger condition \(unmet.joined(separator: " and ")) is false for this body, so an event like it would not start the flow; --force runs it anyway")
                throw ExitCode(1)
            }
        }
        if let endpoint = RunnerEndpoint.current(home: location) {
            let history = try HistoryStore(url: location.historyDatabase)
            let answer = try await IntakeClient(home: location, endpoint: endpoint)
                .post("/flows/test", body: ["flow": .string(flowId), "body": try triggerBody(history), "dryRun": .bool(dryRun)])
            print("run \(answer["id"]?.stringValue ?? "?") by the running runner (pid \(endpoint.pid)): \(answer["status"]?.stringValue ?? "?")")
            if answer["status"]?.stringValue != RunStatus.succeeded.rawValue { throw ExitCode(1) }
            return
        }
        let host = try await RunnerHost.open(home: location)
        let triggerBody = try triggerBody(host.history)
        let run = try await host.runner.test(flowId: flowId, triggerBody: triggerBody, dryRun: dryRun)
        if json {
            var summary = RunsFormat.summary(run).objectValue ?? [:]
            summary["steps"] = .array(try host.history.steps(runId: run.id).map(RunsFormat.step))
            CLIOutput.printJSON(.object(summary))
        } else {
            print("run \(run.id): \(run.status.rawValue)\(run.errorMessage.map { " — \($0)" } ?? "")")
            for step in try host.history.steps(runId: run.id) {
                print("  \(step.stepName)  \(step.status.rawValue)\(step.errorMessage.map { " — \($0)" } ?? "")")
            }
        }
        if run.status != .succeeded { throw ExitCode(1) }
    }

    private func triggerBody(_ history: HistoryStore) throws -> JSONValue {
        if let fromRun {
            guard let previous = try history.run(id: fromRun) else { throw ValidationError("no run '\(fromRun)'") }
            return previous.triggerOutputs["body"] ?? .null
        }
        guard let body else { return .object([:]) }
        let text = body.hasPrefix("@") ? String(decoding: try CLIOutput.readFile(String(body.dropFirst())), as: UTF8.self) : body
        do {
            return try JSONValue.parse(text)
        } catch {
            throw ValidationError("--body is not valid JSON: \(error)")
        }
    }
}
