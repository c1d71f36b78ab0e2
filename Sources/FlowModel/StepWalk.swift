import FlowExpressions

/// A step located in its flow: its JSON path, its scope (siblings) and its enclosing steps. A class: the checker's
/// rules pass each step around many times, and a reference costs one retain where a copy of the struct cost a dozen.
public final class LocatedStep: Sendable {
    public let step: Step
    /// JSON path components from the file root to the step object.
    public let path: [JSONPath.Component]
    /// Names of the enclosing container steps, outermost first.
    public let ancestors: [String]
    /// The label of the branch holding the step (`actions`, `else`, `cases.X`, `default`), nil at top level.
    public let branch: String?
    /// The sibling steps of the same scope, in order (including this one).
    public let siblings: [String]
    /// The step's index among `siblings`.
    public let index: Int

    /// The path as text (rendered once, when the flow is walked).
    public let pathText: String

    init(step: Step, path: [JSONPath.Component], ancestors: [String], branch: String?, siblings: [String], index: Int) {
        self.step = step
        self.path = path
        self.ancestors = ancestors
        self.branch = branch
        self.siblings = siblings
        self.index = index
        self.pathText = JSONPath.render(path)
    }
}

extension WorkflowDefinition {
    /// Every step of the flow in document order (pre-order: a container before its children).
    public var allSteps: [LocatedStep] {
        var result: [LocatedStep] = []
        Self.walk(actions, path: [.key("definition"), .key("actions")], ancestors: [], branch: nil, into: &result)
        return result
    }

    private static func walk(_ steps: StepList, path: [JSONPath.Component], ancestors: [String], branch: String?, into result: inout [LocatedStep]) {
        let names = Array(steps.keys)
        for (index, (name, step)) in steps.enumerated() {
            let stepPath = path + [.key(name)]
            result.append(LocatedStep(step: step, path: stepPath, ancestors: ancestors, branch: branch, siblings: names, index: index))
            for (label, children) in step.branches {
                walk(children, path: stepPath + branchPath(label), ancestors: ancestors + [name], branch: label, into: &result)
            }
        }
    }

    /// The JSON path of a branch label under its step.
    static func branchPath(_ label: String) -> [JSONPath.Component] {
        switch label {
        case "actions": return [.key("actions")]
        case "else": return [.key("else"), .key("actions")]
        case "default": return [.key("default"), .key("actions")]
        default: return [.key("cases"), .key(String(label.dropFirst("cases.".count))), .key("actions")]
        }
    }

    /// How many steps the flow has, nested ones included.
    public var stepCount: Int { actions.values.reduce(0) { $0 + $1.stepCount } }

    /// The step with this name anywhere in the flow.
    public func step(named name: String) -> Step? {
        allSteps.first { $0.step.name == name }?.step
    }
}
