import FlowModel
import TerminalUI

/// The Power Automate connector page: the six Customer Insights triggers and the manual trigger with their
/// descriptions, and the user's flows built on the selected trigger. Enter on a trigger creates a flow.
struct ConnectorPageScreen: Screen {
    var triggers = MenuList(items: Catalog.triggers.map { MenuItem($0.displayName) })
    var flowSelection = ListSelection()
    /// True when the flows list (not the triggers) has the focus.
    var flowsFocused = false

    var title: String { "Power Automate" }
    var hints: [KeyHint] {
        flowsFocused ? [CommonHints.move, KeyHint("Enter", "edit flow"), KeyHint("Tab", "triggers"), CommonHints.back]
            : [CommonHints.move, KeyHint("Enter", "new flow"), KeyHint("Tab", "your flows"), CommonHints.back]
    }

    private var selectedKind: TriggerKind { Catalog.triggers[triggers.selection.index].kind }

    private func flows(_ state: DesignerState) -> [Flow] { state.flows.filter { $0.trigger?.kind == selectedKind } }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch key {
        case .escape: return .pop
        case .tab, .backTab:
            flowsFocused.toggle()
            if flowsFocused, flows(state).isEmpty { flowsFocused = false }
            return .stay
        default: break
        }
        if flowsFocused {
            let list = flows(state)
            if flowSelection.handle(key, count: list.count, page: 5) { return .stay }
            if key == .enter || key == .character("e"), list.indices.contains(flowSelection.index) {
                state.perform(.openFlow(id: list[flowSelection.index].id))
            }
            return .stay
        }
        if triggers.handle(key) {
            flowSelection = ListSelection()
            return .stay
        }
        if key == .enter || key == .character("n") { return .push(TriggerFormScreen.newFlow(selectedKind, state: state)) }
        return .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        buffer.put("Customer Insights triggers — pick one to build a flow on it", x: area.x + 2, y: area.y, style: theme[.muted], limit: area.maxX - 1)
        var list = triggers
        list.render(into: &buffer, rect: Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: 7), theme: theme, focused: !flowsFocused)
        let spec = Catalog.trigger(selectedKind)
        let description = Rect(x: area.x + 2, y: area.y + 8, width: area.width - 4, height: 4)
        buffer.drawBox(description, style: theme[.border], glyphs: theme.glyphs, title: spec.displayName, titleStyle: theme[.trigger])
        for (row, line) in TextWrap.lines(spec.description + parameterNote(spec), width: description.width - 4).prefix(2).enumerated() {
            buffer.put(line, x: description.x + 2, y: description.y + 1 + row, style: theme[.text], limit: description.maxX - 1)
        }
        let mine = flows(state)
        let heading = Rect(x: area.x + 2, y: area.y + 13, width: area.width - 4, height: 1)
        buffer.putLine("Your flows on this trigger (\(mine.count))", in: heading, style: theme[.title])
        let listArea = Rect(x: area.x + 2, y: heading.y + 1, width: area.width - 4, height: area.maxY - heading.y - 1)
        if mine.isEmpty {
            buffer.put("none yet — press Enter to create one", x: listArea.x + 2, y: listArea.y, style: theme[.muted], limit: listArea.maxX)
            return
        }
        var menu = MenuList(items: mine.map { MenuItem($0.displayName, detail: "\($0.state.rawValue) · \(StepSummary.oneLine($0.trigger ?? Trigger(kind: selectedKind)))") }, titleWidth: 34)
        menu.selection = flowSelection
        menu.render(into: &buffer, rect: listArea, theme: theme, focused: flowsFocused)
    }

    private func parameterNote(_ spec: TriggerSpec) -> String {
        spec.parameters.isEmpty ? "" : " Parameters: " + spec.parameters.map { $0.displayName + ($0.required ? " *" : "") }.joined(separator: ", ") + "."
    }
}
