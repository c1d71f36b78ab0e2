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
            return MenuItem("\(issue.severity == .error ? "error" : "warning")  \(place)\(issue.field.map { ".\($0)" } ?? "")", detail: issue.message)
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

    /// Rows under the list for the selected issue's whole message (wrapped) and its path.
    static let detailHeight = 5

    private func menuRect(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: max(1, area.height - 2 - Self.detailHeight))
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
        guard let index = menu.selectedIndex, issues.indices.contains(index) else { return }
        let issue = issues[index]
        let detail = Rect(x: area.x + 2, y: list.maxY + 1, width: area.width - 4, height: max(0, area.maxY - list.maxY - 1))
        // The path wraps too (a long JSON path is never cut at the edge); the message gets the rows above it.
        let path = TextWrap.lines(issue.path, width: detail.width).prefix(max(1, detail.height - 1))
        let message = TextWrap.lines(issue.message, width: detail.width).prefix(max(0, detail.height - path.count))
        let lines = message.map { ($0, ThemeRole.text) } + path.map { ($0, ThemeRole.muted) }
        for (row, (line, role)) in lines.prefix(detail.height).enumerated() {
            buffer.put(line, x: detail.x, y: detail.y + row, style: state.theme[role], limit: detail.maxX)
        }
    }
}
