import FlowRunner
import TerminalUI

/// Monitor: the live feed of events and the runs they caused, newest on top, with filters, pause and sparklines.
struct MonitorScreen: LiveScreen {
    /// How many of the newest events and runs the feed reads.
    static let feedLimit = 300
    var table = Table(columns: [TableColumn("Time", width: 8), TableColumn("What", width: 14), TableColumn("Subject / flow"),
                                TableColumn("Value / status", width: 16), TableColumn("Took", width: 8)])
    var filter = MonitorFilter()
    /// The feed frozen while paused.
    var frozen: MonitorFeed?
    /// Set when opened from a flow (its runs only).
    init(flowId: String? = nil) { filter.flowId = flowId }

    enum Action: Sendable { case move, open, canvas, pause, flow, type, status, clear, history, find, back }

    /// The keys; the pause label follows the feed's state.
    var keys: KeyMap<Action> {
        KeyMap([
            ListKeys.binding(.move, priority: nil),
            KeyBinding([.enter, .right], "Enter", "run", help: "open the selected run (the selection stays on its row as events arrive)", priority: 2, .open),
            KeyBinding([.character(" "), .character("p")], "Space", frozen == nil ? "pause" : "resume", help: "pause / resume the live feed (also p)", priority: 3, .pause),
            ListKeys.findBinding(.find, priority: 4),
            KeyBinding([.character("f")], "f", "flow", help: "filter by flow (cycles; runs of that flow and their events)", priority: 6, .flow),
            KeyBinding([.character("t")], "t", "type", help: "filter by event type (cycles)", priority: 7, .type),
            KeyBinding([.character("s")], "s", "status", help: "filter by run status (cycles)", priority: 7, .status),
            KeyBinding([.character("c")], "c", "canvas", help: "the selected run on the canvas, as its flow was when the run started", priority: nil, .canvas),
            KeyBinding([.character("x")], "x", "clear", help: "clear the filters", priority: nil, .clear),
            KeyBinding([.character("h")], "h", "history", help: "run history (of the filtered flow)", priority: 5, .history),
            Common.back(.back, keys: [.escape, .left]),
        ])
    }

    var title: String { "Monitor" }
    var takesTextInput: Bool { table.find.isTyping }
    var bindings: [KeyHint] { table.find.isTyping ? FindKeys.hints : keys.hints }

    func poll(_ state: inout DesignerState) {
        guard frozen == nil, state.live.changed(since: state.live.feedRevision, ticks: state.ticks) else { return }
        state.live.feedRevision = state.live.revision
        state.perform(.loadFeed(limit: Self.feedLimit))
    }

    /// The table's rows for the shown feed.
    func rows(_ state: DesignerState) -> [MonitorRow] { MonitorRows.build(frozen ?? state.live.feed, filter: filter) }

    private func tableRows(_ rows: [MonitorRow]) -> [TableRow] { rows.map { TableRow(id: $0.id, $0.cells) } }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let rows = rows(state)
        let all = tableRows(rows)
        let height = layout(bodyArea(state.size), feed: frozen ?? state.live.feed).table.height
        if table.find.isTyping || key == .escape, table.handle(key, rows: all, height: height) { return .stay }
        switch keys.action(for: key) {
        case .move:
            _ = table.handle(key, rows: all, height: height)
            // On the top row the feed stays live (the newest event is selected); below it the view holds still.
            if table.selection.index == 0 { table.selection.anchor = nil }
        case .back: return .pop
        case .find: table.startFind()
        case .pause:
            frozen = frozen == nil ? state.live.feed : nil
            if frozen == nil { state.perform(.loadFeed(limit: Self.feedLimit)) }
        case .flow: filter.flowId = MonitorFilter.next(filter.flowId, in: state.flows.map(\.id))
        case .type: filter.eventType = MonitorFilter.next(filter.eventType, in: EventType.allCases)
        case .status: filter.status = MonitorFilter.next(filter.status, in: RunStatus.allCases)
        case .clear: filter = MonitorFilter()
        case .history:
            let screen = RunHistoryScreen(flowId: filter.flowId)
            screen.load(&state)
            return .push(screen)
        case .canvas:
            guard let selected = table.selected(in: all), let id = rows.first(where: { $0.id == selected.id })?.runId else {
                state.notify("Select a run (a ↳ row under the event that fired it) to see it on the canvas", .info)
                return .stay
            }
            state.perform(.runCanvas(.open(runId: id)))
        case .open:
            guard let selected = table.selected(in: all) else { return .stay }
            guard let id = rows.first(where: { $0.id == selected.id })?.runId else {
                state.notify("That row is an event: Enter opens a run (the ↳ run rows under the events that fired a flow)", .info)
                return .stay
            }
            state.perform(.loadRunDetail(id: id))
            return .push(RunDetailScreen(runId: id))
        case nil: break
        }
        return .stay
    }

    /// Where the table and the sparklines go: the sparklines take up to a third of the body (one row per series).
    private func layout(_ area: Rect, feed: MonitorFeed) -> (table: Rect, sparkHeight: Int) {
        let series = Sparklines.series(feed)
        let sparkHeight = series.isEmpty ? 0 : min(series.count, max(0, area.height / 3))
        let table = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - (sparkHeight > 0 ? sparkHeight + 1 : 0))
        return (table, sparkHeight)
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let feed = frozen ?? state.live.feed
        let mode = frozen == nil ? "● live" : "❚❚ paused"
        let header = "\(mode)  events \(feed.eventTotal) · runs \(feed.runTotal)  filter: \(filter.describe(flows: state.flows))"
        buffer.put(header, x: area.x + 1, y: area.y, style: frozen == nil ? theme[.success] : theme[.warning], limit: area.maxX - 1)
        let (tableRect, sparkHeight) = layout(area, feed: feed)
        table.render(tableRows(rows(state)), into: &buffer, rect: tableRect, theme: theme)
        if feed.eventTotal == 0, feed.runTotal == 0 {
            buffer.put("Nothing yet: events and runs appear here as the workspace refreshes.", x: area.x + 2, y: area.y + 3,
                       style: theme[.muted], limit: area.maxX - 1)
        }
        if sparkHeight > 0 {
            let top = tableRect.maxY
            buffer.put("Recent values (bars over a flow's threshold are highlighted)", x: area.x + 1, y: top, style: theme[.muted], limit: area.maxX - 1)
            Sparklines.render(feed, flows: state.flows, into: &buffer,
                              rect: Rect(x: area.x + 1, y: top + 1, width: area.width - 2, height: sparkHeight), theme: theme)
        }
    }
}
