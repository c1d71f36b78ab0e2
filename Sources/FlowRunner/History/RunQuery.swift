import Foundation
import GRDB

/// A filtered page of the run history, newest first: what `insightflow runs` and the run history screen ask for.
/// Every filter is answered from one index walked newest first (docs/run-history.md), so a page costs the same at a
/// thousand runs as at a million.
public struct RunQuery: Sendable, Hashable {
    /// Only runs of this flow id.
    public var flowId: String?
    /// Only runs with this status.
    public var status: RunStatus?
    /// Only runs caused by an event of this type.
    public var triggerType: EventType?
    /// Only runs queued at or after this time.
    public var since: Date?
    /// Only runs queued at or before this time.
    public var until: Date?
    /// Free text that a step's inputs, outputs or error message must contain (words; a trailing `*` matches a prefix).
    public var search: String?
    /// The page size.
    public var limit: Int
    /// Where the page starts: the `next` of the previous page (nil: the newest run).
    public var after: RunCursor?

    public init(flowId: String? = nil, status: RunStatus? = nil, triggerType: EventType? = nil, since: Date? = nil, until: Date? = nil,
                search: String? = nil, limit: Int = 50, after: RunCursor? = nil) {
        self.flowId = flowId
        self.status = status
        self.triggerType = triggerType
        self.since = since
        self.until = until
        self.search = search
        self.limit = limit
        self.after = after
    }

    /// True when no filter is set (paging aside).
    public var isUnfiltered: Bool {
        flowId == nil && status == nil && triggerType == nil && since == nil && until == nil && Self.ftsPattern(search) == nil
    }

    /// The same filters from the start (no cursor).
    public var firstPage: RunQuery {
        var query = self
        query.after = nil
        return query
    }
}

/// Where the next page of a `RunQuery` starts (keyset paging: no OFFSET, so page 1,000 costs what page 1 does).
public enum RunCursor: Sendable, Hashable {
    /// After the run queued at `queuedAt` with this row id (listing by time).
    case time(queuedAt: Double, rowid: Int64)
    /// After this row of the text index (a search lists runs in the order their matching steps were written).
    case text(rowid: Int64)
}

/// One page of runs and where the next starts (nil: this was the last).
public struct RunPage: Sendable, Hashable {
    public var runs: [RunRecord]
    public var next: RunCursor?

    public init(runs: [RunRecord] = [], next: RunCursor? = nil) {
        self.runs = runs
        self.next = next
    }
}

/// The SQL of a `RunQuery` (pure: unit-tested, and checked against SQLite's query plans).
extension RunQuery {
    /// The FTS5 pattern for free text: each word quoted (so `-`, `:` or `"` in it are text, not syntax), all words
    /// required; a trailing `*` keeps its prefix meaning. Nil when the text has no words.
    public static func ftsPattern(_ text: String?) -> String? {
        guard let text else { return nil }
        let words = text.split(whereSeparator: { $0.isWhitespace }).compactMap { word -> String? in
            let prefix = word.hasSuffix("*")
            let body = prefix ? word.dropLast() : word[...]
            guard !body.isEmpty else { return nil }
            return "\"" + body.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The conditions on the run table, with their arguments (no cursor, no search); `table` qualifies the columns
    /// in a join.
    func runConditions(table: String = "") -> (clauses: [String], arguments: [any DatabaseValueConvertible]) {
        let t = table.isEmpty ? "" : table + "."
        var clauses: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let flowId { clauses.append("\(t)flowId = ?"); arguments.append(flowId) }
        if let status {
            // SQLite uses a partial index only when the query repeats its condition.
            switch status {
            case .succeeded: clauses.append("\(t)status = ?")
            case .queued, .running: clauses.append("\(t)status = ? AND \(t)status IN ('Queued', 'Running')")
            default: clauses.append("\(t)status = ? AND \(t)status NOT IN ('Queued', 'Running', 'Succeeded')")
            }
            arguments.append(status.rawValue)
        }
        if let triggerType { clauses.append("\(t)triggerType = ?"); arguments.append(triggerType.rawValue) }
        if let since { clauses.append("\(t)queuedAt >= ?"); arguments.append(since.timeIntervalSince1970) }
        if let until { clauses.append("\(t)queuedAt <= ?"); arguments.append(until.timeIntervalSince1970) }
        return (clauses, arguments)
    }

    /// A listing without free text: one index range newest first, after the cursor, `limit` rows.
    func listSQL() -> (sql: String, arguments: StatementArguments) {
        var (clauses, arguments) = runConditions()
        if case .time(let queuedAt, let rowid) = after {
            clauses.append("queuedAt <= ? AND (queuedAt < ? OR rowid < ?)")
            arguments += [queuedAt, queuedAt, rowid]
        }
        arguments.append(max(0, limit))
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") + " "
        return ("SELECT rowid AS rowNumber, * FROM run \(filter)ORDER BY queuedAt DESC, rowid DESC LIMIT ?", StatementArguments(arguments))
    }

    /// A search: the steps whose text matches, newest written first, after the cursor, each joined to its run by
    /// the run's key and kept when the run passes the other filters (read as a cursor and stopped once the page is
    /// full). `CROSS JOIN` fixes the loop order: the text index outside (its rowid order is the listing's order), the
    /// key lookups inside — never a sort of every match.
    func textSQL(pattern: String) -> (sql: String, arguments: StatementArguments) {
        var arguments: [any DatabaseValueConvertible] = [pattern]
        var clauses = ["step_text MATCH ?"]
        if case .text(let rowid) = after {
            clauses.append("step_text.rowid < ?")
            arguments.append(rowid)
        }
        let conditions = runConditions(table: "run")
        clauses += conditions.clauses
        arguments += conditions.arguments
        return ("""
            SELECT step_text.rowid AS textRow, run.* FROM step_text CROSS JOIN step ON step.rowid = step_text.rowid
            CROSS JOIN run ON run.id = step.runId
            WHERE \(clauses.joined(separator: " AND ")) ORDER BY step_text.rowid DESC
            """, StatementArguments(arguments))
    }
}
