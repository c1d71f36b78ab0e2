import Foundation
import PostgresNIO

/// A parsed `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]` store address.
public struct PostgresStoreURL: Sendable, Equatable {
    /// Whether and how the connection uses TLS, as libpq's `sslmode` names it.
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tlsMode: TLSMode

    /// Parses `text`; a bad address throws an error that names the part and the fix. The password never appears in it.
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else {
            throw PostgresStoreError("store address \(Self.redacted(text)) is not a postgres:// URL; write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError("store address \(Self.redacted(text)) has no host; write postgres://USER@HOST:5432/DATABASE")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw PostgresStoreError("store address \(Self.redacted(text)): port \(port) is out of range; use 1 to 65535")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresStoreError("store address \(Self.redacted(text)) has no user name; write postgres://USER@HOST/DATABASE")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresStoreError("store address \(Self.redacted(text)) names no database; end it with /DATABASE")
        }
        var mode = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let parsed = TLSMode(rawValue: value) else {
                    throw PostgresStoreError("store address \(Self.redacted(text)): sslmode must be one of disable, prefer, require")
                }
                mode = parsed
            default:
                throw PostgresStoreError("store address \(Self.redacted(text)): unknown option \(item.name); only sslmode is understood")
            }
        }
        self.host = host
        self.port = port
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.tlsMode = mode
    }

    /// The address with any password replaced by `***`, safe for messages and logs.
    public static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "postgres://***"
    }

    /// The same server and credentials, another database (tests create one database each).
    public func with(database: String) -> PostgresStoreURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The client configuration postgres-nio needs.
    public var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch tlsMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = 16
        return configuration
    }

    /// The configuration of one direct connection (the session's first probe: fails at once when nothing listens).
    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch tlsMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}
