import FlowExpressions

/// The kinds of connection a step can send through.
public enum ConnectionKind: String, Sendable, Codable, CaseIterable {
    /// A Teams incoming webhook (Workflows or legacy connector); setting `webhookUrl` (secret), optional `format`.
    case teams
    /// An SMTP server; settings `host`, `port`, `security`, `from`, optional `username`, `password` (secret).
    case smtp
    /// Defaults for HTTP steps; optional `baseUrl`, `headers`, `authentication`.
    case http
    /// Writes every message to the home's `outbox/` folder instead of sending it.
    case outbox
}

/// A named connection from connections.json.
public struct Connection: Sendable, Hashable, Codable {
    /// The connection's name, as steps refer to it in `inputs.connection`.
    public var name: String
    public var kind: ConnectionKind
    /// Every member of the connection's object except `kind`.
    public var settings: [String: JSONValue]

    /// The setting names whose values are secrets: never in outputs, errors, logs or run history.
    public static let secretSettingKeys: Set<String> = ["webhookUrl", "password", "token", "authentication.password", "authentication.token"]

    public init(name: String, kind: ConnectionKind, settings: [String: JSONValue] = [:]) {
        self.name = name
        self.kind = kind
        self.settings = settings
    }

    /// A setting as text (numbers and booleans as written), nil when missing, null or empty.
    public func string(_ key: String) -> String? {
        switch settings[key] {
        case .string(let s): return s.isEmpty ? nil : s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        default: return nil
        }
    }

    /// A setting as an integer (a number or numeric text).
    public func int(_ key: String) -> Int? {
        if let i = settings[key]?.intValue { return i }
        return string(key).flatMap { Int($0) }
    }

    /// The values of this connection's secret settings (including nested `authentication` secrets).
    public var secretValues: [String] {
        var values: [String] = []
        for key in Self.secretSettingKeys {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            let value = parts.count == 2 ? settings[parts[0]]?[parts[1]] : settings[key]
            if let text = value?.stringValue, !text.isEmpty { values.append(text) }
        }
        return values
    }

    /// The connection as its connections.json object: `kind` first, then the settings by name.
    public var jsonObject: JSONValue {
        var object: JSONValue = ["kind": .string(kind.rawValue)]
        for key in settings.keys.sorted() where key != "kind" {
            if let value = settings[key] { object = object.setting(value, atPathComponent: key) }
        }
        return object
    }
}

extension JSONValue {
    /// A copy of an object with one member set (names may contain dots, unlike `setting(_:atPath:)`).
    func setting(_ value: JSONValue, atPathComponent key: String) -> JSONValue {
        var members = objectValue ?? [:]
        members[key] = value
        return .object(members)
    }
}
