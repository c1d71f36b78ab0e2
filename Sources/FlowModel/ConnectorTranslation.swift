import FlowExpressions
import OrderedCollections

/// Rewrites Power Automate / Logic Apps connector actions (`OpenApiConnection`, `ApiConnection`) into
/// InsightFlow's step types, where the operation is one InsightFlow runs. The original `type` and `inputs` stay in
/// the step under `ConnectorTranslation.originalKey`, so an export gives the cloud its own action back
/// (`ConnectorRestoration`).
enum ConnectorTranslation {
    /// The member of a translated step or trigger holding the connector action as it was imported.
    static let originalKey = "x-insightflow-connector"

    /// `apis`: a Logic Apps `$connections` value's keys → the managed API id each names (`.../managedApis/teams`), so
    /// an `ApiConnection` action naming `@parameters('$connections')['Sales channel']['connectionId']` is known as Teams.
    static func translateDefinition(_ definition: JSONValue, apis: [String: String] = [:], translated: inout [String]) -> JSONValue {
        guard var members = definition.objectValue else { return definition }
        if let triggers = members["triggers"]?.objectValue {
            members["triggers"] = .object(triggers.mapValues(translateTrigger))
        }
        if let actions = members["actions"] { members["actions"] = translateSteps(actions, apis: apis, translated: &translated) }
        return .object(members)
    }

    /// The managed API id of each connection of a Logic Apps `$connections` parameter value (`{"value": {key: {"id"}}}`).
    static func connectionAPIs(_ parameterValues: JSONValue?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, entry) in parameterValues?.value(atPath: "$connections.value")?.objectValue ?? [:] {
            if let id = entry["id"]?.stringValue { result[key] = id }
        }
        return result
    }

    static func translateSteps(_ steps: JSONValue, apis: [String: String] = [:], translated: inout [String]) -> JSONValue {
        guard let members = steps.objectValue else { return steps }
        var result = OrderedDictionary<String, JSONValue>()
        for (name, step) in members {
            var converted = translateStep(step, name: name, apis: apis, translated: &translated)
            if var object = converted.objectValue {
                for key in ["actions"] where object[key] != nil { object[key] = translateSteps(object[key] ?? .null, apis: apis, translated: &translated) }
                for key in ["else", "default"] {
                    if let inner = object[key]?["actions"] { object[key] = object[key]?.setting(translateSteps(inner, apis: apis, translated: &translated), atPath: "actions") }
                }
                if let cases = object["cases"]?.objectValue {
                    object["cases"] = .object(cases.mapValues { switchCase in
                        guard let inner = switchCase["actions"] else { return switchCase }
                        return switchCase.setting(translateSteps(inner, apis: apis, translated: &translated), atPath: "actions")
                    })
                }
                converted = .object(object)
            }
            result[name] = converted
        }
        return .object(result)
    }

    /// One connector action to an InsightFlow step (keeping the original under `originalKey`), or unchanged.
    static func translateStep(_ step: JSONValue, name: String, apis: [String: String] = [:], translated: inout [String]) -> JSONValue {
        guard step[originalKey] == nil, let call = ConnectorCall(step, apis: apis), let mapping = map(call) else { return step }
        translated.append("\(name): \(call.operationId) → \(mapping.type)")
        var members = step.objectValue ?? [:]
        members["type"] = .string(mapping.type.rawValue)
        members["inputs"] = .object(mapping.inputs)
        members[originalKey] = ["type": step["type"] ?? .null, "inputs": step["inputs"] ?? .null]
        return .object(members)
    }

    /// The InsightFlow step a connector call becomes, with the parameter key each input came from (export writes
    /// edited inputs back under those keys); nil when InsightFlow does not run the operation.
    static func map(_ call: ConnectorCall) -> ConnectorMapping? {
        for rule in ConnectorRules.all where rule.matches(call) {
            var inputs: OrderedDictionary<String, JSONValue> = [:]
            // The connection a step naming none uses is not written (an app-built data action exported and imported
            // again comes back without one, as it was built).
            if call.connection != rule.defaultConnection.map(JSONValue.string) { inputs["connection"] = call.connection }
            var sources: [String: String] = [:]
            for field in rule.fields {
                if let key = field.keys.first(where: { call.parameters[$0] != nil }), let value = call.parameters[key] {
                    inputs[field.input] = value
                    sources[field.input] = key
                } else if let fallback = field.fallback {
                    inputs[field.input] = fallback
                }
            }
            return ConnectorMapping(type: rule.type, inputs: inputs, sources: sources)
        }
        return nil
    }

    /// Why a connector action is not translated, naming the connector and operation (for the importer's report).
    static func unsupportedReason(_ step: Step, apis: [String: String] = [:]) -> String? {
        guard let call = ConnectorCall(FlowCodec.jsonValue(step), apis: apis) else { return nil }
        let api = call.apiName.isEmpty ? "connector" : "'\(call.apiName)'"
        let supported = ConnectorRules.all.filter { $0.api.contains { call.apiId.contains($0) } }.flatMap(\.operations)
        let hint = supported.isEmpty ? "InsightFlow runs Teams, Outlook/SMTP and Customer Insights operations only"
            : "of this connector InsightFlow runs \(supported.joined(separator: ", "))"
        return "the \(api) operation '\(call.operationId)' is not supported here (\(hint)); the action is kept as imported and the flow stays Off"
    }

    /// A Customer Insights webhook trigger whose operation names one of the six triggers becomes that trigger; the
    /// original trigger stays under `originalKey`.
    static func translateTrigger(_ trigger: JSONValue) -> JSONValue {
        guard trigger[originalKey] == nil, let type = trigger["type"]?.stringValue?.lowercased(), type.contains("webhook") || type.contains("apiconnection"),
              let operation = trigger.value(atPath: "inputs.host.operationId")?.stringValue?.lowercased() else { return trigger }
        guard let kind = TriggerKind.connectorSix.first(where: { operation.contains($0.rawValue.lowercased()) }) else { return trigger }
        var members = trigger.objectValue ?? [:]
        members["type"] = .string(kind.typeName)
        let parameters = trigger.value(atPath: "inputs.parameters")?.objectValue
        var inputs = OrderedDictionary<String, JSONValue>()
        for (key, value) in parameters ?? [:] {
            let lowered = key.lowercased()
            if lowered.contains("datasource") { inputs["dataSource"] = value }
            else if lowered.contains("segment") { inputs["segment"] = value }
            else if lowered.contains("measure") { inputs["measure"] = value }
            else if lowered.contains("threshold") { inputs["threshold"] = value }
        }
        // A trigger without `parameters` (an app-built Full refresh completed, say) comes back without inputs.
        if parameters == nil && inputs.isEmpty { members.removeValue(forKey: "inputs") } else { members["inputs"] = .object(inputs) }
        members[originalKey] = ["type": trigger["type"] ?? .null, "inputs": trigger["inputs"] ?? .null]
        return .object(members)
    }
}

/// A connector action's call: which API, which operation, through which connection, with which parameters.
struct ConnectorCall {
    /// The API id or connection name, lower-cased (`/providers/microsoft.powerapps/apis/shared_teams`).
    var apiId: String
    /// The operation id as written (`PostMessageToConversation`).
    var operationId: String
    /// The parameters: `inputs.parameters` (OpenApiConnection) or `inputs.body` (ApiConnection).
    var parameters: OrderedDictionary<String, JSONValue>
    /// Where the parameters live in `inputs`.
    var parametersKey: String
    /// The connection the action names (connection name or reference), for the translated step's `connection`.
    var connection: JSONValue

    /// The API's short name (`shared_teams` → `teams`).
    var apiName: String {
        let last = apiId.split(separator: "/").last.map(String.init) ?? apiId
        return last.hasPrefix("shared_") ? String(last.dropFirst("shared_".count)) : last
    }

    init?(_ step: JSONValue, apis: [String: String] = [:]) {
        guard let type = step["type"]?.stringValue?.lowercased(), type == "openapiconnection" || type == "apiconnection",
              let inputs = step["inputs"] else { return nil }
        apiId = (inputs.value(atPath: "host.apiId")?.stringValue ?? inputs.value(atPath: "host.connection.name")?.stringValue
                 ?? inputs.value(atPath: "host.connection.referenceName")?.stringValue ?? "").lowercased()
        operationId = inputs.value(atPath: "host.operationId")?.stringValue ?? inputs["path"]?.stringValue ?? ""
        if let parameters = inputs["parameters"]?.objectValue {
            self.parameters = parameters
            parametersKey = "parameters"
        } else {
            parameters = inputs["body"]?.objectValue ?? [:]
            parametersKey = "body"
        }
        let last = apiId.split(separator: "/").last.map(String.init) ?? apiId
        connection = inputs.value(atPath: "host.connectionName") ?? inputs.value(atPath: "host.connectionReferenceName")
            ?? inputs.value(atPath: "host.connection.referenceName") ?? .string(last)
        // Logic Apps: `@parameters('$connections')['KEY']['connectionId']` names the connection KEY, whose managed API
        // the `$connections` value gives.
        if let name = inputs.value(atPath: "host.connection.name")?.stringValue, let key = Self.connectionKey(name) {
            connection = .string(key)
            if let api = apis[key] { apiId = api.lowercased() }
        }
    }

    /// KEY of `@parameters('$connections')['KEY']['connectionId']`, else nil.
    static func connectionKey(_ expression: String) -> String? {
        let prefix = "@parameters('$connections')['", suffix = "']['connectionId']"
        guard expression.hasPrefix(prefix), expression.hasSuffix(suffix), expression.count > prefix.count + suffix.count else { return nil }
        let key = expression.dropFirst(prefix.count).dropLast(suffix.count)
        return key.contains("'") ? nil : String(key)
    }
}

/// The result of translating one connector call.
struct ConnectorMapping {
    var type: StepType
    var inputs: OrderedDictionary<String, JSONValue>
    /// Translated input → the connector parameter key it came from.
    var sources: [String: String]
}

/// Which connector operations InsightFlow runs, and how their parameters become a step's inputs. Only the listed
/// operations are translated: a Teams `GetMessagesFromChannel` is not a post and stays unsupported.
struct ConnectorRules {
    /// Substrings of the API id that select the connector.
    var api: [String]
    /// Operation ids (compared case-insensitively; `path` of old ApiConnection actions by suffix).
    var operations: [String]
    var type: StepType
    var fields: [Field]
    /// True when `operations` are parts of the operation id rather than whole ids (the Customer Insights connector's
    /// operation ids vary between its versions).
    var matchesParts = false
    /// Parts of a Logic Apps `ApiConnection` path that name the operation (`/beta/teams/conversation/message/poster/...`).
    var pathParts: [String] = []
    /// The connection a step naming none uses (the data actions: `customerinsights`).
    var defaultConnection: String? = nil

    /// One translated input: the connector parameter keys it may come from (first present wins), else a fallback.
    struct Field {
        var input: String
        var keys: [String]
        var fallback: JSONValue? = nil
    }

    func matches(_ call: ConnectorCall) -> Bool {
        guard api.contains(where: { call.apiId.contains($0) }) else { return false }
        let operation = call.operationId.lowercased()
        if pathParts.contains(where: { operation.contains($0.lowercased()) }) { return true }
        if matchesParts { return operations.contains { operation.contains($0.lowercased()) } }
        return operations.contains { operation == $0.lowercased() || operation.hasSuffix("/" + $0.lowercased()) }
    }

    /// The writes come before the reads: `CreateItem` contains `item` too.
    static let all: [ConnectorRules] = [teams, email, insightsCreate, insightsUpdate, insightsEntities, insightsItems, insightsItem]

    static let teams = ConnectorRules(
        api: ["teams"],
        operations: ["PostMessageToConversation", "PostMessageToChannelV3", "PostMessageToChannelV2", "PostMessageToChannel"],
        type: .teamsPostMessage,
        fields: [Field(input: "text", keys: ["body/messageBody", "messageBody", "body/content", "message"], fallback: ""),
                 Field(input: "title", keys: ["body/subject", "subject"])],
        pathParts: ["/conversation/message/poster/"])

    static let email = ConnectorRules(
        api: ["office365", "outlook", "smtp"],
        operations: ["SendEmailV2", "SendEmail", "SendEmailV3", "SendMail", "SharedMailboxSendEmailV2", "Mail"],
        type: .sendEmail,
        fields: [Field(input: "to", keys: ["emailMessage/To", "To", "to"], fallback: ""),
                 Field(input: "cc", keys: ["emailMessage/Cc", "CC", "Cc", "cc"]),
                 Field(input: "bcc", keys: ["emailMessage/Bcc", "BCC", "Bcc", "bcc"]),
                 Field(input: "subject", keys: ["emailMessage/Subject", "Subject", "subject"], fallback: ""),
                 Field(input: "body", keys: ["emailMessage/Body", "Body", "body"], fallback: ""),
                 Field(input: "importance", keys: ["emailMessage/Importance", "Importance"])])

    static let insightsEntities = ConnectorRules(
        api: ["customerinsights"], operations: ["entities"], type: .getEntities, fields: [], matchesParts: true, defaultConnection: "customerinsights")

    static let insightsItems = ConnectorRules(
        api: ["customerinsights"], operations: ["items"], type: .getItems,
        fields: [Field(input: "entity", keys: ["entity", "entityName"], fallback: ""),
                 Field(input: "filter", keys: ["$filter", "filter"]),
                 Field(input: "select", keys: ["$select", "select"]),
                 Field(input: "orderBy", keys: ["$orderby", "orderBy"]),
                 Field(input: "top", keys: ["$top", "top"]),
                 Field(input: "skip", keys: ["$skip", "skip"])], matchesParts: true, defaultConnection: "customerinsights")

    static let insightsCreate = ConnectorRules(
        api: ["customerinsights"], operations: ["CreateItem", "CreateEntityItem", "PostItem"], type: .createItem,
        fields: [Field(input: "entity", keys: ["entity", "entityName"], fallback: ""),
                 Field(input: "item", keys: ["item", "body"], fallback: [:])], matchesParts: true, defaultConnection: "customerinsights")

    static let insightsUpdate = ConnectorRules(
        api: ["customerinsights"], operations: ["UpdateItem", "UpdateEntityItem", "PatchItem"], type: .updateItem,
        fields: [Field(input: "entity", keys: ["entity", "entityName"], fallback: ""),
                 Field(input: "id", keys: ["id", "itemId"], fallback: ""),
                 Field(input: "item", keys: ["item", "body"], fallback: [:])], matchesParts: true, defaultConnection: "customerinsights")

    static let insightsItem = ConnectorRules(
        api: ["customerinsights"], operations: ["item"], type: .getItem,
        fields: [Field(input: "entity", keys: ["entity", "entityName"], fallback: ""),
                 Field(input: "id", keys: ["id", "itemId"], fallback: "")], matchesParts: true, defaultConnection: "customerinsights")
}
