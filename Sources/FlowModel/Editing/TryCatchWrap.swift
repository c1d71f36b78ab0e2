import FlowExpressions
import OrderedCollections

/// "Wrap in Try/Catch/Finally": moves sibling steps into a `Try` scope, followed by a `Catch` scope that runs when
/// Try failed or timed out (and reports the failed action's name and message from `result('Try')`), and a
/// `Finally` scope that runs after Catch whatever its status.
public enum TryCatchWrap {
    /// The names given to the new steps (each made unique in the flow).
    public struct Names: Sendable, Hashable {
        /// The scope holding the wrapped steps.
        public var tryScope: String
        /// The scope running after Try Failed or TimedOut.
        public var catchScope: String
        /// The scope running after Catch, whatever its status.
        public var finallyScope: String
        /// Catch's Filter array over `result('Try')`.
        public var failedActions: String
        /// Catch's Compose naming the failed action and its message.
        public var report: String
    }

    /// Every status: Finally runs after Catch whatever happened.
    static let anyStatus: [RunAfterStatus] = [.succeeded, .failed, .skipped, .timedOut]

    /// Wraps `names` (siblings of one branch, in their file order) and returns the new steps' names; nil (and the
    /// definition untouched) when the steps are not all in one branch.
    @discardableResult
    public static func wrap(_ names: [String], in definition: inout WorkflowDefinition) -> Names? {
        guard let first = names.first, let path = StepTree.scope(of: first, in: definition) else { return nil }
        guard names.allSatisfy({ StepTree.scope(of: $0, in: definition) == path }) else { return nil }
        let chosen = Set(names)
        let new = Names(tryScope: StepTree.uniqueName("Try", in: definition), catchScope: StepTree.uniqueName("Catch", in: definition),
                        finallyScope: StepTree.uniqueName("Finally", in: definition),
                        failedActions: StepTree.uniqueName("Failed_actions", in: definition),
                        report: StepTree.uniqueName("Report_error", in: definition))
        StepTree.withScope(path, in: &definition.actions) { siblings in
            var inner: StepList = [:]
            var outside: OrderedDictionary<String, [RunAfterStatus]> = [:]
            var position: Int?
            for (index, (name, step)) in siblings.enumerated() where chosen.contains(name) {
                position = position ?? index
                var moved = step
                for (predecessor, statuses) in step.runAfter where !chosen.contains(predecessor) {
                    moved.runAfter.removeValue(forKey: predecessor)
                    if outside[predecessor] == nil { outside[predecessor] = statuses }
                }
                inner[name] = moved
            }
            guard let position else { return }
            for name in names { siblings.removeValue(forKey: name) }
            // Steps that ran after a wrapped step now run after Finally, which ends whatever Try did.
            for (name, var sibling) in siblings {
                let before = sibling.runAfter.count
                sibling.runAfter.removeAll { chosen.contains($0.key) }
                guard sibling.runAfter.count != before else { continue }
                sibling.runAfter[new.finallyScope] = [.succeeded]
                siblings[name] = sibling
            }
            var tryScope = Step(name: new.tryScope, type: .scope, runAfter: outside)
            tryScope.actions = inner
            var catchScope = Step(name: new.catchScope, type: .scope, runAfter: [new.tryScope: [.failed, .timedOut]])
            catchScope.description = "Runs when \(new.tryScope) failed or timed out"
            catchScope.actions = catchSteps(new)
            var finallyScope = Step(name: new.finallyScope, type: .scope, runAfter: [new.catchScope: anyStatus])
            finallyScope.description = "Runs after \(new.catchScope), whatever happened"
            let index = min(position, siblings.count)
            siblings.updateValue(tryScope, forKey: tryScope.name, insertingAt: index)
            siblings.updateValue(catchScope, forKey: catchScope.name, insertingAt: index + 1)
            siblings.updateValue(finallyScope, forKey: finallyScope.name, insertingAt: index + 2)
        }
        return definition.step(named: new.tryScope) == nil ? nil : new
    }

    /// The Catch scope's steps: the failed actions of Try (`result('Try')` filtered on status), and a Compose
    /// reporting the first one's name and error message.
    static func catchSteps(_ names: Names) -> StepList {
        let failed = Step(name: names.failedActions, type: .query, inputs: [
            "from": .string("@result('\(names.tryScope)')"),
            "where": "@or(equals(item()?['status'], 'Failed'), equals(item()?['status'], 'TimedOut'))",
        ])
        let first = "first(body('\(names.failedActions)'))"
        let report = Step(name: names.report, type: .compose,
                          inputs: .string("@{\(first)?['name']} failed: @{\(first)?['error']?['message']}"),
                          runAfter: [names.failedActions: [.succeeded]])
        return [failed.name: failed, report.name: report]
    }
}
