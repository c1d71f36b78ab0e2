import FlowExpressions
import FlowModel
import OrderedCollections

/// Renaming steps (rewriting every expression and runAfter that names them) and finding who refers to a step.
public enum StepReferences {
    /// The flow with step `old` renamed to `new` everywhere: its key, every `runAfter` entry and every expression.
    public static func rename(_ old: String, to new: String, in flow: Flow) -> Flow {
        let value = renamed(FlowCodec.jsonValue(flow), old: old, new: new, parentKey: nil)
        guard var result = try? FlowCodec.decode(value.jsonBytes()) else { return flow }
        result.id = flow.id
        result.version = flow.version
        return result
    }

    private static func renamed(_ value: JSONValue, old: String, new: String, parentKey: String?) -> JSONValue {
        switch value {
        case .string(let text): return .string(StepRename.rename(in: text, from: old, to: new))
        case .array(let items): return .array(items.map { renamed($0, old: old, new: new, parentKey: nil) })
        case .object(let members):
            var result: OrderedDictionary<String, JSONValue> = [:]
            let renamesKeys = parentKey == "actions" || parentKey == "runAfter"
            for (key, member) in members {
                result[renamesKeys && key == old ? new : key] = renamed(member, old: old, new: new, parentKey: key)
            }
            return .object(result)
        default: return value
        }
    }

    /// Names of the steps whose expressions refer to `name` (runAfter links are rewired on delete, so they do not count).
    public static func referrers(of name: String, in flow: Flow) -> [String] {
        flow.definition.allSteps.compactMap { located in
            guard located.step.name != name else { return nil }
            var own = located.step
            own.actions = nil
            own.elseActions = nil
            own.cases = nil
            own.defaultActions = nil
            own.runAfter = [:]
            let probe = name + "\u{1}"
            let refers = FlowCodec.jsonValue(own).stringLeaves().contains { StepRename.rename(in: $0.text, from: name, to: probe) != $0.text }
            return refers ? located.step.name : nil
        }
    }

    /// True when `name` can be a step name: letters, digits, `_`, `-`, `.`; not empty.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 80 && !name.contains("'") && name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)
        }
    }
}
