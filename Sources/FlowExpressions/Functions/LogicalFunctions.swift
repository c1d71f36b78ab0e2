/// equals, not and the comparisons; the short-circuiting functions are in `LazyLogicalFunctions`.
enum LogicalFunctions {
    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .equals: return .bool(ValueComparison.equal(arguments[0], arguments[1]))
        case .not: return .bool(!(try arguments.bool(0)))
        case .greater: return .bool(try compare(arguments) > 0)
        case .greaterOrEquals: return .bool(try compare(arguments) >= 0)
        case .less: return .bool(try compare(arguments) < 0)
        case .lessOrEquals: return .bool(try compare(arguments) <= 0)
        default: throw arguments.failure("is not a logical function")
        }
    }

    /// -1, 0 or 1 comparing two numbers or two strings (ordinal).
    static func compare(_ arguments: Arguments) throws(ExpressionEvaluationError) -> Int {
        switch (arguments[0], arguments[1]) {
        case (.string(let a), .string(let b)):
            return a == b ? 0 : (a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1)
        case (.string, _):
            throw arguments.typeError(1, expected: "a string like argument 1")
        default:
            let a = try arguments.number(0)
            let b = try arguments.number(1)
            return ValueComparison.compare(a, b)
        }
    }
}

/// if, and, or, coalesce: arguments are evaluated only as far as needed.
struct LazyLogicalFunctions<Context: EvaluationContext> {
    let evaluator: ExpressionEvaluator<Context>

    func call(_ function: BuiltinFunction, _ expressions: [Expression]) throws(ExpressionEvaluationError) -> JSONValue {
        switch function {
        case .if:
            let condition = try boolean(function, expressions, 0)
            return try evaluator.evaluate(expressions[condition ? 1 : 2])
        case .and:
            for position in expressions.indices where !(try boolean(function, expressions, position)) { return .bool(false) }
            return .bool(true)
        case .or:
            for position in expressions.indices where try boolean(function, expressions, position) { return .bool(true) }
            return .bool(false)
        default:
            for expression in expressions {
                let value = try evaluator.evaluate(expression)
                if !value.isNull { return value }
            }
            return .null
        }
    }

    func boolean(_ function: BuiltinFunction, _ expressions: [Expression], _ position: Int) throws(ExpressionEvaluationError) -> Bool {
        let value = try evaluator.evaluate(expressions[position])
        guard case .bool(let b) = value else {
            var values = [JSONValue](repeating: .null, count: position)
            values.append(value)
            throw Arguments(function: function, values: values).typeError(position, expected: "a boolean")
        }
        return b
    }
}

/// Equality and ordering of values as the language defines them (1 equals 1.0; deep for arrays and objects).
enum ValueComparison {
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        default: return a == b
        }
    }

    static func compare(_ a: Number, _ b: Number) -> Int {
        if case .int(let x) = a, case .int(let y) = b { return x == y ? 0 : (x < y ? -1 : 1) }
        let x = a.doubleValue
        let y = b.doubleValue
        return x == y ? 0 : (x < y ? -1 : 1)
    }
}
