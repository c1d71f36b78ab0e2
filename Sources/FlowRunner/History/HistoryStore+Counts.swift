import GRDB

/// Totals for the terminal app's Monitor.
extension HistoryStore {
    /// The number of stored runs.
    public func runTotal() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0 }
    }
}
