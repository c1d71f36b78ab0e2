/// A key hint: the key as shown (`Ctrl-S`) and what it does (`save`).
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var action: String

    public init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }
}

/// The bottom line: key hints, dropped from the end when the screen is narrow, plus a right-aligned note.
public enum StatusBar {
    /// Draws the hints on the last row of `screen`.
    public static func render(_ hints: [KeyHint], note: String = "", into buffer: inout CellBuffer, screen: Rect, theme: Theme) {
        let row = screen.bottom(1)
        buffer.putLine("", in: row, style: theme[.statusBar])
        let noteWidth = CharacterWidth.of(note)
        let limit = row.maxX - (noteWidth > 0 ? noteWidth + 2 : 0)
        var x = row.x + 1
        for hint in hints {
            let width = CharacterWidth.of(hint.key) + CharacterWidth.of(hint.action) + 3
            guard x + width <= limit else { break }
            x = buffer.put(" \(hint.key) ", x: x, y: row.y, style: theme[.key])
            x = buffer.put(hint.action + " ", x: x, y: row.y, style: theme[.statusBar])
        }
        if noteWidth > 0, noteWidth < row.width {
            buffer.put(note, x: row.maxX - noteWidth - 1, y: row.y, style: theme[.statusBar])
        }
    }
}
