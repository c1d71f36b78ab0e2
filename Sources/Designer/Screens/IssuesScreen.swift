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

    var title: String { "Issues" }
    var hints: [KeyHint] { [CommonHints.move, KeyHint("Enter", "go to step"), CommonHints.back] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if menu.handle(key) { return .stay }
        switch key {
        case .escape: return .pop
        case .enter:
            guard issues.indices.contains(menu.selection.index), let document = state.document else { return .stay }
            let issue = issues[menu.selection.index]
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
        default: return .stay
        }
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let errors = issues.filter { $0.severity == .error }.count
        let summary = errors > 0 ? "\(errors) error(s): the flow is saved Off and cannot be turned On until they are fixed" : "Warnings only: the flow can be turned On"
        buffer.put(summary, x: area.x + 2, y: area.y, style: state.theme[errors > 0 ? .error : .warning], limit: area.maxX)
        var copy = menu
        copy.render(into: &buffer, rect: Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: area.height - 2), theme: state.theme)
    }
}
