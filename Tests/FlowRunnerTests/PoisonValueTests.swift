import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// Numbers from outside are range-checked where they enter, stored values cannot trap a conversion, and a run
/// that keeps taking the runner down is failed instead of resumed forever.
@Suite struct PoisonValueTests {
    @Test(arguments: ["1e308", "-1e16", "1000000000000001"])
    func anEventValueOutsideTheBoundsIsRefusedWithItsPlace(value: String) throws {
        let body = #"{"type": "SegmentRefreshed", "fields": {"segmentName": "S", "currentCount": \#(value)}}"#
        #expect {
            _ = try EventParser.parse(Array(body.utf8), origin: .http)
        } throws: { error in
            (error as? EventParseError)?.message.contains("fields.currentCount must be a finite number between -1e15 and 1e15") == true
        }
    }

    @Test func aNumberBeyondDoubleIsASyntaxErrorWithLineAndColumn() {
        #expect {
            _ = try JSONValue.parse(#"{"currentCount": 1e999}"#)
        } throws: { error in
            let text = "\(error)"
            return text.contains("line 1, column 18") && text.contains("out of range")
        }
    }

    @Test func aThresholdOutsideTheBoundsIsACheckerError() {
        for threshold: JSONValue in [1e19, "1e19", "inf"] {
            let flow = Flow(id: "t", displayName: "t", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "S", "threshold": threshold]))
            let issues = FlowChecker.check(flow).filter { $0.severity == .error }
            #expect(issues.contains { $0.message.contains("Threshold must be a finite number between -1e15 and 1e15") }, "\(threshold.jsonText())")
        }
    }

    @Test func aPoisonBaselineStoredEarlierDoesNotTrapMatching() async throws {
        let fixture = try RunnerFixture()
        try fixture.add(RunnerFixture.flow("segment", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "S", "threshold": 5]),
                                           steps: [.compose("C", "@triggerBody()?['previousCount']")]))
        let runner = try await fixture.runner()
        let seed = TriggerEvent(type: .segmentRefreshed, fields: ["segmentName": "S", "currentCount": 1], origin: "test")
        try await fixture.history.commitMatch(event: seed, runs: [], baselines: [.init(flowId: "segment", subject: "s", value: 1e300)], notes: nil, eventIsNew: true)
        try await fixture.history.commitMatch(event: seed, runs: [], baselines: [.init(flowId: "segment", subject: "S", value: 1e300)], notes: nil, eventIsNew: false)
        let runs = try await fixture.send(runner, .segmentRefreshed, ["segmentName": "S", "currentCount": 10])
        #expect(runs.isEmpty, "1e300 → 10 is not an upward crossing of 5, and nothing trapped")
        _ = try await fixture.send(runner, .segmentRefreshed, ["segmentName": "S", "currentCount": 3])
        let again = try await fixture.send(runner, .segmentRefreshed, ["segmentName": "S", "currentCount": 12])
        #expect(again.count == 1 && again.first?.triggerOutputs.value(atPath: "body.previousCount") == 3)
    }

    @Test func aRunInFlightAtThreeStartsInARowIsFailedNotResumed() async throws {
        let fixture = try RunnerFixture()
        var wait = Step(name: "Hold", type: .wait, inputs: ["interval": ["count": 1, "unit": "Hour"]])
        wait.runAfter = [:]
        try fixture.add(RunnerFixture.flow("hold", trigger: Trigger(kind: .dataSourceRefreshFailed), steps: [wait]))
        let first = try await fixture.runner()
        let id = try #require(try await first.accept(TriggerEvent(type: .dataSourceRefreshFailed, fields: ["dataSourceName": "X"], origin: "test")).first)
        for _ in 0..<100 where try fixture.history.run(id: id)?.status != .running { try await Task.sleep(for: .milliseconds(20)) }
        #expect(try fixture.history.run(id: id)?.status == .running, "the start is recorded before the first step")
        // Two restarts while it is in flight resume it; the third start fails it.
        _ = try await fixture.runner()
        #expect(try fixture.history.run(id: id)?.status == .running)
        _ = try await fixture.runner()
        #expect(try fixture.history.run(id: id)?.status == .running)
        _ = try await fixture.runner()
        let failed = try #require(try fixture.history.run(id: id))
        #expect(failed.status == .failed && failed.errorCode == "RunnerStoppedRepeatedly")
        #expect(failed.errorMessage?.contains("3 times in a row") == true)
        #expect(try fixture.history.openRuns().allSatisfy { $0.id != id })
    }
}

/// Turning a threshold flow Off and On again starts from a fresh baseline even when the runner never saw it Off.
@Suite struct FreshBaselineTests {
    @Test func offThenOnBetweenTwoReloadsStartsFresh() async throws {
        let fixture = try RunnerFixture()
        let flow = RunnerFixture.flow("segment", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "S", "threshold": 20]),
                                      steps: [.compose("C", "crossed")])
        try fixture.add(flow)
        let runner = try await fixture.runner()
        #expect(try await fixture.send(runner, .segmentRefreshed, ["segmentName": "S", "currentCount": 10]).isEmpty, "the first value is a baseline")
        try await Task.sleep(for: .milliseconds(5))
        _ = try fixture.store.setState(id: "segment", .off)
        let on = try fixture.store.setState(id: "segment", .on)
        #expect(on.enabledAt != nil)
        try await runner.reload()
        #expect(try await fixture.send(runner, .segmentRefreshed, ["segmentName": "S", "currentCount": 30]).isEmpty,
                "10 was seen before the flow was turned On again: 30 is a new baseline, not a crossing")
        _ = try await fixture.send(runner, .segmentRefreshed, ["segmentName": "S", "currentCount": 15])
        #expect(try await fixture.send(runner, .segmentRefreshed, ["segmentName": "S", "currentCount": 25]).count == 1, "and then it fires as usual")
    }
}
