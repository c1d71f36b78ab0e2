/// The characters used for boxes, guides and marks: Unicode line drawing or plain ASCII.
public struct BoxGlyphs: Sendable, Hashable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var teeDown: String
    public var teeRight: String
    public var arrowDown: String
    public var pointer: String
    public var checked: String
    public var unchecked: String
    public var ellipsis: String

    /// Unicode box drawing (for UTF-8 terminals).
    public static let unicode = BoxGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                          teeDown: "┬", teeRight: "├", arrowDown: "↓", pointer: "›", checked: "[x]", unchecked: "[ ]", ellipsis: "…")
    /// Plain ASCII (for other terminals).
    public static let ascii = BoxGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                                        teeDown: "+", teeRight: "+", arrowDown: "v", pointer: ">", checked: "[x]", unchecked: "[ ]", ellipsis: "...")
}

extension CellBuffer {
    /// Draws a box border around `rect` with an optional title in the top edge.
    public mutating func drawBox(_ rect: Rect, style: Style, glyphs: BoxGlyphs, title: String? = nil, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = String(repeating: glyphs.horizontal, count: rect.width - 2)
        put(glyphs.topLeft + inner + glyphs.topRight, x: rect.x, y: rect.y, style: style, limit: rect.maxX)
        put(glyphs.bottomLeft + inner + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, style: style, limit: rect.maxX)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            put(glyphs.vertical, x: rect.x, y: row, style: style)
            put(glyphs.vertical, x: rect.maxX - 1, y: row, style: style)
        }
        if let title, rect.width > 6 {
            let text = " " + CharacterWidth.truncate(title, to: rect.width - 6) + " "
            put(text, x: rect.x + 2, y: rect.y, style: titleStyle ?? style, limit: rect.maxX - 2)
        }
    }

    /// Writes text padded or cut to exactly the rectangle's width on its first row.
    public mutating func putLine(_ text: String, in rect: Rect, style: Style) {
        guard rect.width > 0, rect.height > 0 else { return }
        put(CharacterWidth.pad(text, to: rect.width), x: rect.x, y: rect.y, style: style, limit: rect.maxX)
    }
}
