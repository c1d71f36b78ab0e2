import Testing
@testable import Insights

/// Blocked pairwise matching gives the same profiles as comparing every pair.
struct BlockingCorrectnessTests {
    private static let fields: [UnificationDefinition.Field] = ["zip", "given", "surname"].map { .init($0, .string) }

    private func randomRows(_ count: Int, seed: UInt64) -> ([String], [[String?]]) {
        var random = SeededRandom(seed: seed)
        let syllables = ["an", "na", "be", "rg", "ma", "ri", "jo", "ne", "s"]
        func word() -> String? {
            if Int.random(in: 0..<12, using: &random) == 0 { return nil }
            return (0..<Int.random(in: 1...3, using: &random)).map { _ in syllables[Int.random(in: 0..<syllables.count, using: &random)] }.joined()
        }
        let rows = (0..<count).map { _ -> [String?] in
            [Int.random(in: 0..<10, using: &random) == 0 ? nil : String(Int.random(in: 0..<6, using: &random)), word(), word()]
        }
        let sources = (0..<count).map { _ in Int.random(in: 0..<2, using: &random) == 0 ? "a" : "b" }
        return (sources, rows)
    }

    private func partition(_ groups: inout UnionFind, _ count: Int) -> [Int] {
        (1...count).map { groups.root($0) }.map { root in (1...count).first { groups.root($0) == root } ?? 0 }
    }

    @Test(arguments: [UnificationDefinition.MatchScope.all, .acrossSources])
    func blockedEqualsBruteForce(scope: UnificationDefinition.MatchScope) {
        let rule = UnificationDefinition.MatchRule(name: "r", conditions: [
            MatchCondition("zip"),
            MatchCondition("given", precision: .medium, swapWith: "surname"),
            MatchCondition("surname", precision: .fuzzy(percent: 50), swapWith: "given"),
        ], scope: scope)
        var plan = MatchPlan()
        plan.add(rule)
        for seed in UInt64(1)...5 {
            let (sources, rows) = randomRows(400, seed: seed)
            let table = MatchTable(plan: plan, fields: Self.fields, sources: sources, rows: rows)
            var blocked = UnionFind(count: rows.count)
            let stats = PairMatcher(plan: plan, table: table, sourceOrder: ["a": 0, "b": 1]).apply(plan.rules[0], recordCount: rows.count, into: &blocked)
            var brute = UnionFind(count: rows.count)
            let scorer = PairScorer(table: table)
            var pairs = 0
            for b in rows.indices {
                for a in 0..<b where scope == .all || sources[a] != sources[b] {
                    if scorer.matches(plan.rules[0], a, b) {
                        pairs += 1
                        brute.union(a + 1, b + 1)
                    }
                }
            }
            #expect(pairs > 10, "the data has matches to find")
            #expect(stats.merges > 5)
            #expect(partition(&blocked, rows.count) == partition(&brute, rows.count), "seed \(seed)")
        }
    }

    @Test func outcomeAgreesWithMatches() {
        let rule = UnificationDefinition.MatchRule(name: "r", conditions: [
            MatchCondition("given", precision: .medium, swapWith: "surname"),
            MatchCondition("surname", precision: .high, swapWith: "given"),
        ])
        var plan = MatchPlan()
        plan.add(rule)
        let (sources, rows) = randomRows(120, seed: 9)
        let table = MatchTable(plan: plan, fields: Self.fields, sources: sources, rows: rows)
        let scorer = PairScorer(table: table)
        var matches = 0
        for b in rows.indices {
            for a in 0..<b {
                let matched = scorer.matches(plan.rules[0], a, b)
                #expect(scorer.outcome(plan.rules[0], a, b).matched == matched)
                if matched { matches += 1 }
            }
        }
        #expect(matches > 0)
    }

    @Test func fuzzyRuleWithoutExactConditionIsWarnedAbout() {
        var definition = PeopleWorkspace.definition([
            .init(name: "loose", conditions: [MatchCondition("given", precision: .high)]),
            .init(name: "blocked", conditions: [MatchCondition("dob"), MatchCondition("given", precision: .high)]),
            .init(name: "plain", fields: ["dob"]),
        ])
        #expect(definition.unification.warnings.count == 1)
        #expect(definition.unification.warnings.first?.contains("'loose'") == true)
        definition.unification.matchRules.removeFirst()
        #expect(definition.unification.warnings.isEmpty)
    }
}
