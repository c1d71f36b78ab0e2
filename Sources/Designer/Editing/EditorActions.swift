import FlowModel
import TerminalUI

/// Editor commands shared by the canvas, forms and dialogs: save, save as copy, add, delete and rename steps.
enum EditorActions {
    /// Checks and saves the open flow. A flow with errors is saved Off.
    static func save(then: AfterSave, _ state: inout DesignerState) {
        guard var document = state.document else { return }
        let issues = FlowChecker.check(document.flow, context: state.checkContext)
        document.issues = issues
        state.document = document
        let errors = issues.filter { $0.severity == .error }.count
        if document.flow.state == .on, errors > 0 {
            state.ask("Save Off?", "\"\(document.flow.displayName)\" is On but has \(errors) error(s); it can only be saved Off, and then it stops firing.",
                      answers: [.saveOff, .keepEditing], selected: .keepEditing, for: .saveOff(then))
            return
        }
        write(then: then, &state)
    }

    /// Saves the open flow switched Off (the answer "Save Off" to an On flow with errors).
    static func saveOff(then: AfterSave, _ state: inout DesignerState) {
        state.document?.edit { $0.state = .off }
        write(then: then, &state)
    }

    /// Writes the open flow as it is.
    private static func write(then: AfterSave, _ state: inout DesignerState) {
        guard let document = state.document else { return }
        if document.isNew {
            state.perform(.createFlow(document.flow, then: then))
        } else {
            state.perform(.saveFlow(document.flow, expectedVersion: document.savedVersion, then: then))
        }
    }

    /// Saves the working copy as a new flow (after a conflict), leaving the stored one untouched.
    static func saveAsCopy(_ state: inout DesignerState) {
        guard var document = state.document else { return }
        document.flow.displayName += " (copy)"
        document.flow.state = .off
        document.isNew = true
        state.document = document
        save(then: .stay, &state)
    }

    /// Adds a step: first when the trigger is selected, asks where when the selection is a container, else after it.
    static func addStep(_ state: inout DesignerState) {
        guard let document = state.document else { return }
        guard let selected = document.selected, let step = document.flow.definition.step(named: selected) else {
            pickStep(at: .start(nil), &state)
            return
        }
        guard step.type.isContainer else {
            pickStep(at: .after(selected), &state)
            return
        }
        var placements: [Placement] = [.after(selected)]
        var buttons = ["After it"]
        for (label, _) in step.branches {
            placements.append(.start(BranchRef(container: selected, branch: label)))
            buttons.append(branchTitle(label, of: step.type))
        }
        var answers = buttons.enumerated().map { DialogAnswer.option($0.offset, label: $0.element) }
        // A Switch also offers a new case (the option after the placements): its value is asked next.
        if step.type == .switchCase { answers.append(.option(placements.count, label: "New case")) }
        state.ask("Add a step", "Add the new step after \(selected), or inside it?", answers: answers + [.cancel], for: .placement(placements))
    }

    /// Asks for the value of a new case of the Switch `container`; its first step is then picked.
    static func askNewCase(in container: String, _ state: inout DesignerState) {
        state.ask("New case", "Value of the new case of \(container) (a number or text the switch value must equal):",
                  answers: [.option(0, label: "Add case"), .cancel], input: TextField(), for: .newCase(container))
    }

    /// Opens the step picker first in a new case `value` of the Switch `container` (the case is created with
    /// its first step); refuses an empty value or one the Switch already has.
    static func addCase(_ value: String, in container: String, _ state: inout DesignerState) {
        guard !value.isEmpty else {
            state.notify("A case needs a value", .warning)
            return
        }
        let cases = state.document?.flow.definition.step(named: container)?.cases ?? [:]
        let taken = cases.contains { name, existing in name == value || StepParameters.text(existing.value) == value }
        guard !taken else {
            state.notify("\(container) already has a case \(value)", .error)
            return
        }
        pickStep(at: .start(BranchRef(container: container, branch: "cases." + value)), &state)
    }

    /// A branch label as the canvas shows it.
    static func branchTitle(_ label: String, of type: StepType) -> String {
        switch (type, label) {
        case (.condition, "actions"): return "If yes"
        case (.condition, "else"): return "If no"
        case (_, "default"): return "Default"
        case (_, "actions"): return "Inside"
        default: return label.hasPrefix("cases.") ? "Case " + label.dropFirst(6) : label
        }
    }

    /// Opens the step picker for a placement.
    static func pickStep(at placement: Placement, _ state: inout DesignerState) {
        state.stack.append(StepPickerScreen(placement: placement))
    }

    /// Deletes a step (undo restores it).
    static func deleteStep(_ name: String, _ state: inout DesignerState) {
        state.document?.edit { flow in StepTree.remove(name, from: &flow.definition) }
        state.document?.selected = nil
        state.notify("Deleted \(name) (u to undo)", .info)
    }

    /// Asks before deleting when other steps refer to the step; otherwise deletes at once.
    static func requestDelete(_ name: String, cutting: Bool = false, _ state: inout DesignerState) {
        guard let flow = state.document?.flow else { return }
        // A container goes with the steps inside it: references to any of them break, but not their own.
        let inside = flow.definition.allSteps.filter { $0.ancestors.contains(name) }.map(\.step.name)
        let removed = Set([name] + inside)
        var referrers: [String] = []
        for target in [name] + inside {
            for referrer in StepReferences.referrers(of: target, in: flow) where !removed.contains(referrer) && !referrers.contains(referrer) {
                referrers.append(referrer)
            }
        }
        if referrers.isEmpty {
            if cutting { ClipboardActions.completeCut(name, &state) } else { deleteStep(name, &state) }
        } else {
            let what = inside.isEmpty ? name : "\(name) or the steps inside it"
            state.ask(cutting ? "Cut step" : "Delete step", "\(referrers.joined(separator: ", ")) refer(s) to \(what) and will break. \(cutting ? "Cut" : "Delete") \(name) anyway?",
                      answers: [.delete, .cancel], selected: .cancel, for: cutting ? .cutStep(name) : .deleteStep(name))
        }
    }

    /// Renames a step and rewrites every reference to it.
    static func renameStep(_ old: String, to typed: String, _ state: inout DesignerState) {
        let new = typed.replacingOccurrences(of: " ", with: "_")
        guard new != old else { return }
        guard StepReferences.isValidName(new) else {
            state.notify("\"\(typed)\" is not a valid step name (letters, digits, _ - . only)", .error)
            return
        }
        guard state.document?.flow.definition.step(named: new) == nil else {
            state.notify("A step named \(new) already exists", .error)
            return
        }
        state.document?.edit { flow in flow = StepReferences.rename(old, to: new, in: flow) }
        state.document?.selected = new
        state.notify("Renamed \(old) to \(new); references updated", .success)
    }
}
