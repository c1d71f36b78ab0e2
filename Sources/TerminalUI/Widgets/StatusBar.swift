/// One declared key as the status bar and the help overlay show it: the key (`Ctrl-S`), a short label (`save`),
/// the help text, and its status-bar priority (lower is kept longer; nil: listed in help only).
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var action: String
    public var help: String
    public var priority: Int?

    public init(_ key: String, _ action: String, help: String? = nil, priority: Int? = 5) {
        self.key = key
        self.action = action
        self.help = help ?? action
        self.priority = priority
    }
}

/// The bottom line: key hints fitted to the width by priority, then a right-aligned note; an optional
/// low-priority note (the runner label) is dropped before any hint.
public enum StatusBar {
    /// The hints kept for a width: by priority (lowest first) while they fit, shown in declaration order.
    public static func fit(_ hints: [KeyHint], width room: Int) -> [KeyHint] {
        let ranked = hints.enumerated().filter { $0.element.priority != nil }
            .sorted { ($0.element.priority ?? 0, $0.offset) < ($1.element.priority ?? 0, $1.offset) }
        var used = 0
        var kept: Set<Int> = []
        for (offset, hint) in ranked {
            let cost = Self.width(of: hint)
            guard used + cost <= room else { break }
            used += cost
            kept.insert(offset)
        }
        return hints.enumerated().filter { kept.contains($0.offset) }.map(\.element)
    }

    /// The columns a hint takes: ` key ` then `label `.
    static func width(of hint: KeyHint) -> Int { CharacterWidth.of(hint.key) + CharacterWidth.of(hint.action) + 3 }

    /// Draws the hints on the last row of `screen`; `note` is always shown, `optional` only when every hint fits too.
    public static func render(_ hints: [KeyHint], note: String = "", optional: String = "", into buffer: inout CellBuffer, screen: Rect, theme: Theme) {
        let row = screen.bottom(1)
        buffer.putLine("", in: row, style: theme[.statusBar])
        let noteWidth = CharacterWidth.of(note)
        let room = row.width - 1 - (noteWidth > 0 ? noteWidth + 2 : 0)
        let shown = fit(hints, width: room)
        let used = shown.reduce(0) { $0 + width(of: $1) }
        let wanted = hints.filter { $0.priority != nil }.count
        var right = note
        if !optional.isEmpty, shown.count == wanted, used + CharacterWidth.of(optional) + 2 <= room { right = optional + "  " + note }
        var x = row.x + 1
        for hint in shown {
            x = buffer.put(" \(hint.key) ", x: x, y: row.y, style: theme[.key])
            x = buffer.put(hint.action + " ", x: x, y: row.y, style: theme[.statusBar])
        }
        let rightWidth = CharacterWidth.of(right)
        if rightWidth > 0, rightWidth < row.width {
            buffer.put(right, x: row.maxX - rightWidth - 1, y: row.y, style: theme[.statusBar])
        }
    }
}
