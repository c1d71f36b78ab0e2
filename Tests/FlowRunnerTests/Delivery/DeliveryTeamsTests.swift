import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

@Suite("Delivery: Teams")
struct DeliveryTeamsTests {
    let service = DeliveryService(home: DeliveryFixtures.home())
    let inputs: JSONValue = [
        "connection": "Team", "title": "Refresh failed", "text": "The **Contacts** source failed",
        "facts": ["Source": "Contacts", "Rows": 42], "buttonTitle": "Open", "buttonUrl": "https://example.com/runs/1",
    ]

    private func teams(_ url: String, format: String? = nil) -> Connection {
        var settings: [String: JSONValue] = ["webhookUrl": .string(url)]
        if let format { settings["format"] = .string(format) }
        return Connection(name: "Team", kind: .teams, settings: settings)
    }

    @Test("posts an Adaptive Card in the Workflows message shape with an idempotency key")
    func adaptiveCard() async throws {
        let (base, prefix) = try await DeliveryFixtures.sinkURL()
        let request = DeliveryFixtures.request(.teamsPostMessage, inputs, teams(base + "?status=202"))
        let outcome = await service.deliver(request)
        #expect(outcome.outputs?["statusCode"] == 202)
        let recorded = try await DeliveryFixtures.recorded(prefix)
        try #require(recorded.count == 1)
        #expect(recorded[0]["headers"]?["Idempotency-Key"]?.stringValue == request.idempotencyKey)
        #expect(recorded[0]["headers"]?["X-InsightFlow-Attempt"]?.stringValue == "1")
        #expect(recorded[0]["headers"]?["Content-Type"] == "application/json")
        let body = try JSONValue.parse(recorded[0]["body"]?.stringValue ?? "")
        #expect(body["type"] == "message")
        let attachment = try #require(body["attachments"]?.arrayValue?.first)
        #expect(attachment["contentType"] == "application/vnd.microsoft.card.adaptive")
        #expect(attachment["contentUrl"] == .null)
        let card = try #require(attachment["content"])
        #expect(card["type"] == "AdaptiveCard")
        #expect(card["version"] == "1.4")
        #expect(card["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json")
        let blocks = card["body"]?.arrayValue ?? []
        #expect(blocks.count == 3)
        #expect(blocks.first?["text"] == "Refresh failed")
        #expect(blocks.first?["weight"] == "Bolder")
        #expect(blocks.first?["size"] == "Medium")
        #expect(blocks.dropFirst().first?["wrap"] == true)
        #expect(blocks.last?["type"] == "FactSet")
        #expect(blocks.last?["facts"] == [["title": "Source", "value": "Contacts"], ["title": "Rows", "value": "42"]])
        #expect(card["actions"] == [["type": "Action.OpenUrl", "title": "Open", "url": "https://example.com/runs/1"]])
    }

    @Test("sends the legacy MessageCard when the connection asks for it")
    func messageCard() async throws {
        let (base, prefix) = try await DeliveryFixtures.sinkURL()
        let outcome = await service.deliver(DeliveryFixtures.request(.teamsPostMessage, inputs, teams(base + "?body=1", format: "messageCard")))
        #expect(outcome.outputs?["responseText"] == "1")
        let body = try JSONValue.parse(try await DeliveryFixtures.recorded(prefix).first?["body"]?.stringValue ?? "")
        #expect(body["@type"] == "MessageCard")
        #expect(body["@context"] == "https://schema.org/extensions")
        #expect(body["summary"] == "Refresh failed")
        #expect(body["title"] == "Refresh failed")
        #expect(body["sections"] == [["facts": [["name": "Source", "value": "Contacts"], ["name": "Rows", "value": "42"]]]])
        #expect(body["potentialAction"]?.arrayValue?.first?["@type"] == "OpenUri")
        #expect(body["potentialAction"]?.arrayValue?.first?["targets"] == [["os": "default", "uri": "https://example.com/runs/1"]])
    }

    @Test("throttling reported in a 200 body is a retryable failure")
    func throttledInBody() async throws {
        let (base, _) = try await DeliveryFixtures.sinkURL()
        let text = "Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0"
        let url = base + "?body=" + HTTPStepRequest.percentEncoded(text)
        let failure = try #require(await service.deliver(DeliveryFixtures.request(.teamsPostMessage, inputs, teams(url))).failure)
        #expect(failure.retryable)
        #expect(failure.statusCode == 429)
        #expect(failure.outputs?["statusCode"] == 200)
    }

    @Test("a 2xx body that merely contains 429 (an id, a count) is delivered")
    func numberInBodyIsNotThrottling() async throws {
        let (base, _) = try await DeliveryFixtures.sinkURL()
        let url = base + "?body=" + HTTPStepRequest.percentEncoded("1 message accepted, queue 429 of 1000")
        let outcome = await service.deliver(DeliveryFixtures.request(.teamsPostMessage, inputs, teams(url)))
        #expect(outcome.failure == nil)
    }

    @Test("503 with Retry-After is retryable after the given seconds; 400 is not retryable")
    func statusClassification() async throws {
        let (base, _) = try await DeliveryFixtures.sinkURL()
        let busy = try #require(await service.deliver(DeliveryFixtures.request(.teamsPostMessage, inputs, teams(base + "?status=503&retryAfter=2"))).failure)
        #expect(busy.retryable)
        #expect(busy.retryAfter == 2)
        #expect(busy.statusCode == 503)
        let bad = try #require(await service.deliver(DeliveryFixtures.request(.teamsPostMessage, inputs, teams(base + "?status=400&body=bad+card"))).failure)
        #expect(!bad.retryable)
        #expect(bad.statusCode == 400)
        #expect(bad.outputs?["responseText"] == "bad card")
    }

    @Test("a refused connection is retryable and the webhook URL never shows")
    func connectionRefused() async throws {
        let url = "http://127.0.0.1:\(DeliveryFixtures.closedPort())/workflows/secret-signature-123"
        let failure = try #require(await service.deliver(DeliveryFixtures.request(.teamsPostMessage, inputs, teams(url))).failure)
        #expect(failure.retryable)
        #expect(!failure.message.contains("secret-signature-123"))
    }

    @Test("a slow webhook times out as a retryable failure")
    func timeout() async throws {
        let (base, _) = try await DeliveryFixtures.sinkURL()
        let started = Date()
        let request = DeliveryFixtures.request(.teamsPostMessage, inputs, teams(base + "?delayMs=10000"), timeout: 0.5)
        let failure = try #require(await service.deliver(request).failure)
        #expect(failure.retryable)
        #expect(failure.message.hasPrefix("timed out after 0.5 s"), "the runner records it as timed out")
        #expect(Date().timeIntervalSince(started) < 6, "it did not wait for the 10 s answer (generous margin for a loaded machine)")
    }

    @Test("a dry run sends nothing and says so")
    func dryRun() async throws {
        let (base, prefix) = try await DeliveryFixtures.sinkURL()
        let outcome = await service.deliver(DeliveryFixtures.request(.teamsPostMessage, inputs, teams(base), dryRun: true))
        #expect(outcome.outputs?["dryRun"] == true)
        #expect(outcome.outputs?["body"]?["type"] == "message")
        let text = outcome.outputs.map { $0.jsonText() } ?? ""
        #expect(!text.contains(prefix))
        #expect(try await DeliveryFixtures.recorded(prefix).isEmpty)
    }

    @Test("Retry-After accepts seconds and HTTP dates")
    func retryAfterParsing() {
        let now = Date(timeIntervalSince1970: 784_111_777)
        #expect(RetryAfter.seconds("3", now: now) == 3)
        #expect(RetryAfter.seconds("0.25", now: now) == 0.25)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == 10)
        #expect(RetryAfter.seconds("Sunday, 06-Nov-94 08:49:47 GMT", now: now) == 10)
        #expect(RetryAfter.seconds("Sun Nov  6 08:49:47 1994", now: now) == 10)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:27 GMT", now: now) == 0)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds(nil, now: now) == nil)
    }
}
