import TerminalUI

/// Admin > Export destinations: destination tiles; Power Automate's Configure opens the connector page.
struct ExportDestinationsScreen: Screen {
    var grid = TileGrid(tiles: [
        MenuItem("Power Automate", detail: "Flows on Customer Insights events"),
        MenuItem("Azure Blob Storage", detail: "Not available in InsightFlow", isEnabled: false),
        MenuItem("SFTP", detail: "Not available in InsightFlow", isEnabled: false),
        MenuItem("Marketing", detail: "Not available in InsightFlow", isEnabled: false),
    ], tileWidth: 24, tileHeight: 6)

    enum Action: Sendable { case move, configure, back }

    static let keys = KeyMap<Action>([
        KeyBinding([.left, .right, .up, .down, .character("h"), .character("l"), .character("k"), .character("j"), .home, .end], "←→↑↓", "move",
                   help: "move between the tiles (also h j k l, Home End)", priority: 3, .move),
        KeyBinding([.enter, .character("c")], "Enter", "configure", help: "configure the selected destination (also c)", priority: 2, .configure),
        Common.back(.back, keys: [.escape]),
    ])

    var title: String { "Export destinations" }
    var bindings: [KeyHint] { Self.keys.hints }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if case .mouse(let event) = key {
            guard let index = grid.tile(at: event, in: gridRect(bodyArea(state.size))) else { return .stay }
            if index != grid.selected {
                grid.selected = index
                return .stay
            }
            return handle(.enter, state: &state)
        }
        switch Self.keys.action(for: key) {
        case .move: _ = grid.handle(key, width: state.size.width - 4)
        case .back: return .pop
        case .configure:
            guard grid.selected == 0 else {
                state.notify("\(grid.tiles[grid.selected].title) is not available in InsightFlow; use Power Automate", .warning)
                return .stay
            }
            return .push(ConnectorPageScreen())
        case nil: break
        }
        return .stay
    }

    private func gridRect(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y + 3, width: area.width - 4, height: area.height - 3) }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let intro = "Choose a destination. Power Automate runs your flows when customer data changes."
        buffer.put(CharacterWidth.truncate(intro, to: area.width - 3), x: area.x + 2, y: area.y + 1, style: state.theme[.muted])
        grid.render(into: &buffer, rect: gridRect(area), theme: state.theme)
        let box = Rect(x: area.x + 2, y: area.y + 3, width: grid.tileWidth, height: grid.tileHeight)
        if grid.selected == 0 { buffer.put("[ Configure ]", x: box.x + 2, y: box.maxY - 2, style: state.theme[.selection], limit: box.maxX - 1) }
    }
}
