import TerminalUI

/// The dynamic content picker: the trigger's and earlier steps' outputs, filtered by typing; Enter inserts.
struct DynamicContentScreen: Screen, EditorScreen, TextInputScreen {
    var options: [DynamicContentOption]
    var list: FilterableList

    init(options: [DynamicContentOption]) {
        self.options = options
        self.list = FilterableList(items: options.map { ListItem($0.name, detail: $0.token, group: $0.source) }, typeToFilter: true)
    }

    enum Action: Sendable { case insert, back }

    static let keys = KeyMap<Action>([
        KeyBinding([], "type", "filter", help: "letters narrow the list by name or expression (not by the group headings)", priority: 3, .back),
        ListKeys.arrowBinding(.back, priority: 4),
        KeyBinding([.enter], "Enter", "insert", help: "insert the selected expression at the cursor", priority: 2, .insert),
        KeyBinding([.escape], "Esc", "back", help: "clear the filter, else back to the form", priority: 1, .back),
    ])

    var title: String { "Dynamic content" }
    var bindings: [KeyHint] { Self.keys.hints }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if Self.keys.action(for: key) == .insert, let index = list.selectedItemIndex { return .popWith(.insertText(options[index].token)) }
        if list.handle(key, height: bodyArea(state.size).inset(1).height) { return .stay }
        return key == .escape ? .pop : .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        if options.isEmpty {
            buffer.put("No dynamic content here: the trigger and earlier steps have no outputs.", x: area.x + 2, y: area.y + 1, style: state.theme[.muted], limit: area.maxX)
            return
        }
        list.render(into: &buffer, rect: area.inset(1), theme: state.theme)
    }
}
