/// A vertical viewport over content taller than its area: keeps a row visible and draws a scroll indicator.
public struct ScrollView: Sendable, Hashable {
    /// The first visible content row.
    public private(set) var offset = 0

    public init() {}

    /// Scrolls the least amount that makes `row` visible in a viewport of `height` rows over `count` rows.
    public mutating func reveal(_ row: Int, height: Int, count: Int) {
        guard height > 0 else { return }
        if row < offset { offset = row }
        if row >= offset + height { offset = row - height + 1 }
        offset = max(0, min(offset, max(0, count - height)))
    }

    /// Scrolls by `rows` (negative: up), clamped.
    public mutating func scroll(by rows: Int, height: Int, count: Int) {
        offset = max(0, min(offset + rows, max(0, count - height)))
    }

    /// Draws a one-column indicator at the right edge of `rect` when the content does not fit.
    public func drawIndicator(into buffer: inout CellBuffer, rect: Rect, count: Int, theme: Theme) {
        guard count > rect.height, rect.height > 1, rect.width > 0 else { return }
        let thumb = max(1, rect.height * rect.height / count)
        let top = (rect.height - thumb) * offset / max(1, count - rect.height)
        for row in 0..<rect.height {
            let glyph = row >= top && row < top + thumb ? "█" : theme.glyphs.vertical
            let text = theme.glyphs == .ascii && glyph == "█" ? "#" : glyph
            buffer.put(text, x: rect.maxX - 1, y: rect.y + row, style: theme[.muted])
        }
    }
}
