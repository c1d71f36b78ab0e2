import Foundation
import GRDB

/// What Admin > System shows of the history: its size, its oldest run, its counts and the last prune.
public struct HistoryFacts: Sendable, Hashable {
    /// Bytes on disk, the WAL included.
    public var fileBytes: Int64
    /// Bytes of free pages inside the file (reused by new rows; handed back by incremental vacuum).
    public var freeBytes: Int64
    public var oldestRun: Date?
    public var runs: Int
    public var events: Int
    /// The newest retention pass that removed rows: when, and how many runs and events it removed.
    public var lastPrune: PruneRecord?

    public init(fileBytes: Int64, freeBytes: Int64, oldestRun: Date?, runs: Int, events: Int, lastPrune: PruneRecord?) {
        self.fileBytes = fileBytes
        self.freeBytes = freeBytes
        self.oldestRun = oldestRun
        self.runs = runs
        self.events = events
        self.lastPrune = lastPrune
    }
}

/// One retention pass that removed rows.
public struct PruneRecord: Sendable, Hashable {
    public var at: Date
    public var runs: Int
    public var events: Int

    public init(at: Date, runs: Int, events: Int) {
        self.at = at
        self.runs = runs
        self.events = events
    }
}

extension HistoryStore {
    /// The history's size and counts (the counts walk the smallest index: tens of milliseconds at a million runs).
    public func facts() throws -> HistoryFacts {
        let bytes = sizeOnDisk()
        return try pool.read { db in
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            let free = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            let oldest = try Double.fetchOne(db, sql: "SELECT MIN(queuedAt) FROM run")
            let runs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0
            let events = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
            let last = try Row.fetchOne(db, sql: "SELECT at, runs, events FROM prune_log ORDER BY rowid DESC LIMIT 1").map {
                PruneRecord(at: Date(timeIntervalSince1970: $0["at"]), runs: $0["runs"], events: $0["events"])
            }
            return HistoryFacts(fileBytes: bytes, freeBytes: free * pageSize, oldestRun: oldest.map(Date.init(timeIntervalSince1970:)),
                                runs: runs, events: events, lastPrune: last)
        }
    }

    /// Notes a retention pass that removed rows (the log keeps the newest 100 passes).
    public func recordPrune(_ record: PruneRecord) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO prune_log (at, runs, events) VALUES (?, ?, ?)",
                           arguments: [record.at.timeIntervalSince1970, record.runs, record.events])
            try db.execute(sql: "DELETE FROM prune_log WHERE rowid <= (SELECT MAX(rowid) FROM prune_log) - 100")
        }
    }
}
