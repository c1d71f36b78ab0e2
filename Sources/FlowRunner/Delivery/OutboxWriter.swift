import FlowExpressions
import FlowModel
import Foundation
import TextFormats

/// Writes messages to the home's `outbox/` folder instead of sending them: email as `<timestamp>-<id>.eml`
/// (the RFC 5322 text), Teams and HTTP as `<timestamp>-<id>.json` (the body plus target metadata).
/// Files appear atomically (temp file, fsync, rename) with mode 0600.
struct OutboxWriter: Sendable {
    let folder: URL

    init(home: InsightFlowHome) { folder = home.outboxFolder }

    /// Writes an email; returns the file written.
    func write(email message: MailMessage) throws(DeliveryFailure) -> URL {
        try write(Array(message.rendered().utf8), extension: "eml")
    }

    /// Writes a JSON document (pretty, newline ended); returns the file written.
    func write(json document: JSONValue) throws(DeliveryFailure) -> URL {
        try write(Array((document.jsonText(pretty: true) + "\n").utf8), extension: "json")
    }

    /// A name that sorts by time and never collides: `20251126T092100.123Z-1a2b3c4d.json`.
    static func fileName(date: Date = Date(), extension ext: String) -> String {
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        return "\(TimeText.compact(date))-\(id).\(ext)"
    }

    private func write(_ bytes: [UInt8], extension ext: String) throws(DeliveryFailure) -> URL {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return try fail("cannot create the outbox \(folder.path): \(error.localizedDescription)")
        }
        let url = folder.appendingPathComponent(Self.fileName(extension: ext))
        do {
            try AtomicFile.write(bytes, to: url, mode: 0o600)
        } catch {
            return try fail("cannot write to the outbox: \(error)")
        }
        return url
    }

    /// A full disk or a permission problem may clear up, so outbox failures are retryable.
    private func fail(_ message: String) throws(DeliveryFailure) -> URL {
        throw DeliveryFailure(message: message, retryable: true)
    }
}
