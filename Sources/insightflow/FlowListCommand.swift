import ArgumentParser
import FlowExpressions
import FlowModel

/// `insightflow flow list`: every flow with its trigger, state and check result; broken files reported.
struct FlowListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the flows of the home (and any flow files that cannot be read).")

    @OptionGroup var home: HomeOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let listing = FlowStore(home: home.location).summaries(context: Self.checkContext(home.location))
        if json {
            Self.printJSON(.object([
                "flows": .array(listing.flows.map(Self.summary)),
                "broken": .array(listing.broken.map { .object(["file": .string($0.file), "path": .string($0.path), "message": .string($0.message)]) }),
            ]))
        } else {
            Self.printTable(header: ["ID", "NAME", "TRIGGER", "STATE", "STEPS", "CHECK", "MODIFIED"], rows: listing.flows.map { flow in
                [flow.id, flow.displayName, flow.triggerType ?? "-", flow.state.rawValue, String(flow.steps),
                 Self.checkText(errors: flow.errors, warnings: flow.warnings), flow.modifiedAt ?? "-"]
            })
            if listing.flows.isEmpty { print("(no flows yet: `insightflow flow new --name NAME --trigger KIND` creates one)") }
        }
        for broken in listing.broken { Self.printError("warning: cannot read \(broken)") }
    }

    static func checkText(errors: Int, warnings: Int) -> String {
        if errors == 0, warnings == 0 { return "ok" }
        return [errors > 0 ? "\(errors) error(s)" : nil, warnings > 0 ? "\(warnings) warning(s)" : nil].compactMap { $0 }.joined(separator: ", ")
    }

    static func summary(_ flow: FlowSummary) -> JSONValue {
        .object([
            "id": .string(flow.id), "displayName": .string(flow.displayName), "state": .string(flow.state.rawValue),
            "trigger": flow.triggerType.map { .string($0) } ?? .null, "version": .int(flow.version),
            "steps": .int(flow.steps), "modifiedAt": flow.modifiedAt.map(JSONValue.string) ?? .null,
            "errors": .int(flow.errors), "warnings": .int(flow.warnings),
        ])
    }
}
