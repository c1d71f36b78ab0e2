/// A number argument: integers stay integers so integer arithmetic stays exact.
enum Number {
    case int(Int)
    case double(Double)

    var doubleValue: Double {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    var value: JSONValue {
        switch self {
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        }
    }
}

/// The evaluated arguments of one call, with typed accessors whose errors name the function, position and types.
struct Arguments {
    let function: BuiltinFunction
    let values: [JSONValue]

    var count: Int { values.count }

    subscript(position: Int) -> JSONValue { values[position] }

    /// The error for argument `position` (0-based) having the wrong type.
    func typeError(_ position: Int, expected: String) -> ExpressionEvaluationError {
        invalid(position, "argument \(position + 1) is \(values[position].errorDescription), expected \(expected)")
    }

    /// An error about argument `position` (0-based), prefixed with the function name.
    func invalid(_ position: Int, _ message: String) -> ExpressionEvaluationError {
        ExpressionEvaluationError(.invalidArgument(function: function.name, argument: position + 1), "\(function.name): \(message)")
    }

    /// A general error prefixed with the function name.
    func failure(_ message: String) -> ExpressionEvaluationError {
        ExpressionEvaluationError(.other, "\(function.name): \(message)")
    }

    /// A string; null reads as the empty string.
    func string(_ position: Int) throws(ExpressionEvaluationError) -> String {
        switch values[position] {
        case .string(let s): return s
        case .null: return ""
        default: throw typeError(position, expected: "a string")
        }
    }

    /// The string at `position`, or nil when the optional argument is absent.
    func optionalString(_ position: Int) throws(ExpressionEvaluationError) -> String? {
        position < count ? try string(position) : nil
    }

    /// An integer (a decimal with no fraction is accepted).
    func int(_ position: Int) throws(ExpressionEvaluationError) -> Int {
        guard let value = values[position].intValue else { throw typeError(position, expected: "an integer") }
        return value
    }

    /// An integer or decimal.
    func number(_ position: Int) throws(ExpressionEvaluationError) -> Number {
        switch values[position] {
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        default: throw typeError(position, expected: "a number")
        }
    }

    /// A boolean.
    func bool(_ position: Int) throws(ExpressionEvaluationError) -> Bool {
        guard case .bool(let b) = values[position] else { throw typeError(position, expected: "a boolean") }
        return b
    }

    /// An array; null reads as the empty array.
    func array(_ position: Int) throws(ExpressionEvaluationError) -> [JSONValue] {
        switch values[position] {
        case .array(let a): return a
        case .null: return []
        default: throw typeError(position, expected: "an array")
        }
    }
}

extension Arguments {
    /// The culture named by the optional locale argument at `position` (en-US when absent).
    func culture(_ position: Int) throws(ExpressionEvaluationError) -> Culture {
        guard let name = try optionalString(position) else { return Culture.enUS }
        guard let culture = Culture.named(name) else {
            throw invalid(position, "the locale '\(name)' is not supported (use \(Culture.supportedNames))")
        }
        return culture
    }
}
