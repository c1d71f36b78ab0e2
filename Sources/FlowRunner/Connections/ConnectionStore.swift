import FlowExpressions
import FlowModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why connections.json could not be read or written.
public struct ConnectionStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

/// connections.json in the home (mode 0600, atomic writes: temp file + fsync + rename; never world-readable).
/// The file is `{"connections": {"Name": {"kind": "teams", ...settings}}}`; see docs/connections.md.
public struct ConnectionStore: Sendable {
    public let home: InsightFlowHome

    public init(home: InsightFlowHome) { self.home = home }

    /// Every connection in the file, by name; an empty list when the file does not exist.
    public func load() throws -> [Connection] {
        let url = home.connectionsFile
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(url)
        } catch .notFound {
            return []
        } catch {
            throw ConnectionStoreError("cannot read \(url.path): \(error)")
        }
        tightenMode(url)
        return try Self.decode(bytes, path: url.path)
    }

    /// Replaces the file with these connections (sorted by name).
    public func save(_ connections: [Connection]) throws {
        try ensureHome()
        let text = Self.encode(connections).jsonText(pretty: true) + "\n"
        do {
            try AtomicFile.write(Array(text.utf8), to: home.connectionsFile, mode: 0o600)
        } catch {
            throw ConnectionStoreError("cannot write \(home.connectionsFile.path): \(error)")
        }
    }

    /// Adds the connection, or replaces the one with the same name.
    public func upsert(_ connection: Connection) throws {
        try modify { connections in
            connections.removeAll { $0.name == connection.name }
            connections.append(connection)
        }
    }

    /// Removes the connection with this name (nothing happens when there is none).
    public func remove(name: String) throws {
        try modify { connections in connections.removeAll { $0.name == name } }
    }

    /// The connection with this name, if any.
    public func connection(named name: String) throws -> Connection? {
        try load().first { $0.name == name }
    }

    /// Load, change, save under an exclusive lock so two processes editing at once lose nothing.
    private func modify(_ change: (inout [Connection]) -> Void) throws {
        try ensureHome()
        let lockPath = home.url.appendingPathComponent(".connections.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ConnectionStoreError("cannot open \(lockPath): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw ConnectionStoreError("cannot lock \(lockPath): \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        var connections = try load()
        change(&connections)
        try save(connections)
    }

    private func ensureHome() throws {
        do {
            try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
        } catch {
            throw ConnectionStoreError("cannot create \(home.url.path): \(error.localizedDescription)")
        }
    }

    /// A hand-written file readable by others is narrowed to its owner (best effort).
    private func tightenMode(_ url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & 0o077 != 0 else { return }
        chmod(url.path, 0o600)
    }

    /// The connections in a connections.json text.
    static func decode(_ bytes: [UInt8], path: String) throws -> [Connection] {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes: bytes)
        } catch {
            throw ConnectionStoreError("\(path): \(error)")
        }
        guard let members = document["connections"]?.objectValue ?? (document.objectValue?.isEmpty == true ? [:] : nil) else {
            throw ConnectionStoreError("\(path): expected an object with a \"connections\" object")
        }
        return try members.map { name, value in try connection(name: name, value: value, path: path) }
    }

    private static func connection(name: String, value: JSONValue, path: String) throws -> Connection {
        guard let object = value.objectValue else {
            throw ConnectionStoreError("\(path): the connection '\(name)' must be an object")
        }
        let kindText = object["kind"]?.stringValue?.lowercased() ?? ""
        guard let kind = ConnectionKind(rawValue: kindText) else {
            let known = ConnectionKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConnectionStoreError("\(path): the connection '\(name)' has kind '\(kindText)'; expected one of \(known)")
        }
        var settings: [String: JSONValue] = [:]
        for (key, setting) in object where key != "kind" { settings[key] = setting }
        return Connection(name: name, kind: kind, settings: settings)
    }

    /// The connections.json document for these connections.
    static func encode(_ connections: [Connection]) -> JSONValue {
        var members: JSONValue = [:]
        for connection in connections.sorted(by: { $0.name < $1.name }) {
            members = members.setting(connection.jsonObject, atPathComponent: connection.name)
        }
        return ["connections": members]
    }
}
