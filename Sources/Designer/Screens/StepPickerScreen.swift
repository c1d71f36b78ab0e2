import FlowModel
import TerminalUI

/// The step picker: every step type grouped as the catalog groups them, filtered as you type; Enter adds the
/// step at the chosen place and opens its form.
struct StepPickerScreen: Screen, EditorScreen, TextInputScreen {
    var placement: Placement
    var list = FilterableList(items: Catalog.steps.map { ListItem($0.displayName, detail: $0.description, group: $0.group.rawValue) }, typeToFilter: true)

    init(placement: Placement) { self.placement = placement }

    var title: String { "Add a step" }
    var hints: [KeyHint] { [KeyHint("type", "filter"), CommonHints.move, KeyHint("Enter", "add"), CommonHints.back] }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        if key == .enter {
            guard let index = list.selectedItemIndex, let document = state.document else { return .stay }
            let spec = Catalog.steps[index]
            let step = StepParameters.newStep(spec, in: document.flow.definition, connections: state.connections)
            let where_ = placement
            state.document?.edit { flow in StepTree.insert(step, at: where_, in: &flow.definition) }
            state.document?.selected = step.name
            return .replace(StepFormScreen(step: step, state: state))
        }
        if list.handle(key) { return .stay }
        return key == .escape ? .pop : .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let place: String = switch placement {
        case .after(let name): "after \(name)"
        case .start(let branch?): "first in \(branch.container) (\(branch.branch))"
        case .start(nil): "as the first step"
        }
        buffer.put("Choose an action to add \(place) — type to search", x: area.x + 2, y: area.y, style: state.theme[.muted], limit: area.maxX)
        var copy = list
        copy.render(into: &buffer, rect: Rect(x: area.x + 2, y: area.y + 2, width: area.width - 4, height: area.height - 2), theme: state.theme)
    }
}
