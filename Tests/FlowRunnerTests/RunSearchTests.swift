import FlowExpressions
import FlowModel
import Foundation
import GRDB
import Testing
@testable import FlowRunner

/// Run search (#19): the query builder and its plans, keyset paging, the FTS5 index kept in step with step writes,
/// retention and the migration's backfill.
@Suite struct RunSearchTests {
    func temporaryStore() throws -> (HistoryStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("search-\(UUID().uuidString)")
        return (try HistoryStore(url: folder.appendingPathComponent("history.sqlite")), folder)
    }

    /// `count` finished runs a second apart (oldest first) of flows f0…f2; every 4th failed with an error naming
    /// `timeout`, run 7's output says `zebra`; event types alternate.
    func fill(_ history: HistoryStore, count: Int, start: Date = Date(timeIntervalSinceNow: -86_400), prefix: String = "run") async throws {
        for index in 0..<count {
            let at = start.addingTimeInterval(Double(index))
            let event = TriggerEvent(type: index % 2 == 0 ? .dataSourceRefreshFailed : .segmentRefreshed, fields: [:], origin: "test", receivedAt: at)
            var run = RunRecord(id: prefix + String(format: "-%05d", index), flowId: "f\(index % 3)", flowName: "F", flowVersion: 1, eventId: event.id,
                                triggerOutputs: ["body": [:]], origin: "event", queuedAt: at)
            try await history.commitMatch(event: event, runs: [run], baselines: [], notes: nil, eventIsNew: true)
            let failed = index % 4 == 0
            run.status = failed ? .failed : .succeeded
            run.finishedAt = at
            let steps = [
                StepRecord(runId: run.id, stepName: "Compose", path: "Compose", status: .succeeded, startedAt: at,
                           inputs: ["customer": .string("c\(index)")], outputs: .string(index == 7 ? "a zebra crossed" : "fine")),
                StepRecord(runId: run.id, stepName: "Post", path: "Post", status: failed ? .failed : .succeeded, startedAt: at,
                           errorMessage: failed ? "HTTP 503: upstream timeout" : nil),
            ]
            try history.saveRun(run, steps: steps)
        }
    }

    @Test func ftsPatternQuotesEveryWordAndKeepsPrefixes() {
        #expect(RunQuery.ftsPattern("timeout") == "\"timeout\"")
        #expect(RunQuery.ftsPattern("  HTTP 503 ") == "\"HTTP\" \"503\"")
        #expect(RunQuery.ftsPattern("time*") == "\"time\"*")
        #expect(RunQuery.ftsPattern("a\"b -c OR") == "\"a\"\"b\" \"-c\" \"OR\"")
        #expect(RunQuery.ftsPattern("   ") == nil)
        #expect(RunQuery.ftsPattern("*") == nil)
        #expect(RunQuery.ftsPattern(nil) == nil)
    }

    @Test func everyFilterWalksAnIndexWithoutSorting() throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Date()
        let queries = [
            RunQuery(), RunQuery(status: .failed), RunQuery(flowId: "f1"), RunQuery(triggerType: .segmentRefreshed),
            RunQuery(since: now.addingTimeInterval(-3600)), RunQuery(flowId: "f1", since: now.addingTimeInterval(-3600), until: now),
            RunQuery(status: .failed, since: now.addingTimeInterval(-3600)), RunQuery(status: .failed, after: .time(queuedAt: 5, rowid: 3)),
        ]
        for query in queries {
            let (sql, arguments) = query.listSQL()
            let plan = try history.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }.joined(separator: "; ")
            }
            #expect(plan.contains("USING INDEX") || plan.contains("USING COVERING INDEX"), "\(query): \(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(query) sorts: \(plan)")
            let reads = plan.components(separatedBy: "; ").filter { $0.hasPrefix("SCAN run") || $0.hasPrefix("SEARCH run") }
            #expect(!reads.isEmpty && reads.allSatisfy { $0.contains("USING") }, "\(query) reads the run table without an index: \(plan)")
        }
        let search = RunQuery(status: .failed, since: now.addingTimeInterval(-3600)).textSQL(pattern: "\"timeout\"")
        let plan = try history.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + search.sql, arguments: search.arguments).map { $0["detail"] as String }
        }
        #expect(plan.first?.hasPrefix("SCAN step_text VIRTUAL TABLE") == true, "the text index drives the search: \(plan)")
        #expect(plan.contains { $0.contains("SEARCH run USING INDEX sqlite_autoindex_run_1") }, "each run by its key: \(plan)")
        #expect(!plan.joined().contains("TEMP B-TREE"), "no sort of the matches: \(plan)")
    }

    @Test func pagesFollowEachOtherWithoutGapsOrRepeats() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await fill(history, count: 250)
        var query = RunQuery(limit: 100)
        var ids: [String] = []
        var pages = 0
        while true {
            let page = try history.runs(matching: query)
            ids += page.runs.map(\.id)
            pages += 1
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(ids.count == 250 && Set(ids).count == 250)
        #expect(ids.first == "run-00249" && ids.last == "run-00000")
        #expect(pages == 3)
        let failed = try history.runs(matching: RunQuery(status: .failed, limit: 1000)).runs
        #expect(failed.count == 63 && failed.allSatisfy { $0.status == .failed })
        let flow = try history.runs(matching: RunQuery(flowId: "f1", triggerType: .segmentRefreshed, limit: 1000)).runs
        #expect(!flow.isEmpty && flow.allSatisfy { $0.flowId == "f1" })
        #expect(flow.count == 42, "f1 runs are index 1, 4, 7…; the odd ones are SegmentRefreshed")
    }

    @Test func timeBoundsAreInclusive() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Date(timeIntervalSince1970: 1_000_000)
        try await fill(history, count: 20, start: start)
        let runs = try history.runs(matching: RunQuery(since: start.addingTimeInterval(5), until: start.addingTimeInterval(9))).runs
        #expect(runs.map(\.id) == ["run-00009", "run-00008", "run-00007", "run-00006", "run-00005"])
    }

    @Test func searchFindsWordsInInputsOutputsAndErrorsWithTheOtherFilters() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await fill(history, count: 40)
        #expect(try history.runs(matching: RunQuery(search: "zebra")).runs.map(\.id) == ["run-00007"])
        #expect(try history.runs(matching: RunQuery(search: "c13")).runs.map(\.id) == ["run-00013"], "inputs are searched")
        let timeouts = try history.runs(matching: RunQuery(search: "timeout", limit: 100)).runs
        #expect(timeouts.count == 10 && timeouts.first?.id == "run-00036", "newest first")
        let upstream = try history.runs(matching: RunQuery(flowId: "f0", search: "upstream", limit: 100)).runs
        #expect(upstream.map(\.id) == ["run-00036", "run-00024", "run-00012", "run-00000"])
        #expect(try history.runs(matching: RunQuery(search: "upstr*", limit: 100)).runs.count == 10, "prefix")
        #expect(try history.runs(matching: RunQuery(status: .succeeded, search: "timeout")).runs.isEmpty)
        #expect(try history.runs(matching: RunQuery(search: "\"unbalanced OR -")).runs.isEmpty, "FTS syntax in the text is only text")
        // Pages of a search.
        let first = try history.runs(matching: RunQuery(search: "timeout", limit: 4))
        var next = RunQuery(search: "timeout", limit: 100)
        next.after = first.next
        let rest = try history.runs(matching: next).runs
        #expect(first.runs.count == 4 && rest.count == 6 && Set(first.runs.map(\.id)).isDisjoint(with: rest.map(\.id)))
    }

    @Test func aRewrittenStepMovesItsTextInTheIndex() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        var run = RunRecord(id: "r1", flowId: "f", flowName: "F", flowVersion: 1, eventId: nil, triggerOutputs: .null, origin: "test")
        try history.insertRun(run)
        run.status = .succeeded
        let step = StepRecord(runId: "r1", stepName: "S", path: "S", status: .succeeded, startedAt: Date(), outputs: "alpha")
        try history.saveRun(run, steps: [step])
        var again = step
        again.outputs = "beta"
        try history.saveRun(run, steps: [again], firstSequence: 0)
        #expect(try history.runs(matching: RunQuery(search: "alpha")).runs.isEmpty)
        #expect(try history.runs(matching: RunQuery(search: "beta")).runs.map(\.id) == ["r1"])
        #expect(try history.steps(runId: "r1").count == 1)
        try integrityCheck(history)
    }

    @Test func retentionTakesThePrunedRunsOutOfTheIndex() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await fill(history, count: 40)
        #expect(try history.runs(matching: RunQuery(search: "zebra")).runs.count == 1)
        try history.prune(olderThan: nil, keep: 20)
        #expect(try history.runs(matching: RunQuery(search: "zebra")).runs.isEmpty, "run 7 was pruned with its steps' text")
        #expect(try history.runs(matching: RunQuery(search: "timeout", limit: 100)).runs.count == 5)
        let indexed = try await history.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM step_text WHERE step_text MATCH 'fine OR timeout OR zebra'") }
        #expect(indexed == 25, "the 20 runs left: 20 Compose steps and the 5 failed Post steps hold these words")
        try integrityCheck(history)
        let facts = try history.facts()
        #expect(facts.runs == 20 && facts.lastPrune?.runs == 20)
        #expect(facts.oldestRun != nil && facts.fileBytes > 0)
    }

    @Test func stepsPrunedOrRewrittenBeforeTheyAreIndexedLeaveTheIndexSound() async throws {
        let (history, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await fill(history, count: 20)
        try history.indexPendingText()
        try await fill(history, count: 40, start: Date(timeIntervalSinceNow: -3_600), prefix: "new")
        // The first fill (a day old) is indexed, the second (an hour old) not yet; prune keeps the newest 30 runs:
        // new-00010 … new-00039. Indexed rows go through the delete trigger, the others are never indexed.
        try history.prune(olderThan: nil, keep: 30)
        #expect(try history.runs(matching: RunQuery(search: "zebra", limit: 10)).runs.isEmpty, "run 7 of both fills is gone")
        #expect(try history.runs(matching: RunQuery(search: "c25")).runs.map(\.id) == ["new-00025"], "a kept step is found once indexed")
        #expect(try history.runs(matching: RunQuery(search: "timeout", limit: 100)).runs.count == 7, "new-00012 … new-00036, every 4th failed")
        try integrityCheck(history)
    }

    @Test func theMigrationBackfillsAnOlderHistory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("search-old-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("history.sqlite")
        let old = try DatabaseQueue(path: url.path)
        try HistoryDatabase.migrator.migrate(old, upTo: "v3-resumes")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO event (id, type, fields, origin, receivedAt, processed) VALUES ('e1', 'SegmentRefreshed', '{}', 'test', 1, 1);
                INSERT INTO run (id, flowId, flowName, flowVersion, eventId, status, triggerOutputs, queuedAt, dryRun, origin)
                    VALUES ('old-run', 'f', 'F', 1, 'e1', 'Failed', '{}', 1, 0, 'event');
                INSERT INTO step (runId, seq, stepName, path, iteration, status, startedAt, errorMessage, attempts)
                    VALUES ('old-run', 0, 'S', 'S', 0, 'Failed', 1, 'the mainframe refused', 1);
                """)
        }
        try old.close()
        let history = try HistoryStore(url: url)
        #expect(try history.runs(matching: RunQuery(search: "mainframe")).runs.map(\.id) == ["old-run"])
        #expect(try history.runs(matching: RunQuery(triggerType: .segmentRefreshed)).runs.map(\.id) == ["old-run"])
        try integrityCheck(history)
    }

    /// FTS5's own check that the index holds exactly the step table's text (after indexing what is pending: the
    /// check counts a row not yet indexed as a fault).
    func integrityCheck(_ history: HistoryStore) throws {
        try history.indexPendingText()
        try history.pool.write { db in try db.execute(sql: "INSERT INTO step_text(step_text, rank) VALUES ('integrity-check', 1)") }
    }
}
