/// A name from an open set: the known ones are static members, tools and tests may use others, and a string
/// literal is one. Stored and shown as its raw text.
public protocol OpenName: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension OpenName {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
}

/// Where an event came from (stored with it, shown in the Monitor).
public struct EventOrigin: OpenName {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The embedded workspace's refreshes.
    public static let insights: EventOrigin = "insights"
    /// `POST /events` on the intake.
    public static let http: EventOrigin = "http"
    /// `insightflow emit`.
    public static let cli: EventOrigin = "cli"
}

/// Why a run exists (stored with it, shown in the Monitor and the run history).
public struct RunOrigin: OpenName {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An event matched the flow's trigger.
    public static let event: RunOrigin = "event"
    /// A test run (designer, `flow test`).
    public static let test: RunOrigin = "test"
    /// A previous run resubmitted.
    public static let resubmit: RunOrigin = "resubmit"
}
