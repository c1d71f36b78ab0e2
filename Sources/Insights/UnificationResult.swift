import Foundation

/// Statistics of one match rule in a unification run.
public struct MatchRuleStats: Sendable, Equatable, Codable {
    public let rule: String
    /// Records that share this rule's key with at least one other record.
    public let matchedRecords: Int
    /// Merges this rule caused beyond the earlier rules.
    public let merges: Int
    /// `matchedRecords / recordsIn` (0 when there are no records).
    public let matchRate: Double
    /// Matching record pairs found by a pairwise (fuzzy, exception or scoped) rule, between records not yet in one
    /// profile; 0 for plain exact rules (matched set-wise).
    public var pairs: Int = 0
    /// Merges refused because an exception field disagreed.
    public var vetoed: Int = 0
    /// True for a rule matched pair by pair (fuzzy, exceptions, scope, deduplication), whose `pairs` count is
    /// meaningful even when 0; false for a plain exact rule matched set-wise (and in logs written before this field).
    public var pairwise = false
    /// The source a deduplication rule deduplicates (it runs before the match rules); nil for a match rule.
    public var deduplicates: String?

    enum CodingKeys: String, CodingKey { case rule, matchedRecords, merges, matchRate, pairs, vetoed, pairwise, deduplicates }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(String.self, forKey: .rule)
        matchedRecords = try container.decode(Int.self, forKey: .matchedRecords)
        merges = try container.decode(Int.self, forKey: .merges)
        matchRate = try container.decode(Double.self, forKey: .matchRate)
        pairs = try container.decodeIfPresent(Int.self, forKey: .pairs) ?? 0
        vetoed = try container.decodeIfPresent(Int.self, forKey: .vetoed) ?? 0
        pairwise = try container.decodeIfPresent(Bool.self, forKey: .pairwise) ?? false
        deduplicates = try container.decodeIfPresent(String.self, forKey: .deduplicates)
    }

    /// Statistics of one rule.
    public init(rule: String, matchedRecords: Int, merges: Int, matchRate: Double, pairs: Int = 0, vetoed: Int = 0, pairwise: Bool = false,
                deduplicates: String? = nil) {
        self.rule = rule
        self.pairwise = pairwise
        self.deduplicates = deduplicates
        self.matchedRecords = matchedRecords
        self.merges = merges
        self.matchRate = matchRate
        self.pairs = pairs
        self.vetoed = vetoed
    }
}

/// The outcome of a unification (map, match, merge) run.
public struct UnificationResult: Sendable, Equatable {
    public let refreshId: UUID
    public let startedAt: Date
    public let finishedAt: Date
    public let recordsIn: Int
    public let profilesOut: Int
    public let ruleStats: [MatchRuleStats]

    /// `1 - profilesOut / recordsIn`: the share of records absorbed into another record's profile.
    public var matchRate: Double {
        recordsIn == 0 ? 0 : Double(recordsIn - profilesOut) / Double(recordsIn)
    }
}
