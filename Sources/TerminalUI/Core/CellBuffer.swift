/// A grid of cells that screens draw into and backends put on a terminal. Wide characters take two cells.
public struct CellBuffer: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]

    /// A buffer of blank cells.
    public init(size: Size, style: Style = .plain) {
        self.size = size
        self.cells = Array(repeating: .blank(style), count: size.width * size.height)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(size) }

    /// The cell at a position (blank outside).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank() }
        return cells[y * size.width + x]
    }

    /// Writes `text` from (x, y) in one style, clipped at `limit` (default: the right edge); returns the next column.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        let right = min(limit ?? size.width, size.width)
        guard y >= 0, y < size.height else { return x }
        var column = x
        for character in text {
            let printable: Character = character.isNewline || character == "\t" || (character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) ? " " : character
            let width = CharacterWidth.of(printable)
            if width == 0 { continue }
            if column + width > right {
                if width == 2, column < right, column >= 0 { set(column, y, Cell(" ", style: style)) }
                break
            }
            if column >= 0 {
                set(column, y, Cell(String(printable), style: style))
                if width == 2 { set(column + 1, y, Cell("", style: style)) }
            }
            column += width
        }
        return column
    }

    /// Fills a rectangle with a character in a style.
    public mutating func fill(_ rect: Rect, style: Style, with character: Character = " ") {
        let line = String(repeating: character, count: max(0, rect.width))
        for row in rect.y..<rect.maxY { put(line, x: rect.x, y: row, style: style, limit: rect.maxX) }
    }

    /// Changes the style of every cell in a rectangle, keeping the text (used for highlights).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for row in max(0, rect.y)..<min(size.height, rect.maxY) {
            for column in max(0, rect.x)..<min(size.width, rect.maxX) {
                change(&cells[row * size.width + column].style)
            }
        }
    }

    /// The text of one row (continuation cells skipped, trailing spaces trimmed).
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var text = ""
        for x in 0..<size.width { text += cells[y * size.width + x].text }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The whole screen as text, one line per row (what snapshots store).
    public var text: String { (0..<size.height).map(line).joined(separator: "\n") }

    /// Positions of the cells that differ from `other` (everything when the sizes differ).
    public func changedPositions(since other: CellBuffer?) -> [(x: Int, y: Int)] {
        guard let other, other.size == size else {
            return (0..<size.height).flatMap { y in (0..<size.width).map { (x: $0, y: y) } }
        }
        var changed: [(x: Int, y: Int)] = []
        for index in cells.indices where cells[index] != other.cells[index] {
            changed.append((x: index % size.width, y: index / size.width))
        }
        return changed
    }

    /// Stores a cell, blanking the other half of any wide character it cuts through.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let index = y * size.width + x
        if cells[index].isContinuation, x > 0, !cell.isContinuation {
            cells[index - 1].text = " "
        }
        if !cells[index].isContinuation, x + 1 < size.width, cells[index + 1].isContinuation, CharacterWidth.of(cell.text.first ?? " ") != 2 {
            cells[index + 1].text = " "
        }
        cells[index] = cell
    }
}

extension CellBuffer {
    /// Copies another buffer's cells with its top-left corner at (x, y), clipped to this buffer.
    public mutating func blit(_ other: CellBuffer, x: Int, y: Int) {
        for row in 0..<other.size.height where y + row >= 0 && y + row < size.height {
            for column in 0..<other.size.width where x + column >= 0 && x + column < size.width {
                cells[(y + row) * size.width + x + column] = other.cells[row * other.size.width + column]
            }
        }
    }
}
