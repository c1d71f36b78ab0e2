import TextFormats
import FlowModel
import FlowRunner
import Foundation

/// One line of the run detail: a trigger, step or branch of the flow as the designer draws it, with its record.
struct RunDetailRow: Sendable, Hashable {
    var cells: [String]
    /// The step's last record (nil for branch headings and steps that did not run).
    var record: StepRecord?
}

/// Lays a run out as its flow is drawn on the canvas (trigger, steps, branches nested), each step with the status,
/// duration and attempts it had in the run; steps the run never reached say "not run". Without the flow (deleted),
/// the records in execution order.
enum RunDetailRows {
    static func build(_ detail: RunDetail, flow: Flow?) -> [RunDetailRow] {
        var byName: [String: [StepRecord]] = [:]
        for step in detail.steps { byName[step.stepName, default: []].append(step) }
        guard let flow else { return detail.steps.map { row($0.stepName, depth: pathDepth($0.path), records: [$0]) } }
        var rows: [RunDetailRow] = []
        var shown: Set<String> = []
        for item in CanvasLayout.items(flow, collapsed: []) {
            let indent = item.depth
            switch item.kind {
            case .trigger:
                let name = flow.trigger?.name ?? "Trigger"
                let fired = StepRecord(runId: detail.run.id, stepName: name, path: "$.definition.triggers.\(name)", status: .succeeded,
                                       startedAt: detail.run.queuedAt, finishedAt: detail.run.queuedAt, outputs: detail.run.triggerOutputs)
                rows.append(RunDetailRow(cells: ["⚡ " + name, "Fired", "", ""], record: fired))
            case .step(let name):
                shown.insert(name)
                rows.append(row(name, depth: indent, records: byName[name] ?? [], note: item.step?.description))
            case .branch(let title):
                rows.append(RunDetailRow(cells: [String(repeating: "  ", count: max(0, indent - 1)) + "┆ " + title, "", "", ""], record: nil))
            case .emptyBranch: continue
            }
        }
        for step in detail.steps where !shown.contains(step.stepName) {
            shown.insert(step.stepName)
            rows.append(row(step.stepName + " (not in the flow now)", depth: 0, records: byName[step.stepName] ?? [step]))
        }
        return rows
    }

    /// A step's line: the last record's status, the total time and attempts over its iterations; the step's note
    /// (its description) after the name.
    static func row(_ name: String, depth: Int, records: [StepRecord], note: String? = nil) -> RunDetailRow {
        let noteText = note.map { "  — " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") } ?? ""
        let label = String(repeating: "  ", count: depth) + name + (records.count > 1 ? " ×\(records.count)" : "") + noteText
        guard let last = records.last else { return RunDetailRow(cells: [label, "not run", "", ""], record: nil) }
        let failed = records.last { $0.status == .failed }
        let total = records.reduce(0.0) { sum, record in sum + (record.finishedAt?.timeIntervalSince(record.startedAt) ?? 0) }
        let status = (failed ?? last).status.rawValue
        return RunDetailRow(cells: [label, status, TimeText.duration(total), "\(records.reduce(0) { $0 + $1.attempts })"], record: failed ?? last)
    }

    static func pathDepth(_ path: String) -> Int { max(0, path.components(separatedBy: ".actions.").count - 2) }
}
