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

    /// How far a signed request's timestamp may be from now, in seconds (either way).
    public static let signatureWindow: Double = 300

    /// Nil when the request proves it knows the token, else why not (for the 401 answer). A bearer token is
    /// compared as is; a signature must cover `X-InsightFlow-Timestamp` and the body — `sha256=<hex HMAC-SHA256 of
    /// "<timestamp>.<body>">` — with the timestamp within `signatureWindow` of now, so a captured request cannot
    /// be replayed later (`ReplayGuard` refuses a repeat inside the window).
    public func refusal(authorization: String?, signature: String?, timestamp: String?, body: Data, now: Date = Date()) -> String? {
        if let authorization, authorization.lowercased().hasPrefix("bearer ") {
            let given = Array(authorization.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8)
            return Self.constantTimeEqual(given, Array(token.utf8)) ? nil : "wrong bearer token: send the token in <home>/intake-token"
        }
        guard let signature, signature.lowercased().hasPrefix("sha256=") else {
            return "missing credentials: send Authorization: Bearer <intake-token>, or X-InsightFlow-Timestamp: <unix seconds> with X-InsightFlow-Signature: sha256=<HMAC-SHA256 of \"<timestamp>.<body>\">"
        }
        guard let timestamp, let seconds = Double(timestamp.trimmingCharacters(in: .whitespaces)), seconds.isFinite else {
            return "a signed request needs X-InsightFlow-Timestamp: <unix seconds>, covered by the signature"
        }
        guard abs(now.timeIntervalSince1970 - seconds) <= Self.signatureWindow else {
            return "X-InsightFlow-Timestamp is more than \(Int(Self.signatureWindow)) seconds from now (replayed, or the sender's clock is off)"
        }
        let expected = sign(body, timestamp: timestamp.trimmingCharacters(in: .whitespaces))
        return Self.constantTimeEqual(Array(signature.dropFirst(7).lowercased().utf8), Array(expected.utf8)) ? nil : "wrong signature"
    }

    /// The hex HMAC-SHA256, keyed with the token, of `"<timestamp>.<body>"`.
    public func sign(_ body: Data, timestamp: String) -> String {
        var message = Data((timestamp + ".").utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(token.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
