import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The trigger's concurrency control (`runtimeConfiguration.concurrency.runs` / `maximumWaitingRuns`) enforced by the
/// runner's queue and the intake (docs/run-semantics.md, "concurrency").
@Suite struct TriggerConcurrencyTests {
    static func pausing(_ id: String, seconds: Double, kind: TriggerKind = .dataSourceRefreshFailed, runs: Int?, waiting: Int?) -> Flow {
        var pause = Step(name: "Pause", type: .wait, inputs: ["interval": ["count": .double(seconds), "unit": "Second"]])
        pause.runAfter = [:]
        var trigger = Trigger(kind: kind)
        if runs != nil || waiting != nil { trigger.concurrency = TriggerConcurrency(runs: runs, maximumWaitingRuns: waiting) }
        return RunnerFixture.flow(id, trigger: trigger, steps: [pause])
    }

    static let failed = TriggerEvent(type: .dataSourceRefreshFailed, fields: ["dataSourceName": "Webshop"], origin: "test")
    static func event(_ type: EventType, _ fields: OrderedJSONFields = ["dataSourceName": "Webshop"]) -> TriggerEvent {
        TriggerEvent(type: type, fields: fields, origin: "test")
    }

    @Test func runsOneSerializesTheRunsOfTheFlow() async throws {
        let fixture = try RunnerFixture()
        try fixture.add(Self.pausing("serial", seconds: 0.3, runs: 1, waiting: 10))
        var configuration = RunnerConfiguration()
        configuration.perFlowConcurrency = 8
        let runner = try await fixture.runner(configuration)
        var ids: [String] = []
        for _ in 0..<4 { ids += try await runner.accept(Self.event(.dataSourceRefreshFailed)) }
        #expect(await runner.concurrencyLimit(flowId: "serial") == 1)
        var runs: [RunRecord] = []
        for id in ids { runs.append(await runner.finished(id)) }
        #expect(runs.count == 4 && runs.allSatisfy { $0.status == .succeeded })
        let spans = runs.compactMap { run in run.startedAt.flatMap { start in run.finishedAt.map { (start, $0) } } }.sorted { $0.0 < $1.0 }
        #expect(spans.count == 4)
        for (earlier, later) in zip(spans, spans.dropFirst()) {
            #expect(later.0 >= earlier.1, "a run started before the previous one finished: runs = 1 must serialize")
        }
    }

    @Test func withoutTheSettingTheRunnerDefaultAppliesAndRunsOverlap() async throws {
        let fixture = try RunnerFixture()
        try fixture.add(Self.pausing("parallel", seconds: 1, runs: nil, waiting: nil))
        var configuration = RunnerConfiguration()
        configuration.perFlowConcurrency = 4
        let runner = try await fixture.runner(configuration)
        var ids: [String] = []
        for _ in 0..<4 { ids += try await runner.accept(Self.event(.dataSourceRefreshFailed)) }
        #expect(await runner.concurrencyLimit(flowId: "parallel") == 4)
        var runs: [RunRecord] = []
        for id in ids { runs.append(await runner.finished(id)) }
        #expect(runs.allSatisfy { $0.status == .succeeded })
        // The runs' own start and finish times, not the wall clock of a loaded machine: every later run started
        // before the first one finished (each pauses 1 s; serialized, none would).
        let spans = runs.compactMap { run in run.startedAt.flatMap { start in run.finishedAt.map { (start, $0) } } }.sorted { $0.0 < $1.0 }
        #expect(spans.count == 4)
        if let first = spans.first {
            #expect(spans.dropFirst().allSatisfy { $0.0 < first.1 }, "runs did not overlap: \(spans)")
        }
    }

    @Test func waitingBeyondTheLimitIsRefusedAndOtherFlowsAreUnaffected() async throws {
        let fixture = try RunnerFixture()
        try fixture.add(Self.pausing("busy", seconds: 3, runs: 1, waiting: 2))
        try fixture.add(Self.pausing("other", seconds: 0, kind: .dataSourceRefreshSucceeded, runs: nil, waiting: nil))
        let runner = try await fixture.runner()
        var accepted: [String] = []
        var refused = 0
        for _ in 0..<6 {
            let event = Self.event(.dataSourceRefreshFailed)
            do {
                _ = try await runner.accept(event)
                accepted.append(event.id)
            } catch let busy as RunnerBusy {
                #expect(busy.flowId == "busy" && busy.waiting == 2)
                #expect(try fixture.history.event(id: event.id) == nil, "a refused event is not stored")
                refused += 1
            }
        }
        // One runs (3 s), two wait: the fourth event finds the flow's waiting runs at maximumWaitingRuns.
        #expect(accepted.count == 3 && refused == 3)
        let other = try await fixture.send(runner, .dataSourceRefreshSucceeded, ["dataSourceName": "Webshop"])
        #expect(other.count == 1 && other[0].status == .succeeded, "a flow without the setting is not held back by a full one")
        await runner.waitUntilIdle()
        let runs = try fixture.history.runs(flowId: "busy", limit: 100)
        #expect(runs.count == 3 && runs.allSatisfy { $0.status == .succeeded })
        #expect(Set(runs.compactMap(\.eventId)) == Set(accepted), "every accepted event ran exactly once")
    }

    @Test func refreshDrivenEventsBeyondTheLimitAreStoredWithANoteAndNoRun() async throws {
        let fixture = try RunnerFixture()
        try fixture.add(Self.pausing("busy", seconds: 2, runs: 1, waiting: 1))
        let runner = try await fixture.runner()
        var events: [TriggerEvent] = []
        var queued: [[String]] = []
        for _ in 0..<3 {
            let event = Self.event(.dataSourceRefreshFailed)
            events.append(event)
            queued.append(try await runner.accept(event, whenFull: .skip))
        }
        #expect(queued.map(\.count) == [1, 1, 0])
        #expect(try fixture.history.event(id: events[2].id) != nil, "the skipped event is kept")
        #expect(try fixture.history.eventNotes(id: events[2].id)?.contains("maximumWaitingRuns") == true)
        await runner.waitUntilIdle()
        #expect(try fixture.history.runs(flowId: "busy", limit: 10).count == 2)
    }

    @Test func anInvocationBeyondTheLimitGets429WithRetryAfter() async throws {
        let fixture = try RunnerFixture()
        try fixture.add(Self.pausing("called", seconds: 2, kind: .httpRequest, runs: 1, waiting: 1))
        let runner = try await fixture.runner()
        let first = await runner.invoke(flowId: "called", request: InvocationRequest(body: ["n": 1]))
        let second = await runner.invoke(flowId: "called", request: InvocationRequest(body: ["n": 2]))
        let third = await runner.invoke(flowId: "called", request: InvocationRequest(body: ["n": 3]))
        #expect(first.statusCode == 202 && second.statusCode == 202)
        #expect(third.statusCode == 429 && third.headers["Retry-After"] == "1")
        #expect(third.body.value(atPath: "error.code")?.stringValue == "TooManyRequests")
        await runner.waitUntilIdle()
        #expect(try fixture.history.runs(flowId: "called", limit: 10).count == 2)
    }

    @Test func theIntakeAnswers429WithRetryAfterAndEveryAcceptedEventRunsOnce() async throws {
        let fixture = try RunnerFixture()
        try fixture.add(Self.pausing("busy", seconds: 3, runs: 1, waiting: 3))
        let runner = try await fixture.runner()
        let credentials = try IntakeCredentials.loadOrCreate(home: fixture.home.url)
        let server = try IntakeServer(port: 0, credentials: credentials, client: LocalRunnerClient(runner: runner))
        Task { try await server.run() }
        let port = try await server.waitUntilListening()
        defer { Task { await server.stop() } }

        let burst = try await IntakeBurst.post(6, port: port, token: credentials.token)
        let (statuses, retryAfter, accepted) = (burst.statuses, burst.retryAfter, burst.accepted)
        // One running + three waiting are admitted; the rest get 429 (`emit` attached to serve posts to the same /events).
        #expect(statuses == [202, 202, 202, 202, 429, 429], "\(statuses)")
        #expect(retryAfter == ["1", "1"])
        #expect(try fixture.history.eventCount() == accepted.count, "a refused event is not stored")
        await runner.waitUntilIdle()
        let runs = try fixture.history.runs(flowId: "busy", limit: 100)
        #expect(runs.count == accepted.count && runs.allSatisfy { $0.status == .succeeded })
        #expect(Set(runs.compactMap(\.eventId)) == Set(accepted), "every 202 ran exactly once")
    }

    @Test func aRecurrenceOccurrenceBeyondTheLimitIsSkippedWithANote() async throws {
        let fixture = try RunnerFixture()
        var trigger = Trigger(kind: .recurrence, parameters: ["frequency": "Second", "interval": 1])
        trigger.concurrency = TriggerConcurrency(runs: 1, maximumWaitingRuns: 1)
        var pause = Step(name: "Pause", type: .wait, inputs: ["interval": ["count": 5, "unit": "Second"]])
        pause.runAfter = [:]
        let flow = try fixture.add(RunnerFixture.flow("tick", trigger: trigger, steps: [pause]))
        let on = try #require(Runner.date(flow.enabledAt))
        let runner = try await fixture.runner()
        for second in 1...4 { await runner.fireDueRecurrences(now: on.addingTimeInterval(Double(second))) }
        let runs = try fixture.history.runs(flowId: "tick", limit: 10)
        #expect(runs.count == 2, "one running, one waiting; later occurrences skipped")
        let skipped = try fixture.history.events(limit: 10).filter { event in
            (try? fixture.history.eventNotes(id: event.id))??.contains("maximumWaitingRuns") == true
        }
        #expect(!skipped.isEmpty)
    }
}
