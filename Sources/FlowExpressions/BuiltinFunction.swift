/// Every built-in function of the expression language; the raw value is the canonical (documented) spelling.
public enum BuiltinFunction: String, Sendable, Hashable, CaseIterable {
    // Context
    case triggerBody, triggerOutputs, trigger, body, outputs, actions, variables, items, item, iterationIndexes
    case parameters, workflow, result
    // String
    case concat, substring, slice, replace, toLower, toUpper, trim, split, startsWith, endsWith, indexOf
    case lastIndexOf, guid, formatNumber, nthIndexOf
    // Collection
    case contains, empty, first, last, join, union, intersection, skip, take, createArray, length, chunk, reverse, sort
    // Logical
    case equals, and, or, not, `if`, greater, greaterOrEquals, less, lessOrEquals, coalesce
    // Math
    case add, sub, mul, div, mod, min, max, rand, range
    // Conversion
    case int, float, string, bool, json, array, base64, base64ToString, encodeUriComponent, decodeUriComponent
    case xml, xpath, isInt, isFloat, uriComponent, uriComponentToString, dataUri, dataUriToBinary, dataUriToString, decodeBase64, decodeDataUri
    // URI parsing
    case uriHost, uriPath, uriPathAndQuery, uriPort, uriQuery, uriScheme
    // JSON objects
    case addProperty, setProperty, removeProperty
    // Date and time
    case utcNow, addDays, addHours, addMinutes, addSeconds, addToTime, subtractFromTime, formatDateTime
    case convertTimeZone, convertFromUtc, convertToUtc, startOfDay, startOfHour, startOfMonth, ticks
    case dayOfWeek, dayOfMonth, dayOfYear, getFutureTime, getPastTime, dateDifference, parseDateTime

    /// The canonical spelling, e.g. `toLower`.
    public var name: String { rawValue }

    private static let byLowercasedName: [String: BuiltinFunction] = {
        var table: [String: BuiltinFunction] = [:]
        for function in allCases { table[function.rawValue.lowercased()] = function }
        return table
    }()

    /// Looks a function up by name, ignoring case as the reference language does.
    public init?(caseInsensitiveName name: String) {
        if let exact = BuiltinFunction(rawValue: name) {
            self = exact
        } else if let found = Self.byLowercasedName[name.lowercased()] {
            self = found
        } else {
            return nil
        }
    }
}

/// How many arguments a function takes.
public struct Arity: Sendable, Hashable {
    /// The fewest arguments.
    public var minimum: Int
    /// The most arguments, or nil for any number.
    public var maximum: Int?

    public init(_ minimum: Int, _ maximum: Int?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether `count` arguments are accepted.
    public func contains(_ count: Int) -> Bool {
        count >= minimum && count <= (maximum ?? Int.max)
    }

    /// "expects 2 arguments", "expects 1 to 3 arguments", "expects at least 1 argument".
    public var expectation: String {
        func plural(_ n: Int) -> String { n == 1 ? "1 argument" : "\(n) arguments" }
        guard let maximum else { return "expects at least \(plural(minimum))" }
        if maximum == minimum { return minimum == 0 ? "expects no arguments" : "expects \(plural(minimum))" }
        return "expects \(minimum) to \(plural(maximum))"
    }
}
