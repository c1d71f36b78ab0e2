import TerminalUI

/// Data: the workspace's sources, unification, segments and measures with their current values (read-only). The
/// values are re-read from the services while the screen is shown. Enter on the Unification section (or u anywhere)
/// opens Data > Unification: match statistics per rule, why two records are together or apart, profile explanations.
struct DataScreen: LiveScreen {
    enum Action: Sendable { case move, open, unification, back }

    /// Re-read the workspace every this many ticks (2 s at 250 ms).
    static let pollEvery = 8
    var selection = ListSelection()

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 4),
        KeyBinding([.enter], "Enter", "open", help: "open the selected section (Unification: match statistics, why, explain)", priority: 2, .open),
        KeyBinding([.character("u")], "u", "unification", help: "open Data > Unification from anywhere on this screen", priority: 3, .unification),
        Common.back(.back),
    ])

    var title: String { "Data" }
    var bindings: [KeyHint] { Self.keys.hints }

    func poll(_ state: inout DesignerState) {
        guard state.ticks % Self.pollEvery == 0, state.live.changed(since: state.live.workspaceRevision, ticks: state.ticks) else { return }
        state.live.workspaceRevision = state.live.revision
        state.perform(.loadWorkspace)
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch Self.keys.action(for: key) {
        case .move: _ = selection.handle(key, count: Self.lines(state).count, page: bodyArea(state.size).height)
        case .open:
            guard Self.section(of: selection.index, state) == "Unification" else {
                state.notify("Only Unification opens: move to it and press Enter (or press u)", .info)
                return .stay
            }
            return Self.openUnification(&state)
        case .unification: return Self.openUnification(&state)
        case .back: return .pop
        case nil: break
        }
        return .stay
    }

    /// Data > Unification, with its statistics asked for.
    static func openUnification(_ state: inout DesignerState) -> Transition {
        state.perform(.unification(.stats))
        return .push(UnificationScreen())
    }

    /// The heading of the section holding line `index`.
    static func section(of index: Int, _ state: DesignerState) -> String? {
        Self.lines(state).prefix(index + 1).last { $0.role == .title }?.name
    }

    /// One line: name, value, detail and the role of the name.
    typealias Line = (name: String, value: String, detail: String, role: ThemeRole)

    static func lines(_ state: DesignerState) -> [Line] {
        let sections: [(String, [WorkspaceItem])] = [
            ("Data sources", state.workspace.sources), ("Unification", state.workspace.unification),
            ("Segments", state.workspace.segments), ("Measures", state.workspace.measures),
        ]
        var lines: [Line] = []
        for (heading, items) in sections {
            lines.append((heading, "", "", .title))
            if items.isEmpty { lines.append(("  (none)", "", "", .muted)) }
            for item in items { lines.append(("  " + item.name, item.value, item.detail, .text)) }
            lines.append(("", "", "", .text))
        }
        return lines
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let lines = Self.lines(state)
        let nameWidth = min(area.width / 2, 34)
        for (row, index) in selection.visibleRange(height: area.height, count: lines.count).enumerated() {
            let line = lines[index]
            let y = area.y + row
            let selected = index == selection.index
            if selected { buffer.putLine("", in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.selection]) }
            buffer.put(line.name, x: area.x + 2, y: y, style: selected ? theme[.selection] : theme[line.role], limit: area.x + 2 + nameWidth)
            buffer.put(line.value, x: area.x + 3 + nameWidth, y: y, style: selected ? theme[.selection] : theme[.text], limit: area.maxX - 1)
            let detailRole: ThemeRole = line.detail.contains("fail") ? .error : .muted
            buffer.put(line.detail, x: area.x + 3 + nameWidth + 16, y: y, style: selected ? theme[.selection] : theme[detailRole], limit: area.maxX - 1)
        }
        var indicator = ScrollView()
        let top = selection.visibleRange(height: area.height, count: lines.count).lowerBound
        indicator.scroll(by: top, height: area.height, count: lines.count)
        indicator.drawIndicator(into: &buffer, rect: area, count: lines.count, theme: theme)
    }
}
