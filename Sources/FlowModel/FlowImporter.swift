import FlowExpressions
import OrderedCollections

/// The outcome of importing a flow document.
public struct FlowImport: Sendable {
    /// The flow read (its id and name as found, or derived).
    public var flow: Flow
    /// Steps or triggers InsightFlow cannot run yet, with their JSON paths.
    public var unsupported: [FlowIssue]
    /// Connector steps that were translated to InsightFlow's own step types.
    public var translated: [String]
}

/// Reads an InsightFlow flow file, a Logic Apps definition, or a Power Automate export, translating the
/// connector actions InsightFlow knows (Teams, Outlook, Customer Insights) and naming everything it does not.
public enum FlowImporter {
    /// Imports a document. `fallbackName` names flows whose document carries no display name.
    public static func importDocument(_ bytes: [UInt8], file: String, fallbackName: String) throws(FlowFileError) -> FlowImport {
        let document = try FlowCodec.parseDocument(bytes, file: file)
        let (envelope, definitionValue, prefix) = locateDefinition(document)
        guard let definitionValue else {
            throw FlowFileError(file: file, path: "$", message: "no workflow definition found; expected an InsightFlow flow file, a Logic Apps definition (with \"triggers\" and \"actions\") or a Power Automate export (with \"properties.definition\")")
        }
        var translated: [String] = []
        let apis = ConnectorTranslation.connectionAPIs(envelope?[FlowExporter.EnvelopeKey.parameterValues])
        let converted = ConnectorTranslation.translateDefinition(definitionValue, apis: apis, translated: &translated)
        var definition = try FlowCodec.decodeDefinition(converted, file: file)
        if definition.schema == nil { definition.schema = WorkflowDefinition.schemaURL }
        let name = envelope?["displayName"]?.stringValue ?? envelope?["name"]?.stringValue ?? fallbackName
        let id = envelope?["id"]?.stringValue.map(FlowStore.slug) ?? FlowStore.slug(name)
        var flow = Flow(id: id, displayName: name, state: .off, version: 0, definition: definition)
        flow.description = envelope?["description"]?.stringValue
        for key in [FlowExporter.EnvelopeKey.kind, FlowExporter.EnvelopeKey.connectionReferences, FlowExporter.EnvelopeKey.parameterValues] {
            if let value = envelope?[key], value != .object([:]) { flow.extra[key] = value }
        }
        let unsupported = unsupportedParts(definition, prefix: prefix, apis: apis)
        return FlowImport(flow: flow, unsupported: unsupported, translated: translated)
    }

    /// Finds the definition and its envelope in the three accepted shapes.
    static func locateDefinition(_ document: JSONValue) -> (envelope: JSONValue?, definition: JSONValue?, prefix: String) {
        if let properties = document["properties"], let definition = properties["definition"] {
            return (properties, definition, "$.properties.definition")
        }
        if let definition = document["definition"] { return (document, definition, "$.definition") }
        if document["triggers"] != nil || document["actions"] != nil { return (nil, document, "$") }
        return (nil, nil, "$")
    }

    static func unsupportedParts(_ definition: WorkflowDefinition, prefix: String, apis: [String: String] = [:]) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        for trigger in definition.triggers.values where trigger.kind == nil {
            issues.append(FlowIssue(.error, path: "\(prefix).triggers.\(trigger.name)", field: "type", "trigger type '\(trigger.type)' is not supported; InsightFlow flows start from a Customer Insights trigger, Recurrence, an HTTP request or the manual trigger"))
        }
        for located in definition.allSteps where !located.step.type.isKnown {
            let path = prefix + located.pathText.dropFirst("$.definition".count)
            let reason = ConnectorTranslation.unsupportedReason(located.step, apis: apis) ?? "step type '\(located.step.type.rawValue)' is not supported here; the action is kept as imported and the flow stays Off"
            issues.append(FlowIssue(.error, path: path, step: located.step.name, field: "type", reason))
        }
        for located in definition.allSteps where located.step.unsupportedExpressionKind != nil {
            let path = prefix + located.pathText.dropFirst("$.definition".count)
            issues.append(FlowIssue(.error, path: path, step: located.step.name, field: "kind", "Expression action kind '\(located.step.unsupportedExpressionKind ?? "")' is not supported yet"))
        }
        return issues
    }
}
