import ArgumentParser
import FlowExpressions
import FlowModel

/// `insightflow flow validate FILE...`: read and check flow files; non-zero exit when any has errors.
struct FlowValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check flow files; exits 1 when any has errors.")

    @OptionGroup var home: HomeOptions
    @Argument(help: "Flow files to check.") var files: [String]
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        var failed = false
        var reports: [JSONValue] = []
        let context = Self.checkContext(home.location)
        for file in files {
            let (issues, readable) = Self.check(file, context: context)
            failed = failed || issues.contains { $0.severity == .error }
            if json {
                reports.append(.object(["file": .string(file), "readable": .bool(readable), "issues": .array(issues.map(Self.issueJSON))]))
            } else if issues.isEmpty {
                print("\(file): ok")
            } else {
                for issue in issues { print("\(file): \(issue)") }
            }
        }
        if json { Self.printJSON(.array(reports)) }
        if failed { throw ExitCode(1) }
    }

    /// The checker's findings for one file; a file that cannot be read is one error.
    static func check(_ file: String, context: CheckContext) -> (issues: [FlowIssue], readable: Bool) {
        guard let bytes = try? Self.readFile(file) else {
            return ([FlowIssue(.error, path: "$", "cannot read the file")], false)
        }
        do {
            let flow = try FlowCodec.decode(bytes, file: file)
            return (FlowChecker.check(flow, context: context), true)
        } catch {
            let place = error.line.map { "line \($0), column \(error.column ?? 1): " } ?? ""
            return ([FlowIssue(.error, path: error.path, place + error.message)], false)
        }
    }

    static func issueJSON(_ issue: FlowIssue) -> JSONValue {
        .object([
            "severity": .string(issue.severity.rawValue), "path": .string(issue.path),
            "step": issue.step.map(JSONValue.string) ?? .null, "field": issue.field.map(JSONValue.string) ?? .null,
            "message": .string(issue.message),
        ])
    }
}
