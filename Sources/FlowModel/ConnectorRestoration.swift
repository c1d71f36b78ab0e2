import FlowExpressions
import OrderedCollections

/// Gives translated connector actions and triggers back their original form for an export to the cloud: the
/// imported `type` and `inputs`, with any input edited here written back under the connector parameter it came from.
enum ConnectorRestoration {
    /// Restores every translated step and trigger of an encoded definition (nested branches included).
    /// `apis`: the Logic Apps `$connections` keys' managed API ids (`ConnectorTranslation.connectionAPIs`).
    static func restoreDefinition(_ definition: JSONValue, apis: [String: String] = [:]) -> JSONValue {
        guard var members = definition.objectValue else { return definition }
        if let triggers = members["triggers"]?.objectValue { members["triggers"] = .object(triggers.mapValues(restoreTrigger)) }
        if let actions = members["actions"] { members["actions"] = restoreSteps(actions, apis: apis) }
        return .object(members)
    }

    static func restoreSteps(_ steps: JSONValue, apis: [String: String] = [:]) -> JSONValue {
        guard let members = steps.objectValue else { return steps }
        return .object(members.mapValues { step in
            guard var object = restoreStep(step, apis: apis).objectValue else { return step }
            if let inner = object["actions"] { object["actions"] = restoreSteps(inner, apis: apis) }
            for key in ["else", "default"] {
                if let inner = object[key]?["actions"] { object[key] = object[key]?.setting(restoreSteps(inner, apis: apis), atPath: "actions") }
            }
            if let cases = object["cases"]?.objectValue {
                object["cases"] = .object(cases.mapValues { switchCase in
                    guard let inner = switchCase["actions"] else { return switchCase }
                    return switchCase.setting(restoreSteps(inner, apis: apis), atPath: "actions")
                })
            }
            return .object(object)
        })
    }

    /// One step: the original connector action when it was translated, else the step unchanged.
    static func restoreStep(_ step: JSONValue, apis: [String: String] = [:]) -> JSONValue {
        guard var members = step.objectValue, let original = members.removeValue(forKey: ConnectorTranslation.originalKey) else { return step }
        guard let call = ConnectorCall(original, apis: apis), let mapping = ConnectorTranslation.map(call),
              members["type"]?.stringValue.map(StepType.init(caseInsensitive:)) == mapping.type else { return .object(members) }
        var parameters = call.parameters
        let current = members["inputs"]?.objectValue ?? [:]
        let rule = ConnectorRules.all.first { $0.matches(call) }
        for field in rule?.fields ?? [] {
            let value = current[field.input]
            guard value != mapping.inputs[field.input] else { continue }
            let key = mapping.sources[field.input] ?? field.keys[0]
            if let value { parameters[key] = value } else { parameters.removeValue(forKey: key) }
        }
        var inputs = original["inputs"]?.objectValue ?? [:]
        if !parameters.isEmpty || inputs[call.parametersKey] != nil { inputs[call.parametersKey] = .object(parameters) }
        members["type"] = original["type"] ?? .string("OpenApiConnection")
        members["inputs"] = .object(inputs)
        return .object(members)
    }

    /// One trigger: the original Customer Insights webhook trigger when it was translated, with edited parameters
    /// written back to the connector parameter they came from.
    static func restoreTrigger(_ trigger: JSONValue) -> JSONValue {
        guard var members = trigger.objectValue, let original = members.removeValue(forKey: ConnectorTranslation.originalKey) else { return trigger }
        let translated = ConnectorTranslation.translateTrigger(original)
        var parameters = original.value(atPath: "inputs.parameters")?.objectValue ?? [:]
        let current = members["inputs"]?.objectValue ?? [:]
        let before = translated["inputs"]?.objectValue ?? [:]
        for input in Set(current.keys).union(before.keys) where current[input] != before[input] {
            let key = parameters.keys.first { $0.lowercased().contains(input.lowercased()) } ?? input
            if let value = current[input] { parameters[key] = value } else { parameters.removeValue(forKey: key) }
        }
        members["type"] = original["type"] ?? .null
        var inputs = original["inputs"] ?? .object([:])
        if !parameters.isEmpty { inputs = inputs.setting(.object(parameters), atPath: "parameters") }
        members["inputs"] = inputs
        return .object(members)
    }
}
