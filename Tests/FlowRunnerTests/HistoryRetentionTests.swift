import Synchronization
import FlowExpressions
import FlowModel
import Foundation
import GRDB
import Testing
@testable import FlowRunner

/// Retention in small background batches (runs and events, by age and count, the file shrinking), the run lookup
/// by id prefix through the primary key, and listings read through a cursor.
@Suite struct HistoryRetentionTests {
    func temporaryStore() throws -> (HistoryStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retention-\(UUID().uuidString)")
        return (try HistoryStore(url: folder.appendingPathComponent("history.sqlite")), folder)
    }

    /// `count` finished runs of one event each, a second apart, the oldest first; each with a bulky step.
    func fill(_ history: HistoryStore, count: Int, from start: Date = Date(timeIntervalSinceNow: -86_400), prefix: String = "run") async throws {
        for index in 0..<count {
            let at = start.addingTimeInterval(Double(index))
            let event = TriggerEvent(type: .fullRefreshCompleted, fields: [:], origin: "test", receivedAt: at)
            var run = RunRecord(id: String(format: "\(prefix)-%06d", index), flowId: "f", flowName: "F", flowVersion: 1, eventId: event.id,
                                triggerOutputs: ["body": [:]], origin: "event", queuedAt: at)
            try await history.commitMatch(event: event, runs: [run], baselines: [], notes: nil, eventIsNew: true)
            run.status = .succeeded
            run.finishedAt = at
            let step = StepRecord(runId: run.id, stepName: "S", path: "S", status: .succeeded, startedAt: at, finishedAt: at,
                                  outputs: .string(String(repeating: "x", count: 2000)))
            try history.saveRun(run, steps: [step])
        }
    }

    @Test func batchesKeepTheNewestRunsAndEventsAndTheFileShrinks() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await fill(history, count: 3000)
        let before = try history.pageCounts()
        let policy = RetentionPolicy(age: nil, runs: 500, events: 800)
        let first = try history.pruneBatch(policy, limit: 1000)
        #expect(first.runs == 1000 && first.events == 1000, "one batch deletes at most the limit of each kind")
        while try history.pruneBatch(policy, limit: 1000).total > 0 {}
        #expect(try history.runTotal() == 500)
        let kept = try history.runs(limit: 10_000)
        #expect(kept.first?.id == "run-002999" && kept.last?.id == "run-002500", "the newest 500 are kept")
        #expect(try history.events(limit: 10_000).count == 800)
        #expect(try history.steps(runId: "run-000000").isEmpty, "a deleted run's steps go with it")
        let after = try history.pageCounts()
        #expect(after.total < before.total / 2, "the file shrinks: \(before.total) → \(after.total) pages")
    }

    @Test func ageKeepsRecentRunsAndNeverTouchesOpenOnes() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Date(timeIntervalSinceNow: -10_000)
        try await fill(history, count: 100, from: start)
        let open = RunRecord(id: "open-run", flowId: "f", flowName: "F", flowVersion: 1, eventId: nil, triggerOutputs: .null,
                             origin: "test", queuedAt: Date(timeIntervalSinceNow: -20_000))
        try history.insertRun(open)
        // Runs queued one per second from `start`; "now" is 10,000 s after it: an age of 9,950 s keeps the 50 queued at or after start + 50 s.
        let now = start.addingTimeInterval(10_000)
        while try history.pruneBatch(RetentionPolicy(age: 9950, runs: nil, events: nil), limit: 7, now: now).total > 0 {}
        let kept = try history.runs(limit: 1000)
        #expect(kept.contains { $0.id == "open-run" }, "a queued run is never pruned, however old")
        #expect(kept.count - 1 == 50, "\(kept.count - 1) finished runs kept")
    }

    @Test func theBackgroundRetentionPrunesWhileTheRunnerWrites() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await fill(history, count: 1500)
        let retention = HistoryRetention(history: history, policy: RetentionPolicy(age: nil, runs: 200, events: 200),
                                         interval: 0.2, firstDelay: 0, batch: 100)
        defer { retention.stop() }
        // Meanwhile new runs keep arriving.
        try await fill(history, count: 300, from: Date(), prefix: "new")
        for _ in 0..<200 where try history.runTotal() > 200 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try history.runTotal() == 200)
        #expect(try history.runs(limit: 1).first?.id == "new-000299", "the newest run survives")
    }

    @Test func aRunIsFoundByIdOrUniquePrefixThroughThePrimaryKey() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await fill(history, count: 30)
        #expect(try history.run(id: "run-000017")?.id == "run-000017")
        #expect(try history.run(id: "run-00001") == nil, "an ambiguous prefix finds nothing")
        #expect(try history.run(id: "run-000029")?.id == "run-000029")
        #expect(try history.run(id: "run-00002")  == nil)
        #expect(try history.run(id: "run-0000") == nil)
        #expect(try history.run(id: "") == nil)
        let plan: [String] = try await history.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + HistoryStore.runPrefixQuery, arguments: ["a", "b"]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING INDEX sqlite_autoindex_run_1") || $0.contains("PRIMARY KEY") }, "\(plan)")
        #expect(!plan.contains { $0 == "SCAN run" }, "\(plan)")
    }

    @Test func listingsReadThroughACursorInOrder() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await fill(history, count: 40)
        var seen: [String] = []
        let count = try history.forEachRun(limit: 25) { seen.append($0.id) }
        let listed = try history.runs(limit: 25).map(\.id)
        #expect(count == 25 && seen == listed)
        #expect(seen.first == "run-000039")
    }

    /// The queries every start and every history change make read indexes, never the whole run table: the newest
    /// run of each flow, and the runs in flight (through the partial index `run_open`).
    @Test func startAndLiveQueriesUseIndexesNotAScanOfTheRunTable() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await fill(history, count: 30)
        let queries = [HistoryStore.latestRunQuery,
                       "SELECT id FROM run WHERE \(HistoryStore.open) AND status = 'Running' AND resumes >= 3",
                       "UPDATE run SET resumes = resumes + 1 WHERE \(HistoryStore.open) AND status = 'Running'",
                       "SELECT * FROM run WHERE \(HistoryStore.open) ORDER BY queuedAt"]
        for query in queries {
            let plan: [String] = try await history.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query).map { $0["detail"] as String }
            }
            #expect(!plan.contains { $0.hasPrefix("SCAN run") || $0.hasPrefix("SCAN newest") }, "\(query)\n\(plan)")
        }
    }

    @Test func theNewestRunOfEachFlowIsFoundWhateverTheOrderOfWriting() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Three flows, written out of time order: the newest run of "b" is written first, of "c" in the middle.
        let base = Date(timeIntervalSinceNow: -3_600)
        for (index, (flowId, offset)) in [("b", 500.0), ("a", 10), ("c", 50), ("b", 20), ("c", 400), ("a", 300), ("c", 30)].enumerated() {
            let at = base.addingTimeInterval(offset)
            let event = TriggerEvent(type: .fullRefreshCompleted, fields: [:], origin: "test", receivedAt: at)
            let run = RunRecord(id: "run-\(flowId)-\(index)", flowId: flowId, flowName: flowId, flowVersion: 1, eventId: event.id,
                                triggerOutputs: ["body": [:]], origin: "event", queuedAt: at)
            try await history.commitMatch(event: event, runs: [run], baselines: [], notes: nil, eventIsNew: true)
        }
        let latest = try history.latestRunPerFlow()
        #expect(latest.mapValues(\.id) == ["a": "run-a-5", "b": "run-b-0", "c": "run-c-4"])
        let all = try history.runs(limit: 1000)
        for (flowId, run) in latest {
            let newest = all.filter { $0.flowId == flowId }.max { $0.queuedAt < $1.queuedAt }
            #expect(run.id == newest?.id, "\(flowId)")
        }
        #expect(Set(latest.keys) == Set(all.map(\.flowId)))
    }
}

/// The WAL stays small under a steady load: a passive checkpoint alone never shrinks it.
@Suite struct HistoryCheckpointTests {
    @Test func theWALIsCutBackOnceItPassesItsLimitWhileReadersKeepReading() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-wal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("history.sqlite")
        let history = try HistoryStore(url: url)
        // A checkpointer of its own with a low limit (200 frames, 800 KiB) beside the store's.
        let wal = url.path + "-wal"
        @Sendable func walBytes() -> Int { ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? 0 }
        let largest = LargestSeen()
        let checkpointer = try HistoryCheckpointer(path: url.path, pool: history.pool, interval: 0.05, truncateAbove: 200)
        let reader = try HistoryStore.reader(url: url)
        // Eight writers at once keep the group-commit writer busy without a pause (as `serve` under load does): a
        // passive checkpoint then never finds the WAL fully copied when a write begins, and SQLite never rewinds it.
        let base = Date(timeIntervalSinceNow: -3_600)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for index in 0..<250 {
                        let at = base.addingTimeInterval(Double(writer * 1_000 + index))
                        let event = TriggerEvent(type: .fullRefreshCompleted, fields: ["pad": .string(String(repeating: "x", count: 2_000))],
                                                 origin: "test", receivedAt: at)
                        let run = RunRecord(id: "run-\(writer)-\(index)", flowId: "f", flowName: "F", flowVersion: 1, eventId: event.id,
                                            triggerOutputs: ["body": [:]], origin: "event", queuedAt: at)
                        try await history.commitMatch(event: event, runs: [run], baselines: [], notes: nil, eventIsNew: true)
                        if index % 10 == 0 {
                            _ = try reader.runs(limit: 5)
                            largest.see(walBytes())
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        // Under load the WAL was cut back at least once (without the cut it ends at 54 MB; how small it stays over
        // minutes under `serve` is Benchmarks/scripts/history-bound.sh's figure, not a unit test's).
        #expect(largest.value < 48 << 20, "the WAL reached \(largest.value) bytes under load")
        for _ in 0..<100 where walBytes() > 200 * 4_096 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(walBytes() <= 200 * 4_096, "the WAL is \(walBytes()) bytes after the load, above its 800 KiB limit")
        #expect(try reader.runTotal() == 2_000)
        withExtendedLifetime(checkpointer) {}
    }
}

/// The largest value seen, from any task.
final class LargestSeen: Sendable {
    private let largest = Mutex(0)
    func see(_ value: Int) { largest.withLock { $0 = max($0, value) } }
    var value: Int { largest.withLock { $0 } }
}
