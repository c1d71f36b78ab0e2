import FlowExpressions

/// JSON shown as indented lines, folded by level: objects and arrays deeper than `level` show as one line
/// (`{…3 keys}`, `[…12 items]`); scalars always show in full.
enum JSONFold {
    /// The lines of `value` with containers below `level` folded (level 0 folds the root itself).
    static func lines(_ value: JSONValue, level: Int) -> [String] {
        var lines: [String] = []
        walk(value, key: nil, depth: 0, level: level, trailing: "", into: &lines)
        return lines
    }

    /// How deep `value` nests (a scalar: 0, `{"a": 1}`: 1): unfolding stops there.
    static func depth(_ value: JSONValue) -> Int {
        switch value {
        case .object(let members): 1 + (members.values.map(depth).max() ?? 0)
        case .array(let items): 1 + (items.map(depth).max() ?? 0)
        default: 0
        }
    }

    private static func walk(_ value: JSONValue, key: String?, depth: Int, level: Int, trailing: String, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        let label = key.map { JSONValue.string($0).jsonText() + ": " } ?? ""
        switch value {
        case .object(let members):
            guard !members.isEmpty else { return lines.append(indent + label + "{}" + trailing) }
            guard depth < level else { return lines.append(indent + label + "{…\(members.count) key\(members.count == 1 ? "" : "s")}" + trailing) }
            lines.append(indent + label + "{")
            for (offset, member) in members.enumerated() {
                walk(member.value, key: member.key, depth: depth + 1, level: level, trailing: offset == members.count - 1 ? "" : ",", into: &lines)
            }
            lines.append(indent + "}" + trailing)
        case .array(let items):
            guard !items.isEmpty else { return lines.append(indent + label + "[]" + trailing) }
            guard depth < level else { return lines.append(indent + label + "[…\(items.count) item\(items.count == 1 ? "" : "s")]" + trailing) }
            lines.append(indent + label + "[")
            for (offset, item) in items.enumerated() {
                walk(item, key: nil, depth: depth + 1, level: level, trailing: offset == items.count - 1 ? "" : ",", into: &lines)
            }
            lines.append(indent + "]" + trailing)
        default:
            lines.append(indent + label + value.jsonText() + trailing)
        }
    }
}
