import FlowExpressions
import FlowModel
import TerminalUI

/// The questions of one template (connection, segment, threshold, recipients, ...); Enter builds the flow and
/// opens it on the canvas, unsaved, for the user to review and save.
struct TemplateFormScreen: Screen, EditorScreen, TextInputScreen {
    var templateId: String
    var form: FormModel
    /// The fields' texts as opened (typed changes make quitting ask).
    var openedTexts: [String] = []

    enum Action: Sendable { case field, create, cancel }

    static let keys = KeyMap<Action>([
        KeyBinding([.enter], "Enter", "create", help: "build the flow and open it on the canvas (unsaved, for review)", priority: 2, .create),
        KeyBinding([.escape, .ctrl("x")], "Esc", "cancel", help: "cancel: no flow is created", priority: 1, .cancel),
    ] + FormKeys.fields(.field))

    var title: String { "Template" }
    var hasUnappliedInput: Bool { form.fields.map(\.text) != openedTexts }
    var bindings: [KeyHint] { Self.keys.hints }

    /// The form for `template`, with choices from the workspace and the connections where there are some; a
    /// template asking for its trigger offers every trigger, `trigger` (the one selected on the connector page) first.
    static func form(for template: FlowTemplate, trigger: TriggerKind? = nil, state: DesignerState) -> TemplateFormScreen {
        let name = FormField.text("flow.name", "Flow name", template.displayName, help: "How the flow is listed", required: true)
        let fields = template.questions.map { question in
            question.key == FlowTemplates.triggerQuestion.key ? triggerField(question, selected: trigger) : field(question, state: state)
        }
        var screen = TemplateFormScreen(templateId: template.id, form: FormModel(fields: [name] + fields))
        screen.openedTexts = screen.form.fields.map(\.text)
        return screen
    }

    /// The trigger question: the catalog's triggers by display name.
    private static func triggerField(_ question: FlowTemplate.Question, selected: TriggerKind?) -> FormField {
        let kinds = Catalog.triggers.map(\.kind)
        let fallback = question.defaultValue?.stringValue.flatMap(TriggerKind.init(caseInsensitive:))
        let chosen = kinds.firstIndex(of: selected ?? fallback ?? .manual) ?? 0
        let control = ChoiceList(options: Catalog.triggers.map(\.displayName), selected: chosen)
        return FormField(id: question.key, label: question.prompt, help: "The trigger the flow starts from (←/→ to choose)", required: true, control: .choice(control))
    }

    private static func field(_ question: FlowTemplate.Question, state: DesignerState) -> FormField {
        let current = StepParameters.text(question.defaultValue)
        var options: [String] = []
        if question.kind == .connection {
            options = state.connections.filter { $0.value == question.connectionKind || $0.value == "outbox" }.keys.sorted()
        } else if question.key == "segment" {
            options = state.workspace.segments.map(\.name)
        } else if question.key == "measure" {
            options = state.workspace.measures.map(\.name)
        } else if question.key == "dataSource" {
            options = ["any"] + state.workspace.sources.map(\.name)
        }
        guard !options.isEmpty else {
            return FormField.text(question.key, question.prompt, current, required: true, kind: question.kind == .connection ? .string : question.kind)
        }
        if !current.isEmpty, !options.contains(current) { options.insert(current, at: 0) }
        let control = ChoiceList(options: options, selected: options.firstIndex(of: current) ?? 0)
        return FormField(id: question.key, label: question.prompt, help: "←/→ to choose", required: true, control: .choice(control))
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch Self.keys.action(for: key) {
        case .cancel: return .pop
        case .create: return create(&state)
        case .field, nil:
            _ = form.handle(key)
            return .stay
        }
    }

    private mutating func create(_ state: inout DesignerState) -> Transition {
        guard let template = FlowTemplates.template(templateId) else { return .pop }
        if let problem = form.fields.first(where: { $0.problem != nil }), let text = problem.problem {
            state.notify("\(problem.label): \(text)", .error)
            form.focus(on: problem.id)
            return .stay
        }
        var answers: [String: JSONValue] = [:]
        for question in template.questions {
            let text = form.text(question.key)
            if question.key == FlowTemplates.triggerQuestion.key {
                answers[question.key] = .string((Catalog.triggers.first { $0.displayName == text }?.kind ?? .manual).rawValue)
                continue
            }
            answers[question.key] = StepParameters.value(fromText: text, kind: question.kind == .connection ? .string : question.kind) ?? .string(text)
        }
        let name = form.text("flow.name").trimmingCharacters(in: .whitespaces)
        var flow = template.instantiate(id: FlowStore.slug(name), answers: answers)
        flow.displayName = name
        state.document = FlowDocument(flow: flow, isNew: true)
        // A trigger picked here with parameters that have no default (a segment, a threshold): its form opens over
        // the canvas.
        if template.questions.contains(where: { $0.key == FlowTemplates.triggerQuestion.key }), let trigger = flow.trigger,
           Catalog.trigger(trigger.kind ?? .manual).parameters.contains(where: { $0.required && $0.defaultValue == nil }) {
            state.notify("Choose the trigger's parameters: Enter applies them to the new flow", .info)
            return .replaceWith([FlowCanvasScreen(), TriggerFormScreen.edit(trigger, state: state)])
        }
        return .replace(FlowCanvasScreen())
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        guard let template = FlowTemplates.template(templateId) else { return }
        buffer.put(template.displayName, x: area.x + 2, y: area.y, style: state.theme[.trigger], limit: area.maxX)
        buffer.put(CharacterWidth.truncate(template.description, to: area.width - 4), x: area.x + 2, y: area.y + 1, style: state.theme[.muted])
        form.render(into: &buffer, area: Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: area.height - 3), theme: state.theme)
    }
}
