import Foundation
import GRDB

/// Filtered, paged run listings (`RunQuery`).
extension HistoryStore {
    /// One page of the runs that match `query`, newest first.
    public func runs(matching query: RunQuery) throws -> RunPage {
        var runs: [RunRecord] = []
        let next = try forEachRun(matching: query) { runs.append($0) }
        return RunPage(runs: runs, next: next)
    }

    /// The runs of one page of `query`, handed to `body` as they are read (memory stays flat at any page size).
    /// Returns where the next page starts (nil when this page was not full).
    @discardableResult
    public func forEachRun(matching query: RunQuery, _ body: (RunRecord) throws -> Void) throws -> RunCursor? {
        try pool.read { db in
            if let pattern = RunQuery.ftsPattern(query.search) { return try Self.search(query, pattern: pattern, db: db, body) }
            let (sql, arguments) = query.listSQL()
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            var count = 0
            var last: RunCursor?
            while let row = try rows.next() {
                try body(Self.run(row))
                last = .time(queuedAt: row["queuedAt"], rowid: row["rowNumber"])
                count += 1
            }
            return count >= query.limit && query.limit > 0 ? last : nil
        }
    }

    /// A search: the matching steps newest first, each new run among them checked against the other filters by
    /// its key, until the page is full.
    private static func search(_ query: RunQuery, pattern: String, db: Database, _ body: (RunRecord) throws -> Void) throws -> RunCursor? {
        guard query.limit > 0 else { return nil }
        let (sql, arguments) = query.textSQL(pattern: pattern)
        let candidates = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        let lookup = try db.cachedStatement(sql: query.candidateSQL())
        let filters = query.runConditions().arguments
        var seen = Set<String>()
        var count = 0
        while let candidate = try candidates.next() {
            let runId: String = candidate["runId"]
            guard seen.insert(runId).inserted else { continue }
            guard let row = try Row.fetchOne(lookup, arguments: StatementArguments([runId as any DatabaseValueConvertible] + filters)) else { continue }
            try body(run(row))
            count += 1
            if count == query.limit { return .text(rowid: candidate["textRow"]) }
        }
        return nil
    }
}
