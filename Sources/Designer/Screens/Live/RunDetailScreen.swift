import TextFormats
import FlowExpressions
import FlowRunner
import TerminalUI

/// Run detail: the run's steps with status, duration and attempts; the selected step's error, path, and its inputs and
/// outputs (expand with Enter). Resubmit with `r`, open the flow at the failing (or selected) step with `o`.
struct RunDetailScreen: LiveScreen {
    let runId: String
    var table = Table(columns: [TableColumn("Step"), TableColumn("Status", width: 9), TableColumn("Took", width: 8), TableColumn("Tries", width: 5)])
    var expanded = false
    var scroll = 0

    init(runId: String) { self.runId = runId }

    enum Action: Sendable { case move, expand, resubmit, openFlow, canvas, back }

    /// The keys; Enter's label follows the pane's state, and PgUp/PgDn scroll the expanded JSON.
    var keys: KeyMap<Action> {
        KeyMap([
            KeyBinding(expanded ? [.up, .down, .character("k"), .character("j"), .home, .end, .character("g"), .character("G")] : ListKeys.move,
                       "↑↓jk", "step", help: "select a step (the trigger shows its event); PgUp PgDn scroll the expanded JSON", priority: 6, .move),
            KeyBinding([.enter], "Enter", expanded ? "collapse" : "expand JSON", help: "expand / collapse the inputs and outputs JSON", priority: 2, .expand),
            KeyBinding([.character("r")], "r", "resubmit", help: "resubmit the run", priority: 3, .resubmit),
            KeyBinding([.character("o")], "o", "open flow", help: "open the flow at the failing (or selected) step", priority: 4, .openFlow),
            KeyBinding([.character("c")], "c", "canvas", help: "the run on the canvas: the flow as it was when the run started, cards coloured by status", priority: 5, .canvas),
            Common.back(.back, keys: [.escape, .left]),
        ])
    }

    var title: String { "Run \(runId.prefix(8))" }
    var bindings: [KeyHint] { keys.hints }

    func poll(_ state: inout DesignerState) {
        if state.live.detail?.run.id != runId || state.live.detail?.run.status.isFinal != true { state.perform(.loadRunDetail(id: runId)) }
    }

    private func detail(_ state: DesignerState) -> RunDetail? {
        guard let detail = state.live.detail, detail.run.id.hasPrefix(runId) || runId.hasPrefix(detail.run.id) else { return nil }
        return detail
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        guard let detail = detail(state) else { return key == .escape || key == .left ? .pop : .stay }
        let rows = Self.rows(detail, state)
        let all = Self.tableRows(rows)
        if expanded, key == .pageDown || key == .pageUp {
            scroll = max(0, scroll + (key == .pageDown ? 10 : -10))
            return .stay
        }
        switch keys.action(for: key) {
        case .move:
            if table.handle(key, rows: all, height: max(3, state.size.height - 12)) { scroll = 0 }
        case .back: return .pop
        case .expand:
            expanded.toggle()
            scroll = 0
        case .resubmit: state.perform(.runner(.resubmit(runId: detail.run.id)))
        case .canvas: state.perform(.runCanvas(.open(runId: detail.run.id)))
        case .openFlow:
            let failed = detail.steps.last { $0.status == .failed }
            state.perform(.openFlowAt(id: detail.run.flowId, step: (failed ?? selectedRecord(rows))?.stepName))
        case nil: break
        }
        return .stay
    }

    /// The table rows (ids are positions: a run's layout does not change while it is shown).
    static func tableRows(_ rows: [RunDetailRow]) -> [TableRow] { rows.enumerated().map { TableRow(id: String($0.offset), $0.element.cells) } }

    /// The selected step's record.
    private func selectedRecord(_ rows: [RunDetailRow]) -> StepRecord? {
        let index = table.selection.resolved(rows.indices.map(String.init))
        return rows.indices.contains(index) ? rows[index].record : nil
    }

    /// The run's lines, laid out as its flow is drawn when the flow is known.
    static func rows(_ detail: RunDetail, _ state: DesignerState) -> [RunDetailRow] {
        RunDetailRows.build(detail, flow: state.live.detailFlow.flatMap { $0.id == detail.run.flowId ? $0 : nil })
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        guard let detail = detail(state) else {
            buffer.put("Loading run \(runId)…", x: area.x + 2, y: area.y + 1, style: theme[.muted], limit: area.maxX - 1)
            return
        }
        let run = detail.run
        let style = run.status == .failed ? theme[.error] : run.status == .succeeded ? theme[.success] : theme[.warning]
        buffer.put(run.flowName, x: area.x + 1, y: area.y, style: theme[.title], limit: area.maxX - 30)
        buffer.put("\(run.status.rawValue)\(run.dryRun ? " (dry run)" : "")", x: max(area.x + 1, area.maxX - 28), y: area.y, style: style, limit: area.maxX - 1)
        let times = "started \(TimeText.stamp(run.startedAt ?? run.queuedAt)) · took \(TimeText.duration(run.duration)) · \(TriggerSummary.text(run))"
        buffer.put(times, x: area.x + 1, y: area.y + 1, style: theme[.muted], limit: area.maxX - 1)
        var top = area.y + 2
        if let error = run.errorMessage {
            buffer.put("Error: " + error, x: area.x + 1, y: top, style: theme[.error], limit: area.maxX - 1)
            top += 1
        }
        let paneHeight = expanded ? max(3, (area.maxY - top) * 2 / 3) : min(5, max(0, area.maxY - top - 4))
        let rows = Self.rows(detail, state)
        table.render(Self.tableRows(rows), into: &buffer, rect: Rect(x: area.x, y: top, width: area.width, height: area.maxY - top - paneHeight), theme: theme)
        let selected = selectedRecord(rows)
        if let selected, paneHeight > 0 {
            StepPane.render(selected, expanded: expanded, scroll: scroll, into: &buffer,
                            rect: Rect(x: area.x + 1, y: area.maxY - paneHeight, width: area.width - 2, height: paneHeight), theme: theme)
        }
    }
}

/// The selected step's path, error, and inputs/outputs JSON (collapsed to one line each, or pretty when expanded).
enum StepPane {
    static func render(_ step: StepRecord, expanded: Bool, scroll: Int, into buffer: inout CellBuffer, rect: Rect, theme: Theme) {
        var lines: [(String, Style)] = [("── \(step.stepName) · \(step.path)", theme[.border])]
        if let error = step.errorMessage {
            lines += TextWrap.lines("Error: " + error, width: rect.width).map { ($0, theme[.error]) }
        }
        for (label, value) in [("inputs", step.inputs), ("outputs", step.outputs)] {
            guard let value else { continue }
            if expanded {
                lines.append((label + ":", theme[.title]))
                lines += value.jsonText(pretty: true).split(separator: "\n", omittingEmptySubsequences: false).map { ("  " + $0, theme[.text]) }
            } else {
                lines += TextWrap.lines("\(label): " + value.jsonText(), width: rect.width).map { ($0, theme[.text]) }
            }
        }
        let shown = expanded ? Array(lines.prefix(1)) + Array(lines.dropFirst().dropFirst(min(scroll, max(0, lines.count - 2)))) : lines
        for (row, line) in shown.prefix(rect.height).enumerated() {
            buffer.put(line.0, x: rect.x, y: rect.y + row, style: line.1, limit: rect.maxX)
        }
    }
}
