/// Tiles in rows and columns (like the export destination tiles), moved with the arrow keys.
public struct TileGrid: Sendable, Hashable {
    public var tiles: [MenuItem]
    public var selected = 0
    public var tileWidth: Int
    public var tileHeight: Int

    public init(tiles: [MenuItem], tileWidth: Int = 24, tileHeight: Int = 5) {
        self.tiles = tiles
        self.tileWidth = tileWidth
        self.tileHeight = tileHeight
    }

    /// How many tiles fit side by side in `width` columns.
    public func columns(width: Int) -> Int { max(1, (width + 1) / (tileWidth + 1)) }

    /// Handles arrow keys and j/k/h/l for a grid drawn `width` columns wide; true when consumed.
    public mutating func handle(_ key: Key, width: Int) -> Bool {
        guard !tiles.isEmpty else { return false }
        let perRow = columns(width: width)
        switch key {
        case .left, .character("h"): selected = max(0, selected - 1)
        case .right, .character("l"): selected = min(tiles.count - 1, selected + 1)
        case .up, .character("k"): if selected - perRow >= 0 { selected -= perRow }
        case .down, .character("j"): if selected + perRow < tiles.count { selected += perRow }
        case .home: selected = 0
        case .end: selected = max(0, tiles.count - 1)
        default: return false
        }
        return true
    }

    /// Draws the tiles: a box each, the title in bold, the detail wrapped inside.
    public func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme) {
        let perRow = columns(width: rect.width)
        for (index, tile) in tiles.enumerated() {
            let x = rect.x + (index % perRow) * (tileWidth + 1)
            let y = rect.y + (index / perRow) * tileHeight
            guard y + tileHeight <= rect.maxY else { break }
            let box = Rect(x: x, y: y, width: min(tileWidth, rect.maxX - x), height: tileHeight)
            let isSelected = index == selected
            let border = isSelected ? theme[.selection] : theme[.border]
            buffer.fill(box.inset(1), style: theme[.text])
            buffer.drawBox(box, style: border, glyphs: theme.glyphs)
            buffer.put(tile.title, x: box.x + 2, y: box.y + 1, style: (tile.isEnabled ? theme[.title] : theme[.muted]), limit: box.maxX - 1)
            for (row, line) in TextWrap.lines(tile.detail, width: box.width - 4).prefix(tileHeight - 3).enumerated() {
                buffer.put(line, x: box.x + 2, y: box.y + 2 + row, style: theme[.muted], limit: box.maxX - 1)
            }
        }
    }
}

extension TileGrid {
    /// The tile under a left click on a grid drawn in `rect`, if any.
    public func tile(at event: MouseEvent, in rect: Rect) -> Int? {
        guard event.button == .left, rect.contains(x: event.x, y: event.y) else { return nil }
        let column = (event.x - rect.x) / (tileWidth + 1)
        let row = (event.y - rect.y) / tileHeight
        let index = row * columns(width: rect.width) + column
        return column < columns(width: rect.width) && tiles.indices.contains(index) ? index : nil
    }
}
