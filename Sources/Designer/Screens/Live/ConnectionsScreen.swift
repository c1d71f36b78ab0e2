import TerminalUI

/// Admin > Connections: the named connections (secrets masked); add, edit, delete, test.
struct ConnectionsScreen: Screen {
    var table = Table(columns: [TableColumn("Connection", width: 18), TableColumn("Kind", width: 7), TableColumn("Settings")])

    var title: String { "Connections" }
    var hints: [KeyHint] {
        [CommonHints.move, KeyHint("a", "add"), KeyHint("Enter", "edit"), KeyHint("d", "delete"), KeyHint("t", "test"), CommonHints.back]
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let list = state.live.connections
        table.rows = list.map { [$0.name, $0.kind, $0.summary] }
        if table.handle(key) { return .stay }
        let selected = list.indices.contains(table.selection.index) ? list[table.selection.index] : nil
        switch key {
        case .escape, .left, .character("h"): return .pop
        case .character("a"):
            state.ask(Dialog(title: "Add a connection", message: "Which kind?", buttons: ConnectionFormScreen.kinds + ["Cancel"]), for: .addConnection)
        case .enter, .character("e"):
            if let selected { return .push(ConnectionFormScreen(editing: selected)) }
        case .character("d"):
            if let selected {
                state.ask(Dialog(title: "Delete connection", message: "Delete \"\(selected.name)\"? Flows using it will fail to send.", buttons: ["Delete", "Cancel"]),
                          for: .deleteConnection(name: selected.name))
            }
        case .character("t"):
            guard let selected else { return .stay }
            if selected.kind == "smtp" {
                state.ask(Dialog(title: "Test \(selected.name)", message: "Send a test message to:", buttons: ["Send", "Cancel"],
                                 input: TextField(selected.settings.first { $0.key == "from" }?.value ?? "")), for: .testConnection(name: selected.name))
            } else {
                state.perform(.runner(.testConnection(name: selected.name, recipient: nil)))
            }
        default: break
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        var copy = table
        copy.rows = state.live.connections.map { [$0.name, $0.kind, $0.summary] }
        copy.render(into: &buffer, rect: area.inset(1).dropBottom(1), theme: state.theme)
        let note = state.live.activity ?? "Secrets are kept in connections.json (mode 0600) and never shown in full."
        buffer.put(note, x: area.x + 2, y: area.maxY - 1, style: state.theme[.muted], limit: area.maxX - 1)
    }
}
