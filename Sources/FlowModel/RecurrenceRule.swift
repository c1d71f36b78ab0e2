import FlowExpressions
import Foundation
import TextFormats

/// A Recurrence trigger's schedule (`recurrence`: frequency, interval, startTime, timeZone, schedule) and the pure
/// computation of its occurrences, as the reference describes them ("Schedules for recurring triggers",
/// docs/actions.md#triggers): simple recurrences repeat every interval from the start time (or from when the flow
/// was turned On); Day and Week recurrences with `schedule` run at the listed hours, minutes and weekdays, never
/// before the start time. Day, Week, Month and schedule times are wall-clock times of the time zone, so they keep
/// their local time across daylight-saving changes.
public struct RecurrenceRule: Sendable, Hashable {
    /// The unit of `interval`.
    public enum Frequency: String, Sendable, Hashable, CaseIterable {
        case second = "Second", minute = "Minute", hour = "Hour", day = "Day", week = "Week", month = "Month"

        /// The largest interval the reference accepts for this unit.
        public var maximumInterval: Int {
            switch self {
            case .month: 16
            case .week: 71
            case .day: 500
            case .hour: 12_000
            case .minute: 72_000
            case .second: 9_999_999
            }
        }

        var seconds: Int64 {
            switch self {
            case .second: 1
            case .minute: 60
            case .hour: 3600
            case .day: 86_400
            case .week: 604_800
            case .month: 0
            }
        }
    }

    public var frequency: Frequency
    public var interval: Int
    /// The start time as written, read as a wall-clock time of `timeZone` (or UTC when it ends in `Z`).
    public var start: WallTime?
    public var timeZone: TimeZone
    /// `schedule.hours` (0-23), `schedule.minutes` (0-59), `schedule.weekDays` (ISO numbers, Monday 1 … Sunday 7).
    public var hours: [Int]
    public var minutes: [Int]
    public var weekDays: [Int]

    /// True when the occurrences follow `schedule` (Day and Week frequencies with hours, minutes or weekdays).
    public var hasSchedule: Bool {
        (frequency == .day || frequency == .week) && !(hours.isEmpty && minutes.isEmpty && weekDays.isEmpty)
    }

    static let weekDayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Reads and range-checks a `recurrence` object; the error names the member and the fix.
    public init(json: JSONValue) throws(RecurrenceError) {
        guard case .object = json else { throw RecurrenceError(field: "", "\"recurrence\" must be an object such as {\"frequency\": \"Day\", \"interval\": 1}") }
        guard let frequencyText = json["frequency"]?.stringValue else {
            throw RecurrenceError(field: "frequency", "frequency is required: Second, Minute, Hour, Day, Week or Month")
        }
        guard let frequency = Frequency.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(frequencyText) == .orderedSame }) else {
            throw RecurrenceError(field: "frequency", "unknown frequency '\(frequencyText)'; use Second, Minute, Hour, Day, Week or Month")
        }
        self.frequency = frequency
        guard let intervalValue = json["interval"] else { throw RecurrenceError(field: "interval", "interval is required: a whole number such as 1") }
        guard let interval = intervalValue.intValue ?? intervalValue.stringValue.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              (1...frequency.maximumInterval).contains(interval) else {
            throw RecurrenceError(field: "interval", "interval must be a whole number from 1 to \(frequency.maximumInterval) for \(frequency.rawValue); found \(intervalValue.jsonText())")
        }
        self.interval = interval
        var zone = TimeZone(identifier: "UTC") ?? TimeZone.current
        if let zoneValue = json["timeZone"], !zoneValue.isNull {
            guard let name = zoneValue.stringValue, let found = TimeZoneLookup.zone(named: name) else {
                throw RecurrenceError(field: "timeZone", "unknown time zone \(zoneValue.jsonText()); use a Windows name such as \"W. Europe Standard Time\" or an IANA id such as \"Europe/Berlin\"")
            }
            zone = found
        }
        if let startValue = json["startTime"], !startValue.isNull {
            guard let text = startValue.stringValue, let parsed = WallTime.parse(text) else {
                throw RecurrenceError(field: "startTime", "startTime must read like 2026-09-18T14:00:00 (with a time zone) or 2026-09-18T14:00:00Z; found \(startValue.jsonText())")
            }
            start = parsed.time
            if parsed.isUTC { zone = TimeZone(identifier: "UTC") ?? zone }
        }
        timeZone = zone
        let schedule = json["schedule"]
        if schedule?["monthDays"] != nil || schedule?["monthlyOccurrences"] != nil {
            throw RecurrenceError(field: "schedule", "schedule.monthDays and monthlyOccurrences are not supported here; use a start time with frequency Month")
        }
        hours = try Self.numbers(schedule?["hours"], field: "schedule.hours", range: 0...23)
        minutes = try Self.numbers(schedule?["minutes"], field: "schedule.minutes", range: 0...59)
        weekDays = []
        if let days = schedule?["weekDays"], !days.isNull {
            let items = days.arrayValue ?? [days]
            for item in items {
                guard let name = item.stringValue, let index = Self.weekDayNames.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else {
                    throw RecurrenceError(field: "schedule.weekDays", "weekDays lists day names such as \"Monday\"; found \(item.jsonText())")
                }
                weekDays.append(index + 1)
            }
            weekDays = Array(Set(weekDays)).sorted()
        }
        if frequency != .day, frequency != .week, !(hours.isEmpty && minutes.isEmpty) {
            throw RecurrenceError(field: "schedule", "schedule hours and minutes apply only to the Day and Week frequencies; this one is \(frequency.rawValue)")
        }
        if frequency != .week, !weekDays.isEmpty {
            throw RecurrenceError(field: "schedule.weekDays", "weekDays apply only to the Week frequency; this one is \(frequency.rawValue)")
        }
    }

    private static func numbers(_ value: JSONValue?, field: String, range: ClosedRange<Int>) throws(RecurrenceError) -> [Int] {
        guard let value, !value.isNull else { return [] }
        var result: [Int] = []
        for item in value.arrayValue ?? [value] {
            guard let number = item.intValue ?? item.stringValue.flatMap({ Int($0) }), range.contains(number) else {
                throw RecurrenceError(field: field, "\(field) takes whole numbers from \(range.lowerBound) to \(range.upperBound); found \(item.jsonText())")
            }
            result.append(number)
        }
        return Array(Set(result)).sorted()
    }

    // MARK: Occurrences

    /// The first occurrence strictly after `after`. `anchor` is when the flow was turned On: the origin of a
    /// recurrence without a start time (its first occurrence is the anchor itself: "runs the first workload instantly").
    /// Nil only when no occurrence exists within the computable range.
    public func nextOccurrence(after: Date, anchor: Date) -> Date? {
        let origin = start.map { $0.utc(in: timeZone) } ?? Int64(anchor.timeIntervalSince1970.rounded(.down))
        let afterSeconds = Int64(after.timeIntervalSince1970.rounded(.down))
        let result: Int64?
        if hasSchedule {
            result = scheduled(after: afterSeconds, origin: origin)
        } else if frequency.seconds > 0, frequency != .day, frequency != .week {
            result = fixedStep(after: afterSeconds, origin: origin, step: frequency.seconds * Int64(interval))
        } else {
            result = calendarStep(after: afterSeconds, origin: origin)
        }
        return result.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// The occurrences in (after, until], at most `limit` of them (previews and tests).
    public func occurrences(after: Date, until: Date, anchor: Date, limit: Int = 100) -> [Date] {
        var result: [Date] = []
        var cursor = after
        while result.count < max(0, limit), let next = nextOccurrence(after: cursor, anchor: anchor), next <= until {
            result.append(next)
            cursor = next
        }
        return result
    }

    /// Second, Minute, Hour: every `step` seconds of elapsed time from the origin.
    private func fixedStep(after: Int64, origin: Int64, step: Int64) -> Int64 {
        if after < origin { return origin }
        return origin + ((after - origin) / step + 1) * step
    }

    /// Day, Week, Month without a schedule: the origin's wall-clock time every `interval` days, weeks or months.
    private func calendarStep(after: Int64, origin: Int64) -> Int64? {
        if after < origin { return origin }
        let wall = WallTime(utc: origin, in: timeZone)
        let unitDays: Int64 = frequency == .week ? 7 : 1
        var k: Int64
        if frequency == .month {
            let now = WallTime(utc: after, in: timeZone)
            let months = (now.year - wall.year) * 12 + Int64(now.month - wall.month)
            k = max(0, months / Int64(interval) - 1)
        } else {
            k = max(0, (after - origin) / (86_400 * unitDays * Int64(interval)) - 1)
        }
        for _ in 0..<1000 {
            let candidate: WallTime
            if frequency == .month {
                candidate = wall.addingMonths(k * Int64(interval))
            } else {
                candidate = wall.addingDays(k * Int64(interval) * unitDays)
            }
            let utc = candidate.utc(in: timeZone)
            if utc > after { return utc }
            k += 1
        }
        return nil
    }

    /// Day or Week with a schedule: the listed hours × minutes of every eligible day, never before the origin.
    private func scheduled(after: Int64, origin: Int64) -> Int64? {
        let originWall = WallTime(utc: origin, in: timeZone)
        let hourList = hours.isEmpty ? [originWall.hour] : hours
        let minuteList = minutes.isEmpty ? [originWall.minute] : minutes
        let dayList = weekDays.isEmpty ? [originWall.weekDay] : weekDays
        let floor = max(after, origin - 1)
        let firstDay = max(originWall.days, WallTime(utc: floor, in: timeZone).days - 1)
        let originWeekStart = originWall.days - Int64(originWall.weekDay - 1)
        for day in firstDay..<(firstDay + 7 * 72 + 500) {
            let date = WallTime(days: day)
            switch frequency {
            case .day:
                guard (day - originWall.days) % Int64(interval) == 0 else { continue }
            default:
                let week = (day - originWeekStart) / 7
                guard week % Int64(interval) == 0, dayList.contains(date.weekDay) else { continue }
            }
            for hour in hourList {
                for minute in minuteList {
                    let utc = WallTime(days: day, hour: hour, minute: minute).utc(in: timeZone)
                    if utc > floor, utc >= origin { return utc }
                }
            }
        }
        return nil
    }
}

/// A recurrence that cannot be used, with the member concerned (`interval`, `schedule.hours`).
public struct RecurrenceError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let message: String
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { message }
}

/// A wall-clock time (no zone): civil date and time of day, with the conversions to and from UTC seconds.
public struct WallTime: Sendable, Hashable {
    /// Days since 1970-01-01 of the civil date.
    public var days: Int64
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(days: Int64, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.days = days
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The wall time of a UTC instant in a zone.
    public init(utc: Int64, in zone: TimeZone) {
        let local = utc + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let rest = Int(local - days * 86_400)
        self.init(days: days, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    /// Reads `2026-09-18T14:00:00`, with optional fractional seconds and an optional `Z` (reported as `isUTC`); nil for
    /// anything else (UTC offsets such as `+02:00` are not accepted, as in the reference).
    public static func parse(_ text: String) -> (time: WallTime, isUTC: Bool)? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var isUTC = false
        if body.hasSuffix("Z") || body.hasSuffix("z") { isUTC = true; body = body.dropLast() }
        if let dot = body.firstIndex(of: ".") {
            guard body[body.index(after: dot)...].allSatisfy(\.isNumber) else { return nil }
            body = body[..<dot]
        }
        let parts = body.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard date.count == 3, time.count == 2 || time.count == 3, let year = date[0], let month = date[1], let day = date[2],
              let hour = time[0], let minute = time[1], (1...9999).contains(year), (1...12).contains(month),
              (1...CivilCalendar.daysInMonth(Int64(year), month)).contains(day), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        let second = time.count == 3 ? time[2] : 0
        guard let second, (0...59).contains(second) else { return nil }
        return (WallTime(days: CivilCalendar.days(fromCivil: Int64(year), month, day), hour: hour, minute: minute, second: second), isUTC)
    }

    public var year: Int64 { CivilCalendar.civil(fromDays: days).year }
    public var month: Int { CivilCalendar.civil(fromDays: days).month }
    /// ISO weekday: Monday 1 … Sunday 7 (1970-01-01 was a Thursday).
    public var weekDay: Int { Int(((days % 7) + 7 + 3) % 7) + 1 }

    var wallSeconds: Int64 { days * 86_400 + Int64(hour * 3600 + minute * 60 + second) }

    func addingDays(_ count: Int64) -> WallTime { WallTime(days: days + count, hour: hour, minute: minute, second: second) }

    /// The same day of the month `count` months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
    func addingMonths(_ count: Int64) -> WallTime {
        let civil = CivilCalendar.civil(fromDays: days)
        let index = civil.year * 12 + Int64(civil.month - 1) + count
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = Int(index - year * 12) + 1
        let day = min(civil.day, CivilCalendar.daysInMonth(year, month))
        return WallTime(days: CivilCalendar.days(fromCivil: year, month, day), hour: hour, minute: minute, second: second)
    }

    /// The UTC instant of this wall time in a zone. A time that occurs twice (the hour repeated when daylight saving
    /// ends) is its first occurrence; a time that does not exist (skipped when daylight saving starts) moves forward by
    /// the gap (02:30 on a 02:00 → 03:00 night is 03:30).
    public func utc(in zone: TimeZone) -> Int64 {
        let wall = wallSeconds
        let offsets = Set([wall - 86_400, wall, wall + 86_400].map { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0)))) })
        let valid = offsets.map { wall - $0 }.filter { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0)))) == wall - $0 }
        if let first = valid.min() { return first }
        let before = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall - 86_400))))
        return wall - before
    }
}
