import Foundation

/// Every way the programs print a point in time or a duration (UTC, so output and snapshots are stable).
public enum TimeText {
    /// The UTC fields of an instant, millisecond precision.
    struct Fields {
        let year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int, weekday: Int

        init(_ date: Date) {
            let total = date.timeIntervalSince1970 * 1000
            // Outside ±(2^62) ms the date is meaningless; clamp instead of trapping.
            let milliseconds = total.isFinite ? Int64(max(-4.0e18, min(4.0e18, total.rounded(.down)))) : 0
            let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
            let inDay = milliseconds - days * 86_400_000
            let civil = CivilCalendar.civil(fromDays: days)
            year = civil.year
            month = civil.month
            day = civil.day
            hour = Int(inDay / 3_600_000)
            minute = Int(inDay / 60_000 % 60)
            second = Int(inDay / 1000 % 60)
            millisecond = Int(inDay % 1000)
            weekday = Int(((days % 7) + 7 + 4) % 7)
        }
    }

    /// `2026-11-26T09:31:56.117Z` (ISO 8601, milliseconds): run history, trigger outputs, JSON output.
    public static func iso8601(_ date: Date) -> String {
        let f = Fields(date)
        return isoDate(f) + "T" + isoTime(f) + "." + pad(f.millisecond, 3) + "Z"
    }

    /// `2026-11-26T09:31:56Z` (ISO 8601, whole seconds).
    public static func iso8601Seconds(_ date: Date) -> String {
        let f = Fields(date)
        return isoDate(f) + "T" + isoTime(f) + "Z"
    }

    /// `2026-11-26 10:06:43`.
    public static func stamp(_ date: Date) -> String {
        let f = Fields(date)
        return isoDate(f) + " " + isoTime(f)
    }

    /// `2026-11-26 10:06`.
    public static func minute(_ date: Date) -> String { String(stamp(date).prefix(16)) }

    /// `11-26 10:06` (the Flows list's last run and modification, where 80 columns leave no room for the year).
    public static func dayMinute(_ date: Date) -> String { String(minute(date).dropFirst(5)) }

    /// `11-26 10:06:43` (the run tables).
    public static func short(_ date: Date) -> String { String(stamp(date).dropFirst(5)) }

    /// `10:06:43`.
    public static func clock(_ date: Date) -> String { isoTime(Fields(date)) }

    /// `20251126T092100.123Z`: sorts by time (outbox file names).
    public static func compact(_ date: Date) -> String {
        let f = Fields(date)
        return pad(f.year, 4) + pad(f.month, 2) + pad(f.day, 2) + "T" + pad(f.hour, 2) + pad(f.minute, 2) + pad(f.second, 2)
            + "." + pad(f.millisecond, 3) + "Z"
    }

    /// `Wed, 26 Nov 2025 09:21:00 +0000` (RFC 5322 mail dates).
    public static func rfc5322(_ date: Date) -> String {
        let f = Fields(date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return days[f.weekday] + ", " + pad(f.day, 2) + " " + months[f.month - 1] + " " + pad(f.year, 4) + " " + isoTime(f) + " +0000"
    }

    /// `850 ms`, `3.2 s`, `4 m 10 s`, or `-`.
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "-" }
        if seconds < 1 { return String(format: "%.0f ms", seconds * 1000) }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int64(min(seconds, 9.0e15))
        return "\(whole / 60) m \(whole % 60) s"
    }

    private static func isoDate(_ f: Fields) -> String { pad(f.year, 4) + "-" + pad(f.month, 2) + "-" + pad(f.day, 2) }
    private static func isoTime(_ f: Fields) -> String { pad(f.hour, 2) + ":" + pad(f.minute, 2) + ":" + pad(f.second, 2) }

    static func pad(_ value: some BinaryInteger, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
