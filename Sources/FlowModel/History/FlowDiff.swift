import FlowExpressions
import OrderedCollections

/// The semantic difference between two versions of a flow: the envelope, the trigger and the steps as a tree.
public struct FlowDiff: Sendable, Hashable {
    /// The older version's number.
    public var fromVersion: Int
    /// The newer version's number.
    public var toVersion: Int
    /// Changes to the flow's name, description and state.
    public var flowChanges: [FieldChange]
    /// Changes to the trigger (name, type, parameters, conditions).
    public var triggerChanges: [FieldChange]
    /// The steps that changed, nested as in the flow (a step that only holds changes is `.unchanged`).
    public var steps: [StepChange]

    /// True when the two versions do the same thing.
    public var isEmpty: Bool { flowChanges.isEmpty && triggerChanges.isEmpty && steps.isEmpty }

    /// Counts of what happened to steps, e.g. "2 added, 1 renamed, 3 changed"; "no changes" when empty.
    public var summary: String {
        var added = 0, removed = 0, renamed = 0, moved = 0, changed = 0
        func count(_ list: [StepChange]) {
            for change in list {
                switch change.kind {
                case .added: added += 1
                case .removed: removed += 1
                case .changed, .unchanged:
                    if change.oldName != nil { renamed += 1 }
                    if change.move != nil { moved += 1 }
                    if !change.fields.isEmpty { changed += 1 }
                }
                count(change.children)
            }
        }
        count(steps)
        var parts: [String] = []
        if !flowChanges.isEmpty { parts.append("flow \(flowChanges.map(\.path).joined(separator: ", "))") }
        if !triggerChanges.isEmpty { parts.append("trigger changed") }
        for (n, word) in [(added, "added"), (removed, "removed"), (renamed, "renamed"), (moved, "moved"), (changed, "changed")] where n > 0 {
            parts.append("\(n) \(word)")
        }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }
}

/// One value that differs: where (a dotted path such as `inputs.body.text` or `runAfter`) and the text on each side
/// (nil where the value is absent).
public struct FieldChange: Sendable, Hashable {
    public var path: String
    public var old: String?
    public var new: String?

    /// A change of `path` from `old` to `new`.
    public init(path: String, old: String?, new: String?) {
        self.path = path
        self.old = old
        self.new = new
    }
}

/// What happened to one step between two versions.
public struct StepChange: Sendable, Hashable {
    /// Added, removed, changed (itself), or unchanged (only steps nested in it changed).
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed, unchanged
    }

    /// Where a step moved: its parent and branch on each side (parent nil: the top level), and whether only its
    /// order among its siblings changed.
    public struct Move: Sendable, Hashable {
        public var from: String
        public var to: String
    }

    public var kind: Kind
    /// The step's name (in the newer version; the older one's for a removed step).
    public var name: String
    /// The name in the older version when the step was renamed.
    public var oldName: String?
    /// The action type.
    public var type: String
    /// The branch of its parent this step sits in (`actions`, `else`, `cases.X`, `default`); nil at the top level.
    public var branch: String?
    /// Set when the step moved to another parent or another place among its siblings.
    public var move: Move?
    /// What changed in the step itself (parameters, runAfter, type, ...).
    public var fields: [FieldChange]
    /// Changes of the steps nested in it.
    public var children: [StepChange]
}

extension FlowDiff {
    /// The diff as JSON for tools (`flow diff --json`).
    public var json: JSONValue {
        func fieldsJSON(_ list: [FieldChange]) -> JSONValue {
            .array(list.map { change in
                var members: OrderedDictionary<String, JSONValue> = ["path": .string(change.path)]
                members["old"] = change.old.map(JSONValue.string) ?? .null
                members["new"] = change.new.map(JSONValue.string) ?? .null
                return .object(members)
            })
        }
        func stepsJSON(_ list: [StepChange]) -> JSONValue {
            .array(list.map { change in
                var members: OrderedDictionary<String, JSONValue> = ["change": .string(change.kind.rawValue), "name": .string(change.name),
                                                                     "type": .string(change.type)]
                if let oldName = change.oldName { members["renamedFrom"] = .string(oldName) }
                if let branch = change.branch { members["branch"] = .string(branch) }
                if let move = change.move { members["moved"] = .object(["from": .string(move.from), "to": .string(move.to)]) }
                if !change.fields.isEmpty { members["fields"] = fieldsJSON(change.fields) }
                if !change.children.isEmpty { members["children"] = stepsJSON(change.children) }
                return .object(members)
            })
        }
        return .object([
            "from": .int(fromVersion), "to": .int(toVersion), "summary": .string(summary),
            "flow": fieldsJSON(flowChanges), "trigger": fieldsJSON(triggerChanges), "steps": stepsJSON(steps),
        ])
    }
}
