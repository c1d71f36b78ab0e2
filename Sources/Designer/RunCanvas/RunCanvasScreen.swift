import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import TerminalUI
import TextFormats

/// A run on the canvas, read-only: the flow as it ran, every card coloured by its step's status with duration,
/// attempts and a one-line output summary; loops browse their iterations (`[` `]`, `F` for the next failed one) and
/// the cards inside show that iteration's records; Enter shows a step's inputs and outputs in full.
struct RunCanvasScreen: Screen {
    let data: RunCanvasData
    let overlay: RunOverlay
    /// The selected card (nil: the trigger).
    var selected: String?
    /// The chosen iteration of each loop, by loop name.
    var chosen: [String: Int] = [:]
    var scroll = 0

    init(_ data: RunCanvasData) {
        self.data = data
        overlay = RunOverlay(flow: data.flow, records: data.steps)
        // Start at the first failed step, where a person looks first.
        selected = data.steps.first { RunOverlay.isFailure($0.status) }?.stepName
        if let failed = data.steps.first(where: { RunOverlay.isFailure($0.status) }), let path = failed.iterationPath {
            chosen = Self.iterations(in: path)
        }
    }

    enum Action: Sendable { case move, open, previous, next, nextFailed, copy, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: nil),
        KeyBinding([.enter, .character("e")], "Enter", "in/out", help: "the selected step's inputs and outputs in full (JSON folded by level)", priority: 2, .open),
        KeyBinding([.character("]")], "]", "next iter", help: "the next iteration of the selected loop (or of the loop around the selected step)", priority: 3, .next),
        KeyBinding([.character("[")], "[", "prev iter", help: "the previous iteration of the selected loop", priority: 4, .previous),
        KeyBinding([.character("F")], "F", "next failed", help: "the next iteration of the loop in which a step failed", priority: 3, .nextFailed),
        KeyBinding([.character("Y")], "Y", "copy", help: "copy the selected step's record (inputs, outputs, error) as JSON to the terminal's clipboard (OSC 52)",
                   priority: nil, .copy),
        Common.back(.back, keys: [.escape, .character("q")]),
    ])

    var title: String { "Run on canvas" }
    var bindings: [KeyHint] { Self.keys.hints }

    /// The loop iterations named in an iteration path (`Outer[2].Inner[0]` → Outer: 2, Inner: 0).
    static func iterations(in path: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for part in path.split(separator: ".") {
            guard let open = part.lastIndex(of: "["), let index = Int(part[part.index(after: open)...].dropLast()) else { continue }
            result[String(part[..<open])] = index
        }
        return result
    }

    static func stamp(_ date: Date) -> String { TimeText.stamp(date) }

    private var items: [CanvasItem] { CanvasLayout.items(data.flow, collapsed: []) }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let selectable = items.filter(\.isSelectable)
        switch Self.keys.action(for: key) {
        case .move:
            var selection = ListSelection(index: selectable.firstIndex { $0.stepName == selected } ?? 0)
            if selection.handle(key, count: selectable.count, page: max(1, (state.size.height - 5) / CanvasLayout.cardHeight)) {
                selected = selectable[selection.index].stepName
            }
        case .open:
            guard let record = record(selected) else {
                state.notify("\(selected ?? "The trigger") did not run in this \(chosenNote(selected))", .info)
                return .stay
            }
            return .push(StepIOScreen(record: record))
        case .next, .previous, .nextFailed: browse(Self.keys.action(for: key) ?? .next, &state)
        case .copy:
            guard let record = record(selected) else { return .stay }
            state.sendToTerminalClipboard(StepIOScreen.document(record).jsonText(pretty: true), what: "\(record.stepName)'s inputs and outputs")
        case .back: return .pop
        case nil: break
        }
        return .stay
    }

    /// `[`, `]`, `F` on the loop of the selected card.
    private mutating func browse(_ action: Action, _ state: inout DesignerState) {
        guard let loop = overlay.loop(for: selected) else {
            state.notify("Select a loop (Apply to each, Do until) or a step inside one to browse its iterations", .info)
            return
        }
        let all = overlay.iterations(of: loop, chosen: chosen)
        guard let current = overlay.current(loop, chosen: chosen), let position = all.firstIndex(of: current) else {
            state.notify("\(loop) ran no iterations in this run", .info)
            return
        }
        switch action {
        case .next: chosen[loop] = all[min(all.count - 1, position + 1)]
        case .previous: chosen[loop] = all[max(0, position - 1)]
        default:
            let failed = overlay.failedIterations(of: loop, chosen: chosen)
            guard let next = failed.first(where: { $0 > current }) ?? failed.first else {
                state.notify("No iteration of \(loop) failed", .info)
                return
            }
            if next <= current { state.notify("Back to the first failed iteration of \(loop)", .info) }
            chosen[loop] = next
        }
    }

    /// The record shown on a card (the trigger: the run's trigger outputs).
    func record(_ step: String?) -> StepRecord? {
        guard let step else {
            let name = data.flow.trigger?.name ?? "Trigger"
            return StepRecord(runId: data.run.id, stepName: name, path: "$.definition.triggers.\(name)", status: .succeeded, startedAt: data.run.queuedAt,
                              finishedAt: data.run.queuedAt, outputs: data.run.triggerOutputs)
        }
        return overlay.record(step, chosen: chosen)
    }

    private func chosenNote(_ step: String?) -> String {
        guard let step, let loops = overlay.loops[step], !loops.isEmpty else { return "run" }
        return "iteration (" + (overlay.path(loops, chosen: chosen) ?? "") + ")"
    }

    /// What a card shows of the run.
    func status(_ item: CanvasItem) -> CardStatus? {
        switch item.kind {
        case .trigger:
            return CardStatus(text: "Fired · " + TriggerSummary.text(data.run), role: .success)
        case .step(let name):
            let record = overlay.record(name, chosen: chosen)
            let type = item.step?.type
            return CardStatus(text: RunOverlay.cardLine(record, type: type), role: Self.role(record?.status), header: loopHeader(name))
        default: return nil
        }
    }

    /// A loop card's iteration: `⟳ iteration 3 of 10 · 2 failed  [ ] F`.
    private func loopHeader(_ name: String) -> String? {
        guard data.flow.definition.step(named: name)?.type.isLoop == true else { return nil }
        let all = overlay.iterations(of: name, chosen: chosen)
        guard let current = overlay.current(name, chosen: chosen), let position = all.firstIndex(of: current) else { return "⟳ no iterations" }
        let failed = overlay.failedIterations(of: name, chosen: chosen).count
        return "⟳ iteration \(position + 1) of \(all.count)" + (failed > 0 ? " · \(failed) failed" : "")
    }

    static func role(_ status: StepStatus?) -> ThemeRole {
        switch status {
        case .succeeded: .success
        case .failed, .timedOut, .aborted: .error
        case .cancelled, .running: .warning
        case .skipped, nil: .muted
        }
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let run = data.run
        let head = "\(data.flow.displayName) · \(data.source)"
        buffer.putLine(" " + head, in: area.top(1), style: theme[.title])
        var line = "\(run.status.rawValue)\(run.dryRun ? " (dry run)" : "") · started \(TimeText.stamp(run.startedAt ?? run.queuedAt)) · took \(TimeText.duration(run.duration))"
        line += " · run \(run.id.prefix(8))"
        buffer.put(" " + line, x: area.x, y: area.y + 1, style: theme[Self.runRole(run.status)], limit: area.maxX - 1)
        var top = area.y + 2
        for (text, role) in [(data.warning, ThemeRole.warning), (run.errorMessage.map { "Error: " + $0 }, .error)] {
            guard let text, top < area.maxY - 3 else { continue }
            buffer.put(" " + text, x: area.x, y: top, style: theme[role], limit: area.maxX - 1)
            top += 1
        }
        let canvas = Rect(x: area.x, y: top, width: area.width, height: area.maxY - top)
        let items = items
        let viewTop = visibleTop(items, height: canvas.height)
        var clipped = CellBuffer(size: Size(width: canvas.width, height: canvas.height), style: theme[.text])
        let local = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        for item in items where item.top + item.height > viewTop && item.top < viewTop + canvas.height {
            let isSelected = item.isSelectable && item.stepName == selected
            CardRenderer.draw(item, flow: data.flow, selected: isSelected, issues: [], at: item.top - viewTop, area: local, into: &clipped, theme: theme,
                              status: status(item))
        }
        buffer.blit(clipped, x: canvas.x, y: canvas.y)
        var indicator = ScrollView()
        indicator.scroll(by: viewTop, height: canvas.height, count: CanvasLayout.height(items))
        indicator.drawIndicator(into: &buffer, rect: canvas, count: CanvasLayout.height(items), theme: theme)
    }

    /// The first canvas row shown: just enough scroll to show the selected card.
    private func visibleTop(_ items: [CanvasItem], height: Int) -> Int {
        var top = min(scroll, max(0, CanvasLayout.height(items) - height))
        if let card = items.first(where: { $0.isSelectable && $0.stepName == selected }) {
            if card.top < top { top = card.top }
            if card.top + card.height > top + height { top = card.top + card.height - height }
        }
        return max(0, top)
    }

    private static func runRole(_ status: RunStatus) -> ThemeRole {
        switch status {
        case .succeeded: .success
        case .failed, .timedOut, .aborted: .error
        default: .warning
        }
    }
}
