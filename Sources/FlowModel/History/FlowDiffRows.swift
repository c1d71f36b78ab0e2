/// One line of a diff as a person reads it: a tree row with the older side and the newer side, so the same rows make a
/// stacked listing (`-`/`+` lines) or two columns side by side.
public struct FlowDiffRow: Sendable, Hashable {
    /// What the row shows.
    public enum Mark: String, Sendable, Hashable {
        /// A heading (the flow, the trigger, a step holding changes).
        case heading = " "
        case added = "+"
        case removed = "-"
        case changed = "~"
    }

    /// Nesting depth (0 = top).
    public var depth: Int
    public var mark: Mark
    /// The older version's text; nil where the row has nothing on that side.
    public var old: String?
    /// The newer version's text; nil where the row has nothing on that side.
    public var new: String?
    /// One text for the stacked listing when the row reads better as a single line (a move).
    public var inline: String?

    /// A row with both sides.
    public init(depth: Int, mark: Mark, old: String?, new: String?, inline: String? = nil) {
        self.depth = depth
        self.mark = mark
        self.old = old
        self.new = new
        self.inline = inline
    }

    /// The row as one line of the stacked (unified) listing.
    public var stackedLines: [String] {
        let indent = String(repeating: "  ", count: depth)
        if let inline { return ["\(mark.rawValue) \(indent)\(inline)"] }
        switch mark {
        case .heading, .added, .removed:
            return ["\(mark.rawValue) \(indent)\(new ?? old ?? "")"]
        case .changed:
            if let old, let new, old != new { return ["- \(indent)\(old)", "+ \(indent)\(new)"] }
            return ["~ \(indent)\(new ?? old ?? "")"]
        }
    }
}

extension FlowDiff {
    /// The diff as tree rows: the flow's own changes, the trigger's, then the steps nested as in the flow.
    public var rows: [FlowDiffRow] {
        var rows: [FlowDiffRow] = []
        if !flowChanges.isEmpty {
            rows.append(FlowDiffRow(depth: 0, mark: .heading, old: "flow", new: "flow"))
            rows += flowChanges.map { Self.fieldRow($0, depth: 1) }
        }
        if !triggerChanges.isEmpty {
            rows.append(FlowDiffRow(depth: 0, mark: .heading, old: "trigger", new: "trigger"))
            rows += triggerChanges.map { Self.fieldRow($0, depth: 1) }
        }
        func add(_ list: [StepChange], depth: Int) {
            for change in list {
                let branch = change.branch.map { $0 == "actions" ? "" : " [\($0)]" } ?? ""
                let label = "\(change.name) (\(change.type))\(branch)"
                switch change.kind {
                case .added: rows.append(FlowDiffRow(depth: depth, mark: .added, old: nil, new: label))
                case .removed: rows.append(FlowDiffRow(depth: depth, mark: .removed, old: "\(change.name) (\(change.type))\(branch)", new: nil))
                case .unchanged: rows.append(FlowDiffRow(depth: depth, mark: .heading, old: label, new: label))
                case .changed:
                    let oldLabel = change.oldName.map { "\($0) (\(change.type))\(branch)" } ?? label
                    rows.append(FlowDiffRow(depth: depth, mark: .changed, old: oldLabel, new: change.oldName.map { "\(label)  renamed from \($0)" } ?? label))
                    if let move = change.move {
                        rows.append(FlowDiffRow(depth: depth + 1, mark: .changed, old: "was at \(move.from)", new: "now at \(move.to)",
                                               inline: "moved: \(move.from) → \(move.to)"))
                    }
                    rows += change.fields.map { Self.fieldRow($0, depth: depth + 1) }
                }
                add(change.children, depth: depth + 1)
            }
        }
        add(steps, depth: 0)
        return rows
    }

    /// The diff as text: a heading and the stacked tree (what `flow diff` prints).
    public func text(flowName: String) -> String {
        var lines = ["\(flowName): version \(fromVersion) → \(toVersion): \(summary)"]
        lines += rows.flatMap(\.stackedLines)
        return lines.joined(separator: "\n")
    }

    private static func fieldRow(_ change: FieldChange, depth: Int) -> FlowDiffRow {
        switch (change.old, change.new) {
        case (nil, let new?): return FlowDiffRow(depth: depth, mark: .added, old: nil, new: "\(change.path): \(new)")
        case (let old?, nil): return FlowDiffRow(depth: depth, mark: .removed, old: "\(change.path): \(old)", new: nil)
        default: return FlowDiffRow(depth: depth, mark: .changed, old: "\(change.path): \(change.old ?? "")", new: "\(change.path): \(change.new ?? "")")
        }
    }
}
