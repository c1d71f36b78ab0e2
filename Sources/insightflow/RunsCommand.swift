import ArgumentParser
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// `insightflow runs`: the run history.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List and search runs (newest first), show one, compare two, or resubmit one.",
        subcommands: [RunsListCommand.self, RunsShowCommand.self, RunsCompareCommand.self, RunsResubmitCommand.self], defaultSubcommand: RunsListCommand.self)
}

/// `insightflow runs [--status S] [--flow NAME] [--trigger TYPE] [--since T] [--until T] [--search TEXT] [--json]`.
struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List runs, newest first, filtered by status, flow, trigger, time and text.",
        discussion: "Every filter reads one index newest first and stops at --limit, so it answers at once over millions of runs. See docs/run-history.md.")
    @OptionGroup var home: HomeOptions
    @OptionGroup var filters: RunFilterOptions
    @Option(help: "At most this many runs.") var limit = 50
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let history = try HistoryStore.reader(url: home.location.historyDatabase)
        let query = try filters.query(home: home.location, history: history, limit: limit)
        if json {
            // Streamed: a JSON array with one run per line, written as the rows are read (the first line comes at
            // once and memory stays flat at any --limit).
            var first = true
            try history.forEachRun(matching: query) { run in
                print(first ? "[" : ",")
                print(run.summaryJSON.jsonText(), terminator: "")
                first = false
            }
            print(first ? "[]" : "\n]")
            return
        }
        let runs = try history.runs(matching: query).runs
        Self.printTable(header: ["RUN", "FLOW", "STATUS", "STARTED", "DURATION", "TRIGGER"], rows: runs.map { run in
            [String(run.id.prefix(8)), run.flowId, run.status.rawValue, run.startedAt.map(Flow.timestamp) ?? "-",
             run.duration.map { String(format: "%.2fs", $0) } ?? "-", run.triggerSummary]
        }, maxWidth: 48)
        if runs.isEmpty { print(query.isUnfiltered ? "(no runs yet)" : "(no runs match)") }
    }
}

/// `insightflow runs show RUN_ID [--json]`: one run with each step's status, inputs, outputs and error.
struct RunsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one run and its steps.")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The run id (or its first characters).") var runId: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let history = try HistoryStore.reader(url: home.location.historyDatabase)
        guard let record = try history.run(id: runId) else { throw ValidationError("no run '\(runId)'; `insightflow runs` lists them") }
        let steps = try history.steps(runId: record.id)
        if json {
            var summary = record.summaryJSON.objectValue ?? [:]
            summary["triggerOutputs"] = record.triggerOutputs
            summary["steps"] = .array(steps.map(\.json))
            Self.printJSON(.object(summary))
            return
        }
        print("run \(record.id)  flow \(record.flowId) v\(record.flowVersion)  \(record.status.rawValue)\(record.dryRun ? " (dry run)" : "")")
        if let message = record.errorMessage { print("error: \(record.errorCode.map { "\($0): " } ?? "")\(message)") }
        print("trigger: \((record.triggerOutputs["body"] ?? .null).jsonText())")
        for step in steps {
            print("  \(step.stepName)\(step.iterationPath.map { " (\($0))" } ?? "")  \(step.status.rawValue)  attempts \(step.attempts)")
            if let inputs = step.inputs { print("    inputs:  \(inputs.jsonText())") }
            if let outputs = step.outputs { print("    outputs: \(outputs.jsonText())") }
            if let error = step.errorMessage { print("    error:   \(error)  (at \(step.path))") }
        }
    }
}

/// `insightflow runs resubmit RUN_ID`: run the same flow with the same trigger again — in the running `serve` when one
/// holds the home, else here — and wait for it.
struct RunsResubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resubmit", abstract: "Run a previous run's flow again with the same trigger.")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The run id (or its first characters).") var runId: String

    func run() async throws {
        let client = try await Self.reporting { try await RunnerClients.connect(home: home.location, workspace: .none) }
        let finished = try await Self.reporting {
            let id = try await client.resubmit(runId: runId)
            return try await client.waitForRun(id)
        }
        await client.close()
        print("run \(finished.id): \(finished.status.rawValue)\(finished.errorMessage.map { " — \($0)" } ?? "")\(client.mode.byline)")
        if finished.status != .succeeded { throw ExitCode(1) }
    }
}
