import FlowExpressions

/// An If/Until/trigger condition as the cloud designer's basic mode shows it: rows of value ∘ operator ∘ value,
/// grouped with And/Or, groups nested in groups.
struct ConditionGroup: Sendable, Hashable {
    /// How a group's items combine.
    enum Junction: String, Sendable, Hashable, CaseIterable {
        case and, or
        var label: String { self == .and ? "And" : "Or" }
    }

    /// One item of a group: a comparison row or a nested group.
    enum Item: Sendable, Hashable {
        case row(ConditionRow)
        case group(ConditionGroup)
    }

    var junction: Junction
    var items: [Item]
}

/// One comparison: a left value, an operator and (unless the operator is unary) a right value. Values are flow
/// text as the user types it: `@triggerBody()?['count']`, `100`, `VIPs`, `Hello @{variables('name')}`.
struct ConditionRow: Sendable, Hashable {
    var left: ConditionOperand
    var comparison: ConditionOperator
    var right: ConditionOperand

    init(_ left: ConditionOperand = ConditionOperand(""), _ comparison: ConditionOperator = .equals, _ right: ConditionOperand = ConditionOperand("")) {
        self.left = left
        self.comparison = comparison
        self.right = right
    }
}

/// A value of a row: the text shown and edited, and the JSON it came from (kept while the text is unchanged, so a
/// string `"100"` read from a file is not rewritten as the number `100`).
struct ConditionOperand: Sendable, Hashable {
    var text: String
    var original: JSONValue?

    init(_ text: String, original: JSONValue? = nil) {
        self.text = text
        self.original = original
    }

    /// The JSON value written to the object form: the original when the text is unchanged, else numbers, `true`,
    /// `false` and `null` as those values and everything else as a string.
    var jsonValue: JSONValue {
        if let original, ConditionOperand.text(of: original) == text { return original }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let integer = Int(trimmed) { return .int(integer) }
        if let decimal = Double(trimmed), decimal.isFinite, trimmed.contains(".") { return .double(decimal) }
        switch trimmed {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: return .string(text)
        }
    }

    /// The text a JSON operand is shown as (nil for objects and arrays, which a row cannot show).
    static func text(of value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return number.isFinite ? "\(number)" : nil
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        default: return nil
        }
    }
}

/// The operators of the cloud designer's basic mode, each a workflow-definition-language function (negated ones
/// wrapped in `not`).
enum ConditionOperator: String, Sendable, Hashable, CaseIterable {
    case equals, notEquals, greater, greaterOrEquals, less, lessOrEquals
    case contains, notContains, startsWith, notStartsWith, endsWith, notEndsWith, empty, notEmpty

    /// The label the cloud designer shows.
    var label: String {
        switch self {
        case .equals: "is equal to"
        case .notEquals: "is not equal to"
        case .greater: "is greater than"
        case .greaterOrEquals: "is greater than or equal to"
        case .less: "is less than"
        case .lessOrEquals: "is less than or equal to"
        case .contains: "contains"
        case .notContains: "does not contain"
        case .startsWith: "starts with"
        case .notStartsWith: "does not start with"
        case .endsWith: "ends with"
        case .notEndsWith: "does not end with"
        case .empty: "is empty"
        case .notEmpty: "is not empty"
        }
    }

    /// The function compared with, and whether the comparison is negated with `not`.
    var function: (BuiltinFunction, negated: Bool) {
        switch self {
        case .equals: (.equals, false)
        case .notEquals: (.equals, true)
        case .greater: (.greater, false)
        case .greaterOrEquals: (.greaterOrEquals, false)
        case .less: (.less, false)
        case .lessOrEquals: (.lessOrEquals, false)
        case .contains: (.contains, false)
        case .notContains: (.contains, true)
        case .startsWith: (.startsWith, false)
        case .notStartsWith: (.startsWith, true)
        case .endsWith: (.endsWith, false)
        case .notEndsWith: (.endsWith, true)
        case .empty: (.empty, false)
        case .notEmpty: (.empty, true)
        }
    }

    /// True when the operator takes only the left value.
    var isUnary: Bool { function.0 == .empty }

    /// The operator for a function, negated or not (nil when basic mode has none, such as `not(greater(…))`).
    init?(function: BuiltinFunction, negated: Bool) {
        guard let found = Self.allCases.first(where: { $0.function == (function, negated) }) else { return nil }
        self = found
    }
}
