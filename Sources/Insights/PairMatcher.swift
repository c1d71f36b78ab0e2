/// Runs pairwise rules over a `MatchTable`: records are blocked on each rule's exact conditions and compared
/// inside a block only; merges that an exception vetoes are refused (row i is union-find element i + 1).
struct PairMatcher {
    let plan: MatchPlan
    let table: MatchTable
    /// Rank of each source in the match order (earlier sources are compared first within a block).
    let sourceOrder: [String: Int]

    /// Applies `rule` to the groups; returns its statistics.
    func apply(_ rule: MatchPlan.Rule, recordCount: Int, into groups: inout UnionFind) -> MatchRuleStats {
        let scorer = PairScorer(table: table)
        var vetoes = VetoGuard(table: table, groups: &groups, fields: rule.vetoes)
        var matchedRows = Set<Int>()
        var pairs = 0
        var merges = 0
        var vetoed = 0
        for block in blocks(rule) {
            for i in 1..<block.count {
                let b = block[i]
                for j in 0..<i {
                    let a = block[j]
                    if rule.scope == .acrossSources, table.sources[a] == table.sources[b] { continue }
                    if groups.root(a + 1) == groups.root(b + 1) { continue }
                    guard scorer.matches(rule, a, b) else { continue }
                    pairs += 1
                    matchedRows.insert(a)
                    matchedRows.insert(b)
                    if vetoes.disagreement(a + 1, b + 1, groups: &groups) != nil {
                        vetoed += 1
                    } else if vetoes.union(a + 1, b + 1, groups: &groups) {
                        merges += 1
                    }
                }
            }
        }
        let rate = recordCount == 0 ? 0 : Double(matchedRows.count) / Double(recordCount)
        var deduplicates: String?
        if case .within(let source) = rule.scope { deduplicates = source }
        return MatchRuleStats(rule: rule.name, matchedRecords: matchedRows.count, merges: merges, matchRate: rate, pairs: pairs, vetoed: vetoed,
                              pairwise: true, deduplicates: deduplicates)
    }

    /// Rows grouped by the rule's blocking key (rows missing a blocking value are left out: missing never matches),
    /// each block in match order; one block of every eligible row when the rule has no exact condition.
    func blocks(_ rule: MatchPlan.Rule) -> [[Int]] {
        var byKey: [String: [Int]] = [:]
        let blockingSlots = rule.blocking.map { rule.conditions[$0].slot }
        rows: for row in 0..<table.count {
            if case .within(let source) = rule.scope, table.sources[row] != source { continue }
            var key = ""
            for slot in blockingSlots {
                guard let value = table.values[slot][row] else { continue rows }
                key += value
                key += "\u{1F}"
            }
            byKey[key, default: []].append(row)
        }
        let order = sourceOrder
        return byKey.values.filter { $0.count > 1 }
            .map { block in
                block.sorted { (order[table.sources[$0]] ?? Int.max, $0) < (order[table.sources[$1]] ?? Int.max, $1) }
            }
            .sorted { ($0.min() ?? 0) < ($1.min() ?? 0) }
    }
}
