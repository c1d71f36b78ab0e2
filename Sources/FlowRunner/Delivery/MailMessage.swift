import FlowExpressions
import Foundation

/// A message's importance, as the Importance and X-Priority headers carry it.
enum MailImportance: String, Sendable, CaseIterable {
    case low = "Low", normal = "Normal", high = "High"

    /// The importance named in any letter case; Normal when missing or unknown.
    init(text: String?) {
        self = Self.allCases.first { $0.rawValue.lowercased() == text?.lowercased() } ?? .normal
    }

    /// The X-Priority header value.
    var xPriority: String {
        switch self {
        case .low: return "5 (Lowest)"
        case .normal: return "3 (Normal)"
        case .high: return "1 (Highest)"
        }
    }
}

/// An RFC 5322 message with one UTF-8 text part (plain or HTML), base64 encoded, CRLF line endings.
struct MailMessage: Sendable {
    var from: MailAddress
    var to: [MailAddress]
    var cc: [MailAddress]
    /// Receives the message but never appears in its headers.
    var bcc: [MailAddress]
    var subject: String
    var body: String
    var isHtml: Bool
    var importance: MailImportance
    var date: Date
    /// The Message-ID header value, angle brackets included.
    var messageId: String

    /// A fresh Message-ID: `<uuid@insightflow.local>`.
    static func newMessageId() -> String { "<\(UUID().uuidString.lowercased())@insightflow.local>" }

    /// The message a SendEmail step describes, from the given sender.
    init(inputs: JSONValue, from sender: String, date: Date = Date(), messageId: String = MailMessage.newMessageId()) throws(DeliveryFailure) {
        guard let from = MailAddress(sender) else { throw .permanent("the sender '\(sender)' is not an email address") }
        self.from = from
        to = try Self.addresses(inputs["to"], field: "to")
        cc = try Self.addresses(inputs["cc"], field: "cc")
        bcc = try Self.addresses(inputs["bcc"], field: "bcc")
        guard !(to + cc + bcc).isEmpty else { throw .permanent("the email has no recipients") }
        subject = inputs["subject"]?.interpolationText ?? ""
        body = inputs["body"]?.interpolationText ?? ""
        isHtml = inputs["isHtml"]?.boolValue ?? (inputs["isHtml"]?.stringValue?.lowercased() == "true")
        importance = MailImportance(text: inputs["importance"]?.stringValue)
        self.date = date
        self.messageId = messageId
    }

    /// Every envelope recipient (To, Cc, Bcc), each address once, in order.
    var recipients: [String] {
        var seen = Set<String>()
        return (to + cc + bcc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The message text: headers, a blank line, the base64 body; every line ends in CRLF.
    func rendered() -> String {
        var headers: [(String, String)] = [
            ("Date", MailEncoding.date(date)),
            ("From", from.headerText),
        ]
        if !to.isEmpty { headers.append(("To", to.map(\.headerText).joined(separator: ",\r\n "))) }
        if !cc.isEmpty { headers.append(("Cc", cc.map(\.headerText).joined(separator: ",\r\n "))) }
        headers += [
            ("Subject", MailEncoding.headerValue(subject)),
            ("Message-ID", messageId),
            ("MIME-Version", "1.0"),
            ("Content-Type", "\(isHtml ? "text/html" : "text/plain"); charset=UTF-8"),
            ("Content-Transfer-Encoding", "base64"),
            ("Importance", importance.rawValue),
            ("X-Priority", importance.xPriority),
            ("X-Mailer", "InsightFlow"),
        ]
        let head = headers.map { "\($0.0): \($0.1)\r\n" }.joined()
        return head + "\r\n" + MailEncoding.base64Lines(Array(MailEncoding.crlf(body).utf8))
    }

    private static func addresses(_ value: JSONValue?, field: String) throws(DeliveryFailure) -> [MailAddress] {
        let text: String
        if let items = value?.arrayValue {
            text = items.map(\.interpolationText).joined(separator: ";")
        } else {
            text = value?.interpolationText ?? ""
        }
        let parsed = MailAddress.list(text)
        guard parsed.invalid.isEmpty else {
            throw .permanent("'\(parsed.invalid.joined(separator: "', '"))' in \(field) is not an email address")
        }
        return parsed.addresses
    }
}
