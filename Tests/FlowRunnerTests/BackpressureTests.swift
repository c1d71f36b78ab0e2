import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Overload met with backpressure: once the runs waiting to start reach `maximumBacklog`, `/events` answers 429 with
/// `Retry-After` and stores nothing; every event answered 202 runs.
@Suite struct BackpressureTests {
    @Test func aFullQueueAnswers429AndEveryAcceptedEventRuns() async throws {
        let fixture = try RunnerFixture()
        var pause = Step(name: "Pause", type: .wait, inputs: ["interval": ["count": 4, "unit": "Second"]])
        pause.runAfter = [:]
        try fixture.add(RunnerFixture.flow("slow", trigger: Trigger(kind: .dataSourceRefreshFailed), steps: [pause]))
        var configuration = RunnerConfiguration()
        configuration.perFlowConcurrency = 1
        configuration.maximumBacklog = 3
        let runner = try await fixture.runner(configuration)
        let credentials = try IntakeCredentials.loadOrCreate(home: fixture.home.url)
        let server = try IntakeServer(port: 0, credentials: credentials, client: LocalRunnerClient(runner: runner))
        Task { try await server.run() }
        let port = try await server.waitUntilListening()
        defer { Task { await server.stop() } }

        let burst = try await IntakeBurst.post(8, port: port, token: credentials.token)
        let (statuses, accepted) = (burst.statuses, burst.accepted)
        let retryAfter = burst.retryAfter.last ?? nil
        // One run starts at once (and lasts 4 s), three wait: the fifth event finds the queue full.
        #expect(statuses.prefix(4).allSatisfy { $0 == 202 }, "\(statuses)")
        #expect(statuses.dropFirst(4).allSatisfy { $0 == 429 }, "\(statuses)")
        #expect(retryAfter == "1")
        #expect(try fixture.history.eventCount() == accepted.count, "a refused event is not stored")
        await runner.waitUntilIdle()
        let runs = try fixture.history.runs(flowId: "slow", limit: 100)
        #expect(runs.count == accepted.count && runs.allSatisfy { $0.status == .succeeded }, "every accepted event ran")
        #expect(await runner.backlog == 0)
    }
}
