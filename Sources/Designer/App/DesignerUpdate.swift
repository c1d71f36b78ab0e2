import FlowModel
import TerminalUI

/// The update function: applies one message to the state and returns the effects to perform.
public enum DesignerUpdate {
    public static func update(_ state: inout DesignerState, _ message: Message) -> [Effect] {
        switch message {
        case .start:
            state.perform(.loadWorkspace)
            state.perform(.reloadFlows)
        case .key(let key):
            let before = state.document?.flow
            handleKey(key, &state)
            if let flow = state.document?.flow, flow != before {
                recheck(&state)
                HistoryUpdate.autosave(&state)
            }
        case .resize(let size): state.size = size
        case .flowsLoaded(let flows, let problems, let runs):
            state.flows = flows
            state.flowProblems = problems
            state.runs = runs
        case .workspaceLoaded(let workspace, let connections, let facts):
            state.workspace = workspace
            state.connections = connections
            state.facts = facts
        case .flowOpened(let flow):
            state.document = FlowDocument(flow: flow, isNew: false)
            recheck(&state)
            state.stack.append(FlowCanvasScreen())
            state.perform(.history(.lookForDraft(id: flow.id)))
        case .flowSaved(let flow, let then): saved(flow, then: then, &state)
        case .saveConflict(let message):
            state.ask("Save refused", message, answers: [.reload, .saveAsCopy, .cancel], for: .conflict)
        case .succeeded(let text):
            state.notify(text, .success)
            state.perform(.reloadFlows)
        case .failed(let text): state.notify(text, .error)
        case .history(let message): HistoryUpdate.update(&state, message)
        case .runCanvas(let message): RunCanvasUpdate.update(&state, message)
        case .clipboardRead(let value, let placement):
            ClipboardActions.paste(value, at: placement, &state)
            recheck(&state)
        case .unification(let message): UnificationUpdate.update(&state, message)
        case .tick, .notices, .revision, .feedLoaded, .runsLoaded, .runDetailLoaded, .runPageLoaded, .comparisonLoaded, .historyFactsLoaded, .flowOpenedAt, .connectionsLoaded: LiveUpdate.update(&state, message)
        }
        defer { state.outbox = [] }
        return state.outbox
    }

    /// A key as the user pressed it: help and dialogs first, then the global keys, then the top screen.
    static func handleKey(_ key: Key, _ state: inout DesignerState) {
        if key == .resize { return }
        state.toast = nil
        if state.showHelp {
            scrollHelp(key, &state)
            return
        }
        if state.modal != nil {
            ModalHandling.handle(key, &state)
            return
        }
        switch GlobalKeys.action(for: key, on: state.top) {
        case .help:
            state.showHelp = true
            state.helpScroll = 0
        case .quit: requestQuit(&state)
        case .palette: if !(state.top is PaletteScreen) { state.stack.append(PaletteScreen(state: state)) }
        case nil: navigate(key, &state)
        }
    }

    /// Scrolls the open help overlay with the list keys; any other key closes it.
    private static func scrollHelp(_ key: Key, _ state: inout DesignerState) {
        let most = HelpOverlay.maxScroll(for: state.top, size: state.size)
        let page = max(1, state.size.height - 8)
        switch key {
        case .down, .character("j"): state.helpScroll = min(most, state.helpScroll + 1)
        case .up, .character("k"): state.helpScroll = max(0, state.helpScroll - 1)
        case .pageDown, .character(" "): state.helpScroll = min(most, state.helpScroll + page)
        case .pageUp: state.helpScroll = max(0, state.helpScroll - page)
        case .end, .character("G"): state.helpScroll = most
        case .home, .character("g"): state.helpScroll = 0
        case .mouse(let event) where event.button == .wheelDown: state.helpScroll = min(most, state.helpScroll + 3)
        case .mouse(let event) where event.button == .wheelUp: state.helpScroll = max(0, state.helpScroll - 3)
        default: state.showHelp = false
        }
    }

    /// Runs the checker on the open draft (after every change), so "!" markers and the error count stay current.
    static func recheck(_ state: inout DesignerState) {
        guard let flow = state.document?.flow else { return }
        let issues = FlowChecker.check(flow, context: state.checkContext)
        state.document?.issues = issues
    }

    /// Gives the key to the top screen and applies the transition it asks for.
    static func navigate(_ key: Key, _ state: inout DesignerState) {
        let index = state.stack.count - 1
        var screen = state.stack[index]
        let transition = screen.handle(key, state: &state)
        if index < state.stack.count { state.stack[index] = screen }
        apply(transition, &state)
    }

    static func apply(_ transition: Transition, _ state: inout DesignerState) {
        // A progress or outcome line belongs to the screen it was shown on: a new screen starts without it.
        if case .stay = transition {} else { state.live.activity = nil }
        switch transition {
        case .stay: break
        case .push(let screen): state.stack.append(screen)
        case .replace(let screen):
            if state.stack.count > 1 { state.stack.removeLast() }
            state.stack.append(screen)
        case .pop:
            if state.stack.count > 1 { state.stack.removeLast() }
        case .popWith(let result):
            guard state.stack.count > 1 else { return }
            state.stack.removeLast()
            var below = state.stack[state.stack.count - 1]
            below.receive(result, state: &state)
            state.stack[state.stack.count - 1] = below
        case .popToRoot: state.stack.removeLast(state.stack.count - 1)
        case .replaceWith(let screens):
            if state.stack.count > 1 { state.stack.removeLast() }
            state.stack += screens
        case .popAndRun(let target):
            if state.stack.count > 1 { state.stack.removeLast() }
            PaletteRunner.run(target, &state)
        }
    }

    /// Quits, asking first when a form holds changes not applied yet (y/n), then when the open flow has unsaved
    /// changes (Save / Discard / Cancel).
    static func requestQuit(_ state: inout DesignerState, formConfirmed: Bool = false) {
        if !formConfirmed, let form = state.stack.last(where: { $0.hasUnappliedInput }) {
            state.ask("Quit?", "\"\(form.title)\" has changes that are not applied yet; quitting loses them. Quit anyway? (y/n)",
                      answers: [.yes, .no], selected: .no, for: .quitLosingInput)
            return
        }
        if state.document?.isDirty == true {
            ModalHandling.askUnsaved(then: .quit, &state)
        } else {
            state.isQuitting = true
            state.perform(.quit)
        }
    }

    private static func saved(_ flow: Flow, then: AfterSave, _ state: inout DesignerState) {
        state.document?.markSaved(flow)
        state.perform(.history(.discardDraft(id: flow.id)))
        state.perform(.reloadFlows)
        let issues = FlowChecker.check(flow, context: state.checkContext)
        let errors = issues.filter { $0.severity == .error }.count
        let note = errors > 0 ? "Saved \"\(flow.displayName)\" (Off: \(errors) error(s) to fix before it can be turned On)" : "Saved \"\(flow.displayName)\" (version \(flow.version))"
        state.notify(note, errors > 0 ? .warning : .success)
        switch then {
        case .stay:
            if !issues.isEmpty, state.top is FlowCanvasScreen { state.stack.append(IssuesScreen(issues: issues)) }
        case .leaveEditor: leaveEditor(&state)
        case .quit:
            state.isQuitting = true
            state.perform(.quit)
        }
    }

    /// Closes the document and pops back past the editor's screens.
    static func leaveEditor(_ state: inout DesignerState) {
        state.document = nil
        while state.stack.count > 1, state.top is any EditorScreen { state.stack.removeLast() }
    }
}

/// Screens that belong to the open document (popped together when the editor closes).
protocol EditorScreen: Screen {}

/// Screens where printable keys are text (so `?` and `q` are typed, not commands).
public protocol TextInputScreen: Screen {}
