import FlowExpressions

/// Synthetic flows of any size, for benchmarks, load tests and fixtures.
public enum SampleFlows {
    /// A flow of `count` steps: Initialize variable, then Compose / Set variable / Condition (holding one Compose)
    /// repeating, each after the previous, on the unification trigger.
    public static func long(id: String, steps count: Int) -> Flow {
        var flow = Flow(id: id, displayName: "Long flow \(id)", trigger: Trigger(kind: .unificationCompleted))
        flow.definition.actions["Init"] = Step(name: "Init", type: .initializeVariable, inputs: ["variables": [["name": "total", "type": "Integer", "value": 0]]])
        var previous = "Init"
        var made = 1
        var i = 1
        while made < count {
            let name = "Step_\(i)"
            var step = step(i, name: name)
            made += 1 + (step.actions?.count ?? 0)
            step.runAfter = [previous: [.succeeded]]
            flow.definition.actions[name] = step
            previous = name
            i += 1
        }
        return flow
    }

    private static func step(_ i: Int, name: String) -> Step {
        switch i % 3 {
        case 0:
            var step = Step(name: name, type: .condition)
            step.expression = .string("@greater(triggerBody()?['profilesOut'], \(i))")
            step.actions = ["Inner_\(i)": Step(name: "Inner_\(i)", type: .compose, inputs: .string("@{variables('total')} profiles"))]
            return step
        case 1:
            return Step(name: name, type: .compose, inputs: ["profiles": "@triggerBody()?['profilesOut']", "note": .string("Step \(i) of @{workflow()?['name']}")])
        default:
            return Step(name: name, type: .setVariable, inputs: ["name": "total", "value": .string("@add(variables('total'), \(i))")])
        }
    }
}
