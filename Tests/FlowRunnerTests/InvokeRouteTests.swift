import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `POST /flows/<id>/invoke` on the real HTTP front: the flow's Response comes back to the caller, the credentials
/// never reach the run, a body against the schema is refused, and the route is authenticated like `/events`.
@Suite struct InvokeRouteTests {
    func start() async throws -> (IntakeServer, UInt16, IntakeCredentials, RunnerFixture) {
        let parent = try RequestFlowTests.importFlow(RequestFlowTests.parent, id: "score-request")
        let child = try RequestFlowTests.importFlow(RequestFlowTests.child, id: "score-customer")
        let (fixture, _, client) = try await RequestFlowTests.setUp([parent, child])
        let credentials = try IntakeCredentials.loadOrCreate(home: fixture.home.url)
        let server = try IntakeServer(port: 0, credentials: credentials, client: client)
        Task { try await server.run() }
        return (server, try await server.waitUntilListening(), credentials, fixture)
    }

    func post(_ port: UInt16, _ path: String, _ body: String, headers: [String: String]) async throws -> (Int, [AnyHashable: Any], JSONValue) {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.allHeaderFields, (try? JSONValue.parse(bytes: [UInt8](data))) ?? .string(String(decoding: data, as: UTF8.self)))
    }

    @Test func theCallerGetsTheFlowsResponse() async throws {
        let (server, port, credentials, fixture) = try await start()
        defer { Task { await server.stop() } }
        let auth = ["Authorization": "Bearer \(credentials.token)", "Content-Type": "application/json", "x-correlation": "abc-1"]
        let (status, headers, body) = try await post(port, "/flows/score-request/invoke?source=crm",
                                                     #"{"customerId": "c-42", "orders": [{"amount": 70}, {"amount": 45.5}]}"#, headers: auth)
        #expect(status == 200)
        #expect(body == ["customer": "c-42", "score": 231.0, "tier": "gold"])
        #expect((headers["x-scored-by"] as? String) == "child v1")
        let runId = try #require(headers["x-ms-workflow-run-id"] as? String)
        let run = try #require(try fixture.history.run(id: runId))
        // Header names are kept as the client sent them (this client capitalises them).
        let headerNames = run.triggerOutputs["headers"]?.objectValue ?? [:]
        #expect(headerNames.first { $0.key.lowercased() == "x-correlation" }?.value == "abc-1", "\(run.triggerOutputs)")
        #expect(run.triggerOutputs.value(atPath: "queries.source") == "crm")
        #expect(run.triggerOutputs.value(atPath: "headers.Authorization") == nil, "the bearer token never reaches the run")
        #expect(!run.triggerOutputs.jsonText().contains(credentials.token))
    }

    @Test func refusalsArePrecise() async throws {
        let (server, port, credentials, _) = try await start()
        defer { Task { await server.stop() } }
        let auth = ["Authorization": "Bearer \(credentials.token)", "Content-Type": "application/json"]
        #expect(try await post(port, "/flows/score-request/invoke", "{}", headers: ["Content-Type": "application/json"]).0 == 401)
        let mismatch = try await post(port, "/flows/score-request/invoke", #"{"customerId": 7}"#, headers: auth)
        #expect(mismatch.0 == 400 && mismatch.2.value(atPath: "error.code") == "TriggerInputSchemaMismatch", "\(mismatch.2)")
        let broken = try await post(port, "/flows/score-request/invoke", #"{"customerId": "#, headers: auth)
        #expect(broken.0 == 400 && broken.2.value(atPath: "error.code") == "InvalidRequestContent")
        #expect(try await post(port, "/flows/no-such-flow/invoke", "{}", headers: auth).0 == 404)
    }
}
