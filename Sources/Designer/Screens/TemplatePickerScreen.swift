import FlowModel
import TerminalUI

/// "Start from a template": the built-in templates (both reference examples first) with their descriptions.
struct TemplatePickerScreen: Screen {
    var templates = MenuList(items: FlowTemplates.all.map { MenuItem($0.displayName) })
    /// The trigger selected on the connector page: a template that asks for its trigger offers it first.
    var trigger: TriggerKind?

    enum Action: Sendable { case move, use, find, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 3),
        KeyBinding([.enter], "Enter", "use template", help: "answer the template's questions", priority: 2, .use),
        ListKeys.findBinding(.find, priority: 4),
        Common.back(.back, keys: [.escape]),
    ])

    var title: String { "Templates" }
    var takesTextInput: Bool { templates.find.isTyping }
    var bindings: [KeyHint] { templates.find.isTyping ? FindKeys.hints : Self.keys.hints }

    private var selected: FlowTemplate? { templates.selectedIndex.map { FlowTemplates.all[$0] } }

    private func listHeight(_ area: Rect) -> Int { min(FlowTemplates.all.count, max(1, area.height - 8)) }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let height = listHeight(bodyArea(state.size))
        if templates.find.isTyping || key == .escape, templates.handle(key, height: height) { return .stay }
        switch Self.keys.action(for: key) {
        case .back: return .pop
        case .move: _ = templates.handle(key, height: height)
        case .find: templates.find.start()
        case .use:
            if let selected { return .replace(TemplateFormScreen.form(for: selected, trigger: trigger, state: state)) }
        case nil: break
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        buffer.put("Start from a template — it asks only for what it cannot know", x: area.x + 2, y: area.y, style: theme[.muted], limit: area.maxX - 1)
        let listHeight = listHeight(area)
        templates.render(into: &buffer, rect: Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: listHeight), theme: theme, focused: true)
        guard let template = selected else { return }
        let box = Rect(x: area.x + 2, y: area.y + 2 + listHeight, width: area.width - 4, height: 5)
        let asksTrigger = template.questions.contains { $0.key == FlowTemplates.triggerQuestion.key }
        let boxTitle = asksTrigger ? "Any trigger (you pick it)" : Catalog.trigger(template.trigger).displayName
        buffer.drawBox(box, style: theme[.border], glyphs: theme.glyphs, title: boxTitle, titleStyle: theme[.trigger])
        let asks = "Asks for: " + template.questions.map(\.prompt).joined(separator: ", ") + "."
        for (row, line) in TextWrap.lines(template.description + " " + asks, width: box.width - 4).prefix(3).enumerated() {
            buffer.put(line, x: box.x + 2, y: box.y + 1 + row, style: theme[.text], limit: box.maxX - 1)
        }
    }
}
