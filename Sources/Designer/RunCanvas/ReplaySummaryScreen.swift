import FlowExpressions
import FlowModel
import FlowRunner
import TerminalUI
import TextFormats

/// "Replay the last N events": for each recorded event, whether the draft's trigger fires, the draft's dry run and
/// what it would have sent, next to what the saved version did. Enter shows a row's dry run on the canvas.
struct ReplaySummaryScreen: Screen {
    let report: ReplayReport
    var table = Table(columns: Self.columns(width: 120))

    /// The columns for a screen `width` wide (narrower below 120; the pane under the table spells the row out).
    static func columns(width: Int) -> [TableColumn] {
        let wide = width >= 120
        return [TableColumn("Event", width: 14), TableColumn("Subject", width: wide ? 16 : 12), TableColumn("Draft fires", width: wide ? 30 : 12),
                TableColumn("Draft run", width: 10), TableColumn("Saved version", width: wide ? 16 : 12), TableColumn("Would send")]
    }

    /// Rows the pane under the table takes: the selected event's reason, outcomes and messages in full.
    static let paneHeight = 4

    enum Action: Sendable { case move, open, find, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 5),
        KeyBinding([.enter], "Enter", "on canvas", help: "the draft's dry run for this event on the canvas", priority: 2, .open),
        ListKeys.findBinding(.find, priority: 3),
        Common.back(.back, keys: [.escape, .left]),
    ])

    var title: String { "Replay" }
    var takesTextInput: Bool { table.find.isTyping }
    var bindings: [KeyHint] { table.find.isTyping ? FindKeys.hints : Self.keys.hints }

    private var rows: [TableRow] { report.results.map { TableRow(id: $0.event.id, Self.cells($0)) } }

    static func cells(_ result: ReplayResult) -> [String] {
        let subject = [result.event.subject, result.event.value.map { "= " + NumberText.plain($0) }].compactMap { $0 }.joined(separator: " ")
        return [TimeText.short(result.event.receivedAt), subject.isEmpty ? "-" : subject, result.fires ? "yes" : "no: " + result.reason,
                result.draftOutcome, result.savedOutcome, result.sendsSummary]
    }

    /// The counts line: how many events, how many the draft fires for, how many the saved version ran for.
    static func counts(_ results: [ReplayResult]) -> String {
        let fires = results.filter(\.fires).count
        let saved = results.filter { !$0.savedRuns.isEmpty }.count
        let differ = results.filter { $0.fires != !$0.savedRuns.isEmpty }.count
        return "\(results.count) event(s): draft fires \(fires), saved version ran \(saved)" + (differ > 0 ? " · \(differ) differ" : "")
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let all = rows
        let height = bodyArea(state.size).height - 2 - Self.paneHeight
        if table.find.isTyping || key == .escape, table.handle(key, rows: all, height: height) { return .stay }
        switch Self.keys.action(for: key) {
        case .move: _ = table.handle(key, rows: all, height: height)
        case .find: table.startFind()
        case .back: return .pop
        case .open:
            guard let id = table.selected(in: all)?.id, let result = report.results.first(where: { $0.event.id == id }) else { return .stay }
            guard let data = report.canvas(result) else {
                state.notify("The draft did not fire for this event (\(result.reason)): nothing ran", .info)
                return .stay
            }
            return .push(RunCanvasScreen(data))
        case nil: break
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        buffer.put(Self.counts(report.results) + " · replayed dry, nothing sent: \(report.draft.displayName)", x: area.x + 1, y: area.y,
                   style: theme[.title], limit: area.maxX - 1)
        var sized = table
        sized.columns = Self.columns(width: area.width)
        let all = rows
        sized.render(all, into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - Self.paneHeight), theme: theme)
        guard let id = table.selected(in: all)?.id, let result = report.results.first(where: { $0.event.id == id }) else { return }
        let text = "Event \(result.event.id.prefix(8)): the draft \(result.fires ? "fires" : "does not fire")\(result.reason == "fires" ? "" : " (\(result.reason))"); its dry run: \(result.draftOutcome)"
            + (result.run?.errorMessage.map { " — " + $0 } ?? "") + "; the saved version: \(result.savedOutcome). Would send: \(result.sendsSummary)"
        let pane = Rect(x: area.x + 1, y: area.maxY - Self.paneHeight, width: area.width - 2, height: Self.paneHeight)
        buffer.put(String(repeating: theme.glyphs.horizontal, count: pane.width), x: pane.x, y: pane.y, style: theme[.border], limit: pane.maxX)
        for (row, line) in TextWrap.lines(text, width: pane.width).prefix(pane.height - 1).enumerated() {
            buffer.put(line, x: pane.x, y: pane.y + 1 + row, style: theme[.text], limit: pane.maxX)
        }
    }
}
