import FlowExpressions
import OrderedCollections

extension JSONValue {
    /// The value at a dotted catalog path (`authentication.type`, `variables.0.name`); the empty path is the value itself.
    public func value(atPath dotted: String) -> JSONValue? {
        guard !dotted.isEmpty else { return self }
        var current = self
        for part in dotted.split(separator: ".") {
            switch current {
            case .object(let members):
                guard let next = members[String(part)] else { return nil }
                current = next
            case .array(let items):
                guard let i = Int(part), items.indices.contains(i) else { return nil }
                current = items[i]
            default:
                return nil
            }
        }
        return current
    }

    /// A copy with `value` stored at a dotted path, creating objects (or arrays for numeric parts) on the way;
    /// a nil value removes the member.
    public func setting(_ value: JSONValue?, atPath dotted: String) -> JSONValue {
        let parts = dotted.split(separator: ".").map(String.init)
        guard let value else { return parts.isEmpty ? .null : removing(parts[...]) }
        return parts.isEmpty ? value : setting(value, parts[...])
    }

    private func setting(_ value: JSONValue, _ parts: ArraySlice<String>) -> JSONValue {
        guard let head = parts.first else { return value }
        let rest = parts.dropFirst()
        if let i = Int(head) {
            var items = arrayValue ?? []
            while items.count <= i { items.append(.null) }
            items[i] = items[i].setting(value, rest)
            return .array(items)
        }
        var members = objectValue ?? [:]
        members[head] = (members[head] ?? .null).setting(value, rest)
        return .object(members)
    }

    private func removing(_ parts: ArraySlice<String>) -> JSONValue {
        guard let head = parts.first else { return self }
        let rest = parts.dropFirst()
        if var members = objectValue {
            if rest.isEmpty { members.removeValue(forKey: head) } else if let child = members[head] { members[head] = child.removing(rest) }
            return .object(members)
        }
        if var items = arrayValue, let i = Int(head), items.indices.contains(i) {
            if rest.isEmpty { items.remove(at: i) } else { items[i] = items[i].removing(rest) }
            return .array(items)
        }
        return self
    }

    /// Every string inside the value with its dotted path, depth first (where expressions may hide).
    public func stringLeaves(prefix: [JSONPath.Component] = []) -> [(path: [JSONPath.Component], text: String)] {
        switch self {
        case .string(let text): return [(prefix, text)]
        case .array(let items): return items.enumerated().flatMap { $1.stringLeaves(prefix: prefix + [.index($0)]) }
        case .object(let members): return members.flatMap { $1.stringLeaves(prefix: prefix + [.key($0)]) }
        default: return []
        }
    }
}

extension Step {
    /// The value of a catalog parameter of this step (from `inputs` or the step object).
    public func parameterValue(_ spec: ParameterSpec) -> JSONValue? {
        switch spec.location {
        case .inputs: return inputs?.value(atPath: spec.key)
        case .step: return stepMember(spec.key)
        }
    }

    /// A member of the step object by dotted path, read from the model without re-encoding the step.
    func stepMember(_ dotted: String) -> JSONValue? {
        let parts = dotted.split(separator: ".", maxSplits: 1).map(String.init)
        let rest = parts.count > 1 ? parts[1] : ""
        switch parts.first {
        case "expression": return expression?.value(atPath: rest)
        case "foreach": return foreach.map(JSONValue.string)
        case "runtimeConfiguration": return runtimeConfiguration?.value(atPath: rest)
        case "limit":
            if rest == "count" { return limit?.count.map(JSONValue.int) }
            if rest == "timeout" { return limit?.timeout.map(JSONValue.string) }
            return limit?.extra[rest]
        default: return FlowCodec.jsonValue(self).value(atPath: dotted)
        }
    }
}
