import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// Comparing two runs step by step, `--since`/`--until` times, and the retention keys of settings.json.
@Suite struct RunComparisonTests {
    let at = Date(timeIntervalSince1970: 1_000)

    func run(_ id: String, _ status: RunStatus) -> RunRecord {
        var run = RunRecord(id: id, flowId: "f", flowName: "F", flowVersion: 1, eventId: nil, triggerOutputs: .null, origin: "test")
        run.status = status
        return run
    }

    func step(_ name: String, _ status: StepStatus, _ outputs: JSONValue? = nil, error: String? = nil, loop: String? = nil) -> StepRecord {
        StepRecord(runId: "x", stepName: name, path: name, status: status, startedAt: at, outputs: outputs, errorMessage: error, iterationPath: loop)
    }

    @Test func pairsStepsAndNamesEachKindOfDifference() {
        let first = [step("A", .succeeded, "1"), step("B", .succeeded, "same"), step("C", .failed, error: "boom"),
                     step("L", .succeeded, "x", loop: "Loop[0]"), step("L", .succeeded, "y", loop: "Loop[1]"), step("Gone", .succeeded)]
        let second = [step("A", .succeeded, "2"), step("B", .succeeded, "same"), step("C", .succeeded, "ok"),
                      step("L", .succeeded, "x", loop: "Loop[0]"), step("New", .succeeded)]
        let comparison = RunComparison(first: run("r1", .failed), firstSteps: first, second: run("r2", .succeeded), secondSteps: second)
        let changes = comparison.rows.map { "\($0.step)=\($0.change.rawValue)" }
        #expect(changes == ["A=outputs", "B=same", "C=status", "L (Loop[0])=same", "L (Loop[1])=only first", "Gone=only first", "New=only second"])
        #expect(comparison.differences.count == 5)
        #expect(comparison.json["steps"]?.arrayValue?.count == 7)
        #expect(RunComparison.outcome(first[2]) == "Failed boom")
        #expect(RunComparison.outcome(nil) == "(not run)")
        #expect(RunComparison.outcome(step("A", .succeeded, .string(String(repeating: "z", count: 100))), width: 20).count == 20)
    }

    @Test func aStepWrittenTwiceCountsWithItsLastRecord() {
        let first = [step("A", .failed, error: "try 1"), step("A", .succeeded, "done")]
        let comparison = RunComparison(first: run("r1", .succeeded), firstSteps: first, second: run("r2", .succeeded), secondSteps: [step("A", .succeeded, "done")])
        #expect(comparison.rows.count == 1 && comparison.rows[0].change == .same)
    }

    @Test func timeBoundsReadIsoAndTimesAgo() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(TimeBound.parse("2h", now: now) == now.addingTimeInterval(-7_200))
        #expect(TimeBound.parse("7d", now: now) == now.addingTimeInterval(-604_800))
        #expect(TimeBound.parse("90s", now: now) == now.addingTimeInterval(-90))
        #expect(TimeBound.parse("1970-01-02", now: now) == Date(timeIntervalSince1970: 86_400))
        #expect(TimeBound.parse("1970-01-02T01:00", now: now) == Date(timeIntervalSince1970: 90_000))
        #expect(TimeBound.parse("1970-01-02T01:00:00Z", now: now) == Date(timeIntervalSince1970: 90_000))
        #expect(TimeBound.parse("1970-01-02T03:00:00+02:00", now: now) == Date(timeIntervalSince1970: 90_000))
        for bad in ["", "2x", "h", "-2h", "yesterday", "2026-13-01", "2026-12-05T25:00"] {
            #expect(TimeBound.parse(bad, now: now) == nil, "\(bad)")
        }
    }

    @Test func retentionKeysOfTheSettingsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let home = InsightFlowHome(url: folder)
        try Data(#"{"retentionDays": 7, "retentionRuns": 5000}"#.utf8).write(to: folder.appendingPathComponent("settings.json"))
        let settings = try RunnerSettings.load(home: home)
        let configuration = settings.applied(to: RunnerConfiguration())
        #expect(configuration.retentionAge == 7 * 86_400 && configuration.retentionCount == 5000 && configuration.retentionEventCount == 100_000)
        #expect(settings.retentionSources() == ["7 days (settings.json retentionDays)", "5000 runs (settings.json retentionRuns)", "100000 events (default)"])
        try Data(#"{"retentionRuns": 0}"#.utf8).write(to: folder.appendingPathComponent("settings.json"))
        #expect(throws: RunnerSettings.Problem.self) { try RunnerSettings.load(home: home) }
    }
}
