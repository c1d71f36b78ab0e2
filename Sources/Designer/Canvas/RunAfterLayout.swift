import FlowModel

/// How the canvas shows the `runAfter` graph of one scope: steps in run order (the order of keys in the file means
/// nothing), parallel branches marked, and run-after statuses other than Succeeded spelled out.
enum RunAfterLayout {
    /// The scope's steps in an order that runs every step after its predecessors: file order, except that a step
    /// listed before its predecessors is drawn right after the last of them. Steps in a cycle or after an unknown
    /// step come last, in file order. Linear in the number of steps and links.
    static func order(_ steps: StepList) -> [String] {
        var remaining: [String: Int] = [:]
        var successors: [String: [String]] = [:]
        for (name, step) in steps {
            var count = 0
            for predecessor in step.runAfter.keys where steps[predecessor] != nil && predecessor != name {
                count += 1
                successors[predecessor, default: []].append(name)
            }
            remaining[name] = count
        }
        var result: [String] = []
        result.reserveCapacity(steps.count)
        var placed = Set<String>()
        var deferred = Set<String>()
        func place(_ name: String) {
            result.append(name)
            placed.insert(name)
            for successor in successors[name] ?? [] {
                let count = (remaining[successor] ?? 1) - 1
                remaining[successor] = count
                if count == 0, deferred.remove(successor) != nil { place(successor) }
            }
        }
        for name in steps.keys {
            if remaining[name] == 0 { place(name) } else { deferred.insert(name) }
        }
        for name in steps.keys where !placed.contains(name) { result.append(name) }
        return result
    }

    /// Steps that start a parallel branch: two or more steps of the scope wait for exactly the same predecessors.
    static func parallelSteps(_ steps: StepList) -> Set<String> {
        var groups: [[String]: [String]] = [:]
        for (name, step) in steps {
            groups[step.runAfter.keys.sorted(), default: []].append(name)
        }
        return Set(groups.values.filter { $0.count > 1 }.flatMap { $0 })
    }

    /// The run-after statuses of a step, when they are not just Succeeded: `after Try is Failed/TimedOut`.
    static func statusNote(_ step: Step) -> String? {
        let special = step.runAfter.filter { !$0.value.isEmpty && $0.value != [.succeeded] }
        guard !special.isEmpty else { return nil }
        return "after " + special.map { "\($0.key) is \($0.value.map(\.rawValue).joined(separator: "/"))" }.joined(separator: ", ")
    }
}
