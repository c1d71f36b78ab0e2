import Foundation

/// What a key did to a find field.
public enum FindOutcome: Sendable, Hashable {
    /// Not a find key: the list (or screen) should handle it.
    case ignored
    /// Consumed without changing the text.
    case handled
    /// The text changed (the list should go back to its first match).
    case changed
}

/// The `/` type-to-find line of a list: `/` starts it, letters narrow the list (never running commands), Enter
/// keeps the text and gives the keys back to the list, Esc clears it.
public struct FindField: Sendable, Hashable {
    public private(set) var field = TextField()
    /// True while keys are typed into the field.
    public private(set) var isTyping = false

    public init() {}

    /// The text typed.
    public var text: String { field.text }
    /// True when the find line is drawn (typing, or a kept text).
    public var isShown: Bool { isTyping || !field.text.isEmpty }

    /// True when any of `texts` contains the text (case-insensitive); always true for an empty text.
    public func matches(_ texts: [String]) -> Bool {
        let needle = field.text.lowercased()
        return needle.isEmpty || texts.contains { $0.lowercased().contains(needle) }
    }

    /// Starts typing (as `/` does).
    public mutating func start() { isTyping = true }

    /// Clears the text and stops typing.
    public mutating func clear() {
        field.text = ""
        isTyping = false
    }

    /// Applies a key: Esc clears a kept text; while typing, text keys edit, Enter keeps and Esc clears. (`/` is the
    /// screen's binding; it calls `start`.)
    public mutating func handle(_ key: Key) -> FindOutcome {
        if !isTyping {
            if key == .escape, !field.text.isEmpty {
                clear()
                return .changed
            }
            return .ignored
        }
        switch key {
        case .enter:
            isTyping = false
            return .handled
        case .escape:
            clear()
            return .changed
        case .character, .paste, .backspace, .delete, .ctrl("w"), .ctrl("u"), .ctrl("k"), .left, .right:
            let before = field.text
            _ = field.handle(key)
            return field.text == before ? .handled : .changed
        default: return .ignored
        }
    }

    /// Where the text occurs in `shown` (case-insensitive): the display columns before it and its width; nil when absent.
    public func match(in shown: String) -> (offset: Int, width: Int)? {
        guard !field.text.isEmpty, let range = shown.range(of: field.text, options: .caseInsensitive) else { return nil }
        return (CharacterWidth.of(String(shown[..<range.lowerBound])), CharacterWidth.of(String(shown[range])))
    }

    /// Redraws the match inside text already drawn at `x` in bold and underlined.
    public func highlight(_ shown: String, x: Int, y: Int, style: Style, into buffer: inout CellBuffer, limit: Int) {
        guard let found = match(in: shown), let range = shown.range(of: field.text, options: .caseInsensitive) else { return }
        buffer.put(String(shown[range]), x: x + found.offset, y: y, style: style.adding(.bold).adding(.underline), limit: limit)
    }

    /// Draws "Find: text" on one row.
    public func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme) {
        guard rect.width > 8, rect.height > 0 else { return }
        buffer.putLine(" Find: ", in: rect.top(1), style: theme[.muted])
        field.render(into: &buffer, rect: Rect(x: rect.x + 7, y: rect.y, width: rect.width - 8, height: 1), theme: theme, focused: isTyping)
    }
}
