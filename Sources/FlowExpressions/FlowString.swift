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
            let bytes = Array(value.utf8)
            let needsEscape = bytes.first == UInt8(ascii: "@") || zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: "@") && $1 == UInt8(ascii: "{") }
            return needsEscape ? Self.escapingAt(value) : value
        case .expression(let expression):
            return "@" + expression.description
        case .interpolation(let segments):
            var text = ""
            for segment in segments {
                switch segment {
                case .text(let value): text += Self.escapingAt(value)
                case .expression(let expression): text += "@{\(expression.description)}"
                }
            }
            return text
        }
    }

    /// `value` with every `@` doubled, compared scalar by scalar: as Characters, an `@` or `{` followed by a
    /// combining mark is another grapheme, and `contains("@{")` / `replacing("@", …)` missed it (found by fuzzing).
    static func escapingAt(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            scalars.append(scalar)
            if scalar == "@" { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
