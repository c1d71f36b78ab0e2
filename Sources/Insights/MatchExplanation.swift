/// A customer source record named by its source and key ("crm:42").
public struct RecordRef: Codable, Sendable, Hashable, CustomStringConvertible {
    public let source: String
    public let key: String

    public init(source: String, key: String) {
        self.source = source
        self.key = key
    }

    /// Parses "source:key" (the key may contain colons); nil without a colon.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return nil }
        source = String(text[..<colon])
        key = String(text[text.index(after: colon)...])
    }

    public var description: String { "\(source):\(key)" }
}

/// One condition's score in a pair comparison.
public struct ConditionScore: Codable, Sendable, Equatable {
    public let field: String
    /// The other record's field compared (differs from `field` when names were swapped).
    public let comparedWith: String
    /// "exact" or the fuzzy threshold in percent.
    public let precision: String
    /// 0...1; nil when a value is missing (a missing value never matches).
    public let score: Double?
    public let passed: Bool
}

/// How one rule judged a pair of records.
public struct RuleVerdict: Codable, Sendable, Equatable {
    public let rule: String
    public let matched: Bool
    public let swapped: Bool
    public let conditions: [ConditionScore]
    /// The exception field that disagreed (the rule matched but may not join them), if any.
    public let vetoedBy: String?
    /// Why the rule does not apply to this pair at all (e.g. both records from one source), if so.
    public let notApplicable: String?
}

/// An edge of a profile: two records joined by a rule.
public struct MatchLink: Codable, Sendable, Equatable {
    public let from: RecordRef
    public let to: RecordRef
    public let verdict: RuleVerdict
}

/// Which records make up a unified profile and which rule joined each.
public struct ProfileExplanation: Codable, Sendable, Equatable {
    public let customerId: String
    public let records: [RecordRef]
    /// A spanning tree of the profile: each record after the first is reached by one link.
    public let links: [MatchLink]
    /// Records the rules alone no longer join to the rest (e.g. after the source data changed since the refresh).
    public let unexplained: [RecordRef]
}

/// Why two records are in one profile or apart.
public struct PairExplanation: Codable, Sendable, Equatable {
    public let first: RecordRef
    public let second: RecordRef
    public let firstCustomerId: String?
    public let secondCustomerId: String?
    /// Every rule's verdict on the pair, deduplication rules first.
    public let verdicts: [RuleVerdict]
    /// When together: the chain of links between them in their profile.
    public let path: [MatchLink]

    public var together: Bool { firstCustomerId != nil && firstCustomerId == secondCustomerId }
}
