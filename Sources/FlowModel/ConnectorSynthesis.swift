import FlowExpressions
import OrderedCollections

/// Writes the connector steps built in this app (Teams post, send an email, the Customer Insights data actions —
/// steps that were never imported, so they carry no kept original) as the cloud connector's actions for an export:
/// `OpenApiConnection` for Power Automate, `ApiConnection` for Logic Apps. Each connection the steps name becomes a
/// connection reference (Power Automate) or a `$connections` entry (Logic Apps) keyed by the connection's name, so an
/// import of the export gives back the same steps, inputs and connections.
///
/// The shapes follow the import fixtures (`Tests/FlowModelTests/Fixtures/ImportExport`); where no fixture shows a
/// shape, it is marked *guessed* below and in docs/actions.md.
enum ConnectorSynthesis {
    /// One connector: its Power Automate API name and its Logic Apps managed API name.
    struct API: Hashable {
        var automateName: String
        var logicAppName: String
        static let teams = API(automateName: "shared_teams", logicAppName: "teams")
        static let office365 = API(automateName: "shared_office365", logicAppName: "office365")
        static let customerInsights = API(automateName: "shared_customerinsights", logicAppName: "customerinsights")
        var apiId: String { "/providers/Microsoft.PowerApps/apis/" + automateName }
    }

    /// The connections the written actions use: reference key → connector, in first-use order.
    typealias References = OrderedDictionary<String, API>

    /// The cloud format being written (only the two cloud formats reach here).
    enum Target { case powerAutomate, logicApp }

    static func synthesizeDefinition(_ definition: JSONValue, target: Target, references: inout References) -> JSONValue {
        guard var members = definition.objectValue else { return definition }
        if let triggers = members["triggers"]?.objectValue {
            members["triggers"] = .object(triggers.mapValues { synthesizeTrigger($0, target: target, references: &references) })
        }
        if let actions = members["actions"] { members["actions"] = synthesizeSteps(actions, target: target, references: &references) }
        return .object(members)
    }

    /// Trigger input → connector trigger parameter key. *Guessed* (no fixture shows a Customer Insights trigger):
    /// chosen so that `ConnectorTranslation.translateTrigger`, which matches keys by substring, reads them back.
    static let triggerParameterKeys: KeyValuePairs<String, String> = [
        "dataSource": "dataSourceName", "segment": "segmentName", "measure": "measureName", "threshold": "threshold",
    ]

    /// The connector trigger's operation id for one of the six kinds. *Guessed*: the kind's own name, which
    /// `translateTrigger` (matching the operation id by substring) maps back to the kind.
    static func triggerOperationId(_ kind: TriggerKind) -> String { kind.rawValue }

    /// One trigger: an app-built Customer Insights trigger (one of the six, never imported: no kept original) becomes
    /// the connector's webhook trigger — `OpenApiConnectionWebhook` (Power Automate) or `ApiConnectionWebhook` (Logic
    /// Apps) on the `customerinsights` connection — with every other member (`conditions`, `runtimeConfiguration`,
    /// `description`, `metadata`, ...) kept. Recurrence, request and manual triggers, and imported ones, are unchanged.
    static func synthesizeTrigger(_ trigger: JSONValue, target: Target, references: inout References) -> JSONValue {
        guard var members = trigger.objectValue, members[ConnectorTranslation.originalKey] == nil,
              let type = members["type"]?.stringValue,
              let kind = TriggerKind(type: type, kindMember: members["kind"]?.stringValue), TriggerKind.connectorSix.contains(kind) else { return trigger }
        let inputs = members["inputs"]
        guard inputs == nil || inputs?.objectValue != nil else { return trigger }
        let key = "customerinsights"
        if references[key] == nil { references[key] = .customerInsights }
        var parameters: OrderedDictionary<String, JSONValue>?
        if let object = inputs?.objectValue {
            var written = OrderedDictionary<String, JSONValue>()
            for (input, value) in object {
                if let parameter = triggerParameterKeys.first(where: { $0.key == input })?.value { written[parameter] = value }
            }
            parameters = written
        }
        var written = OrderedDictionary<String, JSONValue>()
        switch target {
        case .powerAutomate:
            written["host"] = ["connectionName": .string(key), "operationId": .string(triggerOperationId(kind)),
                               "apiId": .string(API.customerInsights.apiId)]
            if let parameters { written["parameters"] = .object(parameters) }
            written["authentication"] = "@parameters('$authentication')"
            members["type"] = "OpenApiConnectionWebhook"
        case .logicApp:
            // Guessed: `host.operationId` + `parameters` under ApiConnectionWebhook, like the data actions.
            written["host"] = ["connection": ["name": .string("@parameters('$connections')['\(key)']['connectionId']")],
                               "operationId": .string(triggerOperationId(kind))]
            if let parameters { written["parameters"] = .object(parameters) }
            members["type"] = "ApiConnectionWebhook"
        }
        members["inputs"] = .object(written)
        return .object(members)
    }

    /// The inputs of an app-built Customer Insights trigger that its connector trigger has no parameter for.
    static func inputsLeftOut(_ trigger: Trigger) -> [String] {
        guard trigger.extra[ConnectorTranslation.originalKey] == nil, let kind = trigger.kind, TriggerKind.connectorSix.contains(kind),
              let inputs = trigger.inputs?.objectValue else { return [] }
        return inputs.keys.filter { input in !triggerParameterKeys.contains { $0.key == input } }
    }

    static func synthesizeSteps(_ steps: JSONValue, target: Target, references: inout References) -> JSONValue {
        guard let members = steps.objectValue else { return steps }
        var result = OrderedDictionary<String, JSONValue>()
        for (name, step) in members {
            guard var object = synthesizeStep(step, target: target, references: &references).objectValue else { result[name] = step; continue }
            if let inner = object["actions"] { object["actions"] = synthesizeSteps(inner, target: target, references: &references) }
            for key in ["else", "default"] {
                if let inner = object[key]?["actions"] {
                    object[key] = object[key]?.setting(synthesizeSteps(inner, target: target, references: &references), atPath: "actions")
                }
            }
            if let cases = object["cases"]?.objectValue {
                var written = OrderedDictionary<String, JSONValue>()
                for (caseName, switchCase) in cases {
                    guard let inner = switchCase["actions"] else { written[caseName] = switchCase; continue }
                    written[caseName] = switchCase.setting(synthesizeSteps(inner, target: target, references: &references), atPath: "actions")
                }
                object["cases"] = .object(written)
            }
            result[name] = .object(object)
        }
        return .object(result)
    }

    /// One step: the connector action for an app-built Teams, email or data step; any other step unchanged.
    static func synthesizeStep(_ step: JSONValue, target: Target, references: inout References) -> JSONValue {
        guard var members = step.objectValue, members[ConnectorTranslation.originalKey] == nil,
              let type = members["type"]?.stringValue.map(StepType.init(caseInsensitive:)),
              let operation = operation(for: type) else { return step }
        let inputs = members["inputs"]?.objectValue ?? [:]
        let key = inputs["connection"]?.stringValue ?? operation.defaultKey
        if references[key] == nil { references[key] = operation.api }
        var parameters = OrderedDictionary<String, JSONValue>()
        let keys = target == .powerAutomate ? operation.automateKeys : operation.logicAppKeys
        for (input, parameter) in keys { if let value = inputs[input] { parameters[parameter] = value } }
        var written = OrderedDictionary<String, JSONValue>()
        switch target {
        case .powerAutomate:
            written["host"] = ["connectionName": .string(key), "operationId": .string(operation.operationId), "apiId": .string(operation.api.apiId)]
            written["parameters"] = .object(operation.automateFixed.merging(parameters) { $1 })
            written["authentication"] = "@parameters('$authentication')"
            members["type"] = "OpenApiConnection"
        case .logicApp:
            let connection: JSONValue = ["name": .string("@parameters('$connections')['\(key)']['connectionId']")]
            if let path = operation.logicAppPath {
                written["body"] = .object(parameters)
                written["host"] = ["connection": connection]
                written["method"] = .string(operation.logicAppMethod)
                written["path"] = .string(path)
            } else {
                // Guessed: no Logic Apps shape of this connector's operation was available.
                written["host"] = ["connection": connection, "operationId": .string(operation.operationId)]
                written["parameters"] = .object(parameters)
            }
            members["type"] = "ApiConnection"
        }
        members["inputs"] = .object(written)
        return .object(members)
    }

    /// How one InsightFlow step type is written as a connector operation.
    struct Operation {
        var api: API
        var operationId: String
        /// Reference key when the step names no connection.
        var defaultKey: String
        /// InsightFlow input → Power Automate `parameters` key.
        var automateKeys: KeyValuePairs<String, String>
        /// Parameters written whatever the inputs (Teams' poster and location).
        var automateFixed: OrderedDictionary<String, JSONValue> = [:]
        /// InsightFlow input → Logic Apps `body` (or `parameters`) key.
        var logicAppKeys: KeyValuePairs<String, String>
        /// The Logic Apps `ApiConnection` path, when known; nil writes `host.operationId` and `parameters`.
        var logicAppPath: String? = nil
        var logicAppMethod = "post"
    }

    static func operation(for type: StepType) -> Operation? {
        let insightsKeys: KeyValuePairs<String, String> = ["entity": "entityName", "id": "itemId", "item": "item", "filter": "$filter",
                                                            "select": "$select", "orderBy": "$orderby", "top": "$top", "skip": "$skip"]
        func insights(_ operationId: String) -> Operation {
            Operation(api: .customerInsights, operationId: operationId, defaultKey: "customerinsights",
                      automateKeys: insightsKeys, logicAppKeys: insightsKeys)
        }
        switch type {
        case .teamsPostMessage:
            // Fixture: powerautomate-solution-teams-outlook.json. Logic Apps path: guessed (not in a fixture).
            return Operation(api: .teams, operationId: "PostMessageToConversation", defaultKey: "shared_teams",
                             automateKeys: ["text": "body/messageBody", "title": "body/subject"],
                             automateFixed: ["poster": "Flow bot", "location": "Channel"],
                             logicAppKeys: ["text": "messageBody", "title": "subject"],
                             logicAppPath: "/beta/teams/conversation/message/poster/@{encodeURIComponent('Flow bot')}/location/@{encodeURIComponent('Channel')}")
        case .sendEmail:
            // Fixtures: powerautomate-solution-teams-outlook.json (SendEmailV2), logicapp-consumption-office365.json (/v2/Mail).
            return Operation(api: .office365, operationId: "SendEmailV2", defaultKey: "shared_office365",
                             automateKeys: ["to": "emailMessage/To", "cc": "emailMessage/Cc", "bcc": "emailMessage/Bcc",
                                            "subject": "emailMessage/Subject", "body": "emailMessage/Body", "importance": "emailMessage/Importance"],
                             logicAppKeys: ["to": "To", "cc": "Cc", "bcc": "Bcc", "subject": "Subject", "body": "Body", "importance": "Importance"],
                             logicAppPath: "/v2/Mail")
        // Fixture: powerautomate-customerinsights-create-update.json (GetItem, CreateItem, UpdateItem); GetEntities,
        // GetItems and their query parameter keys are guessed.
        case .getEntities: return insights("GetEntities")
        case .getItems: return insights("GetItems")
        case .getItem: return insights("GetItem")
        case .createItem: return insights("CreateItem")
        case .updateItem: return insights("UpdateItem")
        default: return nil
        }
    }

    /// The InsightFlow inputs of an app-built step that its connector action has no parameter for (left out of the
    /// export): `facts`, `buttonTitle`, `buttonUrl` of a Teams post, `isHtml` of an email.
    static func inputsLeftOut(_ step: Step) -> [String] {
        guard step.extra[ConnectorTranslation.originalKey] == nil, let operation = operation(for: step.type) else { return [] }
        let written = Set(operation.automateKeys.map(\.key) + ["connection"])
        return (step.inputs?.objectValue?.keys.map { $0 } ?? []).filter { !written.contains($0) }
    }

    /// Power Automate `connectionReferences` entries for the references used (the solution shape of the fixtures;
    /// the logical name is a placeholder derived from the key, to be mapped to a real connection on import).
    static func automateReferences(_ references: References) -> OrderedDictionary<String, JSONValue> {
        var result = OrderedDictionary<String, JSONValue>()
        for (key, api) in references {
            result[key] = ["runtimeSource": "embedded",
                           "connection": ["connectionReferenceLogicalName": .string(logicalName(key, api: api))],
                           "api": ["name": .string(api.automateName)]]
        }
        return result
    }

    /// Logic Apps `$connections` value entries (the shape of the Consumption fixture, with placeholder ids).
    static func logicAppConnections(_ references: References) -> OrderedDictionary<String, JSONValue> {
        var result = OrderedDictionary<String, JSONValue>()
        for (key, api) in references {
            result[key] = ["connectionId": .string("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Web/connections/\(api.logicAppName)"),
                           "connectionName": .string(key),
                           "id": .string("/subscriptions/{subscriptionId}/providers/Microsoft.Web/locations/{location}/managedApis/\(api.logicAppName)")]
        }
        return result
    }

    static func logicalName(_ key: String, api: API) -> String {
        let slug = String(key.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return "insightflow_\(api.logicAppName)_\(slug)"
    }
}
