import TerminalUI

/// The home screen: the four areas of the product.
struct HomeScreen: Screen {
    enum Action: Sendable { case move, open, find, quit, clear }

    var menu = MenuList(items: [
        MenuItem("Data", detail: "Sources, unification, segments and measures (read-only, live)"),
        MenuItem("Admin", detail: "System, Export destinations (Power Automate), Connections"),
        MenuItem("Flows", detail: "Open, switch On/Off, rename, copy, delete, export, import"),
        MenuItem("Monitor", detail: "Live events and runs, run history"),
    ], titleWidth: 12)

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 3),
        KeyBinding([.enter, .right, .character("l")], "Enter", "open", help: "open the selected area (also → l)", priority: 2, .open),
        ListKeys.findBinding(.find, priority: 4),
        KeyBinding([.character("q")], "q", "quit", help: "quit InsightFlow", priority: 1, .quit),
        KeyBinding([.escape], "Esc", "clear", help: "clear the find text", priority: nil, .clear),
    ])

    var title: String { "Home" }
    var takesTextInput: Bool { menu.find.isTyping }
    var bindings: [KeyHint] { menu.find.isTyping ? FindKeys.hints : Self.keys.hints }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let rect = menuRect(bodyArea(state.size))
        if menu.find.isTyping || key == .escape, menu.handle(key, height: rect.height) { return .stay }
        if case .mouse(let event) = key, event.button == .left {
            guard menu.click(event, in: rect) == .activated else { return .stay }
            return open()
        }
        switch Self.keys.action(for: key) {
        case .move: _ = menu.handle(key, height: rect.height)
        case .open: return open()
        case .find: menu.find.start()
        case .quit: DesignerUpdate.requestQuit(&state)
        case .clear, nil: break
        }
        return .stay
    }

    private func open() -> Transition {
        switch menu.selectedIndex {
        case 0: return .push(DataScreen())
        case 1: return .push(AdminScreen())
        case 2: return .push(FlowsListScreen())
        case 3: return .push(MonitorScreen())
        default: return .stay
        }
    }

    private func menuRect(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y + 3, width: area.width - 4, height: min(5, area.height - 3)) }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        buffer.put("InsightFlow", x: area.x + 2, y: area.y + 1, style: theme[.title])
        buffer.put("flows for customer data · \(state.workspace.name) · \(state.flows.count) flow(s)", x: area.x + 15, y: area.y + 1, style: theme[.muted], limit: area.maxX - 1)
        menu.render(into: &buffer, rect: menuRect(area), theme: theme)
        let onCount = state.flows.filter { $0.state == .on }.count
        buffer.put("\(onCount) on, \(state.flows.count - onCount) off", x: area.x + 4, y: area.y + 8, style: theme[.muted], limit: area.maxX - 1)
        for (row, problem) in state.flowProblems.prefix(max(0, area.height - 11)).enumerated() {
            buffer.put("! " + problem, x: area.x + 4, y: area.y + 10 + row, style: theme[.warning], limit: area.maxX - 1)
        }
    }
}

/// The bindings shown while a `/` find line takes the keys.
enum FindKeys {
    static let hints = [KeyHint("type", "find", help: "letters narrow the list (they never run commands)", priority: 3),
                        KeyHint("↑↓", "move", help: "move through the matches", priority: 4),
                        KeyHint("Enter", "keep", help: "keep the find text and give the keys back to the list", priority: 2),
                        KeyHint("Esc", "clear", help: "clear the find text", priority: 1)]
}
