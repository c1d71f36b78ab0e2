import FlowExpressions
import OrderedCollections

/// Turns a `Flow` into its file form: known members in a fixed order, then unknown members as read.
enum FlowEncoder {
    /// The whole flow file as a JSON value.
    static func encode(_ flow: Flow) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        members["id"] = .string(flow.id)
        members["displayName"] = .string(flow.displayName)
        if let description = flow.description { members["description"] = .string(description) }
        members["state"] = .string(flow.state.rawValue)
        members["version"] = .int(flow.version)
        if let createdAt = flow.createdAt { members["createdAt"] = .string(createdAt) }
        if let modifiedAt = flow.modifiedAt { members["modifiedAt"] = .string(modifiedAt) }
        if let enabledAt = flow.enabledAt { members["enabledAt"] = .string(enabledAt) }
        members["definition"] = encode(flow.definition)
        merge(flow.extra, into: &members)
        return .object(members)
    }

    /// A workflow definition as a JSON value.
    static func encode(_ definition: WorkflowDefinition) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        if let schema = definition.schema { members["$schema"] = .string(schema) }
        if let contentVersion = definition.contentVersion { members["contentVersion"] = .string(contentVersion) }
        if let parameters = definition.parameters { members["parameters"] = parameters }
        var triggers = OrderedDictionary<String, JSONValue>()
        for (name, trigger) in definition.triggers { triggers[name] = encode(trigger) }
        members["triggers"] = .object(triggers)
        members["actions"] = encode(definition.actions)
        if let outputs = definition.outputs { members["outputs"] = outputs }
        merge(definition.extra, into: &members)
        return .object(members)
    }

    static func encode(_ trigger: Trigger) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        members["type"] = .string(trigger.type)
        if let description = trigger.description { members["description"] = .string(description) }
        if let inputs = trigger.inputs { members["inputs"] = inputs }
        if !trigger.conditions.isEmpty {
            members["conditions"] = .array(trigger.conditions.map { .object(["expression": .string($0)]) })
        }
        merge(trigger.extra, into: &members)
        return .object(members)
    }

    static func encode(_ steps: StepList) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        members.reserveCapacity(steps.count)
        for (name, step) in steps { members[name] = encode(step) }
        return .object(members)
    }

    static func encode(_ step: Step) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        members["type"] = .string(step.type.rawValue)
        if let description = step.description { members["description"] = .string(description) }
        if let expression = step.expression { members["expression"] = expression }
        if let foreach = step.foreach { members["foreach"] = .string(foreach) }
        if let inputs = step.inputs { members["inputs"] = inputs }
        if let actions = step.actions { members["actions"] = encode(actions) }
        if let elseActions = step.elseActions { members["else"] = .object(["actions": encode(elseActions)]) }
        if let cases = step.cases { members["cases"] = encode(cases) }
        if let defaultActions = step.defaultActions { members["default"] = .object(["actions": encode(defaultActions)]) }
        if let limit = step.limit { members["limit"] = encode(limit) }
        if !(step.omitsRunAfter && step.runAfter.isEmpty) {
            members["runAfter"] = .object(step.runAfter.mapValues { .array($0.map { .string($0.rawValue) }) })
        }
        if let runtimeConfiguration = step.runtimeConfiguration { members["runtimeConfiguration"] = runtimeConfiguration }
        merge(step.extra, into: &members)
        return .object(members)
    }

    static func encode(_ cases: OrderedDictionary<String, SwitchCase>) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        for (name, switchCase) in cases {
            var caseMembers: OrderedDictionary<String, JSONValue> = ["case": switchCase.value, "actions": encode(switchCase.actions)]
            merge(switchCase.extra, into: &caseMembers)
            members[name] = .object(caseMembers)
        }
        return .object(members)
    }

    static func encode(_ limit: StepLimit) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        if let count = limit.count { members["count"] = .int(count) }
        if let timeout = limit.timeout { members["timeout"] = .string(timeout) }
        merge(limit.extra, into: &members)
        return .object(members)
    }

    private static func merge(_ extra: OrderedDictionary<String, JSONValue>, into members: inout OrderedDictionary<String, JSONValue>) {
        for (key, value) in extra where members[key] == nil { members[key] = value }
    }
}
