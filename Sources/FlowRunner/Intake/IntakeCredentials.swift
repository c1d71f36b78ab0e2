import Crypto
import Foundation

/// The intake's shared secret: `<home>/intake-token` (mode 0600), created on first start. Requests carry it as
/// `Authorization: Bearer <token>`, or sign the body with it: `X-InsightFlow-Signature: sha256=<hex HMAC-SHA256>`.
public struct IntakeCredentials: Sendable {
    public let token: String

    /// Reads the home's token, creating a random one (mode 0600) when missing.
    public static func loadOrCreate(home: URL) throws -> IntakeCredentials {
        let url = home.appendingPathComponent("intake-token")
        if let data = FileManager.default.contents(atPath: url.path) {
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if token.count >= 16 { return IntakeCredentials(token: token) }
        }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let token = bytes.map { String(format: "%02x", $0) }.joined()
        let created = FileManager.default.createFile(atPath: url.path, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600])
        guard created else { throw CocoaError(.fileWriteUnknown) }
        return IntakeCredentials(token: token)
    }

    /// True when the request proves it knows the token (constant-time comparisons).
    public func authorizes(authorization: String?, signature: String?, body: Data) -> Bool {
        if let authorization, authorization.lowercased().hasPrefix("bearer ") {
            return Self.constantTimeEqual(Array(authorization.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8), Array(token.utf8))
        }
        if let signature, signature.lowercased().hasPrefix("sha256=") {
            return Self.constantTimeEqual(Array(signature.dropFirst(7).lowercased().utf8), Array(sign(body).utf8))
        }
        return false
    }

    /// The hex HMAC-SHA256 of a body with the token as key.
    public func sign(_ body: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(token.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
