import FlowExpressions
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OrderedCollections

/// Where a save came from, written in each version's record.
public enum SaveOrigin: String, Sendable, Hashable, CaseIterable {
    case designer, cli, `import`, restore, other
}

/// One line of a flow's history log: who saved which version, when, from where, and an optional note.
public struct FlowVersionRecord: Sendable, Hashable {
    /// The version this save produced.
    public var version: Int
    /// ISO 8601 time of the save.
    public var savedAt: String
    /// The user name of the process that saved (`$USER`), or "unknown".
    public var by: String
    /// Designer, CLI, import, restore...
    public var via: SaveOrigin
    /// A short note, e.g. "restored from version 3".
    public var note: String?

    /// A record with every field given.
    public init(version: Int, savedAt: String, by: String, via: SaveOrigin, note: String? = nil) {
        self.version = version
        self.savedAt = savedAt
        self.by = by
        self.via = via
        self.note = note
    }

    /// The record as one JSON line (without the newline).
    var jsonLine: String {
        var members: OrderedDictionary<String, JSONValue> = ["version": .int(version), "savedAt": .string(savedAt), "by": .string(by), "via": .string(via.rawValue)]
        if let note { members["note"] = .string(note) }
        return JSONValue.object(members).jsonText()
    }

    /// Reads one log line; nil for a line that is not a record (e.g. cut short by a crash).
    init?(jsonLine line: Substring) {
        guard let value = try? JSONValue.parse(bytes: Array(line.utf8)),
              let version = value["version"]?.intValue, let savedAt = value["savedAt"]?.stringValue else { return nil }
        self.version = version
        self.savedAt = savedAt
        self.by = value["by"]?.stringValue ?? "unknown"
        self.via = value["via"]?.stringValue.flatMap(SaveOrigin.init(rawValue:)) ?? .other
        self.note = value["note"]?.stringValue
    }

    /// The user running this process (looked up once).
    static let currentUser: String = lookUpUser()

    private static func lookUpUser() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }
}
