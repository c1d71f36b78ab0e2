extension TextEditor {
    /// Draws the visible lines in `rect` (the text takes `rect.width - 1` columns; the last shows the scroll
    /// position): atoms as chips, the selection highlighted, the cursor reversed when focused, and the character
    /// at `marker` (an error's place) in the error style.
    public func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme, focused: Bool, marker: Int? = nil) {
        guard rect.width > 1, rect.height > 0 else { return }
        let lines = TextLayout.lines(characters, width: rect.width - 1, atoms: atoms)
        let cursorLine = TextLayout.lineIndex(of: cursor, in: lines)
        // The stored top follows the viewport; after a resize the cursor is kept visible here too.
        var first = min(top, max(0, lines.count - 1))
        if cursorLine < first { first = cursorLine }
        if cursorLine >= first + rect.height { first = cursorLine - rect.height + 1 }
        let base = theme[.field]
        let chip = theme[.action].adding(.reverse)
        let selected = selection
        for row in 0..<rect.height {
            let y = rect.y + row
            buffer.putLine("", in: Rect(x: rect.x, y: y, width: rect.width - 1, height: 1), style: base)
            let index = first + row
            guard index < lines.count else { continue }
            var x = rect.x
            for position in lines[index] {
                var style = atom(at: position) != nil ? chip : base
                if let selected, selected.contains(position) { style = theme[.selection] }
                if position == marker { style = theme[.error].adding(.reverse) }
                if focused, position == cursor { style = style.adding(.reverse) }
                x = buffer.put(String(characters[position]), x: x, y: y, style: style, limit: rect.maxX - 1)
            }
            if focused, index == cursorLine, cursor == lines[index].upperBound, x < rect.maxX {
                buffer.put(" ", x: x, y: y, style: (marker == cursor ? theme[.error] : base).adding(.reverse))
            } else if let marker, marker == lines[index].upperBound, marker == characters.count, x < rect.maxX {
                buffer.put(" ", x: x, y: y, style: theme[.error].adding(.reverse))
            }
        }
        var indicator = ScrollView()
        indicator.scroll(by: first, height: rect.height, count: lines.count)
        indicator.drawIndicator(into: &buffer, rect: rect, count: lines.count, theme: theme)
    }
}
