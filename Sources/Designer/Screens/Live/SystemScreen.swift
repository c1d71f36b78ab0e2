import TerminalUI

/// Admin > System: each source's last refresh, unification, measures and segments; Refresh now (one source or all)
/// with progress; the schedule; the demo feed; where the home keeps its files.
struct SystemScreen: Screen {
    var table = Table(columns: [TableColumn("Kind", width: 11), TableColumn("Name", width: 22), TableColumn("Value", width: 13), TableColumn("Last refresh")])

    var title: String { "System" }
    var hints: [KeyHint] {
        [KeyHint("Enter", "refresh"), KeyHint("a", "all"), KeyHint("d", "demo feed"), KeyHint("i", "interval"), KeyHint("l", "reload"), CommonHints.back]
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let lines = state.live.system?.lines ?? []
        table.rows = lines.map(Self.cells)
        if table.handle(key) { return .stay }
        switch key {
        case .escape, .left, .character("h"): return .pop
        case .enter, .character("r"):
            let line = lines.indices.contains(table.selection.index) ? lines[table.selection.index] : nil
            state.perform(.runner(.refresh(source: line?.group == "Source" ? line?.name : nil)))
        case .character("a"): state.perform(.runner(.refresh(source: nil)))
        case .character("d"):
            guard let on = state.live.system?.demoFeed else {
                state.notify("The demo feed is controlled by the runner holding this home", .warning)
                return .stay
            }
            state.perform(.runner(.demoFeed(on: !on)))
        case .character("l"): state.perform(.runner(.loadStatus))
        case .character("i"):
            let current = state.live.system?.schedule.split(separator: " ").dropFirst().first.map(String.init) ?? "60"
            state.ask(Dialog(title: "Refresh schedule", message: "Refresh everything every how many seconds? (0: off)", buttons: ["Save", "Cancel"],
                             input: TextField(Double(current) == nil ? "60" : current)), for: .editSchedule)
        default: break
        }
        return .stay
    }

    static func cells(_ line: SystemStatusView.Line) -> [String] { [line.group, line.name, line.value, line.detail] }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let system = state.live.system
        let facts = state.facts + [Fact("Theme", "\(theme.name) (\(theme.mode))")]
        let factRows = min(facts.count, max(0, area.height - 12))
        var copy = table
        copy.rows = (system?.lines ?? []).map(Self.cells)
        let tableHeight = area.height - 3 - factRows
        copy.render(into: &buffer, rect: Rect(x: area.x, y: area.y, width: area.width, height: tableHeight), theme: theme)
        if system == nil {
            buffer.put("  Reading the workspace status…", x: area.x, y: area.y + 1, style: theme[.muted], limit: area.maxX - 1)
        }
        var y = area.y + tableHeight
        let demo = system?.demoFeed.map { $0 ? "on" : "off" } ?? "n/a"
        buffer.put("Schedule: \(system?.schedule ?? "-")   Demo feed: \(demo)", x: area.x + 2, y: y, style: theme[.title], limit: area.maxX - 1)
        y += 1
        let activity = state.live.activity ?? "Refresh now: Enter (selected source) or a (all)"
        buffer.put(activity, x: area.x + 2, y: y, style: theme[.muted], limit: area.maxX - 1)
        y += 1
        for fact in facts.prefix(factRows) {
            buffer.put(fact.label, x: area.x + 2, y: y, style: theme[.title], limit: area.x + 20)
            buffer.put(fact.value, x: area.x + 21, y: y, style: theme[.text], limit: area.maxX - 1)
            y += 1
        }
    }
}
