import FlowModel
import TerminalUI

/// The Flows list: name, trigger, state, last run and modified time; sort, find, open, on/off, rename,
/// duplicate, delete, export, import and run history. Flows and their last runs are re-read while it is shown.
struct FlowsListScreen: LiveScreen {
    enum Action: Sendable { case move, open, find, sort, reverse, history, versions, new, onOff, rename, copy, delete, export, importFlow, back }

    /// Re-read the flows and their last runs every this many ticks (2 s at 250 ms).
    static let pollEvery = 8
    var table = Table(columns: [TableColumn("Name"), TableColumn("Trigger", width: 18), TableColumn("State", width: 5),
                                TableColumn("Last run", width: 21), TableColumn("Modified", width: 11)])

    init() { table.sortColumn = 0 }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 9),
        KeyBinding([.enter, .character("e")], "Enter", "open", help: "open the flow on the canvas (also e)", priority: 2, .open),
        ListKeys.findBinding(.find, priority: 3),
        KeyBinding([.character("o")], "o", "on/off", help: "turn the flow On or Off (On needs a flow without errors)", priority: 4, .onOff),
        KeyBinding([.character("r")], "r", "rename", help: "rename the flow", priority: 6, .rename),
        KeyBinding([.character("c")], "c", "copy", help: "duplicate the flow (the copy starts Off)", priority: 7, .copy),
        KeyBinding([.character("d")], "d", "delete", help: "delete the flow (asks first)", priority: 6, .delete),
        KeyBinding([.character("x")], "x", "export", help: "export the flow to a file", priority: 8, .export),
        KeyBinding([.character("i")], "i", "import", help: "import a flow file (InsightFlow, Logic Apps or Power Automate export)", priority: 8, .importFlow),
        KeyBinding([.character("H")], "H", "runs", help: "run history of the selected flow", priority: 5, .history),
        KeyBinding([.character("V")], "V", "versions", help: "version history of the selected flow: diff and restore any saved version", priority: 8, .versions),
        KeyBinding([.character("n")], "n", "new", help: "new flow: the Power Automate connector page", priority: 8, .new),
        KeyBinding([.character("s")], "s", "sort", help: "sort by the next column", priority: 9, .sort),
        KeyBinding([.character("S")], "S", "reverse", help: "reverse the sort order", priority: nil, .reverse),
        Common.back(.back, keys: [.escape, .left]),
    ])

    var title: String { "Flows" }
    var takesTextInput: Bool { table.find.isTyping }
    var bindings: [KeyHint] { table.find.isTyping ? FindKeys.hints : Self.keys.hints }

    func poll(_ state: inout DesignerState) {
        if state.ticks % Self.pollEvery == 0 { state.perform(.reloadFlows) }
    }

    /// The flows as rows, sorted by the chosen column (before the find text narrows them).
    func rows(_ state: DesignerState) -> [TableRow] {
        let column = table.sortColumn ?? 0
        // Each row's sort key is computed once (not per comparison): the list may hold ten thousand flows.
        let keyed = state.flows.map { flow -> (key: String, row: TableRow) in
            let row = TableRow(id: flow.id, cells(for: flow, state))
            return (column == 4 ? (flow.modifiedAt ?? "") : row.cells[column].lowercased(), row)
        }
        let sorted = keyed.sorted { a, b in a.key == b.key ? a.row.id < b.row.id : a.key < b.key }.map(\.row)
        return table.sortDescending ? sorted.reversed() : sorted
    }

    private func cells(for flow: FlowSummary, _ state: DesignerState) -> [String] {
        let trigger = flow.triggerKind.map { Catalog.trigger($0).displayName } ?? flow.triggerType ?? "-"
        // `12-05 07:57`: month, day and minute (at 80 columns the year left no room for the last run's time).
        let modified = flow.modifiedAt.map { String($0.prefix(16).dropFirst(5)).replacingOccurrences(of: "T", with: " ") } ?? "-"
        let lastRun = state.runs[flow.id].map { "\($0.status) \($0.time)" } ?? "never"
        return [flow.displayName, trigger, flow.state.rawValue, lastRun, modified]
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let all = rows(state)
        let height = tableRect(bodyArea(state.size)).height
        if table.find.isTyping || key == .escape, table.handle(key, rows: all, height: height) { return .stay }
        if case .mouse(let event) = key, event.button == .left {
            guard table.click(event, rows: all, in: tableRect(bodyArea(state.size))) == .activated, let row = table.selected(in: all) else { return .stay }
            state.perform(.openFlow(id: row.id))
            return .stay
        }
        guard let action = Self.keys.action(for: key) else { return .stay }
        let selected = table.selected(in: all).flatMap { row in state.flows.first { $0.id == row.id } }
        switch action {
        case .move: _ = table.handle(key, rows: all, height: height)
        case .find: table.startFind()
        case .sort: table.sortColumn = ((table.sortColumn ?? 0) + 1) % table.columns.count
        case .reverse: table.sortDescending.toggle()
        case .back: return .pop
        case .history:
            let screen = RunHistoryScreen(flowId: selected?.id)
            screen.load(&state)
            return .push(screen)
        case .new: return .push(ConnectorPageScreen())
        case .importFlow:
            state.ask("Import a flow", "Path of a flow file (InsightFlow, Logic Apps or Power Automate export):",
                      answers: [.importFile, .cancel], input: TextField(), for: .importFlow)
        case .versions:
            guard let flow = selected else { return .stay }
            return VersionHistoryScreen.open(id: flow.id, name: flow.displayName, &state)
        case .open, .onOff, .rename, .copy, .delete, .export:
            guard let flow = selected else { return .stay }
            act(action, on: flow, &state)
        }
        return .stay
    }

    private func act(_ action: Action, on flow: FlowSummary, _ state: inout DesignerState) {
        switch action {
        case .open: state.perform(.openFlow(id: flow.id))
        case .onOff: state.perform(.setFlowState(id: flow.id, flow.state == .on ? .off : .on))
        case .rename:
            state.ask("Rename flow", "New name for \"\(flow.displayName)\":", answers: [.rename, .cancel], input: TextField(flow.displayName),
                      for: .renameFlow(id: flow.id))
        case .copy:
            state.ask("Save as", "Name of the copy (it starts Off):", answers: [.copy, .cancel], input: TextField(flow.displayName + " (copy)"),
                      for: .duplicateFlow(id: flow.id))
        case .delete:
            state.ask("Delete flow", "Delete \"\(flow.displayName)\" (\(flow.id))? This cannot be undone.", answers: [.delete, .cancel], selected: .cancel,
                      for: .deleteFlow(id: flow.id))
        case .export:
            state.ask("Export flow", "Write \"\(flow.displayName)\" to the file:", answers: [.export, .cancel], input: TextField("\(flow.id).json"),
                      for: .exportFlow(id: flow.id))
        default: break
        }
    }

    /// The table's area: the body less the count line.
    private func tableRect(_ area: Rect) -> Rect { area.dropBottom(1) }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let all = rows(state)
        table.render(all, into: &buffer, rect: tableRect(area), theme: state.theme)
        let count = "\(table.shown(all).count) of \(state.flows.count) flow(s)" + (state.flowProblems.isEmpty ? "" : " · \(state.flowProblems.count) unreadable file(s)")
        buffer.put(count, x: area.x + 1, y: area.maxY - 1, style: state.theme[.muted], limit: area.maxX - 1)
    }
}
