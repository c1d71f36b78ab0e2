import FlowExpressions
import FlowModel
import OrderedCollections
import TerminalUI

/// The trigger's parameters: for a new flow (with its name) or for the open flow's trigger. Data sources,
/// segments and measures are chosen from the workspace's lists; thresholds are checked as numbers.
struct TriggerFormScreen: Screen, EditorScreen, TextInputScreen {
    var kind: TriggerKind
    var isNewFlow: Bool
    var form: FormModel
    /// The fields' texts when the open flow's trigger form was opened: an unchanged form writes nothing (no defaults).
    var openedTexts: [String] = []

    enum Action: Sendable { case field, commit, save, back, cancel, builder }

    /// The keys; labels differ between a new flow's form and the open flow's trigger.
    var keys: KeyMap<Action> {
        KeyMap([
            KeyBinding([.enter], "Enter", isNewFlow ? "create" : "apply", help: isNewFlow ? "create the flow and open it on the canvas" : "apply to the trigger and go back",
                       priority: 2, .commit),
            KeyBinding([.ctrl("s")], "Ctrl-S", "save", help: "apply and save the flow", priority: 3, .save),
            KeyBinding([.ctrl("g"), .function(5)], "Ctrl-G", "builder", help: "edit the trigger condition as rows of value, operator, value (also F5)", priority: 7, .builder),
        ] + (isNewFlow ? [KeyBinding([.escape, .ctrl("x")], "Esc", "cancel", help: "cancel: no flow is created", priority: 1, .cancel)]
            : [KeyBinding([.escape], "Esc", "back", help: "back (applies the form when something changed)", priority: 1, .back),
               KeyBinding([.ctrl("x")], "Ctrl-X", "cancel", help: "cancel: leave the trigger as it was", priority: 5, .cancel)])
            + FormKeys.fields(.field))
    }

    var title: String { isNewFlow ? "New flow: \(Catalog.trigger(kind).displayName)" : "Trigger" }
    var bindings: [KeyHint] { keys.hints }
    var hasUnappliedInput: Bool { !openedTexts.isEmpty && form.fields.map(\.text) != openedTexts }

    /// The form for a new flow on `kind`.
    static func newFlow(_ kind: TriggerKind, state: DesignerState) -> TriggerFormScreen {
        let spec = Catalog.trigger(kind)
        let name = FormField.text("flow.name", "Flow name", spec.displayName.replacingOccurrences(of: "When a", with: "Notify when a"), help: "How the flow is listed", required: true)
        var screen = TriggerFormScreen(kind: kind, isNewFlow: true, form: FormModel(fields: [name] + fields(spec, trigger: nil, state: state)))
        screen.openedTexts = screen.form.fields.map(\.text)
        return screen
    }

    /// The form for the open flow's trigger.
    static func edit(_ trigger: Trigger, state: DesignerState) -> TriggerFormScreen {
        let kind = trigger.kind ?? .manual
        var screen = TriggerFormScreen(kind: kind, isNewFlow: false, form: FormModel(fields: fields(Catalog.trigger(kind), trigger: trigger, state: state)))
        // A choice shows one chosen even when the trigger has no value and no default (a segment, a measure): count
        // it as a change, so applying saves what the form shows. A missing value with a default (data source: any)
        // means the default, and an unchanged form writes no defaults.
        let withoutDefault = Set(Catalog.trigger(kind).parameters.filter { $0.defaultValue == nil }.map(\.key))
        screen.openedTexts = screen.form.fields.map { field in
            if case .choice = field.control, withoutDefault.contains(field.id), trigger.parameter(field.id) == nil { return "" }
            return field.text
        }
        return screen
    }

    private static func fields(_ spec: TriggerSpec, trigger: Trigger?, state: DesignerState) -> [FormField] {
        parameterFields(spec, trigger: trigger, state: state) + ConcurrencyFields.fields(trigger) + [conditionField(trigger)]
    }

    /// The id of the trigger-condition field.
    static let conditionsField = "trigger.conditions"

    /// The trigger's conditions as one expression (several, which must all be true, as `@and(…)`).
    private static func conditionField(_ trigger: Trigger?) -> FormField {
        let conditions = trigger?.conditions ?? []
        let text = conditions.count <= 1 ? conditions.first ?? ""
            : "@and(" + conditions.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }.joined(separator: ", ") + ")"
        return FormField.text(conditionsField, "Trigger condition", text, help: "Fire only when this expression is true, e.g. @greater(triggerBody()?['currentCount'], 500) (Ctrl-G builds it)",
                              kind: .condition)
    }

    /// The conditions the field stands for: none when empty, else the one expression.
    private var conditions: [String] {
        let text = form.text(Self.conditionsField).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? [] : [text]
    }

    private static func parameterFields(_ spec: TriggerSpec, trigger: Trigger?, state: DesignerState) -> [FormField] {
        spec.parameters.map { parameter in
            let current = StepParameters.text(trigger?.parameter(parameter.key) ?? parameter.defaultValue)
            let choices: [String]? = switch parameter.key {
            case "dataSource": ["any"] + state.workspace.sources.map(\.name)
            case "segment": state.workspace.segments.map(\.name)
            case "measure": state.workspace.measures.map(\.name)
            default: nil
            }
            if var options = choices, !options.isEmpty {
                if !current.isEmpty, !options.contains(current) { options.append(current) }
                let control = ChoiceList(options: options, selected: options.firstIndex(of: current) ?? 0)
                return FormField(id: parameter.key, label: parameter.displayName, help: parameter.description + " (←/→ to choose)", required: parameter.required, control: .choice(control))
            }
            return FormField.text(parameter.key, parameter.displayName, current, help: parameter.description, required: parameter.required, kind: parameter.kind)
        }
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch keys.action(for: key) {
        case .back:
            if isNewFlow || !changed(state) { return .pop }
            return apply(&state) ? .pop : .stay
        case .cancel: return .pop
        case .builder:
            form.focus(on: Self.conditionsField)
            do throws(ConditionProblem) {
                let current = form.text(Self.conditionsField)
                return .push(ConditionBuilderScreen(group: try ConditionConversion.group(from: current.isEmpty ? nil : .string(current)), stepName: nil, expressionOnly: true))
            } catch {
                state.notify("This condition stays as text: \(error.message)", .warning)
                return .stay
            }
        case .commit:
            return commit(&state, save: false)
        case .save:
            return commit(&state, save: true)
        case .field, nil:
            let before = form.fields.map(\.text)
            _ = form.handle(key)
            ConcurrencyFields.tickWhenTyped(&form, before: before)
            return .stay
        }
    }

    mutating func receive(_ result: ScreenResult, state: inout DesignerState) {
        guard case .replaceText(let text) = result, let index = form.fields.firstIndex(where: { $0.id == Self.conditionsField }) else { return }
        form.fields[index].setText(text)
        form.focus = index
    }

    private mutating func commit(_ state: inout DesignerState, save: Bool) -> Transition {
        if isNewFlow {
            guard validate(&state) else { return .stay }
            let name = form.text("flow.name").trimmingCharacters(in: .whitespaces)
            var flow = Flow(id: FlowStore.slug(name), displayName: name, trigger: trigger())
            flow.state = .off
            state.document = FlowDocument(flow: flow, isNew: true)
            if save { EditorActions.save(then: .stay, &state) }
            return .replace(FlowCanvasScreen())
        }
        if changed(state) {
            guard apply(&state) else { return .stay }
        }
        if save { EditorActions.save(then: .stay, &state) }
        return .pop
    }

    /// True when the user changed a field (or, without a record of the opened form, when the trigger would differ).
    private func changed(_ state: DesignerState) -> Bool {
        if !openedTexts.isEmpty { return form.fields.map(\.text) != openedTexts }
        guard let current = state.document?.flow.trigger else { return true }
        let new = trigger()
        return current.parameters != new.parameters || current.concurrency != new.concurrency || current.conditions != new.conditions
    }

    /// Writes the parameters into the open flow's trigger; false (with a message) when a number is not a number.
    private mutating func apply(_ state: inout DesignerState) -> Bool {
        guard validate(&state) else { return false }
        let new = trigger()
        state.document?.edit { flow in
            let name = flow.definition.triggers.keys.first ?? new.name
            var updated = flow.definition.triggers[name] ?? new
            // The form's parameters replace theirs; members the form does not show (an HTTP trigger's method) stay.
            var merged = updated.parameters ?? .object([:])
            for parameter in Catalog.trigger(new.kind ?? .manual).parameters { merged = merged.setting(new.parameter(parameter.key), atPath: parameter.key) }
            updated.parameters = merged == .object([:]) ? nil : merged
            updated.concurrency = new.concurrency
            // Several conditions are shown as one @and(…): they are replaced only when the field was edited.
            if conditionsEdited { updated.conditions = new.conditions }
            flow.definition.triggers[name] = updated
        }
        return true
    }

    /// True when the trigger-condition field differs from what the form opened with.
    private var conditionsEdited: Bool {
        guard let index = form.fields.firstIndex(where: { $0.id == Self.conditionsField }), openedTexts.indices.contains(index) else { return true }
        return form.fields[index].text != openedTexts[index]
    }

    private mutating func validate(_ state: inout DesignerState) -> Bool {
        if let condition = conditions.first, !condition.hasPrefix("@") {
            state.notify("Trigger condition: an expression starting with @, such as @greater(triggerBody()?['currentCount'], 500)", .error)
            form.focus(on: Self.conditionsField)
            return false
        }
        let blocking = form.fields.filter { field in
            guard let problem = field.problem else { return false }
            return problem != "required" || field.id == "flow.name"
        }
        if blocking.isEmpty, case .failure(let problem) = ConcurrencyFields.value(form) {
            let label = form.field(problem.field)?.label ?? problem.field
            state.notify("\(label): \(problem.message)", .error)
            form.focus(on: problem.field)
            return false
        }
        guard let first = blocking.first, let problem = first.problem else { return true }
        state.notify("\(first.label): \(problem)", .error)
        form.focus(on: first.id)
        return false
    }

    private func trigger() -> Trigger {
        var parameters: OrderedDictionary<String, JSONValue> = [:]
        for parameter in Catalog.trigger(kind).parameters {
            if let value = StepParameters.value(fromText: form.text(parameter.key), kind: parameter.kind) { parameters[parameter.key] = value }
        }
        var trigger = Trigger(kind: kind, parameters: parameters)
        trigger.conditions = conditions
        if case .success(let control) = ConcurrencyFields.value(form) { trigger.concurrency = control }
        return trigger
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let spec = Catalog.trigger(kind)
        buffer.put(spec.displayName, x: area.x + 2, y: area.y, style: state.theme[.trigger], limit: area.maxX)
        buffer.put(CharacterWidth.truncate(spec.description, to: area.width - 4), x: area.x + 2, y: area.y + 1, style: state.theme[.muted])
        form.render(into: &buffer, area: Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: area.height - 3), theme: state.theme)
    }
}
