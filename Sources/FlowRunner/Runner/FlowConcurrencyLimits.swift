import FlowModel

/// Each flow's run limits from its trigger's concurrency control (`runtimeConfiguration.concurrency`); a flow without
/// the setting runs at the runner's per-flow default and is bounded only by the global backlog.
struct FlowConcurrencyLimits: Sendable {
    private var runsByFlow: [String: Int] = [:]
    private var waitingByFlow: [String: Int] = [:]
    private(set) var defaultRuns = 4

    init() {}

    init(flows: some Sequence<Flow>, defaultRuns: Int) {
        self.defaultRuns = defaultRuns
        for flow in flows {
            guard let control = flow.trigger?.concurrency else { continue }
            if let runs = control.runs { runsByFlow[flow.id] = runs }
            if let waiting = control.waitingLimit { waitingByFlow[flow.id] = waiting }
        }
    }

    /// Runs of the flow allowed at once.
    func runs(_ flowId: String) -> Int { runsByFlow[flowId] ?? defaultRuns }

    /// Runs of the flow allowed to wait for a slot; nil when only the global backlog bounds them.
    func waiting(_ flowId: String) -> Int? { waitingByFlow[flowId] }
}

/// What `Runner.accept` does with an event for a flow whose waiting runs are at its `maximumWaitingRuns`.
public enum WhenFlowFull: Sendable {
    /// Refuse the whole event (nothing is stored): the intake answers 429 with `Retry-After`.
    case refuse
    /// Store the event without that flow's run, with a note (refresh-driven events, as the reference skips
    /// recurrences beyond the limit).
    case skip
}

/// An event refused because a flow it fires already has its `maximumWaitingRuns` runs waiting (nothing was stored).
public struct RunnerBusy: Error, Sendable, CustomStringConvertible {
    public var flowId: String
    public var waiting: Int
    /// Seconds the sender should wait before sending again.
    public var retryAfter: Int = 1

    public var description: String {
        "the flow '\(flowId)' already has \(waiting) runs waiting (its trigger's maximumWaitingRuns); retry in \(retryAfter) s (nothing was stored)"
    }
}

extension Runner {
    /// True when the flow has as many runs waiting as its trigger's concurrency control allows.
    func waitingIsFull(_ flowId: String) -> Bool {
        guard let limit = concurrency.waiting(flowId) else { return false }
        return queue.queued(flowId: flowId) >= limit
    }

    /// 429 with `Retry-After` when the runner's backlog is at its bound or the flow's waiting runs are at its
    /// `maximumWaitingRuns`; nil while there is room (an invocation is refused before anything is stored).
    func busyAnswer(flowId: String) -> InvocationAnswer? {
        let reason: String
        if let seconds = retryAfterWhenFull() {
            reason = "the runner's queue of waiting runs is full; retry in \(seconds) s (nothing was stored)"
        } else if waitingIsFull(flowId) {
            reason = RunnerBusy(flowId: flowId, waiting: queue.queued(flowId: flowId)).description
        } else {
            return nil
        }
        var answer = InvocationAnswer.error(429, code: "TooManyRequests", reason)
        answer.headers["Retry-After"] = "1"
        return answer
    }

    /// The run limit in effect for a flow (its trigger's `runs`, else the runner's per-flow default).
    public func concurrencyLimit(flowId: String) -> Int { concurrency.runs(flowId) }

    /// Runs of a flow queued and not started.
    public func waitingRuns(flowId: String) -> Int { queue.queued(flowId: flowId) }
}
