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

    /// A body for testing `trigger`: the sample values, with the flow's own parameters filled in (its data source,
    /// segment or measure, and for a threshold a crossing from just below to just above it).
    static func sampleBody(for trigger: Trigger?, workspace: WorkspaceSnapshot) -> JSONValue {
        guard case .object(var body) = sampleBody(for: trigger?.kind, workspace: workspace), let trigger else { return sampleBody(for: trigger?.kind, workspace: workspace) }
        let names = ["dataSource": "dataSourceName", "segment": "segmentName", "measure": "measureName"]
        for (parameter, output) in names {
            if let name = trigger.parameter(parameter)?.stringValue, !name.isEmpty, name != "any", body[output] != nil { body[output] = .string(name) }
        }
        if let threshold = trigger.parameter("threshold")?.doubleValue ?? trigger.parameter("threshold")?.stringValue.flatMap(Double.init), threshold.isFinite,
           abs(threshold) < 1e15 {
            body["threshold"] = .double(threshold)
            let below = threshold.rounded(.down)
            if body["previousCount"] != nil { body["previousCount"] = .int(Int(below)) }
            if body["currentCount"] != nil { body["currentCount"] = .int(Int(below) + 1) }
            if body["previousValue"] != nil { body["previousValue"] = .double(threshold) }
            if body["currentValue"] != nil { body["currentValue"] = .double(threshold + 1) }
        }
        return .object(body)
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
