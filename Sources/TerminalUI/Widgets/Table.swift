/// A column of a table: its heading and width (0: share the remaining width).
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: Int

    public init(_ title: String, width: Int = 0) {
        self.title = title
        self.width = width
    }
}

/// Rows under column headings with one selected row; the sorted column is marked in its heading.
public struct Table: Sendable, Hashable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var selection = ListSelection()
    /// The column the rows are sorted by and whether descending (shown as ▲/▼).
    public var sortColumn: Int?
    public var sortDescending = false

    public init(columns: [TableColumn], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Handles movement keys; true when consumed.
    public mutating func handle(_ key: Key, page: Int = 10) -> Bool { selection.handle(key, count: rows.count, page: page) }

    /// The widths of the columns for a total width: fixed columns as given, the rest shared.
    public func widths(total: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + $1.width } + columns.count - 1
        let flexible = columns.filter { $0.width == 0 }.count
        let share = flexible > 0 ? max(4, (total - fixed) / flexible) : 0
        return columns.map { $0.width == 0 ? share : $0.width }
    }

    /// Draws the heading and the visible rows.
    public mutating func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme) {
        guard rect.height > 0 else { return }
        let widths = widths(total: rect.width - 1)
        var heading: [String] = []
        for (index, column) in columns.enumerated() {
            let mark = index == sortColumn ? (sortDescending ? " ▼" : " ▲") : ""
            heading.append(column.title + mark)
        }
        draw(heading, widths: widths, in: rect.top(1), style: theme[.title], buffer: &buffer)
        let body = rect.dropTop(1)
        let range = selection.visibleRange(height: body.height, count: rows.count)
        for (offset, index) in range.enumerated() {
            let isSelected = index == selection.index
            let line = Rect(x: body.x, y: body.y + offset, width: body.width, height: 1)
            draw(rows[index], widths: widths, in: line, style: isSelected ? theme[.selection] : theme[.text], buffer: &buffer)
            if isSelected { buffer.put(theme.glyphs.pointer, x: line.x, y: line.y, style: theme[.selection]) }
        }
        if rows.isEmpty { buffer.put("  (none)", x: body.x, y: body.y, style: theme[.muted]) }
        selection.scroll.drawIndicator(into: &buffer, rect: body, count: rows.count, theme: theme)
    }

    private func draw(_ cells: [String], widths: [Int], in line: Rect, style: Style, buffer: inout CellBuffer) {
        buffer.putLine("", in: line, style: style)
        var x = line.x + 1
        for (index, width) in widths.enumerated() {
            let text = index < cells.count ? cells[index] : ""
            buffer.put(CharacterWidth.truncate(text, to: width), x: x, y: line.y, style: style, limit: min(line.maxX, x + width))
            x += width + 1
        }
    }
}
