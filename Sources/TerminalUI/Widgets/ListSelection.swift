/// The selected row of a list and its scroll position, moved by the list keys (↑↓ j k, PgUp PgDn, Home End g G,
/// mouse wheel). The selection may be anchored to a row's id so that it stays on the same item when rows come and go.
public struct ListSelection: Sendable, Hashable {
    public var index = 0
    public var scroll = ScrollView()
    /// The id of the selected row, when the list has ids (live lists): the index follows it.
    public var anchor: String?

    public init(index: Int = 0) { self.index = index }

    /// Applies a movement key for a list of `count` rows shown `page` rows at a time, keeping the selection in view;
    /// true when handled.
    public mutating func handle(_ key: Key, count: Int, page: Int) -> Bool {
        guard count > 0 else { return false }
        let step = max(1, page - 1)
        switch key {
        case .up, .character("k"): index = max(0, index - 1)
        case .down, .character("j"): index = min(count - 1, index + 1)
        case .home, .character("g"): index = 0
        case .end, .character("G"): index = count - 1
        case .pageUp: index = max(0, index - step)
        case .pageDown: index = min(count - 1, index + step)
        case .mouse(let event) where event.button == .wheelUp: index = max(0, index - 3)
        case .mouse(let event) where event.button == .wheelDown: index = min(count - 1, index + 3)
        default: return false
        }
        scroll.reveal(index, height: page, count: count)
        return true
    }

    /// Moves like `handle` over rows with `ids`, first finding the anchored row, then anchoring the new one.
    public mutating func handle(_ key: Key, ids: [String], page: Int) -> Bool {
        resolve(ids)
        guard handle(key, count: ids.count, page: page) else { return false }
        anchor = ids.indices.contains(index) ? ids[index] : nil
        return true
    }

    /// Sets `index` to the anchored row's position in `ids` (or clamps it when the row is gone); the scroll moves by
    /// as many rows as the anchored row did, so the view stays still while rows arrive above it.
    public mutating func resolve(_ ids: [String]) {
        let found = resolved(ids)
        if anchor != nil, found != index { scroll.scroll(by: found - index, height: 1, count: ids.count) }
        index = found
    }

    /// The anchored row's position in `ids`, else the index clamped.
    public func resolved(_ ids: [String]) -> Int {
        if let anchor, let found = ids.firstIndex(of: anchor) { return found }
        return max(0, min(index, ids.count - 1))
    }

    /// Selects row `row` of `ids` (anchoring it) and keeps it in view.
    public mutating func select(_ row: Int, ids: [String], page: Int) {
        index = max(0, min(row, ids.count - 1))
        anchor = ids.indices.contains(index) ? ids[index] : nil
        scroll.reveal(index, height: page, count: ids.count)
    }

    /// Back to the first row (after a filter changed).
    public mutating func reset() { self = ListSelection() }

    /// Keeps the index inside `0..<count`.
    public mutating func clamp(count: Int) { index = max(0, min(index, count - 1)) }

    /// The first visible row for a viewport of `height` rows: the stored scroll, moved just enough to show `selected`
    /// (when the list shrank or the window changed size). Does not change the selection.
    public func top(selected: Int, height: Int, count: Int) -> Int {
        var view = scroll
        if anchor != nil, selected != index { view.scroll(by: selected - index, height: height, count: count) }
        view.reveal(max(0, min(selected, count - 1)), height: height, count: count)
        return view.offset
    }

    /// The visible range for a viewport of `height` rows (see `top`).
    public func visibleRange(height: Int, count: Int) -> Range<Int> {
        let first = top(selected: index, height: height, count: count)
        return first..<min(count, first + max(0, height))
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
        let row = visibleRange(height: rect.height, count: count).lowerBound + event.y - rect.y
        guard row < count else { return .outside }
        if row == index { return .activated }
        index = row
        return .selected
    }
}
