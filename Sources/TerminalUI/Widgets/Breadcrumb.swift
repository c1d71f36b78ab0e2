/// The top line showing where the user is: `InsightFlow › Admin › Export destinations`.
public enum Breadcrumb {
    /// Draws the path on the first row of `screen`, dropping leading parts (shown as `…`) when too long.
    public static func render(_ parts: [String], into buffer: inout CellBuffer, screen: Rect, theme: Theme) {
        let row = screen.top(1)
        let separator = " \(theme.glyphs.pointer) "
        var shown = parts
        var text = shown.joined(separator: separator)
        while CharacterWidth.of(text) > row.width - 2, shown.count > 1 {
            shown.removeFirst()
            text = ([theme.glyphs.ellipsis] + shown).joined(separator: separator)
        }
        buffer.putLine(" " + text, in: row, style: theme[.breadcrumb])
        if let last = shown.last {
            let x = row.x + 1 + CharacterWidth.of(text) - CharacterWidth.of(last)
            buffer.put(last, x: x, y: row.y, style: theme[.title], limit: row.maxX)
        }
    }
}
