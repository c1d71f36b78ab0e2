import FlowModel
import TerminalUI

/// A list of fields with one focused: Tab/Shift-Tab and ↑/↓ move between fields, other keys edit the focused one.
/// Each field takes three rows (label, control, problem or help) and the form scrolls to keep the focus visible.
struct FormModel: Sendable, Hashable {
    var fields: [FormField]
    var focus = 0

    /// The field with an id.
    func field(_ id: String) -> FormField? { fields.first { $0.id == id } }

    /// The text of the field with an id ("" when absent).
    func text(_ id: String) -> String { field(id)?.text ?? "" }

    /// Problems of all fields, by label.
    var problems: [String] { fields.compactMap { field in field.problem.map { "\(field.label): \($0)" } } }

    /// Focuses the field with an id, if present.
    mutating func focus(on id: String) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focus = index }
    }

    /// Moves between fields or edits the focused one; true when consumed.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab, .down: focus = min(fields.count - 1, focus + 1)
        case .backTab, .up: focus = max(0, focus - 1)
        default:
            guard fields.indices.contains(focus) else { return false }
            return fields[focus].handle(key)
        }
        return true
    }

    func render(into buffer: inout CellBuffer, area: Rect, theme: Theme) {
        let perPage = max(1, area.height / 3)
        let first = max(0, min(focus - perPage + 1, fields.count - perPage))
        for (offset, index) in (first..<min(fields.count, first + perPage)).enumerated() {
            let field = fields[index]
            let y = area.y + offset * 3
            let focused = index == focus
            let labelStyle = focused ? theme[.title] : theme[.text]
            var x = buffer.put((focused ? theme.glyphs.pointer + " " : "  ") + field.label, x: area.x, y: y, style: labelStyle, limit: area.maxX)
            if field.required { x = buffer.put(" *", x: x, y: y, style: theme[.error]) }
            if field.acceptsDynamicContent, focused {
                let hint = field.opensInEditor ? "  Ctrl-D dynamic content · F2 editor" : "  Ctrl-D dynamic content"
                buffer.put(hint, x: x, y: y, style: theme[.muted], limit: area.maxX)
            }
            let controlRect = Rect(x: area.x + 2, y: y + 1, width: area.width - 4, height: 1)
            switch field.control {
            case .text(let text): text.render(into: &buffer, rect: controlRect, theme: theme, focused: focused)
            case .choice(let choice): choice.render(into: &buffer, rect: controlRect, theme: theme, focused: focused)
            case .checkbox(let box): box.render(into: &buffer, rect: controlRect, theme: theme, focused: focused)
            }
            if let problem = field.refusal ?? field.problem {
                buffer.put("  ! " + problem, x: area.x + 2, y: y + 2, style: theme[.error], limit: area.maxX)
            } else if field.kind == .condition, field.text.hasPrefix("{"),
                      let readable = ConditionSummary.text(StepParameters.value(fromText: field.text, kind: .condition)) {
                // The object form is long JSON: below it, the same condition as one readable line.
                buffer.put("  = " + readable, x: area.x + 2, y: y + 2, style: theme[.muted], limit: area.maxX)
            } else if focused, !field.help.isEmpty {
                buffer.put("  " + field.help, x: area.x + 2, y: y + 2, style: theme[.muted], limit: area.maxX)
            }
        }
    }
}
