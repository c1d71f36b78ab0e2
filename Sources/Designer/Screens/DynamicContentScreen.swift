import TerminalUI

/// The dynamic content picker: the trigger's and earlier steps' outputs, filtered by typing; Enter inserts.
struct DynamicContentScreen: Screen, EditorScreen, TextInputScreen {
    var options: [DynamicContentOption]
    var list: FilterableList

    init(options: [DynamicContentOption]) {
        self.options = options
        self.list = FilterableList(items: options.map { ListItem($0.name, detail: $0.token, group: $0.source) }, typeToFilter: true)
    }

    var title: String { "Dynamic content" }
    var hints: [KeyHint] { [KeyHint("type", "filter"), KeyHint("Enter", "insert"), CommonHints.back] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if key == .enter, let index = list.selectedItemIndex { return .popWith(.insertText(options[index].token)) }
        if list.handle(key) { return .stay }
        return key == .escape ? .pop : .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        if options.isEmpty {
            buffer.put("No dynamic content here: the trigger and earlier steps have no outputs.", x: area.x + 2, y: area.y + 1, style: state.theme[.muted], limit: area.maxX)
            return
        }
        var copy = list
        copy.render(into: &buffer, rect: area.inset(1), theme: state.theme)
    }
}
