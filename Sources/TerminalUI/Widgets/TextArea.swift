/// A multi-line text editor: arrows move, Enter breaks the line, Backspace joins lines, paste keeps newlines.
public struct TextArea: Sendable, Hashable {
    public private(set) var lines: [[Character]]
    public private(set) var row = 0
    public private(set) var column = 0
    private var scroll = ScrollView()

    public init(_ text: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
    }

    /// The whole text, lines joined with newlines.
    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    /// Applies an editing key; true when consumed.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .paste(let text): insert(text)
        case .enter: insert("\n")
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up: if row > 0 { row -= 1; column = min(column, lines[row].count) }
        case .down: if row + 1 < lines.count { row += 1; column = min(column, lines[row].count) }
        case .home, .ctrl("a"): column = 0
        case .end, .ctrl("e"): column = lines[row].count
        case .backspace: backspace()
        case .delete:
            if column < lines[row].count { lines[row].remove(at: column) } else if row + 1 < lines.count { lines[row] += lines.remove(at: row + 1) }
        default: return false
        }
        return true
    }

    private mutating func insert(_ text: String) {
        for character in text {
            if character.isNewline {
                let rest = Array(lines[row][column...])
                lines[row].removeSubrange(column...)
                lines.insert(rest, at: row + 1)
                row += 1
                column = 0
            } else {
                lines[row].insert(character == "\t" ? " " : character, at: column)
                column += 1
            }
        }
    }

    private mutating func backspace() {
        if column > 0 {
            lines[row].remove(at: column - 1)
            column -= 1
        } else if row > 0 {
            column = lines[row - 1].count
            lines[row - 1] += lines.remove(at: row)
            row -= 1
        }
    }

    /// Draws the visible lines; the cursor cell is reversed when focused.
    public mutating func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme, focused: Bool) {
        let style = focused ? theme[.focusedField] : theme[.field]
        scroll.reveal(row, height: rect.height, count: lines.count)
        for offset in 0..<rect.height {
            let index = scroll.offset + offset
            let line = Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: 1)
            buffer.putLine(index < lines.count ? String(lines[index]) : "", in: line, style: style)
            if focused, index == row {
                let x = rect.x + CharacterWidth.of(String(lines[index][..<column]))
                let under = column < lines[index].count ? String(lines[index][column]) : " "
                if x < rect.maxX { buffer.put(under, x: x, y: line.y, style: style.adding(.reverse)) }
            }
        }
    }
}
