import CCurl
import FlowExpressions
import Foundation

/// How an SMTP connection protects the session.
enum SMTPSecurity: String, Sendable {
    /// Plain SMTP (local relays, test sinks).
    case none
    /// Plain connect, then STARTTLS required before anything is sent.
    case starttls
    /// TLS from the first byte (SMTPS).
    case tls

    /// The connection's `security` setting; STARTTLS when missing.
    init(connection: Connection) throws(DeliveryFailure) {
        let text = connection.string("security")?.lowercased() ?? "starttls"
        guard let security = SMTPSecurity(rawValue: text) else {
            throw .permanent("the SMTP connection '\(connection.name)' has security '\(text)'; use none, starttls or tls")
        }
        self = security
    }

    var defaultPort: Int {
        switch self {
        case .none: return 25
        case .starttls: return 587
        case .tls: return 465
        }
    }
}

/// Sends email through an SMTP server with libcurl; outputs `messageId` and `recipients`.
struct SMTPSender: Sendable {
    /// The sender address of an SMTP or outbox connection (`from`), with a local default.
    static func sender(_ connection: Connection?) -> String {
        connection?.string("from") ?? "insightflow@localhost"
    }

    /// The outputs of a sent (or written) message.
    static func outputs(_ message: MailMessage) -> JSONValue {
        ["messageId": .string(message.messageId), "recipients": .array(message.recipients.map { .string($0) })]
    }

    /// Sends the message; 4xx replies and connection trouble may be retried, 5xx replies may not.
    func send(_ message: MailMessage, connection: Connection, timeout: Double) async -> DeliveryOutcome {
        let settings: SMTPSettings
        do {
            settings = try SMTPSettings(connection)
        } catch {
            return .failed(error)
        }
        let payload = Array(message.rendered().utf8)
        let from = message.from.address
        let recipients = message.recipients
        let result = await Curl.perform { easy throws(DeliveryFailure) in
            try settings.configure(easy, timeout: timeout)
            try easy.set(CURLOPT_MAIL_FROM, "<\(from)>")
            try easy.set(CURLOPT_MAIL_RCPT, list: recipients.map { "<\($0)>" })
            try easy.set(CURLOPT_UPLOAD, 1)
            try easy.set(size: CURLOPT_INFILESIZE_LARGE, payload.count)
            try easy.setUpload(payload)
        }
        switch result {
        case .failure(let failure):
            return .failed(failure)
        case .success(let curl) where curl.succeeded:
            return .delivered(outputs: Self.outputs(message))
        case .success(let curl):
            return .failed(Self.failure(curl, timeout: timeout))
        }
    }

    /// A failed session: the last SMTP reply decides (4xx transient, 5xx permanent), else the libcurl error.
    static func failure(_ curl: CurlResult, timeout: Double) -> DeliveryFailure {
        let reply = curl.responseCode
        let retryable = reply > 0 ? (400..<500).contains(reply) : Curl.isTransient(curl.code)
        let detail = reply > 0 ? " (SMTP reply \(reply))" : ""
        return DeliveryFailure(message: Curl.message("SMTP delivery failed", curl, timeout: timeout) + detail, retryable: retryable,
                               statusCode: reply > 0 ? reply : nil)
    }
}

/// The parts of an SMTP connection libcurl needs.
struct SMTPSettings: Sendable {
    var url: String
    var security: SMTPSecurity
    var username: String?
    var password: String?
    var caFile: String?

    init(_ connection: Connection) throws(DeliveryFailure) {
        guard let host = connection.string("host") else { throw .permanent("the SMTP connection '\(connection.name)' has no host") }
        security = try SMTPSecurity(connection: connection)
        let port = connection.int("port") ?? security.defaultPort
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        url = "\(security == .tls ? "smtps" : "smtp")://\(hostPart):\(port)"
        username = connection.string("username")
        password = connection.string("password")
        caFile = connection.string("caFile")
    }

    /// URL, TLS, credentials and time limits.
    func configure(_ easy: CurlEasy, timeout: Double) throws(DeliveryFailure) {
        try easy.set(CURLOPT_URL, url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        try easy.set(CURLOPT_USE_SSL, Int(security == .none ? CURLUSESSL_NONE.rawValue : CURLUSESSL_ALL.rawValue))
        if let username { try easy.set(CURLOPT_USERNAME, username) }
        if let password { try easy.set(CURLOPT_PASSWORD, password) }
        if let caFile { try easy.set(CURLOPT_CAINFO, caFile) }
        let milliseconds = timeout.isFinite && timeout > 0 ? max(1, Int(min(timeout, 86_400) * 1000)) : 120_000
        try easy.set(CURLOPT_TIMEOUT_MS, milliseconds)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, min(milliseconds, 30_000))
    }
}
