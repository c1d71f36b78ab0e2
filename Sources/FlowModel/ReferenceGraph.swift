import FlowExpressions

/// Which steps a step may reference: those guaranteed to have finished before it runs — the runAfter
/// predecessors (transitively) of the step and of each enclosing step, with everything inside them.
struct ReferenceGraph {
    private let byName: [String: LocatedStep]
    private let variables: Set<String>

    init(steps: [LocatedStep], variables: Set<String>) {
        byName = Dictionary(steps.map { ($0.step.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.variables = variables
    }

    /// The problems with what `references` names, seen from `located`.
    func problems(_ references: ExpressionReferences, from located: LocatedStep, path: String, field: String?) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        let name = located.step.name
        let before = finishedBefore(located)
        for loop in references.loops.sorted() {
            guard byName[loop] != nil else {
                issues.append(FlowIssue(.error, path: path, step: name, field: field, "items('\(loop)') names a loop that does not exist"))
                continue
            }
            if !located.ancestors.contains(loop) || byName[loop]?.step.type != .foreach {
                issues.append(FlowIssue(.error, path: path, step: name, field: field, "items('\(loop)') can only be used inside the Apply to each '\(loop)'"))
            }
        }
        for referenced in references.steps.subtracting(references.loops).sorted() {
            if byName[referenced] == nil {
                issues.append(FlowIssue(.error, path: path, step: name, field: field, "references the step '\(referenced)', which does not exist"))
            } else if referenced == name || located.ancestors.contains(referenced) {
                issues.append(FlowIssue(.error, path: path, step: name, field: field, "references '\(referenced)', which has not finished when this step runs"))
            } else if !before.contains(referenced) {
                issues.append(FlowIssue(.error, path: path, step: name, field: field, "references the step '\(referenced)', which does not run before this one; make this step run after it (runAfter) or move it below"))
            }
        }
        for variable in references.variables.sorted() where !variables.contains(variable.lowercased()) {
            issues.append(FlowIssue(.error, path: path, step: name, field: field, "uses the variable '\(variable)', which no Initialize variable step declares"))
        }
        return issues
    }

    /// Names of the steps certain to have finished before `located` starts.
    func finishedBefore(_ located: LocatedStep) -> Set<String> {
        var result: Set<String> = []
        for member in [located.step.name] + located.ancestors {
            var pending = Array(byName[member]?.step.runAfter.keys ?? [])
            while let predecessor = pending.popLast() {
                guard let step = byName[predecessor]?.step, result.insert(predecessor).inserted else { continue }
                result.formUnion(Self.descendants(of: step))
                pending += step.runAfter.keys
            }
        }
        return result
    }

    static func descendants(of step: Step) -> Set<String> {
        var names: Set<String> = []
        for (_, children) in step.branches {
            for (name, child) in children {
                names.insert(name)
                names.formUnion(descendants(of: child))
            }
        }
        return names
    }
}
