import TerminalUI

/// Data: the workspace's sources, unification, segments and measures with their current values (read-only). The
/// values are re-read from the services while the screen is shown.
struct DataScreen: LiveScreen {
    enum Action: Sendable { case move, back }

    /// Re-read the workspace every this many ticks (2 s at 250 ms).
    static let pollEvery = 8
    var selection = ListSelection()

    static let keys = KeyMap<Action>([ListKeys.binding(.move, priority: 2), Common.back(.back)])

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
        case .back: return .pop
        case nil: break
        }
        return .stay
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
