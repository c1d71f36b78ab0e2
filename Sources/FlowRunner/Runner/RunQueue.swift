import DequeModule

/// The runs waiting to start, with global and per-flow concurrency limits; first in, first out per flow.
/// A run whose flow is at its limit waits in that flow's own line and moves forward when one of the flow's runs
/// finishes, so a burst on one flow never makes the queue rescan its whole backlog.
struct RunQueue {
    private var waiting = Deque<RunRecord>()
    /// Runs whose flow freed a slot: they are older than everything in `waiting`, so they go first.
    private var released = Deque<RunRecord>()
    private var blocked: [String: Deque<RunRecord>] = [:]
    private var running: [String: Int] = [:]
    private var runningTotal = 0
    private var blockedTotal = 0

    var isIdle: Bool { runningTotal == 0 && waiting.isEmpty && released.isEmpty && blockedTotal == 0 }

    /// Runs queued and not yet started (the backlog the intake bounds with 429).
    var backlog: Int { waiting.count + released.count + blockedTotal }
    /// Runs started and not finished.
    var runningCount: Int { runningTotal }

    mutating func add(_ run: RunRecord) { waiting.append(run) }

    /// The next run allowed to start, if the global limit allows one more.
    mutating func next(global: Int, perFlow: Int) -> RunRecord? {
        guard runningTotal < global else { return nil }
        if let run = released.popFirst() { return start(run) }
        while let run = waiting.popFirst() {
            if running[run.flowId, default: 0] < perFlow { return start(run) }
            blocked[run.flowId, default: []].append(run)
            blockedTotal += 1
        }
        return nil
    }

    mutating func finish(_ run: RunRecord) {
        guard let count = running[run.flowId], count > 0 else { return }
        running[run.flowId] = count - 1
        runningTotal -= 1
        if let next = blocked[run.flowId]?.popFirst() {
            blockedTotal -= 1
            released.append(next)
        }
        if blocked[run.flowId]?.isEmpty == true { blocked.removeValue(forKey: run.flowId) }
    }

    private mutating func start(_ run: RunRecord) -> RunRecord {
        running[run.flowId, default: 0] += 1
        runningTotal += 1
        return run
    }
}
