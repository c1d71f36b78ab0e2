/// Compares two rows of a `MatchTable` under a compiled rule (missing values never match).
struct PairScorer {
    let table: MatchTable

    /// The result of one rule on one pair: per-condition scores (nil where a value is missing) of the best
    /// assignment of swap groups (a bit set: bit g set = group g compared swapped), and whether all conditions passed.
    struct Outcome: Equatable {
        let matched: Bool
        let swapMask: Int
        let scores: [Double?]

        /// True when some swap group was compared swapped.
        var swapped: Bool { swapMask != 0 }
    }

    /// Every assignment of the rule's swap groups (straight first).
    private func masks(_ rule: MatchPlan.Rule) -> Range<Int> { 0..<(1 << min(rule.swapGroups, 8)) }

    /// The slot of row b that `condition` compares with under `mask`.
    static func otherSlot(_ condition: MatchPlan.Condition, _ mask: Int) -> Int {
        guard let group = condition.swapGroup, mask & (1 << group) != 0 else { return condition.slot }
        return condition.swapSlot ?? condition.slot
    }

    /// True when rows `a` and `b` satisfy every condition of `rule` under some assignment of its swap groups (the
    /// pair is always compared lower row first, so the verdict does not depend on the argument order).
    func matches(_ rule: MatchPlan.Rule, _ first: Int, _ second: Int) -> Bool {
        let (a, b) = first < second ? (first, second) : (second, first)
        return masks(rule).contains { satisfies(rule, a, b, mask: $0) }
    }

    private func satisfies(_ rule: MatchPlan.Rule, _ a: Int, _ b: Int, mask: Int) -> Bool {
        for condition in rule.conditions {
            let other = Self.otherSlot(condition, mask)
            guard let left = table.values[condition.slot][a], let right = table.values[other][b] else { return false }
            if let threshold = condition.threshold {
                if left != right, !EditDistance.reaches(table.scalars[condition.slot][a], table.scalars[other][b], threshold: threshold) {
                    return false
                }
            } else if left != right {
                return false
            }
        }
        return true
    }

    /// Scores of every condition (exact: 1 or 0; fuzzy: the edit-distance score) under the first passing
    /// assignment of swap groups, or the best-scoring one when none passes.
    func outcome(_ rule: MatchPlan.Rule, _ first: Int, _ second: Int) -> Outcome {
        let (a, b) = first < second ? (first, second) : (second, first)
        var best: Outcome?
        for mask in masks(rule) {
            let scores = scores(rule, a, b, mask: mask)
            if passes(rule, scores) { return Outcome(matched: true, swapMask: mask, scores: scores) }
            if best.map({ total($0.scores) < total(scores) }) ?? true {
                best = Outcome(matched: false, swapMask: mask, scores: scores)
            }
        }
        return best ?? Outcome(matched: false, swapMask: 0, scores: [])
    }

    private func scores(_ rule: MatchPlan.Rule, _ a: Int, _ b: Int, mask: Int) -> [Double?] {
        rule.conditions.map { condition in
            let other = Self.otherSlot(condition, mask)
            guard let left = table.values[condition.slot][a], let right = table.values[other][b] else { return nil }
            if condition.threshold == nil { return left == right ? 1 : 0 }
            return EditDistance.score(EditDistance.scalars(left), EditDistance.scalars(right))
        }
    }

    private func passes(_ rule: MatchPlan.Rule, _ scores: [Double?]) -> Bool {
        zip(rule.conditions, scores).allSatisfy { condition, score in
            guard let score else { return false }
            return score >= (condition.threshold ?? 1) - 1e-9
        }
    }

    private func total(_ scores: [Double?]) -> Double { scores.reduce(0) { $0 + ($1 ?? 0) } }

    /// The first veto field of `rule` on which rows `a` and `b` both have a value and disagree.
    func vetoingField(_ rule: MatchPlan.Rule, _ a: Int, _ b: Int) -> Int? {
        rule.vetoes.first { field in
            guard let left = table.vetoValues[field][a], let right = table.vetoValues[field][b] else { return false }
            return left != right
        }
    }
}
