/// A labelled on/off box; Space or Enter toggles it.
public struct Checkbox: Sendable, Hashable {
    public var label: String
    public var isChecked: Bool

    public init(_ label: String, isChecked: Bool = false) {
        self.label = label
        self.isChecked = isChecked
    }

    /// Toggles on Space/Enter; true when consumed.
    public mutating func handle(_ key: Key) -> Bool {
        guard key == .character(" ") || key == .enter else { return false }
        isChecked.toggle()
        return true
    }

    /// Draws `[x] label`.
    public func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme, focused: Bool) {
        let mark = isChecked ? theme.glyphs.checked : theme.glyphs.unchecked
        buffer.putLine(mark + " " + label, in: rect.top(1), style: focused ? theme[.focusedField] : theme[.text])
    }
}
