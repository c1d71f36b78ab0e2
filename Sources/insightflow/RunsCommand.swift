import ArgumentParser
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// `insightflow runs`: the run history.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List runs (newest first), show one, or resubmit one.",
        subcommands: [RunsListCommand.self, RunsShowCommand.self, RunsResubmitCommand.self], defaultSubcommand: RunsListCommand.self)
}

/// `insightflow runs [--flow NAME] [--status failed] [--json]`.
struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List runs, newest first.")
    @OptionGroup var home: HomeOptions
    @Option(help: "Only runs of this flow (id or name).") var flow: String?
    @Option(help: "Only runs with this status (succeeded, failed, cancelled, running, queued, timedout).") var status: String?
    @Option(help: "At most this many runs.") var limit = 50
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let history = try HistoryStore(url: home.location.historyDatabase)
        let flowId = try flow.map { name in try FlowStoreCalls.run { () throws(FlowStoreError) in try FlowStore(home: home.location).find(name).flow.id } }
        let wanted = try status.map { text -> RunStatus in
            guard let status = RunStatus(caseInsensitive: text) else { throw ValidationError("unknown status '\(text)'; use \(RunStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
            return status
        }
        let runs = try history.runs(flowId: flowId, status: wanted, limit: limit)
        if json {
            CLIOutput.printJSON(.array(runs.map(RunsFormat.summary)))
            return
        }
        CLIOutput.printTable(header: ["RUN", "FLOW", "STATUS", "STARTED", "DURATION", "TRIGGER"], rows: runs.map { run in
            [String(run.id.prefix(8)), run.flowId, run.status.rawValue, run.startedAt.map(Flow.timestamp) ?? "-",
             run.duration.map { String(format: "%.2fs", $0) } ?? "-", RunsFormat.triggerSummary(run)]
        }, maxWidth: 48)
        if runs.isEmpty { print("(no runs yet)") }
    }
}

/// `insightflow runs show RUN_ID [--json]`: one run with each step's status, inputs, outputs and error.
struct RunsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one run and its steps.")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The run id (or its first characters).") var runId: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let history = try HistoryStore(url: home.location.historyDatabase)
        guard let record = try history.run(id: runId) else { throw ValidationError("no run '\(runId)'; `insightflow runs` lists them") }
        let steps = try history.steps(runId: record.id)
        if json {
            var summary = RunsFormat.summary(record).objectValue ?? [:]
            summary["triggerOutputs"] = record.triggerOutputs
            summary["steps"] = .array(steps.map(RunsFormat.step))
            CLIOutput.printJSON(.object(summary))
            return
        }
        print("run \(record.id)  flow \(record.flowId) v\(record.flowVersion)  \(record.status.rawValue)\(record.dryRun ? " (dry run)" : "")")
        if let message = record.errorMessage { print("error: \(record.errorCode.map { "\($0): " } ?? "")\(message)") }
        print("trigger: \((record.triggerOutputs["body"] ?? .null).jsonText())")
        for step in steps {
            print("  \(step.stepName)\(step.iteration > 0 ? "[\(step.iteration)]" : "")  \(step.status.rawValue)  attempts \(step.attempts)")
            if let inputs = step.inputs { print("    inputs:  \(inputs.jsonText())") }
            if let outputs = step.outputs { print("    outputs: \(outputs.jsonText())") }
            if let error = step.errorMessage { print("    error:   \(error)  (at \(step.path))") }
        }
    }
}

/// `insightflow runs resubmit RUN_ID`: run the same flow with the same trigger outputs again.
struct RunsResubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resubmit", abstract: "Run a previous run's flow again with the same trigger.")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The run id (or its first characters).") var runId: String

    func run() async throws {
        if let endpoint = RunnerEndpoint.current(home: home.location) {
            let answer = try await IntakeClient(home: home.location, endpoint: endpoint).post("/runs/resubmit", body: ["run": .string(runId)])
            print("resubmitted as \(answer["id"]?.stringValue ?? "?") by the running runner")
            return
        }
        let host = try await RunnerHost.open(home: home.location)
        let id = try await host.runner.resubmit(runId: runId)
        let finished = await host.runner.finished(id)
        print("run \(finished.id): \(finished.status.rawValue)\(finished.errorMessage.map { " — \($0)" } ?? "")")
    }
}

/// Shared run formatting for the commands.
enum RunsFormat {
    static func summary(_ run: RunRecord) -> JSONValue {
        [
            "id": .string(run.id), "flowId": .string(run.flowId), "flowName": .string(run.flowName), "flowVersion": .int(run.flowVersion),
            "status": .string(run.status.rawValue), "eventId": run.eventId.map(JSONValue.string) ?? .null, "origin": .string(run.origin),
            "queuedAt": .string(Flow.timestamp(run.queuedAt)), "startedAt": run.startedAt.map { .string(Flow.timestamp($0)) } ?? .null,
            "finishedAt": run.finishedAt.map { .string(Flow.timestamp($0)) } ?? .null, "dryRun": .bool(run.dryRun),
            "errorCode": run.errorCode.map(JSONValue.string) ?? .null, "errorMessage": run.errorMessage.map(JSONValue.string) ?? .null,
        ]
    }

    static func step(_ step: StepRecord) -> JSONValue {
        [
            "name": .string(step.stepName), "path": .string(step.path), "iteration": .int(step.iteration), "status": .string(step.status.rawValue),
            "attempts": .int(step.attempts), "startedAt": .string(Flow.timestamp(step.startedAt)),
            "finishedAt": step.finishedAt.map { .string(Flow.timestamp($0)) } ?? .null,
            "inputs": step.inputs ?? .null, "outputs": step.outputs ?? .null, "error": step.errorMessage.map(JSONValue.string) ?? .null,
        ]
    }

    /// `Webshop`, `High value customers 98 → 104`, ...
    static func triggerSummary(_ run: RunRecord) -> String {
        let body = run.triggerOutputs["body"] ?? .null
        for key in ["dataSourceName", "segmentName", "measureName"] {
            if let name = body[key]?.stringValue {
                let values = [body["previousCount"] ?? body["previousValue"], body["currentCount"] ?? body["currentValue"]].compactMap { $0?.jsonText() }
                return ([name] + (values.count == 2 ? ["\(values[0]) → \(values[1])"] : [])).joined(separator: " ")
            }
        }
        return run.origin
    }
}
