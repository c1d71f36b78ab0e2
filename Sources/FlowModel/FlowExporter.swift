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
            var members: OrderedDictionary<String, JSONValue> = ["definition": cloudDefinition(flow)]
            members["kind"] = flow.extra[EnvelopeKey.kind] ?? "Stateful"
            if let values = flow.extra[EnvelopeKey.parameterValues] { members["parameters"] = values }
            return .object(members)
        case .powerautomate:
            var properties: OrderedDictionary<String, JSONValue> = ["displayName": .string(flow.displayName)]
            if let description = flow.description { properties["description"] = .string(description) }
            properties["definition"] = cloudDefinition(flow)
            properties["connectionReferences"] = flow.extra[EnvelopeKey.connectionReferences] ?? .object([:])
            if let values = flow.extra[EnvelopeKey.parameterValues] { properties["parameters"] = values }
            return ["properties": .object(properties), "schemaVersion": "1.0.0.0"]
        }
    }

    /// The exported document as file bytes (pretty, with a trailing newline).
    public static func bytes(_ flow: Flow, format: FlowExportFormat) -> [UInt8] {
        var bytes = document(flow, format: format).jsonBytes(pretty: true)
        bytes.append(0x0A)
        return bytes
    }

    /// The definition with every translated connector action and trigger in its original form.
    public static func cloudDefinition(_ flow: Flow) -> JSONValue {
        ConnectorRestoration.restoreDefinition(FlowCodec.jsonValue(flow.definition))
    }
}
