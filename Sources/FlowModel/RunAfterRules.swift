/// `runAfter`: every predecessor exists and is a sibling in the same scope, and there are no cycles. The order of
/// keys in `actions` means nothing (only `runAfter` orders actions), so a step may be listed before its predecessor.
enum RunAfterRules {
    static func check(_ steps: [LocatedStep]) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        let all = Set(steps.map(\.step.name))
        for located in steps {
            let step = located.step
            for (predecessor, statuses) in step.runAfter {
                let path = located.pathText + ".runAfter." + predecessor
                if predecessor == step.name {
                    issues.append(FlowIssue(.error, path: path, step: step.name, field: "runAfter", "a step cannot run after itself"))
                } else if !all.contains(predecessor) {
                    issues.append(FlowIssue(.error, path: path, step: step.name, field: "runAfter", "runs after '\(predecessor)', which does not exist; pick a step of the same scope"))
                } else if !located.siblings.contains(predecessor) {
                    issues.append(FlowIssue(.error, path: path, step: step.name, field: "runAfter", "runs after '\(predecessor)', which is in another scope; runAfter can only name steps of the same scope"))
                }
                if statuses.isEmpty {
                    issues.append(FlowIssue(.warning, path: path, step: step.name, field: "runAfter", "no statuses listed after '\(predecessor)'; the reference designer treats that as [\"Succeeded\"]"))
                }
            }
        }
        issues += cycles(steps)
        return issues
    }

    /// Reports each runAfter cycle once, at the first step of the cycle in document order.
    static func cycles(_ steps: [LocatedStep]) -> [FlowIssue] {
        let byName = Dictionary(steps.map { ($0.step.name, $0) }, uniquingKeysWith: { first, _ in first })
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var issues: [FlowIssue] = []
        func visit(_ name: String, _ trail: [String]) {
            guard let located = byName[name] else { return }
            state[name] = 1
            for predecessor in located.step.runAfter.keys where byName[predecessor] != nil {
                if state[predecessor] == 1 {
                    let cycle = Array(trail.drop { $0 != predecessor }) + [name, predecessor]
                    issues.append(FlowIssue(.error, path: located.pathText + ".runAfter", step: name, field: "runAfter", "runAfter forms a cycle: \(cycle.joined(separator: " → ")); remove one of these links"))
                } else if state[predecessor] == nil {
                    visit(predecessor, trail + [name])
                }
            }
            state[name] = 2
        }
        for located in steps where state[located.step.name] == nil {
            visit(located.step.name, [])
        }
        return issues
    }
}
