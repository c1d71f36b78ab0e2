import GRDB

extension HistoryStore {
    /// What matching noted for an event (threshold decisions, runs skipped beyond a flow's maximumWaitingRuns), if
    /// anything.
    public func eventNotes(id: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT notes FROM event WHERE id = ?", arguments: [id]) }
    }
}
