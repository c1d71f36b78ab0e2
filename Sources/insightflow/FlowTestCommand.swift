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
        let found = try Self.storeCall { () throws(FlowStoreError) in try FlowStore(home: location).find(flow).flow }
        let client = try await Self.reporting { try await RunnerClients.connect(home: location, workspace: .none) }
        let body = try triggerBody(client.history)
        if !force {
            let unmet = TriggerConditionCheck.unmet(found, triggerBody: body)
            if !unmet.isEmpty {
                print("not run: the trigger condition \(unmet.joined(separator: " and ")) is false for this body, so an event like it would not start the flow; --force runs it anyway")
                throw ExitCode(1)
            }
        }
        let run = try await Self.reporting {
            try await client.waitForRun(try await client.startTest(flowId: found.id, triggerBody: body, dryRun: dryRun))
        }
        let steps = try client.history.steps(runId: run.id)
        await client.close()
        if json {
            var summary = run.summaryJSON.objectValue ?? [:]
            summary["steps"] = .array(steps.map(\.json))
            Self.printJSON(.object(summary))
        } else {
            print("run \(run.id): \(run.status.rawValue)\(run.errorMessage.map { " — \($0)" } ?? "")\(client.mode.byline)")
            for step in steps {
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
        let text = body.hasPrefix("@") ? String(decoding: try Self.readFile(String(body.dropFirst())), as: UTF8.self) : body
        do {
            return try JSONValue.parse(text)
        } catch {
            throw ValidationError("--body is not valid JSON: \(error)")
        }
    }
}
