import GRDB

/// Merges each group's records into one profile row of `customer_next`, choosing field values by policy.
struct ProfileMerger {
    let fields: [UnificationDefinition.Field]
    let policy: UnificationDefinition.MergePolicy

    /// Builds `customer_next` (one row per CustomerId) from `unify_assign` and `unify_record`.
    func merge(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS customer_next")
        try InsightsStore.ensureCustomerTable(db, fields: fields, name: "customer_next")
        let names = fields.map { "r." + SQLName.quoted($0.name) }
        let select = (["a.customer_id", "r.updated"] + names).joined(separator: ", ")
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT \(select) FROM unify_assign a JOIN unify_record r ON r.rid = a.rid
            ORDER BY a.customer_id, r.rank, r.rid
            """)
        let marks = Array(repeating: "?", count: fields.count + 1).joined(separator: ", ")
        let insert = try RawStatement(db, sql: "INSERT INTO customer_next VALUES (\(marks))")
        var current: String?
        var chosen: [Candidate?] = []
        while let row = try cursor.next() {
            let id: String = row[0]
            if id != current {
                if let current { try write(current, chosen, insert) }
                current = id
                chosen = Array(repeating: nil, count: fields.count)
            }
            consider(row, into: &chosen)
        }
        if let current { try write(current, chosen, insert) }
    }

    /// A candidate value for one field with its record's update time.
    private struct Candidate {
        let value: DatabaseValue
        let updated: String?
    }

    private func consider(_ row: Row, into chosen: inout [Candidate?]) {
        let updated: String? = row[1]
        for index in fields.indices {
            let value: DatabaseValue = row[index + 2]
            if value.isNull { continue }
            if case .string(let text) = value.storage, text.isEmpty { continue }
            guard let existing = chosen[index] else {
                chosen[index] = Candidate(value: value, updated: updated)
                continue
            }
            if policy == .mostRecent, let updated, updated > (existing.updated ?? "") {
                chosen[index] = Candidate(value: value, updated: updated)
            }
        }
    }

    private func write(_ id: String, _ chosen: [Candidate?], _ insert: RawStatement) throws {
        insert.bind(id, at: 1)
        for (index, candidate) in chosen.enumerated() { insert.bind(candidate?.value ?? .null, at: Int32(index + 2)) }
        try insert.step()
    }
}
