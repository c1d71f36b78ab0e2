import TerminalUI

/// The keys every screen answers to, declared once (the update function and the help overlay read them).
enum GlobalKeys {
    enum Action: Sendable { case help, quit, palette }

    /// `?` opens help unless the screen takes text (then it is typed); F1 opens help everywhere.
    static let map = KeyMap<Action>([
        KeyBinding([.function(1), .character("?")], "F1  ?", "help", help: "this help (in text fields ? is typed: use F1)", priority: nil, .help),
        KeyBinding([.ctrl("p"), .character(":")], "Ctrl-P  :", "palette", help: "palette: find screens, flows, steps, actions, commands (also :)", priority: nil, .palette),
        KeyBinding([.ctrl("c")], "Ctrl-C", "quit", help: "quit (asks when a form or the flow has unsaved changes)", priority: nil, .quit),
    ])

    /// The global action for `key` on `screen` (`?` is text on screens that take text).
    static func action(for key: Key, on screen: any Screen) -> Action? {
        if key == .character("?") || key == .character(":"), screen.takesTextInput { return nil }
        // A screen that declares Ctrl-P itself (the test form's previous event) keeps it.
        if key == .ctrl("p"), screen.bindings.contains(where: { $0.key == "Ctrl-P" }) { return nil }
        return map.action(for: key)
    }
}

/// The keys of what opens over a screen (the status bar shows them while it is open).
enum OverlayKeys {
    static let help = [KeyHint("↑↓", "scroll", help: "scroll the help (also PgUp PgDn, Home End)", priority: 2),
                       KeyHint("any key", "close", help: "any other key closes the help", priority: 1)]
    static let dialog = [KeyHint("←→", "choose", help: "choose a button (also Tab, or its first letter)", priority: 3),
                         KeyHint("Enter", "ok", help: "press the chosen button", priority: 2),
                         KeyHint("Esc", "cancel", help: "close the dialog without choosing", priority: 1)]
}

/// The help overlay: the top screen's declared keys, then the global ones, wrapped to the box and scrollable.
enum HelpOverlay {
    /// The overlay's box inside `area`.
    static func box(_ area: Rect) -> Rect {
        let width = min(area.width - 2, 90)
        return area.centered(width: width, height: area.height - 2)
    }

    /// The help lines for `screen` wrapped to `width` columns: (key, text) with the key on the first line of each entry.
    static func lines(for screen: any Screen, width: Int) -> [(String, String)] {
        let textWidth = max(10, width - 22)
        var lines: [(String, String)] = []
        for hint in screen.bindings + GlobalKeys.map.hints {
            for (index, line) in TextWrap.lines(hint.help, width: textWidth).enumerated() { lines.append((index == 0 ? hint.key : "", line)) }
        }
        return lines
    }

    /// The most the overlay can scroll for `screen` in a window of `size`.
    static func maxScroll(for screen: any Screen, size: Size) -> Int {
        let box = box(bodyArea(size))
        return max(0, lines(for: screen, width: box.width).count - (box.height - 4))
    }

    static func render(into buffer: inout CellBuffer, area: Rect, theme: Theme, screen: any Screen, scroll: Int) {
        let outer = box(area)
        let all = lines(for: screen, width: outer.width)
        let box = area.centered(width: outer.width, height: min(outer.height, all.count + 4))
        buffer.fill(box, style: theme[.dialog])
        buffer.drawBox(box, style: theme[.border], glyphs: theme.glyphs, title: "Keys: \(screen.title)", titleStyle: theme[.title])
        let rows = max(0, box.height - 4)
        let first = max(0, min(scroll, all.count - rows))
        for (row, line) in all.dropFirst(first).prefix(rows).enumerated() {
            buffer.put(line.0, x: box.x + 2, y: box.y + 1 + row, style: theme[.key].adding(.bold), limit: box.x + 19)
            buffer.put(line.1, x: box.x + 20, y: box.y + 1 + row, style: theme[.dialog], limit: box.maxX - 1)
        }
        let more = all.count > rows ? "↑↓ PgUp PgDn scroll · " : ""
        buffer.put(more + "any other key closes", x: box.x + 2, y: box.maxY - 2, style: theme[.muted], limit: box.maxX - 1)
    }
}
