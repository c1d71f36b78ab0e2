import FlowExpressions
import OrderedCollections

/// The shapes a flow can be exported in.
public enum FlowExportFormat: String, Sendable, CaseIterable {
    /// InsightFlow's own flow file (envelope + definition), as stored in the flows folder.
    case insightflow
    /// A Logic Apps (Standard) workflow file: `{"definition": ..., "kind": "Stateful"}`.
    case logicapp
    /// A Power Automate flow: `{"properties": {"displayName", "definition", "connectionReferences"}, "schemaVersion"}`.
    case powerautomate
}

/// Writes flows for the cloud: translated connector actions get their original form back
/// (`ConnectorRestoration`), and the envelope members kept at import (`kind`, `connectionReferences`, workflow
/// parameter values) go where each format expects them.
public enum FlowExporter {
    /// Envelope members the importer keeps in `Flow.extra` so that an export gives them back.
    public enum EnvelopeKey {
        /// Logic Apps Standard `kind` (Stateful / Stateless).
        public static let kind = "kind"
        /// Power Automate `properties.connectionReferences`.
        public static let connectionReferences = "connectionReferences"
        /// Workflow parameter values outside the definition (`properties.parameters` of a Logic Apps resource).
        public static let parameterValues = "parameters"
    }

    /// The exported document as JSON.
    public static func document(_ flow: Flow, format: FlowExportFormat) -> JSONValue {
        switch format {
        case .insightflow:
            return FlowCodec.jsonValue(flow)
        case .logicapp:
            var references = ConnectorSynthesis.References()
            var definition = ConnectorSynthesis.synthesizeDefinition(restoredDefinition(flow), target: .logicApp, references: &references)
            var values = flow.extra[EnvelopeKey.parameterValues]
            if !references.isEmpty {
                definition = declaringParameters(definition, ["$connections"])
                var connections = values?.value(atPath: "$connections.value")?.objectValue ?? [:]
                for (key, entry) in ConnectorSynthesis.logicAppConnections(references) where connections[key] == nil { connections[key] = entry }
                values = (values ?? .object([:])).setting(["value": .object(connections)], atPath: "$connections")
            }
            var members: OrderedDictionary<String, JSONValue> = ["definition": definition]
            members["kind"] = flow.extra[EnvelopeKey.kind] ?? "Stateful"
            if let values { members["parameters"] = values }
            return .object(members)
        case .powerautomate:
            var references = ConnectorSynthesis.References()
            var definition = ConnectorSynthesis.synthesizeDefinition(restoredDefinition(flow), target: .powerAutomate, references: &references)
            var connectionReferences = flow.extra[EnvelopeKey.connectionReferences]?.objectValue ?? [:]
            if !references.isEmpty {
                definition = declaringParameters(definition, ["$connections", "$authentication"])
                for (key, entry) in ConnectorSynthesis.automateReferences(references) where connectionReferences[key] == nil {
                    connectionReferences[key] = entry
                }
            }
            var properties: OrderedDictionary<String, JSONValue> = ["displayName": .string(flow.displayName)]
            if let description = flow.description { properties["description"] = .string(description) }
            properties["definition"] = definition
            properties["connectionReferences"] = .object(connectionReferences)
            if let values = flow.extra[EnvelopeKey.parameterValues] { properties["parameters"] = values }
            return ["properties": .object(properties), "schemaVersion": "1.0.0.0"]
        }
    }

    /// The definition with `$connections` (`Object`) and `$authentication` (`SecureObject`) declared when missing,
    /// as the cloud's connector actions refer to them.
    static func declaringParameters(_ definition: JSONValue, _ names: [String]) -> JSONValue {
        var parameters = definition["parameters"]?.objectValue ?? [:]
        for name in names where parameters[name] == nil {
            parameters[name] = ["defaultValue": .object([:]), "type": name == "$authentication" ? "SecureObject" : "Object"]
        }
        return definition.setting(.object(parameters), atPath: "parameters")
    }

    /// The InsightFlow inputs of app-built connector steps (and of an app-built Customer Insights trigger) that the
    /// cloud action or trigger has no parameter for, so an export leaves them out (`Step name: input`), for the command
    /// line to report.
    public static func inputsLeftOut(_ flow: Flow) -> [String] {
        flow.definition.triggers.values.flatMap { trigger in ConnectorSynthesis.inputsLeftOut(trigger).map { "\(trigger.name): \($0)" } }
            + flow.definition.allSteps.flatMap { located in
                ConnectorSynthesis.inputsLeftOut(located.step).map { "\(located.step.name): \($0)" }
            }
    }

    /// The exported document as file bytes (pretty, with a trailing newline).
    public static func bytes(_ flow: Flow, format: FlowExportFormat) -> [UInt8] {
        var bytes = document(flow, format: format).jsonBytes(pretty: true)
        bytes.append(0x0A)
        return bytes
    }

    /// The definition with every translated connector action and trigger in its original form (app-built connector
    /// steps and Customer Insights triggers are still InsightFlow types here; `document` writes them as the
    /// connector's actions and webhook triggers).
    public static func cloudDefinition(_ flow: Flow) -> JSONValue {
        restoredDefinition(flow)
    }

    static func restoredDefinition(_ flow: Flow) -> JSONValue {
        let apis = ConnectorTranslation.connectionAPIs(flow.extra[EnvelopeKey.parameterValues])
        return ConnectorRestoration.restoreDefinition(FlowCodec.jsonValue(flow.definition), apis: apis)
    }
}
