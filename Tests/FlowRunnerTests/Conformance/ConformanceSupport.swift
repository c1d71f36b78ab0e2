import FlowExpressions
import FlowModel
import Foundation
import OrderedCollections
import Testing
@testable import FlowRunner

/// One row of the conformance table: a flow definition's `actions` (the file's JSON shape), the trigger body, and the
/// status the reference runtime gives the run and every action (`-` for an action that has no record).
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let name: String
    let actions: JSONValue
    var body: JSONValue = [:]
    let run: RunStatus
    /// Action name → expected status of its last record, or `-` for none.
    let steps: [String: String]
    /// Reference rule this case pins down (docs/run-semantics.md section).
    var rule: String = ""

    var testDescription: String { name }
}

/// A delivery double that answers by URL, so parallel branches get deterministic answers:
/// `http://ok/...` succeeds, `http://status/404` fails with that status, `http://slow/SECONDS` waits first.
struct RoutedDelivery: ActionDelivering {
    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome {
        let uri = request.inputs["uri"]?.stringValue ?? ""
        let parts = uri.replacingOccurrences(of: "http://", with: "").split(separator: "/").map(String.init)
        switch parts.first {
        case "status":
            let code = Int(parts.count > 1 ? parts[1] : "500") ?? 500
            return .failed(DeliveryFailure(message: "the server answered \(code)", retryable: code >= 500 || code == 429, retryAfter: nil, statusCode: code,
                                           outputs: ["statusCode": .int(code), "body": "failed"]))
        case "slow":
            let seconds = Double(parts.count > 1 ? parts[1] : "1") ?? 1
            try? await Task.sleep(for: .seconds(seconds))
            return .delivered(outputs: ["statusCode": 200, "body": "slow"])
        default:
            return .delivered(outputs: ["statusCode": 200, "body": "ok"])
        }
    }
}

/// Runs conformance definitions through the real runner (flow file shape → FlowCodec → Runner → history).
enum Conformance {
    /// The flow for a case; `reversed` lists every scope's actions in the opposite key order.
    static func flow(_ testCase: ConformanceCase, reversed: Bool = false) throws -> Flow {
        var flow = Flow(id: "conformance", displayName: "Conformance", trigger: Trigger(kind: .manual))
        var definition = FlowCodec.jsonValue(flow.definition).objectValue ?? [:]
        definition["actions"] = testCase.actions
        var actions = try FlowCodec.decodeDefinition(.object(definition), file: testCase.name).actions
        if reversed { actions = reverse(actions) }
        flow.definition.actions = actions
        return flow
    }

    /// Every scope's actions in reverse key order.
    static func reverse(_ steps: StepList) -> StepList {
        var result = StepList()
        for (name, step) in steps.reversed() {
            var copy = step
            copy.actions = step.actions.map(reverse)
            copy.elseActions = step.elseActions.map(reverse)
            copy.defaultActions = step.defaultActions.map(reverse)
            if let cases = step.cases {
                var reversedCases = cases
                for (key, value) in cases {
                    var c = value
                    c.actions = reverse(value.actions)
                    reversedCases[key] = c
                }
                copy.cases = reversedCases
            }
            result[name] = copy
        }
        return result
    }

    /// Runs a flow once and returns the run with its step records.
    static func execute(_ flow: Flow, body: JSONValue) async throws -> (RunRecord, [StepRecord]) {
        let fixture = try RunnerFixture(delivery: RoutedDelivery())
        try fixture.add(flow)
        let runner = try await fixture.runner()
        let run = try await runner.test(flowId: flow.id, triggerBody: body, dryRun: false)
        return (run, try fixture.history.steps(runId: run.id))
    }

    /// Action name → status of its last record.
    /// Every recorded status of each action, sorted: comparable across runs even when loop iterations run
    /// concurrently and finish in any order.
    static func allStatuses(_ records: [StepRecord]) -> [String: [String]] {
        Dictionary(grouping: records, by: \.stepName).mapValues { $0.map(\.status.rawValue).sorted() }
    }

    static func statuses(_ records: [StepRecord]) -> [String: String] {
        var result: [String: String] = [:]
        for record in records { result[record.stepName] = record.status.rawValue }
        return result
    }
}

/// Builders for the definitions' JSON: each returns the action object exactly as a flow file writes it.
enum Def {
    typealias After = OrderedDictionary<String, [String]>

    static func action(_ type: String, inputs: JSONValue? = nil, after: After = [:], extra: OrderedDictionary<String, JSONValue> = [:]) -> JSONValue {
        var members: OrderedDictionary<String, JSONValue> = ["type": .string(type)]
        if let inputs { members["inputs"] = inputs }
        var runAfter: OrderedDictionary<String, JSONValue> = [:]
        for (name, statuses) in after { runAfter[name] = .array(statuses.map { .string($0) }) }
        members["runAfter"] = .object(runAfter)
        for (key, value) in extra { members[key] = value }
        return .object(members)
    }

    static func compose(_ value: JSONValue, after: After = [:], extra: OrderedDictionary<String, JSONValue> = [:]) -> JSONValue {
        action("Compose", inputs: value, after: after, extra: extra)
    }

    /// A Compose that fails (`int('abc')`).
    static func fail(after: After = [:]) -> JSONValue { compose("@int('abc')", after: after) }

    static func scope(_ actions: JSONValue, after: After = [:], extra: OrderedDictionary<String, JSONValue> = [:]) -> JSONValue {
        var all = extra
        all["actions"] = actions
        return action("Scope", after: after, extra: all)
    }

    static func condition(_ expression: JSONValue, yes: JSONValue, no: JSONValue = [:], after: After = [:]) -> JSONValue {
        action("If", after: after, extra: ["expression": expression, "actions": yes, "else": ["actions": no]])
    }

    static func switchOn(_ expression: JSONValue, cases: OrderedDictionary<String, (JSONValue, JSONValue)>, otherwise: JSONValue = [:], after: After = [:]) -> JSONValue {
        var caseObjects: OrderedDictionary<String, JSONValue> = [:]
        for (name, (value, actions)) in cases { caseObjects[name] = ["case": value, "actions": actions] }
        return action("Switch", after: after, extra: ["expression": expression, "cases": .object(caseObjects), "default": ["actions": otherwise]])
    }

    static func foreach(_ items: String, _ actions: JSONValue, concurrency: Int? = nil, after: After = [:]) -> JSONValue {
        var extra: OrderedDictionary<String, JSONValue> = ["foreach": .string(items), "actions": actions]
        if let concurrency { extra["runtimeConfiguration"] = ["concurrency": ["repetitions": .int(concurrency)]] }
        return action("Foreach", after: after, extra: extra)
    }

    static func until(_ expression: JSONValue, _ actions: JSONValue, count: Int, timeout: String = "PT1H", failWhenLimitsReached: Bool = false, after: After = [:]) -> JSONValue {
        var extra: OrderedDictionary<String, JSONValue> = ["expression": expression, "limit": ["count": .int(count), "timeout": .string(timeout)], "actions": actions]
        if failWhenLimitsReached { extra["operationOptions"] = "FailWhenLimitsReached" }
        return action("Until", after: after, extra: extra)
    }

    static func terminate(_ status: String, code: String? = nil, message: String? = nil, after: After = [:]) -> JSONValue {
        var inputs: OrderedDictionary<String, JSONValue> = ["runStatus": .string(status)]
        if code != nil || message != nil {
            var error: OrderedDictionary<String, JSONValue> = [:]
            if let code { error["code"] = .string(code) }
            if let message { error["message"] = .string(message) }
            inputs["runError"] = .object(error)
        }
        return action("Terminate", inputs: .object(inputs), after: after)
    }

    static func wait(seconds: Double, timeout: String? = nil, after: After = [:]) -> JSONValue {
        var extra: OrderedDictionary<String, JSONValue> = [:]
        if let timeout { extra["limit"] = ["timeout": .string(timeout)] }
        return action("Wait", inputs: ["interval": ["count": .double(seconds), "unit": "Second"]], after: after, extra: extra)
    }

    static func http(_ uri: String, after: After = [:], timeout: String? = nil) -> JSONValue {
        var extra: OrderedDictionary<String, JSONValue> = [:]
        if let timeout { extra["limit"] = ["timeout": .string(timeout)] }
        return action("Http", inputs: ["method": "GET", "uri": .string(uri), "retryPolicy": ["type": "none"]], after: after, extra: extra)
    }

    static let all = ["Succeeded", "Failed", "Skipped", "TimedOut"]
}
