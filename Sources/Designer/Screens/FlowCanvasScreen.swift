import FlowModel
import TerminalUI

/// The flow canvas: the open flow drawn top to bottom; add, edit, delete, move, rename, fold, undo, check, save.
struct FlowCanvasScreen: Screen, EditorScreen {
    var scroll = 0

    enum Action: Sendable { case move, edit, add, addParallel, delete, moveDown, moveUp, rename, fold, undo, issues, onOff, test, save, versions, back, mark, wrap, runAfter,
        copy, cut, paste, duplicate, copyCode, find, findNext, recordedEvent, replayLast }

    static let keys = KeyMap<Action>([
        ListKeys.binding(.move, priority: nil),
        KeyBinding([.character("a")], "a", "add", help: "add a step after the selected one (or inside a container)", priority: 2, .add),
        KeyBinding([.character("b")], "b", "branch", help: "add a parallel branch: a step that runs beside the selected one (after the same steps)", priority: 7, .addParallel),
        KeyBinding([.enter, .character("e")], "e", "edit", help: "edit the selected step or the trigger (also Enter)", priority: 3, .edit),
        KeyBinding([.character("d"), .delete], "d", "delete", help: "delete the selected step (undo with u)", priority: 4, .delete),
        KeyBinding([.character("J")], "J", "down", help: "move the selected step down in its branch", priority: 8, .moveDown),
        KeyBinding([.character("K")], "K", "up", help: "move the selected step up in its branch", priority: 8, .moveUp),
        KeyBinding([.ctrl("s")], "Ctrl-S", "save", help: "save the flow (asks first when an On flow has errors)", priority: 1, .save),
        KeyBinding([.escape, .character("q")], "Esc", "back", help: "leave the editor (asks first when there are unsaved changes; also q)", priority: 1, .back),
        KeyBinding([.character("r")], "r", "rename", help: "rename the selected step (references are updated)", priority: 7, .rename),
        KeyBinding([.character("u"), .ctrl("z")], "u", "undo", help: "undo the last change (also Ctrl-Z)", priority: 6, .undo),
        KeyBinding([.character("i")], "i", "issues", help: "list the checker's issues (the header counts them live)", priority: 5, .issues),
        KeyBinding([.character("o")], "o", "on/off", help: "switch the flow On or Off (On needs no errors)", priority: 9, .onOff),
        KeyBinding([.character("t")], "t", "test", help: "test the flow: a form with the trigger's outputs, dry run on", priority: 9, .test),
        KeyBinding([.character("T")], "T", "recorded event", help: "test the draft dry with a recorded event, shown on the canvas", priority: nil, .recordedEvent),
        KeyBinding([.character("L")], "L", "replay last N", help: "replay the draft dry against the last N events vs the saved flow", priority: nil, .replayLast),
        KeyBinding([.character("V")], "V", "versions", help: "version history of this flow: diff and restore any saved version", priority: nil, .versions),
        KeyBinding([.character("w")], "w", "try/catch", help: "wrap the selected step (or the v range) in Try, Catch and Finally", priority: 9, .wrap),
        KeyBinding([.character("v")], "v", "mark", help: "mark one end of a range of steps in a branch (v again clears)", priority: nil, .mark),
        KeyBinding([.character("R")], "R", "run after", help: "configure run after: the step's form at its status checkboxes", priority: nil, .runAfter),
        KeyBinding([.character("y")], "y", "copy", help: "copy the selected step and its nested steps (any flow can paste)", priority: nil, .copy),
        KeyBinding([.character("x")], "x", "cut", help: "cut: copy the selected step, then delete it", priority: nil, .cut),
        KeyBinding([.character("p")], "p", "paste", help: "paste after the selected step (names made unique)", priority: nil, .paste),
        KeyBinding([.character("P")], "P", "duplicate", help: "duplicate the selected step right after it", priority: nil, .duplicate),
        KeyBinding([.character("Y")], "Y", "copy JSON", help: "send the step as code-view JSON to the terminal's clipboard (OSC 52)", priority: nil, .copyCode),
        KeyBinding([.character("/")], "/", "find", help: "find a step by its name, type, note or inputs", priority: nil, .find),
        KeyBinding([.character("n"), .character("N")], "n N", "next", help: "jump to the next / previous step found", priority: nil, .findNext),
        KeyBinding([.character(" ")], "Space", "fold", help: "collapse or expand a container card", priority: nil, .fold),
    ])

    var title: String { "Canvas" }
    var bindings: [KeyHint] { Self.keys.hints }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        guard let document = state.document else { return .pop }
        let items = CanvasLayout.items(document.flow, collapsed: document.collapsed)
        let selectable = items.filter(\.isSelectable)
        let current = selectable.firstIndex { $0.stepName == document.selected } ?? 0
        let action = Self.keys.action(for: key)
        if action == .move {
            var selection = ListSelection(index: current)
            if selection.handle(key, count: selectable.count, page: max(1, (state.size.height - 4) / CanvasLayout.cardHeight)) {
                state.document?.selected = selectable[selection.index].stepName
                reveal(selectable[selection.index], viewport: state.size.height - 3)
            }
            return .stay
        }
        if case .mouse(let event) = key, event.button == .right {
            // Right-click: select the step card under the pointer and open its menu.
            guard let hit = card(at: event, items: items, document: document, size: state.size), hit.stepName != nil else { return .stay }
            state.document?.selected = hit.stepName
            CanvasMenu.open(&state)
            return .stay
        }
        if case .mouse(let event) = key, event.button == .left {
            guard let hit = card(at: event, items: items, document: document, size: state.size) else { return .stay }
            if hit.stepName == document.selected { return handle(.enter, state: &state) }
            state.document?.selected = hit.stepName
            return .stay
        }
        if case .paste(let text) = key {
            ClipboardActions.pasteText(text, &state)
            return .stay
        }
        let selected = document.selected
        switch action {
        case .back:
            if document.isDirty {
                ModalHandling.askUnsaved(then: .leaveEditor, &state)
            } else {
                DesignerUpdate.leaveEditor(&state)
            }
        case .edit:
            guard let selected else { return .push(TriggerFormScreen.edit(document.flow.trigger ?? Trigger(kind: .manual), state: state)) }
            guard let step = document.flow.definition.step(named: selected) else { return .stay }
            return .push(StepFormScreen(step: step, state: state))
        case .add: EditorActions.addStep(&state)
        case .addParallel:
            guard let selected else {
                state.notify("Select a step first: the new branch runs beside it", .warning)
                return .stay
            }
            EditorActions.pickStep(at: .beside(selected), &state)
        case .delete:
            guard let selected else {
                state.notify("The trigger cannot be deleted; create a new flow for another trigger", .warning)
                return .stay
            }
            EditorActions.requestDelete(selected, &state)
        case .moveDown, .moveUp:
            guard let selected else { return .stay }
            let offset = action == .moveDown ? 1 : -1
            var moved = false
            state.document?.edit { flow in moved = StepTree.move(selected, by: offset, in: &flow.definition) }
            if !moved { state.notify("\(selected) is already \(offset > 0 ? "last" : "first") in its branch", .info) }
        case .rename:
            guard let selected else { return .stay }
            state.ask("Rename step", "New name for \(selected) (references are updated):", answers: [.rename, .cancel], input: TextField(selected),
                      for: .renameStep(selected))
        case .fold:
            guard let selected, document.flow.definition.step(named: selected)?.type.isContainer == true else { return .stay }
            if state.document?.collapsed.remove(selected) == nil { state.document?.collapsed.insert(selected) }
        case .undo:
            if state.document?.undo() != true { state.notify("Nothing to undo", .info) }
        case .issues:
            let issues = FlowChecker.check(document.flow, context: state.checkContext)
            state.document?.issues = issues
            if issues.isEmpty { state.notify("No issues: the flow can be turned On", .success) } else { return .push(IssuesScreen(issues: issues)) }
        case .onOff: toggleState(&state)
        case .test: TestRunActions.ask(&state)
        case .recordedEvent: RunCanvasActions.pickEvent(&state)
        case .replayLast: RunCanvasActions.askReplayLast(&state)
        case .save: EditorActions.save(then: .stay, &state)
        case .versions:
            guard !document.isNew else {
                state.notify("A new flow has no versions yet: save it first (Ctrl-S)", .info)
                return .stay
            }
            return VersionHistoryScreen.open(id: document.flow.id, name: document.flow.displayName, &state)
        case .mark: ErrorHandlingActions.toggleMark(&state)
        case .wrap: ErrorHandlingActions.wrap(&state)
        case .runAfter:
            guard let form = ErrorHandlingActions.configureRunAfter(state) else {
                state.notify("The trigger runs first; select a step to configure what it runs after", .info)
                return .stay
            }
            return .push(form)
        case .copy: ClipboardActions.copy(&state)
        case .cut: ClipboardActions.cut(&state)
        case .paste: ClipboardActions.requestPaste(&state)
        case .duplicate: ClipboardActions.duplicate(&state)
        case .copyCode: ClipboardActions.copyAsCode(&state)
        case .find: StepSearch.ask(&state)
        case .findNext: StepSearch.jump(by: key == .character("N") ? -1 : 1, &state)
        case .move, nil: break
        }
        return .stay
    }

    /// The selectable card under a mouse event, if any.
    private func card(at event: MouseEvent, items: [CanvasItem], document: FlowDocument, size: Size) -> CanvasItem? {
        let canvas = bodyArea(size).dropTop(1)
        guard canvas.contains(x: event.x, y: event.y) else { return nil }
        let row = Self.visibleTop(items, document: document, height: canvas.height, scroll: scroll) + event.y - canvas.y
        return items.first { $0.isSelectable && row >= $0.top && row < $0.top + $0.height }
    }

    private func toggleState(_ state: inout DesignerState) {
        guard let flow = state.document?.flow else { return }
        if flow.state == .on {
            state.document?.edit { $0.state = .off }
        } else if FlowChecker.canTurnOn(flow, context: state.checkContext) {
            state.document?.edit { $0.state = .on }
        } else {
            state.notify("The flow has errors and can only be saved Off; press i to see them", .error)
        }
    }

    private mutating func reveal(_ item: CanvasItem, viewport: Int) {
        if item.top < scroll { scroll = item.top }
        if item.top + item.height > scroll + viewport { scroll = item.top + item.height - viewport }
        scroll = max(0, scroll)
    }

    /// The first canvas row shown: the stored scroll, moved just enough to show the selected card.
    static func visibleTop(_ items: [CanvasItem], document: FlowDocument, height: Int, scroll: Int) -> Int {
        var top = min(scroll, max(0, CanvasLayout.height(items) - height))
        if let selected = items.first(where: { $0.isSelectable && $0.stepName == document.selected }) {
            if selected.top < top { top = selected.top }
            if selected.top + selected.height > top + height { top = selected.top + selected.height - height }
        }
        return max(0, top)
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        guard let document = state.document else { return }
        let theme = state.theme
        let flow = document.flow
        let errors = document.issues.filter { $0.severity == .error }.count
        var parts = [flow.state.rawValue, "\(CanvasLayout.stepCount(flow.definition.actions)) step(s)"]
        if errors > 0 { parts.append(errors == 1 ? "! 1 error" : "! \(errors) errors") }
        parts.append(document.isNew ? "new" : "v\(document.savedVersion)")
        if let mark = document.mark { parts.append("mark: \(mark)") }
        // A long flow name is shortened, not the state, error count and version after it.
        let suffix = "  ·  " + parts.joined(separator: "  ·  ")
        let name = CharacterWidth.truncate(flow.displayName, to: max(8, area.width - 1 - CharacterWidth.of(suffix)))
        buffer.putLine(" " + name + suffix, in: area.top(1), style: theme[.title])
        let canvas = area.dropTop(1)
        let items = CanvasLayout.items(flow, collapsed: document.collapsed)
        let flagged = Set(document.issues.filter { $0.severity == .error }.map { $0.step ?? "" })
        let top = Self.visibleTop(items, document: document, height: canvas.height, scroll: scroll)
        var clipped = CellBuffer(size: Size(width: canvas.width, height: canvas.height), style: theme[.text])
        let local = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        for item in items where item.top + item.height > top && item.top < top + canvas.height {
            let isSelected = item.isSelectable && item.stepName == document.selected
            CardRenderer.draw(item, flow: flow, selected: isSelected, issues: flagged, at: item.top - top, area: local, into: &clipped, theme: theme)
        }
        buffer.blit(clipped, x: canvas.x, y: canvas.y)
        var indicator = ScrollView()
        indicator.scroll(by: top, height: canvas.height, count: CanvasLayout.height(items))
        indicator.drawIndicator(into: &buffer, rect: canvas, count: CanvasLayout.height(items), theme: theme)
    }
}
