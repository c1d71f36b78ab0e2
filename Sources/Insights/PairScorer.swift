/// Compares two rows of a `MatchTable` under a compiled rule (missing values never match).
struct PairScorer {
    let table: MatchTable

    /// The result of one rule on one pair: per-condition scores (nil where a value is missing) of the better
    /// assignment (straight or swapped), and whether every condition reached its precision.
    struct Outcome: Equatable {
        let matched: Bool
        let swapped: Bool
        let scores: [Double?]
    }

    /// True when rows `a` and `b` satisfy every condition of `rule`, straight or with swapped fields (the pair is
    /// always compared lower row first, so the verdict does not depend on the argument order).
    func matches(_ rule: MatchPlan.Rule, _ first: Int, _ second: Int) -> Bool {
        let (a, b) = first < second ? (first, second) : (second, first)
        if satisfies(rule, a, b, swapped: false) { return true }
        return rule.conditions.contains { $0.swapSlot != nil } && satisfies(rule, a, b, swapped: true)
    }

    private func satisfies(_ rule: MatchPlan.Rule, _ a: Int, _ b: Int, swapped: Bool) -> Bool {
        for condition in rule.conditions {
            let other = swapped ? (condition.swapSlot ?? condition.slot) : condition.slot
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

    /// Scores of every condition (exact: 1 or 0; fuzzy: the edit-distance score), straight and swapped.
    func outcome(_ rule: MatchPlan.Rule, _ first: Int, _ second: Int) -> Outcome {
        let (a, b) = first < second ? (first, second) : (second, first)
        let straight = scores(rule, a, b, swapped: false)
        let hasSwap = rule.conditions.contains { $0.swapSlot != nil }
        let swappedScores = hasSwap ? scores(rule, a, b, swapped: true) : straight
        let straightOK = passes(rule, straight)
        let swappedOK = hasSwap && passes(rule, swappedScores)
        if straightOK { return Outcome(matched: true, swapped: false, scores: straight) }
        if swappedOK { return Outcome(matched: true, swapped: true, scores: swappedScores) }
        let useSwap = hasSwap && total(swappedScores) > total(straight)
        return Outcome(matched: false, swapped: useSwap, scores: useSwap ? swappedScores : straight)
    }

    private func scores(_ rule: MatchPlan.Rule, _ a: Int, _ b: Int, swapped: Bool) -> [Double?] {
        rule.conditions.map { condition in
            let other = swapped ? (condition.swapSlot ?? condition.slot) : condition.slot
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
