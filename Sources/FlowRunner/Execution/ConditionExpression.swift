import FlowExpressions

/// Turns an `If`/`Until` condition into an expression: either a string expression (`@equals(...)`) or the
/// designer's object form (`{"and": [{"greater": ["@triggerBody()?['currentCount']", 100]}]}`).
enum ConditionExpression {
    static func build(_ condition: JSONValue, cache: ExpressionCache) throws(StepFailure) -> Expression {
        switch condition {
        case .string(let text):
            return try operand(.string(text), cache: cache)
        case .bool(let flag):
            return .boolean(flag)
        case .object(let members):
            guard members.count == 1, let member = members.elements.first,
                  let function = BuiltinFunction(caseInsensitiveName: member.key) else {
                throw StepFailure(message: "a condition object must have one function such as {\"equals\": [a, b]}; found \(condition.jsonText())", code: "InvalidTemplate")
            }
            let items = member.value.arrayValue ?? [member.value]
            let combines: Set<BuiltinFunction> = [.and, .or, .not]
            var built: [Expression] = []
            for item in items {
                let isNested = item.objectValue != nil && combines.contains(function)
                built.append(isNested ? try build(item, cache: cache) : try operand(item, cache: cache))
            }
            return .call(function, built)
        default:
            throw StepFailure(message: "a condition must be an expression or a condition object; found \(condition.typeDescription)", code: "InvalidTemplate")
        }
    }

    /// A literal or expression operand as an expression node.
    static func operand(_ value: JSONValue, cache: ExpressionCache) throws(StepFailure) -> Expression {
        switch value {
        case .string(let text):
            guard text.contains("@") else { return .string(text) }
            let parsed: FlowString
            do { parsed = try cache.flowString(text) } catch {
                throw StepFailure(message: "the condition does not parse: \(error.description)", code: "InvalidTemplate")
            }
            switch parsed {
            case .literal(let literal): return .string(literal)
            case .expression(let expression): return expression
            case .interpolation(let segments):
                return .call(.concat, [.string("")] + segments.map { segment in
                    switch segment {
                    case .text(let literal): return .string(literal)
                    case .expression(let expression): return .call(.string, [expression])
                    }
                })
            }
        case .int(let i): return .integer(i)
        case .double(let d): return .decimal(d)
        case .bool(let b): return .boolean(b)
        case .null: return .null
        default: return .call(.json, [.string(value.jsonText())])
        }
    }
}
