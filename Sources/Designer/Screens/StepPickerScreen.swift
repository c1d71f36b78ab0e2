import FlowModel
import TerminalUI

/// The step picker: every step type grouped as the catalog groups them, filtered as you type; Enter adds the
/// step at the chosen place and opens its form.
struct StepPickerScreen: Screen, EditorScreen, TextInputScreen {
    var placement: Placement
    var list = FilterableList(items: Catalog.steps.map { ListItem($0.displayName, detail: $0.description, group: $0.group.rawValue) }, typeToFilter: true)

    init(placement: Placement) { self.placement = placement }

    enum Action: Sendable { case add, back }

    static let keys = KeyMap<Action>([
        KeyBinding([], "type", "filter", help: "letters (j and k too) narrow the list by name and description", priority: 3, .back),
        ListKeys.arrowBinding(.back, priority: 4),
        KeyBinding([.enter], "Enter", "add", help: "add the selected step and open its form", priority: 2, .add),
        KeyBinding([.escape], "Esc", "back", help: "clear the filter, else back to the canvas", priority: 1, .back),
    ])

    var title: String { "Add a step" }
    var bindings: [KeyHint] { Self.keys.hints }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if Self.keys.action(for: key) == .add {
            guard let index = list.selectedItemIndex, let document = state.document else { return .stay }
            let spec = Catalog.steps[index]
            let step = StepParameters.newStep(spec, in: document.flow.definition, connections: state.connections)
            let where_ = placement
            state.document?.edit { flow in StepTree.insert(step, at: where_, in: &flow.definition) }
            state.document?.selected = step.name
            // The form edits the step as inserted: its runAfter names the step it was added after, and applying
            // the form must not turn it into a parallel branch.
            let inserted = state.document?.flow.definition.step(named: step.name) ?? step
            return .replace(StepFormScreen(step: inserted, state: state))
        }
        if list.handle(key, height: listRect(bodyArea(state.size)).height) { return .stay }
        return key == .escape ? .pop : .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let place: String = switch placement {
        case .after(let name): "after \(name)"
        case .start(let branch?): "first in \(branch.container) (\(Self.title(of: branch, state)))"
        case .start(nil): "as the first step"
        case .beside(let name): "in parallel with \(name)"
        }
        buffer.put("Choose an action to add \(place) — type to search", x: area.x + 2, y: area.y, style: state.theme[.muted], limit: area.maxX)
        list.render(into: &buffer, rect: listRect(area), theme: state.theme)
    }

    /// A branch as the canvas titles it (If yes, If no, Case 3, Default, Inside).
    private static func title(of branch: BranchRef, _ state: DesignerState) -> String {
        guard let container = state.document?.flow.definition.step(named: branch.container) else { return branch.branch }
        return EditorActions.branchTitle(branch.branch, of: container.type)
    }

    private func listRect(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y + 2, width: area.width - 4, height: area.height - 2) }
}
