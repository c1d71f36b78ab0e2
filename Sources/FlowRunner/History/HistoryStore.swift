import FlowExpressions
import Foundation
import GRDB

/// The run history (`history.sqlite`): events, runs, step results and threshold baselines. Readers use
/// WAL snapshots, so the terminal app and `insightflow runs` never block the runner's writes.
public final class HistoryStore: Sendable {
    let pool: DatabasePool
    let writer: HistoryWriter
    /// Moves the WAL into the database in the background; only the runner's store has one.
    private let checkpointer: HistoryCheckpointer?
    /// Indexes new steps for search in the background; only the runner's store has one.
    private let textIndexer: HistoryTextIndexer?
    /// The database file.
    public let url: URL
    /// Signals this process's commits to `changes()` watchers.
    let commits = HistoryCommits()

    /// Opens (or creates) the history database at `url` for the runner: with the group-commit writer and the
    /// background WAL checkpoints. Exactly one per process that runs flows.
    public init(url: URL) throws {
        self.url = url
        pool = try HistoryDatabase.open(url)
        writer = HistoryWriter(pool: pool)
        checkpointer = try HistoryCheckpointer(path: url.path, pool: pool)
        textIndexer = HistoryTextIndexer(pool: pool)
        pool.add(transactionObserver: commits, extent: .databaseLifetime)
    }

    private init(reading url: URL) throws {
        self.url = url
        pool = try HistoryDatabase.open(url)
        writer = HistoryWriter(pool: pool)
        checkpointer = nil
        textIndexer = nil
        pool.add(transactionObserver: commits, extent: .databaseLifetime)
    }

    /// Opens the history for a reader (the CLI's `runs`, a designer attached to `serve`): no background
    /// checkpoints; the process that runs flows owns those.
    public static func reader(url: URL) throws -> HistoryStore { try HistoryStore(reading: url) }

    /// One threshold observation to store with an event.
    public struct Baseline: Sendable, Hashable {
        public var flowId: String
        public var subject: String
        public var value: Double

        /// What the observation is of.
        var key: BaselineKey { BaselineKey(flowId: flowId, subject: subject) }
    }

    /// Stores an accepted event before it is acknowledged (not yet matched).
    public func recordEvent(_ event: TriggerEvent) throws {
        try pool.write { db in try Self.insert(event, processed: false, notes: nil, db: db) }
    }

    /// Atomically stores an event as matched with its queued runs and moved baselines: all or nothing,
    /// committed (group commit with concurrent writers) before this returns.
    public func commitMatch(event: TriggerEvent, runs: [RunRecord], baselines: [Baseline], notes: String?, eventIsNew: Bool) async throws {
        try await writer.write { db in
            if eventIsNew {
                try Self.insert(event, processed: true, notes: notes, db: db)
            } else {
                try db.execute(sql: "UPDATE event SET processed = 1, notes = ? WHERE id = ?", arguments: [notes, event.id])
            }
            for run in runs { try Self.insert(run, db: db) }
            for baseline in baselines {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO baseline (flowId, subject, value, observedAt) VALUES (?, ?, ?, ?)").execute(
                    arguments: [baseline.flowId, baseline.subject, baseline.value, event.receivedAt.timeIntervalSince1970])
            }
        }
    }

    /// Adds a run (a test run or a resubmission) outside of event matching.
    public func insertRun(_ run: RunRecord) throws {
        try pool.write { db in try Self.insert(run, db: db) }
    }

    /// Saves a run's status, times, error and checkpoint, and any step records produced since the last save.
    public func saveRun(_ run: RunRecord, steps: [StepRecord] = [], firstSequence: Int = 0) throws {
        try pool.write { db in try Self.update(run, steps: steps, firstSequence: firstSequence, db: db) }
    }

    /// The same as `saveRun`, batched with concurrent writes (the runner's path).
    func saveRunBatched(_ run: RunRecord, steps: [StepRecord], firstSequence: Int) async throws {
        try await writer.write { db in try Self.update(run, steps: steps, firstSequence: firstSequence, db: db) }
    }

    static func update(_ run: RunRecord, steps: [StepRecord], firstSequence: Int, db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE run SET status = ?, startedAt = ?, finishedAt = ?, errorCode = ?, errorMessage = ?, checkpoint = ? WHERE id = ?
            """).execute(arguments: [run.status.rawValue, run.startedAt?.timeIntervalSince1970, run.finishedAt?.timeIntervalSince1970,
                             run.errorCode, run.errorMessage, run.checkpoint?.jsonText(), run.id])
        for (offset, step) in steps.enumerated() { try insert(step, sequence: firstSequence + offset, db: db) }
    }

    /// The stored previous value of a threshold subject for a flow.
    public func baseline(flowId: String, subject: String) throws -> Double? {
        try baseline(flowId: flowId, subject: subject, observedSince: nil)
    }

    /// The stored previous value, ignored when it was observed before `since` (the flow was turned On after it).
    public func baseline(flowId: String, subject: String, observedSince since: Date?) throws -> Double? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT value, observedAt FROM baseline WHERE flowId = ? AND subject = ?",
                                             arguments: [flowId, subject]) else { return nil }
            if let since, let observed = row["observedAt"] as Double?, observed < since.timeIntervalSince1970 { return nil }
            return row["value"]
        }
    }

    /// Forgets the baselines of flows that are not On, so turning a flow on starts from a fresh baseline.
    public func clearBaselines(keeping flowIds: Set<String>) throws {
        try pool.write { db in
            let stored = try String.fetchAll(db, sql: "SELECT DISTINCT flowId FROM baseline")
            for flowId in stored where !flowIds.contains(flowId) {
                try db.execute(sql: "DELETE FROM baseline WHERE flowId = ?", arguments: [flowId])
            }
        }
    }

    /// Events stored but not yet matched (a crash between acknowledging and matching).
    public func unprocessedEvents() throws -> [TriggerEvent] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE processed = 0 ORDER BY receivedAt").compactMap(Self.event)
        }
    }

    /// Runs that were queued or running when the runner stopped.
    /// Records that a queued run has started (batched with concurrent writes); a run already past it is untouched.
    func markRunning(_ run: RunRecord) async throws {
        try await writer.write { db in
            try db.cachedStatement(sql: "UPDATE run SET status = 'Running', startedAt = ? WHERE id = ? AND status = 'Queued'")
                .execute(arguments: [run.startedAt?.timeIntervalSince1970, run.id])
        }
    }

    /// Counts one more runner start for every run that had started and not finished, and fails those found in
    /// flight `limit` starts in a row (the runner stopped while running them each time: a run that crashes the
    /// runner must not crash it again at every start). Returns the ids of the runs failed.
    /// Every statement names `status IN ('Queued', 'Running')`, the condition of the partial index `run_open`:
    /// SQLite uses a partial index only when the query repeats its condition, and without it each statement read
    /// the whole run table (0.1–0.4 s at a million runs, on every start).
    public func failRunsInFlightTooOften(limit: Int) throws -> [String] {
        try pool.write { db in
            try db.execute(sql: "UPDATE run SET resumes = resumes + 1 WHERE \(Self.open) AND status = 'Running'")
            let ids = try String.fetchAll(db, sql: "SELECT id FROM run WHERE \(Self.open) AND status = 'Running' AND resumes >= ?", arguments: [limit])
            let message = "the runner stopped while running this run \(limit) times in a row; it is not resumed again (resubmit it once the cause is fixed)"
            try db.execute(sql: """
                UPDATE run SET status = 'Failed', errorCode = 'RunnerStoppedRepeatedly', errorMessage = ?, finishedAt = ?, checkpoint = NULL
                WHERE \(Self.open) AND status = 'Running' AND resumes >= ?
                """, arguments: [message, Date().timeIntervalSince1970, limit])
            return ids
        }
    }

    /// The condition of the partial index `run_open` (runs not finished), written the same way wherever it is used.
    static let open = "status IN ('Queued', 'Running')"

    /// The runs not finished, oldest first (what a start resumes).
    public func openRuns() throws -> [RunRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run WHERE \(Self.open) ORDER BY queuedAt").map(Self.run)
        }
    }

    /// Deletes finished runs older than `age` seconds, and all but the newest `keep` runs; old matched events too —
    /// all at once (tests and tools). The runner prunes in small batches in the background (`HistoryRetention`).
    public func prune(olderThan age: Double?, keep: Int?) throws {
        let policy = RetentionPolicy(age: age, runs: keep, events: nil)
        var runs = 0, events = 0
        while case let removed = try pruneBatch(policy, limit: 10_000), removed.total > 0 {
            runs += removed.runs
            events += removed.events
        }
        if runs + events > 0 { try recordPrune(PruneRecord(at: Date(), runs: runs, events: events)) }
    }

    /// Deletes at most `limit` finished runs (with their steps) and `limit` processed events that the policy no
    /// longer keeps, oldest first, each kind in one short write; then hands freed pages back to the file system when
    /// the database uses incremental vacuum. Returns how many rows went.
    @discardableResult
    public func pruneBatch(_ policy: RetentionPolicy, limit: Int = 1000, now: Date = Date()) throws -> (runs: Int, events: Int, total: Int) {
        let finished = "status NOT IN ('Queued','Running')"
        let runCutoff = try pool.read { db -> Double? in
            var cutoff = policy.age.map { now.timeIntervalSince1970 - $0 }
            if let keep = policy.runs, let edge = try Double.fetchOne(db, sql: "SELECT queuedAt FROM run WHERE \(finished) ORDER BY queuedAt DESC LIMIT 1 OFFSET ?", arguments: [keep]) {
                // Runs at or before the (keep+1)-th newest go: their queuedAt is at most `edge`.
                cutoff = max(cutoff ?? -.infinity, edge.nextUp)
            }
            return cutoff
        }
        let eventCutoff = try pool.read { db -> Double? in
            var cutoff = policy.age.map { now.timeIntervalSince1970 - $0 }
            if let keep = policy.events, let edge = try Double.fetchOne(db, sql: "SELECT receivedAt FROM event ORDER BY receivedAt DESC LIMIT 1 OFFSET ?", arguments: [keep]) {
                cutoff = max(cutoff ?? -.infinity, edge.nextUp)
            }
            return cutoff
        }
        var runs = 0, events = 0
        if let runCutoff {
            runs = try pool.write { db in
                let ids = try String.fetchAll(db, sql: "SELECT id FROM run WHERE queuedAt < ? AND \(finished) ORDER BY queuedAt LIMIT ?", arguments: [runCutoff, limit])
                guard !ids.isEmpty else { return 0 }
                let marks = databaseQuestionMarks(count: ids.count)
                try db.execute(sql: "DELETE FROM step WHERE runId IN (\(marks))", arguments: StatementArguments(ids))
                try db.execute(sql: "DELETE FROM run WHERE id IN (\(marks))", arguments: StatementArguments(ids))
                return ids.count
            }
        }
        if let eventCutoff {
            events = try pool.write { db in
                try db.execute(sql: "DELETE FROM event WHERE id IN (SELECT id FROM event WHERE receivedAt < ? AND processed = 1 ORDER BY receivedAt LIMIT ?)",
                               arguments: [eventCutoff, limit])
                return db.changesCount
            }
        }
        if runs + events > 0 { try reclaimFreePages() }
        return (runs, events, runs + events)
    }

    /// Returns free pages to the file system (`PRAGMA incremental_vacuum`) when the database was created with
    /// incremental auto-vacuum, so the file shrinks as retention deletes.
    private func reclaimFreePages() throws {
        try pool.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2 else { return }
            try db.execute(sql: "PRAGMA incremental_vacuum(2000)")
        }
    }

    /// The history file's pages: in use and free (for the retention tests and the scale benchmark).
    public func pageCounts() throws -> (total: Int, free: Int) {
        try pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0)
        }
    }
}

/// A threshold baseline's identity: one flow's view of one segment or measure.
struct BaselineKey: Hashable, Sendable {
    let flowId: String
    let subject: String
}
