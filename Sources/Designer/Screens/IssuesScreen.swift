import FlowModel
import TerminalUI

/// The checker's findings for the open flow; Enter jumps to the step and field concerned.
struct IssuesScreen: Screen, EditorScreen {
    var issues: [FlowIssue]
    var menu: MenuList

    init(issues: [FlowIssue]) {
        self.issues = issues
        self.menu = MenuList(items: issues.map { issue in
            let place = issue.step ?? (issue.path.contains(".triggers") ? "trigger" : "flow")
            // A step's whole `inputs` has an empty field name: no trailing dot ("Growth_summary.").
            let field = issue.field.flatMap { $0.isEmpty ? nil : "." + $0 } ?? ""
            return MenuItem("\(issue.severity == .error ? "error" : "warning")  \(place)\(field)", detail: issue.message)
        }, titleWidth: 36)
    }

    enum Action: Sendable { case move, go, find, back }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 3),
        KeyBinding([.enter], "Enter", "go to step", help: "open the step (or trigger) at the field concerned", priority: 2, .go),
        ListKeys.findBinding(.find, priority: 4),
        Common.back(.back, keys: [.escape]),
    ])

    var title: String { "Issues" }
    var takesTextInput: Bool { menu.find.isTyping }
    var bindings: [KeyHint] { menu.find.isTyping ? FindKeys.hints : Self.keys.hints }

    /// The selected issue's whole message and its JSON path, wrapped to `width` (path rows last).
    private func detailLines(width: Int) -> [(String, ThemeRole)] {
        guard let index = menu.selectedIndex, issues.indices.contains(index) else { return [] }
        let issue = issues[index]
        return TextWrap.lines(issue.message, width: width).map { ($0, ThemeRole.text) }
            + TextWrap.lines(issue.path, width: width).map { ($0, ThemeRole.muted) }
    }

    /// Rows under the list for the detail: as many as it needs, at least 5 and at most half the body.
    private func detailHeight(_ area: Rect) -> Int {
        min(max(5, detailLines(width: area.width - 4).count + 1), max(5, area.height / 2))
    }

    private func menuRect(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: max(1, area.height - 2 - detailHeight(area)))
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let height = menuRect(bodyArea(state.size)).height
        if menu.find.isTyping || key == .escape, menu.handle(key, height: height) { return .stay }
        switch Self.keys.action(for: key) {
        case .back: return .pop
        case .move: _ = menu.handle(key, height: height)
        case .find: menu.find.start()
        case .go:
            guard let index = menu.selectedIndex, issues.indices.contains(index), let document = state.document else { return .stay }
            let issue = issues[index]
            state.document?.selected = issue.step
            if let name = issue.step, let step = document.flow.definition.step(named: name) {
                return .replace(StepFormScreen(step: step, state: state, focusField: issue.field))
            }
            if issue.path.contains(".triggers"), let trigger = document.flow.trigger {
                var form = TriggerFormScreen.edit(trigger, state: state)
                if let field = issue.field { form.form.focus(on: field) }
                return .replace(form)
            }
            return .pop
        case nil: return .stay
        }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let errors = issues.filter { $0.severity == .error }.count
        let summary = errors > 0 ? "\(errors) error(s): the flow is saved Off and cannot be turned On until they are fixed" : "Warnings only: the flow can be turned On"
        buffer.put(summary, x: area.x + 2, y: area.y, style: state.theme[errors > 0 ? .error : .warning], limit: area.maxX)
        let list = menuRect(area)
        menu.render(into: &buffer, rect: list, theme: state.theme)
        let detail = Rect(x: area.x + 2, y: list.maxY + 1, width: area.width - 4, height: max(0, area.maxY - list.maxY - 1))
        // Message and path wrap (a long JSON path is never cut at the edge); the area grows to fit them.
        let lines = detailLines(width: detail.width)
        for (row, (line, role)) in lines.prefix(detail.height).enumerated() {
            buffer.put(line, x: detail.x, y: detail.y + row, style: state.theme[role], limit: detail.maxX)
        }
    }
}
