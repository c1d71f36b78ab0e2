import TerminalUI

/// Data: the workspace's sources, unification, segments and measures with their current values (read-only).
struct DataScreen: Screen {
    var scroll = 0

    var title: String { "Data" }
    var hints: [KeyHint] { [KeyHint("↑↓", "scroll"), CommonHints.back] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch key {
        case .escape, .left, .character("h"): return .pop
        case .down, .character("j"): scroll += 1
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .pageDown: scroll += 10
        case .pageUp: scroll = max(0, scroll - 10)
        default: break
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let sections: [(String, [WorkspaceItem])] = [
            ("Data sources", state.workspace.sources), ("Unification", state.workspace.unification),
            ("Segments", state.workspace.segments), ("Measures", state.workspace.measures),
        ]
        var lines: [(String, String, String, ThemeRole)] = []
        for (heading, items) in sections {
            lines.append((heading, "", "", .title))
            if items.isEmpty { lines.append(("  (none)", "", "", .muted)) }
            for item in items { lines.append(("  " + item.name, item.value, item.detail, .text)) }
            lines.append(("", "", "", .text))
        }
        let top = min(scroll, max(0, lines.count - area.height))
        let nameWidth = min(area.width / 2, 34)
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            let y = area.y + row
            buffer.put(line.0, x: area.x + 2, y: y, style: theme[line.3], limit: area.x + 2 + nameWidth)
            buffer.put(line.1, x: area.x + 3 + nameWidth, y: y, style: theme[.text], limit: area.maxX - 1)
            let detailRole: ThemeRole = line.2.contains("fail") ? .error : .muted
            buffer.put(line.2, x: area.x + 3 + nameWidth + 16, y: y, style: theme[detailRole], limit: area.maxX - 1)
        }
    }
}
