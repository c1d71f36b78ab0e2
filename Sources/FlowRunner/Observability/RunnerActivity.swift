import Foundation

/// The runner's last hour, one entry per minute (oldest first, the last one the minute in progress): what
/// Admin > System draws as sparklines. The same figures `/metrics` counts, kept in memory by `ActivityLog`.
public struct RunnerActivity: Sendable, Hashable, Codable {
    /// One minute of activity.
    public struct Minute: Sendable, Hashable, Codable {
        /// Runs that ended in the minute, whatever their status.
        public var runs: Int
        /// Runs that ended Failed, TimedOut or Aborted.
        public var failures: Int
        /// The deepest the run queue was (runs waiting to start).
        public var queueDepth: Int
        /// Deliveries (Teams, email, HTTP, …; dry runs excluded) and their summed duration.
        public var deliveries: Int
        public var deliverySeconds: Double

        public init(runs: Int = 0, failures: Int = 0, queueDepth: Int = 0, deliveries: Int = 0, deliverySeconds: Double = 0) {
            self.runs = runs
            self.failures = failures
            self.queueDepth = queueDepth
            self.deliveries = deliveries
            self.deliverySeconds = deliverySeconds
        }
    }

    /// Sixty minutes, oldest first; the last is the minute in progress.
    public var minutes: [Minute]
    /// Seconds elapsed of the minute in progress (its rates are over this, not over 60 s).
    public var currentSeconds: Double
    /// Runs waiting to start now.
    public var queueNow: Int

    public init(minutes: [Minute], currentSeconds: Double, queueNow: Int) {
        self.minutes = minutes
        self.currentSeconds = currentSeconds
        self.queueNow = queueNow
    }

    /// Runs ended per second, per minute.
    public var runsPerSecond: [Double] {
        minutes.enumerated().map { index, minute in
            let seconds = index == minutes.count - 1 ? max(1, min(60, currentSeconds)) : 60
            return Double(minute.runs) / seconds
        }
    }

    /// Failed runs per minute.
    public var failures: [Double] { minutes.map { Double($0.failures) } }

    /// The deepest queue per minute.
    public var queueDepths: [Double] { minutes.map { Double($0.queueDepth) } }

    /// Mean delivery latency per minute in milliseconds (0 for a minute without deliveries).
    public var deliveryMilliseconds: [Double] {
        minutes.map { $0.deliveries == 0 ? 0 : $0.deliverySeconds / Double($0.deliveries) * 1000 }
    }
}
