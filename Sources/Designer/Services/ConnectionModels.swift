import FlowExpressions

/// A connection as Admin > Connections lists it: secrets masked, never the full value.
public struct ConnectionSummary: Sendable, Hashable {
    public var name: String
    public var kind: String
    /// Setting name → shown value (secrets masked).
    public var settings: [(key: String, value: String)]

    public init(name: String, kind: String, settings: [(key: String, value: String)]) {
        self.name = name
        self.kind = kind
        self.settings = settings
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.kind == b.kind && a.settings.map(\.key) == b.settings.map(\.key) && a.settings.map(\.value) == b.settings.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(kind)
    }

    /// One line of the non-secret settings.
    public var summary: String { settings.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }

    /// A secret shown as bullets and, for long values, its last four characters.
    public static func mask(_ secret: String) -> String {
        secret.isEmpty ? "" : "••••••" + (secret.count > 16 ? String(secret.suffix(4)) : "")
    }
}

/// An added or edited connection from the form; an empty secret keeps the stored one.
public struct ConnectionDraft: Sendable, Hashable {
    public var name: String
    public var kind: String
    public var settings: [String: JSONValue]

    public init(name: String, kind: String, settings: [String: JSONValue]) {
        self.name = name
        self.kind = kind
        self.settings = settings
    }
}

/// Editing connections.json through the runner link (the runner re-reads it afterwards).
@MainActor
public protocol ConnectionEditing: AnyObject {
    func connectionList() -> [ConnectionSummary]
    /// Saves a draft (replacing `original` when renamed); empty secrets keep their stored values.
    func saveConnection(_ draft: ConnectionDraft, replacing original: String?) throws
    func deleteConnection(named name: String) throws
}
