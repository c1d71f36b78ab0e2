import FlowExpressions
import Foundation
import GRDB

/// Read queries for the terminal app and `insightflow runs`.
extension HistoryStore {
    /// Runs, newest first, optionally of one flow and one status.
    public func runs(flowId: String? = nil, status: RunStatus? = nil, limit: Int = 100) throws -> [RunRecord] {
        try runs(matching: RunQuery(flowId: flowId, status: status, limit: limit)).runs
    }

    /// The same runs as `runs(flowId:status:limit:)`, handed to `body` one at a time as they are read (a cursor:
    /// memory stays flat however many there are, and the first one arrives at once). Returns how many were read.
    @discardableResult
    public func forEachRun(flowId: String? = nil, status: RunStatus? = nil, limit: Int = 100, _ body: (RunRecord) throws -> Void) throws -> Int {
        var count = 0
        try forEachRun(matching: RunQuery(flowId: flowId, status: status, limit: limit)) { run in
            try body(run)
            count += 1
        }
        return count
    }

    /// The newest run of each flow that has runs, by flow id (the Flows list's "last run"). Read after every
    /// history change, so it costs a few index seeks per flow, not a pass over the run table: the flow ids are
    /// walked in the `run_flow` index (each the smallest one after the previous), and each flow's newest run is
    /// the last entry of its range (a GROUP BY over the index took 110 ms at a million runs).
    public func latestRunPerFlow() throws -> [String: RunRecord] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: Self.latestRunQuery)
            var result: [String: RunRecord] = [:]
            for run in rows.map(Self.run) { result[run.flowId] = run }
            return result
        }
    }

    static let latestRunQuery = """
        WITH RECURSIVE flows(flowId) AS (
            SELECT (SELECT MIN(flowId) FROM run)
            UNION ALL
            SELECT (SELECT MIN(flowId) FROM run WHERE flowId > flows.flowId) FROM flows WHERE flows.flowId IS NOT NULL)
        SELECT run.* FROM flows
        JOIN run ON run.id = (SELECT newest.id FROM run AS newest WHERE newest.flowId = flows.flowId ORDER BY newest.queuedAt DESC LIMIT 1)
        """

    /// One run by id (or a unique id prefix). Both lookups use the primary key: the exact id first, then the
    /// prefix as a range (`id >= prefix AND id < prefix + U+10FFFF`), never a scan of the run table.
    public func run(id: String) throws -> RunRecord? {
        try pool.read { db in
            if let exact = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]) { return Self.run(exact) }
            guard !id.isEmpty else { return nil }
            let rows = try Row.fetchAll(db, sql: Self.runPrefixQuery, arguments: [id, id + "\u{10FFFF}"])
            return rows.count == 1 ? Self.run(rows[0]) : nil
        }
    }

    /// The prefix lookup of `run(id:)` (also checked against the query plan in the tests).
    static let runPrefixQuery = "SELECT * FROM run WHERE id >= ? AND id < ? LIMIT 2"

    /// The step records of a run in execution order.
    public func steps(runId: String) throws -> [StepRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM step WHERE runId = ? ORDER BY seq", arguments: [runId]).map(Self.step)
        }
    }

    /// The newest events, newest first.
    public func events(limit: Int = 100) throws -> [TriggerEvent] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY receivedAt DESC LIMIT ?", arguments: [limit]).compactMap(Self.event)
        }
    }

    /// One event by id.
    public func event(id: String) throws -> TriggerEvent? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM event WHERE id = ?", arguments: [id]).flatMap(Self.event) }
    }

    /// How many runs of each status the history holds.
    public func runCounts() throws -> [RunStatus: Int] {
        try pool.read { db in
            var counts: [RunStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM run GROUP BY status") {
                if let status = RunStatus(caseInsensitive: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    /// The number of stored events.
    public func eventCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0 }
    }
}
