import FlowModel
import TerminalUI

/// Canvas commands for error handling: mark a range of steps, wrap it in Try/Catch/Finally, configure run after.
enum ErrorHandlingActions {
    /// Marks the selected step as one end of a range (`v`); pressing it again on the marked step clears the mark.
    static func toggleMark(_ state: inout DesignerState) {
        guard let document = state.document, let selected = document.selected else {
            state.notify("Select a step to mark (the trigger cannot be wrapped)", .warning)
            return
        }
        if document.mark == selected {
            state.document?.mark = nil
            state.notify("Mark cleared", .info)
        } else {
            state.document?.mark = selected
            state.notify("Marked \(selected): move to the last step of the range and press w to wrap it", .info)
        }
    }

    /// The steps a wrap takes: from the mark to the selected step when both are in one branch, else the selected one.
    static func range(_ document: FlowDocument) -> [String] {
        guard let selected = document.selected else { return [] }
        var definition = document.flow.definition
        guard let mark = document.mark, mark != selected, let path = StepTree.scope(of: selected, in: definition),
              StepTree.scope(of: mark, in: definition) == path else { return [selected] }
        var siblings: [String] = []
        StepTree.withScope(path, in: &definition.actions) { siblings = Array($0.keys) }
        guard let from = siblings.firstIndex(of: mark), let to = siblings.firstIndex(of: selected) else { return [selected] }
        return Array(siblings[min(from, to)...max(from, to)])
    }

    /// Wraps the selected step (or the marked range) in Try/Catch/Finally and selects the Catch scope.
    static func wrap(_ state: inout DesignerState) {
        guard let document = state.document else { return }
        let names = range(document)
        guard !names.isEmpty else {
            state.notify("Select a step to wrap in Try/Catch/Finally (the trigger cannot be wrapped)", .warning)
            return
        }
        var created: TryCatchWrap.Names?
        state.document?.edit { flow in created = TryCatchWrap.wrap(names, in: &flow.definition) }
        guard let created else { return }
        state.document?.mark = nil
        state.document?.selected = created.tryScope
        let what = names.count == 1 ? names[0] : "\(names.count) steps"
        state.notify("Wrapped \(what) in \(created.tryScope); \(created.catchScope) reports a failure; \(created.finallyScope) always runs (u to undo)", .success)
    }

    /// The selected step's form, its focus on the run-after checkboxes (or the Run after field when it runs first).
    static func configureRunAfter(_ state: DesignerState) -> (any Screen)? {
        guard let name = state.document?.selected, let step = state.document?.flow.definition.step(named: name) else { return nil }
        let focus = step.runAfter.keys.first.map { StepSettings.statusField($0, .succeeded) } ?? "settings.runAfter"
        return StepFormScreen(step: step, state: state, focusField: focus)
    }
}
