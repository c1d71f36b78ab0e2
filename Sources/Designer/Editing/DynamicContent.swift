import FlowExpressions
import FlowModel

/// One insertable piece of dynamic content: where it comes from, what it is called, and the expression inserted.
public struct DynamicContentOption: Sendable, Hashable {
    public var source: String
    public var name: String
    public var token: String
}

/// The dynamic content a step may use: the trigger's outputs and the outputs of the steps before it.
public enum DynamicContent {
    /// The trigger's outputs: all a trigger condition may read.
    public static func triggerOutputs(in flow: Flow) -> [DynamicContentOption] {
        guard let kind = flow.trigger?.kind else { return [] }
        let spec = Catalog.trigger(kind)
        return spec.outputs.map { output in
            let token = output.key.isEmpty ? "@{triggerBody()}" : "@{triggerBody()?['\(output.key)']}"
            return DynamicContentOption(source: spec.displayName, name: output.displayName, token: token)
        }
    }

    /// Options for a field of step `stepName` (nil: a trigger field, which sees nothing).
    public static func options(for stepName: String?, in flow: Flow) -> [DynamicContentOption] {
        guard let stepName else { return [] }
        var options = triggerOutputs(in: flow)
        let steps = flow.definition.allSteps
        let ownAncestry = steps.first { $0.step.name == stepName }.map { Set($0.ancestors) } ?? []
        // Only steps certain to have run (the checker's rule): not the other branch of a Condition, not a
        // parallel branch, whose outputs may not exist when this step runs.
        let finished = flow.definition.stepsFinished(before: stepName)
        for located in steps {
            if located.step.name == stepName { break }
            if ownAncestry.contains(located.step.name) {
                // Inside an Apply to each: the item of the current iteration.
                if located.step.type == .foreach {
                    options.append(DynamicContentOption(source: located.step.name, name: "Current item", token: "@{items('\(located.step.name)')}"))
                }
                continue
            }
            let name = located.step.name
            if located.step.type == .initializeVariable, let variable = located.step.inputs?.value(atPath: "variables.0.name")?.stringValue {
                options.append(DynamicContentOption(source: "Variables", name: variable, token: "@{variables('\(variable)')}"))
            }
            if let finished, !finished.contains(name) { continue }
            options += outputs(of: located.step)
        }
        // A Do until's condition is evaluated after each iteration: the steps inside the loop have run.
        if flow.definition.step(named: stepName)?.type == .until {
            for located in steps where located.ancestors.contains(stepName) { options += outputs(of: located.step) }
        }
        return options
    }

    /// The outputs of `step` as dynamic content.
    private static func outputs(of step: Step) -> [DynamicContentOption] {
        let name = step.name
        var options: [DynamicContentOption] = []
        for output in Catalog.step(step.type)?.outputs ?? [] {
            let token: String
            if step.type == .compose {
                token = "@{outputs('\(name)')}"
            } else {
                token = output.key.isEmpty ? "@{body('\(name)')}" : "@{body('\(name)')?['\(output.key)']}"
            }
            options.append(DynamicContentOption(source: name, name: output.displayName, token: token))
        }
        if step.type == .parseJson {
            for property in JSONSchemaSubset(step.inputs?["schema"] ?? .null).topLevelProperties {
                let key = Expression.stringLiteral(property.name)
                options.append(DynamicContentOption(source: name, name: property.name, token: "@{body('\(name)')?[\(key)]}"))
            }
        }
        return options
    }
}
