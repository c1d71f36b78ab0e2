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

/// A list narrowed by a filter typed after `/` (or straight away in type-to-filter mode, where letters never move the
/// selection); matching is case-insensitive on title and detail, never on the group headings the items are shown under,
/// and title matches are listed before detail matches.
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

    /// Indices into `items` that match the filter, best first: titles starting with the filter, then titles
    /// containing it, then details containing it; each rank keeps the items' order.
    public var matches: [Int] {
        let needle = filter.text.lowercased()
        guard !needle.isEmpty else { return Array(items.indices) }
        var ranks: [[Int]] = [[], [], []]
        for index in items.indices {
            let title = items[index].title.lowercased()
            if title.hasPrefix(needle) { ranks[0].append(index) }
            else if title.contains(needle) { ranks[1].append(index) }
            else if items[index].detail.lowercased().contains(needle) { ranks[2].append(index) }
        }
        return ranks.flatMap { $0 }
    }

    /// The index into `items` of the selected match.
    public var selectedItemIndex: Int? {
        let found = matches
        return found.indices.contains(selection.index) ? found[selection.index] : nil
    }

    /// Handles movement and filter keys for a list drawn `height` rows high; true when consumed. Esc first clears an
    /// active filter.
    public mutating func handle(_ key: Key, height: Int = 10) -> Bool {
        if key == .character("/") && !isFiltering {
            isFiltering = true
            return true
        }
        if key == .escape, !filter.text.isEmpty || (isFiltering && !typeToFilter) {
            filter.text = ""
            isFiltering = typeToFilter
            selection.reset()
            return true
        }
        if isFiltering, isFilterKey(key) {
            if filter.handle(key) { selection.reset() }
            return true
        }
        if key == .enter, isFiltering, !typeToFilter {
            isFiltering = false
            return true
        }
        let height = listHeight(height)
        let kept = selection.scroll.offset
        guard selection.handle(key, count: matches.count, page: height) else { return false }
        let layout = rows()
        let row = layout.firstIndex { $0.match == selection.index } ?? 0
        selection.scroll = ScrollView()
        selection.scroll.scroll(by: Self.top(from: kept, revealing: row, height: height, count: layout.count), height: height, count: layout.count)
        return true
    }

    /// The row-space scroll that starts at `offset` and moves just enough to show `row` (headings count as rows).
    private static func top(from offset: Int, revealing row: Int, height: Int, count: Int) -> Int {
        var view = ScrollView()
        view.scroll(by: offset, height: height, count: count)
        view.reveal(row, height: height, count: count)
        return view.offset
    }

    private func listHeight(_ height: Int) -> Int { max(1, height - (isFiltering || !filter.text.isEmpty ? 1 : 0)) }

    private func isFilterKey(_ key: Key) -> Bool {
        switch key {
        case .character, .backspace, .paste, .ctrl("w"), .ctrl("u"): return true
        default: return false
        }
    }

    /// The shown rows: group headings (no match) and items (their position among the matches).
    private func rows() -> [(text: String, detail: String, match: Int?)] {
        var rows: [(text: String, detail: String, match: Int?)] = []
        var lastGroup: String?
        for (position, index) in matches.enumerated() {
            let item = items[index]
            if let group = item.group, group != lastGroup { rows.append((group, "", nil)) }
            lastGroup = item.group
            rows.append((item.title, item.detail, position))
        }
        return rows
    }

    /// Draws the filter line (when filtering) and the matching items under their groups.
    public func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme) {
        var area = rect
        if isFiltering || !filter.text.isEmpty {
            buffer.put("Filter: ", x: area.x, y: area.y, style: theme[.muted])
            filter.render(into: &buffer, rect: Rect(x: area.x + 8, y: area.y, width: area.width - 8, height: 1), theme: theme, focused: isFiltering)
            area = area.dropTop(1)
        }
        let layout = rows()
        if layout.isEmpty {
            buffer.put("  nothing matches \"\(filter.text)\"", x: area.x, y: area.y, style: theme[.muted], limit: area.maxX)
            return
        }
        let selectedRow = layout.firstIndex { $0.match == selection.index } ?? 0
        let top = Self.top(from: selection.scroll.offset, revealing: selectedRow, height: area.height, count: layout.count)
        let titleWidth = min(area.width / 2, (layout.map { CharacterWidth.of($0.text) }.max() ?? 0) + 4)
        for offset in 0..<max(0, min(area.height, layout.count - top)) {
            let row = layout[top + offset]
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
        var indicator = ScrollView()
        indicator.scroll(by: top, height: area.height, count: layout.count)
        indicator.drawIndicator(into: &buffer, rect: area, count: layout.count, theme: theme)
    }
}
