import FlowModel
import TerminalUI

/// Answers to dialogs: unsaved changes, save conflicts, step and flow deletes, renames, export/import paths.
enum ModalHandling {
    static func handle(_ key: Key, _ state: inout DesignerState) {
        guard var modal = state.modal else { return }
        let outcome = modal.dialog.handle(key)
        switch outcome {
        case .pending: state.modal = modal
        case .cancelled: state.modal = nil
        case .chose(let index):
            state.modal = nil
            resolve(modal.purpose, button: index, input: modal.dialog.input?.text ?? "", &state)
        }
    }

    /// Asks Save / Discard / Cancel before doing `then`.
    static func askUnsaved(then: AfterSave, _ state: inout DesignerState) {
        let name = state.document?.flow.displayName ?? "this flow"
        state.ask(Dialog(title: "Unsaved changes", message: "\"\(name)\" has unsaved changes. Save them?", buttons: ["Save", "Discard", "Cancel"]),
                  for: .unsavedChanges(then))
    }

    private static func resolve(_ purpose: ModalPurpose, button: Int, input: String, _ state: inout DesignerState) {
        let text = input.trimmingCharacters(in: .whitespaces)
        switch purpose {
        case .unsavedChanges(let then):
            if button == 0 { EditorActions.save(then: then, &state) }
            if button == 1 { discard(then: then, &state) }
        case .saveOff(let then): if button == 0 { EditorActions.saveOff(then: then, &state) }
        case .conflict:
            if button == 0, let id = state.document?.flow.id {
                DesignerUpdate.leaveEditor(&state)
                state.perform(.openFlow(id: id))
            }
            if button == 1 { EditorActions.saveAsCopy(&state) }
        case .deleteStep(let name): if button == 0 { EditorActions.deleteStep(name, &state) }
        case .renameStep(let name): if button == 0 { EditorActions.renameStep(name, to: text, &state) }
        case .placement(let placements): if placements.indices.contains(button) { EditorActions.pickStep(at: placements[button], &state) }
        case .deleteFlow(let id): if button == 0 { state.perform(.deleteFlow(id: id)) }
        case .renameFlow(let id): if button == 0, !text.isEmpty { state.perform(.renameFlow(id: id, name: text)) }
        case .duplicateFlow(let id): if button == 0, !text.isEmpty { state.perform(.duplicateFlow(id: id, name: text)) }
        case .exportFlow(let id): if button == 0, !text.isEmpty { state.perform(.exportFlow(id: id, path: text)) }
        case .deleteConnection(let name): if button == 0 { state.perform(.deleteConnection(name: name)) }
        case .addConnection:
            if ConnectionFormScreen.kinds.indices.contains(button) { state.stack.append(ConnectionFormScreen(kind: ConnectionFormScreen.kinds[button])) }
        case .testConnection(let name): if button == 0 { state.perform(.runner(.testConnection(name: name, recipient: text.isEmpty ? nil : text))) }
        case .editSchedule:
            guard button == 0 else { return }
            guard let seconds = Double(text), seconds.isFinite, seconds >= 0 else {
                state.ask(Dialog(title: "Refresh schedule", message: "\"\(text)\" is not a number of seconds. Refresh everything every how many seconds? (0: off)",
                                 buttons: ["Save", "Cancel"], input: TextField(text)), for: .editSchedule)
                return
            }
            state.perform(.runner(.setSchedule(intervalSeconds: seconds)))
        case .importFlow: if button == 0, !text.isEmpty { state.perform(.importFlow(path: text)) }
        }
    }

    private static func discard(then: AfterSave, _ state: inout DesignerState) {
        switch then {
        case .stay: break
        case .leaveEditor: DesignerUpdate.leaveEditor(&state)
        case .quit:
            state.isQuitting = true
            state.perform(.quit)
        }
    }
}
