import FlowRunner
import Foundation
import Synchronization
import Testing

/// A clock the test moves by hand.
private final class ManualClock: Sendable {
    private let seconds = Mutex<Double>(1_800_000_000)
    func now() -> Date { Date(timeIntervalSince1970: seconds.withLock { $0 }) }
    func advance(_ by: Double) { seconds.withLock { $0 += by } }
}

@Suite struct ActivityLogTests {
    @Test func aMinuteCountsRunsFailuresDeliveriesAndTheDeepestQueue() {
        let clock = ManualClock()
        let log = ActivityLog(clock: clock.now)
        clock.advance(30)  // half-way into a minute (1_800_000_000 is a whole minute)
        log.runEnded(.succeeded)
        log.runEnded(.failed)
        log.runEnded(.timedOut)
        log.runEnded(.cancelled)
        log.queue(depth: 7)
        log.queue(depth: 2)
        log.delivered(seconds: 0.1)
        log.delivered(seconds: 0.3)
        let activity = log.snapshot()
        #expect(activity.minutes.count == ActivityLog.span)
        let now = activity.minutes.last
        #expect(now?.runs == 4)
        #expect(now?.failures == 2)
        #expect(now?.queueDepth == 7)
        #expect(activity.queueNow == 2)
        #expect(abs((activity.deliveryMilliseconds.last ?? 0) - 200) < 1e-6)
        // The minute in progress is 30 s old: 4 runs in it are 4/30 runs per second, not 4/60.
        #expect(abs(activity.currentSeconds - 30) < 1e-6)
        #expect(abs((activity.runsPerSecond.last ?? 0) - 4.0 / 30) < 1e-9)
        #expect(activity.minutes.dropLast().allSatisfy { $0.runs == 0 && $0.deliveries == 0 })
    }

    @Test func minutesMoveLeftAndAQuietMinuteKeepsTheQueuesDepth() {
        let clock = ManualClock()
        let log = ActivityLog(clock: clock.now)
        log.runEnded(.succeeded)
        log.queue(depth: 5)
        clock.advance(180)  // three minutes later, nothing happened since
        let activity = log.snapshot()
        let last = activity.minutes.count - 1
        #expect(activity.minutes[last - 3].runs == 1)
        #expect(activity.minutes[last - 3].queueDepth == 5)
        // The queue still holds 5 in the quiet minutes after it.
        #expect(activity.minutes[(last - 2)...].allSatisfy { $0.queueDepth == 5 && $0.runs == 0 })
        #expect(activity.runsPerSecond[last - 3] == 1.0 / 60)
    }

    @Test func anHourLaterTheOldMinutesAreGoneNotAddedTo() {
        let clock = ManualClock()
        let log = ActivityLog(clock: clock.now)
        log.runEnded(.failed)
        clock.advance(60 * 60)  // the same ring slot, an hour on
        log.runEnded(.succeeded)
        let activity = log.snapshot()
        #expect(activity.minutes.reduce(0) { $0 + $1.runs } == 1)
        #expect(activity.minutes.reduce(0) { $0 + $1.failures } == 0)
        clock.advance(60 * 60 * 3)
        #expect(log.snapshot().minutes.allSatisfy { $0.runs == 0 })
    }

    @Test func poisonDurationsAreIgnored() {
        let log = ActivityLog()
        log.delivered(seconds: .nan)
        log.delivered(seconds: -1)
        log.delivered(seconds: .infinity)
        #expect(log.snapshot().minutes.allSatisfy { $0.deliveries == 0 })
    }

    @Test func theSnapshotSurvivesTheControlRouteEncoding() throws {
        let log = ActivityLog()
        log.runEnded(.failed)
        log.delivered(seconds: 0.25)
        let activity = log.snapshot()
        let decoded = try JSONDecoder().decode(RunnerActivity.self, from: JSONEncoder().encode(activity))
        #expect(decoded == activity)
    }
}
