/// The reference's built-in data operations, extra variable actions and `Expression`-kind date/time actions.
extension StepType {
    public static let parseJson = StepType(rawValue: "ParseJson")
    public static let select = StepType(rawValue: "Select")
    public static let query = StepType(rawValue: "Query")
    public static let join = StepType(rawValue: "Join")
    public static let table = StepType(rawValue: "Table")
    public static let incrementVariable = StepType(rawValue: "IncrementVariable")
    public static let decrementVariable = StepType(rawValue: "DecrementVariable")
    public static let appendToStringVariable = StepType(rawValue: "AppendToStringVariable")
    /// `"type": "Expression"` with a `kind` (`AddToTime`, `ConvertTimeZone`, `CurrentTime`, ...): the designer's
    /// Date Time actions, pure functions of their inputs.
    public static let expression = StepType(rawValue: "Expression")

    /// The types this block adds to `known`.
    public static let dataOperations: [StepType] = [
        .parseJson, .select, .query, .join, .table, .incrementVariable, .decrementVariable, .appendToStringVariable, .expression,
    ]
}

/// The `kind` values of `Expression` actions that InsightFlow runs, with the inputs each requires.
public enum ExpressionActionKind: String, Sendable, CaseIterable {
    case addToTime = "AddToTime"
    case subtractFromTime = "SubtractFromTime"
    case convertTimeZone = "ConvertTimeZone"
    case currentTime = "CurrentTime"
    case getFutureTime = "GetFutureTime"
    case getPastTime = "GetPastTime"

    /// The kind named in any letter case, else nil.
    public init?(caseInsensitive text: String) {
        guard let found = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else { return nil }
        self = found
    }

    /// The `inputs` members this kind cannot run without.
    public var requiredInputs: [String] {
        switch self {
        case .addToTime, .subtractFromTime: return ["baseTime", "interval", "timeUnit"]
        case .convertTimeZone: return ["baseTime", "sourceTimeZone", "destinationTimeZone"]
        case .currentTime: return []
        case .getFutureTime, .getPastTime: return ["interval", "timeUnit"]
        }
    }

    /// The designer's display name.
    public var displayName: String {
        switch self {
        case .addToTime: return "Add to time"
        case .subtractFromTime: return "Subtract from time"
        case .convertTimeZone: return "Convert time zone"
        case .currentTime: return "Current time"
        case .getFutureTime: return "Get future time"
        case .getPastTime: return "Get past time"
        }
    }
}

extension Step {
    /// The `kind` of an `Expression` action InsightFlow cannot run (`TextPosition`, a missing kind as `""`); nil for
    /// a runnable kind and for every other type.
    public var unsupportedExpressionKind: String? {
        guard type == .expression else { return nil }
        let kind = extra["kind"]?.stringValue ?? ""
        return ExpressionActionKind(caseInsensitive: kind) == nil ? kind : nil
    }
}
