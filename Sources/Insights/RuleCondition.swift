/// A comparison operator of a segment rule or measure filter.
public enum RuleOperator: String, Codable, Sendable {
    case equal = "="
    case notEqual = "!="
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
    case contains
    case startsWith
    case isEmpty
    case isNotEmpty
    case inLastDays
}

/// A literal value in a rule: text, number or boolean.
public enum RuleValue: Codable, Sendable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        }
    }

    /// The number this value holds, if it is numeric (or numeric text).
    var numberValue: Double? {
        switch self {
        case .number(let number): number
        case .text(let text): Double(text)
        case .bool(let flag): flag ? 1 : 0
        }
    }
}

/// One condition: on a field (profile field or activity column), a customer-level measure, or segment membership.
public struct RuleCondition: Codable, Sendable, Equatable {
    public var field: String?
    public var measure: String?
    public var segment: String?
    public var op: RuleOperator?
    public var value: RuleValue?

    public init(field: String? = nil, measure: String? = nil, segment: String? = nil, op: RuleOperator? = nil, value: RuleValue? = nil) {
        self.field = field
        self.measure = measure
        self.segment = segment
        self.op = op
        self.value = value
    }

    /// The operator, defaulting to "=".
    var effectiveOperator: RuleOperator { op ?? .equal }
}

/// A rule tree: conditions combined with AND ("all") / OR ("any") groups.
public indirect enum SegmentRule: Codable, Sendable, Equatable {
    case all([SegmentRule])
    case any([SegmentRule])
    case condition(RuleCondition)

    enum CodingKeys: String, CodingKey { case all, any }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let rules = try container.decodeIfPresent([SegmentRule].self, forKey: .all) {
            self = .all(rules)
        } else if let rules = try container.decodeIfPresent([SegmentRule].self, forKey: .any) {
            self = .any(rules)
        } else {
            self = .condition(try RuleCondition(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .all(let rules):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rules, forKey: .all)
        case .any(let rules):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rules, forKey: .any)
        case .condition(let condition):
            try condition.encode(to: encoder)
        }
    }

    /// Every condition in the tree, depth first.
    var conditions: [RuleCondition] {
        switch self {
        case .all(let rules), .any(let rules): rules.flatMap(\.conditions)
        case .condition(let condition): [condition]
        }
    }
}
