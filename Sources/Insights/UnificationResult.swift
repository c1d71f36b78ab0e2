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
