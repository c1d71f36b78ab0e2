/// A JSON string value in a flow, classified the way the workflow definition language reads it.
public enum FlowString: Sendable, Hashable {
    /// Plain text with no expression (`@@` escapes already resolved).
    case literal(String)
    /// `@expression`: the whole value is the expression's result, of any type.
    case expression(Expression)
    /// `text @{expression} more`: always a string.
    case interpolation([Segment])

    /// One piece of an interpolated string.
    public enum Segment: Sendable, Hashable {
        case text(String)
        case expression(Expression)
    }
}

extension FlowString {
    /// Classifies and parses a flow string; columns in errors count from the string's first character.
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> FlowString {
        let bytes = Array(text.utf8)
        return try FlowStringScanner(bytes: bytes).scan().flowString
    }

    /// Whether the string holds any expression (a whole-value expression or an interpolation).
    public var containsExpression: Bool {
        if case .literal = self { return false }
        return true
    }

    /// Every expression in the string, in order.
    public var expressions: [Expression] {
        switch self {
        case .literal: return []
        case .expression(let expression): return [expression]
        case .interpolation(let segments):
            return segments.compactMap { segment in
                if case .expression(let expression) = segment { return expression }
                return nil
            }
        }
    }
}

extension FlowString: CustomStringConvertible {
    /// Canonical flow text that parses back to the same value (`@` escaped as `@@` where needed).
    public var description: String {
        switch self {
        case .literal(let value):
            let needsEscape = value.hasPrefix("@") || value.contains("@{")
            return needsEscape ? value.replacing("@", with: "@@") : value
        case .expression(let expression):
            return "@" + expression.description
        case .interpolation(let segments):
            var text = ""
            for segment in segments {
                switch segment {
                case .text(let value): text += value.replacing("@", with: "@@")
                case .expression(let expression): text += "@{\(expression.description)}"
                }
            }
            return text
        }
    }
}
