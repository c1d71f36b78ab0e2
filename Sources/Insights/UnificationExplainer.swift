import Foundation
import GRDB

/// Re-runs the match rules on a few records (from the sources' last good data) to explain profiles and pairs.
struct UnificationExplainer {
    let definition: WorkspaceDefinition

    /// Every rule as pairwise (plain exact rules too), deduplication rules first, in match order.
    private var plan: MatchPlan {
        var plan = MatchPlan()
        for dedup in definition.unification.deduplication ?? [] {
            for rule in dedup.rules { plan.add(rule, within: dedup.source) }
        }
        for rule in definition.unification.matchRules { plan.add(rule) }
        return plan
    }

    /// The explanation of profile `customerId`; nil when no record links to it.
    func explain(customerId: String, _ db: Database) throws -> ProfileExplanation? {
        let refs = try Row.fetchAll(db, sql: "SELECT source, record_key FROM customer_link WHERE customer_id = ? ORDER BY source, record_key",
                                    arguments: [customerId]).map { RecordRef(source: $0[0], key: $0[1]) }
        if refs.isEmpty { return nil }
        let plan = plan
        let table = try table(refs, plan, db)
        let scorer = PairScorer(table: table)
        var groups = UnionFind(count: refs.count)
        var links: [MatchLink] = []
        for rule in plan.rules {
            var vetoes = VetoGuard(table: table, groups: &groups, fields: rule.vetoes)
            for b in refs.indices {
                for a in 0..<b where groups.root(a + 1) != groups.root(b + 1) && applies(rule, table, a, b) == nil {
                    let outcome = scorer.outcome(rule, a, b)
                    guard outcome.matched, vetoes.disagreement(a + 1, b + 1, groups: &groups) == nil else { continue }
                    _ = vetoes.union(a + 1, b + 1, groups: &groups)
                    links.append(MatchLink(from: refs[a], to: refs[b], verdict: verdict(rule, plan, outcome, vetoedBy: nil, notApplicable: nil)))
                }
            }
        }
        let anchor = groups.root(1)
        let unexplained = refs.indices.filter { groups.root($0 + 1) != anchor }.map { refs[$0] }
        return ProfileExplanation(customerId: customerId, records: refs, links: links, unexplained: unexplained)
    }

    /// Every rule's verdict on `first` and `second`, and the chain joining them when they share a profile.
    func explain(_ first: RecordRef, _ second: RecordRef, _ db: Database) throws -> PairExplanation {
        let plan = plan
        let table = try table([first, second], plan, db)
        let scorer = PairScorer(table: table)
        let verdicts = plan.rules.map { rule -> RuleVerdict in
            let outcome = scorer.outcome(rule, 0, 1)
            let veto = outcome.matched ? scorer.vetoingField(rule, 0, 1).map { plan.vetoFields[$0] } : nil
            return verdict(rule, plan, outcome, vetoedBy: veto, notApplicable: applies(rule, table, 0, 1))
        }
        let ids = try [first, second].map { ref in
            try String.fetchOne(db, sql: "SELECT customer_id FROM customer_link WHERE source = ? AND record_key = ?", arguments: [ref.source, ref.key])
        }
        var path: [MatchLink] = []
        if let id = ids[0], id == ids[1], let profile = try explain(customerId: id, db) {
            path = Self.path(from: first, to: second, in: profile.links)
        }
        return PairExplanation(first: first, second: second, firstCustomerId: ids[0], secondCustomerId: ids[1], verdicts: verdicts, path: path)
    }

    /// Why `rule` cannot join rows `a` and `b` regardless of their values, if so.
    private func applies(_ rule: MatchPlan.Rule, _ table: MatchTable, _ a: Int, _ b: Int) -> String? {
        switch rule.scope {
        case .all: return nil
        case .acrossSources:
            return table.sources[a] == table.sources[b] ? "matches records of different sources only" : nil
        case .within(let source):
            return table.sources[a] == source && table.sources[b] == source ? nil : "deduplicates source '\(source)' only"
        }
    }

    private func verdict(_ rule: MatchPlan.Rule, _ plan: MatchPlan, _ outcome: PairScorer.Outcome, vetoedBy: String?, notApplicable: String?) -> RuleVerdict {
        let conditions = zip(rule.conditions, outcome.scores).map { condition, score in
            let other = plan.slots[PairScorer.otherSlot(condition, outcome.swapMask)].field
            let precision = condition.threshold.map { "\(Int(($0 * 100).rounded()))%" } ?? "exact"
            return ConditionScore(field: condition.field, comparedWith: other, precision: precision, score: score,
                                  passed: score.map { $0 >= (condition.threshold ?? 1) - 1e-9 } ?? false)
        }
        return RuleVerdict(rule: rule.name, matched: outcome.matched && notApplicable == nil, swapped: outcome.swapped,
                           conditions: conditions, vetoedBy: vetoedBy, notApplicable: notApplicable)
    }

    /// The unified-field values of `refs` from their sources' tables, normalized for `plan`.
    private func table(_ refs: [RecordRef], _ plan: MatchPlan, _ db: Database) throws -> MatchTable {
        let rows = try refs.map { ref -> [String?] in
            guard let source = definition.source(named: ref.source), let key = source.keyColumn,
                  try InsightsStore.hasData(db, source: source) else {
                return plan.rawFields.map { _ in nil }
            }
            let inverse = Dictionary((source.mapping ?? [:]).map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
            let columns = plan.rawFields.map { field in inverse[field].map { "CAST(\(SQLName.quoted($0)) AS TEXT)" } ?? "NULL" }
            let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(source.tableName) WHERE CAST(\(SQLName.quoted(key)) AS TEXT) = ? LIMIT 1"
            guard let row = try Row.fetchOne(db, sql: sql, arguments: [ref.key]) else { return plan.rawFields.map { _ in nil } }
            return (0..<columns.count).map { row[$0] }
        }
        return MatchTable(plan: plan, fields: definition.unification.fields, sources: refs.map(\.source), rows: rows)
    }

    /// The links on the way from `start` to `goal` in a spanning tree.
    static func path(from start: RecordRef, to goal: RecordRef, in links: [MatchLink]) -> [MatchLink] {
        var previous: [RecordRef: MatchLink] = [:]
        var queue = [start]
        var seen: Set<RecordRef> = [start]
        while !queue.isEmpty {
            let node = queue.removeFirst()
            if node == goal { break }
            for link in links where link.from == node || link.to == node {
                let next = link.from == node ? link.to : link.from
                if seen.insert(next).inserted {
                    previous[next] = link
                    queue.append(next)
                }
            }
        }
        var chain: [MatchLink] = []
        var node = goal
        while let link = previous[node] {
            chain.append(link)
            node = link.from == node ? link.to : link.from
        }
        return chain.reversed()
    }
}

extension Workspace {
    /// Which records make up profile `customerId` and which rules joined them (nil if no such profile).
    ///
    /// Nonisolated: it only reads the store, so the designer can ask synchronously (a few records, milliseconds).
    public nonisolated func explainProfile(_ customerId: String) throws -> ProfileExplanation? {
        let explainer = UnificationExplainer(definition: definition)
        return try pool.read { db in try explainer.explain(customerId: customerId, db) }
    }

    /// Why records `first` and `second` are in one profile or apart: every rule's verdict with condition scores.
    public nonisolated func explainPair(_ first: RecordRef, _ second: RecordRef) throws -> PairExplanation {
        let explainer = UnificationExplainer(definition: definition)
        return try pool.read { db in try explainer.explain(first, second, db) }
    }
}

/// The last unification's totals and per-rule statistics, as logged.
public struct LastUnification: Codable, Sendable, Equatable {
    public let finishedAt: String
    public let recordsIn: Int
    public let profilesOut: Int
    public let rules: [MatchRuleStats]
}

extension Workspace {
    /// The most recent unification's statistics; nil before the first one.
    public nonisolated func lastUnification() throws -> LastUnification? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT CAST(finished_at AS TEXT), records_in, profiles_out, rule_stats FROM unification_log ORDER BY rowid DESC LIMIT 1
                """) else { return nil }
            let stats = try JSONDecoder().decode([MatchRuleStats].self, from: Data((row[3] as String).utf8))
            return LastUnification(finishedAt: row[0], recordsIn: row[1], profilesOut: row[2], rules: stats)
        }
    }
}
