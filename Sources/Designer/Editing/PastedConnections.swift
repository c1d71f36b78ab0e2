import FlowExpressions
import FlowModel
import OrderedCollections

/// Connections of pasted steps: a cloud designer's action names the cloud's connection (`shared_office365`), which
/// does not exist here. Each pasted step naming a connection this home does not have (of the step's kind) gets the
/// one the flow already uses for that kind, else the default a new step of that kind gets.
enum PastedConnections {
    /// The block with unknown connections replaced, and the replacements (old name → local name).
    static func rebound(_ block: StepList, in definition: WorkflowDefinition, connections: [String: String]) -> (StepList, OrderedDictionary<String, String>) {
        guard !connections.isEmpty else { return (block, [:]) }
        var changes: OrderedDictionary<String, String> = [:]
        var steps = block
        rebind(&steps, used: usedConnections(definition, connections), connections: connections, changes: &changes)
        return (steps, changes)
    }

    /// True when `name` is a connection a step of `kind` can send through (its kind, or an outbox).
    static func fits(_ name: String, kind: String, _ connections: [String: String]) -> Bool {
        guard let actual = connections[name]?.lowercased() else { return false }
        return actual == kind.lowercased() || actual == "outbox"
    }

    /// The connection the flow's steps already use for each connection kind (the first that exists here).
    private static func usedConnections(_ definition: WorkflowDefinition, _ connections: [String: String]) -> [String: String] {
        var used: [String: String] = [:]
        for located in definition.allSteps {
            guard let kind = Catalog.step(located.step.type)?.connectionKind, used[kind] == nil,
                  let name = located.step.inputs?["connection"]?.stringValue, fits(name, kind: kind, connections) else { continue }
            used[kind] = name
        }
        return used
    }

    private static func rebind(_ steps: inout StepList, used: [String: String], connections: [String: String], changes: inout OrderedDictionary<String, String>) {
        for (name, var step) in steps {
            if let kind = Catalog.step(step.type)?.connectionKind, let current = step.inputs?["connection"]?.stringValue,
               !current.hasPrefix("@"), !fits(current, kind: kind, connections),
               let local = used[kind] ?? StepParameters.defaultConnection(kind: kind, connections: connections) {
                step.inputs = (step.inputs ?? .object([:])).setting(.string(local), atPath: "connection")
                changes[current] = local
            }
            for (label, _) in step.branches {
                step.modifyBranch(label) { rebind(&$0, used: used, connections: connections, changes: &changes) }
            }
            steps[name] = step
        }
    }
}
