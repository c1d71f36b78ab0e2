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
        guard (0...Flow.maximumVersion).contains(version) else {
            throw failure(at: "version", "\"version\" must be between 0 and \(Flow.maximumVersion); found \(version) (set it to 1 to start again)")
        }
        guard let definitionValue = members.take("definition") else {
            throw failure("missing \"definition\"; a flow file holds its workflow under \"definition\"")
        }
        path.append(.key("definition"))
        let definition = try definition(definitionValue)
        path.removeLast()
        var flow = Flow(id: id, displayName: name, state: state, version: version, definition: definition)
        flow.description = try optionalString(&members, "description")
        flow.createdAt = try optionalString(&members, "createdAt")
        flow.modifiedAt = try optionalString(&members, "modifiedAt")
        flow.enabledAt = try optionalString(&members, "enabledAt")
        flow.extra = members.rest
        return flow
    }

    private mutating func definition(_ value: JSONValue) throws(FlowDecodingError) -> WorkflowDefinition {
        var members = try object(value, "the definition must be a JSON object with \"triggers\" and \"actions\"")
        var definition = WorkflowDefinition()
        definition.schema = try optionalString(&members, "$schema")
        definition.contentVersion = try optionalString(&members, "contentVersion")
        definition.parameters = members.take("parameters")
        definition.outputs = members.take("outputs")
        if let triggersValue = members.take("triggers") {
            path.append(.key("triggers"))
            let triggerMembers = try object(triggersValue, "\"triggers\" must be an object of triggers by name").all
            for (name, triggerValue) in triggerMembers {
                path.append(.key(name))
                definition.triggers[name] = try trigger(name: name, triggerValue)
                path.removeLast()
            }
            path.removeLast()
        }
        definition.actions = try stepList(members.take("actions"), key: "actions") ?? [:]
        definition.extra = members.rest
        return definition
    }

    private mutating func trigger(name: String, _ value: JSONValue) throws(FlowDecodingError) -> Trigger {
        var members = try object(value, "a trigger must be a JSON object with a \"type\"")
        var trigger = Trigger(name: name, type: try requiredString(&members, "type"))
        trigger.description = try optionalString(&members, "description")
        trigger.inputs = members.take("inputs")
        if let conditions = members.take("conditions") {
            path.append(.key("conditions"))
            trigger.conditions = try triggerConditions(conditions)
            path.removeLast()
        }
        trigger.extra = members.rest
        do throws(TriggerConcurrency.Problem) {
            _ = try TriggerConcurrency.read(trigger.extra["runtimeConfiguration"])
        } catch {
            let below = error.member.split(separator: ".").map { JSONPath.Component.key(String($0)) }
            throw FlowDecodingError(path: path + [.key("runtimeConfiguration")] + below, message: error.message)
        }
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
        let members = try object(value, "\"\(key)\" must be an object of steps by name").all
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
        step.inputs = members.take("inputs")
        step.expression = members.take("expression")
        step.foreach = try optionalString(&members, "foreach")
        step.runtimeConfiguration = members.take("runtimeConfiguration")
        let runAfterValue = members.take("runAfter")
        step.omitsRunAfter = runAfterValue == nil
        step.runAfter = try runAfter(runAfterValue)
        step.actions = try stepList(members.take("actions"), key: "actions")
        step.elseActions = try branch(members.take("else"), key: "else")
        step.defaultActions = try branch(members.take("default"), key: "default")
        step.cases = try cases(members.take("cases"))
        step.limit = try limit(members.take("limit"))
        step.extra = members.rest
        return step
    }

    /// Reads `{"actions": {...}}` (the shape of `else` and `default`).
    private mutating func branch(_ value: JSONValue?, key: String) throws(FlowDecodingError) -> StepList? {
        guard let value else { return nil }
        path.append(.key(key))
        var members = try object(value, "\"\(key)\" must be an object {\"actions\": {...}}")
        let steps = try stepList(members.take("actions"), key: "actions") ?? [:]
        path.removeLast()
        return steps
    }

    private mutating func cases(_ value: JSONValue?) throws(FlowDecodingError) -> OrderedDictionary<String, SwitchCase>? {
        guard let value else { return nil }
        path.append(.key("cases"))
        let members = try object(value, "\"cases\" must be an object of cases by name").all
        var result = OrderedDictionary<String, SwitchCase>()
        for (caseName, caseValue) in members {
            path.append(.key(caseName))
            var caseMembers = try object(caseValue, "a switch case must be an object {\"case\": value, \"actions\": {...}}")
            guard let match = caseMembers.take("case") else { throw failure("a switch case needs \"case\": the value it matches") }
            var switchCase = SwitchCase(value: match, actions: try stepList(caseMembers.take("actions"), key: "actions") ?? [:])
            switchCase.extra = caseMembers.rest
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
        limit.extra = members.rest
        path.removeLast()
        return limit
    }

    private mutating func runAfter(_ value: JSONValue?) throws(FlowDecodingError) -> OrderedDictionary<String, [RunAfterStatus]> {
        guard let value else { return [:] }
        path.append(.key("runAfter"))
        let members = try object(value, "\"runAfter\" must be an object such as {\"Previous_step\": [\"Succeeded\"]}").all
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

    private func object(_ value: JSONValue, _ message: String) throws(FlowDecodingError) -> MemberBag {
        guard case .object(let members) = value else { throw failure("\(message); found \(value.typeDescription)") }
        return MemberBag(members)
    }

    private func requiredString(_ members: inout MemberBag, _ key: String) throws(FlowDecodingError) -> String {
        guard let value = members.take(key) else { throw failure("missing \"\(key)\"") }
        guard case .string(let text) = value else { throw failure(at: key, "\"\(key)\" must be a string; found \(value.typeDescription)") }
        return text
    }

    private func optionalString(_ members: inout MemberBag, _ key: String) throws(FlowDecodingError) -> String? {
        guard let value = members.take(key), !value.isNull else { return nil }
        guard case .string(let text) = value else { throw failure(at: key, "\"\(key)\" must be a string; found \(value.typeDescription)") }
        return text
    }

    private func optionalInt(_ members: inout MemberBag, _ key: String) throws(FlowDecodingError) -> Int? {
        guard let value = members.take(key), !value.isNull else { return nil }
        guard case .int(let number) = value else { throw failure(at: key, "\"\(key)\" must be a whole number; found \(value.typeDescription)") }
        return number
    }

    private func failure(at key: String? = nil, _ message: String) -> FlowDecodingError {
        FlowDecodingError(path: key.map { path + [.key($0)] } ?? path, message: message)
    }
}

/// An object's members being read: known keys are taken, the rest stay (in file order) as unknown members.
/// Taking is a hash lookup; removing from an ordered dictionary would shift every later member.
struct MemberBag {
    private let members: OrderedDictionary<String, JSONValue>
    private var taken: Set<String> = []

    init(_ members: OrderedDictionary<String, JSONValue>) { self.members = members }

    /// The member `key`, marked as known.
    mutating func take(_ key: String) -> JSONValue? {
        guard let value = members[key] else { return nil }
        taken.insert(key)
        return value
    }

    /// The members not taken, in file order.
    var rest: OrderedDictionary<String, JSONValue> {
        if taken.isEmpty { return members }
        if taken.count == members.count { return [:] }
        return members.filter { !taken.contains($0.key) }
    }

    /// Every member, for iteration.
    var all: OrderedDictionary<String, JSONValue> { members }
}
