import FlowExpressions
import Foundation

/// What expressions see during a run: the trigger, finished steps, variables and the enclosing loops.
struct RunContext: EvaluationContext {
    let state: RunState
    let outputs: JSONValue
    let workflowInfo: JSONValue
    let loopFrames: [LoopFrame]

    func triggerOutputs() -> JSONValue { outputs }
    func triggerBody() -> JSONValue { outputs["body"] ?? .null }
    func trigger() -> JSONValue { ["name": "trigger", "outputs": outputs] }
    func actionResult(named name: String) -> JSONValue? { state.result(name) }
    func scopeResults(named name: String) -> [JSONValue]? { state.scopeResults(name) }
    func variable(named name: String) -> JSONValue? { state.variable(name) }
    func workflow() -> JSONValue { workflowInfo }

    /// Every enclosing loop's iteration, outermost first (`Outer[2].Inner[0]`); nil outside loops.
    var iterationPath: String? {
        guard !loopFrames.isEmpty else { return nil }
        return loopFrames.map { "\($0.name)[\($0.index)]" }.joined(separator: ".")
    }

    /// The same context inside one more loop iteration.
    func entering(_ frame: LoopFrame) -> RunContext {
        RunContext(state: state, outputs: outputs, workflowInfo: workflowInfo, loopFrames: loopFrames + [frame])
    }
}

/// Evaluates every expression inside a JSON value (object keys stay as written).
enum DeepEvaluation {
    static func evaluate(_ value: JSONValue, cache: ExpressionCache, context: RunContext) throws(ExpressionEvaluationError) -> JSONValue {
        switch value {
        case .string(let text):
            guard text.contains("@") else { return value }
            return try cache.evaluate(text, in: context)
        case .array(let items):
            var result: [JSONValue] = []
            result.reserveCapacity(items.count)
            for item in items { result.append(try evaluate(item, cache: cache, context: context)) }
            return .array(result)
        case .object(let members):
            var result = members
            for (key, member) in members { result[key] = try evaluate(member, cache: cache, context: context) }
            return .object(result)
        default:
            return value
        }
    }
}
