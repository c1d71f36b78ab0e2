/// A parsed workflow-definition-language expression: literals, function calls and property/index access.
///
/// Member access `.name` parses to an index with a string key, so `a.b` and `a['b']` are the same tree.
public indirect enum Expression: Sendable, Hashable {
    /// A single-quoted string literal.
    case string(String)
    /// An integer literal.
    case integer(Int)
    /// A decimal literal.
    case decimal(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// `null`.
    case null
    /// A call of a built-in function (names are case-insensitive in the text, canonical here).
    case call(BuiltinFunction, [Expression])
    /// `base[key]`, `base.key`, or with `nullSafe` `base?[key]` / `base?.key`.
    case index(Expression, key: Expression, nullSafe: Bool)
}

extension Expression {
    /// A call, for building trees in code: `.call(.concat, .string("a"), .integer(1))`.
    public static func call(_ function: BuiltinFunction, _ arguments: Expression...) -> Expression {
        .call(function, arguments)
    }

    /// The literal string value, if this is a string literal.
    public var stringLiteral: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
