import FlowModel
import TerminalUI

/// Admin > Connections: the named connections (secrets masked); add, edit, delete, test.
struct ConnectionsScreen: Screen {
    var table = Table(columns: [TableColumn("Connection", width: 18), TableColumn("Kind", width: 7), TableColumn("Settings")])

    enum Action: Sendable { case move, add, edit, delete, test, find, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 7),
        KeyBinding([.character("a")], "a", "add", help: "add a connection (Teams, SMTP, HTTP, outbox)", priority: 2, .add),
        KeyBinding([.enter, .character("e")], "Enter", "edit", help: "edit (secrets: leave empty to keep; also e)", priority: 3, .edit),
        KeyBinding([.character("d")], "d", "delete", help: "delete (asks first)", priority: 5, .delete),
        KeyBinding([.character("t")], "t", "test", help: "test: Teams card, SMTP message, HTTP request", priority: 4, .test),
        ListKeys.findBinding(.find, priority: 6),
        Common.back(.back),
    ])

    var title: String { "Connections" }
    var takesTextInput: Bool { table.find.isTyping }
    var bindings: [KeyHint] { table.find.isTyping ? FindKeys.hints : Self.keys.hints }

    private func rows(_ state: DesignerState) -> [TableRow] { state.live.connections.map { TableRow(id: $0.name, [$0.name, $0.kind, $0.summary]) } }

    /// The names of the flows with a step that sends through the connection `name`.
    static func flows(using name: String, in state: DesignerState) -> [String] {
        state.flows.filter { $0.connections.contains(name) }.map(\.displayName)
    }

    private func tableRect(_ area: Rect) -> Rect { area.inset(1).dropBottom(1) }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let all = rows(state)
        let height = tableRect(bodyArea(state.size)).height
        if table.find.isTyping || key == .escape, table.handle(key, rows: all, height: height) { return .stay }
        let selectedId = table.selected(in: all)?.id
        let selected = state.live.connections.first { $0.name == selectedId }
        switch Self.keys.action(for: key) {
        case .move: _ = table.handle(key, rows: all, height: height)
        case .find: table.startFind()
        case .back: return .pop
        case .add:
            let kinds = ConnectionFormScreen.kinds.enumerated().map { DialogAnswer.option($0.offset, label: $0.element) }
            state.ask("Add a connection", "Which kind?", answers: kinds + [.cancel], for: .addConnection)
        case .edit:
            if let selected { return .push(ConnectionFormScreen(editing: selected)) }
        case .delete:
            if let selected {
                let users = Self.flows(using: selected.name, in: state)
                let uses = users.isEmpty ? "No flow uses it." : "Used by \(users.joined(separator: ", ")): they will fail to send."
                state.ask("Delete connection", "Delete \"\(selected.name)\"? \(uses)", answers: [.delete, .cancel], for: .deleteConnection(name: selected.name))
            }
        case .test:
            guard let selected else { return .stay }
            if selected.kind == "smtp" {
                state.ask("Test \(selected.name)", "Send a test message to:", answers: [.send, .cancel],
                          input: TextField(selected.settings.first { $0.key == "from" }?.value ?? ""), for: .testConnection(name: selected.name))
            } else {
                state.perform(.runner(.testConnection(name: selected.name, recipient: nil)))
            }
        case nil: break
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        table.render(rows(state), into: &buffer, rect: tableRect(area), theme: state.theme)
        let note = state.live.activity ?? "Secrets are kept in connections.json (mode 0600) and never shown in full."
        buffer.put(note, x: area.x + 2, y: area.maxY - 1, style: state.theme[.muted], limit: area.maxX - 1)
    }
}
