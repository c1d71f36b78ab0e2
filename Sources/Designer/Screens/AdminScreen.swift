import TerminalUI

/// Admin: System, Export destinations and Connections.
struct AdminScreen: Screen {
    var menu = MenuList(items: [
        MenuItem("System", detail: "Refresh status, Refresh now, schedule, demo feed, files"),
        MenuItem("Export destinations", detail: "Power Automate and other destinations"),
        MenuItem("Connections", detail: "Named connections steps send through (Teams, email, HTTP)"),
    ], titleWidth: 22)

    var title: String { "Admin" }
    var hints: [KeyHint] { [CommonHints.move, CommonHints.open, CommonHints.back] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if menu.handle(key) { return .stay }
        if case .mouse(let event) = key {
            guard menu.selection.click(event, in: menuRect(bodyArea(state.size)), count: menu.items.count) == .activated else { return .stay }
            return handle(.enter, state: &state)
        }
        switch key {
        case .escape, .left, .character("h"): return .pop
        case .enter, .right, .character("l"):
            switch menu.selection.index {
            case 0:
                state.perform(.runner(.loadStatus))
                return .push(SystemScreen())
            case 1: return .push(ExportDestinationsScreen())
            default:
                state.perform(.loadConnections)
                return .push(ConnectionsScreen())
            }
        default: return .stay
        }
    }

    private func menuRect(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 1) }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        var copy = menu
        copy.render(into: &buffer, rect: menuRect(area), theme: state.theme)
    }
}
