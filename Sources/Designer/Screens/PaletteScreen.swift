import FlowModel
import TerminalUI

/// The command palette (Ctrl-P, or `:`): one fuzzy finder over screens, flows, the open flow's steps, catalog
/// actions and the commands of the screen below; Enter runs the chosen entry.
struct PaletteScreen: Screen, TextInputScreen {
    enum Action: Sendable { case run, move, close }

    var query = TextField()
    var entries: [PaletteEntry]
    var results: [PaletteRanking.Result]
    var selected = 0
    private var recent: [String]

    static let keys = KeyMap<Action>([
        KeyBinding([], "type", "find", help: "letters in order, gaps allowed (pmt finds Post a message in a Teams channel)", priority: 3, .move),
        KeyBinding([.up, .down, .pageUp, .pageDown], "↑↓", "move", help: "move through the results", priority: 4, .move),
        KeyBinding([.enter], "Enter", "run", help: "open the screen or flow, jump to the step, add the action, or run the command", priority: 2, .run),
        KeyBinding([.escape], "Esc", "close", help: "close the palette", priority: 1, .close),
    ])

    init(state: DesignerState) {
        entries = PaletteEntries.entries(state, below: state.top)
        recent = state.paletteRecent
        results = PaletteRanking.rank("", entries, recent: recent)
    }

    var title: String { "Palette" }
    var bindings: [KeyHint] { Self.keys.hints }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch key {
        case .escape: return .pop
        case .enter:
            guard results.indices.contains(selected) else { return .stay }
            let entry = entries[results[selected].index]
            state.paletteRecent.removeAll { $0 == entry.id }
            state.paletteRecent.insert(entry.id, at: 0)
            if state.paletteRecent.count > 50 { state.paletteRecent.removeLast() }
            return .popAndRun(entry.target)
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, results.count - 1), selected + 1)
        case .pageUp: selected = max(0, selected - 10)
        case .pageDown: selected = min(max(0, results.count - 1), selected + 10)
        default:
            let before = query.text
            _ = query.handle(key)
            if query.text != before {
                results = PaletteRanking.rank(query.text, entries, recent: recent)
                selected = 0
            }
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        buffer.put("Find anything: screens (:monitor), flows, steps, actions to add, commands", x: area.x + 2, y: area.y, style: theme[.muted], limit: area.maxX)
        query.render(into: &buffer, rect: Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: 1), theme: theme, focused: true)
        let list = Rect(x: area.x + 2, y: area.y + 3, width: area.width - 4, height: max(0, area.height - 3))
        let top = max(0, selected - list.height + 1)
        for (row, result) in results.dropFirst(top).prefix(list.height).enumerated() {
            let entry = entries[result.index]
            let isSelected = top + row == selected
            let y = list.y + row
            let base = isSelected ? theme[.selection] : theme[.text]
            if isSelected { buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: base) }
            let kind = entry.kind.padding(toLength: 8, withPad: " ", startingAt: 0)
            buffer.put(kind, x: list.x, y: y, style: isSelected ? base : theme[.muted], limit: list.maxX)
            var x = list.x + 9
            let matched = Set(result.match.positions)
            // Positions count scalars: a character is highlighted when one of its scalars matched.
            var offset = 0
            for character in entry.title where x < list.maxX {
                let scalars = character.unicodeScalars.count
                let hit = (offset..<offset + scalars).contains { matched.contains($0) }
                offset += scalars
                let style = hit ? (isSelected ? base : theme[.key]).adding(.bold).adding(.underline) : base
                x = buffer.put(String(character), x: x, y: y, style: style, limit: list.maxX)
            }
            buffer.put("  " + entry.detail, x: x, y: y, style: isSelected ? base : theme[.muted], limit: list.maxX)
        }
        if results.isEmpty { buffer.put("Nothing matches", x: list.x, y: list.y, style: theme[.muted], limit: list.maxX) }
    }
}

/// Runs what a palette entry stands for, on the screen the palette was opened over.
enum PaletteRunner {
    static func run(_ target: PaletteTarget, _ state: inout DesignerState) {
        switch target {
        case .press(let key): DesignerUpdate.handleKey(key, &state)
        case .selectStep(let name): state.document?.selected = name
        case .addAction(let type):
            guard let spec = Catalog.step(type), let document = state.document, state.top is FlowCanvasScreen else {
                state.notify("Open a flow's canvas to add an action", .warning)
                return
            }
            let step = StepParameters.newStep(spec, in: document.flow.definition, connections: state.connections)
            let placement = document.selected.map(Placement.after) ?? .start(nil)
            state.document?.edit { flow in StepTree.insert(step, at: placement, in: &flow.definition) }
            state.document?.selected = step.name
            let inserted = state.document?.flow.definition.step(named: step.name) ?? step
            state.stack.append(StepFormScreen(step: inserted, state: state))
        case .openFlow(let id):
            if let document = state.document {
                guard !document.isDirty else {
                    state.notify("Save or undo the changes to \"\(document.flow.displayName)\" before opening another flow", .warning)
                    return
                }
                DesignerUpdate.leaveEditor(&state)
            }
            state.perform(.openFlow(id: id))
        case .screen(let name): open(name, &state)
        }
    }


    private static func open(_ name: String, _ state: inout DesignerState) {
        let screen: (any Screen)? = switch name {
        case "Flows": FlowsListScreen()
        case "Monitor": MonitorScreen()
        case "Data", "Unification": DataScreen()
        case "Admin": AdminScreen()
        case "Connections": ConnectionsScreen()
        case "Runs": RunHistoryScreen()
        case "Runs failed": RunHistoryScreen(failedOnly: true)
        default: nil
        }
        if state.document?.isDirty == true {
            state.notify("Save or undo the changes to the open flow first", .warning)
            return
        }
        DesignerUpdate.leaveEditor(&state)
        state.stack.removeLast(state.stack.count - 1)
        if let screen { state.stack.append(screen) }
        if let runs = screen as? RunHistoryScreen { runs.load(&state) }
        if name == "Connections" { state.perform(.loadConnections) }
        if name == "Unification", case .push(let unification) = DataScreen.openUnification(&state) { state.stack.append(unification) }
    }
}
