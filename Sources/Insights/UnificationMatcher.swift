import GRDB

/// Applies the ordered match rules to `unify_record`, joining matching records into groups.
struct UnificationMatcher {
    let rules: [UnificationDefinition.MatchRule]
    let fields: [UnificationDefinition.Field]

    /// Groups all records; returns the union-find structure and per-rule statistics.
    func match(_ db: Database, recordCount: Int) throws -> (UnionFind, [MatchRuleStats]) {
        var groups = UnionFind(count: recordCount)
        _ = try apply(partition: "source, record_key", filter: "1", db, into: &groups)
        var stats: [MatchRuleStats] = []
        for rule in rules {
            let keys = rule.fields.compactMap { name in fields.first { $0.name == name } }.map(UnificationStaging.keyColumn)
            let filter = keys.map { "\($0) IS NOT NULL" }.joined(separator: " AND ")
            let (matched, merges) = try apply(partition: keys.joined(separator: ", "), filter: filter, db, into: &groups)
            let rate = recordCount == 0 ? 0 : Double(matched) / Double(recordCount)
            stats.append(MatchRuleStats(rule: rule.name, matchedRecords: matched, merges: merges, matchRate: rate))
        }
        return (groups, stats)
    }

    /// Unions every record with the first record sharing its key; returns (matched records, merges).
    private func apply(partition: String, filter: String, _ db: Database, into groups: inout UnionFind) throws -> (Int, Int) {
        let sql = """
            SELECT rid, first_value(rid) OVER w, count(*) OVER w FROM unify_record
            WHERE \(filter) WINDOW w AS (PARTITION BY \(partition) ORDER BY rid
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
            """
        var matched = 0
        var merges = 0
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() {
            let size: Int = row[2]
            guard size > 1 else { continue }
            matched += 1
            if groups.union(row[0], row[1]) { merges += 1 }
        }
        return (matched, merges)
    }
}
