import FlowModel
import TerminalUI

/// The trigger form's "Concurrency control" fields: on/off, concurrent runs and maximum waiting runs, read from and
/// written to the trigger's `runtimeConfiguration.concurrency`.
enum ConcurrencyFields {
    static let on = "trigger.concurrency.on"
    static let runs = "trigger.concurrency.runs"
    static let waiting = "trigger.concurrency.maximumWaitingRuns"

    /// The three fields, showing the trigger's current setting (off when it has none).
    static func fields(_ trigger: Trigger?) -> [FormField] {
        let current = trigger?.concurrency
        let runsRange = TriggerConcurrency.runsRange, waitingRange = TriggerConcurrency.waitingRange
        return [
            FormField(id: on, label: "Concurrency control", help: "Limit how many runs of this flow execute at once (Space toggles)",
                      control: .checkbox(Checkbox("limit runs of this flow", isChecked: current != nil))),
            FormField.text(runs, "Concurrent runs", current?.runs.map(String.init) ?? "",
                           help: "\(runsRange.lowerBound)-\(runsRange.upperBound) runs at once (empty: the runner's per-flow default)", kind: .integer),
            FormField.text(waiting, "Max waiting runs", current?.maximumWaitingRuns.map(String.init) ?? "",
                           help: "\(waitingRange.lowerBound)-\(waitingRange.upperBound) runs waiting for a slot; more are refused (empty: 10 + runs, at most 100)", kind: .integer),
        ]
    }

    /// The setting the form describes: nil when concurrency control is off; the field and the reason when a number
    /// is out of range.
    static func value(_ form: FormModel) -> Result<TriggerConcurrency?, Problem> {
        guard form.text(on) == "true" else { return .success(nil) }
        var control = TriggerConcurrency()
        for (id, range) in [(runs, TriggerConcurrency.runsRange), (waiting, TriggerConcurrency.waitingRange)] {
            let text = form.text(id).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let number = Int(text), range.contains(number) else {
                return .failure(Problem(field: id, message: "must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            if id == runs { control.runs = number } else { control.maximumWaitingRuns = number }
        }
        return .success(control)
    }

    /// Typing a number into Concurrent runs or Max waiting runs ticks "limit runs of this flow": the box decides
    /// whether the numbers apply, and a number typed with it unticked was dropped without a word.
    static func tickWhenTyped(_ form: inout FormModel, before: [String]) {
        guard form.fields.indices.contains(form.focus), before.indices.contains(form.focus) else { return }
        let field = form.fields[form.focus]
        guard field.id == runs || field.id == waiting, field.text != before[form.focus],
              !field.text.trimmingCharacters(in: .whitespaces).isEmpty,
              let index = form.fields.firstIndex(where: { $0.id == on }), case .checkbox(var box) = form.fields[index].control, !box.isChecked
        else { return }
        box.isChecked = true
        form.fields[index].control = .checkbox(box)
    }

    /// A field whose value cannot be written, and why.
    struct Problem: Error {
        var field: String
        var message: String
    }
}
