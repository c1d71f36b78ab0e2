/// A measure: an aggregation over an activity source or the unified profiles.
public struct MeasureDefinition: Codable, Sendable, Equatable {
    /// Business measures have one value; customer measures have one value per profile.
    public enum Level: String, Codable, Sendable { case business, customer }
    /// The aggregation function.
    public enum Aggregation: String, Codable, Sendable { case sum, count, average, min, max, distinctCount }

    /// The `source` value that designates the unified profiles instead of an activity source.
    public static let profilesSource = "profiles"
    /// The `column` value that designates the unified customer id.
    public static let customerIdColumn = "customerId"

    public var name: String
    public var level: Level?
    public var aggregation: Aggregation
    /// An activity source name, or "profiles".
    public var source: String
    /// The aggregated column (optional for count).
    public var column: String?
    /// Optional filter on the source's columns (or profile fields).
    public var filter: SegmentRule?
    /// Optional restriction to the members of a segment.
    public var segment: String?

    public init(
        name: String, level: Level? = nil, aggregation: Aggregation, source: String,
        column: String? = nil, filter: SegmentRule? = nil, segment: String? = nil
    ) {
        self.name = name
        self.level = level
        self.aggregation = aggregation
        self.source = source
        self.column = column
        self.filter = filter
        self.segment = segment
    }

    /// The effective level (default business).
    public var effectiveLevel: Level { level ?? .business }
}

/// A segment: profiles matching a rule.
public struct SegmentDefinition: Codable, Sendable, Equatable {
    public var name: String
    public var rule: SegmentRule

    public init(name: String, rule: SegmentRule) {
        self.name = name
        self.rule = rule
    }
}
