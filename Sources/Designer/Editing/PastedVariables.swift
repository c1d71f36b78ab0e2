import FlowExpressions
import FlowModel
import OrderedCollections

/// Variables declared by a pasted block: an Initialize variable step whose name the flow already declares gets a
/// free name (`count_2`), and the block's `variables('count')` references and variable steps follow it, as step
/// names are made unique on paste. Variable names are case-insensitive, as the runtime treats them.
enum PastedVariables {
    /// The step types whose `inputs.name` names a variable.
    static let variableSteps: Set<String> = Set([StepType.setVariable, .incrementVariable, .decrementVariable, .appendToArrayVariable,
                                                 .appendToStringVariable].map { $0.rawValue.lowercased() })

    /// The variables `steps` declare (Initialize variable, anywhere in them), in order.
    static func declared(in steps: StepList) -> [String] {
        WorkflowDefinition(actions: steps).allSteps.filter { $0.step.type == .initializeVariable }.flatMap { located in
            (located.step.inputs?["variables"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        }
    }

    /// The block with each variable it declares that `definition` declares too renamed to a free name, and the
    /// renames (old → new, as written in the block).
    static func uniquelyNamed(_ block: StepList, in definition: WorkflowDefinition) -> (StepList, OrderedDictionary<String, String>) {
        var taken = Set(declared(in: definition.actions).map { $0.lowercased() })
        let inBlock = declared(in: block)
        var reserved = Set(inBlock.map { $0.lowercased() })
        var renames: OrderedDictionary<String, String> = [:]
        for old in inBlock where taken.contains(old.lowercased()) && renames[old] == nil {
            var counter = 2
            var candidate = "\(old)_\(counter)"
            while taken.contains(candidate.lowercased()) || reserved.contains(candidate.lowercased()) {
                counter += 1
                candidate = "\(old)_\(counter)"
            }
            reserved.insert(candidate.lowercased())
            renames[old] = candidate
        }
        for old in inBlock { taken.insert(old.lowercased()) }
        guard !renames.isEmpty else { return (block, [:]) }
        let byKey = Dictionary(renames.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        let rewritten = renamed(StepClipboard.json(block), byKey)
        let document: JSONValue = .object(["triggers": .object([:]), "actions": rewritten])
        guard let steps = try? FlowCodec.decodeDefinition(document, file: "<clipboard>").actions else { return (block, [:]) }
        return (steps, renames)
    }

    /// `value` with the variables in `renames` (lower-cased old name → new name) renamed: in expressions
    /// (`variables('x')`), in the `name` of variable steps and in Initialize variable's declarations.
    private static func renamed(_ value: JSONValue, _ renames: [String: String]) -> JSONValue {
        switch value {
        case .string(let text): return .string(StepRename.renameVariables(in: text, renames: renames))
        case .array(let items): return .array(items.map { renamed($0, renames) })
        case .object(let members):
            var result = OrderedDictionary(uniqueKeysWithValues: members.map { ($0.key, renamed($0.value, renames)) })
            guard let type = members["type"]?.stringValue?.lowercased(), var inputs = result["inputs"] else { return .object(result) }
            if variableSteps.contains(type), let name = inputs["name"]?.stringValue, let new = renames[name.lowercased()] {
                inputs = inputs.setting(.string(new), atPath: "name")
            }
            if type == StepType.initializeVariable.rawValue.lowercased(), case .array(let declarations)? = inputs["variables"] {
                inputs = inputs.setting(.array(declarations.map { declaration in
                    guard let name = declaration["name"]?.stringValue, let new = renames[name.lowercased()] else { return declaration }
                    return declaration.setting(.string(new), atPath: "name")
                }), atPath: "variables")
            }
            result["inputs"] = inputs
            return .object(result)
        default: return value
        }
    }
}
