/// The condition's groups and rows as lines on screen, each with its place in the tree (the item indexes from the
/// top group down) and its depth.
struct ConditionLine: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case group, row }
    var kind: Kind
    /// Indexes of items from the top group down; empty for the top group.
    var path: [Int]
    var depth: Int
}

extension ConditionGroup {
    /// Every line: a group's header, then its items (nested groups depth-first).
    var lines: [ConditionLine] {
        var lines: [ConditionLine] = []
        appendLines(into: &lines, path: [], depth: 0)
        return lines
    }

    private func appendLines(into lines: inout [ConditionLine], path: [Int], depth: Int) {
        lines.append(ConditionLine(kind: .group, path: path, depth: depth))
        for (index, item) in items.enumerated() {
            switch item {
            case .row: lines.append(ConditionLine(kind: .row, path: path + [index], depth: depth + 1))
            case .group(let nested): nested.appendLines(into: &lines, path: path + [index], depth: depth + 1)
            }
        }
    }

    /// The group at `path` (self for the empty path).
    func group(at path: [Int]) -> ConditionGroup? {
        guard let first = path.first else { return self }
        guard items.indices.contains(first), case .group(let nested) = items[first] else { return nil }
        return nested.group(at: Array(path.dropFirst()))
    }

    /// The row at `path`.
    func row(at path: [Int]) -> ConditionRow? {
        guard let last = path.last, let parent = group(at: Array(path.dropLast())), parent.items.indices.contains(last),
              case .row(let row) = parent.items[last] else { return nil }
        return row
    }

    /// Changes the group at `path` in place.
    mutating func updateGroup(at path: [Int], _ change: (inout ConditionGroup) -> Void) {
        guard let first = path.first else {
            change(&self)
            return
        }
        guard items.indices.contains(first), case .group(var nested) = items[first] else { return }
        nested.updateGroup(at: Array(path.dropFirst()), change)
        items[first] = .group(nested)
    }

    /// Changes the row at `path` in place.
    mutating func updateRow(at path: [Int], _ change: (inout ConditionRow) -> Void) {
        guard let last = path.last else { return }
        updateGroup(at: Array(path.dropLast())) { parent in
            guard parent.items.indices.contains(last), case .row(var row) = parent.items[last] else { return }
            change(&row)
            parent.items[last] = .row(row)
        }
    }

    /// Inserts `item` after the line at `path` (a group header: as the group's first item); the new item's path.
    mutating func insert(_ item: Item, after path: [Int], isGroupHeader: Bool) -> [Int] {
        if isGroupHeader {
            updateGroup(at: path) { $0.items.insert(item, at: 0) }
            return path + [0]
        }
        guard let last = path.last else { return path }
        let parent = Array(path.dropLast())
        updateGroup(at: parent) { $0.items.insert(item, at: min(last + 1, $0.items.count)) }
        return parent + [last + 1]
    }

    /// Removes the item at `path` (never the top group).
    mutating func remove(at path: [Int]) {
        guard let last = path.last else { return }
        updateGroup(at: Array(path.dropLast())) { parent in
            if parent.items.indices.contains(last) { parent.items.remove(at: last) }
        }
    }
}
