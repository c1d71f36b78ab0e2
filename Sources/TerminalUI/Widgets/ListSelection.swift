/// The selected row of a list and its scroll position, moved by the list keys (arrows, j/k, Home/End, PgUp/PgDn).
public struct ListSelection: Sendable, Hashable {
    public var index = 0
    public var scroll = ScrollView()

    public init(index: Int = 0) { self.index = index }

    /// Applies a movement key for a list of `count` rows shown `page` rows at a time; returns true when handled.
    public mutating func handle(_ key: Key, count: Int, page: Int) -> Bool {
        guard count > 0 else { return false }
        switch key {
        case .up, .character("k"): index = max(0, index - 1)
        case .down, .character("j"): index = min(count - 1, index + 1)
        case .home: index = 0
        case .end: index = count - 1
        case .pageUp: index = max(0, index - max(1, page))
        case .pageDown: index = min(count - 1, index + max(1, page))
        case .mouse(let event) where event.button == .wheelUp: index = max(0, index - 3)
        case .mouse(let event) where event.button == .wheelDown: index = min(count - 1, index + 3)
        default: return false
        }
        return true
    }

    /// Keeps the index inside `0..<count`.
    public mutating func clamp(count: Int) { index = max(0, min(index, count - 1)) }

    /// The visible range for a viewport of `height` rows, scrolling to keep the selection in view.
    public mutating func visibleRange(height: Int, count: Int) -> Range<Int> {
        clamp(count: count)
        scroll.reveal(index, height: height, count: count)
        return scroll.offset..<min(count, scroll.offset + max(0, height))
    }
}

/// What a mouse click on a list did.
public enum ClickOutcome: Sendable, Hashable {
    /// The click was not on a row.
    case outside
    /// The click selected a row.
    case selected
    /// The click was on the row already selected (open it).
    case activated
}

extension ListSelection {
    /// Selects the row under a left click in a list drawn in `rect` with `count` rows.
    public mutating func click(_ event: MouseEvent, in rect: Rect, count: Int) -> ClickOutcome {
        guard event.button == .left, rect.contains(x: event.x, y: event.y) else { return .outside }
        var shown = self
        let row = shown.visibleRange(height: rect.height, count: count).lowerBound + event.y - rect.y
        guard row < count else { return .outside }
        if row == index { return .activated }
        index = row
        return .selected
    }
}
