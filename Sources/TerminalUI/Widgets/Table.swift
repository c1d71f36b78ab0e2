/// A column of a table: its heading and width (0: share the remaining width).
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: Int

    public init(_ title: String, width: Int = 0) {
        self.title = title
        self.width = width
    }
}

/// One row of a table: a stable id (the selection follows it) and its cells.
public struct TableRow: Sendable, Hashable {
    public var id: String
    public var cells: [String]

    public init(id: String, _ cells: [String]) {
        self.id = id
        self.cells = cells
    }
}

/// Rows under column headings with one selected row; the sorted column is marked in its heading. The table keeps
/// only its state (selection anchored to a row id, scroll, sort, find text); the rows are handed in by the screen.
public struct Table: Sendable, Hashable {
    public var columns: [TableColumn]
    public var selection = ListSelection()
    /// The column the rows are sorted by and whether descending (shown as ▲/▼).
    public var sortColumn: Int?
    public var sortDescending = false
    /// The `/` find line.
    public var find = FindField()

    public init(columns: [TableColumn]) { self.columns = columns }

    /// The rows that match the find text.
    public func shown(_ rows: [TableRow]) -> [TableRow] {
        find.text.isEmpty ? rows : rows.filter { find.matches($0.cells) }
    }

    /// The rows of the body in a table drawn `height` rows high (less the heading and the find line).
    public func bodyHeight(_ height: Int) -> Int { max(1, height - 1 - (find.isShown ? 1 : 0)) }

    /// The selected row among the shown rows.
    public func selected(in rows: [TableRow]) -> TableRow? {
        let visible = shown(rows)
        let index = selection.resolved(visible.map(\.id))
        return visible.indices.contains(index) ? visible[index] : nil
    }

    /// Handles find typing and movement for a table drawn `height` rows high; true when consumed.
    public mutating func handle(_ key: Key, rows: [TableRow], height: Int) -> Bool {
        switch find.handle(key) {
        case .changed:
            selection.reset()
            return true
        case .handled: return true
        case .ignored: break
        }
        return selection.handle(key, ids: shown(rows).map(\.id), page: bodyHeight(height))
    }

    /// Starts the find line.
    public mutating func startFind() { find.start() }

    /// Selects the row under a left click in a table drawn in `rect`.
    public mutating func click(_ event: MouseEvent, rows: [TableRow], in rect: Rect) -> ClickOutcome {
        let visible = shown(rows)
        let body = rect.dropTop(1 + (find.isShown ? 1 : 0))
        selection.resolve(visible.map(\.id))
        let outcome = selection.click(event, in: body, count: visible.count)
        if visible.indices.contains(selection.index) { selection.anchor = visible[selection.index].id }
        return outcome
    }

    /// The widths of the columns for a total width: fixed columns as given, the rest shared.
    public func widths(total: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + $1.width } + columns.count - 1
        let flexible = columns.filter { $0.width == 0 }.count
        let share = flexible > 0 ? max(4, (total - fixed) / flexible) : 0
        return columns.map { $0.width == 0 ? share : $0.width }
    }

    /// Draws the find line (when shown), the heading and the visible rows.
    public func render(_ rows: [TableRow], into buffer: inout CellBuffer, rect: Rect, theme: Theme) {
        guard rect.height > 0 else { return }
        var area = rect
        if find.isShown {
            find.render(into: &buffer, rect: area.top(1), theme: theme)
            area = area.dropTop(1)
        }
        let widths = widths(total: area.width - 1)
        var heading: [String] = []
        for (index, column) in columns.enumerated() {
            let mark = index == sortColumn ? (sortDescending ? " ▼" : " ▲") : ""
            heading.append(column.title + mark)
        }
        draw(heading, widths: widths, in: area.top(1), style: theme[.title], buffer: &buffer)
        let body = area.dropTop(1)
        let visible = shown(rows)
        let current = selection.resolved(visible.map(\.id))
        let first = selection.top(selected: current, height: body.height, count: visible.count)
        for (offset, index) in (first..<min(visible.count, first + max(0, body.height))).enumerated() {
            let isSelected = index == current
            let line = Rect(x: body.x, y: body.y + offset, width: body.width, height: 1)
            draw(visible[index].cells, widths: widths, in: line, style: isSelected ? theme[.selection] : theme[.text], buffer: &buffer, highlight: !find.text.isEmpty)
            if isSelected { buffer.put(theme.glyphs.pointer, x: line.x, y: line.y, style: theme[.selection]) }
        }
        if visible.isEmpty {
            let text = rows.isEmpty ? "  (none)" : "  nothing matches \"\(find.text)\""
            buffer.put(text, x: body.x, y: body.y, style: theme[.muted], limit: body.maxX)
        }
        var indicator = ScrollView()
        indicator.scroll(by: first, height: body.height, count: visible.count)
        indicator.drawIndicator(into: &buffer, rect: body, count: visible.count, theme: theme)
    }

    /// Draws one row's cells; with `highlight`, the find text is marked in each cell.
    private func draw(_ cells: [String], widths: [Int], in line: Rect, style: Style, buffer: inout CellBuffer, highlight: Bool = false) {
        buffer.putLine("", in: line, style: style)
        var x = line.x + 1
        for (index, width) in widths.enumerated() {
            let text = CharacterWidth.truncate(index < cells.count ? cells[index] : "", to: width)
            let limit = min(line.maxX, x + width)
            buffer.put(text, x: x, y: line.y, style: style, limit: limit)
            if highlight { find.highlight(text, x: x, y: line.y, style: style, into: &buffer, limit: limit) }
            x += width + 1
        }
    }
}
