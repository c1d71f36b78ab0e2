import Foundation
import Testing
@testable import TextFormats

/// The one home of dates and numbers agrees with Foundation's own formatters and never traps.
struct TextFormatsTests {
    static let instants: [Double] = [0, 1, 86_399.999, 951_782_400.5, 1_764_149_516.117, 4_102_444_799.999, -1, -86_400.25, 253_402_300_799]

    @Test(arguments: instants)
    func iso8601MatchesFoundation(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        #expect(TimeText.iso8601(date) == style.format(date))
        #expect(TimeText.iso8601Seconds(date) == Date.ISO8601FormatStyle().format(date))
    }

    @Test(arguments: instants)
    func mailDateMatchesFoundation(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds.rounded(.down))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        #expect(TimeText.rfc5322(date) == formatter.string(from: date))
    }

    @Test func civilRoundTripsEveryDayOfFourCenturies() {
        var days = CivilCalendar.days(fromCivil: 1800, 1, 1)
        for year in Int64(1800)...2200 {
            for month in 1...12 {
                for day in 1...CivilCalendar.daysInMonth(year, month) {
                    #expect(CivilCalendar.days(fromCivil: year, month, day) == days)
                    let back = CivilCalendar.civil(fromDays: days)
                    if back.year != year || back.month != month || back.day != day { Issue.record("\(year)-\(month)-\(day) → \(back)") }
                    days += 1
                }
            }
        }
        #expect(CivilCalendar.days(fromCivil: 1970, 1, 1) == 0)
        #expect(CivilCalendar.isLeapYear(2000) && !CivilCalendar.isLeapYear(1900) && CivilCalendar.isLeapYear(2024))
    }

    @Test func shortFormsAndDurations() {
        let date = Date(timeIntervalSince1970: 1_764_149_516.117)
        #expect(TimeText.stamp(date) == "2025-11-26 09:31:56")
        #expect(TimeText.short(date) == "11-26 09:31:56")
        #expect(TimeText.clock(date) == "09:31:56")
        #expect(TimeText.minute(date) == "2025-11-26 09:31")
        #expect(TimeText.compact(date) == "20251126T093156.117Z")
        #expect(TimeText.duration(0.85) == "850 ms")
        #expect(TimeText.duration(3.24) == "3.2 s")
        #expect(TimeText.duration(250) == "4 m 10 s")
        #expect(TimeText.duration(nil) == "-")
        #expect(TimeText.duration(.infinity) == "-")
        #expect(TimeText.iso8601(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func numbers() {
        #expect(NumberText.plain(12) == "12")
        #expect(NumberText.plain(-3) == "-3")
        #expect(NumberText.plain(12.5) == "12.50")
        #expect(NumberText.plain(1e300) == String(format: "%.2f", 1e300))
        #expect(NumberText.plain(.nan) == "-")
        #expect(NumberText.plain(-.infinity) == "-")
    }
}
