import FlowExpressions
import FlowRunner
import TerminalUI

/// Run history: the runs of one flow or of all flows (start, duration, status, flow, trigger summary).
struct RunHistoryScreen: LiveScreen {
    /// How many of the newest runs the table holds.
    static let limit = 500
    let flowId: String?
    var table = Table(columns: [TableColumn("Start", width: 14), TableColumn("Took", width: 8), TableColumn("Status", width: 9),
                                TableColumn("Flow", width: 22), TableColumn("Trigger")])

    init(flowId: String? = nil) { self.flowId = flowId }

    var title: String { flowId.map { "Runs of \($0)" } ?? "Runs" }
    var hints: [KeyHint] { [CommonHints.move, KeyHint("Enter", "detail"), KeyHint("r", "resubmit"), CommonHints.back] }

    func poll(_ state: inout DesignerState) { state.perform(.loadRuns(flowId: flowId, limit: Self.limit)) }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let runs = visible(state)
        table.rows = runs.map(Self.cells)
        if table.handle(key, page: max(1, state.size.height - 6)) { return .stay }
        let selected = runs.indices.contains(table.selection.index) ? runs[table.selection.index] : nil
        switch key {
        case .escape, .left: return .pop
        case .enter, .right:
            guard let selected else { return .stay }
            state.perform(.loadRunDetail(id: selected.id))
            return .push(RunDetailScreen(runId: selected.id))
        case .character("r"):
            if let selected { state.perform(.runner(.resubmit(runId: selected.id))) }
        default: break
        }
        return .stay
    }

    /// The loaded runs that belong to this screen (the list may still hold another screen's runs for one tick).
    private func visible(_ state: DesignerState) -> [RunRecord] {
        guard let flowId else { return state.live.runs }
        return state.live.runs.filter { $0.flowId == flowId }
    }

    static func cells(_ run: RunRecord) -> [String] {
        [DisplayTime.short(run.startedAt ?? run.queuedAt), DisplayTime.duration(run.duration), run.status.rawValue, run.flowName, TriggerSummary.text(run)]
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        var copy = table
        let runs = visible(state)
        copy.rows = runs.map(Self.cells)
        let note = runs.count >= Self.limit ? "newest \(Self.limit) runs" : "\(runs.count) run(s)"
        buffer.put(note + (flowId == nil ? " of all flows" : ""), x: area.x + 1, y: area.y, style: state.theme[.muted], limit: area.maxX - 1)
        copy.render(into: &buffer, rect: area.dropTop(1), theme: state.theme)
    }
}

/// One line about what triggered a run: its subject and value, or its origin.
enum TriggerSummary {
    static func text(_ run: RunRecord) -> String {
        let body = run.triggerOutputs["body"] ?? run.triggerOutputs
        var parts: [String] = []
        for key in ["dataSourceName", "segmentName", "measureName"] { if let text = body[key]?.stringValue { parts.append(text) } }
        for key in ["currentCount", "currentValue"] { if let value = body[key]?.doubleValue { parts.append("= " + DisplayTime.number(value)) } }
        if let error = body["errorMessage"]?.stringValue { parts.append(error) }
        if run.origin != "event" { parts.insert(run.dryRun ? "\(run.origin), dry run" : run.origin, at: 0) }
        return parts.isEmpty ? "-" : parts.joined(separator: " ")
    }
}
