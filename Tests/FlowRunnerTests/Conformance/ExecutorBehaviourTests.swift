import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// What the conformance table cannot show by status alone: timing of parallel branches, reasons, codes, result()
/// fields, iteration paths, secure data on disk, resume after a crash with parallel branches.
@Suite(.serialized) struct ExecutorBehaviourTests {
    func run(_ actions: JSONValue, body: JSONValue = [:]) async throws -> (RunRecord, [StepRecord]) {
        let testCase = ConformanceCase(name: "behaviour", actions: actions, body: body, run: .succeeded, steps: [:])
        return try await Conformance.execute(try Conformance.flow(testCase), body: body)
    }

    func record(_ records: [StepRecord], _ name: String) -> StepRecord? { records.last { $0.stepName == name } }

    @Test func twoOneSecondWaitsInParallelFinishTogether() async throws {
        // Other suites run at the same time on this 2-core machine and can hold the executor threads, so the run is
        // timed up to three times and the best time counts; the overlap of the two waits is checked every time.
        var best = Double.infinity
        for _ in 0..<3 where best >= 1.8 {
            let (run, records) = try await run([
                "Left": Def.wait(seconds: 1), "Right": Def.wait(seconds: 1),
                "Join": Def.compose("both", after: ["Left": ["Succeeded"], "Right": ["Succeeded"]]),
            ])
            #expect(run.status == .succeeded)
            best = min(best, try #require(run.duration, "the run's own start-to-finish time"))
            let left = try #require(record(records, "Left")), right = try #require(record(records, "Right"))
            let join = try #require(record(records, "Join"))
            #expect(left.startedAt < (right.finishedAt ?? .distantPast) && right.startedAt < (left.finishedAt ?? .distantPast), "the two waits overlap")
            for wait in [left, right] {
                #expect(wait.finishedAt.map { $0 <= join.startedAt } == true, "the join starts after \(wait.stepName) finished")
            }
        }
        #expect(best < 1.8, "two 1 s waits in parallel took \(best) s")
        #expect(best >= 0.95)
    }

    @Test func aJoinWaitsForItsSlowestPredecessor() async throws {
        let (run, records) = try await run([
            "Fast": Def.compose(1), "Slow": Def.wait(seconds: 0.4),
            "Join": Def.compose("@outputs('Fast')", after: ["Fast": ["Succeeded"], "Slow": ["Succeeded"]]),
        ])
        #expect(run.status == .succeeded)
        let slow = try #require(record(records, "Slow")?.finishedAt)
        #expect(try #require(record(records, "Join")).startedAt >= slow)
    }

    @Test func skippedActionsSayWhy() async throws {
        let (_, records) = try await run(["A": Def.fail(), "B": Def.compose(1, after: ["A": ["Succeeded"]])])
        let reason = try #require(record(records, "B")?.errorMessage)
        #expect(reason.contains("'A'") && reason.contains("Succeeded") && reason.contains("Failed"))
    }

    @Test func terminateInAScopeRecordsAReadableErrorAndTheUnrunActions() async throws {
        let (run, records) = try await run([
            "Scope": Def.scope(["Stop": Def.terminate("Failed", code: "MyCode", message: "stop here"), "Later": Def.compose(1, after: ["Stop": ["Succeeded"]])]),
            "After": Def.compose(1, after: ["Scope": Def.all]),
        ])
        #expect(run.status == .failed && run.errorCode == "MyCode" && run.errorMessage == "stop here")
        let scopeError = try #require(record(records, "Scope")?.errorMessage)
        #expect(scopeError.contains("terminated by 'Stop'") && scopeError.contains("MyCode") && scopeError.contains("stop here"))
        #expect(!scopeError.contains("RunTermination") && !scopeError.contains("Optional("))
        for name in ["Later", "After"] {
            #expect(record(records, name)?.status == .skipped)
            #expect(record(records, name)?.errorMessage?.contains("terminated by 'Stop'") == true)
        }
    }

    @Test func terminateCancelsRunningBranchesPromptly() async throws {
        let (run, records) = try await run(["Long": Def.wait(seconds: 5), "Stop": Def.terminate("Failed", code: "Early")])
        #expect(try #require(run.duration) < 4.5, "the 5 s wait was cut short")
        #expect(run.status == .failed && run.errorCode == "Early")
        #expect(record(records, "Long")?.status == .cancelled)
    }

    @Test func anHTTPFailureHasTheReferenceCode() async throws {
        let (run, _) = try await run([
            "Try": Def.scope(["Get": Def.http("http://status/404")]),
            "Catch": Def.compose("@{result('Try')[0]['code']}|@{result('Try')[0]['error']['code']}", after: ["Try": ["Failed"]]),
        ])
        #expect(run.status == .succeeded)
        #expect(ActionSteps.failureCode(404, stepType: .http) == "NotFound")
        #expect(ActionSteps.failureCode(503, stepType: .http) == "ServiceUnavailable")
        #expect(ActionSteps.failureCode(550, stepType: .sendEmail) == "SMTP550")
    }

    @Test func resultItemsCarryCodeAndTrackingIds() async throws {
        let (run, records) = try await run([
            "Try": Def.scope(["A": Def.compose(1), "Get": Def.http("http://status/404", after: ["A": ["Succeeded"]])]),
            "Items": Def.compose("@result('Try')", after: ["Try": ["Failed"]]),
        ])
        #expect(run.status == .succeeded)
        let items = try #require(record(records, "Items")?.outputs?.arrayValue)
        #expect(items.count == 2)
        let byName = Dictionary(uniqueKeysWithValues: items.compactMap { item in item["name"]?.stringValue.map { ($0, item) } })
        #expect(byName["A"]?["status"] == "Succeeded" && byName["A"]?["code"] == "OK")
        #expect(byName["Get"]?["status"] == "Failed" && byName["Get"]?["code"] == "NotFound")
        for item in items {
            #expect(item["trackingId"]?.stringValue?.isEmpty == false)
            #expect(item["clientTrackingId"]?.stringValue == run.id)
        }
    }

    @Test func nestedLoopIterationsAreRecordedWithTheWholePath() async throws {
        let (run, records) = try await run([
            "Outer": Def.foreach("@triggerBody()?['rows']", ["Inner": Def.foreach("@items('Outer')", ["Cell": Def.compose("@items('Inner')")])]),
        ], body: ["rows": [["a", "b"], ["c"], ["d", "e"]]])
        #expect(run.status == .succeeded)
        let paths = records.filter { $0.stepName == "Cell" }.compactMap(\.iterationPath)
        #expect(Set(paths) == ["Outer[0].Inner[0]", "Outer[0].Inner[1]", "Outer[1].Inner[0]", "Outer[2].Inner[0]", "Outer[2].Inner[1]"])
        #expect(records.first { $0.stepName == "Cell" && $0.iterationPath == "Outer[2].Inner[1]" }?.outputs == "e")
        #expect(records.filter { $0.stepName == "Outer" }.allSatisfy { $0.iterationPath == nil })
    }

    @Test func delayUntilWaitsForItsTimestamp() async throws {
        let due = Date().addingTimeInterval(0.6)
        let started = Date()
        let (delayed, _) = try await run(["Later": Def.action("Wait", inputs: ["until": ["timestamp": .string(due.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))]])])
        #expect(delayed.status == .succeeded)
        #expect(Date().timeIntervalSince(started) >= 0.5, "the delay waited for its timestamp")
        let (past, _) = try await run(["Past": Def.action("Wait", inputs: ["until": ["timestamp": "2000-01-01T00:00:00Z"]])])
        #expect(past.status == .succeeded)
        let (bad, badRecords) = try await run(["Bad": Def.action("Wait", inputs: ["until": ["timestamp": "tomorrow"]])])
        #expect(bad.status == .failed && record(badRecords, "Bad")?.errorMessage?.contains("ISO 8601") == true)
    }

    @Test func secureDataNeverReachesTheHome() async throws {
        let fixture = try RunnerFixture(delivery: RoutedDelivery())
        let testCase = ConformanceCase(name: "secure", actions: [
            "Secret": Def.compose("@concat('s3c', 'r3t-', 'v4lue')", extra: ["runtimeConfiguration": ["secureData": ["properties": ["inputs", "outputs"]]]]),
            "Send": Def.http("http://ok/@{outputs('Secret')}", after: ["Secret": ["Succeeded"]]),
            "Scope": Def.scope(["Inner": Def.compose("@concat('s3c', 'r3t-', 'v4lue')", extra: ["runtimeConfiguration": ["secureData": ["properties": ["inputs", "outputs"]]]])],
                               after: ["Send": ["Succeeded"]]),
            "Results": Def.compose("@result('Scope')", after: ["Scope": ["Succeeded"]]),
        ], run: .succeeded, steps: [:])
        try fixture.add(try Conformance.flow(testCase))
        let runner = try await fixture.runner()
        let run = try await runner.test(flowId: "conformance", triggerBody: [:], dryRun: false)
        #expect(run.status == .succeeded)
        let records = try fixture.history.steps(runId: run.id)
        #expect(record(records, "Secret")?.inputs == "<redacted: secure input>")
        #expect(record(records, "Secret")?.outputs == "<redacted: secure output>")
        #expect(record(records, "Send")?.inputs == "<redacted: secure input>", "inputs that use a secure output are hidden too")
        #expect(record(records, "Inner")?.outputs == "<redacted: secure output>")
        #expect(record(records, "Results")?.outputs?.jsonText().contains("<redacted: secure output>") == true)
        var offenders: [String] = []
        let needle = Array("s3cr3t-v4lue".utf8)
        let enumerator = FileManager.default.enumerator(at: fixture.home.url, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { continue }
            if Array(data).firstRange(of: needle) != nil { offenders.append(url.lastPathComponent) }
        }
        #expect(offenders.isEmpty, "the secret is in \(offenders)")
    }

    @Test func aResumedRunReRunsOnlyWhatHadNotFinished() async throws {
        let testCase = ConformanceCase(name: "resume", actions: [
            "Start": Def.compose(0),
            "Left": Def.http("http://ok/left", after: ["Start": ["Succeeded"]]),
            "Right": Def.http("http://ok/right", after: ["Start": ["Succeeded"]]),
            "Join": Def.compose("@{outputs('Left')?['body']}+@{outputs('Right')?['body']}", after: ["Left": ["Succeeded"], "Right": ["Succeeded"]]),
        ], run: .succeeded, steps: [:])
        let flow = try Conformance.flow(testCase)
        // A crash after Start and Left finished: the checkpoint holds both; Right was in flight.
        let first = RunState()
        first.finish(StepRecord(runId: "", stepName: "Start", path: "", status: .succeeded, startedAt: Date()),
                     result: ["name": "Start", "status": "Succeeded", "outputs": 0], scopeEntry: .null, scope: nil, secure: false)
        first.finish(StepRecord(runId: "", stepName: "Left", path: "", status: .succeeded, startedAt: Date()),
                     result: ["name": "Left", "status": "Succeeded", "outputs": ["body": "L"]], scopeEntry: .null, scope: nil, secure: false)
        var crashed = RunRecord(flowId: flow.id, flowName: flow.displayName, flowVersion: 1, eventId: nil, triggerOutputs: ["body": [:]], origin: "test")
        crashed.checkpoint = first.checkpoint(completed: ["Start": .succeeded, "Left": .succeeded])
        let saved = SavedRecords()
        let delivery = CountingDelivery()
        let environment = RunEnvironment(delivery: delivery, connections: [:], dataActions: nil, cache: ExpressionCache(),
                                          deadline: Date().addingTimeInterval(60), dryRun: false, save: { _, records, _ in saved.add(records) })
        let finished = await RunExecutor(flow: flow, environment: environment, state: RunState(checkpoint: crashed.checkpoint)).execute(crashed)
        #expect(finished.status == .succeeded)
        #expect(delivery.uris == ["http://ok/right"], "only the unfinished branch is sent again")
        #expect(Set(saved.names) == ["Right", "Join"])
        #expect(saved.records.first { $0.stepName == "Join" }?.outputs == "L+ok")
    }

    @Test func retryIntervalsFollowTheReferenceFormula() {
        let schedule = RetrySchedule(policy: RetryPolicy(kind: .exponential, count: 4, interval: "PT10S", minimumInterval: "PT5S", maximumInterval: "PT1H"))
        #expect(schedule.range(retry: 1) == 5...10)
        #expect(schedule.range(retry: 2) == 10...20)
        #expect(schedule.range(retry: 3) == 20...40)
        #expect(schedule.range(retry: 4) == 40...80)
        #expect(schedule.delay(afterAttempt: 5, retryAfter: nil) == nil, "four retries, then no more")
        let capped = RetrySchedule(policy: RetryPolicy(kind: .exponential, count: 6, interval: "PT10S", minimumInterval: "PT5S", maximumInterval: "PT30S"))
        #expect(capped.range(retry: 4) == 30...30, "never over the maximum interval")
        let reference = RetrySchedule(policy: .referenceDefault)
        for retry in 1...4 {
            let range = reference.range(retry: retry)
            #expect(range.map { $0.lowerBound >= 5 && $0.upperBound <= 45 } == true, "the default policy stays within 5-45 s")
        }
        #expect(schedule.delay(afterAttempt: 1, retryAfter: 30) == 30, "a longer Retry-After wins")
        #expect(RetrySchedule(policy: RetryPolicy(kind: .fixed, count: 2, interval: "PT20S")).delay(afterAttempt: 2, retryAfter: nil) == 20)
    }
}

/// Step records saved by an executor under test.
final class SavedRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [StepRecord] = []
    func add(_ records: [StepRecord]) { lock.withLock { all += records } }
    var records: [StepRecord] { lock.withLock { all } }
    var names: [String] { records.map(\.stepName) }
}

/// Counts the requests it answers (all succeed with the URL's last part as body).
final class CountingDelivery: ActionDelivering, @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []
    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome {
        let uri = request.inputs["uri"]?.stringValue ?? ""
        lock.withLock { seen.append(uri) }
        return .delivered(outputs: ["statusCode": 200, "body": "ok"])
    }
    var uris: [String] { lock.withLock { seen } }
}
