import FlowExpressions

/// Which steps a step may reference: those guaranteed to have finished before it runs — the runAfter
/// predecessors (transitively) of the step and of each enclosing step, with everything inside them.
/// Each step's set is computed once and reused (the walk is memoized per step name).
final class ReferenceGraph {
    private let byName: [String: LocatedStep]
    private let variables: Set<String>
    private var memo: [String: Set<String>] = [:]
    private var descendantsMemo: [String: Set<String>] = [:]
    private var beforeMemo: [String: Set<String>] = [:]

    init(steps: [LocatedStep], variables: Set<String>) {
        byName = Dictionary(steps.map { ($0.step.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.variables = variables
    }

    /// The problems with what `references` names, seen from `located`.
    func problems(_ references: ExpressionReferences, from located: LocatedStep, at components: [JSONPath.Component], field: @autoclosure () -> String?) -> [FlowIssue] {
        guard !references.steps.isEmpty || !references.variables.allSatisfy({ variables.contains($0.lowercased()) }) else { return [] }
        let path = JSONPath.render(components)
        let field = field()
        var issues: [FlowIssue] = []
        let name = located.step.name
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
            } else if !finishedBefore(located).contains(referenced) {
                issues.append(FlowIssue(.error, path: path, step: name, field: field, "references the step '\(referenced)', which does not run before this one; make this step run after it (runAfter), directly or through its predecessors"))
            }
        }
        for variable in references.variables.sorted() where !variables.contains(variable.lowercased()) {
            issues.append(FlowIssue(.error, path: path, step: name, field: field, "uses the variable '\(variable)', which no Initialize variable step declares"))
        }
        return issues
    }

    /// Names of the steps certain to have finished before `located` starts.
    func finishedBefore(_ located: LocatedStep) -> Set<String> {
        if let known = beforeMemo[located.step.name] { return known }
        var result: Set<String> = []
        for member in [located.step.name] + located.ancestors {
            result.formUnion(predecessorsClosure(member, visiting: []))
        }
        beforeMemo[located.step.name] = result
        return result
    }

    /// The runAfter predecessors of a step, transitively, with every step nested in them.
    private func predecessorsClosure(_ name: String, visiting: Set<String>) -> Set<String> {
        if let known = memo[name] { return known }
        guard let step = byName[name]?.step, !visiting.contains(name) else { return [] }
        var result: Set<String> = []
        for predecessor in step.runAfter.keys where byName[predecessor] != nil {
            result.insert(predecessor)
            result.formUnion(descendants(of: predecessor))
            result.formUnion(predecessorsClosure(predecessor, visiting: visiting.union([name])))
        }
        memo[name] = result
        return result
    }

    private func descendants(of name: String) -> Set<String> {
        if let known = descendantsMemo[name] { return known }
        let names = byName[name].map { Self.descendants(of: $0.step) } ?? []
        descendantsMemo[name] = names
        return names
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
