import FlowExpressions
import Foundation
import OrderedCollections
import Testing
@testable import FlowModel

/// A Customer Insights trigger built in this app (one of the six, never imported) exported for the cloud: the
/// connector's webhook trigger (`OpenApiConnectionWebhook` / `ApiConnectionWebhook`) on the `customerinsights`
/// connection, its other members kept, and an import of the export gives back the same trigger.
@Suite struct AppBuiltTriggerExportTests {
    /// The parameters each of the six is built with here (none for the two refresh-completed triggers).
    static func parameters(_ kind: TriggerKind) -> OrderedDictionary<String, JSONValue> {
        switch kind {
        case .dataSourceRefreshFailed: ["dataSource": "Contoso CRM"]
        case .dataSourceRefreshSucceeded: ["dataSource": "any"]
        case .segmentThresholdCrossed: ["segment": "High value customers", "threshold": 100]
        case .measureThresholdCrossed: ["measure": "Lifetime value", "threshold": 2500.5]
        default: [:]
        }
    }

    /// A flow on `kind` with a trigger condition, a concurrency limit, a description and one Compose step.
    static func builtFlow(_ kind: TriggerKind) -> Flow {
        var trigger = Trigger(kind: kind, parameters: parameters(kind))
        trigger.conditions = ["@not(equals(utcNow('dddd'), 'Sunday'))"]
        trigger.description = "Built here"
        trigger.extra["runtimeConfiguration"] = ["concurrency": ["runs": 1]]
        var flow = Flow(id: "t-\(kind.rawValue.lowercased())", displayName: "On \(kind.rawValue)", trigger: trigger)
        flow.definition.actions["Note"] = Step(name: "Note", type: .compose, inputs: "@triggerBody()")
        return flow
    }

    static let parameterKeys: [String: String] = ["dataSource": "dataSourceName", "segment": "segmentName", "measure": "measureName",
                                                  "threshold": "threshold"]

    static let cases: [(TriggerKind, FlowExportFormat)] = TriggerKind.connectorSix.flatMap { kind in
        [(kind, FlowExportFormat.powerautomate), (kind, .logicapp)]
    }

    @Test(arguments: cases)
    func theSixAreWrittenAsTheConnectorsWebhookTrigger(kind: TriggerKind, format: FlowExportFormat) throws {
        let flow = Self.builtFlow(kind)
        let name = try #require(flow.definition.triggers.keys.first)
        let document = FlowExporter.document(flow, format: format)
        let definition = try #require(format == .powerautomate ? document.value(atPath: "properties.definition") : document["definition"])
        let trigger = try #require(definition["triggers"]?[name])
        var expected = OrderedDictionary<String, JSONValue>()
        for (input, value) in Self.parameters(kind) { expected[try #require(Self.parameterKeys[input])] = value }
        switch format {
        case .powerautomate:
            #expect(trigger["type"] == "OpenApiConnectionWebhook")
            #expect(trigger.value(atPath: "inputs.host") == ["connectionName": "customerinsights", "operationId": .string(kind.rawValue),
                                                             "apiId": "/providers/Microsoft.PowerApps/apis/shared_customerinsights"])
            #expect(trigger.value(atPath: "inputs.authentication") == "@parameters('$authentication')")
            #expect(document.value(atPath: "properties.connectionReferences.customerinsights.api.name") == "shared_customerinsights")
            #expect(definition.value(atPath: "parameters.$authentication.type") == "SecureObject")
        default:
            #expect(trigger["type"] == "ApiConnectionWebhook")
            #expect(trigger.value(atPath: "inputs.host") == ["connection": ["name": "@parameters('$connections')['customerinsights']['connectionId']"],
                                                             "operationId": .string(kind.rawValue)])
            #expect(document.value(atPath: "parameters.$connections.value.customerinsights.id")?.stringValue?
                .hasSuffix("/managedApis/customerinsights") == true)
        }
        #expect(definition.value(atPath: "parameters.$connections.type") == "Object")
        #expect(trigger.value(atPath: "inputs.parameters") == (expected.isEmpty ? nil : .object(expected)))
        // The other members stay.
        #expect(trigger["conditions"] == [["expression": "@not(equals(utcNow('dddd'), 'Sunday'))"]])
        #expect(trigger["runtimeConfiguration"] == ["concurrency": ["runs": 1]])
        #expect(trigger["description"] == "Built here")
        #expect(!document.jsonText().contains("x-insightflow"))
    }

    @Test(arguments: cases)
    func importingTheExportGivesBackTheSameTrigger(kind: TriggerKind, format: FlowExportFormat) throws {
        let built = Self.builtFlow(kind)
        let exported = FlowExporter.bytes(built, format: format)
        let imported = try FlowImporter.importDocument(exported, file: "exported.json", fallbackName: "x")
        #expect(imported.unsupported.isEmpty, "\(imported.unsupported.map(\.message))")
        let before = try #require(built.definition.triggers.values.first)
        let after = try #require(imported.flow.definition.triggers.values.first)
        #expect(imported.flow.definition.triggers.count == 1)
        #expect(after.name == before.name)
        #expect(after.kind == kind)
        // Read from the connector's webhook trigger (kept as the original), not from an InsightFlow type.
        #expect(after.extra[ConnectorTranslation.originalKey]?["type"] == (format == .powerautomate ? "OpenApiConnectionWebhook" : "ApiConnectionWebhook"))
        #expect(after.type == before.type)
        #expect(after.inputs == before.inputs, "\(format): \(String(describing: after.inputs)) was \(String(describing: before.inputs))")
        #expect(after.conditions == before.conditions)
        #expect(after.description == before.description)
        #expect(after.extra["runtimeConfiguration"] == before.extra["runtimeConfiguration"])
        #expect(FlowChecker.check(imported.flow).filter { $0.severity == .error }.isEmpty)
        // And app → cloud → app → cloud writes the same definition again (the imported trigger is restored).
        let again = FlowExporter.document(imported.flow, format: format)
        let first = try JSONValue.parse(bytes: exported)
        let differences = JSONDifferences.between(first["properties"]?["definition"] ?? first["definition"] ?? .null,
                                                  again["properties"]?["definition"] ?? again["definition"] ?? .null)
        #expect(differences.isEmpty, "\(format): \(differences.joined(separator: "; "))")
    }

    @Test(arguments: [FlowExportFormat.powerautomate, .logicapp])
    func theOtherTriggersStayAsTheyAre(format: FlowExportFormat) throws {
        for kind in [TriggerKind.manual, .recurrence, .httpRequest] {
            let flow = Flow(id: "o", displayName: "Other", trigger: Trigger(kind: kind))
            let document = FlowExporter.document(flow, format: format)
            let definition = try #require(format == .powerautomate ? document.value(atPath: "properties.definition") : document["definition"])
            let trigger = try #require(definition["triggers"]?.objectValue?.values.first)
            #expect(trigger == FlowCodec.jsonValue(flow.definition)["triggers"]?.objectValue?.values.first, "\(kind)")
            #expect(definition.value(atPath: "parameters.$connections") == nil, "\(kind): no connection to declare")
        }
    }

    /// An imported connector trigger keeps its own shape (operation id, parameter keys, members InsightFlow does not
    /// read), with an edit written back under the parameter it came from.
    @Test func anImportedConnectorTriggerIsGivenBackAsItWas() throws {
        let text = """
        {"properties": {"displayName": "Cloud", "definition": {
          "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {"$connections": {"defaultValue": {}, "type": "Object"}, "$authentication": {"defaultValue": {}, "type": "SecureObject"}},
          "triggers": {"When_a_segment_crosses": {"type": "OpenApiConnectionWebhook", "splitOn": "@triggerOutputs()?['body/value']",
            "inputs": {"host": {"connectionName": "shared_customerinsights", "operationId": "OnSegmentThresholdCrossedV2",
                                "apiId": "/providers/Microsoft.PowerApps/apis/shared_customerinsights"},
                       "parameters": {"instanceId": "8d3c", "segmentId": "High value", "thresholdValue": 10},
                       "authentication": "@parameters('$authentication')"}}},
          "actions": {"Note": {"type": "Compose", "inputs": "@triggerBody()", "runAfter": {}}}},
          "connectionReferences": {"shared_customerinsights": {"runtimeSource": "embedded", "connection": {"connectionReferenceLogicalName": "contoso_ci"}, "api": {"name": "shared_customerinsights"}}}},
         "schemaVersion": "1.0.0.0"}
        """
        var flow = try FlowImporter.importDocument(Array(text.utf8), file: "cloud.json", fallbackName: "cloud").flow
        let trigger = try #require(flow.definition.triggers["When_a_segment_crosses"])
        #expect(trigger.kind == .segmentThresholdCrossed)
        #expect(trigger.inputs == ["segment": "High value", "threshold": 10])
        flow.definition.triggers["When_a_segment_crosses"]?.inputs = ["segment": "High value", "threshold": 25]
        let written = try #require(FlowExporter.document(flow, format: .powerautomate)
            .value(atPath: "properties.definition.triggers.When_a_segment_crosses"))
        #expect(written["type"] == "OpenApiConnectionWebhook")
        #expect(written.value(atPath: "inputs.host.operationId") == "OnSegmentThresholdCrossedV2")
        #expect(written.value(atPath: "inputs.host.connectionName") == "shared_customerinsights")
        #expect(written.value(atPath: "inputs.parameters") == ["instanceId": "8d3c", "segmentId": "High value", "thresholdValue": 25])
        #expect(written["splitOn"] == "@triggerOutputs()?['body/value']")
        #expect(written[ConnectorTranslation.originalKey] == nil)
    }

    @Test func triggerInputsTheConnectorHasNoParameterForAreNamed() {
        var flow = Self.builtFlow(.segmentThresholdCrossed)
        let name = flow.definition.triggers.keys.first ?? ""
        flow.definition.triggers[name]?.inputs = ["segment": "S", "threshold": 3, "note": "x"]
        #expect(FlowExporter.inputsLeftOut(flow) == ["\(name): note"])
        #expect(FlowExporter.inputsLeftOut(Self.builtFlow(.segmentThresholdCrossed)).isEmpty)
    }
}
