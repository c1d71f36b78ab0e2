import TerminalUI

/// Admin: System, Export destinations and Connections.
struct AdminScreen: Screen {
    enum Action: Sendable { case move, open, find, back }

    var menu = MenuList(items: [
        MenuItem("System", detail: "Status, Refresh now, schedule, demo feed, files"),
        MenuItem("Export destinations", detail: "Power Automate and other destinations"),
        MenuItem("Connections", detail: "Named connections for Teams, email and HTTP steps"),
    ], titleWidth: 23)

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 3),
        KeyBinding([.enter, .right, .character("l")], "Enter", "open", help: "open the selected page (also → l)", priority: 2, .open),
        ListKeys.findBinding(.find, priority: 4),
        Common.back(.back),
    ])

    var title: String { "Admin" }
    var takesTextInput: Bool { menu.find.isTyping }
    var bindings: [KeyHint] { menu.find.isTyping ? FindKeys.hints : Self.keys.hints }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let rect = menuRect(bodyArea(state.size))
        if menu.find.isTyping || key == .escape, menu.handle(key, height: rect.height) { return .stay }
        if case .mouse(let event) = key, event.button == .left {
            guard menu.click(event, in: rect) == .activated else { return .stay }
            return open(&state)
        }
        switch Self.keys.action(for: key) {
        case .move: _ = menu.handle(key, height: rect.height)
        case .open: return open(&state)
        case .find: menu.find.start()
        case .back: return .pop
        case nil: break
        }
        return .stay
    }

    private func open(_ state: inout DesignerState) -> Transition {
        switch menu.selectedIndex {
        case 0:
            state.perform(.runner(.loadStatus))
            state.perform(.loadHistoryFacts)
            return .push(SystemScreen())
        case 1: return .push(ExportDestinationsScreen())
        case 2:
            state.perform(.loadConnections)
            return .push(ConnectionsScreen())
        default: return .stay
        }
    }

    private func menuRect(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 1) }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        menu.render(into: &buffer, rect: menuRect(area), theme: state.theme)
    }
}
