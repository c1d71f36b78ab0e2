import Foundation
import Synchronization

/// What the history keeps: finished runs and processed events younger than `age` seconds, and at most `runs` runs
/// and `events` events (nil: no bound of that kind).
public struct RetentionPolicy: Sendable, Equatable {
    public var age: Double?
    public var runs: Int?
    public var events: Int?

    public init(age: Double?, runs: Int?, events: Int?) {
        self.age = age
        self.runs = runs
        self.events = events
    }
}

/// Applies the retention policy continuously in the background: a pass shortly after start and then every
/// `interval` seconds, each pass deleting in batches of `batch` rows with a pause between batches, so it never
/// blocks the runner's start or holds the writer for long, however much history has piled up.
public final class HistoryRetention: Sendable {
    private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// Starts pruning `history` by `policy` (the first pass after `firstDelay` seconds).
    public init(history: HistoryStore, policy: RetentionPolicy, interval: Double = 60, firstDelay: Double = 2, batch: Int = 1000) {
        let loop = Task.detached(priority: .background) {
            var delay = firstDelay
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(delay))
                delay = max(1, interval)
                // What the pass removed is noted at its end, and every 50 batches of a long pass (a history far over
                // its limits takes minutes to bring back), so Admin > System shows it working.
                var runs = 0, events = 0, batches = 0
                while !Task.isCancelled, let removed = try? history.pruneBatch(policy, limit: batch), removed.total > 0 {
                    runs += removed.runs
                    events += removed.events
                    batches += 1
                    if batches % 50 == 0 {
                        try? history.recordPrune(PruneRecord(at: Date(), runs: runs, events: events))
                        runs = 0
                        events = 0
                    }
                    try? await Task.sleep(for: .milliseconds(20))
                }
                if runs + events > 0 { try? history.recordPrune(PruneRecord(at: Date(), runs: runs, events: events)) }
            }
        }
        task.withLock { $0 = loop }
    }

    /// Stops pruning.
    public func stop() {
        task.withLock { $0?.cancel() }
    }

    deinit { task.withLock { $0?.cancel() } }
}
