import Insights
import TerminalUI

/// Data > Unification: the last unification's match statistics per rule (pairs found, records matched, merges,
/// vetoed merges; deduplication rules with their source), a "why" lookup of two records (together or apart, every
/// rule's verdict with condition scores and the vetoing exception) and the explanation of a profile. The facts come
/// from the workspace's own explanations (`UnificationServices`), as `insightflow workspace matches|why|explain`.
struct UnificationScreen: LiveScreen, PaletteCommands {
    enum Action: Sendable { case move, why, explain, reload, back }

    var selection = ListSelection()

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 6),
        KeyBinding([.character("w")], "w", "why", help: "why are two records together or apart? (type SOURCE:KEY SOURCE:KEY)", priority: 2, .why),
        KeyBinding([.enter, .character("e")], "e Enter", "explain",
                   help: "explain a profile: the one on the selected line, else type its id", priority: 3, .explain),
        KeyBinding([.character("l")], "l", "reload", help: "reload the match statistics", priority: 5, .reload),
        Common.back(.back),
    ])

    /// Re-read the statistics every this many ticks (2 s at 250 ms) when the history moved (a refresh ran).
    static let pollEvery = 8

    var title: String { "Unification" }
    var bindings: [KeyHint] { Self.keys.hints }
    var paletteCommands: [(hint: KeyHint, key: Key)] { Self.keys.commands }

    func poll(_ state: inout DesignerState) {
        guard state.ticks % Self.pollEvery == 0, state.live.changed(since: state.live.unificationRevision, ticks: state.ticks) else { return }
        state.live.unificationRevision = state.live.revision
        state.perform(.unification(.stats))
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let lines = UnificationLines.lines(state.unification, width: bodyArea(state.size).width)
        switch Self.keys.action(for: key) {
        case .move: _ = selection.handle(key, count: lines.count, page: bodyArea(state.size).height)
        case .why: Self.askWhy(state.unification.whyText, problem: nil, &state)
        case .explain:
            selection.clamp(count: lines.count)
            if let id = lines.indices.contains(selection.index) ? lines[selection.index].profileId : nil {
                state.perform(.unification(.explain(customerId: id)))
            } else {
                state.ask("Explain a profile", "Which profile? Its id (CustomerId), e.g. from a why answer or `insightflow segments --members NAME`",
                          answers: [.explain, .cancel], input: TextField(""), for: .explainProfile)
            }
        case .reload: state.perform(.unification(.stats))
        case .back: return .pop
        case nil: break
        }
        return .stay
    }

    /// Opens the why dialog with `text`, and `problem` (what was wrong with the last try) above the question.
    static func askWhy(_ text: String, problem: String?, _ state: inout DesignerState) {
        let sources = state.unification.sources.map(\.name)
        let question = "Two records as SOURCE:KEY SOURCE:KEY, e.g. \(RecordPairInput.example(sources))"
        state.ask("Why together or apart?", problem.map { $0 + "\n\nCorrect the text below:" } ?? question, answers: [.explain, .cancel],
                  input: TextField(text), for: .whyPair)
    }

    /// Reads the why dialog's text: a lookup when both references are good, else the dialog again saying what is wrong.
    static func submitWhy(_ text: String, _ state: inout DesignerState) {
        state.unification.whyText = text
        switch RecordPairInput.parse(text, sources: state.unification.sources.map(\.name)) {
        case .success(let (first, second)): state.perform(.unification(.why(first, second)))
        case .failure(let problem): askWhy(text, problem: problem.message, &state)
        }
    }

    /// Selects the answer's heading so a new answer is in view.
    mutating func revealAnswer(_ state: DesignerState) {
        let lines = UnificationLines.lines(state.unification, width: bodyArea(state.size).width)
        guard let heading = lines.firstIndex(where: { $0.cells == [UnificationLines.answerHeading] }) else { return }
        let page = bodyArea(state.size).height
        selection.index = min(lines.count - 1, heading + 1)
        selection.scroll.reveal(min(lines.count - 1, heading + page - 1), height: page, count: lines.count)
        selection.scroll.reveal(heading, height: page, count: lines.count)
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let lines = UnificationLines.lines(state.unification, width: area.width)
        let columns = Self.columns(width: area.width, stages: lines.filter { $0.cells.count > 1 }.map { $0.cells[1] })
        let visible = selection.visibleRange(height: area.height, count: lines.count)
        for (row, index) in visible.enumerated() {
            let line = lines[index]
            let y = area.y + row
            let selected = index == min(selection.index, lines.count - 1)
            if selected { buffer.putLine("", in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.selection]) }
            let style = selected ? theme[.selection] : theme[line.role]
            if line.cells.count == 1 {
                buffer.put(line.cells[0], x: area.x + 2, y: y, style: style, limit: area.maxX - 1)
                continue
            }
            var x = area.x + 2
            for (column, (cell, width)) in zip(line.cells, columns).enumerated() {
                let text = column >= 2 ? String(repeating: " ", count: max(0, width - 1 - CharacterWidth.of(cell))) + cell : cell
                buffer.put(text, x: x, y: y, style: style, limit: min(area.maxX - 1, x + width - 1))
                x += width
            }
        }
        var indicator = ScrollView()
        indicator.scroll(by: visible.lowerBound, height: area.height, count: lines.count)
        indicator.drawIndicator(into: &buffer, rect: area, count: lines.count, theme: theme)
    }

    /// Column widths of the statistics table: the stage as wide as its longest text (at most 24), four numbers, and
    /// the rule name what they leave (at most 44).
    static func columns(width: Int, stages: [String]) -> [Int] {
        let number = 8
        let stage = min(24, (stages.map(CharacterWidth.of).max() ?? 5) + 2)
        let rule = min(44, max(10, width - 4 - stage - 4 * number))
        return [rule, stage, number, number, number, number]
    }
}
