/// One row of a filterable list: a title, a detail, and an optional group it is listed under.
public struct ListItem: Sendable, Hashable {
    public var title: String
    public var detail: String
    public var group: String?

    public init(_ title: String, detail: String = "", group: String? = nil) {
        self.title = title
        self.detail = detail
        self.group = group
    }
}

/// A list narrowed by a filter typed after `/` (or straight away in type-to-filter mode); matching is
/// case-insensitive on title, detail and group. Items are shown under their group headings.
public struct FilterableList: Sendable, Hashable {
    public var items: [ListItem]
    public private(set) var filter = TextField()
    /// True while keys go to the filter.
    public private(set) var isFiltering: Bool
    public var selection = ListSelection()
    /// Letters filter without `/` first (pickers).
    public let typeToFilter: Bool

    public init(items: [ListItem], typeToFilter: Bool = false) {
        self.items = items
        self.typeToFilter = typeToFilter
        self.isFiltering = typeToFilter
    }

    /// Indices into `items` that match the filter, in order.
    public var matches: [Int] {
        let needle = filter.text.lowercased()
        guard !needle.isEmpty else { return Array(items.indices) }
        return items.indices.filter { index in
            let item = items[index]
            return item.title.lowercased().contains(needle) || item.detail.lowercased().contains(needle)
                || (item.group?.lowercased().contains(needle) ?? false)
        }
    }

    /// The index into `items` of the selected match.
    public var selectedItemIndex: Int? {
        let found = matches
        return found.indices.contains(selection.index) ? found[selection.index] : nil
    }

    /// Handles movement and filter keys; true when consumed. Esc first clears an active filter.
    public mutating func handle(_ key: Key, page: Int = 10) -> Bool {
        if key == .character("/") && !isFiltering {
            isFiltering = true
            return true
        }
        if key == .escape, !filter.text.isEmpty || (isFiltering && !typeToFilter) {
            filter.text = ""
            isFiltering = typeToFilter
            selection.index = 0
            return true
        }
        if isFiltering, isFilterKey(key), filter.handle(key) {
            selection.index = 0
            return true
        }
        return selection.handle(key, count: matches.count, page: page)
    }

    private func isFilterKey(_ key: Key) -> Bool {
        switch key {
        case .character: return true
        case .backspace, .paste, .ctrl("w"), .ctrl("u"): return true
        default: return false
        }
    }

    /// Draws the filter line (when filtering) and the matching items under their groups.
    public mutating func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme) {
        var area = rect
        if isFiltering || !filter.text.isEmpty {
            buffer.put("Filter: ", x: area.x, y: area.y, style: theme[.muted])
            filter.render(into: &buffer, rect: Rect(x: area.x + 8, y: area.y, width: area.width - 8, height: 1), theme: theme, focused: isFiltering)
            area = area.dropTop(1)
        }
        let found = matches
        if found.isEmpty {
            buffer.put("  nothing matches \"\(filter.text)\"", x: area.x, y: area.y, style: theme[.muted], limit: area.maxX)
            return
        }
        var rows: [(text: String, detail: String, match: Int?)] = []
        var lastGroup: String?
        for (position, index) in found.enumerated() {
            let item = items[index]
            if let group = item.group, group != lastGroup { rows.append((group, "", nil)) }
            lastGroup = item.group
            rows.append((item.title, item.detail, position))
        }
        let selectedRow = rows.firstIndex { $0.match == selection.index } ?? 0
        selection.scroll.reveal(selectedRow, height: area.height, count: rows.count)
        let titleWidth = min(area.width / 2, (rows.map { CharacterWidth.of($0.text) }.max() ?? 0) + 4)
        for offset in 0..<min(area.height, rows.count - selection.scroll.offset) {
            let row = rows[selection.scroll.offset + offset]
            let line = Rect(x: area.x, y: area.y + offset, width: area.width, height: 1)
            guard let match = row.match else {
                buffer.putLine(row.text, in: line, style: theme[.title])
                continue
            }
            let isSelected = match == selection.index
            let style = isSelected ? theme[.selection] : theme[.menu]
            buffer.putLine((isSelected ? theme.glyphs.pointer + " " : "  ") + row.text, in: line, style: style)
            buffer.put(row.detail, x: line.x + titleWidth, y: line.y, style: isSelected ? style : theme[.muted], limit: line.maxX - 1)
        }
        selection.scroll.drawIndicator(into: &buffer, rect: area, count: rows.count, theme: theme)
    }
}
