import FlowExpressions
import FlowModel
import TerminalUI

/// The form of one step: its name, the catalog's parameters (required ones marked, expressions checked live,
/// dynamic content with Ctrl-D), and its settings (run after, retry policy, timeout). Esc or Enter applies.
struct StepFormScreen: Screen, EditorScreen, TextInputScreen {
    var stepName: String
    var form: FormModel

    init(step: Step, state: DesignerState, focusField: String? = nil) {
        stepName = step.name
        var fields = [FormField.text("step.name", "Step name", step.name, help: "Renaming updates every expression and runAfter that refers to it", required: true)]
        for parameter in Catalog.step(step.type)?.parameters ?? [] {
            fields.append(Self.field(parameter, value: StepParameters.value(parameter, of: step), state: state))
        }
        fields += StepSettings.fields(step)
        form = FormModel(fields: fields)
        if let focusField { form.focus(on: focusField) }
    }

    private static func field(_ parameter: ParameterSpec, value: JSONValue?, state: DesignerState) -> FormField {
        let text = StepParameters.text(value)
        if !parameter.allowedValues.isEmpty {
            var options = parameter.allowedValues
            if !text.isEmpty, !options.contains(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) { options.append(text) }
            let selected = options.firstIndex { $0.caseInsensitiveCompare(text) == .orderedSame } ?? 0
            return FormField(id: parameter.key, label: parameter.displayName, help: parameter.description + " (←/→ to choose)", required: parameter.required, control: .choice(ChoiceList(options: options, selected: selected)))
        }
        if parameter.kind == .boolean {
            return FormField(id: parameter.key, label: parameter.displayName, help: parameter.description + " (Space toggles)", kind: .boolean,
                             control: .checkbox(Checkbox(parameter.displayName, isChecked: value?.boolValue ?? false)))
        }
        if parameter.kind == .connection, !state.connections.isEmpty {
            var options = (parameter.required ? [] : ["(none)"]) + state.connections.keys.sorted()
            if !text.isEmpty, !options.contains(text) { options.append(text) }
            let control = ChoiceList(options: options, selected: options.firstIndex(of: text) ?? 0)
            return FormField(id: parameter.key, label: parameter.displayName, help: parameter.description + " (←/→ to choose)", required: parameter.required, kind: .connection, control: .choice(control))
        }
        let dynamic = parameter.kind != .connection && parameter.kind != .boolean
        return FormField.text(parameter.key, parameter.displayName, text, help: parameter.description, required: parameter.required,
                              kind: parameter.kind, dynamic: dynamic, secret: parameter.isSecret)
    }

    var title: String { stepName }
    var hints: [KeyHint] { [KeyHint("Tab", "next field"), KeyHint("Ctrl-D", "dynamic content"), KeyHint("Enter", "apply"), KeyHint("Ctrl-S", "save"), KeyHint("Esc", "back")] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch key {
        case .escape, .enter:
            return apply(&state) ? .pop : .stay
        case .ctrl("s"):
            guard apply(&state) else { return .stay }
            EditorActions.save(then: .stay, &state)
            return .pop
        case .ctrl("d"), .function(4):
            guard form.fields.indices.contains(form.focus), form.fields[form.focus].acceptsDynamicContent, let flow = state.document?.flow else {
                state.notify("Dynamic content goes into text fields of a step's inputs", .warning)
                return .stay
            }
            return .push(DynamicContentScreen(options: DynamicContent.options(for: stepName, in: flow)))
        default:
            _ = form.handle(key)
            return .stay
        }
    }

    mutating func receive(_ result: ScreenResult, state: inout DesignerState) {
        guard case .insertText(let text) = result, form.fields.indices.contains(form.focus) else { return }
        form.fields[form.focus].insert(text)
    }

    /// Writes the form into the step (and renames it when the name changed); false when a setting is invalid.
    private mutating func apply(_ state: inout DesignerState) -> Bool {
        guard let flow = state.document?.flow, var step = flow.definition.step(named: stepName) else { return true }
        for parameter in Catalog.step(step.type)?.parameters ?? [] {
            guard let field = form.field(parameter.key) else { continue }
            StepParameters.set(value(of: field, parameter: parameter), for: parameter, in: &step)
        }
        do {
            try StepSettings.apply(form, to: &step)
        } catch {
            state.notify(error.message, .error)
            return false
        }
        let original = stepName
        state.document?.edit { flow in StepTree.replace(original, with: step, in: &flow.definition) }
        let newName = form.text("step.name").trimmingCharacters(in: .whitespaces)
        if newName != original {
            EditorActions.renameStep(original, to: newName, &state)
            if state.document?.flow.definition.step(named: newName.replacingOccurrences(of: " ", with: "_")) == nil { return false }
            stepName = newName.replacingOccurrences(of: " ", with: "_")
        }
        return true
    }

    private func value(of field: FormField, parameter: ParameterSpec) -> JSONValue? {
        switch field.control {
        case .checkbox(let box): return .bool(box.isChecked)
        case .choice(let choice): return choice.value == "(none)" ? nil : choice.value.map(JSONValue.string)
        case .text(let text): return StepParameters.value(fromText: text.text, kind: parameter.kind)
        }
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let type = state.document?.flow.definition.step(named: stepName)?.type
        let spec = type.flatMap(Catalog.step)
        buffer.put(spec?.displayName ?? type?.rawValue ?? "", x: area.x + 2, y: area.y, style: state.theme[.action].adding(.bold), limit: area.maxX)
        buffer.put(CharacterWidth.truncate(spec?.description ?? "", to: area.width - 4), x: area.x + 2, y: area.y + 1, style: state.theme[.muted])
        form.render(into: &buffer, area: Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: area.height - 3), theme: state.theme)
    }
}
