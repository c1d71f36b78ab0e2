import FlowExpressions
import FlowModel
import TerminalUI

/// The form of one step: its name, the catalog's parameters (required ones marked, expressions checked live,
/// dynamic content with Ctrl-D), and its settings (run after, retry policy, timeout). Enter applies; Esc applies
/// only when something changed; Ctrl-X cancels the form's changes.
struct StepFormScreen: Screen, EditorScreen, TextInputScreen {
    enum Action: Sendable { case field, apply, back, cancel, save, dynamic, builder, editor }

    var stepName: String
    var form: FormModel
    /// The form as opened: Esc in an unchanged form leaves the step untouched.
    var original: FormModel

    static let keys = KeyMap<Action>([
        KeyBinding([.enter], "Enter", "apply", help: "apply the form to the step and go back", priority: 2, .apply),
        KeyBinding([.ctrl("s")], "Ctrl-S", "save", help: "apply and save the flow", priority: 3, .save),
        KeyBinding([.escape], "Esc", "back", help: "back (applies the form when something changed)", priority: 1, .back),
        KeyBinding([.ctrl("x")], "Ctrl-X", "cancel", help: "cancel: leave the step as it was", priority: 5, .cancel),
        KeyBinding([.ctrl("d"), .function(4)], "Ctrl-D", "dynamic", help: "insert dynamic content into a text field (also F4)", priority: 4, .dynamic),
        KeyBinding([.function(2), .ctrl("o")], "F2", "editor", help: "edit the focused text field in the multi-line editor (also Ctrl-O): wrapping, selection, undo, dynamic content as chips, JSON pretty-printed and checked", priority: 4, .editor),
        KeyBinding([.ctrl("g"), .function(5)], "Ctrl-G", "builder", help: "edit a condition as rows of value, operator, value in And/Or groups (also F5)", priority: 5, .builder),
    ] + FormKeys.fields(.field))

    init(step: Step, state: DesignerState, focusField: String? = nil) {
        stepName = step.name
        var fields = [FormField.text("step.name", "Step name", step.name, help: "Renaming updates every expression and runAfter that refers to it", required: true)]
        for parameter in Catalog.step(step.type)?.parameters ?? [] {
            fields.append(Self.field(parameter, value: StepParameters.value(parameter, of: step), connectionKind: Catalog.step(step.type)?.connectionKind, state: state))
        }
        fields += StepSettings.fields(step)
        form = FormModel(fields: fields)
        if let focusField { form.focus(on: focusField) }
        original = form
    }

    /// The last choice of a connection field: Enter on it opens the new-connection form for the step's kind.
    static let newConnectionOption = "new connection…"

    /// The connections a step of `kind` may use: those of its kind and outbox ones (all of them when the kind is unknown).
    static func connections(for kind: String?, in state: DesignerState) -> [String] {
        state.connections.filter { kind == nil || $0.value == kind || $0.value == "outbox" }.keys.sorted()
    }

    private static func field(_ parameter: ParameterSpec, value: JSONValue?, connectionKind: String?, state: DesignerState) -> FormField {
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
        let creatable = connectionKind.map(ConnectionFormScreen.kinds.contains) ?? false
        if parameter.kind == .connection, creatable || !connections(for: connectionKind, in: state).isEmpty {
            var options = (parameter.required ? [] : ["(none)"]) + connections(for: connectionKind, in: state)
            if !text.isEmpty, !options.contains(text) { options.append(text) }
            if creatable { options.append(newConnectionOption) }
            // One row of help that fits 80 columns: how to choose, and how to add one without leaving the form.
            let help = creatable ? "←/→ choose a \(connectionKind ?? "") connection; Enter on \"\(newConnectionOption)\" adds one"
                                 : parameter.description + " (←/→ to choose)"
            let control = ChoiceList(options: options, selected: options.firstIndex(of: text) ?? 0)
            return FormField(id: parameter.key, label: parameter.displayName, help: help, required: parameter.required, kind: .connection, control: .choice(control))
        }
        // Runtime settings (a loop's concurrency) must be literal values: no dynamic content there.
        let dynamic = parameter.kind != .connection && parameter.kind != .boolean && !parameter.key.hasPrefix("runtimeConfiguration.")
        return FormField.text(parameter.key, parameter.displayName, text, help: parameter.description, required: parameter.required,
                              kind: parameter.kind, dynamic: dynamic, secret: parameter.isSecret)
    }

    var hasUnappliedInput: Bool { form.fields.map(\.text) != original.fields.map(\.text) }
    var title: String { stepName }
    var bindings: [KeyHint] { Self.keys.hints }

    /// The focused field when it is a connection choice set to "new connection…".
    private var choosingNewConnection: Bool {
        guard form.fields.indices.contains(form.focus), case .choice(let choice) = form.fields[form.focus].control else { return false }
        return choice.value == Self.newConnectionOption
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if key == .enter, choosingNewConnection,
           let kind = state.document?.flow.definition.step(named: stepName).flatMap({ Catalog.step($0.type)?.connectionKind }) {
            return .push(ConnectionFormScreen(kind: kind, returnsName: true))
        }
        switch Self.keys.action(for: key) {
        case .back:
            if form.fields.map(\.text) == original.fields.map(\.text) { return .pop }
            return apply(&state) ? .pop : .stay
        case .apply:
            return apply(&state) ? .pop : .stay
        case .cancel: return .pop
        case .save:
            guard apply(&state) else { return .stay }
            EditorActions.save(then: .stay, &state)
            return .pop
        case .dynamic:
            guard form.fields.indices.contains(form.focus), form.fields[form.focus].acceptsDynamicContent, let flow = state.document?.flow else {
                state.notify("Dynamic content goes into text fields of a step's inputs", .warning)
                return .stay
            }
            return .push(DynamicContentScreen(options: DynamicContent.options(for: stepName, in: flow)))
        case .builder:
            guard form.fields.indices.contains(form.focus), form.fields[form.focus].kind == .condition else {
                state.notify("The condition builder edits a condition: Tab to the condition field first", .warning)
                return .stay
            }
            let value = StepParameters.value(fromText: form.fields[form.focus].text, kind: .condition)
            do throws(ConditionProblem) {
                return .push(ConditionBuilderScreen(group: try ConditionConversion.group(from: value), stepName: stepName))
            } catch {
                state.notify("This condition stays in advanced mode: \(error.message)", .warning)
                return .stay
            }
        case .editor:
            guard form.fields.indices.contains(form.focus), form.fields[form.focus].opensInEditor else {
                state.notify("The editor edits a text input of the step: Tab to one first", .warning)
                return .stay
            }
            let field = form.fields[form.focus]
            return .push(TextEditorScreen(label: field.label, text: field.text, kind: field.kind, stepName: stepName))
        case .field, nil:
            _ = form.handle(key)
            return .stay
        }
    }

    mutating func receive(_ result: ScreenResult, state: inout DesignerState) {
        switch result {
        case .insertText(let text):
            guard form.fields.indices.contains(form.focus) else { return }
            form.fields[form.focus].insert(text)
        case .replaceText(let text):
            guard form.fields.indices.contains(form.focus) else { return }
            form.fields[form.focus].setText(text)
            form.fields[form.focus].refusal = nil
        case .replaceTextAndSave(let text):
            guard form.fields.indices.contains(form.focus) else { return }
            form.fields[form.focus].setText(text)
            form.fields[form.focus].refusal = nil
            // The form stays open (saved); Esc then leaves it without applying again.
            guard apply(&state) else { return }
            original = form
            EditorActions.save(then: .stay, &state)
        case .connectionCreated(let name):
            // The new connection goes just before "new connection…" and is chosen.
            guard let index = form.fields.firstIndex(where: { $0.kind == .connection }),
                  case .choice(var choice) = form.fields[index].control else { return }
            let position = choice.options.firstIndex(of: Self.newConnectionOption) ?? choice.options.count
            if !choice.options.contains(name) { choice.options.insert(name, at: position) }
            choice.selected = choice.options.firstIndex(of: name) ?? choice.selected
            form.fields[index].control = .choice(choice)
            form.focus = index
        }
    }

    /// Writes the form into the step (and renames it when the name changed); false when a setting is invalid.
    private mutating func apply(_ state: inout DesignerState) -> Bool {
        guard let flow = state.document?.flow, var step = flow.definition.step(named: stepName) else { return true }
        if let index = form.fields.firstIndex(where: { $0.kind == .connection && $0.text == Self.newConnectionOption }) {
            form.focus = index
            form.fields[index].refusal = "press Enter here to add the connection, or choose one with ←/→"
            return false
        }
        for parameter in Catalog.step(step.type)?.parameters ?? [] {
            guard let field = form.field(parameter.key) else { continue }
            let edited = field.text != original.field(parameter.key)?.text
            // A connection choice shows one chosen even when the step names none: applying saves what it shows.
            let shownButUnset = field.kind == .connection && StepParameters.value(parameter, of: step) == nil
                && value(of: field, parameter: parameter) != nil
            guard edited || shownButUnset else { continue }
            StepParameters.set(value(of: field, parameter: parameter), for: parameter, in: &step)
        }
        do {
            try StepSettings.apply(form, to: &step)
        } catch {
            if let field = error.field, let index = form.fields.firstIndex(where: { $0.id == field }) {
                form.focus = index
                form.fields[index].refusal = error.message
            } else {
                state.notify(error.message, .error)
            }
            return false
        }
        let oldName = stepName
        if flow.definition.step(named: stepName) != step {
            state.document?.edit { flow in StepTree.replace(oldName, with: step, in: &flow.definition) }
        }
        let typed = form.text("step.name").trimmingCharacters(in: .whitespaces)
        let newName = typed.replacingOccurrences(of: " ", with: "_")
        if newName != oldName {
            EditorActions.renameStep(oldName, to: typed, &state)
            // Refused (not a valid name, or another step has it): the form stays open at the name, saying why.
            guard state.document?.flow.definition.step(named: oldName) == nil else {
                form.focus(on: "step.name")
                if let index = form.fields.firstIndex(where: { $0.id == "step.name" }) {
                    form.fields[index].refusal = state.toast?.message ?? "not renamed"
                }
                return false
            }
            stepName = newName
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
