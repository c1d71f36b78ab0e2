import Foundation

/// Times, durations and numbers as the live screens print them (UTC, so snapshots are stable).
public enum DisplayTime {
    /// "HH:mm:ss".
    public static func clock(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = ((seconds % 86_400) + 86_400) % 86_400
        return String(format: "%02d:%02d:%02d", day / 3600, day / 60 % 60, day % 60)
    }

    /// "2026-11-26 10:06:43".
    public static func stamp(_ date: Date) -> String {
        String(Date.ISO8601FormatStyle().format(date).prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    /// "09-21 14:14:01" (the run tables).
    public static func short(_ date: Date) -> String { String(stamp(date).dropFirst(5)) }

    /// "850 ms", "3.2 s", "4 m 10 s", or "-".
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds >= 0 else { return "-" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        return "\(Int(seconds) / 60) m \(Int(seconds) % 60) s"
    }

    /// A number without a trailing ".0".
    public static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
