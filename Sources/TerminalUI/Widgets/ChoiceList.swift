/// A choice among fixed options shown on one line (`< Minute >`); Left/Right or Space cycle.
public struct ChoiceList: Sendable, Hashable {
    public var options: [String]
    public var selected: Int

    public init(options: [String], selected: Int = 0) {
        self.options = options
        self.selected = options.isEmpty ? 0 : max(0, min(selected, options.count - 1))
    }

    /// The chosen option.
    public var value: String? { options.indices.contains(selected) ? options[selected] : nil }

    /// Cycles on Left/Right/Space/h/l; true when consumed.
    public mutating func handle(_ key: Key) -> Bool {
        guard !options.isEmpty else { return false }
        switch key {
        case .left, .character("h"): selected = (selected + options.count - 1) % options.count
        case .right, .character("l"), .character(" "): selected = (selected + 1) % options.count
        default: return false
        }
        return true
    }

    /// Draws `‹ value ›` with the position among the options.
    public func render(into buffer: inout CellBuffer, rect: Rect, theme: Theme, focused: Bool) {
        let text = "< \(value ?? "") > (\(selected + 1)/\(options.count))"
        buffer.putLine(text, in: rect.top(1), style: focused ? theme[.focusedField] : theme[.field])
    }
}
