import ArgumentParser
import FlowExpressions
import Foundation

/// `insightflow eval 'EXPRESSION'`: evaluates an expression and prints its value as JSON.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an expression and print its value as JSON.",
        discussion: """
            EXPRESSION is either a bare expression (concat('a', triggerBody()?['name'])) or flow text \
            starting with @ or holding @{...} ("Refresh of @{triggerBody()?['dataSourceName']} failed"). \
            Prints the value as JSON and exits 0, or prints the error and exits 1.
            """
    )

    @Argument(help: "The expression, or flow text with @ / @{...}.")
    var expression: String

    @Option(name: .customLong("trigger-body"), help: "The trigger body: JSON text, or @FILE to read it from a file.")
    var triggerBody: String?

    @Option(name: .customLong("variables"), help: "Variables as a JSON object (name to value), or @FILE.")
    var variables: String?

    func run() throws {
        do {
            let context = StaticEvaluationContext(
                triggerBody: try triggerBody.map { try Self.readJSON($0, what: "--trigger-body") } ?? .null,
                variables: try Self.variableTable(variables))
            let value = try Self.evaluate(expression, in: context)
            print(value.jsonText(pretty: true))
        } catch let error as ExpressionSyntaxError {
            Self.printError("error: \(error.description)")
            throw ExitCode(1)
        } catch let error as ExpressionEvaluationError {
            Self.printError("error: \(error.message)")
            throw ExitCode(1)
        } catch let error as ValidationError {
            Self.printError("error: \(error.message)")
            throw ExitCode(1)
        }
    }

    /// Flow text (leading `@` or an `@{`) is read as a flow string; anything else as a bare expression.
    static func evaluate(_ text: String, in context: StaticEvaluationContext) throws -> JSONValue {
        if text.hasPrefix("@") || text.contains("@{") {
            return try FlowString.parse(text).evaluate(in: context)
        }
        return try Expression.parse(text).evaluate(in: context)
    }

    /// JSON text given inline or as `@path`.
    static func readJSON(_ argument: String, what: String) throws -> JSONValue {
        var text = argument
        if argument.hasPrefix("@") {
            let path = String(argument.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("\(what): cannot read \(path): no such file or not readable")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        do {
            return try JSONValue.parse(text)
        } catch {
            throw ValidationError("\(what) is not valid JSON: \(error.description)")
        }
    }

    static func variableTable(_ argument: String?) throws -> [String: JSONValue] {
        guard let argument else { return [:] }
        guard case .object(let members) = try readJSON(argument, what: "--variables") else {
            throw ValidationError("--variables must be a JSON object of variable names to values")
        }
        return Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value) })
    }
}
