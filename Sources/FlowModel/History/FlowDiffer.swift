import FlowExpressions
import OrderedCollections

/// Computes the semantic `FlowDiff` of two versions: steps are matched by name, then unmatched steps of the same type
/// whose content is equal (or mostly equal) are taken as renamed rather than removed and added.
public enum FlowDiffer {
    /// The diff from `old` to `new`.
    public static func diff(_ old: Flow, _ new: Flow) -> FlowDiff {
        let before = Flattened(old.definition.actions)
        let after = Flattened(new.definition.actions)
        let renames = matchRenames(before, after)
        var match: [String: String] = [:]  // old name → new name
        for name in before.order where after.nodes[name] != nil { match[name] = name }
        for (oldName, newName) in renames { match[oldName] = newName }
        let reverse = Dictionary(uniqueKeysWithValues: match.map { ($1, $0) })
        let moved = reorderedSteps(before, after, match: match, reverse: reverse)
        let builder = TreeBuilder(before: before, after: after, match: match, reverse: reverse, reordered: moved)
        let steps = builder.build(parent: nil)
        return FlowDiff(fromVersion: old.version, toVersion: new.version, flowChanges: envelopeChanges(old, new),
                        triggerChanges: triggerChanges(old, new), steps: steps)
    }

    // MARK: Envelope and trigger

    private static func envelopeChanges(_ old: Flow, _ new: Flow) -> [FieldChange] {
        var result: [FieldChange] = []
        if old.displayName != new.displayName { result.append(FieldChange(path: "name", old: old.displayName, new: new.displayName)) }
        if old.description != new.description { result.append(FieldChange(path: "description", old: old.description, new: new.description)) }
        if old.state != new.state { result.append(FieldChange(path: "state", old: old.state.rawValue, new: new.state.rawValue)) }
        return result
    }

    private static func triggerChanges(_ old: Flow, _ new: Flow) -> [FieldChange] {
        var result: [FieldChange] = []
        let oldTrigger = old.trigger, newTrigger = new.trigger
        if oldTrigger?.name != newTrigger?.name { result.append(FieldChange(path: "name", old: oldTrigger?.name, new: newTrigger?.name)) }
        let oldJSON = oldTrigger.map { FlowEncoder.encode($0) } ?? .null
        let newJSON = newTrigger.map { FlowEncoder.encode($0) } ?? .null
        result += leafChanges(Leaves(oldJSON), Leaves(newJSON))
        return result
    }

    // MARK: Renames

    /// Pairs removed and added steps of the same type: equal content first, then content at least 60% alike.
    private static func matchRenames(_ before: Flattened, _ after: Flattened) -> [(String, String)] {
        let removed = before.order.filter { after.nodes[$0] == nil }
        let added = after.order.filter { before.nodes[$0] == nil }
        guard !removed.isEmpty, !added.isEmpty else { return [] }
        var pairs: [(String, String)] = []
        var freeAdded = Set(added)
        var bySignature: [JSONValue: [String]] = [:]
        for name in added { bySignature[after.nodes[name]?.content ?? .null, default: []].append(name) }
        var leftover: [String] = []
        for name in removed {
            guard let node = before.nodes[name] else { continue }
            if var candidates = bySignature[node.content], let pick = candidates.first(where: { after.nodes[$0]?.step.type == node.step.type }) {
                candidates.removeAll { $0 == pick }
                bySignature[node.content] = candidates
                freeAdded.remove(pick)
                pairs.append((name, pick))
            } else {
                leftover.append(name)
            }
        }
        // Similar content: bounded so a huge rewrite stays fast (then the rest is reported as removed + added).
        let others = added.filter { freeAdded.contains($0) }
        guard !leftover.isEmpty, !others.isEmpty, leftover.count * others.count <= 40_000 else { return pairs }
        var scored: [(score: Double, old: String, new: String)] = []
        for name in leftover {
            guard let node = before.nodes[name] else { continue }
            for candidate in others {
                guard let other = after.nodes[candidate], other.step.type == node.step.type else { continue }
                let score = node.leaves.similarity(to: other.leaves)
                if score >= 0.6 { scored.append((score, name, candidate)) }
            }
        }
        scored.sort { ($0.score, $1.old, $1.new) > ($1.score, $0.old, $0.new) }
        var usedOld = Set<String>(), usedNew = Set<String>()
        for entry in scored where !usedOld.contains(entry.old) && !usedNew.contains(entry.new) {
            usedOld.insert(entry.old)
            usedNew.insert(entry.new)
            pairs.append((entry.old, entry.new))
        }
        return pairs
    }

    // MARK: Moves within a branch

    /// Matched steps that stayed in the same branch but changed place among the steps that stayed there too: those
    /// outside the longest run kept in order.
    private static func reorderedSteps(_ before: Flattened, _ after: Flattened, match: [String: String],
                                       reverse: [String: String]) -> Set<String> {
        var result = Set<String>()
        for (key, newNames) in after.branches {
            let stayed = newNames.compactMap { newName -> (String, Int)? in
                guard let oldName = reverse[newName], let oldNode = before.nodes[oldName],
                      before.mappedKey(of: oldNode, match: match) == key else { return nil }
                return (newName, oldNode.index)
            }
            let keep = longestIncreasing(stayed.map(\.1))
            for (position, entry) in stayed.enumerated() where !keep.contains(position) { result.insert(entry.0) }
        }
        return result
    }

    /// Positions of one longest strictly increasing subsequence (patience sorting, O(n log n)).
    static func longestIncreasing(_ values: [Int]) -> Set<Int> {
        var tails: [Int] = []  // positions
        var previous = [Int](repeating: -1, count: values.count)
        for (position, value) in values.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if values[tails[mid]] < value { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[position] = tails[low - 1] }
            if low == tails.count { tails.append(position) } else { tails[low] = position }
        }
        var result = Set<Int>()
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            result.insert(cursor)
            cursor = previous[cursor]
        }
        return result
    }

    // MARK: Fields

    /// The changes between two sets of leaves, in the newer version's order then the removed ones.
    static func leafChanges(_ old: Leaves, _ new: Leaves) -> [FieldChange] {
        var result: [FieldChange] = []
        for (path, value) in new.values where old.values[path] != value {
            result.append(FieldChange(path: path, old: old.values[path].map(Leaves.text), new: Leaves.text(value)))
        }
        for (path, value) in old.values where new.values[path] == nil {
            result.append(FieldChange(path: path, old: Leaves.text(value), new: nil))
        }
        return result
    }
}
