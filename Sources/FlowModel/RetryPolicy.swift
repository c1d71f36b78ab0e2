import FlowExpressions
import OrderedCollections

/// A step's retry policy as the reference language writes it in `inputs.retryPolicy`.
public struct RetryPolicy: Sendable, Hashable {
    /// How retries are spaced.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case none, fixed, exponential
    }

    public var kind: Kind
    /// How many retries after the first attempt.
    public var count: Int?
    /// The (initial) wait between attempts, ISO 8601 (`PT7S`).
    public var interval: String?
    /// The smallest wait for exponential retries.
    public var minimumInterval: String?
    /// The largest wait for exponential retries.
    public var maximumInterval: String?

    /// The reference default for HTTP-based steps: exponential, 4 retries, scaled by 7.5 s, each wait between 5 and 45 s.
    public static let referenceDefault = RetryPolicy(kind: .exponential, count: 4, interval: "PT7.5S", minimumInterval: "PT5S", maximumInterval: "PT45S")

    /// The reference's smallest retry interval (fixed interval, or an exponential policy's minimum), in seconds.
    public static let referenceMinimumSeconds = 5.0
    /// The reference's largest retry interval, in seconds (one day).
    public static let referenceMaximumSeconds = 86_400.0

    /// A policy with the given settings.
    public init(kind: Kind, count: Int? = nil, interval: String? = nil, minimumInterval: String? = nil, maximumInterval: String? = nil) {
        self.kind = kind
        self.count = count
        self.interval = interval
        self.minimumInterval = minimumInterval
        self.maximumInterval = maximumInterval
    }

    /// Reads a policy object; nil when `type` is missing or unknown.
    public init?(json: JSONValue) {
        guard let typeText = json["type"]?.stringValue, let kind = Kind(rawValue: typeText.lowercased()) else { return nil }
        self.kind = kind
        count = json["count"]?.intValue
        interval = json["interval"]?.stringValue
        minimumInterval = json["minimumInterval"]?.stringValue
        maximumInterval = json["maximumInterval"]?.stringValue
    }

    /// The policy as a JSON object.
    public var json: JSONValue {
        var members: OrderedDictionary<String, JSONValue> = ["type": .string(kind.rawValue)]
        if let count { members["count"] = .int(count) }
        if let interval { members["interval"] = .string(interval) }
        if let minimumInterval { members["minimumInterval"] = .string(minimumInterval) }
        if let maximumInterval { members["maximumInterval"] = .string(maximumInterval) }
        return .object(members)
    }
}
