import TerminalUI

/// Admin > System: each source's last refresh, unification, measures and segments; Refresh now (one source or all)
/// with progress; the schedule; the demo feed; the runner's last hour as sparklines; where the home keeps its files.
/// The status is re-read while shown: when the history moves, and once a minute anyway (the sparklines advance).
struct SystemScreen: LiveScreen {
    var table = Table(columns: [TableColumn("Kind", width: 11), TableColumn("Name", width: 22), TableColumn("Value", width: 13), TableColumn("Last refresh")])

    enum Action: Sendable { case move, refresh, all, demo, interval, reload, find, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 8),
        KeyBinding([.enter, .character("r")], "Enter", "refresh", help: "Refresh now: the selected source (else everything; also r)", priority: 2, .refresh),
        KeyBinding([.character("a")], "a", "all", help: "Refresh now: everything (full refresh)", priority: 3, .all),
        KeyBinding([.character("d")], "d", "demo feed", help: "demo feed on / off", priority: 5, .demo),
        KeyBinding([.character("i")], "i", "interval", help: "refresh interval in seconds (0: off)", priority: 4, .interval),
        KeyBinding([.character("l")], "l", "reload", help: "reload the status", priority: 6, .reload),
        ListKeys.findBinding(.find, priority: 7),
        Common.back(.back),
    ])

    /// Re-read the workspace status every this many ticks (2 s at 250 ms) when the history moved.
    static let pollEvery = 8
    /// Re-read it every this many ticks (60 s) even when nothing moved, so the sparklines advance a minute.
    static let pollIdleEvery = 240

    func poll(_ state: inout DesignerState) {
        guard state.ticks % Self.pollEvery == 0 else { return }
        let moved = state.live.changed(since: state.live.statusRevision, ticks: state.ticks)
        guard moved || state.ticks % Self.pollIdleEvery == 0 else { return }
        state.live.statusRevision = state.live.revision
        state.perform(.runner(.loadStatus))
        state.perform(.loadHistoryFacts)
    }

    var title: String { "System" }
    var takesTextInput: Bool { table.find.isTyping }
    var bindings: [KeyHint] { table.find.isTyping ? FindKeys.hints : Self.keys.hints }

    private func rows(_ state: DesignerState) -> [TableRow] {
        (state.live.system?.lines ?? []).map { TableRow(id: $0.group + ":" + $0.name, Self.cells($0)) }
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let lines = state.live.system?.lines ?? []
        let all = rows(state)
        let height = tableHeight(bodyArea(state.size), state: state)
        if table.find.isTyping || key == .escape, table.handle(key, rows: all, height: height) { return .stay }
        switch Self.keys.action(for: key) {
        case .move: _ = table.handle(key, rows: all, height: height)
        case .find: table.startFind()
        case .back: return .pop
        case .refresh:
            let id = table.selected(in: all)?.id
            let line = lines.first { $0.group + ":" + $0.name == id }
            state.perform(.runner(.refresh(source: line?.group == "Source" ? line?.name : nil)))
        case .all: state.perform(.runner(.refresh(source: nil)))
        case .demo:
            guard let on = state.live.system?.demoFeed else {
                state.notify("The demo feed is controlled by the runner holding this home", .warning)
                return .stay
            }
            state.perform(.runner(.demoFeed(on: !on)))
        case .reload:
            state.perform(.runner(.loadStatus))
            state.perform(.loadHistoryFacts)
        case .interval:
            let current = state.live.system?.schedule.split(separator: " ").dropFirst().first.map(String.init) ?? "60"
            state.ask("Refresh schedule", "Refresh everything every how many seconds? (0: off)", answers: [.save, .cancel],
                      input: TextField(Double(current) == nil ? "60" : current), for: .editSchedule)
        case nil: break
        }
        return .stay
    }

    /// The facts listed under the table (the home's files and the theme).
    /// The history's lines come first: they are what changes; the home's paths do not.
    static func facts(_ state: DesignerState) -> [Fact] {
        HistoryFactLines.facts(state.live.history) + state.facts + [Fact("Theme", "\(state.theme.name) (\(state.theme.mode))")]
    }

    /// The sparklines' rows in `area` (none when the screen is too short for them and a useful table).
    private static func activityRows(_ area: Rect) -> Int { area.height >= 14 ? ActivitySparklines.height : 0 }

    /// The facts' rows in `area`: what is left after the table's minimum, the status lines and the sparklines.
    private static func factRows(_ area: Rect, state: DesignerState) -> Int {
        min(facts(state).count, max(0, area.height - 12 - activityRows(area)))
    }

    /// The table's height in `area`: what the status lines, the sparklines and the facts leave.
    private func tableHeight(_ area: Rect, state: DesignerState) -> Int {
        area.height - 3 - Self.activityRows(area) - Self.factRows(area, state: state)
    }

    static func cells(_ line: SystemStatusView.Line) -> [String] { [line.group, line.name, line.value, line.detail] }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let system = state.live.system
        let facts = Self.facts(state)
        let factRows = Self.factRows(area, state: state)
        let tableHeight = tableHeight(area, state: state)
        table.render(rows(state), into: &buffer, rect: Rect(x: area.x, y: area.y, width: area.width, height: tableHeight), theme: theme)
        if system == nil {
            buffer.put("  Reading the workspace status…", x: area.x, y: area.y + 1, style: theme[.muted], limit: area.maxX - 1)
        }
        var y = area.y + tableHeight
        let sparkRows = Self.activityRows(area)
        if let system { ActivitySparklines.render(system.activity, into: &buffer, rect: Rect(x: area.x + 2, y: y, width: area.width - 3, height: sparkRows), theme: theme) }
        y += sparkRows
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
