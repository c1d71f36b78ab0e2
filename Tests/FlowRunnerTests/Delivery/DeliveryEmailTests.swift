import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

@Suite("Delivery: email over SMTP")
struct DeliveryEmailTests {
    let service = DeliveryService(home: DeliveryFixtures.home())

    private func smtp(_ extra: [String: JSONValue] = [:], port: Int? = nil) async throws -> Connection {
        let sinkPort = try await DeliveryFixtures.smtpSink.value.port
        var settings: [String: JSONValue] = ["host": "127.0.0.1", "port": .int(port ?? sinkPort), "security": "none",
                                             "from": "InsightFlow <insightflow@localhost>"]
        settings.merge(extra) { _, new in new }
        return Connection(name: "Mail", kind: .smtp, settings: settings)
    }

    /// The sink's copy of the message with this Message-ID: its raw text and envelope.
    private func received(_ messageId: String) throws -> (raw: String, envelope: JSONValue) {
        let folder = DeliveryFixtures.smtpFolder
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".eml") {
            let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            guard raw.contains("Message-ID: \(messageId)\r\n") else { continue }
            let meta = try Data(contentsOf: folder.appendingPathComponent(name.replacingOccurrences(of: ".eml", with: ".json")))
            return (raw, try JSONValue.parse(bytes: [UInt8](meta)))
        }
        throw DeliveryTestError("no message \(messageId) in the sink")
    }

    /// Header name → unfolded value, from the head of a message.
    private func headers(_ raw: String) -> [String: String] {
        let head = raw.components(separatedBy: "\r\n\r\n").first ?? ""
        var result: [String: String] = [:]
        var last = ""
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                result[last, default: ""] += line
            } else if let colon = line.firstIndex(of: ":") {
                last = String(line[..<colon])
                result[last] = String(line[line.index(colon, offsetBy: 2)...])
            }
        }
        return result
    }

    /// Python's email parser (an independent reader): decoded subject, To, body text, content type.
    private func pythonParse(_ raw: String) throws -> JSONValue {
        let script = """
        import email, email.policy, json, sys
        m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
        print(json.dumps({"subject": str(m["subject"]), "to": str(m["to"]), "body": m.get_content(), "type": m.get_content_type()}))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(raw.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONValue.parse(bytes: [UInt8](data))
    }

    @Test("sends an RFC 5322 message: headers one by one, Bcc only in the envelope")
    func fullMessage() async throws {
        let subject = "Segment «VIP» crossed 1 000 members — résumé ✓"
        let body = "Hello Ann,\n\nThe segment grew.\n.\n.hidden line\nBye"
        let inputs: JSONValue = [
            "connection": "Mail", "to": "ann@example.com; Bob Ray <bob@example.com>", "cc": "carol@example.com",
            "bcc": "dave@example.com", "subject": .string(subject), "body": .string(body), "importance": "High",
        ]
        let outcome = await service.deliver(DeliveryFixtures.request(.sendEmail, inputs, try await smtp()))
        let outputs = try #require(outcome.outputs, "\(String(describing: outcome.failure))")
        let messageId = try #require(outputs["messageId"]?.stringValue)
        #expect(outputs["recipients"] == ["ann@example.com", "bob@example.com", "carol@example.com", "dave@example.com"])
        #expect(messageId.hasPrefix("<") && messageId.hasSuffix("@insightflow.local>"))
        let (raw, envelope) = try received(messageId)
        #expect(envelope["mailFrom"] == "insightflow@localhost")
        #expect(envelope["rcptTos"] == ["ann@example.com", "bob@example.com", "carol@example.com", "dave@example.com"])
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let head = headers(raw)
        #expect(head["From"] == "\"InsightFlow\" <insightflow@localhost>")
        #expect(head["To"] == "ann@example.com, \"Bob Ray\" <bob@example.com>")
        #expect(head["Cc"] == "carol@example.com")
        #expect(head["Bcc"] == nil)
        #expect(!raw.contains("dave@example.com"))
        #expect(head["Subject"]?.hasPrefix("=?UTF-8?B?") == true)
        #expect(head["Message-ID"] == messageId)
        #expect(head["MIME-Version"] == "1.0")
        #expect(head["Content-Type"] == "text/plain; charset=UTF-8")
        #expect(head["Content-Transfer-Encoding"] == "base64")
        #expect(head["Importance"] == "High")
        #expect(head["X-Priority"] == "1 (Highest)")
        #expect(head["Date"].flatMap { RetryAfter.httpDate($0.replacingOccurrences(of: "+0000", with: "GMT")) } != nil)
        let parsed = try pythonParse(raw)
        #expect(parsed["subject"] == .string(subject))
        #expect(parsed["type"] == "text/plain")
        #expect(parsed["body"]?.stringValue?.replacingOccurrences(of: "\r\n", with: "\n") == body)
    }

    @Test("HTML body, SMTP login, and the password kept out of everything")
    func htmlWithLogin() async throws {
        let connection = try await smtp(["username": "mailer", "password": "smtp-secret"])
        let inputs: JSONValue = ["to": "ann@example.com", "subject": "Report", "body": "<p>Hi <b>Ann</b></p>", "isHtml": true]
        let outcome = await service.deliver(DeliveryFixtures.request(.sendEmail, inputs, connection))
        let messageId = try #require(outcome.outputs?["messageId"]?.stringValue, "\(String(describing: outcome.failure))")
        let (raw, envelope) = try received(messageId)
        #expect(envelope["login"] == "mailer")
        #expect(headers(raw)["Content-Type"] == "text/html; charset=UTF-8")
        #expect(headers(raw)["Subject"] == "Report")
        #expect(try pythonParse(raw)["body"]?.stringValue?.contains("<b>Ann</b>") == true)
        let wrong = try await smtp(["username": "mailer", "password": "not-the-password"])
        let failure = try #require(await service.deliver(DeliveryFixtures.request(.sendEmail, inputs, wrong)).failure)
        #expect(!failure.retryable)
        #expect(!failure.message.contains("not-the-password"))
    }

    @Test("4xx replies are retryable, 5xx replies and bad addresses are not")
    func replies() async throws {
        let connection = try await smtp()
        let busy = try #require(await service.deliver(DeliveryFixtures.request(.sendEmail, ["to": "reject4@example.com", "subject": "s", "body": "b"], connection)).failure)
        #expect(busy.retryable)
        #expect(busy.statusCode == 450)
        let gone = try #require(await service.deliver(DeliveryFixtures.request(.sendEmail, ["to": "reject5@example.com", "subject": "s", "body": "b"], connection)).failure)
        #expect(!gone.retryable)
        #expect(gone.statusCode == 550)
        let bad = try #require(await service.deliver(DeliveryFixtures.request(.sendEmail, ["to": "ann@example.com; not an address", "subject": "s", "body": "b"], connection)).failure)
        #expect(!bad.retryable)
        #expect(bad.message.contains("not an address"))
    }

    @Test("a refused connection is retryable")
    func refused() async throws {
        let connection = try await smtp(port: DeliveryFixtures.closedPort())
        let failure = try #require(await service.deliver(DeliveryFixtures.request(.sendEmail, ["to": "ann@example.com", "subject": "s", "body": "b"], connection)).failure)
        #expect(failure.retryable)
    }

    @Test("long non-ASCII subjects fold into encoded-words of at most 75 characters; header injection is impossible")
    func subjectEncoding() throws {
        let subject = String(repeating: "Ünïcødé ✓ ", count: 20)
        let message = try MailMessage(inputs: ["to": "a@example.com", "subject": .string(subject + "\r\nBcc: evil@example.com"), "body": "x"],
                                      from: "me@example.com")
        let raw = message.rendered()
        let subjectLines = raw.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subjectLines.count > 1)
        for word in subjectLines.map({ $0.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces) }) {
            #expect(word.count <= 75)
        }
        #expect(!raw.contains("\r\nBcc:"))
        #expect(try pythonParse(raw)["subject"] == .string(subject + "  Bcc: evil@example.com"))
    }
}
