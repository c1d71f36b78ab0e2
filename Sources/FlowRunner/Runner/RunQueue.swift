/// The runs waiting to start, with global and per-flow concurrency limits; first in, first out per flow.
struct RunQueue {
    private var waiting: [RunRecord] = []
    private var head = 0
    private var running: [String: Int] = [:]
    private var runningTotal = 0

    var isIdle: Bool { runningTotal == 0 && head == waiting.count }

    mutating func add(_ run: RunRecord) { waiting.append(run) }

    /// The first waiting run whose flow is under its limit, if the global limit allows one more.
    mutating func next(global: Int, perFlow: Int) -> RunRecord? {
        guard runningTotal < global else { return nil }
        var index = head
        while index < waiting.count {
            let run = waiting[index]
            if running[run.flowId, default: 0] < perFlow {
                if index == head { head += 1 } else { waiting.remove(at: index) }
                running[run.flowId, default: 0] += 1
                runningTotal += 1
                compact()
                return run
            }
            index += 1
        }
        return nil
    }

    mutating func finish(_ run: RunRecord) {
        guard let count = running[run.flowId], count > 0 else { return }
        running[run.flowId] = count - 1
        runningTotal -= 1
    }

    private mutating func compact() {
        if head > 1024, head * 2 > waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
    }
}
