import FlowRunner
import TerminalUI
import TextFormats

/// Two runs compared step by step: each step's status and output (or error) in the first and the second run side by
/// side, the steps that differ marked (`≠` status, `~` outputs, `<` only in the first, `>` only in the second).
struct RunCompareScreen: Screen {
    let first: String
    let second: String
    /// Only the steps that differ.
    var differencesOnly = false
    var table = Table(columns: [TableColumn("", width: 1), TableColumn("Step", width: 24), TableColumn("First"), TableColumn("Second")])

    enum Action: Sendable { case move, differences, first, second, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 5),
        KeyBinding([.character("x")], "x", "differences", help: "only the steps that differ (on / off)", priority: 2, .differences),
        KeyBinding([.character("1")], "1", "first run", help: "the first run's detail", priority: 3, .first),
        KeyBinding([.character("2")], "2", "second run", help: "the second run's detail", priority: 4, .second),
        Common.back(.back, keys: [.escape, .left]),
    ])

    var title: String { "Compare \(first.prefix(8)) · \(second.prefix(8))" }
    var bindings: [KeyHint] { Self.keys.hints }

    private func rows(_ comparison: RunComparison?, width: Int) -> [TableRow] {
        guard let comparison else { return [] }
        let outcomeWidth = max(8, (width - 30) / 2)
        return (differencesOnly ? comparison.differences : comparison.rows).map { row in
            TableRow(id: row.step, [Self.mark(row.change), row.step, RunComparison.outcome(row.first, width: outcomeWidth),
                                    RunComparison.outcome(row.second, width: outcomeWidth)])
        }
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let area = bodyArea(state.size)
        let all = rows(state.live.comparison, width: area.width)
        switch Self.keys.action(for: key) {
        case .move: _ = table.handle(key, rows: all, height: area.height - 3)
        case .differences:
            differencesOnly.toggle()
            table.selection = ListSelection()
        case .first:
            state.perform(.loadRunDetail(id: first))
            return .push(RunDetailScreen(runId: first))
        case .second:
            state.perform(.loadRunDetail(id: second))
            return .push(RunDetailScreen(runId: second))
        case .back: return .pop
        case nil: break
        }
        return .stay
    }

    static func mark(_ change: RunComparison.Change) -> String {
        switch change {
        case .same: " "
        case .status: "≠"
        case .outputs: "~"
        case .onlyFirst: "<"
        case .onlySecond: ">"
        }
    }

    private static func describe(_ run: RunRecord) -> String {
        "\(run.id.prefix(8))  \(run.flowName) v\(run.flowVersion)  \(run.status.rawValue)  \(TimeText.short(run.startedAt ?? run.queuedAt))"
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        guard let comparison = state.live.comparison, comparison.first.id.hasPrefix(first), comparison.second.id.hasPrefix(second) else {
            buffer.put("Reading the two runs…", x: area.x + 2, y: area.y + 1, style: theme[.muted], limit: area.maxX - 1)
            return
        }
        buffer.put("First:  " + Self.describe(comparison.first), x: area.x + 1, y: area.y, style: theme[.title], limit: area.maxX - 1)
        buffer.put("Second: " + Self.describe(comparison.second), x: area.x + 1, y: area.y + 1, style: theme[.title], limit: area.maxX - 1)
        let summary = "\(comparison.differences.count) of \(comparison.rows.count) step(s) differ" + (differencesOnly ? " (shown: differences only)" : "")
        buffer.put(summary, x: area.x + 1, y: area.y + 2, style: comparison.differences.isEmpty ? theme[.success] : theme[.warning], limit: area.maxX - 1)
        table.render(rows(comparison, width: area.width), into: &buffer, rect: area.dropTop(3), theme: theme)
    }
}
