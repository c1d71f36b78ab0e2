import Foundation
import FlowExpressions
import FlowModel

/// The Date Time actions (`"type": "Expression"` with a `kind`): each is the matching expression function applied
/// to the evaluated inputs, so the action and the function can never disagree.
enum DateTimeActionStep {
    static func run(_ step: Step, inputs: JSONValue, context: RunContext) throws -> StepOutcome {
        let kindText = step.extra["kind"]?.stringValue ?? ""
        guard let kind = ExpressionActionKind(caseInsensitive: kindText) else {
            throw StepFailure(message: "InsightFlow cannot run Expression actions of kind '\(kindText)'", code: "UnsupportedStepType", inputs: inputs)
        }
        for name in kind.requiredInputs where (inputs[name] ?? .null).isNull {
            throw StepFailure(message: "\(kind.displayName) needs inputs.\(name)", code: "InvalidTemplate", inputs: inputs)
        }
        let time = literal(inputs["baseTime"])
        let interval = literal(number(inputs["interval"]))
        let unit = literal(inputs["timeUnit"])
        var arguments: [FlowExpressions.Expression]
        let function: BuiltinFunction
        switch kind {
        case .addToTime: function = .addToTime; arguments = [time, interval, unit]
        case .subtractFromTime: function = .subtractFromTime; arguments = [time, interval, unit]
        case .convertTimeZone: function = .convertTimeZone; arguments = [time, literal(inputs["sourceTimeZone"]), literal(inputs["destinationTimeZone"])]
        case .currentTime: function = .utcNow; arguments = []
        case .getFutureTime: function = .getFutureTime; arguments = [interval, unit]
        case .getPastTime: function = .getPastTime; arguments = [interval, unit]
        }
        if let format = inputs["formatString"]?.stringValue, !format.isEmpty { arguments.append(.string(format)) }
        let value = try FlowExpressions.Expression.call(function, arguments).evaluate(in: context)
        return StepOutcome(status: .succeeded, inputs: inputs, outputs: ["body": value])
    }

    /// A whole number written as text (`"5"`, as designers often write it) read as the integer.
    static func number(_ value: JSONValue?) -> JSONValue? {
        if case .string(let text)? = value, let whole = Int(text.trimmingCharacters(in: .whitespaces)) { return .int(whole) }
        return value
    }

    /// A literal expression for an evaluated input (objects and arrays become their JSON text: a type error later).
    static func literal(_ value: JSONValue?) -> FlowExpressions.Expression {
        switch value ?? .null {
        case .null: return .null
        case .bool(let b): return .boolean(b)
        case .int(let i): return .integer(i)
        case .double(let d): return .decimal(d)
        case .string(let s): return .string(s)
        case let other: return .string(other.jsonText())
        }
    }
}
