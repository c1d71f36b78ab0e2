import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct IntakeTests {
    struct Answer {
        var status: Int
        var body: JSONValue
    }

    /// A runner with one flow behind an intake on a free loopback port.
    func start() async throws -> (IntakeServer, UInt16, IntakeCredentials, RunnerFixture, Runner) {
        let fixture = try RunnerFixture()
        try fixture.add(RunnerFixture.flow("any", trigger: Trigger(kind: .dataSourceRefreshFailed), steps: [.compose("C", "@triggerBody()?['dataSourceName']")]))
        let runner = try await fixture.runner()
        let credentials = try IntakeCredentials.loadOrCreate(home: fixture.home.url)
        let server = try IntakeServer(port: 0, credentials: credentials, client: LocalRunnerClient(runner: runner))
        Task { try await server.run() }
        let port = try await server.waitUntilListening()
        return (server, port, credentials, fixture, runner)
    }

    func post(_ port: UInt16, _ body: Data, headers: [String: String], path: String = "/events") async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return Answer(status: status, body: (try? JSONValue.parse(bytes: [UInt8](data))) ?? .null)
    }

    let event = Data(#"{"type": "DataSourceRefreshFailed", "fields": {"dataSourceName": "Webshop", "errorMessage": "file missing"}}"#.utf8)

    @Test func acceptsWithTheTokenAndStoresTheEventBeforeAnswering() async throws {
        let (server, port, credentials, fixture, runner) = try await start()
        defer { Task { await server.stop() } }
        let answer = try await post(port, event, headers: ["Authorization": "Bearer \(credentials.token)"])
        #expect(answer.status == 202)
        let id = try #require(answer.body["id"]?.stringValue)
        #expect(try fixture.history.event(id: id)?.fields["errorMessage"] == "file missing")
        let runId = try #require(answer.body["runs"]?.arrayValue?.first?.stringValue)
        #expect(await runner.finished(runId).status == .succeeded)
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.home.url.appendingPathComponent("intake-token").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// Headers of a request signed with `credentials` at `time` (unix seconds).
    func signed(_ body: Data, _ credentials: IntakeCredentials, at time: Double = Date().timeIntervalSince1970, delivery: String? = nil) -> [String: String] {
        let stamp = String(Int(time))
        var headers = ["X-InsightFlow-Timestamp": stamp, "X-InsightFlow-Signature": "sha256=\(credentials.sign(body, timestamp: stamp))"]
        if let delivery { headers["X-InsightFlow-Delivery"] = delivery }
        return headers
    }

    @Test func acceptsAValidSignatureOverTimestampAndBody() async throws {
        let (server, port, credentials, _, _) = try await start()
        defer { Task { await server.stop() } }
        #expect(try await post(port, event, headers: signed(event, credentials)).status == 202)
        let tampered = try await post(port, event + Data(" ".utf8), headers: signed(event, credentials))
        #expect(tampered.status == 401 && tampered.body["error"] == "wrong signature")
        var unstamped = signed(event, credentials)
        unstamped["X-InsightFlow-Timestamp"] = nil
        #expect(try await post(port, event, headers: unstamped).status == 401)
    }

    @Test func aSignedRequestCannotBeReplayed() async throws {
        let (server, port, credentials, fixture, _) = try await start()
        defer { Task { await server.stop() } }
        let headers = signed(event, credentials)
        var answers: [Int] = []
        for _ in 0..<5 { answers.append(try await post(port, event, headers: headers).status) }
        #expect(answers == [202, 401, 401, 401, 401], "the same signed request is accepted once")
        let replay = try await post(port, event, headers: headers)
        #expect(replay.body["error"]?.stringValue?.contains("replay") == true)
        let old = try await post(port, event, headers: signed(event, credentials, at: Date().timeIntervalSince1970 - 600))
        #expect(old.status == 401 && old.body["error"]?.stringValue?.contains("more than 300 seconds") == true)
        let first = try await post(port, event, headers: signed(event, credentials, at: Date().timeIntervalSince1970 - 1, delivery: "d-1"))
        let again = try await post(port, event, headers: signed(event, credentials, at: Date().timeIntervalSince1970 - 2, delivery: "d-1"))
        #expect(first.status == 202 && again.status == 401, "one delivery id is accepted once, whatever its timestamp")
        #expect(try fixture.history.eventCount() == 2)
    }

    @Test func refusesMissingOrWrongCredentials() async throws {
        let (server, port, _, fixture, _) = try await start()
        defer { Task { await server.stop() } }
        #expect(try await post(port, event, headers: [:]).status == 401)
        let wrong = try await post(port, event, headers: ["Authorization": "Bearer nope"])
        #expect(wrong.status == 401)
        #expect(wrong.body["error"]?.stringValue?.contains("intake-token") == true)
        #expect(try fixture.history.eventCount() == 0)
    }

    @Test func malformedBodiesGetAPreciseReason() async throws {
        let (server, port, credentials, _, _) = try await start()
        defer { Task { await server.stop() } }
        let auth = ["Authorization": "Bearer \(credentials.token)"]
        let cases: [(String, String)] = [
            (#"{"type": "DataSourceRefreshFailed""#, "not valid JSON"),
            (#"{"fields": {}}"#, "missing \"type\""),
            (#"{"type": "Explosion"}"#, "unknown event type 'Explosion'"),
            (#"{"type": "SegmentRefreshed", "fields": {"segmentName": "S"}}"#, "fields.currentCount is required"),
            (#"{"type": "SegmentRefreshed", "fields": {"segmentName": "S", "currentCount": "many"}}"#, "must be a number"),
            (#"[1, 2]"#, "must be a JSON object"),
        ]
        for (body, reason) in cases {
            let answer = try await post(port, Data(body.utf8), headers: auth)
            #expect(answer.status == 400, "\(body)")
            #expect(answer.body["error"]?.stringValue?.contains(reason) == true, "\(body) → \(answer.body)")
        }
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let (server, port, credentials, _, _) = try await start()
        defer { Task { await server.stop() } }
        let big = Data(repeating: UInt8(ascii: " "), count: IntakeServer.maximumBodySize + 1)
        let answer = try await post(port, big, headers: ["Authorization": "Bearer \(credentials.token)"])
        #expect(answer.status == 413)
    }

    @Test func controlRoutesTestAndResubmitFlows() async throws {
        let (server, port, credentials, fixture, runner) = try await start()
        defer { Task { await server.stop() } }
        let auth = ["Authorization": "Bearer \(credentials.token)"]
        let tested = try await post(port, Data(#"{"flow": "any", "body": {"dataSourceName": "CRM"}}"#.utf8), headers: auth, path: "/flows/test")
        #expect(tested.status == 202)
        let runId = try #require(tested.body["id"]?.stringValue)
        var waited = try await post(port, Data(#"{"run": "\#(runId)", "seconds": 10}"#.utf8), headers: auth, path: "/runs/wait")
        for _ in 0..<5 where waited.body["finished"] != true {
            waited = try await post(port, Data(#"{"run": "\#(runId)", "seconds": 10}"#.utf8), headers: auth, path: "/runs/wait")
        }
        #expect(waited.body["finished"] == true && waited.body["status"] == "Succeeded")
        let resubmitted = try await post(port, Data(#"{"run": "\#(runId)"}"#.utf8), headers: auth, path: "/runs/resubmit")
        #expect(resubmitted.status == 202)
        let newId = try #require(resubmitted.body["id"]?.stringValue)
        let rerun = await runner.finished(newId)
        #expect(rerun.origin == "resubmit" && rerun.triggerOutputs.value(atPath: "body.dataSourceName") == "CRM")
        #expect(try await post(port, Data("{}".utf8), headers: [:], path: "/flows/reload").status == 401)
        let unknown = try await post(port, Data(#"{"run": "no-such-run", "seconds": 1}"#.utf8), headers: auth, path: "/runs/wait")
        #expect(unknown.status == 400 && unknown.body["error"]?.stringValue?.contains("no run 'no-such-run'") == true)
        let broken = try await post(port, Data("{not json".utf8), headers: auth, path: "/flows/reload")
        #expect(broken.status == 400 && broken.body["error"]?.stringValue?.contains("/flows/reload: the body is not valid JSON") == true)
        #expect(try fixture.history.runs(flowId: "any").count == 2)
    }
}
