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
        if RunQuery.ftsPattern(query.search) != nil { try? indexPendingText() }
        return try pool.read { db in
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

    /// Brings the search index up to date with every step written (the runner does this every second; a search
    /// does it first, so it never misses a step). A read-only history is searched as it is indexed.
    public func indexPendingText() throws {
        while try RunSearchSchema.indexPending(pool, limit: 20_000) >= 20_000 {}
    }

    /// A search: the matching steps of runs that pass the other filters, newest first; each run listed once (at its
    /// newest matching step), until the page is full.
    private static func search(_ query: RunQuery, pattern: String, db: Database, _ body: (RunRecord) throws -> Void) throws -> RunCursor? {
        guard query.limit > 0 else { return nil }
        let (sql, arguments) = query.textSQL(pattern: pattern)
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var seen = Set<String>()
        var count = 0
        while let row = try rows.next() {
            guard seen.insert(row["id"]).inserted else { continue }
            try body(run(row))
            count += 1
            if count == query.limit { return .text(rowid: row["textRow"]) }
        }
        return nil
    }
}
