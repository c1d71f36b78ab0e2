import FlowModel
import OrderedCollections

/// The reference language's rules for whether an action may run and how a scope, loop or run ends
/// (docs/run-semantics.md cites the pages).
enum ScopeStatus {
    /// True when every `runAfter` predecessor ended in one of its allowed statuses (empty list: Succeeded).
    static func mayRun(_ step: Step, statuses: [String: StepStatus]) -> Bool {
        for (predecessor, allowed) in step.runAfter {
            let wanted = allowed.isEmpty ? [.succeeded] : allowed
            guard let status = statuses[predecessor], wanted.contains(where: { matches($0, status) }) else { return false }
        }
        return true
    }

    /// The first `runAfter` entry that is not satisfied, for the Skipped record's reason.
    static func unmetCondition(_ step: Step, statuses: [String: StepStatus]) -> String? {
        for (predecessor, allowed) in step.runAfter {
            let wanted = allowed.isEmpty ? [.succeeded] : allowed
            let status = statuses[predecessor]
            if let status, wanted.contains(where: { matches($0, status) }) { continue }
            let expected = wanted.map(\.rawValue).joined(separator: "' or '")
            return "not run: it runs after '\(predecessor)' when that ends '\(expected)', and '\(predecessor)' ended '\(status?.rawValue ?? "not run")'"
        }
        return nil
    }

    /// Whether a finished status satisfies a `runAfter` status. `Failed` also covers Cancelled and Aborted actions.
    static func matches(_ wanted: RunAfterStatus, _ status: StepStatus) -> Bool {
        switch (wanted, status) {
        case (.succeeded, .succeeded), (.failed, .failed), (.skipped, .skipped), (.timedOut, .timedOut): return true
        case (.failed, .cancelled), (.failed, .aborted): return true
        default: return false
        }
    }

    /// A scope's (or the run's) status from its actions: each branch ends in a terminal action (one no sibling runs
    /// after); a Skipped terminal action takes its predecessors' status; the scope fails when any branch ends
    /// Failed, TimedOut or Cancelled, is Aborted when a branch was aborted, and otherwise succeeds. A failure that a
    /// later action handled (it ran after Failed and succeeded) ends its branch Succeeded.
    static func aggregate(_ steps: StepList, statuses: [String: StepStatus]) -> StepStatus {
        var predecessors = Set<String>()
        for step in steps.values { predecessors.formUnion(step.runAfter.keys) }
        var result = StepStatus.succeeded
        var memo: [String: StepStatus] = [:]
        for name in steps.keys where !predecessors.contains(name) {
            switch branchStatus(name, steps: steps, statuses: statuses, memo: &memo, depth: 0) {
            case .failed, .timedOut, .cancelled: return .failed
            case .aborted: result = .aborted
            default: break
            }
        }
        return result
    }

    /// The status a branch ending in `name` contributes: its own, or for Skipped the worst of its predecessors'.
    private static func branchStatus(_ name: String, steps: StepList, statuses: [String: StepStatus], memo: inout [String: StepStatus], depth: Int) -> StepStatus {
        if let known = memo[name] { return known }
        guard let status = statuses[name] else { return .succeeded }
        guard status == .skipped, depth < steps.count, let step = steps[name] else { return status }
        var worst = StepStatus.succeeded
        for predecessor in step.runAfter.keys where steps[predecessor] != nil {
            let inherited = branchStatus(predecessor, steps: steps, statuses: statuses, memo: &memo, depth: depth + 1)
            if rank(inherited) > rank(worst) { worst = inherited }
        }
        memo[name] = worst
        return worst
    }

    private static func rank(_ status: StepStatus) -> Int {
        switch status {
        case .failed, .timedOut, .cancelled: return 2
        case .aborted: return 1
        default: return 0
        }
    }

    /// The run status for a top-level aggregate.
    static func runStatus(_ status: StepStatus) -> RunStatus {
        switch status {
        case .failed, .timedOut, .cancelled: return .failed
        case .aborted: return .aborted
        default: return .succeeded
        }
    }
}
