import FlowExpressions
import Foundation

/// A small fixed run: a trigger body, two step results, a scope, variables, a parameter and one loop level.
let context = StaticEvaluationContext(
    triggerBody: [
        "dataSourceName": "Contacts", "errorMessage": "file missing", "segmentName": "High value customers",
        "currentCount": 150, "previousCount": 90, "threshold": 100.5, "tags": ["a", "b", "c"],
        "nested": ["list": [1, 2.5, "three", nil, true], "when": "2026-03-01T10:15:00Z"],
    ],
    triggerHeaders: ["Content-Type": "application/json"],
    actions: [
        "Compose": ["name": "Compose", "status": "Succeeded", "outputs": ["body": ["total": 3, "items": [["id": 1], ["id": 2]]]]],
        "Get_items": ["name": "Get_items", "status": "Failed", "outputs": ["body": "not found", "statusCode": 404]],
    ],
    scopes: ["Try": [["name": "Compose", "status": "Succeeded"]]],
    variables: ["count": 3, "name": "Ada", "ratio": 0.25, "list": [3, 1, 2], "obj": ["k": "v"], "flag": false, "nothing": nil],
    parameters: ["token": "secret", "limit": 10],
    workflow: ["name": "fuzz-flow", "run": ["name": "run-1"]],
    loopFrames: [LoopFrame(name: "Apply_to_each", item: ["email": "ada@example.com", "n": 7], index: 2)],
    now: Date(timeIntervalSince1970: 1_772_000_000)
)

/// libFuzzer entry point: any text through both parsers (a bare expression, and a flow string with `@`/`@{}`).
/// Whatever parses must print to text that parses back to the same tree, survive a step rename, and evaluate
/// against a fixed run to an error or a value the JSON writer and reader carry unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpressions(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let expression = try? Expression.parse(text) {
        let printed = expression.description
        guard let again = try? Expression.parse(printed), again == expression else {
            fatalError("print → parse changed the expression: \(text) → \(printed)")
        }
        _ = expression.references
        check(try expression.evaluate(in: context), source: text)
    }
    if let flowString = try? FlowString.parse(text) {
        let printed = flowString.description
        guard let again = try? FlowString.parse(printed), again == flowString else {
            fatalError("print → parse changed the flow string: \(text) → \(printed)")
        }
        _ = flowString.references
        let renamed = StepRename.rename(in: text, from: "Compose", to: "Compose 2")
        guard (try? FlowString.parse(renamed)) != nil else {
            fatalError("renaming a step broke a flow string that parsed: \(text) → \(renamed)")
        }
        check(try flowString.evaluate(in: context), source: text)
    }
    return 0
}

/// An evaluation either fails with an error or gives a value the JSON writer and reader carry unchanged.
func check(_ evaluate: @autoclosure () throws(ExpressionEvaluationError) -> JSONValue, source: String) {
    guard let value = try? evaluate() else { return }
    let written = value.jsonText()
    guard let read = try? JSONValue.parse(written) else {
        fatalError("the value of \(source) does not read back as JSON: \(written)")
    }
    guard read == finite(value) else { fatalError("the value of \(source) changed through JSON: \(value) → \(written)") }
}

/// The value as the writer means it: non-finite numbers are written as null.
func finite(_ value: JSONValue) -> JSONValue {
    switch value {
    case .double(let number) where !number.isFinite: .null
    case .array(let items): .array(items.map(finite))
    case .object(let members): .object(members.mapValues(finite))
    default: value
    }
}
