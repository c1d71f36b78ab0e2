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

    var title: String { "Monitor" }
    var hints: [KeyHint] {
        [KeyHint("Enter", "run"), KeyHint("Space", frozen == nil ? "pause" : "resume"), KeyHint("f/t/s", "filter"), KeyHint("h", "history"), CommonHints.back]
    }

    func poll(_ state: inout DesignerState) {
        if frozen == nil { state.perform(.loadFeed(limit: Self.feedLimit)) }
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let rows = MonitorRows.build(frozen ?? state.live.feed, filter: filter)
        table.rows = rows.map(\.cells)
        if table.handle(key, page: max(1, state.size.height - 10)) { return .stay }
        switch key {
        case .escape, .left: return .pop
        case .character(" "), .character("p"):
            frozen = frozen == nil ? state.live.feed : nil
            if frozen == nil { state.perform(.loadFeed(limit: Self.feedLimit)) }
        case .character("f"): filter.flowId = MonitorFilter.next(filter.flowId, in: state.flows.map(\.id))
        case .character("t"): filter.eventType = MonitorFilter.next(filter.eventType, in: EventType.allCases)
        case .character("s"): filter.status = MonitorFilter.next(filter.status, in: RunStatus.allCases)
        case .character("c"): filter = MonitorFilter()
        case .character("h"):
            state.perform(.loadRuns(flowId: filter.flowId, limit: RunHistoryScreen.limit))
            return .push(RunHistoryScreen(flowId: filter.flowId))
        case .enter, .right:
            guard rows.indices.contains(table.selection.index), let id = rows[table.selection.index].runId else { return .stay }
            state.perform(.loadRunDetail(id: id))
            return .push(RunDetailScreen(runId: id))
        default: break
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let feed = frozen ?? state.live.feed
        let mode = frozen == nil ? "● live" : "❚❚ paused"
        let header = "\(mode)  events \(feed.eventTotal) · runs \(feed.runTotal)  filter: \(filter.describe(flows: state.flows))"
        buffer.put(header, x: area.x + 1, y: area.y, style: frozen == nil ? theme[.success] : theme[.warning], limit: area.maxX - 1)
        let series = Sparklines.series(feed)
        let sparkHeight = series.isEmpty ? 0 : min(series.count, 4, max(0, area.height / 4))
        var copy = table
        copy.rows = MonitorRows.build(feed, filter: filter).map(\.cells)
        let tableRect = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - (sparkHeight > 0 ? sparkHeight + 1 : 0))
        copy.render(into: &buffer, rect: tableRect, theme: theme)
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
