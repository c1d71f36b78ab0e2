import FlowExpressions
import OrderedCollections

/// Rewrites Power Automate / Logic Apps connector actions (`OpenApiConnection`, `ApiConnection`) into
/// InsightFlow's step types, where the operation is one InsightFlow runs.
enum ConnectorTranslation {
    static func translateDefinition(_ definition: JSONValue, translated: inout [String]) -> JSONValue {
        guard var members = definition.objectValue else { return definition }
        if let triggers = members["triggers"]?.objectValue {
            members["triggers"] = .object(triggers.mapValues(translateTrigger))
        }
        if let actions = members["actions"] { members["actions"] = translateSteps(actions, translated: &translated) }
        return .object(members)
    }

    static func translateSteps(_ steps: JSONValue, translated: inout [String]) -> JSONValue {
        guard let members = steps.objectValue else { return steps }
        var result = OrderedDictionary<String, JSONValue>()
        for (name, step) in members {
            var converted = translateStep(step, name: name, translated: &translated)
            if var object = converted.objectValue {
                for key in ["actions"] where object[key] != nil { object[key] = translateSteps(object[key] ?? .null, translated: &translated) }
                for key in ["else", "default"] {
                    if let inner = object[key]?["actions"] { object[key] = object[key]?.setting(translateSteps(inner, translated: &translated), atPath: "actions") }
                }
                if let cases = object["cases"]?.objectValue {
                    object["cases"] = .object(cases.mapValues { switchCase in
                        guard let inner = switchCase["actions"] else { return switchCase }
                        return switchCase.setting(translateSteps(inner, translated: &translated), atPath: "actions")
                    })
                }
                converted = .object(object)
            }
            result[name] = converted
        }
        return .object(result)
    }

    /// One connector action to an InsightFlow step, or unchanged.
    static func translateStep(_ step: JSONValue, name: String, translated: inout [String]) -> JSONValue {
        guard let type = step["type"]?.stringValue?.lowercased(), type == "openapiconnection" || type == "apiconnection",
              let inputs = step["inputs"] else { return step }
        let apiId = (inputs.value(atPath: "host.apiId")?.stringValue ?? inputs.value(atPath: "host.connection.name")?.stringValue ?? "").lowercased()
        let operation = (inputs.value(atPath: "host.operationId")?.stringValue ?? inputs["path"]?.stringValue ?? "").lowercased()
        let parameters = inputs["parameters"] ?? inputs["body"] ?? .object([:])
        let connection = inputs.value(atPath: "host.connectionName") ?? inputs.value(atPath: "host.connectionReferenceName") ?? .string(apiId)
        guard let (newType, newInputs) = mapOperation(apiId: apiId, operation: operation, parameters: parameters, connection: connection) else { return step }
        translated.append("\(name): \(operation) → \(newType)")
        var members = step.objectValue ?? [:]
        members["type"] = .string(newType)
        members["inputs"] = .object(newInputs)
        return .object(members)
    }

    static func mapOperation(apiId: String, operation: String, parameters: JSONValue, connection: JSONValue) -> (String, OrderedDictionary<String, JSONValue>)? {
        func p(_ keys: String...) -> JSONValue? { keys.lazy.compactMap { parameters[$0] }.first }
        if apiId.contains("teams"), operation.contains("message") || operation.contains("card") {
            var inputs: OrderedDictionary<String, JSONValue> = ["connection": connection]
            inputs["text"] = p("body/messageBody", "messageBody", "body/content", "message") ?? ""
            if let title = p("body/subject", "subject") { inputs["title"] = title }
            return (StepType.teamsPostMessage.rawValue, inputs)
        }
        if apiId.contains("office365") || apiId.contains("outlook") || apiId.contains("smtp"), operation.contains("sendemail") || operation.contains("send") {
            var inputs: OrderedDictionary<String, JSONValue> = ["connection": connection]
            inputs["to"] = p("emailMessage/To", "To", "to") ?? ""
            if let cc = p("emailMessage/Cc", "CC", "cc") { inputs["cc"] = cc }
            if let bcc = p("emailMessage/Bcc", "BCC", "bcc") { inputs["bcc"] = bcc }
            inputs["subject"] = p("emailMessage/Subject", "Subject", "subject") ?? ""
            inputs["body"] = p("emailMessage/Body", "Body", "body") ?? ""
            if let importance = p("emailMessage/Importance", "Importance") { inputs["importance"] = importance }
            return (StepType.sendEmail.rawValue, inputs)
        }
        if apiId.contains("customerinsights") {
            if operation.contains("entities") { return (StepType.getEntities.rawValue, ["connection": connection]) }
            if operation.contains("items") {
                var inputs: OrderedDictionary<String, JSONValue> = ["connection": connection, "entity": p("entity", "entityName") ?? ""]
                if let filter = p("$filter", "filter") { inputs["filter"] = filter }
                if let select = p("$select", "select") { inputs["select"] = select }
                if let top = p("$top", "top") { inputs["top"] = top }
                return (StepType.getItems.rawValue, inputs)
            }
            if operation.contains("item") {
                return (StepType.getItem.rawValue, ["connection": connection, "entity": p("entity", "entityName") ?? "", "id": p("id", "itemId") ?? ""])
            }
        }
        return nil
    }

    /// A Customer Insights webhook trigger whose operation names one of the six triggers becomes that trigger.
    static func translateTrigger(_ trigger: JSONValue) -> JSONValue {
        guard let type = trigger["type"]?.stringValue?.lowercased(), type.contains("webhook") || type.contains("apiconnection"),
              let operation = trigger.value(atPath: "inputs.host.operationId")?.stringValue?.lowercased() else { return trigger }
        guard let kind = TriggerKind.allCases.first(where: { operation.contains($0.rawValue.lowercased()) }) else { return trigger }
        var members = trigger.objectValue ?? [:]
        members["type"] = .string(kind.rawValue)
        let parameters = trigger.value(atPath: "inputs.parameters")?.objectValue ?? [:]
        var inputs = OrderedDictionary<String, JSONValue>()
        for (key, value) in parameters {
            let lowered = key.lowercased()
            if lowered.contains("datasource") { inputs["dataSource"] = value }
            else if lowered.contains("segment") { inputs["segment"] = value }
            else if lowered.contains("measure") { inputs["measure"] = value }
            else if lowered.contains("threshold") { inputs["threshold"] = value }
        }
        members["inputs"] = .object(inputs)
        return .object(members)
    }
}
