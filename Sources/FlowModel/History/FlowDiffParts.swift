import FlowExpressions
import Foundation
import OrderedCollections

/// A flow's steps by name, each with its place (parent step, branch, index) and its own content.
struct Flattened {
    /// One step and where it sits.
    struct Node {
        var step: Step
        /// The parent step's name; nil at the top level.
        var parent: String?
        /// The parent's branch label (`actions`, `else`, `cases.X`, `default`); nil at the top level.
        var branch: String?
        var index: Int
        /// The step without its name, nested steps and runAfter (what a rename keeps).
        var content: JSONValue
        var leaves: Leaves
    }

    var nodes: [String: Node] = [:]
    /// Step names in file order, depth first.
    var order: [String] = []
    /// Branch key (`parent/branch`, "" for the top level) → the step names in it, in order.
    var branches: [String: [String]] = [:]

    init(_ steps: StepList) { add(steps, parent: nil, branch: nil) }

    private mutating func add(_ steps: StepList, parent: String?, branch: String?) {
        let key = Self.key(parent: parent, branch: branch)
        for (index, (name, step)) in steps.enumerated() {
            var bare = step
            bare.actions = nil
            bare.elseActions = nil
            bare.defaultActions = nil
            bare.runAfter = [:]
            bare.omitsRunAfter = true
            var caseValues: OrderedDictionary<String, JSONValue> = [:]
            for (caseName, branchCase) in step.cases ?? [:] { caseValues[caseName] = branchCase.value }
            bare.cases = nil
            var content = FlowEncoder.encode(bare)
            if !caseValues.isEmpty, case .object(var members) = content {
                members["cases"] = .object(caseValues)
                content = .object(members)
            }
            nodes[name] = Node(step: step, parent: parent, branch: branch, index: index, content: content, leaves: Leaves(content))
            order.append(name)
            branches[key, default: []].append(name)
            for (label, nested) in step.branches { add(nested, parent: name, branch: label) }
        }
    }

    /// The key of a branch.
    static func key(parent: String?, branch: String?) -> String {
        guard let parent else { return "" }
        return "\(parent)/\(branch ?? "actions")"
    }

    /// The key of `node`'s branch with the parent's name as it is in the newer version; nil when the parent is gone.
    func mappedKey(of node: Node, match: [String: String]) -> String? {
        guard let parent = node.parent else { return "" }
        guard let newParent = match[parent] else { return nil }
        return Self.key(parent: newParent, branch: node.branch)
    }

    /// How a place reads to a person: "top level", "Check_total (else)".
    static func place(parent: String?, branch: String?) -> String {
        guard let parent else { return "top level" }
        return "\(parent) (\(branch ?? "actions"))"
    }
}

/// A JSON value as dotted paths to its scalar leaves (`inputs.body.text`, `inputs.to[0]`).
struct Leaves {
    var values: OrderedDictionary<String, JSONValue> = [:]

    init(_ value: JSONValue) { add(value, path: "") }

    private mutating func add(_ value: JSONValue, path: String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            for (key, member) in members { add(member, path: path.isEmpty ? key : "\(path).\(key)") }
        case .array(let items) where !items.isEmpty:
            for (index, item) in items.enumerated() { add(item, path: "\(path)[\(index)]") }
        default:
            values[path.isEmpty ? "value" : path] = value
        }
    }

    /// The share of leaves equal on both sides (1 when both are empty).
    func similarity(to other: Leaves) -> Double {
        let total = max(values.count, other.values.count)
        guard total > 0 else { return 1 }
        var same = 0
        for (path, value) in values where other.values[path] == value { same += 1 }
        return Double(same) / Double(total)
    }

    /// A leaf as a person reads it: strings as written, everything else as JSON.
    static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text.replacingOccurrences(of: "\n", with: "\\n") }
        return value.jsonText()
    }
}

/// Builds the tree of step changes, following the newer version's nesting; removed steps sit where they were.
struct TreeBuilder {
    let before: Flattened
    let after: Flattened
    let match: [String: String]
    let reverse: [String: String]
    let reordered: Set<String>

    /// The changes of the branch(es) under `parent` (nil: the top level).
    func build(parent: String?) -> [StepChange] {
        let keys: [(String, String?)]
        if let parent, let node = after.nodes[parent] {
            keys = node.step.branches.map { (Flattened.key(parent: parent, branch: $0.label), $0.label) }
        } else {
            keys = [("", nil)]
        }
        var result: [StepChange] = []
        for (key, label) in keys {
            var list: [StepChange] = []
            for name in after.branches[key] ?? [] {
                if let change = changeOfNewStep(name, branch: label) { list.append(change) }
            }
            // Removed steps whose parent is still here (or the top level) go back at their old place.
            let oldKey = parent.flatMap { reverse[$0] }.map { Flattened.key(parent: $0, branch: label) } ?? (parent == nil ? "" : nil)
            if let oldKey {
                for oldName in before.branches[oldKey] ?? [] where match[oldName] == nil {
                    guard let node = before.nodes[oldName] else { continue }
                    list.insert(removedTree(oldName, node), at: min(node.index, list.count))
                }
            }
            result += list
        }
        return result
    }

    private func changeOfNewStep(_ name: String, branch: String?) -> StepChange? {
        guard let node = after.nodes[name] else { return nil }
        guard let oldName = reverse[name], let oldNode = before.nodes[oldName] else {
            return addedTree(name, node)
        }
        var fields = FlowDiffer.leafChanges(oldNode.leaves, node.leaves)
        let oldRunAfter = runAfterText(oldNode.step.runAfter, mapped: true)
        let newRunAfter = runAfterText(node.step.runAfter, mapped: false)
        if oldRunAfter != newRunAfter { fields.append(FieldChange(path: "runAfter", old: oldRunAfter, new: newRunAfter)) }
        var move: StepChange.Move?
        let oldPlace = before.mappedKey(of: oldNode, match: match)
        let newPlace = Flattened.key(parent: node.parent, branch: node.branch)
        if oldPlace != newPlace {
            move = StepChange.Move(from: Flattened.place(parent: oldNode.parent, branch: oldNode.branch),
                                   to: Flattened.place(parent: node.parent, branch: node.branch))
        } else if reordered.contains(name) {
            move = StepChange.Move(from: "position \(oldNode.index + 1)", to: "position \(node.index + 1)")
        }
        let children = build(parent: name)
        let renamed = oldName != name ? oldName : nil
        let kind: StepChange.Kind = fields.isEmpty && move == nil && renamed == nil ? .unchanged : .changed
        guard kind == .changed || !children.isEmpty else { return nil }
        return StepChange(kind: kind, name: name, oldName: renamed, type: node.step.type.rawValue, branch: node.branch, move: move,
                          fields: fields, children: children)
    }

    /// runAfter as text; the older side's names translated to the newer names so a rename alone is no change.
    private func runAfterText(_ runAfter: OrderedDictionary<String, [RunAfterStatus]>, mapped: Bool) -> String {
        let parts = runAfter.map { name, statuses in
            "\(mapped ? (match[name] ?? name) : name) (\(statuses.map(\.rawValue).joined(separator: ", ")))"
        }
        return parts.isEmpty ? "start of its branch" : parts.sorted().joined(separator: "; ")
    }

    private func addedTree(_ name: String, _ node: Flattened.Node) -> StepChange {
        let children = node.step.branches.flatMap { label, steps in
            steps.keys.compactMap { child -> StepChange? in
                guard let childNode = after.nodes[child] else { return nil }
                return reverse[child] == nil ? addedTree(child, childNode) : changeOfNewStep(child, branch: label)
            }
        }
        return StepChange(kind: .added, name: name, oldName: nil, type: node.step.type.rawValue, branch: node.branch, move: nil,
                          fields: [], children: children)
    }

    private func removedTree(_ name: String, _ node: Flattened.Node) -> StepChange {
        let children = node.step.branches.flatMap { _, steps in
            steps.keys.compactMap { child -> StepChange? in
                guard match[child] == nil, let childNode = before.nodes[child] else { return nil }
                return removedTree(child, childNode)
            }
        }
        return StepChange(kind: .removed, name: name, oldName: nil, type: node.step.type.rawValue, branch: node.branch, move: nil,
                          fields: [], children: children)
    }
}
