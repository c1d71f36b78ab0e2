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

    enum Action: Sendable { case move, newFlow, template, switchFocus, monitor, find, back, editFlow }

    static let triggerKeys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 6),
        KeyBinding([.enter, .character("n")], "Enter", "new flow", help: "create a flow on the selected trigger (also n)", priority: 2, .newFlow),
        KeyBinding([.character("t")], "t", "template", help: "start from a template", priority: 4, .template),
        KeyBinding([.tab, .backTab], "Tab", "your flows", help: "move to your flows on this trigger", priority: 3, .switchFocus),
        KeyBinding([.character("m")], "m", "monitor", help: "the Monitor (events and runs)", priority: 5, .monitor),
        ListKeys.findBinding(.find, priority: 7),
        Common.back(.back, keys: [.escape]),
    ])

    static let flowKeys = KeyMap<Action>([
        ListKeys.binding(.move, priority: 6),
        KeyBinding([.enter, .character("e")], "Enter", "edit flow", help: "open the selected flow on the canvas (also e)", priority: 2, .editFlow),
        KeyBinding([.tab, .backTab], "Tab", "triggers", help: "back to the triggers", priority: 3, .switchFocus),
        KeyBinding([.character("m")], "m", "monitor", help: "the Monitor filtered to the selected flow", priority: 5, .monitor),
        Common.back(.back, keys: [.escape]),
    ])

    var title: String { "Power Automate" }
    var takesTextInput: Bool { triggers.find.isTyping }
    var bindings: [KeyHint] { triggers.find.isTyping ? FindKeys.hints : (flowsFocused ? Self.flowKeys : Self.triggerKeys).hints }

    private var selectedKind: TriggerKind { Catalog.triggers[triggers.selectedIndex ?? 0].kind }

    private func flows(_ state: DesignerState) -> [FlowSummary] { state.flows.filter { $0.triggerKind == selectedKind } }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let area = bodyArea(state.size)
        if !flowsFocused, triggers.find.isTyping || key == .escape {
            let before = triggers.selectedIndex
            if triggers.handle(key, height: triggersRect(area).height) {
                if triggers.selectedIndex != before { flowSelection = ListSelection() }
                return .stay
            }
        }
        if case .mouse(let event) = key, event.button == .left { return click(event, &state) }
        let list = flows(state)
        let ids = list.map(\.id)
        let selectedFlow = flowsFocused ? list.indices.contains(flowSelection.resolved(ids)) ? list[flowSelection.resolved(ids)] : nil : nil
        switch (flowsFocused ? Self.flowKeys : Self.triggerKeys).action(for: key) {
        case .back: return .pop
        case .monitor: return .push(MonitorScreen(flowId: selectedFlow?.id))
        case .template: return .push(TemplatePickerScreen(trigger: selectedKind))
        case .switchFocus:
            flowsFocused.toggle()
            if flowsFocused, list.isEmpty {
                flowsFocused = false
                state.notify("No flows on this trigger yet: Enter creates one", .info)
            }
        case .find: triggers.find.start()
        case .move:
            if flowsFocused {
                _ = flowSelection.handle(key, ids: ids, page: flowsRect(area).height)
            } else if triggers.handle(key, height: triggersRect(area).height) {
                flowSelection = ListSelection()
            }
        case .newFlow: return .push(TriggerFormScreen.newFlow(selectedKind, state: state))
        case .editFlow:
            if let selectedFlow { state.perform(.openFlow(id: selectedFlow.id)) }
        case nil: break
        }
        return .stay
    }

    /// Rows of the trigger list: every trigger (the six, manual, Recurrence, HTTP request) without scrolling.
    private static let triggerRows = Catalog.triggers.count

    private func triggersRect(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: Self.triggerRows) }

    private func flowsRect(_ area: Rect) -> Rect {
        Rect(x: area.x + 2, y: area.y + Self.triggerRows + 7, width: area.width - 4, height: max(1, area.maxY - area.y - Self.triggerRows - 7))
    }

    /// A click selects a trigger or one of your flows; a click on the selected one opens it.
    private mutating func click(_ event: MouseEvent, _ state: inout DesignerState) -> Transition {
        let area = bodyArea(state.size)
        var picked = triggers
        switch picked.click(event, in: triggersRect(area)) {
        case .selected:
            triggers = picked
            flowsFocused = false
            flowSelection = ListSelection()
            return .stay
        case .activated:
            flowsFocused = false
            return handle(.enter, state: &state)
        case .outside: break
        }
        var flowPick = flowsFocused ? flowSelection : ListSelection(index: -1)
        flowPick.resolve(flows(state).map(\.id))
        let outcome = flowPick.click(event, in: flowsRect(area), count: flows(state).count)
        guard outcome != .outside else { return .stay }
        flowSelection = flowPick
        flowSelection.anchor = nil
        let wasFocused = flowsFocused
        flowsFocused = true
        return outcome == .activated && wasFocused ? handle(.enter, state: &state) : .stay
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        buffer.put("Customer Insights triggers — pick one (or t: start from a template)", x: area.x + 2, y: area.y, style: theme[.muted], limit: area.maxX - 1)
        triggers.render(into: &buffer, rect: triggersRect(area), theme: theme, focused: !flowsFocused)
        let spec = Catalog.trigger(selectedKind)
        let description = Rect(x: area.x + 2, y: area.y + Self.triggerRows + 1, width: area.width - 4, height: 4)
        buffer.drawBox(description, style: theme[.border], glyphs: theme.glyphs, title: spec.displayName, titleStyle: theme[.trigger])
        for (row, line) in TextWrap.lines(spec.description + parameterNote(spec), width: description.width - 4).prefix(2).enumerated() {
            buffer.put(line, x: description.x + 2, y: description.y + 1 + row, style: theme[.text], limit: description.maxX - 1)
        }
        let mine = flows(state)
        let heading = Rect(x: area.x + 2, y: area.y + Self.triggerRows + 6, width: area.width - 4, height: 1)
        buffer.putLine("Your flows on this trigger (\(mine.count))", in: heading, style: theme[.title])
        let listArea = flowsRect(area)
        if mine.isEmpty {
            buffer.put("none yet — press Enter to create one", x: listArea.x + 2, y: listArea.y, style: theme[.muted], limit: listArea.maxX)
            return
        }
        var menu = MenuList(items: mine.map { MenuItem($0.displayName, detail: "\($0.state.rawValue) · \($0.triggerLine ?? StepSummary.oneLine(Trigger(kind: selectedKind)))") }, titleWidth: 34)
        menu.selection = flowSelection
        menu.selection.index = flowSelection.resolved(mine.map(\.id))
        menu.selection.anchor = nil
        menu.render(into: &buffer, rect: listArea, theme: theme, focused: flowsFocused)
    }

    private func parameterNote(_ spec: TriggerSpec) -> String {
        spec.parameters.isEmpty ? "" : " Parameters: " + spec.parameters.map { $0.displayName + ($0.required ? " *" : "") }.joined(separator: ", ") + "."
    }
}
