import Foundation
import Synchronization

/// The Customer Insights connector's throttling limit: at most `limit` calls per connection in any `period`
/// (a sliding window per connection reference); a call over the limit is refused with the seconds to wait.
public final class ConnectorThrottle: Sendable {
    /// The connector reference's limit: 100 API calls per connection, renewal period 60 seconds.
    public static let referenceLimit = 100
    public static let referencePeriod: TimeInterval = 60

    public let limit: Int
    public let period: TimeInterval
    private let clock: @Sendable () -> Date
    private let calls = Mutex<[String: [Date]]>([:])

    public init(limit: Int = referenceLimit, period: TimeInterval = referencePeriod, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.limit = max(1, limit)
        self.period = max(0.001, period)
        self.clock = clock
    }

    /// Counts a call on this connection: nil when it may go ahead, else the whole seconds until the oldest call in
    /// the window leaves it (the `Retry-After` value). A refused call is not counted.
    public func admit(connection: String) -> Int? {
        let now = clock()
        return calls.withLock { calls in
            var recent = (calls[connection] ?? []).filter { now.timeIntervalSince($0) < period }
            defer { calls[connection] = recent }
            guard recent.count >= limit, let oldest = recent.first else {
                recent.append(now)
                return nil
            }
            return max(1, Int((period - now.timeIntervalSince(oldest)).rounded(.up)))
        }
    }
}
