import FlowExpressions
import Foundation
import FlowModel
import Insights

/// The runner client over the control routes of the `serve` that holds the home.
public final class RemoteRunnerClient: RunnerClient {
    private let transport: IntakeClient
    private let pid: Int32
    public let history: HistoryStore

    /// A client for the `serve` at `endpoint`, reading the home's history directly (WAL readers never block it).
    public init(home: InsightFlowHome, endpoint: RunnerEndpoint) throws {
        transport = try IntakeClient(home: home, endpoint: endpoint)
        pid = endpoint.pid
        history = try HistoryStore.reader(url: home.historyDatabase)
    }

    public var mode: RunnerMode { .attached(pid: pid) }

    private func call(_ route: ControlRoute, _ body: JSONValue, timeout: Double = 60) async throws -> JSONValue {
        do {
            return try await transport.post(route.rawValue, body: body, timeout: timeout)
        } catch let error as IntakeClientError {
            throw RunnerClientError(error.message)
        }
    }

    public func accept(event: JSONValue, origin: EventOrigin) async throws -> EventAcceptance {
        let answer = try await call(.events, event)
        return EventAcceptance(eventId: answer["id"]?.stringValue ?? "", runIds: answer["runs"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    public func startTest(flowId: String, triggerBody: JSONValue, dryRun: Bool) async throws -> String {
        let body: JSONValue = ["flow": .string(flowId), "body": triggerBody, "dryRun": .bool(dryRun)]
        let answer = try await call(.testFlow, body)
        guard let id = answer["id"]?.stringValue else { throw RunnerClientError("serve did not name the test run") }
        return id
    }

    public func waitForRun(_ runId: String) async throws -> RunRecord {
        while true {
            let body: JSONValue = ["run": .string(runId), "seconds": 20]
            let answer = try await call(.waitRun, body, timeout: 40)
            if answer["finished"]?.boolValue == true, let id = answer["id"]?.stringValue, let run = try history.run(id: id) { return run }
        }
    }

    public func resubmit(runId: String) async throws -> String {
        let body: JSONValue = ["run": .string(runId)]
        let answer = try await call(.resubmitRun, body)
        guard let id = answer["id"]?.stringValue else { throw RunnerClientError("serve did not name the new run") }
        return id
    }

    public func reloadFlows() async throws { _ = try await call(.reloadFlows, .object([:])) }

    public func refresh(source: String?) async throws -> RefreshReport {
        var body: JSONValue = .object([:])
        if let source { body = ["source": .string(source)] }
        let answer = try await call(.refresh, body, timeout: 3600)
        return try CodableJSON.decode(RefreshReport.self, from: answer)
    }

    public func schedule() async throws -> RefreshSchedule? {
        let answer = try await call(.schedule, .object([:]))
        guard let value = answer["schedule"], !value.isNull else { return nil }
        return try CodableJSON.decode(RefreshSchedule.self, from: value)
    }

    public func setSchedule(_ schedule: RefreshSchedule) async throws {
        let value = try CodableJSON.value(schedule)
        let body: JSONValue = ["set": value]
        _ = try await call(.schedule, body)
    }

    public func demoFeed() async throws -> Bool? { try await call(.demoFeed, .object([:]))["on"]?.boolValue }

    public func setDemoFeed(on: Bool) async throws {
        let body: JSONValue = ["set": .bool(on)]
        _ = try await call(.demoFeed, body)
    }

    public func activity() async throws -> RunnerActivity {
        try CodableJSON.decode(RunnerActivity.self, from: try await call(.activity, .object([:])))
    }

    public func changes() -> AsyncStream<Void> { history.changes() }

    public func close() async {}
}
