import TextFormats
import FlowExpressions
import FlowModel
import FlowRunner
import TerminalUI

/// Test a flow: one field per output of its trigger (sample values from the flow's own parameters) and a dry-run box,
/// on by default. Ctrl-R runs with the form's event; Ctrl-P fills the form with the event of the flow's previous run for
/// review (nothing runs until Ctrl-R); the run then opens in the run detail.
struct TestRunFormScreen: Screen, TextInputScreen, EditorScreen {
    enum Action: Sendable { case field, run, previous, cancel }

    static let keys = KeyMap<Action>([
        KeyBinding([.ctrl("r")], "Ctrl-R", "run", help: "run the test with this event (dry run: nothing is sent)", priority: 2, .run),
        KeyBinding([.ctrl("p")], "Ctrl-P", "previous event", help: "fill the form with the event of the flow's previous run (review, then Ctrl-R)", priority: 4, .previous),
        KeyBinding([.escape, .ctrl("x")], "Esc", "cancel", help: "cancel: nothing runs", priority: 1, .cancel),
    ] + FormKeys.fields(.field))

    let flowId: String
    let flowName: String
    var form: FormModel
    /// True between Ctrl-P and the runs it asked for.
    var awaitingPrevious = false

    init(flow: Flow, workspace: WorkspaceSnapshot) {
        flowId = flow.id
        flowName = flow.displayName
        let outputs = flow.trigger?.kind.map { Catalog.trigger($0).outputs } ?? []
        let sample = TestRunActions.sampleBody(for: flow.trigger, workspace: workspace)
        var fields = outputs.filter { !$0.key.isEmpty && !$0.key.contains(".") }.map { output in
            FormField.text(output.key, output.displayName, sample[output.key].map(Self.text) ?? "", help: output.description, kind: output.kind)
        }
        fields.append(FormField(id: "dryRun", label: "Dry run (nothing is sent)", control: .checkbox(Checkbox("Dry run", isChecked: true))))
        form = FormModel(fields: fields)
        openedTexts = form.fields.map(\.text)
    }

    /// The fields' texts as opened: typed changes (or an event filled by Ctrl-P) make Ctrl-C ask before quitting.
    let openedTexts: [String]
    var hasUnappliedInput: Bool { form.fields.map(\.text) != openedTexts }

    var title: String { "Test" }
    var bindings: [KeyHint] { Self.keys.hints }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch Self.keys.action(for: key) {
        case .cancel: return .pop
        case .run:
            state.perform(.runner(.test(flowId: flowId, body: body, dryRun: form.text("dryRun") == "true")))
            return .pop
        case .previous:
            awaitingPrevious = true
            state.perform(.loadRuns(flowId: flowId, limit: 1))
            return .stay
        case .field, nil:
            _ = form.handle(key)
            return .stay
        }
    }

    /// Fills the fields from the trigger event of the newest of `runs` of this flow (after Ctrl-P).
    mutating func fillFromPrevious(_ runs: [RunRecord], _ state: inout DesignerState) {
        awaitingPrevious = false
        guard let previous = runs.first(where: { $0.flowId == flowId }) else {
            state.notify("This flow has no previous run: the form keeps its sample values", .warning)
            return
        }
        let body = previous.triggerOutputs["body"] ?? previous.triggerOutputs
        for index in form.fields.indices where form.fields[index].id != "dryRun" {
            guard let value = body[form.fields[index].id] else { continue }
            form.fields[index].setText(Self.text(value))
        }
        state.notify("Filled from the run of \(TimeText.short(previous.startedAt ?? previous.queuedAt)): review, then Ctrl-R", .info)
    }

    /// The trigger body: numbers, booleans and JSON where the output's kind says so, else text.
    var body: JSONValue {
        var members: [(String, JSONValue)] = []
        for field in form.fields where field.id != "dryRun" {
            let text = field.text
            switch field.kind {
            case .integer, .number, .boolean, .object, .array:
                members.append((field.id, (try? JSONValue.parse(bytes: Array(text.utf8))) ?? .string(text)))
            default: members.append((field.id, .string(text)))
            }
        }
        return .object(.init(members, uniquingKeysWith: { first, _ in first }))
    }

    private static func text(_ value: JSONValue) -> String { value.stringValue ?? value.jsonText() }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        buffer.put("Test \"\(flowName)\" with this trigger event:", x: area.x + 1, y: area.y, style: state.theme[.title], limit: area.maxX - 1)
        form.render(into: &buffer, area: area.inset(1).dropTop(1), theme: state.theme)
    }
}
