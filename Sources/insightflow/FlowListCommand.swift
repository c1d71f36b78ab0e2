import ArgumentParser
import FlowExpressions
import FlowModel

/// `insightflow flow list`: every flow with its trigger, state and check result; broken files reported.
struct FlowListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the flows of the home (and any flow files that cannot be read).")

    @OptionGroup var home: HomeOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let listing = FlowStore(home: home.location).list()
        let context = Self.checkContext(home.location)
        let checked = ParallelMap.map(listing.flows) { ($0, FlowChecker.check($0.flow, context: context)) }
        if json {
            Self.printJSON(.object([
                "flows": .array(checked.map { Self.summary($0.0.flow, $0.1) }),
                "broken": .array(listing.broken.map { .object(["file": .string($0.file), "path": .string($0.path), "message": .string($0.message)]) }),
            ]))
        } else {
            Self.printTable(header: ["ID", "NAME", "TRIGGER", "STATE", "STEPS", "CHECK", "MODIFIED"], rows: checked.map { stored, issues in
                let flow = stored.flow
                return [flow.id, flow.displayName, flow.trigger?.type ?? "-", flow.state.rawValue, String(flow.definition.stepCount),
                        Self.checkText(issues), flow.modifiedAt ?? "-"]
            })
            if listing.flows.isEmpty { print("(no flows yet: `insightflow flow new --name NAME --trigger KIND` creates one)") }
        }
        for broken in listing.broken { Self.printError("warning: cannot read \(broken)") }
    }

    static func checkText(_ issues: [FlowIssue]) -> String {
        let errors = issues.filter { $0.severity == .error }.count
        let warnings = issues.count - errors
        if issues.isEmpty { return "ok" }
        return [errors > 0 ? "\(errors) error(s)" : nil, warnings > 0 ? "\(warnings) warning(s)" : nil].compactMap { $0 }.joined(separator: ", ")
    }

    static func summary(_ flow: Flow, _ issues: [FlowIssue]) -> JSONValue {
        .object([
            "id": .string(flow.id), "displayName": .string(flow.displayName), "state": .string(flow.state.rawValue),
            "trigger": flow.trigger.map { .string($0.type) } ?? .null, "version": .int(flow.version),
            "steps": .int(flow.definition.stepCount), "modifiedAt": flow.modifiedAt.map(JSONValue.string) ?? .null,
            "errors": .int(issues.filter { $0.severity == .error }.count), "warnings": .int(issues.filter { $0.severity == .warning }.count),
        ])
    }
}
