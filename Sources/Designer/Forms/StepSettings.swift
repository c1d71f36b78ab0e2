import FlowModel
import OrderedCollections
import TerminalUI

/// A setting the user typed that cannot be applied.
struct SettingError: Error {
    var message: String
    /// The id of the field at fault (the form moves the focus there).
    var field: String?
}

/// The settings part of a step form: run after, retry policy and timeout.
enum StepSettings {
    static let retryKinds = ["default", "none", "fixed", "exponential"]

    static func fields(_ step: Step) -> [FormField] {
        let runAfter = step.runAfter.map { "\($0.key): " + $0.value.map(\.rawValue).joined(separator: ", ") }.joined(separator: "; ")
        let policy = step.retryPolicy
        let kindIndex = policy.map { retryKinds.firstIndex(of: $0.kind.rawValue) ?? 0 } ?? 0
        return [
            FormField.text("settings.runAfter", "Run after", runAfter, help: "Step: Succeeded, Failed, Skipped, TimedOut; separate steps with ;"),
            FormField(id: "settings.retry", label: "Retry policy", help: "default: the step type's default (←/→ to choose)", control: .choice(ChoiceList(options: retryKinds, selected: kindIndex))),
            FormField.text("settings.retryCount", "Retry count", policy?.count.map(String.init) ?? "", help: "Retries after the first attempt (fixed/exponential)", kind: .integer),
            FormField.text("settings.retryInterval", "Retry interval", policy?.interval ?? "", help: "ISO 8601, e.g. PT7S", kind: .duration),
            FormField.text("settings.timeout", "Timeout", step.limit?.timeout ?? "", help: "ISO 8601, e.g. PT1H (empty: no limit)", kind: .duration),
        ]
    }

    static func apply(_ form: FormModel, to step: inout Step) throws(SettingError) {
        do {
            step.runAfter = try runAfter(form.text("settings.runAfter"))
        } catch {
            throw SettingError(message: error.message, field: "settings.runAfter")
        }
        let kind = form.text("settings.retry")
        if kind == "default" || kind.isEmpty {
            if step.retryPolicy != nil { step.retryPolicy = nil }
        } else if let policyKind = RetryPolicy.Kind(rawValue: kind) {
            let interval = form.text("settings.retryInterval").trimmingCharacters(in: .whitespaces)
            step.retryPolicy = RetryPolicy(kind: policyKind, count: Int(form.text("settings.retryCount").trimmingCharacters(in: .whitespaces)),
                                           interval: interval.isEmpty ? nil : interval)
        }
        if let inputs = step.inputs, inputs == .object([:]) { step.inputs = nil }
        let timeout = form.text("settings.timeout").trimmingCharacters(in: .whitespaces)
        if timeout.isEmpty {
            if step.limit?.count == nil { step.limit = nil } else { step.limit?.timeout = nil }
        } else {
            guard ISODuration(timeout) != nil else { throw SettingError(message: "Timeout: \(timeout) is not an ISO 8601 duration", field: "settings.timeout") }
            step.limit = StepLimit(count: step.limit?.count, timeout: timeout)
        }
    }

    /// Parses `A: Succeeded, Failed; B` (statuses default to Succeeded).
    static func runAfter(_ text: String) throws(SettingError) -> OrderedDictionary<String, [RunAfterStatus]> {
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
            result[name] = statuses.isEmpty ? [.succeeded] : statuses
        }
        return result
    }
}
