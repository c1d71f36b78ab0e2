import FlowExpressions
import FlowModel

/// `runtimeConfiguration.secureData.properties`: which of a step's inputs and outputs the history, `runs show`,
/// the Monitor and logs must not show.
struct SecureData {
    /// True when the step's inputs are hidden.
    let inputs: Bool
    /// True when the step's outputs are hidden.
    let outputs: Bool

    /// What the step asks to hide.
    init(_ step: Step) {
        let properties = step.runtimeConfiguration?.value(atPath: "secureData.properties")?.arrayValue ?? []
        let names = Set(properties.compactMap { $0.stringValue?.lowercased() })
        inputs = names.contains("inputs")
        outputs = names.contains("outputs")
    }

    /// A step result with its inputs and outputs replaced by the redaction markers (for checkpoints and `result()`).
    static func redactedResult(_ result: JSONValue) -> JSONValue {
        guard var members = result.objectValue else { return result }
        if members["inputs"] != nil { members["inputs"] = redactedInput }
        if members["outputs"] != nil, members["outputs"] != .null { members["outputs"] = redactedOutput }
        return .object(members)
    }

    /// True when the step's inputs name (in quotes, as `outputs('X')`, `body('X')` do) a step whose outputs are secure.
    static func referencesSecureOutput(_ step: Step, secureOutputSteps: Set<String>) -> Bool {
        guard !secureOutputSteps.isEmpty, let inputs = step.inputs else { return false }
        let text = inputs.jsonText()
        return secureOutputSteps.contains { text.contains("'\($0)'") }
    }

    /// The steps of a flow whose outputs are secure.
    static func secureOutputSteps(_ flow: Flow) -> Set<String> {
        var names = Set<String>()
        func visit(_ steps: StepList) {
            for step in steps.values {
                if step.runtimeConfiguration != nil, SecureData(step).outputs { names.insert(step.name) }
                if step.isContainer { for branch in step.branches { visit(branch.steps) } }
            }
        }
        visit(flow.definition.actions)
        return names
    }

    /// Shown in place of secure inputs.
    static let redactedInput: JSONValue = "<redacted: secure input>"
    /// Shown in place of secure outputs.
    static let redactedOutput: JSONValue = "<redacted: secure output>"
}
