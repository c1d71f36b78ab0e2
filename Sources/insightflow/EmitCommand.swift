import ArgumentParser
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import OrderedCollections

/// `insightflow emit TYPE --field k=v ...`: send one event — to the running `serve` if there is one, else run it
/// here — and wait for the runs it causes.
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
        do {
            _ = try EventParser.parse(document, origin: .cli)
        } catch {
            throw ValidationError(error.message)
        }
        let client = try await Self.reporting { try await RunnerClients.connect(home: home.location, workspace: .none) }
        let accepted = try await Self.reporting { try await client.accept(event: document, origin: .cli) }
        if !json { print("accepted \(accepted.eventId)\(client.mode.byline)" + (accepted.runIds.isEmpty ? "; no flow fired" : "")) }
        var finished: [JSONValue] = []
        for id in accepted.runIds {
            let run = try await Self.reporting { try await client.waitForRun(id) }
            finished.append(["id": .string(run.id), "flow": .string(run.flowId), "status": .string(run.status.rawValue)])
            if !json { print("run \(run.id) of \(run.flowId): \(run.status.rawValue)\(run.errorMessage.map { " — \($0)" } ?? "")") }
        }
        await client.close()
        if json { Self.printJSON(["id": .string(accepted.eventId), "runs": .array(finished)]) }
    }
}
