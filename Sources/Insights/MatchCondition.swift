/// How close two values must be for a match condition: exact, or fuzzy with a minimum score in percent.
///
/// Written in `workspace.json` as `"exact"`, `"low"` (30 %), `"medium"` (60 %), `"high"` (80 %) or a whole
/// number of percent from 1 to 100 (the reference's custom precision in 1 % steps).
public enum MatchPrecision: Codable, Sendable, Equatable {
    case exact
    case fuzzy(percent: Int)

    /// The reference's named precisions.
    public static let low = MatchPrecision.fuzzy(percent: 30)
    public static let medium = MatchPrecision.fuzzy(percent: 60)
    public static let high = MatchPrecision.fuzzy(percent: 80)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let percent = try? container.decode(Int.self) {
            self = .fuzzy(percent: percent)
            return
        }
        let word = try container.decode(String.self)
        switch word.lowercased() {
        case "exact": self = .exact
        case "low": self = .low
        case "medium": self = .medium
        case "high": self = .high
        default:
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown precision '\(word)'; use exact, low, medium, high or a percent from 1 to 100")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .exact: try container.encode("exact")
        case .fuzzy(30): try container.encode("low")
        case .fuzzy(60): try container.encode("medium")
        case .fuzzy(80): try container.encode("high")
        case .fuzzy(let percent): try container.encode(percent)
        }
    }

    /// The minimum score (0...1) of a fuzzy precision; nil when exact.
    var threshold: Double? {
        if case .fuzzy(let percent) = self { return Double(percent) / 100 }
        return nil
    }
}

/// A normalization applied to a value before it is compared (the reference's list; compare only, never stored).
public enum MatchNormalization: String, Codable, Sendable, CaseIterable {
    /// Unicode numerals (Ⅷ, ⑧, ٨) become ASCII digits.
    case numerals
    /// Symbols and punctuation are removed.
    case symbols
    /// Upper case becomes lower case.
    case lowerCase
    /// Accented and decorated letters become their ASCII letter (à, Ä, Ⓐ → a).
    case unicodeToASCII
    /// All whitespace is removed.
    case whitespace
    /// Type: Phone — digits only, without leading zeros (trunk/international prefix) and without an extension.
    case phone
    /// Type: Name — common name variants and titles become one form (debby → deborah, professor → prof).
    case name
    /// Type: Address — common address words become their abbreviation (street → st, northwest → nw).
    case address
    /// Type: Organization — legal-form and noise words are dropped (co, corp, corporation, ltd).
    case organization
}

/// One condition of a match rule: a unified field compared exactly or fuzzily after normalizations.
public struct MatchCondition: Codable, Sendable, Equatable {
    /// The unified field compared.
    public var field: String
    /// Exact (default) or fuzzy with a threshold.
    public var precision: MatchPrecision?
    /// Normalizations in the order written; none means the field's own `normalize` (email, phone or text).
    public var normalize: [MatchNormalization]?
    /// Alias mapping: each key is treated as its value (after the normalizations), e.g. {"bill": "william"}.
    public var aliases: [String: String]?
    /// Another unified field this one may be swapped with (given name ↔ surname): the rule also matches when every
    /// condition with `swapWith` compares against the other record's swapped field.
    public var swapWith: String?

    public init(
        _ field: String, precision: MatchPrecision? = nil, normalize: [MatchNormalization]? = nil,
        aliases: [String: String]? = nil, swapWith: String? = nil
    ) {
        self.field = field
        self.precision = precision
        self.normalize = normalize
        self.aliases = aliases
        self.swapWith = swapWith
    }

    /// The precision, defaulting to exact.
    var effectivePrecision: MatchPrecision { precision ?? .exact }
}

extension MatchNormalization {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let word = try container.decode(String.self)
        guard let value = MatchNormalization(rawValue: word) else {
            let known = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown normalization '\(word)'; use one of \(known)")
        }
        self = value
    }
}
