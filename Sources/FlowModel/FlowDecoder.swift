import FlowExpressions
import OrderedCollections

/// Turns a parsed flow document into a `Flow`, naming the JSON path of anything malformed.
struct FlowDecoder {
    private var path: [JSONPath.Component] = []

    /// Decodes a whole flow file (the envelope around `definition`).
    static func decodeFlow(_ value: JSONValue) throws(FlowDecodingError) -> Flow {
        var decoder = FlowDecoder()
        return try decoder.flow(value)
    }

    /// Decodes a bare workflow definition (the object with `triggers` and `actions`).
    static func decodeDefinition(_ value: JSONValue) throws(FlowDecodingError) -> WorkflowDefinition {
        var decoder = FlowDecoder()
        return try decoder.definition(value)
    }

    private mutating func flow(_ value: JSONValue) throws(FlowDecodingError) -> Flow {
        var members = try object(value, "a flow file must be a JSON object with \"id\", \"displayName\" and \"definition\"")
        let id = try requiredString(&members, "id")
        let name = try requiredString(&members, "displayName")
        let stateText = try optionalString(&members, "state") ?? "Off"
        guard let state = FlowState(caseInsensitive: stateText) else {
            throw failure(at: "state", "unknown state '\(stateText)'; use \"On\" or \"Off\"")
        }
        let version = try optionalInt(&members, "version") ?? 0
        guard let definitionValue = members.removeValue(forKey: "definition") else {
            throw failure("missing \"definition\"; a flow file holds its workflow under \"definition\"")
        }
        path.append(.key("definition"))
        let definition = try definition(definitionValue)
        path.removeLast()
        var flow = Flow(id: id, displayName: name, state: state, version: version, definition: definition)
        flow.description = try optionalString(&members, "description")
        flow.createdAt = try optionalString(&members, "createdAt")
        flow.modifiedAt = try optionalString(&members, "modifiedAt")
        flow.extra = members
        return flow
    }

    private mutating func definition(_ value: JSONValue) throws(FlowDecodingError) -> WorkflowDefinition {
        var members = try object(value, "the definition must be a JSON object with \"triggers\" and \"actions\"")
        var definition = WorkflowDefinition()
        definition.schema = try optionalString(&members, "$schema")
        definition.contentVersion = try optionalString(&members, "contentVersion")
        definition.parameters = members.removeValue(forKey: "parameters")
        definition.outputs = members.removeValue(forKey: "outputs")
        if let triggersValue = members.removeValue(forKey: "triggers") {
            path.append(.key("triggers"))
            let triggerMembers = try object(triggersValue, "\"triggers\" must be an object of triggers by name")
            for (name, triggerValue) in triggerMembers {
                path.append(.key(name))
                definition.triggers[name] = try trigger(name: name, triggerValue)
                path.removeLast()
            }
            path.removeLast()
        }
        definition.actions = try stepList(members.removeValue(forKey: "actions"), key: "actions") ?? [:]
        definition.extra = members
        return definition
    }

    private mutating func trigger(name: String, _ value: JSONValue) throws(FlowDecodingError) -> Trigger {
        var members = try object(value, "a trigger must be a JSON object with a \"type\"")
        var trigger = Trigger(name: name, type: try requiredString(&members, "type"))
        trigger.description = try optionalString(&members, "description")
        trigger.inputs = members.removeValue(forKey: "inputs")
        if let conditions = members.removeValue(forKey: "conditions") {
            path.append(.key("conditions"))
            trigger.conditions = try triggerConditions(conditions)
            path.removeLast()
        }
        trigger.extra = members
        return trigger
    }

    private mutating func triggerConditions(_ value: JSONValue) throws(FlowDecodingError) -> [String] {
        guard case .array(let items) = value else { throw failure("\"conditions\" must be an array of {\"expression\": \"@...\"}") }
        var result: [String] = []
        for (i, item) in items.enumerated() {
            guard let expression = item["expression"]?.stringValue else {
                path.append(.index(i))
                throw failure("each trigger condition must be an object {\"expression\": \"@...\"}")
            }
            result.append(expression)
        }
        return result
    }

    private mutating func stepList(_ value: JSONValue?, key: String) throws(FlowDecodingError) -> StepList? {
        guard let value else { return nil }
        path.append(.key(key))
        let members = try object(value, "\"\(key)\" must be an object of steps by name")
        var steps = StepList()
        steps.reserveCapacity(members.count)
        for (name, stepValue) in members {
            path.append(.key(name))
            steps[name] = try step(name: name, stepValue)
            path.removeLast()
        }
        path.removeLast()
        return steps
    }

    private mutating func step(name: String, _ value: JSONValue) throws(FlowDecodingError) -> Step {
        var members = try object(value, "a step must be a JSON object with a \"type\"")
        var step = Step(name: name, type: StepType(caseInsensitive: try requiredString(&members, "type")))
        step.actions = nil
        step.elseActions = nil
        step.cases = nil
        step.defaultActions = nil
        step.description = try optionalString(&members, "description")
        step.inputs = members.removeValue(forKey: "inputs")
        step.expression = members.removeValue(forKey: "expression")
        step.foreach = try optionalString(&members, "foreach")
        step.runtimeConfiguration = members.removeValue(forKey: "runtimeConfiguration")
        step.runAfter = try runAfter(members.removeValue(forKey: "runAfter"))
        step.actions = try stepList(members.removeValue(forKey: "actions"), key: "actions")
        step.elseActions = try branch(members.removeValue(forKey: "else"), key: "else")
        step.defaultActions = try branch(members.removeValue(forKey: "default"), key: "default")
        step.cases = try cases(members.removeValue(forKey: "cases"))
        step.limit = try limit(members.removeValue(forKey: "limit"))
        step.extra = members
        return step
    }

    /// Reads `{"actions": {...}}` (the shape of `else` and `default`).
    private mutating func branch(_ value: JSONValue?, key: String) throws(FlowDecodingError) -> StepList? {
        guard let value else { return nil }
        path.append(.key(key))
        var members = try object(value, "\"\(key)\" must be an object {\"actions\": {...}}")
        let steps = try stepList(members.removeValue(forKey: "actions"), key: "actions") ?? [:]
        path.removeLast()
        return steps
    }

    private mutating func cases(_ value: JSONValue?) throws(FlowDecodingError) -> OrderedDictionary<String, SwitchCase>? {
        guard let value else { return nil }
        path.append(.key("cases"))
        let members = try object(value, "\"cases\" must be an object of cases by name")
        var result = OrderedDictionary<String, SwitchCase>()
        for (caseName, caseValue) in members {
            path.append(.key(caseName))
            var caseMembers = try object(caseValue, "a switch case must be an object {\"case\": value, \"actions\": {...}}")
            guard let match = caseMembers.removeValue(forKey: "case") else { throw failure("a switch case needs \"case\": the value it matches") }
            var switchCase = SwitchCase(value: match, actions: try stepList(caseMembers.removeValue(forKey: "actions"), key: "actions") ?? [:])
            switchCase.extra = caseMembers
            result[caseName] = switchCase
            path.removeLast()
        }
        path.removeLast()
        return result
    }

    private mutating func limit(_ value: JSONValue?) throws(FlowDecodingError) -> StepLimit? {
        guard let value else { return nil }
        path.append(.key("limit"))
        var members = try object(value, "\"limit\" must be an object such as {\"count\": 60, \"timeout\": \"PT1H\"}")
        var limit = StepLimit()
        limit.count = try optionalInt(&members, "count")
        limit.timeout = try optionalString(&members, "timeout")
        limit.extra = members
        path.removeLast()
        return limit
    }

    private mutating func runAfter(_ value: JSONValue?) throws(FlowDecodingError) -> OrderedDictionary<String, [RunAfterStatus]> {
        guard let value else { return [:] }
        path.append(.key("runAfter"))
        let members = try object(value, "\"runAfter\" must be an object such as {\"Previous_step\": [\"Succeeded\"]}")
        var result = OrderedDictionary<String, [RunAfterStatus]>()
        for (predecessor, statusesValue) in members {
            path.append(.key(predecessor))
            guard case .array(let items) = statusesValue else {
                throw failure("the statuses after \"\(predecessor)\" must be an array such as [\"Succeeded\"]")
            }
            var statuses: [RunAfterStatus] = []
            for (i, item) in items.enumerated() {
                guard let text = item.stringValue, let status = RunAfterStatus(caseInsensitive: text) else {
                    path.append(.index(i))
                    throw failure("unknown runAfter status \(item.jsonText()); use Succeeded, Failed, Skipped or TimedOut")
                }
                statuses.append(status)
            }
            result[predecessor] = statuses
            path.removeLast()
        }
        path.removeLast()
        return result
    }

    // MARK: - Primitive readers

    private func object(_ value: JSONValue, _ message: String) throws(FlowDecodingError) -> OrderedDictionary<String, JSONValue> {
        guard case .object(let members) = value else { throw failure("\(message); found \(value.typeDescription)") }
        return members
    }

    private func requiredString(_ members: inout OrderedDictionary<String, JSONValue>, _ key: String) throws(FlowDecodingError) -> String {
        guard let value = members.removeValue(forKey: key) else { throw failure("missing \"\(key)\"") }
        guard case .string(let text) = value else { throw failure(at: key, "\"\(key)\" must be a string; found \(value.typeDescription)") }
        return text
    }

    private func optionalString(_ members: inout OrderedDictionary<String, JSONValue>, _ key: String) throws(FlowDecodingError) -> String? {
        guard let value = members.removeValue(forKey: key), !value.isNull else { return nil }
        guard case .string(let text) = value else { throw failure(at: key, "\"\(key)\" must be a string; found \(value.typeDescription)") }
        return text
    }

    private func optionalInt(_ members: inout OrderedDictionary<String, JSONValue>, _ key: String) throws(FlowDecodingError) -> Int? {
        guard let value = members.removeValue(forKey: key), !value.isNull else { return nil }
        guard case .int(let number) = value else { throw failure(at: key, "\"\(key)\" must be a whole number; found \(value.typeDescription)") }
        return number
    }

    private func failure(at key: String? = nil, _ message: String) -> FlowDecodingError {
        FlowDecodingError(path: key.map { path + [.key($0)] } ?? path, message: message)
    }
}
