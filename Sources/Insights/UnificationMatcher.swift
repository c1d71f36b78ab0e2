import GRDB

/// Applies per-source deduplication, then the ordered match rules to `unify_record`, joining records into groups:
/// plain exact rules as one sorted pass each (`SortedKeyGrouper`), the others pairwise inside blocks (`PairMatcher`).
struct UnificationMatcher {
    let unification: UnificationDefinition
    /// Source names in match order.
    let sourceOrder: [String]

    /// Groups all records; returns the union-find structure and per-rule statistics (deduplication rules first).
    func match(_ db: Database, recordCount: Int) throws -> (UnionFind, [MatchRuleStats]) {
        var groups = UnionFind(count: recordCount)
        _ = try SortedKeyGrouper(columns: ["source", "record_key"], filter: "1").apply(db, into: &groups)
        var plan = MatchPlan()
        var steps: [Step] = []
        for dedup in orderedDeduplication {
            for rule in dedup.rules {
                plan.add(rule, within: dedup.source)
                steps.append(.pairwise(plan.rules.count - 1))
            }
        }
        for rule in unification.matchRules {
            if rule.isPlainExact {
                steps.append(.plain(rule))
            } else {
                plan.add(rule)
                steps.append(.pairwise(plan.rules.count - 1))
            }
        }
        let table = plan.rules.isEmpty ? nil : try loadTable(plan, db, recordCount: recordCount)
        let order = Dictionary(sourceOrder.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var stats: [MatchRuleStats] = []
        for step in steps {
            switch step {
            case .plain(let rule):
                stats.append(try applyPlain(rule, db, recordCount: recordCount, into: &groups))
            case .pairwise(let index):
                guard let table else { continue }
                let matcher = PairMatcher(plan: plan, table: table, sourceOrder: order)
                stats.append(matcher.apply(plan.rules[index], recordCount: recordCount, into: &groups))
            }
        }
        return (groups, stats)
    }

    private enum Step {
        case plain(UnificationDefinition.MatchRule)
        case pairwise(Int)
    }

    /// Deduplication entries in match order.
    private var orderedDeduplication: [UnificationDefinition.Deduplication] {
        (unification.deduplication ?? []).sorted {
            (sourceOrder.firstIndex(of: $0.source) ?? Int.max) < (sourceOrder.firstIndex(of: $1.source) ?? Int.max)
        }
    }

    /// Reads the raw values the plan needs from `unify_record` (ordered by rid, which runs 1...n).
    private func loadTable(_ plan: MatchPlan, _ db: Database, recordCount: Int) throws -> MatchTable {
        let columns = plan.rawFields.map { "CAST(\(SQLName.quoted($0)) AS TEXT)" }
        let sql = "SELECT rid, source\(columns.map { ", " + $0 }.joined()) FROM unify_record ORDER BY rid"
        var sources: [String] = []
        var values: [[String?]] = columns.map { _ in [] }
        sources.reserveCapacity(recordCount)
        for index in values.indices { values[index].reserveCapacity(recordCount) }
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() {
            let rid: Int = row[0]
            guard rid == sources.count + 1 else {
                throw InsightsError.queryFailed(source: "unification", reason: "record ids are not consecutive at \(rid)")
            }
            sources.append(row[1])
            for index in values.indices { values[index].append(row[index + 2]) }
        }
        return MatchTable(plan: plan, fields: unification.fields, sources: sources, columns: values)
    }

    private func applyPlain(_ rule: UnificationDefinition.MatchRule, _ db: Database, recordCount: Int, into groups: inout UnionFind) throws -> MatchRuleStats {
        let keys = rule.fields.compactMap { name in unification.fields.first { $0.name == name } }.map(UnificationStaging.keyColumn)
        let filter = keys.map { "\($0) IS NOT NULL" }.joined(separator: " AND ")
        let (matched, merges) = try SortedKeyGrouper(columns: keys, filter: filter).apply(db, into: &groups)
        let rate = recordCount == 0 ? 0 : Double(matched) / Double(recordCount)
        return MatchRuleStats(rule: rule.name, matchedRecords: matched, merges: merges, matchRate: rate)
    }
}
