import FlowExpressions
import FlowModel
import Foundation
import TerminalUI

/// Test a flow from the designer: the form of sample trigger outputs (see `TestRunFormScreen`).
enum TestRunActions {
    /// Opens the test form for the open flow (saved first: the runner runs the stored flow).
    static func ask(_ state: inout DesignerState) {
        guard let document = state.document else { return }
        guard !document.isDirty, !document.isNew else {
            state.notify("Save the flow first (Ctrl-S): a test runs the saved flow", .warning)
            return
        }
        state.stack.append(TestRunFormScreen(flow: document.flow, workspace: state.workspace))
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
        case .dateTime: return "2026-01-01T08:00:00.000Z"
        case .object: return .object([:])
        case .array: return .array([])
        default: return .string("test")
        }
    }
}
