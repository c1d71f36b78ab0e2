/// add, sub, mul, div, mod, min, max, rand, range. Integer operands give integer results.
enum MathFunctions {
    static let rangeLimit = 100_000

    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .add: return try arithmetic(arguments, { $0.addingReportingOverflow($1) }, +)
        case .sub: return try arithmetic(arguments, { $0.subtractingReportingOverflow($1) }, -)
        case .mul: return try arithmetic(arguments, { $0.multipliedReportingOverflow(by: $1) }, *)
        case .div: return try divide(arguments, remainder: false)
        case .mod: return try divide(arguments, remainder: true)
        case .min: return try extreme(arguments, smallest: true)
        case .max: return try extreme(arguments, smallest: false)
        case .rand: return try random(arguments)
        case .range: return try range(arguments)
        default: throw arguments.failure("is not a math function")
        }
    }

    static func arithmetic(
        _ arguments: Arguments, _ integer: (Int, Int) -> (partialValue: Int, overflow: Bool), _ decimal: (Double, Double) -> Double
    ) throws(ExpressionEvaluationError) -> JSONValue {
        let a = try arguments.number(0)
        let b = try arguments.number(1)
        if case .int(let x) = a, case .int(let y) = b {
            let (result, overflow) = integer(x, y)
            guard !overflow else { throw arguments.failure("the result is too large for an integer") }
            return .int(result)
        }
        return try finite(decimal(a.doubleValue, b.doubleValue), arguments)
    }

    /// A decimal result, or an error when it overflowed to infinity.
    static func finite(_ value: Double, _ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        guard value.isFinite else { throw arguments.failure("the result is too large for a number") }
        return .double(value)
    }

    static func divide(_ arguments: Arguments, remainder: Bool) throws(ExpressionEvaluationError) -> JSONValue {
        let a = try arguments.number(0)
        let b = try arguments.number(1)
        guard b.doubleValue != 0 else { throw arguments.invalid(1, "cannot divide by zero") }
        if case .int(let x) = a, case .int(let y) = b {
            let (result, overflow) = remainder ? x.remainderReportingOverflow(dividingBy: y) : x.dividedReportingOverflow(by: y)
            guard !overflow else { throw arguments.failure("the result is too large for an integer") }
            return .int(result)
        }
        let x = a.doubleValue
        let y = b.doubleValue
        return try finite(remainder ? x.truncatingRemainder(dividingBy: y) : x / y, arguments)
    }

    /// min/max over the arguments, or over the items of a single array argument.
    static func extreme(_ arguments: Arguments, smallest: Bool) throws(ExpressionEvaluationError) -> JSONValue {
        var candidates = arguments
        if arguments.count == 1, case .array(let items) = arguments[0] {
            guard !items.isEmpty else { throw arguments.invalid(0, "the array is empty") }
            candidates = Arguments(function: arguments.function, values: items)
        }
        var best = try candidates.number(0)
        for position in candidates.values.indices.dropFirst() {
            let next = try candidates.number(position)
            let order = ValueComparison.compare(next, best)
            if smallest ? order < 0 : order > 0 { best = next }
        }
        return best.value
    }

    static func random(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        let low = try arguments.int(0)
        let high = try arguments.int(1)
        guard low < high else { throw arguments.invalid(1, "the maximum \(high) must be greater than the minimum \(low)") }
        return .int(Int.random(in: low..<high))
    }

    static func range(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        let start = try arguments.int(0)
        let count = try arguments.int(1)
        guard count >= 0, count <= rangeLimit else {
            throw arguments.invalid(1, "the count must be between 0 and \(rangeLimit), got \(count)")
        }
        guard start.addingReportingOverflow(count).overflow == false else {
            throw arguments.failure("the range goes past the largest integer")
        }
        return .array((start..<(start + count)).map { .int($0) })
    }
}
