import FlowExpressions
import FlowModel
import Foundation
import TerminalUI

/// Test a flow from the designer: a dialog with a sample trigger body (built from the trigger's catalog outputs,
/// editable), run for real, as a dry run, or with the event of the flow's previous run.
enum TestRunActions {
    static let buttons = ["Run", "Dry run", "Previous event", "Cancel"]

    /// Opens the test dialog for the open flow (saved first: the runner runs the stored flow).
    static func ask(_ state: inout DesignerState) {
        guard let document = state.document else { return }
        guard !document.isDirty, !document.isNew else {
            state.notify("Save the flow first (Ctrl-S): a test runs the saved flow", .warning)
            return
        }
        let body = sampleBody(for: document.flow.trigger?.kind, workspace: state.workspace)
        state.ask(Dialog(title: "Test \"\(document.flow.displayName)\"", message: "Trigger body (JSON); the run opens in the run detail.",
                         buttons: buttons, input: TextField(body.jsonText())), for: .testFlow(id: document.flow.id))
    }

    /// Answers the dialog.
    static func resolve(flowId: String, button: Int, input: String, _ state: inout DesignerState) {
        guard button < 3 else { return }
        if button == 2 {
            state.perform(.testWithPreviousEvent(flowId: flowId))
            return
        }
        guard let body = try? JSONValue.parse(bytes: Array(input.utf8)) else {
            state.notify("The trigger body is not valid JSON", .error)
            return
        }
        state.perform(.runner(.test(flowId: flowId, body: body, dryRun: button == 1)))
    }

    /// A body with one sample value per output of the trigger kind (names from the workspace where it has them).
    static func sampleBody(for kind: TriggerKind?, workspace: WorkspaceSnapshot) -> JSONValue {
        guard let kind else { return .object([:]) }
        var body: [(String, JSONValue)] = []
        for output in Catalog.trigger(kind).outputs where !output.key.isEmpty && !output.key.contains(".") {
            body.append((output.key, sample(output, workspace: workspace)))
        }
        return .object(.init(uniqueKeysWithValues: body))
    }

    private static func sample(_ output: OutputSpec, workspace: WorkspaceSnapshot) -> JSONValue {
        switch output.key {
        case "dataSourceName": return .string(workspace.sources.first?.name ?? "Webshop accounts")
        case "segmentName": return .string(workspace.segments.first?.name ?? "High value customers")
        case "measureName": return .string(workspace.measures.first?.name ?? "Total revenue")
        case "errorMessage": return "row 7, column signup_date: not a date (test)"
        default: break
        }
        switch output.kind {
        case .integer: return 1
        case .number: return 1.5
        case .boolean: return true
        case .dateTime: return .string(Flow.timestamp(Date()))
        case .object: return .object([:])
        case .array: return .array([])
        default: return .string("test")
        }
    }
}
