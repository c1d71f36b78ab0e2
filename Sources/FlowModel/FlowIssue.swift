/// One finding of the flow checker: how bad, where (JSON path and step) and what to do.
public struct FlowIssue: Sendable, Hashable, CustomStringConvertible {
    /// Errors keep a flow from being turned On; warnings do not.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// The JSON path of the offending value in the flow file (`$.definition.actions.Send_an_email.inputs.to`).
    public var path: String
    /// The step concerned (nil for the trigger or the whole flow).
    public var step: String?
    /// The parameter concerned, as the catalog names it (`to`, `runAfter`, `expression`).
    public var field: String?
    /// What is wrong and how to fix it.
    public var message: String

    public init(_ severity: Severity, path: String, step: String? = nil, field: String? = nil, _ message: String) {
        self.severity = severity
        self.path = path
        self.step = step
        self.field = field
        self.message = message
    }

    public var description: String { "\(severity): \(path): \(message)" }
}

/// What the checker knows beyond the flow itself.
public struct CheckContext: Sendable {
    /// Connection name → kind (`teams`, `smtp`, `http`, `outbox`, ...). Nil: connections are not checked.
    public var connections: [String: String]?

    public init(connections: [String: String]? = nil) { self.connections = connections }
}
