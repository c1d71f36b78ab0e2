import ArgumentParser
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import OrderedCollections

/// `insightflow emit TYPE --field k=v ...`: send one event — to the running `serve` if there is one, else run it here.
struct EmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emit", abstract: "Send an event to the home's flows (for scripts).",
        discussion: "Types: " + EventType.allCases.map(\.rawValue).joined(separator: ", "))

    @OptionGroup var home: HomeOptions
    @Argument(help: "The event type, e.g. DataSourceRefreshFailed.") var type: String
    @Option(name: .customLong("field"), help: "A field as key=value (repeatable); numbers and booleans keep their type.") var fields: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        var members = OrderedDictionary<String, JSONValue>()
        for (key, value) in try FlowNewCommand.parameters(fields) { members[key] = value }
        let document: JSONValue = ["type": .string(type), "fields": .object(members)]
        let event: TriggerEvent
        do {
            event = try EventParser.parse(document, origin: "cli")
        } catch {
            throw ValidationError(error.message)
        }
        if let endpoint = RunnerEndpoint.current(home: home.location) {
            let answer = try await IntakeClient(home: home.location, endpoint: endpoint).send(document)
            print(json ? answer.jsonText(pretty: true) : "accepted \(answer["id"]?.stringValue ?? "?") by the running runner (pid \(endpoint.pid))")
            return
        }
        let host = try await RunnerHost.open(home: home.location)
        let runs = try await host.runner.accept(event)
        await host.runner.waitUntilIdle()
        var finished: [JSONValue] = []
        for id in runs {
            let run = await host.runner.finished(id)
            finished.append(["id": .string(run.id), "flow": .string(run.flowId), "status": .string(run.status.rawValue)])
            if !json { print("run \(run.id) of \(run.flowId): \(run.status.rawValue)\(run.errorMessage.map { " — \($0)" } ?? "")") }
        }
        if json { CLIOutput.printJSON(["id": .string(event.id), "runs": .array(finished)]) }
        else if runs.isEmpty { print("accepted \(event.id); no flow fired") }
    }
}
