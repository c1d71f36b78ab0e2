import FlowModel

/// The reference language's rules for whether a step may run and how a scope or run ends.
enum ScopeStatus {
    /// True when every `runAfter` predecessor ended in one of its allowed statuses (empty list: Succeeded).
    static func mayRun(_ step: Step, statuses: [String: StepStatus]) -> Bool {
        for (predecessor, allowed) in step.runAfter {
            let wanted = allowed.isEmpty ? [.succeeded] : allowed
            guard let status = statuses[predecessor], wanted.contains(where: { matches($0, status) }) else { return false }
        }
        return true
    }

    static func matches(_ wanted: RunAfterStatus, _ status: StepStatus) -> Bool {
        switch (wanted, status) {
        case (.succeeded, .succeeded), (.failed, .failed), (.skipped, .skipped), (.timedOut, .timedOut): return true
        case (.failed, .cancelled): return true
        default: return false
        }
    }

    /// A scope fails when one of its last steps (those no other step of the scope runs after) failed or timed out;
    /// a failure handled by a later step does not fail the scope.
    static func aggregate(_ steps: StepList, statuses: [String: StepStatus]) -> StepStatus {
        let predecessors = Set(steps.values.flatMap { $0.runAfter.keys })
        for (name, _) in steps where !predecessors.contains(name) {
            if statuses[name] == .failed || statuses[name] == .timedOut || statuses[name] == .cancelled { return .failed }
        }
        return .succeeded
    }
}
