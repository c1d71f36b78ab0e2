extension Expression {
    /// Evaluates the expression against a run's context.
    public func evaluate(in context: some EvaluationContext) throws(ExpressionEvaluationError) -> JSONValue {
        try ExpressionEvaluator(context: context).evaluate(self)
    }
}

extension FlowString {
    /// The string's value: the literal, the expression's value (any type), or the interpolated string.
    public func evaluate(in context: some EvaluationContext) throws(ExpressionEvaluationError) -> JSONValue {
        switch self {
        case .literal(let text):
            return .string(text)
        case .expression(let expression):
            return try ExpressionEvaluator(context: context).evaluate(expression)
        case .interpolation(let segments):
            let evaluator = ExpressionEvaluator(context: context)
            var text = ""
            for segment in segments {
                switch segment {
                case .text(let literal): text += literal
                case .expression(let expression): text += try evaluator.evaluate(expression).interpolationText
                }
            }
            return .string(text)
        }
    }
}

/// Walks an expression tree; context functions and the lazy logical functions are handled here,
/// the rest is dispatched by category to the function tables.
struct ExpressionEvaluator<Context: EvaluationContext> {
    let context: Context

    func evaluate(_ expression: Expression) throws(ExpressionEvaluationError) -> JSONValue {
        switch expression {
        case .string(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .decimal(let d): return .double(d)
        case .boolean(let b): return .bool(b)
        case .null: return .null
        case .call(let function, let arguments): return try call(function, arguments)
        case .index(let base, let key, let nullSafe):
            return try PropertyAccess.read(try evaluate(base), key: try evaluate(key), nullSafe: nullSafe)
        }
    }

    func call(_ function: BuiltinFunction, _ expressions: [Expression]) throws(ExpressionEvaluationError) -> JSONValue {
        guard function.arity.contains(expressions.count) else {
            throw ExpressionEvaluationError(.other, "\(function.name) \(function.arity.expectation), got \(expressions.count)")
        }
        switch function {
        case .if, .and, .or, .coalesce:
            return try LazyLogicalFunctions(evaluator: self).call(function, expressions)
        default:
            break
        }
        var values: [JSONValue] = []
        values.reserveCapacity(expressions.count)
        for expression in expressions { values.append(try evaluate(expression)) }
        let arguments = Arguments(function: function, values: values)
        if let value = try AddedFunctions.call(arguments) { return value }
        switch function.category {
        case .context: return try ContextFunctions.call(arguments, context: context)
        case .string: return try StringFunctions.call(arguments)
        case .collection: return try CollectionFunctions.call(arguments)
        case .logical: return try LogicalFunctions.call(arguments)
        case .math: return try MathFunctions.call(arguments)
        case .conversion: return try ConversionFunctions.call(arguments)
        case .json: return try ObjectFunctions.call(arguments)
        case .dateTime: return try DateTimeFunctions.call(arguments, now: context.now())
        case .uri: return try UriFunctions.call(arguments)
        }
    }
}

/// `base[key]` / `base?[key]` on objects (string keys) and arrays (integer indexes).
enum PropertyAccess {
    static func read(_ base: JSONValue, key: JSONValue, nullSafe: Bool) throws(ExpressionEvaluationError) -> JSONValue {
        switch (base, key) {
        case (.object(let members), .string(let name)):
            if let value = members[name] { return value }
            if nullSafe { return .null }
            throw ExpressionEvaluationError(.invalidAccess, missingPropertyMessage(name, available: Array(members.keys)))
        case (.array(let elements), _) where key.intValue != nil:
            let index = key.intValue ?? 0
            if elements.indices.contains(index) { return elements[index] }
            if nullSafe { return .null }
            throw ExpressionEvaluationError(
                .invalidAccess, "index \(index) is out of range for an array of \(elements.count) items")
        case (.null, _):
            if nullSafe { return .null }
            throw ExpressionEvaluationError(
                .invalidAccess, "cannot read \(describe(key)) of null (write ?\(describe(key)) to get null instead)")
        default:
            throw ExpressionEvaluationError(.invalidAccess, "cannot read \(describe(key)) of \(base.errorDescription)")
        }
    }

    static func describe(_ key: JSONValue) -> String {
        if case .string(let s) = key { return "[\(Expression.stringLiteral(s))]" }
        return "[\(key.jsonText())]"
    }

    static func missingPropertyMessage(_ name: String, available: [String]) -> String {
        let listed = available.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
        let suffix = available.isEmpty ? "the object is empty" : "available properties are \(listed)"
        return "property '\(name)' doesn't exist (write ?['\(name)'] to get null instead); \(suffix)"
    }
}
