import Foundation

/// Match statistics and explanations as plain text lines: one wording shared by `insightflow workspace
/// matches|why|explain` and the designer's Data > Unification screen.
public enum ExplanationText {
    /// The headline of the last unification: "2026-12-05 10:00:00: 91 records → 51 profiles".
    public static func summary(_ last: LastUnification) -> String {
        "\(last.finishedAt): \(last.recordsIn) records → \(last.profilesOut) profiles"
    }

    /// The statistics table's header, one column per `statsRow` cell.
    public static let statsHeader = ["RULE", "STAGE", "PAIRS", "RECORDS MATCHED", "MERGES", "VETOED"]

    /// One rule's statistics: name, stage ("match" or "dedup SOURCE"), pairs ("-" for a plain exact rule matched
    /// set-wise, which counts no pairs),
    /// records matched, merges, vetoed merges.
    public static func statsRow(_ stats: MatchRuleStats) -> [String] {
        [stats.rule, stats.deduplicates.map { "dedup \($0)" } ?? "match", stats.pairwise || stats.pairs > 0 || stats.vetoed > 0 ? String(stats.pairs) : "-",
         String(stats.matchedRecords), String(stats.merges), String(stats.vetoed)]
    }

    /// One line per condition: field, precision, score, pass or fail ("given~surname [60%] 0.80 ✓").
    public static func conditions(_ conditions: [ConditionScore]) -> [String] {
        conditions.map { condition in
            let compared = condition.comparedWith == condition.field ? condition.field : "\(condition.field)~\(condition.comparedWith)"
            let score = condition.score.map { String(format: "%.2f", $0) } ?? "missing"
            return "\(compared) [\(condition.precision)] \(score) \(condition.passed ? "✓" : "✗")"
        }
    }

    /// "a and b are together in profile C…" or "a and b are apart (profiles … and …)".
    public static func pairHeadline(_ explanation: PairExplanation) -> String {
        let state = explanation.together ? "together in profile \(explanation.firstCustomerId ?? "")"
            : "apart (profiles \(explanation.firstCustomerId ?? "none") and \(explanation.secondCustomerId ?? "none"))"
        return "\(explanation.first) and \(explanation.second) are \(state)"
    }

    /// A rule's verdict on a pair: "rule 'Email': no match", "… matches, but exception 'dob' disagrees: kept apart".
    public static func verdict(_ verdict: RuleVerdict) -> String {
        let outcome = verdict.notApplicable.map { "does not apply: \($0)" }
            ?? verdict.vetoedBy.map { "matches, but exception '\($0)' disagrees: kept apart" }
            ?? (verdict.matched ? "matches\(verdict.swapped ? " (names swapped)" : "")" : "no match")
        return "rule '\(verdict.rule)': \(outcome)"
    }

    /// The chain of links joining two records of one profile, when longer than one link.
    public static func path(_ explanation: PairExplanation) -> String? {
        guard explanation.path.count > 1 else { return nil }
        return "joined through: " + explanation.path.map { "\($0.from) + \($0.to) (\($0.verdict.rule))" }.joined(separator: ", ")
    }

    /// "Profile C…: 3 record(s)".
    public static func profileHeadline(_ explanation: ProfileExplanation) -> String {
        "Profile \(explanation.customerId): \(explanation.records.count) record(s)"
    }

    /// "a + b by rule 'Email'" (with "(names swapped)" when the rule matched the names the other way round).
    public static func link(_ link: MatchLink) -> String {
        "\(link.from) + \(link.to) by rule '\(link.verdict.rule)'\(link.verdict.swapped ? " (names swapped)" : "")"
    }

    /// A record of a profile that the rules no longer join to the others.
    public static func unexplained(_ record: RecordRef) -> String {
        "\(record): no rule joins it to the others with the sources' current data (joined at the last refresh)"
    }
}
