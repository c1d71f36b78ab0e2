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
    /// Runs queued and not started, by flow (what a flow's `maximumWaitingRuns` bounds).
    private var queuedByFlow: [String: Int] = [:]

    var isIdle: Bool { runningTotal == 0 && waiting.isEmpty && released.isEmpty && blockedTotal == 0 }

    /// Runs queued and not yet started (the backlog the intake bounds with 429).
    var backlog: Int { waiting.count + released.count + blockedTotal }
    /// Runs started and not finished.
    var runningCount: Int { runningTotal }

    /// Runs of one flow queued and not yet started.
    func queued(flowId: String) -> Int { queuedByFlow[flowId, default: 0] }

    /// Runs of one flow started and not finished.
    func running(flowId: String) -> Int { running[flowId, default: 0] }

    mutating func add(_ run: RunRecord) {
        waiting.append(run)
        queuedByFlow[run.flowId, default: 0] += 1
    }

    /// The next run allowed to start when every flow has the same limit.
    mutating func next(global: Int, perFlow: Int) -> RunRecord? { next(global: global, perFlow: { _ in perFlow }) }

    /// The next run allowed to start, if the global limit allows one more; `perFlow` gives each flow's limit.
    mutating func next(global: Int, perFlow: (String) -> Int) -> RunRecord? {
        guard runningTotal < global else { return nil }
        if let run = released.popFirst() {
            let count = releasedByFlow[run.flowId, default: 1] - 1
            releasedByFlow[run.flowId] = count > 0 ? count : nil
            return start(run)
        }
        while let run = waiting.popFirst() {
            if running[run.flowId, default: 0] < perFlow(run.flowId) { return start(run) }
            blocked[run.flowId, default: []].append(run)
            blockedTotal += 1
        }
        return nil
    }

    /// Marks a run finished; `perFlow` is its flow's limit, so a lowered limit releases no more than it allows.
    mutating func finish(_ run: RunRecord, perFlow: Int) {
        guard let count = running[run.flowId], count > 0 else { return }
        running[run.flowId] = count == 1 ? nil : count - 1
        runningTotal -= 1
        release(run.flowId, perFlow: perFlow)
    }

    /// Moves a flow's blocked runs forward while the flow has free slots (after a finish, or a raised limit).
    mutating func release(_ flowId: String, perFlow: Int) {
        while running[flowId, default: 0] + releasedCount(flowId) < perFlow, let next = blocked[flowId]?.popFirst() {
            blockedTotal -= 1
            released.append(next)
            releasedByFlow[flowId, default: 0] += 1
        }
        if blocked[flowId]?.isEmpty == true { blocked.removeValue(forKey: flowId) }
    }

    /// The flows with runs blocked on their limit.
    var blockedFlows: [String] { Array(blocked.keys) }

    private var releasedByFlow: [String: Int] = [:]
    private func releasedCount(_ flowId: String) -> Int { releasedByFlow[flowId, default: 0] }

    private mutating func start(_ run: RunRecord) -> RunRecord {
        running[run.flowId, default: 0] += 1
        runningTotal += 1
        let queued = queuedByFlow[run.flowId, default: 1] - 1
        queuedByFlow[run.flowId] = queued > 0 ? queued : nil
        return run
    }
}
