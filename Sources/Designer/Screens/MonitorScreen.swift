import TerminalUI

/// Monitor: every flow with its state and last run.
struct MonitorScreen: Screen {
    var table = Table(columns: [TableColumn("Flow"), TableColumn("State", width: 5), TableColumn("Last run", width: 10), TableColumn("When", width: 20)])

    var title: String { "Monitor" }
    var hints: [KeyHint] { [CommonHints.move, CommonHints.back] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if table.handle(key) { return .stay }
        return key == .escape || key == .left ? .pop : .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        var copy = table
        copy.rows = state.flows.map { flow in
            let run = state.runs[flow.id]
            return [flow.displayName, flow.state.rawValue, run?.status ?? "never", run?.time ?? "-"]
        }
        copy.render(into: &buffer, rect: area.inset(1).dropBottom(1), theme: state.theme)
        if state.runs.isEmpty {
            buffer.put("No run history yet: runs appear here once the runner has fired a flow.", x: area.x + 2, y: area.maxY - 1, style: state.theme[.muted], limit: area.maxX - 1)
        }
    }
}
