import FlowExpressions
import FlowModel
import TerminalUI

/// Test a flow: one field per output of its trigger (sample values filled in) and a dry-run box. Ctrl-R runs with
/// the form's event, Ctrl-P with the event of the flow's previous run; the run then opens in the run detail.
struct TestRunFormScreen: Screen, TextInputScreen, EditorScreen {
    let flowId: String
    let flowName: String
    var form: FormModel

    init(flow: Flow, workspace: WorkspaceSnapshot) {
        flowId = flow.id
        flowName = flow.displayName
        let outputs = flow.trigger?.kind.map { Catalog.trigger($0).outputs } ?? []
        let sample = TestRunActions.sampleBody(for: flow.trigger?.kind, workspace: workspace)
        var fields = outputs.filter { !$0.key.isEmpty && !$0.key.contains(".") }.map { output in
            FormField.text(output.key, output.displayName, sample[output.key].map(Self.text) ?? "", help: output.description, kind: output.kind)
        }
        fields.append(FormField(id: "dryRun", label: "Dry run (nothing is sent)", control: .checkbox(Checkbox("Dry run"))))
        form = FormModel(fields: fields)
    }

    var title: String { "Test" }
    var hints: [KeyHint] { [KeyHint("Ctrl-R", "run"), KeyHint("Ctrl-P", "previous event"), KeyHint("Tab", "next"), KeyHint("Esc", "cancel")] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch key {
        case .escape: return .pop
        case .ctrl("r"):
            state.perform(.runner(.test(flowId: flowId, body: body, dryRun: form.text("dryRun") == "true")))
            return .pop
        case .ctrl("p"):
            state.perform(.testWithPreviousEvent(flowId: flowId))
            return .pop
        default:
            _ = form.handle(key)
            return .stay
        }
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
