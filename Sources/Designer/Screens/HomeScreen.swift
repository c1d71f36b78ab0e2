import TerminalUI

/// The home screen: the four areas of the product.
struct HomeScreen: Screen {
    var menu = MenuList(items: [
        MenuItem("Data", detail: "Data sources, unification, segments and measures (read-only, current values)"),
        MenuItem("Admin", detail: "System, Export destinations (Power Automate), Connections"),
        MenuItem("Flows", detail: "Your flows: open, turn on/off, rename, duplicate, delete, export, import"),
        MenuItem("Monitor", detail: "Live events and runs, run history"),
    ], titleWidth: 12)

    var title: String { "Home" }
    var hints: [KeyHint] { [CommonHints.move, KeyHint("Enter", "open"), KeyHint("q", "quit")] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if menu.handle(key) { return .stay }
        if case .mouse(let event) = key {
            guard menu.selection.click(event, in: menuRect(bodyArea(state.size)), count: menu.items.count) == .activated else { return .stay }
            return handle(.enter, state: &state)
        }
        switch key {
        case .character("q"), .escape:
            if key == .character("q") { DesignerUpdate.requestQuit(&state) }
            return .stay
        case .enter, .right, .character("l"):
            switch menu.selection.index {
            case 0: return .push(DataScreen())
            case 1: return .push(AdminScreen())
            case 2: return .push(FlowsListScreen())
            default: return .push(MonitorScreen())
            }
        default: return .stay
        }
    }

    private func menuRect(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y + 3, width: area.width - 4, height: min(4, area.height - 3)) }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        buffer.put("InsightFlow", x: area.x + 2, y: area.y + 1, style: theme[.title])
        buffer.put("flows for customer data · \(state.workspace.name) · \(state.flows.count) flow(s)", x: area.x + 15, y: area.y + 1, style: theme[.muted], limit: area.maxX - 1)
        var copy = menu
        copy.render(into: &buffer, rect: menuRect(area), theme: theme)
        let onCount = state.flows.filter { $0.state == .on }.count
        buffer.put("\(onCount) on, \(state.flows.count - onCount) off", x: area.x + 4, y: area.y + 8, style: theme[.muted], limit: area.maxX - 1)
        for (row, problem) in state.flowProblems.prefix(max(0, area.height - 11)).enumerated() {
            buffer.put("! " + problem, x: area.x + 4, y: area.y + 10 + row, style: theme[.warning], limit: area.maxX - 1)
        }
    }
}
