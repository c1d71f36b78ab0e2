/// A modal box with a message and buttons. Left/Right/Tab move, Enter chooses, a button's first letter chooses it,
/// Esc cancels. An optional text field asks for a value (rename, file path).
public struct Dialog: Sendable, Hashable {
    /// What a key did to the dialog.
    public enum Outcome: Sendable, Hashable {
        case pending
        case chose(Int)
        case cancelled
    }

    public var title: String
    public var message: String
    public var buttons: [String]
    public var selected: Int
    /// A text input, when the dialog asks for one.
    public var input: TextField?

    public init(title: String, message: String, buttons: [String], selected: Int = 0, input: TextField? = nil) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selected = selected
        self.input = input
    }

    /// Applies a key.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter: return .chose(selected)
        case .left, .backTab: selected = (selected + buttons.count - 1) % max(1, buttons.count)
        case .right, .tab: selected = (selected + 1) % max(1, buttons.count)
        default:
            if var field = input, field.handle(key) {
                input = field
                return .pending
            }
            if case .character(let c) = key, let index = buttons.firstIndex(where: { $0.lowercased().first == Character(c.lowercased()) }) {
                return .chose(index)
            }
        }
        return .pending
    }

    /// Draws the dialog centred in `area`, wide enough for its buttons.
    public func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let buttonsWidth = buttons.reduce(3) { $0 + CharacterWidth.of($1) + 5 }
        let width = min(area.width - 2, max(40, buttonsWidth, min(70, CharacterWidth.of(message) + 6)))
        let lines = TextWrap.lines(message, width: width - 4)
        let height = min(area.height, lines.count + (input == nil ? 4 : 6))
        let box = area.centered(width: width, height: height)
        buffer.fill(box, style: theme[.dialog])
        buffer.drawBox(box, style: theme[.border], glyphs: theme.glyphs, title: title, titleStyle: theme[.title])
        for (row, line) in lines.prefix(max(0, box.height - 4)).enumerated() {
            buffer.put(line, x: box.x + 2, y: box.y + 1 + row, style: theme[.dialog], limit: box.maxX - 2)
        }
        if let input {
            input.render(into: &buffer, rect: Rect(x: box.x + 2, y: box.maxY - 4, width: box.width - 4, height: 1), theme: theme, focused: true)
        }
        var x = box.x + 2
        for (index, button) in buttons.enumerated() {
            let style = index == selected ? theme[.selection] : theme[.dialog]
            x = buffer.put("[ \(button) ]", x: x, y: box.maxY - 2, style: style, limit: box.maxX - 1) + 1
        }
    }
}
