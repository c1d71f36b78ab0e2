import FlowModel
import TerminalUI

/// The Power Automate connector page: the six Customer Insights triggers and the manual trigger with their
/// descriptions, and the user's flows built on the selected trigger. Enter on a trigger creates a flow; `t` starts
/// from a template.
struct ConnectorPageScreen: Screen {
    var triggers = MenuList(items: Catalog.triggers.map { MenuItem($0.displayName) })
    var flowSelection = ListSelection()
    /// True when the flows list (not the triggers) has the focus.
    var flowsFocused = false

    var title: String { "Power Automate" }
    var hints: [KeyHint] {
        flowsFocused ? [CommonHints.move, KeyHint("Enter", "edit flow"), KeyHint("Tab", "triggers"), KeyHint("m", "monitor"), CommonHints.back]
            : [CommonHints.move, KeyHint("Enter", "new flow"), KeyHint("t", "template"), KeyHint("Tab", "your flows"), KeyHint("m", "monitor"), CommonHints.back]
    }

    private var selectedKind: TriggerKind { Catalog.triggers[triggers.selection.index].kind }

    private func flows(_ state: DesignerState) -> [Flow] { state.flows.filter { $0.trigger?.kind == selectedKind } }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        switch key {
        case .escape: return .pop
        case .character("m"):
            let list = flows(state)
            let flowId = flowsFocused && list.indices.contains(flowSelection.index) ? list[flowSelection.index].id : nil
            return .push(MonitorScreen(flowId: flowId))
        case .character("t") where !flowsFocused:
            return .push(TemplatePickerScreen())
        case .tab, .backTab:
            flowsFocused.toggle()
            if flowsFocused, flows(state).isEmpty { flowsFocused = false }
            return .stay
        default: break
        }
        if case .mouse(let event) = key { return click(event, &state) }
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

    private func triggersRect(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: 7) }

    private func flowsRect(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y + 14, width: area.width - 4, height: area.maxY - area.y - 14) }

    /// A click selects a trigger or one of your flows; a click on the selected one opens it.
    private mutating func click(_ event: MouseEvent, _ state: inout DesignerState) -> Transition {
        let area = bodyArea(state.size)
        var picked = triggers.selection
        switch picked.click(event, in: triggersRect(area), count: triggers.items.count) {
        case .selected:
            triggers.selection = picked
            flowsFocused = false
            flowSelection = ListSelection()
            return .stay
        case .activated:
            flowsFocused = false
            return handle(.enter, state: &state)
        case .outside: break
        }
        var flowPick = flowsFocused ? flowSelection : ListSelection(index: -1)
        let outcome = flowPick.click(event, in: flowsRect(area), count: flows(state).count)
        guard outcome != .outside else { return .stay }
        flowSelection = flowPick
        let wasFocused = flowsFocused
        flowsFocused = true
        return outcome == .activated && wasFocused ? handle(.enter, state: &state) : .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        buffer.put("Customer Insights triggers — pick one (or t: start from a template)", x: area.x + 2, y: area.y, style: theme[.muted], limit: area.maxX - 1)
        var list = triggers
        list.render(into: &buffer, rect: triggersRect(area), theme: theme, focused: !flowsFocused)
        let spec = Catalog.trigger(selectedKind)
        let description = Rect(x: area.x + 2, y: area.y + 8, width: area.width - 4, height: 4)
        buffer.drawBox(description, style: theme[.border], glyphs: theme.glyphs, title: spec.displayName, titleStyle: theme[.trigger])
        for (row, line) in TextWrap.lines(spec.description + parameterNote(spec), width: description.width - 4).prefix(2).enumerated() {
            buffer.put(line, x: description.x + 2, y: description.y + 1 + row, style: theme[.text], limit: description.maxX - 1)
        }
        let mine = flows(state)
        let heading = Rect(x: area.x + 2, y: area.y + 13, width: area.width - 4, height: 1)
        buffer.putLine("Your flows on this trigger (\(mine.count))", in: heading, style: theme[.title])
        let listArea = flowsRect(area)
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
