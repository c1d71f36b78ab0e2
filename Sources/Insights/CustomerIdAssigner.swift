import GRDB
import GRDBSQLite

/// Gives every matched group a stable CustomerId and writes `unify_assign (rid, customer_id)`.
///
/// A group keeps the id that its most trusted record was linked to in the previous unification;
/// a new group gets an id derived from its most trusted record (source and key), so ids survive refreshes.
struct CustomerIdAssigner {
    /// The id derived from a source record: "C" followed by 14 hex digits of an FNV-1a hash.
    static func derivedId(source: String, key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.utf8 + [0x1F] + key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash >> 8, radix: 16)
        return "C" + String(repeating: "0", count: 14 - hex.count) + hex
    }

    /// Assigns ids to all groups and fills `unify_assign`; returns the number of profiles.
    func assign(_ db: Database, groups: inout UnionFind, recordCount: Int) throws -> Int {
        var ids = GroupIds(recordCount: recordCount)
        var used = Set<String>()
        let previous = try Row.fetchCursor(db, sql: """
            SELECT r.rid, l.customer_id FROM unify_record r
            JOIN customer_link l ON l.source = r.source AND l.record_key = r.record_key
            ORDER BY r.rank, r.source, r.record_key
            """)
        while let row = try previous.next() {
            let root = groups.root(row[0])
            let id: String = row[1]
            if !ids.has(root), used.insert(id).inserted { try ids.set(root, id) }
        }
        let leaders = try db.makeStatement(sql: "SELECT rid, source, record_key FROM unify_record ORDER BY rank, source, record_key")
        let handle = leaders.sqliteStatement
        defer { sqlite3_reset(handle) }
        var profiles = 0
        while try RawRows.next(leaders, db) {
            let root = groups.root(Int(sqlite3_column_int64(handle, 0)))
            if !ids.has(root) {
                let source = RawRows.text(handle, 1) ?? ""
                try ids.set(root, uniqueId(Self.derivedId(source: source, key: RawRows.text(handle, 2) ?? ""), used: &used))
                profiles += 1
            }
        }
        try writeAssignments(db, ids: ids, groups: &groups, recordCount: recordCount)
        return used.count
    }

    private func uniqueId(_ candidate: String, used: inout Set<String>) -> String {
        var id = candidate
        var suffix = 2
        while !used.insert(id).inserted {
            id = candidate + "-\(suffix)"
            suffix += 1
        }
        return id
    }

    private func writeAssignments(_ db: Database, ids: GroupIds, groups: inout UnionFind, recordCount: Int) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.unify_assign")
        try db.execute(sql: "CREATE TEMP TABLE unify_assign (rid INTEGER PRIMARY KEY, customer_id TEXT NOT NULL)")
        let insert = try RawStatement(db, sql: "INSERT INTO unify_assign VALUES (?, ?)")
        guard recordCount > 0 else { return }
        for rid in 1...recordCount {
            guard let id = ids.id(of: groups.root(rid)) else { continue }
            insert.bind(rid, at: 1)
            insert.bind(id, at: 2)
            try insert.step()
        }
    }
}

/// The CustomerId of each group root: a 4-byte slot per record pointing into one list of ids (one per profile).
private struct GroupIds {
    private var slots: [Int32]
    private var ids: [String] = []

    init(recordCount: Int) {
        slots = Array(repeating: -1, count: recordCount + 1)
    }

    /// Whether `root` has an id.
    func has(_ root: Int) -> Bool { slots[root] >= 0 }

    /// The id of `root`, if any.
    func id(of root: Int) -> String? {
        let slot = slots[root]
        return slot >= 0 ? ids[Int(slot)] : nil
    }

    /// Gives `root` the id `id`.
    mutating func set(_ root: Int, _ id: String) throws {
        guard let slot = Int32(exactly: ids.count) else {
            throw InsightsError.queryFailed(source: "unification", reason: "more than \(Int32.max) profiles")
        }
        slots[root] = slot
        ids.append(id)
    }
}
