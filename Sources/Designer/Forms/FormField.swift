import FlowExpressions
import FlowModel
import Foundation
import TerminalUI

/// One field of a form: a label, the control editing it, and what its text must be.
struct FormField: Sendable, Hashable {
    enum Control: Sendable, Hashable {
        case text(TextField)
        case choice(ChoiceList)
        case checkbox(Checkbox)
    }

    /// The parameter key (or a settings key such as `settings.runAfter`).
    var id: String
    var label: String
    var help: String
    var required: Bool
    var kind: ValueKind
    var control: Control
    /// True when Ctrl-D may insert dynamic content here.
    var acceptsDynamicContent: Bool
    /// Why the form refused to apply this field's value (shown beside it until the field is edited).
    var refusal: String?

    init(id: String, label: String, help: String = "", required: Bool = false, kind: ValueKind = .string, control: Control, dynamic: Bool = false) {
        self.id = id
        self.label = label
        self.help = help
        self.required = required
        self.kind = kind
        self.control = control
        self.acceptsDynamicContent = dynamic
    }

    /// A text field with `text`.
    static func text(_ id: String, _ label: String, _ text: String, help: String = "", required: Bool = false, kind: ValueKind = .string, dynamic: Bool = false, secret: Bool = false) -> FormField {
        var field = TextField(text)
        field.isSecret = secret
        return FormField(id: id, label: label, help: help, required: required, kind: kind, control: .text(field), dynamic: dynamic)
    }

    /// The field's value as text.
    var text: String {
        switch control {
        case .text(let field): return field.text
        case .choice(let choice): return choice.value ?? ""
        case .checkbox(let box): return box.isChecked ? "true" : "false"
        }
    }

    /// True when F2 opens the multi-line editor on this field: a visible text input of a step (not its name).
    var opensInEditor: Bool {
        guard case .text(let field) = control, !field.isSecret, id != "step.name" else { return false }
        return [.string, .object, .array, .any].contains(kind)
    }

    /// True when printable keys go into the field.
    var takesText: Bool { if case .text = control { return true } else { return false } }

    /// Applies an editing key; true when consumed.
    mutating func handle(_ key: Key) -> Bool {
        let consumed: Bool
        switch control {
        case .text(var field):
            consumed = field.handle(key)
            control = .text(field)
        case .choice(var choice):
            consumed = choice.handle(key)
            control = .choice(choice)
        case .checkbox(var box):
            consumed = box.handle(key)
            control = .checkbox(box)
        }
        if consumed { refusal = nil }
        return consumed
    }

    /// Replaces the text of a text field (other controls are left alone).
    mutating func setText(_ text: String) {
        guard case .text(var field) = control else { return }
        field.text = text
        control = .text(field)
    }

    /// Inserts text at the cursor of a text field.
    mutating func insert(_ text: String) {
        guard case .text(var field) = control else { return }
        field.insert(text)
        control = .text(field)
    }

    /// What is wrong with the current text, checked live: missing, not a number, not a duration, bad expression.
    var problem: String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return required ? "required" : nil }
        let isExpression = value.hasPrefix("@")
        if (kind == .number || kind == .integer), !isExpression {
            if kind == .integer, Int(value) == nil { return "must be a whole number" }
            if Double(value) == nil { return "must be a number" }
        }
        if kind == .duration, !isExpression, ISODuration(value) == nil { return "must be an ISO 8601 duration such as PT30S or PT1H" }
        if value.contains("@") {
            do {
                _ = try FlowString.parse(value)
            } catch {
                return "expression: \(error.description)"
            }
        }
        return nil
    }
}
