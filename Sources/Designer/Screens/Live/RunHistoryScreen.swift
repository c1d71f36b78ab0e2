import TextFormats
import FlowExpressions
import FlowRunner
import Foundation
import TerminalUI

/// Run history: the runs of one flow or of all flows (start, duration, status, flow, trigger summary), filtered by
/// failed only, flow, trigger, time window and words in the steps, read from the database a page at a time as the
/// list is scrolled; two runs marked and compared step by step.
struct RunHistoryScreen: LiveScreen {
    /// Runs read per page; the next page is read when the selection comes near the end of the loaded ones.
    static let pageSize = 100
    /// The most runs a refresh re-reads at once (the pages scrolled through so far, up to this).
    static let reloadCap = 1_000
    let flowId: String?
    var filter = RunHistoryFilter()
    /// The search being typed (`s`); nil when not typing.
    var searchField: TextField?
    /// The run marked for comparison (`m`).
    var marked: String?
    var table = Table(columns: [TableColumn("Start", width: 14), TableColumn("Took", width: 8), TableColumn("Status", width: 10),
                                TableColumn("Flow", width: 22), TableColumn("Trigger")])

    init(flowId: String? = nil, failedOnly: Bool = false) {
        self.flowId = flowId
        filter.flowId = flowId
        filter.failedOnly = failedOnly
    }

    /// Asks for the first page (as the screen is pushed, so its first frame already has its runs).
    func load(_ state: inout DesignerState) {
        Self.requestFirstPage(filter, key: listKey, limit: Self.pageSize, &state)
    }

    enum Action: Sendable { case move, open, resubmit, canvas, find, failed, search, flow, trigger, window, clear, mark, compare, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 9),
        KeyBinding([.enter, .right], "Enter", "detail", help: "the run's detail (the selection stays on its run as runs arrive)", priority: 2, .open),
        KeyBinding([.character("f")], "f", "failed", help: "failed runs only (on / off)", priority: 3, .failed),
        KeyBinding([.character("s")], "s", "search", help: "search the steps' inputs, outputs and errors (words; word* for a prefix; empty clears)", priority: 4, .search),
        KeyBinding([.character("l")], "l", "flow", help: "filter by flow (cycles through the flows)", priority: 7, .flow),
        KeyBinding([.character("t")], "t", "trigger", help: "filter by the event type that caused the run (cycles)", priority: 7, .trigger),
        KeyBinding([.character("w")], "w", "window", help: "time window: last 1h, 24h, 7d, 30d, any (cycles)", priority: 7, .window),
        KeyBinding([.character("x")], "x", "clear", help: "clear the filters", priority: nil, .clear),
        KeyBinding([.character("c")], "c", "canvas", help: "the run on the canvas: the flow as it was when the run started, cards coloured by status", priority: 6, .canvas),
        KeyBinding([.character("m")], "m", "mark", help: "mark the run to compare (again: unmark)", priority: 5, .mark),
        KeyBinding([.character("d")], "d", "compare", help: "compare the marked run with the selected one, step by step", priority: 6, .compare),
        KeyBinding([.character("r")], "r", "resubmit", help: "resubmit the run (same trigger event)", priority: 8, .resubmit),
        ListKeys.findBinding(.find, priority: nil),
        Common.back(.back, keys: [.escape, .left]),
    ])

    /// The keys while a search is typed.
    static let searchHints = [KeyHint("Enter", "search", help: "search for the typed words (empty: no search)", priority: 1),
                              KeyHint("Esc", "cancel", help: "leave the search as it was", priority: 2)]

    var title: String { flowId.map { "Runs of \($0)" } ?? "Runs" }
    var takesTextInput: Bool { table.find.isTyping || searchField != nil }
    var bindings: [KeyHint] { searchField != nil ? Self.searchHints : table.find.isTyping ? FindKeys.hints : Self.keys.hints }

    /// Whose listing this screen shows: its flow scope and filters (a list loaded for another screen is not shown).
    private var listKey: String { "\(flowId ?? "*")|\(filter)" }

    func poll(_ state: inout DesignerState) {
        let list = state.live.runList
        guard list.requestedKey != listKey || state.live.changed(since: state.live.runsRevision, ticks: state.ticks) else { return }
        let limit = list.key == listKey ? min(Self.reloadCap, max(Self.pageSize, list.runs.count)) : Self.pageSize
        Self.requestFirstPage(filter, key: listKey, limit: limit, &state)
    }

    private static func requestFirstPage(_ filter: RunHistoryFilter, key: String, limit: Int, _ state: inout DesignerState) {
        state.live.runsRevision = state.live.revision
        state.live.runList.requestedKey = key
        state.live.runList.loading = true
        state.perform(.loadRunPage(filter.query(limit: limit, now: Date()), append: false))
    }

    /// Reads the next page when the selection is within a few rows of the loaded end.
    private func requestNextPageIfNear(_ state: inout DesignerState) {
        let list = state.live.runList
        guard list.key == listKey, !list.loading, let next = list.next, var query = list.query,
              table.selection.index >= list.runs.count - 5 else { return }
        query.after = next
        state.live.runList.loading = true
        state.perform(.loadRunPage(query, append: true))
    }

    /// The loaded runs when they are this screen's.
    private func visible(_ state: DesignerState) -> [RunRecord] {
        state.live.runList.key == listKey ? state.live.runList.runs : []
    }

    private func rows(_ state: DesignerState) -> [TableRow] {
        visible(state).map { run in
            var cells = Self.cells(run)
            if run.id == marked { cells[2] = "◆ " + cells[2] }
            return TableRow(id: run.id, cells)
        }
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if searchField != nil { return handleSearch(key, &state) }
        let all = rows(state)
        let height = bodyArea(state.size).height - 1
        if table.find.isTyping || key == .escape, table.handle(key, rows: all, height: height) { return .stay }
        let selected = table.selected(in: all)?.id
        let before = filter
        switch Self.keys.action(for: key) {
        case .move:
            _ = table.handle(key, rows: all, height: height)
            requestNextPageIfNear(&state)
        case .back: return .pop
        case .find: table.startFind()
        case .failed: filter.failedOnly.toggle()
        case .search: searchField = TextField(filter.search ?? "")
        case .flow: if flowId == nil { filter.flowId = MonitorFilter.next(filter.flowId, in: state.flows.map(\.id)) }
            else { state.notify("This list is the runs of \(flowId ?? "") (the run history of all flows filters by flow)", .info) }
        case .trigger: filter.triggerType = MonitorFilter.next(filter.triggerType, in: EventType.allCases)
        case .window: filter.window = RunHistoryFilter.nextWindow(filter.window)
        case .clear:
            filter = RunHistoryFilter()
            filter.flowId = flowId
        case .mark: marked = marked == selected ? nil : selected
        case .compare: return compare(selected, &state)
        case .open:
            guard let selected else { return .stay }
            state.perform(.loadRunDetail(id: selected))
            return .push(RunDetailScreen(runId: selected))
        case .resubmit:
            if let selected { state.perform(.runner(.resubmit(runId: selected))) }
        case .canvas:
            if let selected { state.perform(.runCanvas(.open(runId: selected))) }
        case nil: break
        }
        if filter != before { applyFilter(&state) }
        return .stay
    }

    private mutating func applyFilter(_ state: inout DesignerState) {
        table.selection = ListSelection()
        Self.requestFirstPage(filter, key: listKey, limit: Self.pageSize, &state)
    }

    private mutating func handleSearch(_ key: Key, _ state: inout DesignerState) -> Transition {
        guard var field = searchField else { return .stay }
        switch key {
        case .escape: searchField = nil
        case .enter:
            searchField = nil
            let text = field.text.trimmingCharacters(in: .whitespaces)
            let search = RunQuery.ftsPattern(text) == nil ? nil : text
            if search != filter.search {
                filter.search = search
                applyFilter(&state)
            }
        default:
            _ = field.handle(key)
            searchField = field
        }
        return .stay
    }

    private func compare(_ selected: String?, _ state: inout DesignerState) -> Transition {
        guard let marked else {
            state.notify("Mark a run with m first, then select another and press d", .info)
            return .stay
        }
        guard let selected, selected != marked else {
            state.notify("Select another run than the marked one to compare with", .info)
            return .stay
        }
        state.live.comparison = nil
        state.perform(.loadComparison(first: marked, second: selected))
        return .push(RunCompareScreen(first: marked, second: selected))
    }

    static func cells(_ run: RunRecord) -> [String] {
        [TimeText.short(run.startedAt ?? run.queuedAt), TimeText.duration(run.duration), run.status.rawValue, run.flowName, TriggerSummary.text(run)]
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let list = state.live.runList
        let runs = visible(state)
        if let searchField {
            let x = buffer.put("Search steps: ", x: area.x + 1, y: area.y, style: theme[.title], limit: area.maxX - 1)
            searchField.render(into: &buffer, rect: Rect(x: x, y: area.y, width: max(1, area.maxX - 1 - x), height: 1), theme: theme, focused: true)
        } else {
            let count = list.key == listKey && list.next != nil ? "\(runs.count)+ runs" : "\(runs.count) run(s)"
            let names = Dictionary(state.flows.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
            var note = "\(count)\(flowId == nil && filter.flowId == nil ? " of all flows" : "") · filter: \(filter.describe { names[$0] ?? $0 })"
            if let marked { note += " · marked \(marked.prefix(8))" }
            let style = filter.isEmpty ? theme[.muted] : theme[.warning]
            buffer.put(note, x: area.x + 1, y: area.y, style: style, limit: area.maxX - 1)
        }
        let rows = rows(state)
        table.render(rows, into: &buffer, rect: area.dropTop(1), theme: theme)
        if rows.isEmpty, list.key == listKey, !list.loading {
            let text = filter.isEmpty ? "No runs yet." : "No runs match the filter (c clears it)."
            buffer.put(text, x: area.x + 2, y: area.y + 3, style: theme[.muted], limit: area.maxX - 1)
        }
    }
}

/// One line about what triggered a run: its subject and value, or its origin.
enum TriggerSummary {
    static func text(_ run: RunRecord) -> String {
        let body = run.triggerOutputs["body"] ?? run.triggerOutputs
        var parts: [String] = []
        for key in ["dataSourceName", "segmentName", "measureName"] { if let text = body[key]?.stringValue { parts.append(text) } }
        for key in ["currentCount", "currentValue"] { if let value = body[key]?.doubleValue { parts.append("= " + NumberText.plain(value)) } }
        if let error = body["errorMessage"]?.stringValue { parts.append(error) }
        if run.origin != .event { parts.insert(run.dryRun ? "\(run.origin), dry run" : run.origin.rawValue, at: 0) }
        return parts.isEmpty ? "-" : parts.joined(separator: " ")
    }
}
