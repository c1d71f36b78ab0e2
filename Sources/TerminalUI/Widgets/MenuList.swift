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

/// A vertical menu: one row per item, the selected one highlighted, details in the muted colour; `/` narrows it
/// to the items whose title or detail contain the typed text.
public struct MenuList: Sendable, Hashable {
    public var items: [MenuItem]
    public var selection = ListSelection()
    /// Width given to titles before details start (0: details follow titles directly).
    public var titleWidth: Int
    /// The `/` find line.
    public var find = FindField()

    public init(items: [MenuItem], titleWidth: Int = 0) {
        self.items = items
        self.titleWidth = titleWidth
    }

    /// Indices into `items` that match the find text.
    public var visible: [Int] { items.indices.filter { find.matches([items[$0].title, items[$0].detail]) } }

    /// The index into `items` of the selected entry, if any.
    public var selectedIndex: Int? {
        let shown = visible
        let row = selection.resolved(shown.map(String.init))
        return shown.indices.contains(row) ? shown[row] : nil
    }

    /// The selected item, if any.
    public var selected: MenuItem? { selectedIndex.map { items[$0] } }

    /// The rows left for items in a menu drawn `height` rows high.
    public func bodyHeight(_ height: Int) -> Int { max(1, height - (find.isShown ? 1 : 0)) }

    /// Handles find typing and movement for a menu drawn `height` rows high; true when consumed.
    public mutating func handle(_ key: Key, height: Int = 10) -> Bool {
        switch find.handle(key) {
        case .changed:
            selection.reset()
            return true
        case .handled: return true
        case .ignored: break
        }
        return selection.handle(key, ids: visible.map(String.init), page: bodyHeight(height))
    }

    /// Selects item `index` of `items` (when shown).
    public mutating func select(_ index: Int) {
        let shown = visible
        guard let row = shown.firstIndex(of: index) else { return }
        selection.select(row, ids: shown.map(String.init), page: 10)
    }

    /// Selects the item under a left click in a menu drawn in `rect`.
    public mutating func click(_ event: MouseEvent, in rect: Rect) -> ClickOutcome {
        let shown = visible
        selection.resolve(shown.map(String.init))
        let outcome = selection.click(event, in: find.isShown ? rect.dropTop(1) : rect, count: shown.count)
        if shown.indices.contains(selection.index) { selection.anchor = String(shown[selection.index]) }
        return outcome
    }

    /// Draws the find line (when shown) and the visible items.
    public func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme, focused: Bool = true) {
        var area = rect
        if find.isShown {
            find.render(into: &buffer, rect: area.top(1), theme: theme)
            area = area.dropTop(1)
        }
        let shown = visible
        let current = selection.resolved(shown.map(String.init))
        let first = selection.top(selected: current, height: area.height, count: shown.count)
        for (row, position) in (first..<min(shown.count, first + max(0, area.height))).enumerated() {
            let item = items[shown[position]]
            let isSelected = position == current && focused
            let base = isSelected ? theme[.selection] : (item.isEnabled ? theme[.menu] : theme[.muted])
            let line = Rect(x: area.x, y: area.y + row, width: area.width, height: 1)
            let marker = isSelected ? theme.glyphs.pointer + " " : "  "
            buffer.putLine("", in: line, style: base)
            var x = buffer.put(marker + item.title, x: line.x, y: line.y, style: base, limit: line.maxX)
            find.highlight(item.title, x: line.x + CharacterWidth.of(marker), y: line.y, style: base, into: &buffer, limit: line.maxX)
            if !item.detail.isEmpty {
                x = max(x + 2, line.x + titleWidth)
                buffer.put(item.detail, x: x, y: line.y, style: isSelected ? base : theme[.muted], limit: line.maxX - 1)
            }
        }
        if shown.isEmpty, !items.isEmpty {
            buffer.put("  nothing matches \"\(find.text)\"", x: area.x, y: area.y, style: theme[.muted], limit: area.maxX)
        }
        var indicator = ScrollView()
        indicator.scroll(by: first, height: area.height, count: shown.count)
        indicator.drawIndicator(into: &buffer, rect: area, count: shown.count, theme: theme)
    }
}
