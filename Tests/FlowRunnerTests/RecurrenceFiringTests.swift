import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// The runner fires Recurrence triggers: at once when turned On (no start time), then on schedule, recorded as a
/// "Recurrence" event with its run; after downtime the missed occurrences are not processed (at most one that is
/// barely late fires), as the reference says.
@Suite struct RecurrenceFiringTests {
    static func everyMinute() -> Flow {
        RunnerFixture.flow("minutely", trigger: Trigger(kind: .recurrence, parameters: ["frequency": "Minute", "interval": 1]), steps: [
            Step(name: "When", type: .compose, inputs: "@triggerBody()?['scheduledTime']"),
        ])
    }

    static func enabledAt(_ flow: Flow) throws -> Date {
        try #require(Runner.date(flow.enabledAt))
    }

    @Test func firesAtOnceThenEveryIntervalAndShowsAnEvent() async throws {
        let fixture = try RunnerFixture()
        let flow = try fixture.add(Self.everyMinute())
        let on = try Self.enabledAt(flow)
        let runner = try await fixture.runner()
        let next = await runner.fireDueRecurrences(now: on.addingTimeInterval(1))
        #expect(next.map { abs($0.timeIntervalSince(on.addingTimeInterval(60))) < 1.001 } == true)
        await runner.fireDueRecurrences(now: on.addingTimeInterval(30))
        await runner.fireDueRecurrences(now: on.addingTimeInterval(61))
        await runner.waitUntilIdle()
        let runs = try fixture.history.runs(flowId: "minutely")
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.origin == .schedule && $0.status == .succeeded })
        let events = try fixture.history.events().filter { $0.type == .recurrence }
        #expect(events.count == 2)
        #expect(events.first?.subject == "minutely")
        #expect(events.first?.fields["flowId"] == "minutely")
        let steps = try fixture.history.steps(runId: try #require(runs.first).id)
        #expect(steps.first?.outputs == events.first?.fields["scheduledTime"])
    }

    @Test func afterDowntimeMissedOccurrencesAreNotProcessed() async throws {
        let fixture = try RunnerFixture()
        var hourly = Self.everyMinute()
        hourly.definition.triggers[hourly.trigger?.name ?? ""]?.extra["recurrence"] = ["frequency": "Hour", "interval": 1]
        let flow = try fixture.add(hourly)
        let on = try Self.enabledAt(flow)
        let first = try await fixture.runner()
        await first.fireDueRecurrences(now: on.addingTimeInterval(1))
        await first.waitUntilIdle()
        // Two hours and a half minute later a new runner starts (a restart): the occurrences at +1 h and +2 h were
        // missed; neither is run, and the schedule goes on at +3 h.
        let later = try await fixture.runner()
        let next = await later.fireDueRecurrences(now: on.addingTimeInterval(7200 + 30))
        await later.waitUntilIdle()
        #expect(try fixture.history.runs(flowId: "minutely").count == 1)
        #expect(next.map { abs($0.timeIntervalSince(on.addingTimeInterval(10_800))) < 1.001 } == true)
        // A restart only a few seconds late fires the occurrence it just missed, once.
        let quick = try await fixture.runner()
        await quick.fireDueRecurrences(now: on.addingTimeInterval(10_800 + 5))
        await quick.fireDueRecurrences(now: on.addingTimeInterval(10_800 + 6))
        await quick.waitUntilIdle()
        #expect(try fixture.history.runs(flowId: "minutely").count == 2)
        // And a restart right after does not fire that occurrence again.
        let again = try await fixture.runner()
        await again.fireDueRecurrences(now: on.addingTimeInterval(10_800 + 7))
        await again.waitUntilIdle()
        #expect(try fixture.history.runs(flowId: "minutely").count == 2)
    }

    @Test func offAndInvalidRecurrencesNeverFire() async throws {
        let fixture = try RunnerFixture()
        var off = Self.everyMinute()
        off.id = "off"
        try fixture.store.create(off)
        var broken = Self.everyMinute()
        broken.id = "broken"
        broken.definition.triggers[broken.trigger?.name ?? ""]?.extra["recurrence"] = ["frequency": "Minute", "interval": 0]
        try fixture.add(broken)
        let runner = try await fixture.runner()
        #expect(await runner.fireDueRecurrences(now: Date().addingTimeInterval(120)) == nil)
        #expect(try fixture.history.runs().isEmpty)
    }

    @Test func theHostTickerFiresAFlowTurnedOn() async throws {
        let fixture = try RunnerFixture()
        try fixture.add(Self.everyMinute())
        let runner = try await fixture.runner()
        let ticker = RecurrenceTicker(runner: runner, recheck: 0.1)
        defer { ticker.stop() }
        // Generous: on a loaded 2-core machine the first tick can take seconds; the loop ends as soon as the run exists.
        let deadline = Date().addingTimeInterval(30)
        while try fixture.history.runs(flowId: "minutely").isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try fixture.history.runs(flowId: "minutely").count == 1)
    }
}
