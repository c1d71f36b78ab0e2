import Foundation
import FlowExpressions
import Testing

/// One row of the case table: a flow string and the JSON it evaluates to, or `!` and an error substring.
struct ExpressionCase: CustomTestStringConvertible, Sendable {
    let source: String
    let expected: String

    init(_ source: String, _ expected: String) {
        self.source = source
        self.expected = expected
    }

    var testDescription: String { source }
}

/// The run every table case is evaluated against.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_795_683_600)  // 2026-11-26T09:00:00Z

    static let context: StaticEvaluationContext = {
        let body = json("""
            {"dataSourceName": "Contacts", "errorMessage": "timeout", "count": 42, "ratio": 0.5,
             "tags": ["a", "b"], "nested": {"x": {"y": 1}}, "empty": "", "nothing": null, "flag": true,
             "when": "2026-03-15T13:45:30.1234567Z"}
            """)
        return StaticEvaluationContext(
            triggerBody: body,
            triggerHeaders: ["x-source": "insights"],
            actions: ["Get_items": json(#"{"status": "Succeeded", "outputs": {"statusCode": 200, "body": {"value": [1, 2, 3]}}}"#)],
            scopes: ["Try": [json(#"{"name": "Send", "status": "Failed"}"#)]],
            variables: ["counter": 5, "name": "Ada", "list": [1, 2]],
            parameters: ["env": "prod"],
            workflow: ["name": "flow-1"],
            loopFrames: [LoopFrame(name: "Outer", item: ["id": 1], index: 0), LoopFrame(name: "Inner", item: "x", index: 2)],
            now: now)
    }()

    static func json(_ text: String) -> JSONValue {
        (try? JSONValue.parse(text)) ?? .string("<invalid fixture JSON>")
    }

    /// Evaluates a case's source, returning the value's JSON text or the error text prefixed with `!`.
    static func run(_ source: String) -> String {
        do {
            return try FlowString.parse(source).evaluate(in: context).jsonText()
        } catch {
            return "!" + String(describing: error)
        }
    }

    static func check(_ row: ExpressionCase) {
        let actual = run(row.source)
        if row.expected.hasPrefix("!") {
            #expect(actual.hasPrefix("!") && actual.contains(row.expected.dropFirst()), "\(row.source) gave \(actual)")
        } else {
            #expect(actual == json(row.expected).jsonText(), "\(row.source)")
        }
    }
}
