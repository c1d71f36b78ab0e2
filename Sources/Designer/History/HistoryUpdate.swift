import FlowModel
import Foundation
import TextFormats

/// Applies history messages to the state, and keeps the open draft autosaved beside its flow.
enum HistoryUpdate {
    static func update(_ state: inout DesignerState, _ message: HistoryMessage) {
        switch message {
        case .versionsLoaded(let id, let entries, let summaries):
            state.versions.flowId = id
            state.versions.entries = entries
            state.versions.summaries = summaries
        case .diffLoaded(let id, let from, let to, let diff):
            guard state.versions.flowId == id else { return }
            state.versions.diff = (from, to, diff)
        case .restored(let flow, let from):
            state.notify("Restored version \(from) of \"\(flow.displayName)\" as version \(flow.version)", .success)
            if state.document?.flow.id == flow.id { state.document = FlowDocument(flow: flow, isNew: false) }
            state.perform(.reloadFlows)
            state.perform(.history(.loadVersions(id: flow.id)))
        case .draftFound(let draft): offer(draft, &state)
        }
    }

    /// Asks whether to take back an autosaved edit of the flow just opened (unless it equals the flow as saved).
    private static func offer(_ draft: FlowDraft, _ state: inout DesignerState) {
        guard let document = state.document, document.flow.id == draft.flow.id else { return }
        var candidate = draft.flow
        candidate.version = document.savedVersion
        guard candidate != document.flow else {
            state.perform(.history(.discardDraft(id: draft.flow.id)))
            return
        }
        let when = TimeText.stamp(draft.savedAt)
        let base = draft.flow.version == document.savedVersion
            ? "" : " It was made on version \(draft.flow.version); the flow is now version \(document.savedVersion), so keeping it replaces the newer changes when you save."
        state.ask("Unsaved draft found", "\"\(document.flow.displayName)\" has unsaved changes from \(when) that were never saved (the designer was closed or crashed).\(base) Restore them?",
                  answers: [.option(0, label: "Restore draft"), .discard], for: .recoverDraft(draft))
    }

    /// The answer to the draft dialog: Restore puts the draft on the canvas (unsaved, undoable); Discard deletes it.
    static func recover(_ draft: FlowDraft, _ answer: DialogAnswer, _ state: inout DesignerState) {
        guard case .option = answer, state.document?.flow.id == draft.flow.id, let version = state.document?.savedVersion else {
            state.perform(.history(.discardDraft(id: draft.flow.id)))
            return
        }
        state.document?.edit { flow in
            flow = draft.flow
            flow.version = version
        }
        DesignerUpdate.recheck(&state)
        state.notify("Draft restored: Ctrl-S saves it, u undoes it", .success)
    }

    /// After a key changed the open flow: keep the edit beside the flow, or drop the draft once nothing is unsaved.
    static func autosave(_ state: inout DesignerState) {
        guard let document = state.document, !document.isNew, !document.flow.id.isEmpty else { return }
        if document.isDirty {
            state.perform(.history(.saveDraft(document.flow)))
        } else {
            state.perform(.history(.discardDraft(id: document.flow.id)))
        }
    }
}
