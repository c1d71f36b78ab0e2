import FlowModel
import TerminalUI

/// "Start from a template": the built-in templates (both reference examples first) with their descriptions.
struct TemplatePickerScreen: Screen {
    var templates = MenuList(items: FlowTemplates.all.map { MenuItem($0.displayName) })

    var title: String { "Templates" }
    var hints: [KeyHint] { [CommonHints.move, KeyHint("Enter", "use template"), CommonHints.back] }

    private var selected: FlowTemplate { FlowTemplates.all[templates.selection.index] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if key == .escape { return .pop }
        if templates.handle(key) { return .stay }
        if key == .enter { return .replace(TemplateFormScreen.form(for: selected, state: state)) }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        buffer.put("Start from a template — it asks only for what it cannot know", x: area.x + 2, y: area.y, style: theme[.muted], limit: area.maxX - 1)
        var list = templates
        let listHeight = min(FlowTemplates.all.count, max(1, area.height - 8))
        list.render(into: &buffer, rect: Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: listHeight), theme: theme, focused: true)
        let template = selected
        let box = Rect(x: area.x + 2, y: area.y + 2 + listHeight, width: area.width - 4, height: 5)
        buffer.drawBox(box, style: theme[.border], glyphs: theme.glyphs, title: Catalog.trigger(template.trigger).displayName, titleStyle: theme[.trigger])
        let asks = "Asks for: " + template.questions.map(\.prompt).joined(separator: ", ") + "."
        for (row, line) in TextWrap.lines(template.description + " " + asks, width: box.width - 4).prefix(3).enumerated() {
            buffer.put(line, x: box.x + 2, y: box.y + 1 + row, style: theme[.text], limit: box.maxX - 1)
        }
    }
}
