import FlowExpressions
import OrderedCollections

extension FlowTemplates {
    /// The question a template asks for its trigger: the answer is a `TriggerKind` raw value (the connector page
    /// offers every trigger of the catalog, the one selected there first).
    public static let triggerQuestion = FlowTemplate.Question(key: "trigger", prompt: "Trigger", kind: .string, connectionKind: nil,
                                                              defaultValue: .string(TriggerKind.manual.rawValue))

    /// The name of the placeholder step inside Try (the user replaces it with the steps that may fail).
    public static let tryPlaceholder = "Steps_that_may_fail"

    /// Error handling on any trigger: the "wrap in Try/Catch/Finally" of the canvas applied to a placeholder step,
    /// so Catch runs after Try Failed or TimedOut and reports `result('Try')`'s failed action, and Finally runs after
    /// Catch whatever its status.
    public static let tryCatchFinally = FlowTemplate(
        id: "try-catch-finally", displayName: "Handle errors with Try, Catch and Finally",
        description: "Try holds the steps that may fail; Catch runs when Try failed or timed out and reports the failed step and its message; Finally always runs.",
        trigger: .manual, questions: [triggerQuestion]
    ) { answers in
        let kind = answers["trigger"]?.stringValue.flatMap(TriggerKind.init(caseInsensitive:)) ?? .manual
        var flow = Flow(id: "try-catch-finally", displayName: "Handle errors with Try, Catch and Finally", trigger: defaultTrigger(kind))
        var placeholder = Step(name: tryPlaceholder, type: .compose, inputs: "Replace this step with the steps that may fail")
        placeholder.description = "Placeholder: add the steps that may fail here, in Try, then delete this one"
        flow.definition.actions[placeholder.name] = placeholder
        TryCatchWrap.wrap([placeholder.name], in: &flow.definition)
        return flow
    }

    /// A trigger of `kind` with the catalog's default for each parameter that has one.
    public static func defaultTrigger(_ kind: TriggerKind) -> Trigger {
        var parameters: OrderedDictionary<String, JSONValue> = [:]
        for parameter in Catalog.trigger(kind).parameters {
            if let value = parameter.defaultValue { parameters[parameter.key] = value }
        }
        return Trigger(kind: kind, parameters: parameters)
    }
}
