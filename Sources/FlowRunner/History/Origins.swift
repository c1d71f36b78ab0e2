/// Where an event came from (stored with it, shown in the Monitor). Tools and tests may name others.
public struct EventOrigin: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    /// The embedded workspace's refreshes.
    public static let insights: EventOrigin = "insights"
    /// `POST /events` on the intake.
    public static let http: EventOrigin = "http"
    /// `insightflow emit`.
    public static let cli: EventOrigin = "cli"
}

/// Why a run exists (stored with it, shown in the Monitor and the run history).
public struct RunOrigin: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    /// An event matched the flow's trigger.
    public static let event: RunOrigin = "event"
    /// A test run (designer, `flow test`).
    public static let test: RunOrigin = "test"
    /// A previous run resubmitted.
    public static let resubmit: RunOrigin = "resubmit"
}
