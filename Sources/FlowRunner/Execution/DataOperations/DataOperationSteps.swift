import FlowExpressions
import FlowModel

/// Parse JSON, Select, Filter array (Query), Join and Create CSV/HTML table. Select, Query and Table evaluate their
/// per-item parts (`select`, `where`, column values) once per element of `from`, with `item()` that element.
struct DataOperationSteps {
    let cache: ExpressionCache

    func run(_ step: Step, context: RunContext) throws -> StepOutcome {
        let raw = step.inputs ?? .null
        switch step.type {
        case .parseJson:
            let inputs = try DeepEvaluation.evaluate(raw, cache: cache, context: context)
            return try ParseJsonStep.run(inputs)
        case .join:
            let inputs = try DeepEvaluation.evaluate(raw, cache: cache, context: context)
            let items = try Self.array(inputs["from"], action: "join", inputs: inputs)
            let separator = inputs["joinWith"]?.interpolationText ?? ""
            return StepOutcome(status: .succeeded, inputs: inputs, outputs: ["body": .string(items.map(\.interpolationText).joined(separator: separator))])
        case .select:
            let from = try evaluated(raw["from"], context)
            let items = try Self.array(from, action: "select", inputs: raw)
            let map = try template(raw["select"] ?? .null, member: "select")
            let base: any EvaluationContext = context
            var output: [JSONValue] = []
            output.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                output.append(try map.evaluate(item: ItemScopedContext(base: base, item: item, index: index, owner: step.name)))
            }
            return StepOutcome(status: .succeeded, inputs: recorded(raw, from: from), outputs: ["body": .array(output)])
        case .query:
            let from = try evaluated(raw["from"], context)
            let items = try Self.array(from, action: "query", inputs: raw)
            let condition = try template(raw["where"] ?? .bool(true), member: "where")
            let base: any EvaluationContext = context
            var kept: [JSONValue] = []
            for (index, item) in items.enumerated() {
                let result = try condition.evaluate(item: ItemScopedContext(base: base, item: item, index: index, owner: step.name))
                guard case .bool(let keep) = result else {
                    throw StepFailure(message: "The 'where' expression of '\(step.name)' gave \(result.typeDescription) (\(result.jsonText())) for item \(index); it must give true or false", code: "InvalidTemplate", inputs: recorded(raw, from: from))
                }
                if keep { kept.append(item) }
            }
            return StepOutcome(status: .succeeded, inputs: recorded(raw, from: from), outputs: ["body": .array(kept)])
        case .table:
            return try TableStep(cache: cache).run(step, raw: raw, context: context)
        default:
            throw StepFailure(message: "not a data operation: \(step.type.rawValue)", code: "UnsupportedStepType")
        }
    }

    private func evaluated(_ value: JSONValue?, _ context: RunContext) throws(ExpressionEvaluationError) -> JSONValue {
        try DeepEvaluation.evaluate(value ?? .null, cache: cache, context: context)
    }

    /// The inputs as recorded in history: `from` evaluated, the per-item parts as written.
    private func recorded(_ raw: JSONValue, from: JSONValue) -> JSONValue {
        var members = raw.objectValue ?? [:]
        members["from"] = from
        return .object(members)
    }

    func template(_ value: JSONValue, member: String) throws(StepFailure) -> JSONTemplate {
        do { return try JSONTemplate(value) } catch {
            throw StepFailure(message: "the '\(member)' expression does not parse: \(error.description)", code: "InvalidTemplate")
        }
    }

    /// `from` as an array, or the reference's failure for anything else.
    static func array(_ value: JSONValue?, action: String, inputs: JSONValue) throws(StepFailure) -> [JSONValue] {
        guard case .array(let items)? = value else {
            let type = value.map(JSONSchemaSubset.typeName) ?? "Null"
            throw StepFailure(message: "The 'from' property value in the '\(action)' action inputs is of type '\(type)'. The value must be an array.", code: "InvalidTemplate", inputs: inputs)
        }
        return items
    }
}

/// Parse JSON: `content` (a value, or text holding JSON) validated against `schema`; the body is the parsed value.
enum ParseJsonStep {
    static func run(_ inputs: JSONValue) throws(StepFailure) -> StepOutcome {
        var content = inputs["content"] ?? .null
        if case .string(let text) = content {
            do { content = try JSONValue.parse(text) } catch {
                throw StepFailure(message: "The content is not valid JSON: \(error.message) (line \(error.line), column \(error.column)).", code: "InvalidJSON", inputs: inputs)
            }
        }
        let violations = JSONSchemaSubset(inputs["schema"] ?? [:]).violations(of: content)
        guard violations.isEmpty else {
            throw StepFailure(message: "The schema validation failed: " + violations.joined(separator: " "), code: "ValidationFailed", inputs: inputs)
        }
        return StepOutcome(status: .succeeded, inputs: inputs, outputs: ["body": content])
    }
}
