import FlowModel
import TerminalUI

/// The Flows list: name, trigger, state, last run and modified time; sort, filter, open, on/off, rename,
/// duplicate, delete, export and import.
struct FlowsListScreen: Screen {
    var table = Table(columns: [TableColumn("Name"), TableColumn("Trigger", width: 18), TableColumn("State", width: 5),
                                TableColumn("Last run"), TableColumn("Modified", width: 16)])
    var filter = TextField()
    var isFiltering = false

    init() { table.sortColumn = 0 }

    var title: String { "Flows" }
    var takesTextInput: Bool { isFiltering }
    var hints: [KeyHint] {
        if isFiltering { return [KeyHint("type", "filter"), KeyHint("Enter", "done"), KeyHint("Esc", "clear")] }
        return [KeyHint("Enter", "open"), KeyHint("/", "filter"), KeyHint("s", "sort"), KeyHint("o", "on/off"), KeyHint("r", "rename"),
                KeyHint("c", "copy"), KeyHint("d", "delete"), KeyHint("x", "export"), KeyHint("i", "import"), CommonHints.back]
    }

    /// The flows shown: filtered by name or trigger and sorted by the chosen column.
    func visibleFlows(_ state: DesignerState) -> [Flow] {
        let needle = filter.text.lowercased()
        let shown = needle.isEmpty ? state.flows : state.flows.filter { row($0, state).joined(separator: " ").lowercased().contains(needle) }
        let column = table.sortColumn ?? 0
        let sorted = shown.sorted { a, b in
            let (x, y) = (sortKey(a, column, state), sortKey(b, column, state))
            return x == y ? a.id < b.id : x < y
        }
        return table.sortDescending ? sorted.reversed() : sorted
    }

    private func sortKey(_ flow: Flow, _ column: Int, _ state: DesignerState) -> String {
        column == 4 ? (flow.modifiedAt ?? "") : row(flow, state)[column].lowercased()
    }

    private func row(_ flow: Flow, _ state: DesignerState) -> [String] {
        let trigger = flow.trigger?.kind.map { Catalog.trigger($0).displayName } ?? flow.trigger?.type ?? "-"
        let run = state.runs[flow.id]
        let modified = flow.modifiedAt.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "-"
        let lastRun = run.map { "\($0.status) \($0.time)" } ?? "never"
        return [flow.displayName, trigger, flow.state.rawValue, lastRun, modified]
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if isFiltering {
            switch key {
            case .enter: isFiltering = false
            case .escape:
                filter.text = ""
                isFiltering = false
            default:
                if filter.handle(key) { table.selection.index = 0 }
            }
            return .stay
        }
        let flows = visibleFlows(state)
        if table.handle(key) { return .stay }
        if case .mouse(let event) = key {
            let rows = tableRect(bodyArea(state.size)).dropTop(1)
            guard table.selection.click(event, in: rows, count: flows.count) == .activated, flows.indices.contains(table.selection.index) else { return .stay }
            state.perform(.openFlow(id: flows[table.selection.index].id))
            return .stay
        }
        let selected = flows.indices.contains(table.selection.index) ? flows[table.selection.index] : nil
        switch key {
        case .escape:
            if !filter.text.isEmpty { filter.text = "" } else { return .pop }
        case .character("/"): isFiltering = true
        case .character("s"):
            table.sortColumn = ((table.sortColumn ?? 0) + 1) % table.columns.count
        case .character("S"): table.sortDescending.toggle()
        case .character("H"):
            state.perform(.loadRuns(flowId: selected?.id, limit: RunHistoryScreen.limit))
            return .push(RunHistoryScreen(flowId: selected?.id))
        case .character("n"): return .push(ConnectorPageScreen())
        case .character("i"):
            state.ask(Dialog(title: "Import a flow", message: "Path of a flow file (InsightFlow, Logic Apps or Power Automate export):",
                             buttons: ["Import", "Cancel"], input: TextField()), for: .importFlow)
        default:
            guard let flow = selected else { return .stay }
            act(on: flow, key: key, &state)
        }
        return .stay
    }

    private func act(on flow: Flow, key: Key, _ state: inout DesignerState) {
        switch key {
        case .enter, .character("e"): state.perform(.openFlow(id: flow.id))
        case .character("o"): state.perform(.setFlowState(id: flow.id, flow.state == .on ? .off : .on))
        case .character("r"):
            state.ask(Dialog(title: "Rename flow", message: "New name for \"\(flow.displayName)\":", buttons: ["Rename", "Cancel"], input: TextField(flow.displayName)),
                      for: .renameFlow(id: flow.id))
        case .character("c"):
            state.ask(Dialog(title: "Save as", message: "Name of the copy (it starts Off):", buttons: ["Copy", "Cancel"], input: TextField(flow.displayName + " (copy)")),
                      for: .duplicateFlow(id: flow.id))
        case .character("d"):
            state.ask(Dialog(title: "Delete flow", message: "Delete \"\(flow.displayName)\" (\(flow.id))? This cannot be undone.", buttons: ["Delete", "Cancel"], selected: 1),
                      for: .deleteFlow(id: flow.id))
        case .character("x"):
            state.ask(Dialog(title: "Export flow", message: "Write \"\(flow.displayName)\" to the file:", buttons: ["Export", "Cancel"], input: TextField("\(flow.id).json")),
                      for: .exportFlow(id: flow.id))
        default: break
        }
    }

    /// The table's area: the body less the filter line (when shown) and the count line.
    private func tableRect(_ area: Rect) -> Rect { (isFiltering || !filter.text.isEmpty ? area.dropTop(1) : area).dropBottom(1) }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        var copy = table
        let flows = visibleFlows(state)
        copy.rows = flows.map { row($0, state) }
        if isFiltering || !filter.text.isEmpty {
            buffer.put(" Filter: ", x: area.x, y: area.y, style: state.theme[.muted])
            filter.render(into: &buffer, rect: Rect(x: area.x + 9, y: area.y, width: area.width - 10, height: 1), theme: state.theme, focused: isFiltering)
        }
        copy.render(into: &buffer, rect: tableRect(area), theme: state.theme)
        let count = "\(flows.count) of \(state.flows.count) flow(s)" + (state.flowProblems.isEmpty ? "" : " · \(state.flowProblems.count) unreadable file(s)")
        buffer.put(count, x: area.x + 1, y: area.maxY - 1, style: state.theme[.muted], limit: area.maxX)
    }
}
