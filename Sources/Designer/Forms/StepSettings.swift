import FlowExpressions
import FlowModel
import OrderedCollections
import TerminalUI

/// A setting the user typed that cannot be applied.
struct SettingError: Error {
    var message: String
    /// The id of the field at fault (the form moves the focus there).
    var field: String?
}

/// The settings part of a step form: run after (the steps, then a checkbox per status of each), retry policy,
/// timeout, and secure inputs/outputs.
enum StepSettings {
    static let retryKinds = ["default", "none", "fixed", "exponential"]

    /// The id of the checkbox of `status` after `step`.
    static func statusField(_ step: String, _ status: RunAfterStatus) -> String { "settings.runAfter.\(step).\(status.rawValue)" }

    static func fields(_ step: Step) -> [FormField] {
        let runAfter = step.runAfter.keys.joined(separator: "; ")
        let policy = step.retryPolicy
        let kindIndex = policy.map { retryKinds.firstIndex(of: $0.kind.rawValue) ?? 0 } ?? 0
        var fields = [
            FormField.text("settings.runAfter", "Run after", runAfter, help: "Step: Succeeded, Failed, Skipped, TimedOut; separate steps with ;"),
            FormField(id: "settings.retry", label: "Retry policy", help: "default: the step type's default (←/→ to choose)", control: .choice(ChoiceList(options: retryKinds, selected: kindIndex))),
            FormField.text("settings.retryCount", "Retry count", policy?.count.map(String.init) ?? "", help: "Retries after the first attempt (fixed/exponential)", kind: .integer),
            FormField.text("settings.retryInterval", "Retry interval", policy?.interval ?? "", help: "ISO 8601, e.g. PT7S", kind: .duration),
        ]
        // A step whose own parameters edit `limit.timeout` (Do until) gets no second Timeout field: both would
        // write the same member, and the unchanged one would overwrite what was typed in the other.
        if !editsTimeoutAsParameter(step.type) {
            fields.append(FormField.text("settings.timeout", "Timeout", step.limit?.timeout ?? "", help: "ISO 8601, e.g. PT1H (empty: no limit)", kind: .duration))
        }
        return fields + statusFields(step) + secureFields(step) + [noteField(step)]
    }

    /// The step's note (`description`): shown on its card.
    private static func noteField(_ step: Step) -> FormField {
        FormField.text("settings.note", "Note", step.description ?? "", help: "A note shown on the step's card (its description); empty: none")
    }

    /// True when the step type's catalog parameters include `limit.timeout`.
    static func editsTimeoutAsParameter(_ type: StepType) -> Bool {
        Catalog.step(type)?.parameters.contains { $0.key == "limit.timeout" } ?? false
    }

    /// A checkbox per run-after status of each step this one runs after (Space toggles).
    private static func statusFields(_ step: Step) -> [FormField] {
        step.runAfter.flatMap { name, statuses in
            RunAfterStatus.allCases.map { status in
                FormField(id: statusField(name, status), label: "After \(name)", help: "Run when \(name) ended \(status.rawValue) (Space toggles)",
                          control: .checkbox(Checkbox(status.rawValue, isChecked: (statuses.isEmpty ? [.succeeded] : statuses).contains(status))))
            }
        }
    }

    /// Secure inputs / outputs (`runtimeConfiguration.secureData`): the run history shows them redacted.
    private static func secureFields(_ step: Step) -> [FormField] {
        let properties = step.runtimeConfiguration?.value(atPath: "secureData.properties")?.arrayValue?.compactMap(\.stringValue) ?? []
        return [
            FormField(id: "settings.secureInputs", label: "Secure inputs", help: "Keep this step's inputs out of the run history (Space toggles)",
                      control: .checkbox(Checkbox("redact inputs in history", isChecked: properties.contains("inputs")))),
            FormField(id: "settings.secureOutputs", label: "Secure outputs", help: "Keep this step's outputs out of the run history (Space toggles)",
                      control: .checkbox(Checkbox("redact outputs in history", isChecked: properties.contains("outputs")))),
        ]
    }

    static func apply(_ form: FormModel, to step: inout Step) throws(SettingError) {
        do {
            step.runAfter = try runAfter(form.text("settings.runAfter"), checked: { name in
                let statuses = RunAfterStatus.allCases.filter { form.text(statusField(name, $0)) == "true" }
                let shown = RunAfterStatus.allCases.contains { form.field(statusField(name, $0)) != nil }
                return shown ? statuses : nil
            })
        } catch {
            throw SettingError(message: error.message, field: error.field ?? "settings.runAfter")
        }
        applySecureData(inputs: form.text("settings.secureInputs") == "true", outputs: form.text("settings.secureOutputs") == "true", to: &step)
        let kind = form.text("settings.retry")
        let typedRetry = ["settings.retryCount", "settings.retryInterval"].contains { !form.text($0).trimmingCharacters(in: .whitespaces).isEmpty }
        if kind == "default" || kind.isEmpty, typedRetry {
            // The default policy has no count or interval: they would be dropped without a word.
            throw SettingError(message: "a retry count or interval needs the fixed or exponential policy: choose one (←/→), or clear them",
                               field: "settings.retry")
        }
        if kind == "default" || kind.isEmpty {
            if step.retryPolicy != nil { step.retryPolicy = nil }
        } else if let policyKind = RetryPolicy.Kind(rawValue: kind) {
            let interval = form.text("settings.retryInterval").trimmingCharacters(in: .whitespaces)
            step.retryPolicy = RetryPolicy(kind: policyKind, count: Int(form.text("settings.retryCount").trimmingCharacters(in: .whitespaces)),
                                           interval: interval.isEmpty ? nil : interval)
        }
        if let inputs = step.inputs, inputs == .object([:]) { step.inputs = nil }
        if form.field("settings.note") != nil {
            let note = form.text("settings.note").trimmingCharacters(in: .whitespaces)
            if note != (step.description ?? "") { step.description = note.isEmpty ? nil : note }
        }
        guard form.field("settings.timeout") != nil else { return }
        let timeout = form.text("settings.timeout").trimmingCharacters(in: .whitespaces)
        if timeout.isEmpty {
            if step.limit?.count == nil { step.limit = nil } else { step.limit?.timeout = nil }
        } else {
            guard ISODuration(timeout) != nil else { throw SettingError(message: "Timeout: \(timeout) is not an ISO 8601 duration", field: "settings.timeout") }
            step.limit = StepLimit(count: step.limit?.count, timeout: timeout)
        }
    }

    /// Sets or removes `runtimeConfiguration.secureData.properties`, keeping the rest of `runtimeConfiguration`.
    static func applySecureData(inputs: Bool, outputs: Bool, to step: inout Step) {
        let wanted = (inputs ? ["inputs"] : []) + (outputs ? ["outputs"] : [])
        let current = step.runtimeConfiguration?.value(atPath: "secureData.properties")?.arrayValue?.compactMap(\.stringValue) ?? []
        guard Set(wanted) != Set(current) else { return }
        var configuration = step.runtimeConfiguration?.objectValue ?? [:]
        if wanted.isEmpty {
            configuration.removeValue(forKey: "secureData")
        } else {
            configuration["secureData"] = .object(["properties": .array(wanted.map(JSONValue.string))])
        }
        step.runtimeConfiguration = configuration.isEmpty ? nil : .object(configuration)
    }

    /// Parses the run-after steps: `A; B`, statuses from `checked` (the form's checkboxes, nil for a step that has
    /// none), else typed as `A: Succeeded, Failed` (statuses default to Succeeded).
    static func runAfter(_ text: String, checked: (String) -> [RunAfterStatus]? = { _ in nil }) throws(SettingError) -> OrderedDictionary<String, [RunAfterStatus]> {
        var result: OrderedDictionary<String, [RunAfterStatus]> = [:]
        for entry in text.split(separator: ";") {
            let parts = entry.split(separator: ":", maxSplits: 1)
            let name = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if name.isEmpty { continue }
            var statuses: [RunAfterStatus] = []
            for word in (parts.count > 1 ? parts[1] : "").split(separator: ",") {
                let trimmed = word.trimmingCharacters(in: .whitespaces)
                guard let status = RunAfterStatus(caseInsensitive: trimmed) else {
                    throw SettingError(message: "Run after: '\(trimmed)' is not a status (Succeeded, Failed, Skipped, TimedOut)")
                }
                statuses.append(status)
            }
            if statuses.isEmpty, let boxes = checked(name) {
                guard !boxes.isEmpty else {
                    throw SettingError(message: "Run after \(name): tick at least one status", field: statusField(name, .succeeded))
                }
                statuses = boxes
            }
            result[name] = statuses.isEmpty ? [.succeeded] : statuses
        }
        return result
    }
}
