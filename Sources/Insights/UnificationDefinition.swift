/// How source customer records are mapped, matched and merged into unified profiles.
public struct UnificationDefinition: Codable, Sendable, Equatable {
    /// A field of the unified customer profile.
    public struct Field: Codable, Sendable, Equatable {
        public var name: String
        /// The type as written in the definition file; validated on load.
        public var typeName: String
        /// How values are normalized before matching: "email", "phone" or "text" (default).
        public var normalize: Normalization?

        enum CodingKeys: String, CodingKey {
            case name, normalize
            case typeName = "type"
        }

        public init(_ name: String, _ type: ColumnType, normalize: Normalization? = nil) {
            self.name = name
            self.typeName = type.rawValue
            self.normalize = normalize
        }

        /// The parsed type (validated on load).
        public var type: ColumnType { ColumnType(rawValue: typeName) ?? .string }
    }

    /// Normalization applied to a field before matching.
    public enum Normalization: String, Codable, Sendable { case email, phone, text }

    /// Which record pairs a rule may join.
    public enum MatchScope: String, Codable, Sendable {
        /// Any two records (the default; also deduplicates inside a source).
        case all
        /// Only records of different sources (cross-source matching after per-source deduplication).
        case acrossSources
    }

    /// An ordered match rule: records that satisfy all its conditions are the same person.
    ///
    /// `fields` is the short form (exact conditions with each field's own normalization); `conditions` adds
    /// precision, normalizations, aliases and name swapping. `exceptions` names fields that must not disagree.
    public struct MatchRule: Codable, Sendable, Equatable {
        public var name: String
        public var fields: [String]
        public var conditions: [MatchCondition]?
        /// Unified fields that must not disagree (both present and different after normalization) within a profile
        /// this rule would create; such merges are refused and counted as vetoed.
        public var exceptions: [String]?
        public var scope: MatchScope?

        enum CodingKeys: String, CodingKey { case name, fields, conditions, exceptions, scope }

        public init(
            name: String, fields: [String] = [], conditions: [MatchCondition]? = nil,
            exceptions: [String]? = nil, scope: MatchScope? = nil
        ) {
            self.name = name
            self.fields = fields
            self.conditions = conditions
            self.exceptions = exceptions
            self.scope = scope
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            fields = try container.decodeIfPresent([String].self, forKey: .fields) ?? []
            conditions = try container.decodeIfPresent([MatchCondition].self, forKey: .conditions)
            exceptions = try container.decodeIfPresent([String].self, forKey: .exceptions)
            scope = try container.decodeIfPresent(MatchScope.self, forKey: .scope)
        }

        /// The `fields` as exact conditions, then the written `conditions`.
        public var allConditions: [MatchCondition] { fields.map { MatchCondition($0) } + (conditions ?? []) }

        /// True when the rule is plain exact matching on fields (run as one set-based SQL pass).
        var isPlainExact: Bool {
            (conditions ?? []).isEmpty && (exceptions ?? []).isEmpty && (scope ?? .all) == .all
        }
    }

    /// Rules that deduplicate one source before cross-source matching.
    public struct Deduplication: Codable, Sendable, Equatable {
        public var source: String
        public var rules: [MatchRule]

        public init(source: String, rules: [MatchRule]) {
            self.source = source
            self.rules = rules
        }
    }

    /// How a profile's field value is chosen among its records.
    public enum MergePolicy: String, Codable, Sendable { case precedence, mostRecent }

    public var fields: [Field]
    public var matchRules: [MatchRule]
    /// Per-source deduplication, run before `matchRules`.
    public var deduplication: [Deduplication]?
    /// Customer sources in the order they are matched (records of earlier sources are compared first, so they win
    /// when an exception keeps two candidates apart); defaults to `precedence` order.
    public var matchOrder: [String]?
    public var merge: MergePolicy?
    /// Customer source names, most trusted first.
    public var precedence: [String]?

    public init(fields: [Field], matchRules: [MatchRule], merge: MergePolicy? = nil, precedence: [String]? = nil) {
        self.fields = fields
        self.matchRules = matchRules
        self.merge = merge
        self.precedence = precedence
    }

    /// The field with this name, if declared.
    func field(named name: String) -> Field? { fields.first { $0.name == name } }
}

extension UnificationDefinition {
    /// Advice about the rules that does not stop loading, e.g. a fuzzy rule without an exact condition (the
    /// reference advises every fuzzy rule keep one: without it every pair of records is compared).
    public var warnings: [String] {
        let named = matchRules.map { ("match rule '\($0.name)'", $0) }
            + (deduplication ?? []).flatMap { dedup in dedup.rules.map { ("deduplication rule '\($0.name)' of '\(dedup.source)'", $0) } }
        return named.compactMap { item, rule in
            let conditions = rule.allConditions
            let fuzzy = conditions.contains { $0.effectivePrecision != .exact }
            let blocking = conditions.contains { $0.effectivePrecision == .exact && $0.swapWith == nil }
            guard !blocking, fuzzy || !rule.isPlainExact else { return nil }
            return "\(item) has no exact condition (without swapWith): every pair of records is compared, which is slow on large data; add an exact condition such as a postcode or birth date"
        }
    }
}
