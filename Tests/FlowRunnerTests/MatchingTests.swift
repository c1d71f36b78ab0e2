import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

@Suite struct MatchingTests {
    @Test func refreshFailureFiresNamedAndAnySourceFlowsOnly() async throws {
        let fixture = try RunnerFixture()
        try fixture.add(RunnerFixture.flow("any-source", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]), steps: [.compose("C", "x")]))
        try fixture.add(RunnerFixture.flow("webshop", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "Webshop"]), steps: [.compose("C", "x")]))
        try fixture.add(RunnerFixture.flow("crm", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "CRM"]), steps: [.compose("C", "x")]))
        try fixture.add(RunnerFixture.flow("succeeded", trigger: Trigger(kind: .dataSourceRefreshSucceeded), steps: [.compose("C", "x")]))
        let runner = try await fixture.runner()
        let runs = try await fixture.send(runner, .dataSourceRefreshFailed, ["dataSourceName": "webshop", "errorMessage": "row 3: bad date"])
        #expect(Set(runs.map(\.flowId)) == ["any-source", "webshop"])
        #expect(runs.allSatisfy { $0.status == .succeeded })
        #expect(runs.first?.triggerOutputs.value(atPath: "body.errorMessage") == "row 3: bad date")
    }

    @Test func offFlowsDoNotFire() async throws {
        let fixture = try RunnerFixture()
        var flow = RunnerFixture.flow("off", trigger: Trigger(kind: .fullRefreshCompleted), steps: [.compose("C", "x")])
        flow.state = .off
        try fixture.store.create(flow)
        let runner = try await fixture.runner()
        #expect(try await fixture.send(runner, .fullRefreshCompleted, [:]).isEmpty)
        #expect(try fixture.history.eventCount() == 1)
    }

    func segmentFixture(threshold: Int = 100) throws -> RunnerFixture {
        let fixture = try RunnerFixture()
        try fixture.add(RunnerFixture.flow("segment", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "High value customers", "threshold": .int(threshold)]),
                                           steps: [.compose("Say", "@{triggerBody()?['segmentName']} went from @{triggerBody()?['previousCount']} to @{triggerBody()?['currentCount']} (over @{triggerBody()?['threshold']})")]))
        return fixture
    }

    func count(_ fixture: RunnerFixture, _ runner: Runner, _ value: Int) async throws -> [RunRecord] {
        try await fixture.send(runner, .segmentRefreshed, ["segmentName": "High value customers", "currentCount": .int(value)])
    }

    @Test func thresholdFiresOnlyOnUpwardCrossingAfterABaseline() async throws {
        let fixture = try segmentFixture()
        let runner = try await fixture.runner()
        #expect(try await count(fixture, runner, 120).isEmpty, "the first observation is a baseline, even above the threshold")
        #expect(try await count(fixture, runner, 90).isEmpty, "downward is not a crossing")
        let crossed = try await count(fixture, runner, 101)
        #expect(crossed.count == 1)
        let steps = try fixture.history.steps(runId: try #require(crossed.first).id)
        #expect(steps.first?.outputs == "High value customers went from 90 to 101 (over 100)")
        #expect(try await count(fixture, runner, 150).isEmpty, "staying above does not fire again")
        #expect(try await count(fixture, runner, 100).isEmpty, "equal to the threshold is not above it")
        #expect(try await count(fixture, runner, 100).isEmpty)
        #expect(try await count(fixture, runner, 105).count == 1, "from ≤ threshold to above fires again")
    }

    @Test func aRestartNeitherLosesNorInventsACrossing() async throws {
        let fixture = try segmentFixture()
        let first = try await fixture.runner()
        #expect(try await count(fixture, first, 80).isEmpty)
        let restarted = try await fixture.runner()
        #expect(try await count(fixture, restarted, 110).count == 1, "the baseline survived the restart")
        let again = try await fixture.runner()
        #expect(try await count(fixture, again, 120).isEmpty, "the previous value 110 survived too")
    }

    @Test func turningAFlowOffAndOnStartsAFreshBaseline() async throws {
        let fixture = try segmentFixture()
        let runner = try await fixture.runner()
        #expect(try await count(fixture, runner, 80).isEmpty)
        try fixture.store.setState(id: "segment", .off)
        try await runner.reload()
        try fixture.store.setState(id: "segment", .on)
        try await runner.reload()
        #expect(try await count(fixture, runner, 130).isEmpty, "after turning on, the first value is a new baseline")
        #expect(try fixture.history.baseline(flowId: "segment", subject: "high value customers") == 130)
    }

    @Test func measureThresholdAndTriggerConditions() async throws {
        let fixture = try RunnerFixture()
        var flow = RunnerFixture.flow("revenue", trigger: Trigger(kind: .measureThresholdCrossed, parameters: ["measure": "Total revenue", "threshold": "20000"]), steps: [.compose("C", "@triggerBody()?['currentValue']")])
        flow.definition.triggers["When_a_business_measure_crosses_a_threshold"]?.conditions = ["@greater(triggerBody()?['currentValue'], 25000)"]
        try fixture.add(flow)
        let runner = try await fixture.runner()
        func send(_ value: Double) async throws -> [RunRecord] {
            try await fixture.send(runner, .measureRefreshed, ["measureName": "Total revenue", "currentValue": .double(value)])
        }
        #expect(try await send(19000).isEmpty)
        #expect(try await send(21000).isEmpty, "crossed, but the trigger condition wants more than 25000")
        #expect(try await send(15000).isEmpty)
        #expect(try await send(30000).count == 1)
    }

    @Test func indexFindsCandidatesWithoutScanning() {
        var flows: [Flow] = []
        for i in 0..<1000 {
            var flow = RunnerFixture.flow("f\(i)", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": .string("source-\(i)")]), steps: [])
            flow.state = .on
            flows.append(flow)
        }
        let index = TriggerIndex(flows: flows)
        let event = TriggerEvent(type: .dataSourceRefreshFailed, fields: ["dataSourceName": "SOURCE-7"], origin: "test")
        #expect(index.candidates(for: event).map(\.flow.id) == ["f7"])
        #expect(index.flowIds.count == 1000)
    }
}

@Suite struct RunQueueTests {
    func run(_ flow: String, _ n: Int) -> RunRecord {
        RunRecord(id: "\(flow)-\(n)", flowId: flow, flowName: flow, flowVersion: 1, eventId: nil, triggerOutputs: .null, origin: "test")
    }

    @Test func perFlowLimitKeepsOrderAndLetsOtherFlowsPass() {
        var queue = RunQueue()
        for n in 0..<5 { queue.add(run("a", n)) }
        queue.add(run("b", 0))
        let first = [queue.next(global: 10, perFlow: 2), queue.next(global: 10, perFlow: 2), queue.next(global: 10, perFlow: 2)].compactMap { $0?.id }
        #expect(first == ["a-0", "a-1", "b-0"], "a's third run waits; b passes it")
        #expect(queue.next(global: 10, perFlow: 2) == nil)
        queue.finish(run("a", 0), perFlow: 2)
        #expect(queue.next(global: 10, perFlow: 2)?.id == "a-2")
        #expect(queue.next(global: 10, perFlow: 2) == nil)
        #expect(!queue.isIdle)
    }

    @Test func globalLimitHolds() {
        var queue = RunQueue()
        for n in 0..<3 { queue.add(run("f\(n)", 0)) }
        #expect(queue.next(global: 2, perFlow: 5) != nil)
        #expect(queue.next(global: 2, perFlow: 5) != nil)
        #expect(queue.next(global: 2, perFlow: 5) == nil)
        queue.finish(run("f0", 0), perFlow: 5)
        #expect(queue.next(global: 2, perFlow: 5)?.flowId == "f2")
    }

    @Test func aLargeBacklogOnOneFlowDrainsInOrder() {
        var queue = RunQueue()
        for n in 0..<20_000 { queue.add(run("hot", n)) }
        var started: [Int] = []
        while let next = queue.next(global: 16, perFlow: 4) { started.append(Int(next.id.dropFirst(4)) ?? -1) }
        while started.count < 20_000 {
            queue.finish(run("hot", 0), perFlow: 4)
            if let next = queue.next(global: 16, perFlow: 4) { started.append(Int(next.id.dropFirst(4)) ?? -1) }
        }
        #expect(started == Array(0..<20_000))
    }

    @Test func eachFlowHasItsOwnLimitAndWaitingCount() {
        var queue = RunQueue()
        for n in 0..<4 { queue.add(run("one", n)) }
        for n in 0..<4 { queue.add(run("three", n)) }
        let limits = ["one": 1, "three": 3]
        var started: [String] = []
        while let next = queue.next(global: 10, perFlow: { limits[$0] ?? 4 }) { started.append(next.id) }
        #expect(started == ["one-0", "three-0", "three-1", "three-2"])
        #expect(queue.queued(flowId: "one") == 3 && queue.queued(flowId: "three") == 1)
        #expect(queue.running(flowId: "one") == 1 && queue.running(flowId: "three") == 3)
        queue.finish(run("one", 0), perFlow: 1)
        #expect(queue.next(global: 10, perFlow: { limits[$0] ?? 4 })?.id == "one-1")
        #expect(queue.next(global: 10, perFlow: { limits[$0] ?? 4 }) == nil, "one is at its limit of 1 again")
        #expect(queue.queued(flowId: "one") == 2)
        // A raised limit (a reload) releases as many waiting runs as the new limit allows.
        queue.release("one", perFlow: 3)
        let more = [queue.next(global: 10, perFlow: { _ in 3 }), queue.next(global: 10, perFlow: { _ in 3 })].compactMap { $0?.id }
        #expect(more == ["one-2", "one-3"])
        #expect(queue.queued(flowId: "one") == 0 && queue.backlog == 1)
    }
}
