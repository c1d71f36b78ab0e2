import FlowExpressions

/// A condition as one readable line: the designer's object form (`{"and": [{"greater": [a, 100]}]}`) as
/// `a > 100 and …` (nil for expression text and anything else, which reads as it is).
public enum ConditionSummary {
    /// The readable line for an If/Until condition value.
    public static func text(_ value: JSONValue?) -> String? {
        guard let value, case .object = value else { return nil }
        return item(value, nested: false)
    }

    private static let symbols: [String: String] = [
        "equals": "=", "greater": ">", "greaterorequals": "≥", "less": "<", "lessorequals": "≤",
        "contains": "contains", "startswith": "starts with", "endswith": "ends with",
    ]
    private static let negatedSymbols: [String: String] = [
        "equals": "≠", "contains": "does not contain", "startswith": "does not start with", "endswith": "does not end with",
    ]

    private static func item(_ value: JSONValue, nested: Bool) -> String? {
        guard let members = value.objectValue, members.count == 1, let member = members.elements.first else { return nil }
        let name = member.key.lowercased()
        if name == "and" || name == "or" {
            guard let items = member.value.arrayValue, !items.isEmpty else { return nil }
            var parts: [String] = []
            for entry in items {
                guard let part = item(entry, nested: true) else { return nil }
                parts.append(part)
            }
            let joined = parts.joined(separator: " \(name) ")
            return nested && parts.count > 1 ? "(\(joined))" : joined
        }
        if name == "not", let inner = member.value.objectValue, inner.count == 1, let comparison = inner.elements.first {
            return row(comparison.key.lowercased(), comparison.value, negated: true)
        }
        return row(name, member.value, negated: false)
    }

    private static func row(_ name: String, _ arguments: JSONValue, negated: Bool) -> String? {
        let values = (arguments.arrayValue ?? [arguments]).map(operand)
        if name == "empty", values.count == 1 { return "\(values[0]) is \(negated ? "not " : "")empty" }
        guard values.count == 2, let symbol = negated ? negatedSymbols[name] : symbols[name] else { return nil }
        return "\(values[0]) \(symbol) \(values[1])"
    }

    /// An operand: expressions without the leading @, text quoted, other values as JSON.
    private static func operand(_ value: JSONValue) -> String {
        guard case .string(let text) = value else { return value.jsonText() }
        if text.hasPrefix("@"), !text.hasPrefix("@@"), !text.hasPrefix("@{") { return String(text.dropFirst()) }
        return "'\(text)'"
    }
}
