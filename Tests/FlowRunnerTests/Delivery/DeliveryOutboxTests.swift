import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

@Suite("Delivery: outbox")
struct DeliveryOutboxTests {
    let home = DeliveryFixtures.home()
    let outbox = Connection(name: "Outbox", kind: .outbox)

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: home.outboxFolder.path).sorted()
    }

    private func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("an email becomes <timestamp>-<id>.eml holding the RFC 5322 text, mode 0600")
    func email() async throws {
        let inputs: JSONValue = ["to": "ann@example.com", "bcc": "boss@example.com", "subject": "Hello", "body": "Hi"]
        let outputs = try #require(await DeliveryService(home: home).deliver(DeliveryFixtures.request(.sendEmail, inputs, outbox)).outputs)
        let names = try files()
        try #require(names.count == 1)
        #expect(names[0].wholeMatch(of: /\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{12}\.eml/) != nil)
        let path = home.outboxFolder.appendingPathComponent(names[0]).path
        #expect(outputs["outboxFile"] == .string(path))
        #expect(outputs["recipients"] == ["ann@example.com", "boss@example.com"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("Message-ID: \(outputs["messageId"]?.stringValue ?? "?")\r\n"))
        #expect(text.contains("From: insightflow@localhost\r\n"))
        #expect(!text.contains("Bcc"))
        #expect(try mode(path) == 0o600)
    }

    @Test("Teams and HTTP messages become JSON with target metadata; credentials stay out")
    func json() async throws {
        let service = DeliveryService(home: home)
        let teams = await service.deliver(DeliveryFixtures.request(.teamsPostMessage, ["text": "Hi", "title": "T"], outbox))
        #expect(teams.outputs?["statusCode"] == 202)
        let http: JSONValue = ["method": "POST", "uri": "https://api.example.com/hook", "body": ["a": 1],
                               "authentication": ["type": "Bearer", "token": "outbox-token-1"]]
        #expect(await service.deliver(DeliveryFixtures.request(.http, http, outbox)).outputs?["statusCode"] == 202)
        let documents = try files().filter { $0.hasSuffix(".json") }.map { name in
            try JSONValue.parse(bytes: [UInt8](Data(contentsOf: home.outboxFolder.appendingPathComponent(name))))
        }
        try #require(documents.count == 2)
        let card = try #require(documents.first { $0["stepType"] == "TeamsPostMessage" })
        #expect(card["target"]?["kind"] == "outbox")
        #expect(card["body"]?["attachments"]?.arrayValue?.first?["content"]?["type"] == "AdaptiveCard")
        let request = try #require(documents.first { $0["stepType"] == "Http" })
        #expect(request["target"]?["url"] == "https://api.example.com/hook")
        #expect(request["target"]?["headers"]?["Authorization"] == "***")
        #expect(request["body"] == ["a": 1])
        #expect(!request.jsonText().contains("outbox-token-1"))
        #expect(try files().allSatisfy { !$0.hasPrefix(".") }, "no temporary files left")
    }

    @Test("a dry run writes nothing")
    func dryRun() async throws {
        let outcome = await DeliveryService(home: home).deliver(DeliveryFixtures.request(.sendEmail, ["to": "a@example.com", "subject": "s", "body": "b"], outbox, dryRun: true))
        #expect(outcome.outputs?["dryRun"] == true)
        #expect(outcome.outputs?["message"]?.stringValue?.contains("Subject: s\r\n") == true)
        #expect(!FileManager.default.fileExists(atPath: home.outboxFolder.path))
    }

    @Test("steps without a suitable connection fail permanently")
    func routing() async {
        let service = DeliveryService(home: home)
        let smtp = Connection(name: "Mail", kind: .smtp, settings: ["host": "127.0.0.1"])
        #expect(await service.deliver(DeliveryFixtures.request(.teamsPostMessage, ["text": "x"], nil)).failure?.retryable == false)
        #expect(await service.deliver(DeliveryFixtures.request(.teamsPostMessage, ["text": "x"], smtp)).failure?.message.contains("smtp connection") == true)
        #expect(await service.deliver(DeliveryFixtures.request(.sendEmail, ["to": "a@example.com"], nil)).failure?.retryable == false)
        #expect(await service.deliver(DeliveryFixtures.request(.compose, ["x": 1], outbox)).failure?.retryable == false)
        let noWebhook = Connection(name: "T", kind: .teams)
        #expect(await service.deliver(DeliveryFixtures.request(.teamsPostMessage, ["text": "x"], noWebhook)).failure?.message.contains("webhookUrl") == true)
    }
}
