import FlowExpressions
import FlowModel
import TerminalUI

/// The questions of one template (connection, segment, threshold, recipients, ...); Enter builds the flow and
/// opens it on the canvas, unsaved, for the user to review and save.
struct TemplateFormScreen: Screen, EditorScreen, TextInputScreen {
    var templateId: String
    var form: FormModel

    enum Action: Sendable { case field, create, cancel }

    static let keys = KeyMap<Action>([
        KeyBinding([.enter], "Enter", "create", help: "build the flow and open it on the canvas (unsaved, for review)", priority: 2, .create),
        KeyBinding([.escape, .ctrl("x")], "Esc", "cancel", help: "cancel: no flow is created", priority: 1, .cancel),
    ] + FormKeys.fields(.field))

    var title: String { "Template" }
    var bindings: [KeyHint] { Self.keys.hints }

    /// The form for `template`, with choices from the workspace and the connections where there are some.
    static func form(for template: FlowTemplate, state: DesignerState) -> TemplateFormScreen {
        let name = FormField.text("flow.name", "Flow name", template.displayName, help: "How the flow is listed", required: true)
        let fields = template.questions.map { question in field(question, state: state) }
        return TemplateFormScreen(templateId: template.id, form: FormModel(fields: [name] + fields))
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
            answers[question.key] = StepParameters.value(fromText: text, kind: question.kind == .connection ? .string : question.kind) ?? .string(text)
        }
        let name = form.text("flow.name").trimmingCharacters(in: .whitespaces)
        var flow = template.instantiate(id: FlowStore.slug(name), answers: answers)
        flow.displayName = name
        state.document = FlowDocument(flow: flow, isNew: true)
        return .replace(FlowCanvasScreen())
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        guard let template = FlowTemplates.template(templateId) else { return }
        buffer.put(template.displayName, x: area.x + 2, y: area.y, style: state.theme[.trigger], limit: area.maxX)
        buffer.put(CharacterWidth.truncate(template.description, to: area.width - 4), x: area.x + 2, y: area.y + 1, style: state.theme[.muted])
        form.render(into: &buffer, area: Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: area.height - 3), theme: state.theme)
    }
}
