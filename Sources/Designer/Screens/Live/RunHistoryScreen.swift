import TextFormats
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

    enum Action: Sendable { case move, open, resubmit, canvas, find, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 5),
        KeyBinding([.enter, .right], "Enter", "detail", help: "the run's detail (the selection stays on its run as runs arrive)", priority: 2, .open),
        KeyBinding([.character("r")], "r", "resubmit", help: "resubmit the run (same trigger event)", priority: 3, .resubmit),
        KeyBinding([.character("c")], "c", "canvas", help: "the run on the canvas: the flow as it was when the run started, cards coloured by status", priority: 6, .canvas),
        ListKeys.findBinding(.find, priority: 4),
        Common.back(.back, keys: [.escape, .left]),
    ])

    var title: String { flowId.map { "Runs of \($0)" } ?? "Runs" }
    var takesTextInput: Bool { table.find.isTyping }
    var bindings: [KeyHint] { table.find.isTyping ? FindKeys.hints : Self.keys.hints }

    func poll(_ state: inout DesignerState) {
        let of = flowId ?? ""
        guard state.live.runsOf != of || state.live.changed(since: state.live.runsRevision, ticks: state.ticks) else { return }
        state.live.runsRevision = state.live.revision
        state.live.runsOf = of
        state.perform(.loadRuns(flowId: flowId, limit: Self.limit))
    }

    private func rows(_ state: DesignerState) -> [TableRow] { visible(state).map { TableRow(id: $0.id, Self.cells($0)) } }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let all = rows(state)
        let height = bodyArea(state.size).height - 1
        if table.find.isTyping || key == .escape, table.handle(key, rows: all, height: height) { return .stay }
        let selected = table.selected(in: all)?.id
        switch Self.keys.action(for: key) {
        case .move: _ = table.handle(key, rows: all, height: height)
        case .back: return .pop
        case .find: table.startFind()
        case .open:
            guard let selected else { return .stay }
            state.perform(.loadRunDetail(id: selected))
            return .push(RunDetailScreen(runId: selected))
        case .resubmit:
            if let selected { state.perform(.runner(.resubmit(runId: selected))) }
        case .canvas:
            if let selected { state.perform(.runCanvas(.open(runId: selected))) }
        case nil: break
        }
        return .stay
    }

    /// The loaded runs that belong to this screen (the list may still hold another screen's runs for one tick).
    private func visible(_ state: DesignerState) -> [RunRecord] {
        guard let flowId else { return state.live.runs }
        return state.live.runs.filter { $0.flowId == flowId }
    }

    static func cells(_ run: RunRecord) -> [String] {
        [TimeText.short(run.startedAt ?? run.queuedAt), TimeText.duration(run.duration), run.status.rawValue, run.flowName, TriggerSummary.text(run)]
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let runs = visible(state)
        let note = runs.count >= Self.limit ? "newest \(Self.limit) runs" : "\(runs.count) run(s)"
        buffer.put(note + (flowId == nil ? " of all flows" : ""), x: area.x + 1, y: area.y, style: state.theme[.muted], limit: area.maxX - 1)
        table.render(rows(state), into: &buffer, rect: area.dropTop(1), theme: state.theme)
    }
}

/// One line about what triggered a run: its subject and value, or its origin.
enum TriggerSummary {
    static func text(_ run: RunRecord) -> String {
        let body = run.triggerOutputs["body"] ?? run.triggerOutputs
        var parts: [String] = []
        for key in ["dataSourceName", "segmentName", "measureName"] { if let text = body[key]?.stringValue { parts.append(text) } }
        for key in ["currentCount", "currentValue"] { if let value = body[key]?.doubleValue { parts.append("= " + NumberText.plain(value)) } }
        if let error = body["errorMessage"]?.stringValue { parts.append(error) }
        if run.origin != .event { parts.insert(run.dryRun ? "\(run.origin), dry run" : run.origin.rawValue, at: 0) }
        return parts.isEmpty ? "-" : parts.joined(separator: " ")
    }
}
