import FlowModel
import TerminalUI

/// The update function: applies one message to the state and returns the effects to perform.
public enum DesignerUpdate {
    public static func update(_ state: inout DesignerState, _ message: Message) -> [Effect] {
        switch message {
        case .start:
            state.perform(.loadWorkspace)
            state.perform(.reloadFlows)
        case .key(let key): handleKey(key, &state)
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
            state.stack.append(FlowCanvasScreen())
        case .flowSaved(let flow, let then): saved(flow, then: then, &state)
        case .saveConflict(let message):
            state.ask(Dialog(title: "Save refused", message: message, buttons: ["Reload", "Save as copy", "Cancel"]), for: .conflict)
        case .succeeded(let text):
            state.notify(text, .success)
            state.perform(.reloadFlows)
        case .failed(let text): state.notify(text, .error)
        case .tick, .notices, .feedLoaded, .runsLoaded, .runDetailLoaded, .flowOpenedAt, .connectionsLoaded: LiveUpdate.update(&state, message)
        }
        defer { state.outbox = [] }
        return state.outbox
    }

    private static func handleKey(_ key: Key, _ state: inout DesignerState) {
        if key == .resize { return }
        state.toast = nil
        if state.showHelp {
            state.showHelp = false
            return
        }
        if state.modal != nil {
            ModalHandling.handle(key, &state)
            return
        }
        if key == .character("?"), !state.top.takesTextInput {
            state.showHelp = true
            return
        }
        if key == .ctrl("c") {
            requestQuit(&state)
            return
        }
        navigate(key, &state)
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
        }
    }

    /// Quits, asking first when the open flow has unsaved changes.
    static func requestQuit(_ state: inout DesignerState) {
        if state.document?.isDirty == true {
            ModalHandling.askUnsaved(then: .quit, &state)
        } else {
            state.isQuitting = true
            state.perform(.quit)
        }
    }

    private static func saved(_ flow: Flow, then: AfterSave, _ state: inout DesignerState) {
        state.document?.markSaved(flow)
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
