import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// Parallel HTTP branches against a real receiver on 127.0.0.1 (Tests/support/http_sink.py): one fails with 404,
/// one stalls past its timeout, one answers 429 with Retry-After; a join handles all three.
@Suite struct RealReceiverTests {
    @Test func failingStallingAndThrottledBranchesRunInParallel() async throws {
        let (base, _) = try await DeliveryFixtures.sinkURL()
        let fixture = try RunnerFixture(delivery: DeliveryService(home: DeliveryFixtures.home()))
        let testCase = ConformanceCase(name: "real receiver", actions: [
            "Missing": Def.http(base + "/missing?status=404"),
            "Stalled": Def.http(base + "/stalled?delayMs=15000", timeout: "PT0.5S"),
            "Throttled": Def.action("Http", inputs: ["method": "GET", "uri": .string(base + "/busy?status=429&retryAfter=1"),
                                                     "retryPolicy": ["type": "exponential", "count": 1, "interval": "PT0.1S", "minimumInterval": "PT0S"]]),
            "Handle": Def.compose("handled", after: ["Missing": ["Failed"], "Stalled": ["TimedOut"], "Throttled": ["Failed"]]),
        ], run: .succeeded, steps: [:])
        try fixture.add(try Conformance.flow(testCase))
        let runner = try await fixture.runner()
        let run = try await runner.test(flowId: "conformance", triggerBody: [:], dryRun: false)
        let elapsed = try #require(run.duration, "the run's own start-to-finish time")
        let records = try fixture.history.steps(runId: run.id)
        func record(_ name: String) -> StepRecord? { records.last { $0.stepName == name } }
        #expect(run.status == .succeeded)
        #expect(record("Missing")?.status == .failed)
        #expect(record("Stalled")?.status == .timedOut)
        #expect(record("Throttled")?.status == .failed && record("Throttled")?.attempts == 2)
        #expect(record("Handle")?.status == .succeeded)
        #expect(elapsed >= 1.0, "the 429's Retry-After of 1 s was honoured")
        #expect(elapsed < 8.0, "the stalled call was abandoned at its timeout, not awaited for 15 s, while the other branches ran (took \(elapsed) s)")
    }
}
