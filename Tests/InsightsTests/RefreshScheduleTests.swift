import Foundation
import Testing
@testable import Insights

@Suite(.temporaryFolder) struct RefreshScheduleTests {
    private func utc(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }

    @Test func intervalAlignsToMultiplesOfTheInterval() {
        let schedule = RefreshSchedule(intervalSeconds: 60)
        #expect(schedule.nextFireDate(after: Date(timeIntervalSince1970: 100)) == Date(timeIntervalSince1970: 120))
        #expect(schedule.nextFireDate(after: Date(timeIntervalSince1970: 120)) == Date(timeIntervalSince1970: 180))
    }

    @Test func dailyTimesPickTheNextOneInTheTimeZone() {
        let schedule = RefreshSchedule(dailyTimes: ["18:30", "06:00"], timeZone: "Europe/Berlin")
        #expect(schedule.nextFireDate(after: utc("2026-01-10T04:59:00Z")) == utc("2026-01-10T05:00:00Z"))
        #expect(schedule.nextFireDate(after: utc("2026-01-10T05:00:00Z")) == utc("2026-01-10T17:30:00Z"))
        #expect(schedule.nextFireDate(after: utc("2026-01-10T20:00:00Z")) == utc("2026-01-11T05:00:00Z"))
    }

    @Test func dailyTimeFollowsSummerTimeChangeInBerlin() {
        let schedule = RefreshSchedule(dailyTimes: ["06:00"], timeZone: "Europe/Berlin")
        #expect(schedule.nextFireDate(after: utc("2026-03-28T12:00:00Z")) == utc("2026-03-29T04:00:00Z"))
        #expect(schedule.nextFireDate(after: utc("2026-10-24T12:00:00Z")) == utc("2026-10-25T05:00:00Z"))
    }

    @Test func skippedLocalTimeFiresAfterTheJumpAndRepeatedTimeFiresOnce() {
        let skipped = RefreshSchedule(dailyTimes: ["02:30"], timeZone: "Europe/Berlin")
        #expect(skipped.nextFireDate(after: utc("2026-03-28T12:00:00Z")) == utc("2026-03-29T01:30:00Z"))
        let first = skipped.nextFireDate(after: utc("2026-10-24T12:00:00Z"))
        #expect(first == utc("2026-10-25T00:30:00Z"))
        #expect(skipped.nextFireDate(after: first ?? .distantPast) == utc("2026-10-26T01:30:00Z"))
    }

    @Test func disabledOrInvalidSchedulesNeverFireOrFailValidation() {
        #expect(RefreshSchedule(enabled: false, intervalSeconds: 5).nextFireDate(after: Date()) == nil)
        #expect(RefreshSchedule(dailyTimes: ["25:00"]).problem() == "daily time '25:00' is not HH:mm")
        #expect(RefreshSchedule(dailyTimes: ["06:00"], timeZone: "Mars/Base").problem() == "unknown time zone 'Mars/Base'")
    }

    @Test func schedulerRunsFullRefreshes() async throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture()
        let workspace = try fixture.load()
        let events = workspace.events()
        let scheduler = RefreshScheduler(workspace: workspace, schedule: RefreshSchedule(intervalSeconds: 0.05))
        scheduler.start()
        var completed = 0
        for await event in events where event.kind == "FullRefreshCompleted" {
            completed += 1
            if completed == 2 { break }
        }
        scheduler.stop()
        #expect(completed == 2)
    }
}

extension RefreshScheduleTests {
    @Test func aSwitchedOffScheduleNeedsNoTimes() {
        #expect(RefreshSchedule(enabled: false).problem() == nil)
        #expect(RefreshSchedule(enabled: false).nextFireDate(after: Date()) == nil)
        #expect(RefreshSchedule(enabled: true).problem() != nil)
    }
}
