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
            guard modal.answers.indices.contains(index) else { return }
            resolve(modal.purpose, modal.answers[index], input: modal.dialog.input?.text ?? "", &state)
        }
    }

    /// Asks Save / Discard / Cancel before doing `then`.
    static func askUnsaved(then: AfterSave, _ state: inout DesignerState) {
        let name = state.document?.flow.displayName ?? "this flow"
        state.ask("Unsaved changes", "\"\(name)\" has unsaved changes. Save them?", answers: [.save, .discard, .cancel], for: .unsavedChanges(then))
    }

    private static func resolve(_ purpose: ModalPurpose, _ answer: DialogAnswer, input: String, _ state: inout DesignerState) {
        let text = input.trimmingCharacters(in: .whitespaces)
        switch purpose {
        case .unsavedChanges(let then):
            if answer == .save { EditorActions.save(then: then, &state) }
            if answer == .discard {
                if let id = state.document?.flow.id, !id.isEmpty { state.perform(.history(.discardDraft(id: id))) }
                discard(then: then, &state)
            }
        case .saveOff(let then): if answer == .saveOff { EditorActions.saveOff(then: then, &state) }
        case .conflict:
            if answer == .reload, let id = state.document?.flow.id {
                DesignerUpdate.leaveEditor(&state)
                state.perform(.openFlow(id: id))
            }
            if answer == .saveAsCopy { EditorActions.saveAsCopy(&state) }
        case .deleteStep(let name): if answer == .delete { EditorActions.deleteStep(name, &state) }
        case .cutStep(let name): if answer == .delete { ClipboardActions.completeCut(name, &state) }
        case .renameStep(let name): if answer == .rename { EditorActions.renameStep(name, to: text, &state) }
        case .placement(let placements):
            guard case .option(let index, _) = answer else { return }
            if placements.indices.contains(index) {
                EditorActions.pickStep(at: placements[index], &state)
            } else if index == placements.count, case .after(let container)? = placements.first {
                EditorActions.askNewCase(in: container, &state)
            }
        case .newCase(let container): if case .option = answer { EditorActions.addCase(text, in: container, &state) }
        case .deleteFlow(let id): if answer == .delete { state.perform(.deleteFlow(id: id)) }
        case .renameFlow(let id): if answer == .rename, !text.isEmpty { state.perform(.renameFlow(id: id, name: text)) }
        case .duplicateFlow(let id): if answer == .copy, !text.isEmpty { state.perform(.duplicateFlow(id: id, name: text)) }
        case .exportFlow(let id): if answer == .export, !text.isEmpty { state.perform(.exportFlow(id: id, path: text)) }
        case .deleteConnection(let name): if answer == .delete { state.perform(.deleteConnection(name: name)) }
        case .addConnection:
            if case .option(let index, _) = answer, ConnectionFormScreen.kinds.indices.contains(index) {
                state.stack.append(ConnectionFormScreen(kind: ConnectionFormScreen.kinds[index]))
            }
        case .testConnection(let name): if answer == .send { state.perform(.runner(.testConnection(name: name, recipient: text.isEmpty ? nil : text))) }
        case .findStep: if case .option = answer { StepSearch.find(text, &state) }
        case .cardMenu: CanvasMenu.choose(answer, &state)
        case .replayLast: if case .option = answer { RunCanvasActions.replayLast(text, &state) }
        case .editSchedule:
            guard answer == .save else { return }
            guard let seconds = Double(text), seconds.isFinite, seconds >= 0 else {
                state.ask("Refresh schedule", "\"\(text)\" is not a number of seconds. Refresh everything every how many seconds? (0: off)",
                          answers: [.save, .cancel], input: TextField(text), for: .editSchedule)
                return
            }
            state.perform(.runner(.setSchedule(intervalSeconds: seconds)))
        case .restoreVersion(let id, let version): if case .option = answer { state.perform(.history(.restore(id: id, version: version))) }
        case .recoverDraft(let draft): HistoryUpdate.recover(draft, answer, &state)
        case .importFlow: if answer == .importFile, !text.isEmpty { state.perform(.importFlow(path: text)) }
        case .quitLosingInput: if answer == .yes { DesignerUpdate.requestQuit(&state, formConfirmed: true) }
        case .whyPair: if answer == .explain { UnificationScreen.submitWhy(text, &state) }
        case .explainProfile:
            guard answer == .explain else { return }
            if text.isEmpty { return state.notify("Type a profile id (CustomerId) to explain, e.g. from a why answer", .warning) }
            state.perform(.unification(.explain(customerId: text)))
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
