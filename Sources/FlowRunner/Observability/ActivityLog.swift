import Foundation
import Synchronization

/// Records the runner's activity minute by minute for the last hour (a ring of 60 slots, a few hundred bytes):
/// runs ended and failed, the deepest queue, deliveries and their time. Cheap enough to call on every run and
/// delivery; read by `snapshot()` for Admin > System.
public final class ActivityLog: Sendable {
    /// Minutes kept.
    public static let span = 60

    private struct Slot {
        var minute: Int64
        var figures = RunnerActivity.Minute()
        /// The queue's depth when the slot last saw it, carried into minutes nothing happened in.
        var queueEnd = 0
    }

    private struct State {
        var slots: [Slot?] = Array(repeating: nil, count: ActivityLog.span)
        var queueNow = 0
    }

    private let state = Mutex(State())
    private let clock: @Sendable () -> Date

    /// A log reading the time from `clock` (the wall clock unless a test passes its own).
    public init(clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
    }

    /// A run ended with `status`.
    public func runEnded(_ status: RunStatus) {
        let failed = status == .failed || status == .timedOut || status == .aborted
        update { slot in
            slot.figures.runs += 1
            if failed { slot.figures.failures += 1 }
        }
    }

    /// The run queue now holds `depth` runs waiting to start.
    public func queue(depth: Int) {
        let depth = max(0, depth)
        update { slot in
            slot.figures.queueDepth = max(slot.figures.queueDepth, depth)
            slot.queueEnd = depth
        } queue: { $0 = depth }
    }

    /// A delivery took `seconds`.
    public func delivered(seconds: Double) {
        guard seconds.isFinite, seconds >= 0 else { return }
        update { slot in
            slot.figures.deliveries += 1
            slot.figures.deliverySeconds += seconds
        }
    }

    /// The last hour, oldest minute first.
    public func snapshot() -> RunnerActivity {
        let now = clock().timeIntervalSince1970
        let current = Self.minute(of: now)
        return state.withLock { state in
            var minutes: [RunnerActivity.Minute] = []
            var carried: Int?
            for minute in (current - Int64(Self.span) + 1)...current {
                if let slot = state.slots[Self.index(minute)], slot.minute == minute {
                    minutes.append(slot.figures)
                    carried = slot.queueEnd
                } else {
                    minutes.append(RunnerActivity.Minute(queueDepth: carried ?? 0))
                }
            }
            // A queue that has not changed for the whole hour still shows its depth in the latest minute.
            if carried == nil, let last = minutes.indices.last { minutes[last].queueDepth = state.queueNow }
            return RunnerActivity(minutes: minutes, currentSeconds: now - Double(current) * 60, queueNow: state.queueNow)
        }
    }

    private func update(_ change: (inout Slot) -> Void, queue: ((inout Int) -> Void)? = nil) {
        let minute = Self.minute(of: clock().timeIntervalSince1970)
        state.withLock { state in
            queue?(&state.queueNow)
            let index = Self.index(minute)
            if state.slots[index]?.minute != minute {
                var fresh = Slot(minute: minute)
                fresh.figures.queueDepth = state.queueNow
                fresh.queueEnd = state.queueNow
                state.slots[index] = fresh
            }
            if var slot = state.slots[index] {
                change(&slot)
                state.slots[index] = slot
            }
        }
    }

    private static func minute(of seconds: Double) -> Int64 {
        guard seconds.isFinite else { return 0 }
        return Int64(max(-9e15, min(9e15, (seconds / 60).rounded(.down))))
    }

    private static func index(_ minute: Int64) -> Int {
        Int(((minute % Int64(span)) + Int64(span)) % Int64(span))
    }
}
