import Foundation
import TextFormats

/// Times, durations and numbers as the live screens print them (UTC, so snapshots are stable).
public enum DisplayTime {
    /// "HH:mm:ss".
    public static func clock(_ date: Date) -> String { TimeText.clock(date) }

    /// "2026-11-26 10:06:43".
    public static func stamp(_ date: Date) -> String { TimeText.stamp(date) }

    /// "09-21 14:14:01" (the run tables).
    public static func short(_ date: Date) -> String { TimeText.short(date) }

    /// "850 ms", "3.2 s", "4 m 10 s", or "-".
    public static func duration(_ seconds: Double?) -> String { TimeText.duration(seconds) }

    /// A number without a trailing ".0".
    public static func number(_ value: Double) -> String { NumberText.plain(value) }
}
