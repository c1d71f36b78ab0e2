import TerminalUI

/// The `?` overlay listing every key.
enum HelpOverlay {
    static let lines: [(String, String)] = [
        ("↑ ↓  j k", "move"), ("Enter", "open / choose"), ("Esc", "back (asks when there are unsaved changes)"),
        ("Tab  Shift-Tab", "next / previous field"), ("/", "filter the current list"), ("a", "add a step (after, or inside a container)"),
        ("e", "edit the selected step or trigger"), ("d", "delete (undo with u)"), ("J  K", "move the step down / up"),
        ("r", "rename"), ("Space", "collapse / expand a card"), ("u", "undo"), ("Ctrl-S", "save"), ("Ctrl-D", "insert dynamic content (in forms)"),
        ("i", "check the flow and list its issues"), ("o", "turn a flow On / Off (Flows list)"), ("?", "this help"), ("q", "quit (from the home screen)"),
    ]

    static func render(into buffer: inout CellBuffer, area: Rect, theme: Theme, screen: (any Screen)? = nil) {
        let lines = (screen as? any ScreenHelp)?.helpLines ?? Self.lines
        let box = area.centered(width: 64, height: lines.count + 4)
        buffer.fill(box, style: theme[.dialog])
        buffer.drawBox(box, style: theme[.border], glyphs: theme.glyphs, title: "Keys", titleStyle: theme[.title])
        for (row, line) in lines.prefix(max(0, box.height - 4)).enumerated() {
            buffer.put(line.0, x: box.x + 2, y: box.y + 1 + row, style: theme[.key].adding(.bold), limit: box.x + 18)
            buffer.put(line.1, x: box.x + 19, y: box.y + 1 + row, style: theme[.dialog], limit: box.maxX - 1)
        }
        buffer.put("Press any key to close", x: box.x + 2, y: box.maxY - 2, style: theme[.muted])
    }
}
