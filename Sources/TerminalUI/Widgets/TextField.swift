/// A one-line text editor: cursor, insert, delete, word moves, paste. The text scrolls horizontally.
public struct TextField: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// The cursor position, 0...characters.count.
    public private(set) var cursor: Int
    /// Shown as dots when true (secrets).
    public var isSecret = false

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The text being edited (set as is: newlines set here are kept, and shown as ↵).
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    /// Inserts text at the cursor (typing or pasting; newlines become spaces).
    public mutating func insert(_ text: String) {
        let clean = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    /// Applies an editing key; true when consumed.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .paste(let text): insert(text)
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .alt("b"): cursor = previousWordStart()
        case .alt("f"): cursor = nextWordEnd()
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .ctrl("w"), .alt("\u{7F}"):
            let start = previousWordStart()
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .alt("d"):
            characters.removeSubrange(cursor..<nextWordEnd())
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        default: return false
        }
        return true
    }

    private func previousWordStart() -> Int {
        var i = cursor
        while i > 0, characters[i - 1] == " " { i -= 1 }
        while i > 0, characters[i - 1] != " " { i -= 1 }
        return i
    }

    private func nextWordEnd() -> Int {
        var i = cursor
        while i < characters.count, characters[i] == " " { i += 1 }
        while i < characters.count, characters[i] != " " { i += 1 }
        return i
    }

    /// Draws the field on one row; when focused the cursor cell is shown reversed.
    public func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme, focused: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        let style = focused ? theme[.focusedField] : theme[.field]
        buffer.putLine("", in: rect.top(1), style: style)
        // A multi-line value (set as `text`, e.g. by a multi-line editor) shows its newlines as ↵.
        let shown: [Character] = isSecret ? Array(repeating: "•", count: characters.count) : characters.map { $0 == "\n" ? "↵" : $0 }
        let widths = shown.map(CharacterWidth.of)
        var start = 0
        var used = widths[..<cursor].reduce(0, +)
        while used >= rect.width, start < cursor {
            used -= widths[start]
            start += 1
        }
        var x = rect.x
        for index in start..<shown.count {
            guard x + widths[index] <= rect.maxX else { break }
            let cellStyle = focused && index == cursor ? style.adding(.reverse) : style
            x = buffer.put(String(shown[index]), x: x, y: rect.y, style: cellStyle, limit: rect.maxX)
        }
        if focused, cursor == shown.count, x < rect.maxX {
            buffer.put(" ", x: x, y: rect.y, style: style.adding(.reverse))
        }
    }
}
