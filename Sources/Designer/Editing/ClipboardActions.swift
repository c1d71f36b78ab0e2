import FlowExpressions
import FlowModel
import TerminalUI

/// Canvas commands for the step clipboard: copy, cut, paste, duplicate, paste of pasted JSON, copy as code.
enum ClipboardActions {
    /// Where a paste goes: after the selected step, or first in the flow when the trigger is selected.
    static func placement(_ state: DesignerState) -> Placement {
        state.document?.selected.map(Placement.after) ?? .start(nil)
    }

    /// The selected step with everything nested in it, as a block; nil (with a note) on the trigger.
    private static func selectedBlock(_ state: inout DesignerState, verb: String) -> StepList? {
        guard let name = state.document?.selected, let step = state.document?.flow.definition.step(named: name) else {
            state.notify("Select a step to \(verb) (the trigger cannot be \(verb == "copy" ? "copied" : verb + "ed"))", .warning)
            return nil
        }
        return [name: step]
    }

    /// `y`: puts the selected step (and its nested steps) on the home's clipboard.
    static func copy(_ state: inout DesignerState) {
        guard let block = selectedBlock(&state, verb: "copy"), let step = block.values.first else { return }
        state.perform(.writeClipboard(StepClipboard.json(block)))
        let nested = step.stepCount - 1
        state.notify("Copied \(step.name)\(nested > 0 ? " with \(nested) nested step(s)" : ""): p pastes it after the selected step, in any flow", .success)
    }

    /// `x`: copies the selected step, then deletes it (asking first when other steps refer to it; a cancelled cut
    /// leaves the clipboard as it was).
    static func cut(_ state: inout DesignerState) {
        guard let block = selectedBlock(&state, verb: "cut"), let name = block.keys.first else { return }
        EditorActions.requestDelete(name, cutting: true, &state)
    }

    /// The cut itself, once it is sure: the step (with its nested steps) onto the clipboard, then deleted.
    static func completeCut(_ name: String, _ state: inout DesignerState) {
        guard let step = state.document?.flow.definition.step(named: name) else { return }
        state.perform(.writeClipboard(StepClipboard.json([name: step])))
        EditorActions.deleteStep(name, &state)
    }

    /// `p`: reads the home's clipboard and pastes it after the selected step.
    static func requestPaste(_ state: inout DesignerState) {
        state.perform(.pasteClipboard(placement(state)))
    }

    /// `P`: a copy of the selected step right after it.
    static func duplicate(_ state: inout DesignerState) {
        guard let block = selectedBlock(&state, verb: "duplicate"), let name = block.keys.first else { return }
        insert(block, at: .after(name), source: "Duplicated \(name)", rebindConnections: false, &state)
    }

    /// Pastes clipboard JSON read from the home (nil: the clipboard is empty).
    static func paste(_ value: JSONValue?, at placement: Placement, _ state: inout DesignerState) {
        guard let value else {
            state.notify("The clipboard is empty: y copies the selected step", .info)
            return
        }
        guard let block = StepClipboard.steps(from: value) else {
            state.notify("The clipboard does not hold steps (expected code-view JSON of actions)", .error)
            return
        }
        insert(block, at: placement, source: "Pasted", &state)
    }

    /// A bracketed paste on the canvas: the cloud designer's clipboard JSON or a `{name: action}` map becomes steps.
    static func pasteText(_ text: String, _ state: inout DesignerState) {
        guard let block = StepClipboard.steps(fromText: text) else {
            state.notify("The pasted text is not an action's JSON (copy an action in the cloud designer, or y here)", .warning)
            return
        }
        insert(block, at: placement(state), source: "Pasted", &state)
    }

    /// `Y`: the selected step as code-view JSON on the terminal's clipboard (OSC 52), for the cloud designer.
    static func copyAsCode(_ state: inout DesignerState) {
        guard let block = selectedBlock(&state, verb: "copy"), let name = block.keys.first else { return }
        let cloud = state.document.map { StepClipboard.cloudJSON(block, of: $0.flow) } ?? StepClipboard.json(block)
        state.sendToTerminalClipboard(cloud.jsonText(pretty: true), what: "\(name) as code-view JSON")
    }

    /// Pastes `block`: names and declared variables made unique; for a paste (not a duplicate) connections this home
    /// does not have become the flow's or the default one of their kind. The status line says what was renamed.
    private static func insert(_ block: StepList, at placement: Placement, source: String, rebindConnections: Bool = true, _ state: inout DesignerState) {
        guard let definition = state.document?.flow.definition else { return }
        let (steps, rebound) = rebindConnections ? PastedConnections.rebound(block, in: definition, connections: state.connections) : (block, [:])
        var outcome = StepClipboard.Outcome(names: [], variableRenames: [:])
        state.document?.edit { flow in outcome = StepClipboard.pasteRenaming(steps, at: placement, in: &flow.definition) }
        guard let first = outcome.names.first else { return }
        state.document?.selected = first
        let renamed = outcome.names.filter { block[$0] == nil }
        let what = outcome.names.count == 1 ? first : "\(outcome.names.count) steps"
        var notes: [String] = []
        if !renamed.isEmpty { notes.append("renamed: names were taken") }
        if !outcome.variableRenames.isEmpty {
            notes.append("variable " + outcome.variableRenames.map { "\($0.key) → \($0.value)" }.joined(separator: ", ") + " (the flow declares it already)")
        }
        if !rebound.isEmpty {
            notes.append("connection " + rebound.map { "\($0.key) → \($0.value)" }.joined(separator: ", "))
        }
        state.notify("\(source) \(what)\(notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")") · u undoes", .success)
    }
}
