import ArgumentParser
import FlowExpressions
import FlowModel

/// `insightflow flow show ID`: the flow as a tree of steps (or its file as JSON) and its check result.
struct FlowShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one flow (by id or name).")

    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String
    @Flag(help: "Print the flow file's JSON.") var json = false

    func run() throws {
        let stored = try Self.storeCall { () throws(FlowStoreError) in try FlowStore(home: home.location).find(flow) }
        if json {
            print(String(decoding: FlowCodec.encode(stored.flow), as: UTF8.self), terminator: "")
            return
        }
        let shown = stored.flow
        print("\(shown.displayName)  [\(shown.id)]  \(shown.state.rawValue)  version \(shown.version)")
        print("file: \(stored.file.path)")
        if let trigger = shown.trigger {
            print("trigger: \(trigger.kind.map { Catalog.trigger($0).displayName } ?? trigger.type) — \(StepSummary.oneLine(trigger))")
        }
        for located in shown.definition.allSteps {
            let indent = String(repeating: "  ", count: located.ancestors.count + 1)
            let branch = located.index == 0 ? located.branch.map { "[\($0)] " } ?? "" : ""
            print("\(indent)\(branch)\(located.step.name) (\(located.step.type.rawValue)): \(StepSummary.oneLine(located.step))")
        }
        let issues = FlowChecker.check(shown, context: Self.checkContext(home.location))
        print(issues.isEmpty ? "check: ok" : "check:")
        for issue in issues { print("  \(issue)") }
    }
}
