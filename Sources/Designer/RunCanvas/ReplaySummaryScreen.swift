import FlowExpressions
import FlowModel
import FlowRunner
import TerminalUI
import TextFormats

/// "Replay the last N events": for each recorded event, whether the draft's trigger fires, the draft's dry run and
/// what it would have sent, next to what the saved version did. Enter shows a row's dry run on the canvas.
struct ReplaySummaryScreen: Screen {
    let report: ReplayReport
    var table = Table(columns: [TableColumn("Event", width: 14), TableColumn("Subject", width: 16), TableColumn("Draft fires", width: 30),
                                TableColumn("Draft run", width: 10), TableColumn("Saved version", width: 16), TableColumn("Would send")])

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
        return "\(results.count) event(s): the draft fires for \(fires), the saved version ran for \(saved)" + (differ > 0 ? " · \(differ) differ" : "")
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let all = rows
        let height = bodyArea(state.size).height - 2
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
        buffer.put("Draft of \"\(report.draft.displayName)\" replayed dry (nothing sent) · " + Self.counts(report.results), x: area.x + 1, y: area.y,
                   style: theme[.title], limit: area.maxX - 1)
        table.render(rows, into: &buffer, rect: area.dropTop(1), theme: theme)
    }
}
