/// An expression that could not be parsed: what was expected and the 1-based column where it went wrong.
public struct ExpressionSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, e.g. "expected ')' after argument 2 of concat".
    public var message: String
    /// 1-based column, counted in characters of the text that was parsed.
    public var column: Int

    public init(message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "\(message) at column \(column)" }
}

/// An expression that could not be evaluated, with a message naming the function, argument and types.
public struct ExpressionEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, for callers that react differently (e.g. a missing step).
    public enum Kind: Sendable, Hashable {
        /// A function got an argument of the wrong type or value.
        case invalidArgument(function: String, argument: Int)
        /// A step referenced by body()/outputs()/actions()/result() has not run or does not exist.
        case missingStep(String)
        /// variables('name') names a variable that was never initialized.
        case missingVariable(String)
        /// parameters('name') names an unknown parameter.
        case missingParameter(String)
        /// items('Loop') / iterationIndexes('Loop') / item() outside such a loop.
        case missingLoop(String)
        /// Property or index access that cannot be done (missing key, index out of range, wrong type).
        case invalidAccess
        /// Any other failure (arity, overflow, unsupported format).
        case other
    }

    /// The failure kind.
    public var kind: Kind
    /// The full message shown to the user.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
