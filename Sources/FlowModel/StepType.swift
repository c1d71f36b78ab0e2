/// A step's `type` as written in a flow file. Known types have constants; an unknown type is kept as
/// written so the file round-trips and the checker can name it.
public struct StepType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let teamsPostMessage = StepType(rawValue: "TeamsPostMessage")
    public static let sendEmail = StepType(rawValue: "SendEmail")
    public static let http = StepType(rawValue: "Http")
    public static let condition = StepType(rawValue: "If")
    public static let switchCase = StepType(rawValue: "Switch")
    public static let foreach = StepType(rawValue: "Foreach")
    public static let until = StepType(rawValue: "Until")
    public static let scope = StepType(rawValue: "Scope")
    public static let wait = StepType(rawValue: "Wait")
    public static let compose = StepType(rawValue: "Compose")
    public static let initializeVariable = StepType(rawValue: "InitializeVariable")
    public static let setVariable = StepType(rawValue: "SetVariable")
    public static let appendToArrayVariable = StepType(rawValue: "AppendToArrayVariable")
    public static let terminate = StepType(rawValue: "Terminate")
    public static let getEntities = StepType(rawValue: "GetEntities")
    public static let getItems = StepType(rawValue: "GetItems")
    public static let getItem = StepType(rawValue: "GetItem")
    public static let createItem = StepType(rawValue: "CreateItem")
    public static let updateItem = StepType(rawValue: "UpdateItem")

    /// Every type InsightFlow can run.
    public static let known: [StepType] = [
        .teamsPostMessage, .sendEmail, .http, .condition, .switchCase, .foreach, .until, .scope, .wait,
        .compose, .initializeVariable, .setVariable, .appendToArrayVariable, .terminate,
        .getEntities, .getItems, .getItem, .createItem, .updateItem,
    ] + requestTypes + dataOperations

    /// The known type with this name in any letter case (the reference language ignores case), else the text as is.
    public init(caseInsensitive text: String) {
        if let exact = Self.byName[text] { self = exact; return }
        self = Self.byLowercasedName[text.lowercased()] ?? StepType(rawValue: text)
    }

    private static let byName: [String: StepType] = Dictionary(uniqueKeysWithValues: known.map { ($0.rawValue, $0) })
    private static let byLowercasedName: [String: StepType] = Dictionary(uniqueKeysWithValues: known.map { ($0.rawValue.lowercased(), $0) })

    /// True when InsightFlow knows how to run this type.
    public var isKnown: Bool { Self.known.contains(self) }

    /// True for types that hold nested steps (`actions`, `else`, `cases`, `default`).
    public var isContainer: Bool { [.condition, .switchCase, .foreach, .until, .scope].contains(self) }

    public var description: String { rawValue }
}
