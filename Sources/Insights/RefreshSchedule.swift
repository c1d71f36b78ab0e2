import Foundation

/// When to refresh the whole workspace: every N seconds, or at daily times in a time zone.
public struct RefreshSchedule: Codable, Sendable, Equatable {
    public var enabled: Bool?
    /// Refresh every this many seconds (aligned to multiples of the interval since 1970).
    public var intervalSeconds: Double?
    /// Daily local times, "HH:mm".
    public var dailyTimes: [String]?
    /// IANA time zone of `dailyTimes` (default UTC).
    public var timeZone: String?

    public init(enabled: Bool? = true, intervalSeconds: Double? = nil, dailyTimes: [String]? = nil, timeZone: String? = nil) {
        self.enabled = enabled
        self.intervalSeconds = intervalSeconds
        self.dailyTimes = dailyTimes
        self.timeZone = timeZone
    }

    /// Whether the schedule is switched on.
    public var isEnabled: Bool { enabled ?? true }

    /// The first fire time strictly after `date`, or nil if the schedule is off or empty.
    public func nextFireDate(after date: Date) -> Date? {
        guard isEnabled else { return nil }
        if let interval = intervalSeconds, interval > 0 {
            let slots = (date.timeIntervalSince1970 / interval).rounded(.down) + 1
            return Date(timeIntervalSince1970: slots * interval)
        }
        return nextDailyTime(after: date)
    }

    /// The longest interval accepted, in seconds (a year).
    public static let maximumInterval: Double = 31_536_000

    /// A problem with the schedule settings, or nil if they are valid.
    func problem() -> String? {
        if let interval = intervalSeconds {
            return (1...Self.maximumInterval).contains(interval) ? nil
                : "intervalSeconds must be between 1 and \(Int(Self.maximumInterval)) (a year); found \(interval)"
        }
        guard let times = dailyTimes, !times.isEmpty else { return isEnabled ? "needs intervalSeconds or dailyTimes" : nil }
        if let zone = timeZone, TimeZone(identifier: zone) == nil { return "unknown time zone '\(zone)'" }
        if let bad = times.first(where: { Self.parseTime($0) == nil }) { return "daily time '\(bad)' is not HH:mm" }
        return nil
    }

    private func nextDailyTime(after date: Date) -> Date? {
        let times = (dailyTimes ?? []).compactMap(Self.parseTime)
        guard !times.isEmpty, let zone = TimeZone(identifier: timeZone ?? "UTC") else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let firstDay = calendar.startOfDay(for: date)
        for offset in 0...2 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: firstDay) else { continue }
            let ymd = calendar.dateComponents([.year, .month, .day], from: day)
            let candidates = times.compactMap { time -> Date? in
                var components = ymd
                components.hour = time.hour
                components.minute = time.minute
                return calendar.date(from: components)
            }
            if let next = candidates.filter({ $0 > date }).min() { return next }
        }
        return nil
    }

    /// Parses "HH:mm" into hour and minute.
    static func parseTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return (hour, minute)
    }
}
