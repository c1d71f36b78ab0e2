import TextFormats
import Foundation

/// A .NET-style DateTime: 100-ns ticks since 0001-01-01T00:00:00 of wall-clock time, and whether it is UTC.
struct FlowDateTime: Sendable, Hashable {
    static let ticksPerSecond: Int64 = 10_000_000
    static let ticksPerDay: Int64 = 86_400 * ticksPerSecond
    static let unixEpochTicks: Int64 = 621_355_968_000_000_000
    static let maxTicks: Int64 = 3_155_378_975_999_999_999

    var ticks: Int64
    /// True for UTC (`Z`); false for a wall-clock time with no zone (the result of a time-zone conversion).
    var isUTC: Bool

    init?(ticks: Int64, isUTC: Bool) {
        guard ticks >= 0, ticks <= Self.maxTicks else { return nil }
        self.ticks = ticks
        self.isUTC = isUTC
    }

    init?(date: Date) {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 2e11 else { return nil }
        self.init(ticks: Int64((seconds * 1e7).rounded(.down)) + Self.unixEpochTicks, isUTC: true)
    }

    /// The calendar fields of the wall-clock time.
    struct Fields {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
        /// Ticks within the second, 0..<10_000_000.
        var fraction: Int
    }

    var days: Int64 { ticks / Self.ticksPerDay }

    var fields: Fields {
        let (y, m, d) = Self.civil(fromDays: days)
        let inDay = ticks % Self.ticksPerDay
        let seconds = Int(inDay / Self.ticksPerSecond)
        return Fields(year: y, month: m, day: d, hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60,
                      fraction: Int(inDay % Self.ticksPerSecond))
    }

    /// 0 = Sunday ... 6 = Saturday (0001-01-01 was a Monday).
    var dayOfWeek: Int { Int((days + 1) % 7) }

    /// 1-based day of the year.
    var dayOfYear: Int {
        let f = fields
        return Int(days - Self.days(fromCivil: f.year, 1, 1)) + 1
    }

    /// Days between 0001-01-01 and 1970-01-01.
    static let daysBeforeEpoch: Int64 = 719_162

    /// Days since 0001-01-01 for a proleptic Gregorian date.
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        CivilCalendar.days(fromCivil: Int64(year), month, day) + daysBeforeEpoch
    }

    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let date = CivilCalendar.civil(fromDays: days - daysBeforeEpoch)
        return (Int(date.year), date.month, date.day)
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int { CivilCalendar.daysInMonth(Int64(year), month) }

    /// Builds a time from calendar fields, or nil when a field is out of range.
    static func make(_ f: Fields, isUTC: Bool) -> FlowDateTime? {
        guard (1...9999).contains(f.year), (1...12).contains(f.month), (1...daysInMonth(f.year, f.month)).contains(f.day),
              (0...23).contains(f.hour), (0...59).contains(f.minute), (0...59).contains(f.second) else { return nil }
        let seconds = Int64(f.hour * 3600 + f.minute * 60 + f.second)
        let ticks = days(fromCivil: f.year, f.month, f.day) * ticksPerDay + seconds * ticksPerSecond + Int64(f.fraction)
        return FlowDateTime(ticks: ticks, isUTC: isUTC)
    }

    /// The time moved by whole calendar months, clamping the day to the month's length.
    func addingMonths(_ months: Int) -> FlowDateTime? {
        var f = fields
        let (carry, total) = (f.month - 1 + months).quotientAndRemainder(dividingBy: 12)
        f.year += carry + (total < 0 ? -1 : 0)
        f.month = (total + 12) % 12 + 1
        f.day = min(f.day, Self.daysInMonth(f.year, f.month))
        return Self.make(f, isUTC: isUTC)
    }

    /// The time moved by `count` units of `unitTicks` each, or nil on overflow or out of range.
    func adding(_ count: Int, of unitTicks: Int64) -> FlowDateTime? {
        let (delta, overflow) = Int64(count).multipliedReportingOverflow(by: unitTicks)
        return overflow ? nil : adding(ticks: delta)
    }

    func adding(ticks delta: Int64) -> FlowDateTime? {
        let (sum, overflow) = ticks.addingReportingOverflow(delta)
        return overflow ? nil : FlowDateTime(ticks: sum, isUTC: isUTC)
    }
}
