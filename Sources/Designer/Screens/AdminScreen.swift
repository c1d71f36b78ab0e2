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
            default: return .push(ConnectionsScreen())
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

/// Admin > Connections: the named connections and their kinds.
struct ConnectionsScreen: Screen {
    var title: String { "Connections" }
    var hints: [KeyHint] { [CommonHints.back] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        key == .escape || key == .left || key == .character("h") ? .pop : .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        var table = Table(columns: [TableColumn("Connection", width: 30), TableColumn("Kind")],
                          rows: state.connections.keys.sorted().map { [$0, state.connections[$0] ?? ""] })
        table.selection.index = -1
        table.render(into: &buffer, rect: area.inset(1), theme: state.theme)
        if state.connections.isEmpty {
            buffer.put("Connections are defined in connections.json in the home folder.", x: area.x + 2, y: area.y + 4, style: state.theme[.muted], limit: area.maxX - 1)
        }
    }
}
