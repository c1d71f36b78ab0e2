/// One entry of a menu: a title and an optional detail shown after it (or under it in tiles).
public struct MenuItem: Sendable, Hashable {
    public var title: String
    public var detail: String
    public var isEnabled: Bool

    public init(_ title: String, detail: String = "", isEnabled: Bool = true) {
        self.title = title
        self.detail = detail
        self.isEnabled = isEnabled
    }
}

/// A vertical menu: one row per item, the selected one highlighted, details in the muted colour.
public struct MenuList: Sendable, Hashable {
    public var items: [MenuItem]
    public var selection = ListSelection()
    /// Width given to titles before details start (0: details follow titles directly).
    public var titleWidth: Int

    public init(items: [MenuItem], titleWidth: Int = 0) {
        self.items = items
        self.titleWidth = titleWidth
    }

    /// The selected item, if any.
    public var selected: MenuItem? { items.indices.contains(selection.index) ? items[selection.index] : nil }

    /// Handles movement keys; true when consumed.
    public mutating func handle(_ key: Key, page: Int = 10) -> Bool { selection.handle(key, count: items.count, page: page) }

    /// Draws the visible items.
    public mutating func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme, focused: Bool = true) {
        let range = selection.visibleRange(height: rect.height, count: items.count)
        for (row, index) in range.enumerated() {
            let item = items[index]
            let isSelected = index == selection.index && focused
            let base = isSelected ? theme[.selection] : (item.isEnabled ? theme[.menu] : theme[.muted])
            let line = Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1)
            let marker = isSelected ? theme.glyphs.pointer + " " : "  "
            buffer.putLine("", in: line, style: base)
            var x = buffer.put(marker + item.title, x: line.x, y: line.y, style: base, limit: line.maxX)
            if !item.detail.isEmpty {
                x = max(x + 2, line.x + titleWidth)
                buffer.put(item.detail, x: x, y: line.y, style: isSelected ? base : theme[.muted], limit: line.maxX - 1)
            }
        }
        selection.scroll.drawIndicator(into: &buffer, rect: rect, count: items.count, theme: theme)
    }
}
