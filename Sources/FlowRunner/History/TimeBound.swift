import Foundation

/// A point in time as `--since`/`--until` and the run history screen take it: ISO 8601 (`2026-12-05`,
/// `2026-12-05T14:30`, `2026-12-05T14:30:00Z`, with an offset or fractional seconds) — a date or time without an
/// offset is UTC — or a time ago: a whole number and a unit, `90s`, `30m`, `2h`, `7d`, `2w`.
public enum TimeBound {
    /// What to write instead of a value that is not understood.
    public static let help = "use ISO 8601 (2026-12-05, 2026-12-05T14:30, 2026-12-05T14:30:00Z) or a time ago such as 90s, 30m, 2h, 7d, 2w"

    /// The time `text` names, relative ones counted back from `now`; nil when it is neither form.
    public static func parse(_ text: String, now: Date = Date()) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let ago = secondsAgo(text) { return now.addingTimeInterval(-ago) }
        return absolute(text)
    }

    private static func secondsAgo(_ text: String) -> Double? {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 else { return nil }
        let seconds: Double
        switch unit {
        case "s": seconds = 1
        case "m": seconds = 60
        case "h": seconds = 3_600
        case "d": seconds = 86_400
        case "w": seconds = 604_800
        default: return nil
        }
        return Double(amount) * seconds
    }

    private static func absolute(_ text: String) -> Date? {
        let hasOffset = text.hasSuffix("Z") || text.range(of: #"[+-]\d\d:?\d\d$"#, options: .regularExpression) != nil
        var candidates = [text]
        if !hasOffset {
            if text.count == 10 { candidates = [text + "T00:00:00Z"] }
            else if text.count == 16 { candidates = [text + ":00Z"] }
            else { candidates = [text + "Z"] }
        }
        for candidate in candidates {
            let plain = ISO8601DateFormatter()
            plain.formatOptions = [.withInternetDateTime]
            if let date = plain.date(from: candidate) { return date }
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = fractional.date(from: candidate) { return date }
        }
        return nil
    }
}
