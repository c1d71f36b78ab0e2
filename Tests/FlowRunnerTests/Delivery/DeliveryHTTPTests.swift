import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

@Suite("Delivery: HTTP")
struct DeliveryHTTPTests {
    let service = DeliveryService(home: DeliveryFixtures.home())

    @Test("GET with queries and headers parses a JSON response")
    func getJSON() async throws {
        let (base, prefix) = try await DeliveryFixtures.sinkURL()
        let inputs: JSONValue = ["method": "GET", "uri": .string(base + "/items?echo=1"),
                                 "queries": ["segment": "VIP & friends", "top": 5], "headers": ["X-Trace": "abc"]]
        let request = DeliveryFixtures.request(.http, inputs, nil)
        let outputs = try #require(await service.deliver(request).outputs)
        #expect(outputs["statusCode"] == 200)
        #expect(outputs["headers"]?["X-Sink"] == "yes")
        let echoed = try #require(outputs["body"]?.objectValue, "the JSON body is parsed")
        #expect(echoed["method"] == "GET")
        #expect(echoed["path"] == .string(prefix + "/items"))
        #expect(echoed["query"]?["segment"] == "VIP & friends")
        #expect(echoed["query"]?["top"] == "5")
        #expect(echoed["headers"]?["X-Trace"] == "abc")
        #expect(echoed["headers"]?["Idempotency-Key"] == .string(request.idempotencyKey))
    }

    @Test("POST sends an object as JSON and a string as is; text responses stay text")
    func postBodies() async throws {
        let (base, prefix) = try await DeliveryFixtures.sinkURL()
        let object: JSONValue = ["method": "POST", "uri": .string(base + "/json?status=201&body=created"), "body": ["name": "Ann", "score": 3]]
        let outputs = try #require(await service.deliver(DeliveryFixtures.request(.http, object, nil)).outputs)
        #expect(outputs["statusCode"] == 201)
        #expect(outputs["body"] == "created")
        let text: JSONValue = ["method": "PUT", "uri": .string(base + "/text"), "body": "plain words"]
        #expect(await service.deliver(DeliveryFixtures.request(.http, text, nil)).outputs?["statusCode"] == 200)
        let recorded = try await DeliveryFixtures.recorded(prefix)
        try #require(recorded.count == 2)
        #expect(recorded[0]["headers"]?["Content-Type"] == "application/json")
        #expect(try JSONValue.parse(recorded[0]["body"]?.stringValue ?? "") == ["name": "Ann", "score": 3])
        #expect(recorded[1]["method"] == "PUT")
        #expect(recorded[1]["body"] == "plain words")
    }

    @Test("Basic and Bearer authentication headers; the secrets never come back in outputs")
    func authentication() async throws {
        let (base, prefix) = try await DeliveryFixtures.sinkURL()
        let basic: JSONValue = ["method": "GET", "uri": .string(base + "/basic?echo=1"),
                                "authentication": ["type": "Basic", "username": "ann", "password": "pa55-word"]]
        let basicOutputs = try #require(await service.deliver(DeliveryFixtures.request(.http, basic, nil)).outputs)
        let bearer: JSONValue = ["method": "GET", "uri": .string(base + "/bearer?echo=1"),
                                 "authentication": ["type": "Bearer", "token": "tok-123456"]]
        let bearerOutputs = try #require(await service.deliver(DeliveryFixtures.request(.http, bearer, nil)).outputs)
        let recorded = try await DeliveryFixtures.recorded(prefix)
        try #require(recorded.count == 2)
        #expect(recorded[0]["headers"]?["Authorization"] == .string("Basic " + Data("ann:pa55-word".utf8).base64EncodedString()))
        #expect(recorded[1]["headers"]?["Authorization"] == "Bearer tok-123456")
        #expect(!basicOutputs.jsonText().contains(Data("ann:pa55-word".utf8).base64EncodedString()))
        #expect(!bearerOutputs.jsonText().contains("tok-123456"))
    }

    @Test("an http connection supplies the base URL and credentials")
    func connectionDefaults() async throws {
        let (base, prefix) = try await DeliveryFixtures.sinkURL()
        let connection = Connection(name: "Api", kind: .http, settings: [
            "baseUrl": .string(base + "/api/"), "headers": ["X-Client": "insightflow"],
            "authentication": ["type": "Bearer", "token": "conn-token-9"],
        ])
        let outcome = await service.deliver(DeliveryFixtures.request(.http, ["method": "DELETE", "uri": "/things/7"], connection))
        #expect(outcome.outputs?["statusCode"] == 200)
        let recorded = try await DeliveryFixtures.recorded(prefix)
        #expect(recorded.first?["path"] == .string(prefix + "/api/things/7"))
        #expect(recorded.first?["method"] == "DELETE")
        #expect(recorded.first?["headers"]?["Authorization"] == "Bearer conn-token-9")
        #expect(recorded.first?["headers"]?["X-Client"] == "insightflow")
    }

    @Test("non-2xx fails with outputs: 429 and 5xx retryable with Retry-After, 404 not")
    func failures() async throws {
        let (base, _) = try await DeliveryFixtures.sinkURL()
        let throttled = try #require(await service.deliver(DeliveryFixtures.request(.http, ["uri": .string(base + "?status=429&retryAfter=1")], nil)).failure)
        #expect(throttled.retryable)
        #expect(throttled.retryAfter == 1)
        #expect(throttled.outputs?["statusCode"] == 429)
        let missing = try #require(await service.deliver(DeliveryFixtures.request(.http, ["uri": .string(base + "?status=404&contentType=application/json&body=%7B%22error%22%3A%22nope%22%7D")], nil)).failure)
        #expect(!missing.retryable)
        #expect(missing.statusCode == 404)
        #expect(missing.outputs?["body"] == ["error": "nope"])
        let refused = try #require(await service.deliver(DeliveryFixtures.request(.http, ["uri": .string("http://127.0.0.1:\(DeliveryFixtures.closedPort())/")], nil)).failure)
        #expect(refused.retryable)
        let timedOut = try #require(await service.deliver(DeliveryFixtures.request(.http, ["uri": .string(base + "?delayMs=2000")], nil, timeout: 0.3)).failure)
        #expect(timedOut.retryable)
    }

    @Test("bad requests fail before sending and are not retryable")
    func badRequests() async {
        let cases: [JSONValue] = [
            ["uri": "file:///etc/passwd"],
            ["uri": ""],
            ["method": "GET POST", "uri": "http://127.0.0.1:1/"],
            ["uri": "http://127.0.0.1:1/", "headers": ["X-Evil": "a\r\nInjected: yes"]],
            ["uri": "http://127.0.0.1:1/", "authentication": ["type": "Digest"]],
        ]
        for inputs in cases {
            let failure = await service.deliver(DeliveryFixtures.request(.http, inputs, nil)).failure
            #expect(failure?.retryable == false, "\(inputs.jsonText())")
        }
    }

    @Test("slow transfers run off the cooperative pool: eight at once take the time of one")
    func concurrency() async throws {
        let (base, _) = try await DeliveryFixtures.sinkURL()
        let service = self.service
        let started = Date()
        let codes = await withTaskGroup(of: Int?.self) { group in
            for _ in 0..<8 {
                group.addTask { await service.deliver(DeliveryFixtures.request(.http, ["uri": .string(base + "?delayMs=1500")], nil)).outputs?["statusCode"]?.intValue }
            }
            return await group.reduce(into: [Int?]()) { $0.append($1) }
        }
        #expect(codes == Array(repeating: 200, count: 8))
        #expect(Date().timeIntervalSince(started) < 6, "eight 1.5 s transfers one after another would take 12 s")
    }

    @Test("the cancelled task aborts the transfer quickly")
    func cancellation() async throws {
        let (base, _) = try await DeliveryFixtures.sinkURL()
        let service = self.service
        let started = Date()
        let task = Task { await service.deliver(DeliveryFixtures.request(.http, ["uri": .string(base + "?delayMs=10000")], nil, timeout: 30)) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        _ = await task.value
        #expect(Date().timeIntervalSince(started) < 6, "it did not wait for the 10 s answer")
    }
}
