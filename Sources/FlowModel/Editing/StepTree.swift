import FlowExpressions
import OrderedCollections

/// A branch of a container step: the step's name and the branch label (`actions`, `else`, `cases.X`, `default`).
public struct BranchRef: Sendable, Hashable {
    public var container: String
    public var branch: String

    public init(container: String, branch: String) {
        self.container = container
        self.branch = branch
    }
}

/// Where a new step goes: right after a step (in its scope), or first in a branch (nil: first at top level).
public enum Placement: Sendable, Hashable {
    case after(String)
    case start(BranchRef?)
    /// A parallel branch: after the same steps (with the same statuses) as the named step, beside it.
    case beside(String)
}

/// Structural edits of a flow's step tree that keep the `runAfter` chain of each scope intact.
public enum StepTree {
    /// The branches leading to the scope holding `name` (empty: top level), or nil when there is no such step.
    public static func scope(of name: String, in definition: WorkflowDefinition) -> [BranchRef]? {
        search(name, in: definition.actions, path: [])
    }

    private static func search(_ name: String, in steps: StepList, path: [BranchRef]) -> [BranchRef]? {
        if steps[name] != nil { return path }
        for (stepName, step) in steps {
            for (label, children) in step.branches {
                if let found = search(name, in: children, path: path + [BranchRef(container: stepName, branch: label)]) { return found }
            }
        }
        return nil
    }

    /// Applies `body` to the step list at `path`.
    public static func withScope(_ path: [BranchRef], in steps: inout StepList, _ body: (inout StepList) -> Void) {
        guard let first = path.first, var container = steps[first.container] else {
            if path.isEmpty { body(&steps) }
            return
        }
        container.modifyBranch(first.branch) { withScope(Array(path.dropFirst()), in: &$0, body) }
        steps[first.container] = container
    }

    /// Inserts `step` at `placement`, making it run after its predecessor and its successor run after it.
    public static func insert(_ step: Step, at placement: Placement, in definition: inout WorkflowDefinition) {
        var new = step
        switch placement {
        case .after(let anchor):
            guard let path = scope(of: anchor, in: definition) else { return }
            withScope(path, in: &definition.actions) { siblings in
                new.runAfter = [anchor: [.succeeded]]
                for (name, var sibling) in siblings {
                    guard let statuses = sibling.runAfter.removeValue(forKey: anchor) else { continue }
                    sibling.runAfter[new.name] = statuses
                    siblings[name] = sibling
                }
                let index = (siblings.index(forKey: anchor) ?? siblings.count - 1) + 1
                siblings.updateValue(new, forKey: new.name, insertingAt: index)
            }
        case .beside(let anchor):
            guard let path = scope(of: anchor, in: definition) else { return }
            withScope(path, in: &definition.actions) { siblings in
                new.runAfter = siblings[anchor]?.runAfter ?? [:]
                let index = (siblings.index(forKey: anchor) ?? siblings.count - 1) + 1
                siblings.updateValue(new, forKey: new.name, insertingAt: index)
            }
        case .start(let branch):
            let path = branch.map { (scope(of: $0.container, in: definition) ?? []) + [$0] } ?? []
            withScope(path, in: &definition.actions) { siblings in
                new.runAfter = [:]
                for (name, var sibling) in siblings where sibling.runAfter.isEmpty {
                    sibling.runAfter = [new.name: [.succeeded]]
                    siblings[name] = sibling
                }
                siblings.updateValue(new, forKey: new.name, insertingAt: 0)
            }
        }
    }

    /// Removes a step; the steps that ran after it now run after its own predecessors.
    @discardableResult
    public static func remove(_ name: String, from definition: inout WorkflowDefinition) -> Step? {
        guard let path = scope(of: name, in: definition) else { return nil }
        var removed: Step?
        withScope(path, in: &definition.actions) { siblings in
            guard let step = siblings.removeValue(forKey: name) else { return }
            removed = step
            for (other, var sibling) in siblings {
                guard sibling.runAfter.removeValue(forKey: name) != nil else { continue }
                for (predecessor, statuses) in step.runAfter where sibling.runAfter[predecessor] == nil {
                    sibling.runAfter[predecessor] = statuses
                }
                siblings[other] = sibling
            }
        }
        return removed
    }

    /// Moves a step one place up (`by: -1`) or down (`by: 1`) among its siblings; false at either end.
    @discardableResult
    public static func move(_ name: String, by offset: Int, in definition: inout WorkflowDefinition) -> Bool {
        guard let path = scope(of: name, in: definition) else { return false }
        var siblings: [String] = []
        withScope(path, in: &definition.actions) { siblings = Array($0.keys) }
        guard let index = siblings.firstIndex(of: name) else { return false }
        let target = index + offset
        guard target >= 0, target < siblings.count else { return false }
        // Neither runs after the other (parallel branches): swap their places only. Re-chaining them would make
        // one wait for the other, and be skipped when it fails.
        var independent = false
        withScope(path, in: &definition.actions) { list in
            guard let step = list[name], let neighbour = list[siblings[target]] else { return }
            independent = step.runAfter[neighbour.name] == nil && neighbour.runAfter[name] == nil
        }
        if independent {
            withScope(path, in: &definition.actions) { $0.swapAt(index, target) }
            return true
        }
        guard var step = remove(name, from: &definition) else { return false }
        step.runAfter = [:]
        let remaining = siblings.filter { $0 != name }
        let placement: Placement = target == 0 ? .start(path.last) : .after(remaining[target - 1])
        insert(step, at: placement, in: &definition)
        return true
    }

    /// A step name not used anywhere in the flow: `base`, else `base_2`, `base_3`...
    public static func uniqueName(_ base: String, in definition: WorkflowDefinition) -> String {
        let taken = Set(definition.allSteps.map(\.step.name))
        var candidate = base
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(base)_\(counter)"
            counter += 1
        }
        return candidate
    }
}

extension Step {
    /// Applies `body` to one of this step's branches, creating it when missing.
    public mutating func modifyBranch(_ label: String, _ body: (inout StepList) -> Void) {
        switch label {
        case "actions":
            var list = actions ?? [:]
            body(&list)
            actions = list
        case "else":
            var list = elseActions ?? [:]
            body(&list)
            elseActions = list
        case "default":
            var list = defaultActions ?? [:]
            body(&list)
            defaultActions = list
        default:
            let caseName = String(label.dropFirst("cases.".count))
            // A new case matches its name: a whole number as a number (switches on counts), else as text.
            var branch = cases?[caseName] ?? SwitchCase(value: Int(caseName).map(JSONValue.int) ?? .string(caseName))
            body(&branch.actions)
            if cases == nil { cases = [:] }
            cases?[caseName] = branch
        }
    }
}

extension StepTree {
    /// Replaces the step called `name` (in place, keeping its position) with `step`.
    public static func replace(_ name: String, with step: Step, in definition: inout WorkflowDefinition) {
        guard let path = scope(of: name, in: definition) else { return }
        withScope(path, in: &definition.actions) { siblings in siblings[name] = step }
    }
}
