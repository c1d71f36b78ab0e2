import FlowExpressions

/// Which steps a step may reference: those guaranteed to have finished before it runs — the runAfter
/// predecessors (transitively) of the step and of each enclosing step, with everything inside them.
/// Each step's set is computed once and reused (the walk is memoized per step); sets are bit sets over the
/// steps' positions, so a 200-step chain's closures cost word operations, not string hashing.
final class ReferenceGraph {
    private let byName: [String: LocatedStep]
    /// Each step's position in the bit sets.
    private let position: [String: Int]
    private let variables: Set<String>
    private var memo: [String: StepSet] = [:]
    private var descendantsMemo: [String: StepSet] = [:]
    private var beforeMemo: [String: StepSet] = [:]

    init(steps: [LocatedStep], variables: Set<String>) {
        byName = Dictionary(steps.map { ($0.step.name, $0) }, uniquingKeysWith: { first, _ in first })
        position = Dictionary(byName.keys.sorted().enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
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
            } else if !finishedBefore(located).contains(position[referenced] ?? -1),
                      !(isLoopCondition(components, of: located) && descendants(of: name).contains(position[referenced] ?? -1)) {
                issues.append(FlowIssue(.error, path: path, step: name, field: field, "references the step '\(referenced)', which does not run before this one; make this step run after it (runAfter), directly or through its predecessors"))
            }
        }
        for variable in references.variables.sorted() where !variables.contains(variable.lowercased()) {
            issues.append(FlowIssue(.error, path: path, step: name, field: field, "uses the variable '\(variable)', which no Initialize variable step declares"))
        }
        return issues
    }

    /// True when `components` point into the `expression` of the Do until `located`: it is evaluated after each
    /// iteration, when the steps inside the loop have run.
    private func isLoopCondition(_ components: [JSONPath.Component], of located: LocatedStep) -> Bool {
        located.step.type == .until && components.count > located.path.count && components[located.path.count] == .key("expression")
            && Array(components.prefix(located.path.count)) == located.path
    }

    /// The names of the steps certain to have finished before `located` starts.
    func namesFinishedBefore(_ located: LocatedStep) -> Set<String> {
        let finished = finishedBefore(located)
        return Set(position.compactMap { finished.contains($0.value) ? $0.key : nil })
    }

    /// The steps certain to have finished before `located` starts.
    func finishedBefore(_ located: LocatedStep) -> StepSet {
        if let known = beforeMemo[located.step.name] { return known }
        var result = StepSet(count: position.count)
        for member in [located.step.name] + located.ancestors {
            var visiting: Set<String> = []
            result.formUnion(predecessorsClosure(member, visiting: &visiting))
        }
        beforeMemo[located.step.name] = result
        return result
    }

    /// The runAfter predecessors of a step, transitively, with every step nested in them.
    private func predecessorsClosure(_ name: String, visiting: inout Set<String>) -> StepSet {
        if let known = memo[name] { return known }
        guard let step = byName[name]?.step, visiting.insert(name).inserted else { return StepSet(count: position.count) }
        defer { visiting.remove(name) }
        var result = StepSet(count: position.count)
        for predecessor in step.runAfter.keys where byName[predecessor] != nil {
            result.insert(position[predecessor] ?? -1)
            result.formUnion(descendants(of: predecessor))
            result.formUnion(predecessorsClosure(predecessor, visiting: &visiting))
        }
        memo[name] = result
        return result
    }

    private func descendants(of name: String) -> StepSet {
        if let known = descendantsMemo[name] { return known }
        var set = StepSet(count: position.count)
        for nested in byName[name].map({ Self.descendants(of: $0.step) }) ?? [] { set.insert(position[nested] ?? -1) }
        descendantsMemo[name] = set
        return set
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

/// A set of steps by position: one bit each.
struct StepSet {
    private var words: [UInt64]

    init(count: Int) { words = Array(repeating: 0, count: (max(count, 0) + 63) / 64) }

    /// Adds the step at `index` (a negative or too large index is ignored).
    mutating func insert(_ index: Int) {
        guard index >= 0, index / 64 < words.count else { return }
        words[index / 64] |= 1 << UInt64(index % 64)
    }

    func contains(_ index: Int) -> Bool {
        guard index >= 0, index / 64 < words.count else { return false }
        return words[index / 64] & (1 << UInt64(index % 64)) != 0
    }

    mutating func formUnion(_ other: StepSet) {
        for i in words.indices where i < other.words.count { words[i] |= other.words[i] }
    }
}

extension WorkflowDefinition {
    /// The steps whose outputs the step `name` may use, by the checker's rule: those certain to have finished
    /// before it starts (the runAfter predecessors of the step and of its enclosing steps, transitively, with
    /// everything inside them). Nil when the flow has no such step.
    public func stepsFinished(before name: String) -> Set<String>? {
        let steps = allSteps
        guard let located = steps.first(where: { $0.step.name == name }) else { return nil }
        return ReferenceGraph(steps: steps, variables: []).namesFinishedBefore(located)
    }
}
