import FlowExpressions
import Foundation
import Testing
@testable import FlowModel

/// The Recurrence trigger's occurrences, from the reference's own examples ("Schedules for recurring triggers":
/// patterns for start date and time, example recurrences; "Recurrence trigger": the weekly example) and the
/// daylight-saving rules of docs/actions.md.
@Suite struct RecurrenceRuleTests {
    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
    }

    static func rule(_ json: String) throws -> RecurrenceRule {
        try RecurrenceRule(json: try JSONValue.parse(json))
    }

    static func iso(_ dates: [Date]) -> [String] {
        dates.map { $0.formatted(Date.ISO8601FormatStyle()) }
    }

    /// Reference: start 2017-09-07 14:00, now 2017-09-08 13:00, every two days → first run 09-09 14:00, then 11, 13.
    @Test func pastStartTimeDiscardsPastRunsAndKeepsTheStartClock() throws {
        let rule = try Self.rule(#"{"frequency": "Day", "interval": 2, "startTime": "2017-09-07T14:00:00Z"}"#)
        let runs = rule.occurrences(after: Self.date("2017-09-08T13:00:00Z"), until: Self.date("2017-09-14T00:00:00Z"), anchor: Self.date("2017-09-08T13:00:00Z"))
        #expect(Self.iso(runs) == ["2017-09-09T14:00:00Z", "2017-09-11T14:00:00Z", "2017-09-13T14:00:00Z"])
    }

    /// Reference: start Friday 2020-09-18 08:00 Pacific, Mondays at 10:30, 12:30, 14:30 → first run Monday 09-21 10:30.
    @Test func weeklyScheduleNeverBeforeTheStartTime() throws {
        let rule = try Self.rule(#"""
        {"frequency": "Week", "interval": 1, "startTime": "2020-09-18T08:00:00", "timeZone": "Pacific Standard Time",
         "schedule": {"hours": [10, 12, 14], "minutes": [30], "weekDays": ["Monday"]}}
        """#)
        let runs = rule.occurrences(after: Self.date("2020-09-04T12:00:00Z"), until: Self.date("2020-09-29T00:00:00Z"), anchor: Self.date("2020-09-04T12:00:00Z"))
        #expect(Self.iso(runs) == ["2020-09-21T17:30:00Z", "2020-09-21T19:30:00Z", "2020-09-21T21:30:00Z",
                                   "2020-09-28T17:30:00Z", "2020-09-28T19:30:00Z", "2020-09-28T21:30:00Z"])
    }

    /// Reference: "Run daily at 8:30 AM (no start date and time)".
    @Test func dailyAtHoursAndMinutesWithoutStart() throws {
        let rule = try Self.rule(#"{"frequency": "Day", "interval": 1, "schedule": {"hours": [8, 16], "minutes": [30, 45]}}"#)
        let anchor = Self.date("2026-03-10T12:00:00Z")
        let runs = rule.occurrences(after: anchor, until: Self.date("2026-03-11T23:59:00Z"), anchor: anchor)
        #expect(Self.iso(runs) == ["2026-03-10T16:30:00Z", "2026-03-10T16:45:00Z", "2026-03-11T08:30:00Z", "2026-03-11T08:45:00Z",
                                   "2026-03-11T16:30:00Z", "2026-03-11T16:45:00Z"])
    }

    /// Reference: "Run every 15 minutes at the specified minute marks": starts at the next mark.
    @Test func quarterHourMarksStartAtTheNextMark() throws {
        let rule = try Self.rule(#"{"frequency": "Day", "interval": 1, "schedule": {"hours": [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23], "minutes": [0, 15, 30, 45]}}"#)
        let anchor = Self.date("2026-03-10T10:07:00Z")
        #expect(rule.nextOccurrence(after: anchor, anchor: anchor) == Self.date("2026-03-10T10:15:00Z"))
        #expect(rule.nextOccurrence(after: Self.date("2026-03-10T23:50:00Z"), anchor: anchor) == Self.date("2026-03-11T00:00:00Z"))
    }

    /// Reference: "Run every 15 minutes biweekly on Mondays only": every other Monday.
    @Test func biweeklyMondaysSkipTheWeekBetween() throws {
        let rule = try Self.rule(#"{"frequency": "Week", "interval": 2, "schedule": {"hours": [9], "minutes": [0], "weekDays": ["Monday"]}}"#)
        let anchor = Self.date("2026-03-02T06:00:00Z") // a Monday
        let runs = rule.occurrences(after: anchor, until: Self.date("2026-04-01T00:00:00Z"), anchor: anchor)
        #expect(Self.iso(runs) == ["2026-03-02T09:00:00Z", "2026-03-16T09:00:00Z", "2026-03-30T09:00:00Z"])
    }

    /// Without a start time a simple recurrence runs at once (the anchor: when the flow was turned On), then every interval.
    @Test func simpleRecurrenceWithoutStartRunsAtOnceThenEveryInterval() throws {
        let rule = try Self.rule(#"{"frequency": "Minute", "interval": 15}"#)
        let anchor = Self.date("2026-03-10T10:07:00Z")
        #expect(rule.nextOccurrence(after: anchor.addingTimeInterval(-1), anchor: anchor) == anchor)
        #expect(rule.nextOccurrence(after: anchor, anchor: anchor) == Self.date("2026-03-10T10:22:00Z"))
        // After downtime the next occurrence is the next one on the grid, not the ones missed.
        #expect(rule.nextOccurrence(after: Self.date("2026-03-10T13:00:00Z"), anchor: anchor) == Self.date("2026-03-10T13:07:00Z"))
    }

    /// A daily 09:00 in a time zone keeps 09:00 local time across the spring change (08:00Z → 07:00Z in Berlin).
    @Test func dailyLocalTimeFollowsDaylightSaving() throws {
        let rule = try Self.rule(#"{"frequency": "Day", "interval": 1, "startTime": "2026-03-27T09:00:00", "timeZone": "W. Europe Standard Time"}"#)
        let runs = rule.occurrences(after: Self.date("2026-03-26T00:00:00Z"), until: Self.date("2026-03-31T00:00:00Z"), anchor: Self.date("2026-03-26T00:00:00Z"))
        #expect(Self.iso(runs) == ["2026-03-27T08:00:00Z", "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z", "2026-03-30T07:00:00Z"])
    }

    /// 02:30 does not exist on the spring night (moves to 03:30 local) and happens twice on the autumn night (runs once).
    @Test func skippedAndRepeatedLocalTimes() throws {
        let rule = try Self.rule(#"{"frequency": "Day", "interval": 1, "startTime": "2026-03-28T02:30:00", "timeZone": "Europe/Berlin"}"#)
        let spring = rule.occurrences(after: Self.date("2026-03-28T00:00:00Z"), until: Self.date("2026-03-31T00:00:00Z"), anchor: Self.date("2026-03-28T00:00:00Z"))
        #expect(Self.iso(spring) == ["2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z"])
        let autumn = rule.occurrences(after: Self.date("2026-10-24T12:00:00Z"), until: Self.date("2026-10-26T12:00:00Z"), anchor: Self.date("2026-10-24T12:00:00Z"))
        #expect(Self.iso(autumn) == ["2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"])
    }

    /// Hour frequencies count elapsed time: across the change they stay one hour apart.
    @Test func hourlyCountsElapsedTime() throws {
        let rule = try Self.rule(#"{"frequency": "Hour", "interval": 1, "startTime": "2026-03-29T00:00:00", "timeZone": "Europe/Berlin"}"#)
        let runs = rule.occurrences(after: Self.date("2026-03-28T22:00:00Z"), until: Self.date("2026-03-29T02:00:00Z"), anchor: Self.date("2026-03-28T22:00:00Z"))
        #expect(Self.iso(runs) == ["2026-03-28T23:00:00Z", "2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"])
    }

    /// Monthly from the 31st: the month's last day when it is shorter, and back to the 31st after.
    @Test func monthlyClampsToTheMonthEnd() throws {
        let rule = try Self.rule(#"{"frequency": "Month", "interval": 1, "startTime": "2026-01-31T10:00:00Z"}"#)
        let runs = rule.occurrences(after: Self.date("2026-01-01T00:00:00Z"), until: Self.date("2026-05-01T00:00:00Z"), anchor: Self.date("2026-01-01T00:00:00Z"))
        #expect(Self.iso(runs) == ["2026-01-31T10:00:00Z", "2026-02-28T10:00:00Z", "2026-03-31T10:00:00Z", "2026-04-30T10:00:00Z"])
    }

    @Test(arguments: [
        (#"{"interval": 1}"#, "frequency"),
        (#"{"frequency": "Fortnight", "interval": 1}"#, "frequency"),
        (#"{"frequency": "Day"}"#, "interval"),
        (#"{"frequency": "Month", "interval": 17}"#, "interval"),
        (#"{"frequency": "Second", "interval": 0}"#, "interval"),
        (#"{"frequency": "Day", "interval": 1.5}"#, "interval"),
        (#"{"frequency": "Day", "interval": 1, "timeZone": "Mars Standard Time"}"#, "timeZone"),
        (#"{"frequency": "Day", "interval": 1, "startTime": "2026-03-01T10:00:00+02:00"}"#, "startTime"),
        (#"{"frequency": "Day", "interval": 1, "startTime": "2026-02-30T10:00:00Z"}"#, "startTime"),
        (#"{"frequency": "Day", "interval": 1, "schedule": {"hours": [24]}}"#, "schedule.hours"),
        (#"{"frequency": "Day", "interval": 1, "schedule": {"minutes": [-1]}}"#, "schedule.minutes"),
        (#"{"frequency": "Week", "interval": 1, "schedule": {"weekDays": ["Funday"]}}"#, "schedule.weekDays"),
        (#"{"frequency": "Hour", "interval": 1, "schedule": {"hours": [9]}}"#, "schedule"),
        (#"{"frequency": "Day", "interval": 1, "schedule": {"weekDays": ["Monday"]}}"#, "schedule.weekDays"),
        (#"{"frequency": "Month", "interval": 1, "schedule": {"monthDays": [-1]}}"#, "schedule"),
    ])
    func badRecurrencesNameTheMember(json: String, field: String) throws {
        let value = try JSONValue.parse(json)
        #expect(throws: RecurrenceError.self) { try RecurrenceRule(json: value) }
        do {
            _ = try RecurrenceRule(json: value)
        } catch {
            #expect(error.field == field)
        }
    }

    /// The checker reports a bad recurrence at its JSON path.
    @Test func checkerNamesTheRecurrencePath() throws {
        var trigger = Trigger(kind: .recurrence, parameters: ["frequency": "Day", "interval": 0])
        trigger.name = "Recurrence"
        let flow = Flow(id: "r", displayName: "R", trigger: trigger)
        let issues = FlowChecker.check(flow)
        #expect(issues.contains { $0.path == "$.definition.triggers.Recurrence.recurrence.interval" && $0.severity == .error })
        #expect(FlowCodec.jsonValue(flow).value(atPath: "definition.triggers.Recurrence.recurrence.frequency") == "Day")
    }
}
