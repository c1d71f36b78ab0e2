import FlowExpressions
import Foundation
import Testing
@testable import FlowModel

/// A flow built in this app (never imported: its connector steps carry no kept original) exported for the cloud:
/// the Teams post, the email and the Customer Insights data actions become the connector's actions in the shapes the
/// import fixtures show, with connection references (Power Automate) or `$connections` (Logic Apps), and an import of
/// the export gives back the same steps, inputs and connections (app → cloud → app).
@Suite struct AppBuiltExportTests {
    /// Get items → Create item → Teams post → a condition whose true branch sends an email; a Compose beside them.
    static func builtFlow() -> Flow {
        var flow = Flow(id: "orders-digest", displayName: "Orders digest", trigger: Trigger(kind: .manual))
        flow.definition.actions["Get_items"] = Step(name: "Get_items", type: .getItems,
                                                    inputs: ["entity": "Customer", "filter": "city eq 'Oslo'", "top": 10])
        flow.definition.actions["Create_item"] = Step(name: "Create_item", type: .createItem,
                                                      inputs: ["entity": "Orders", "item": ["order_id": "@{guid()}", "amount": 12.5]],
                                                      runAfter: ["Get_items": [.succeeded]])
        flow.definition.actions["Post_message_in_a_chat_or_channel"] = Step(
            name: "Post_message_in_a_chat_or_channel", type: .teamsPostMessage,
            inputs: ["connection": "Sales channel", "title": "New order", "text": "Order @{body('Create_item')?['order_id']}"],
            runAfter: ["Create_item": [.succeeded]])
        flow.definition.actions["Digest"] = Step(name: "Digest", type: .compose, inputs: "@length(body('Get_items')?['value'])",
                                                 runAfter: ["Get_items": [.succeeded]])
        var condition = Step(name: "Big_order", type: .condition, runAfter: ["Post_message_in_a_chat_or_channel": [.succeeded]])
        condition.expression = ["and": [["greater": ["@body('Create_item')?['amount']", 10]]]]
        condition.actions = ["Send_an_email": Step(name: "Send_an_email", type: .sendEmail,
                                                   inputs: ["connection": "Mail", "to": "owners@contoso.example", "cc": "sales@contoso.example",
                                                            "subject": "Big order", "body": "<p>@{body('Create_item')?['order_id']}</p>", "importance": "High"])]
        flow.definition.actions["Big_order"] = condition
        return flow
    }

    static func action(_ document: JSONValue, _ root: String, _ path: String) -> JSONValue? {
        document.value(atPath: root + "." + path)
    }

    @Test func powerAutomateExportWritesTheConnectorActionsAndReferences() throws {
        let document = FlowExporter.document(Self.builtFlow(), format: .powerautomate)
        let actions = try #require(document.value(atPath: "properties.definition.actions"))
        let post = try #require(actions["Post_message_in_a_chat_or_channel"])
        #expect(post["type"] == "OpenApiConnection")
        #expect(post.value(atPath: "inputs.host") == ["connectionName": "Sales channel", "operationId": "PostMessageToConversation",
                                                      "apiId": "/providers/Microsoft.PowerApps/apis/shared_teams"])
        #expect(post.value(atPath: "inputs.parameters") == ["poster": "Flow bot", "location": "Channel",
                                                            "body/messageBody": "Order @{body('Create_item')?['order_id']}",
                                                            "body/subject": "New order"])
        #expect(post.value(atPath: "inputs.authentication") == "@parameters('$authentication')")
        let mail = try #require(actions.value(atPath: "Big_order.actions.Send_an_email"))
        #expect(mail["type"] == "OpenApiConnection")
        #expect(mail.value(atPath: "inputs.host.apiId") == "/providers/Microsoft.PowerApps/apis/shared_office365")
        #expect(mail.value(atPath: "inputs.host.operationId") == "SendEmailV2")
        #expect(mail.value(atPath: "inputs.host.connectionName") == "Mail")
        #expect(mail.value(atPath: "inputs.parameters") == ["emailMessage/To": "owners@contoso.example", "emailMessage/Cc": "sales@contoso.example",
                                                            "emailMessage/Subject": "Big order", "emailMessage/Body": "<p>@{body('Create_item')?['order_id']}</p>",
                                                            "emailMessage/Importance": "High"])
        let items = try #require(actions["Get_items"])
        #expect(items["type"] == "OpenApiConnection")
        #expect(items.value(atPath: "inputs.host") == ["connectionName": "customerinsights", "operationId": "GetItems",
                                                       "apiId": "/providers/Microsoft.PowerApps/apis/shared_customerinsights"])
        #expect(items.value(atPath: "inputs.parameters") == ["entityName": "Customer", "$filter": "city eq 'Oslo'", "$top": 10])
        let create = try #require(actions["Create_item"])
        #expect(create.value(atPath: "inputs.host.operationId") == "CreateItem")
        #expect(create.value(atPath: "inputs.parameters.entityName") == "Orders")
        #expect(create.value(atPath: "inputs.parameters.item") == ["order_id": "@{guid()}", "amount": 12.5])
        #expect(create["runAfter"] == ["Get_items": ["Succeeded"]])
        // Native steps stay as they are.
        #expect(actions.value(atPath: "Digest.type") == "Compose")
        #expect(actions.value(atPath: "Big_order.type") == "If")
        // One connection reference per connection named, in the fixtures' solution shape.
        let references = try #require(document.value(atPath: "properties.connectionReferences")?.objectValue)
        #expect(Set(references.keys) == ["Sales channel", "Mail", "customerinsights"])
        #expect(references["Sales channel"]?.value(atPath: "api.name") == "shared_teams")
        #expect(references["Mail"]?.value(atPath: "api.name") == "shared_office365")
        #expect(references["customerinsights"]?.value(atPath: "api.name") == "shared_customerinsights")
        #expect(references["Mail"]?["runtimeSource"] == "embedded")
        #expect(references["Mail"]?.value(atPath: "connection.connectionReferenceLogicalName")?.stringValue?.isEmpty == false)
        #expect(document.value(atPath: "properties.definition.parameters.$connections.type") == "Object")
        #expect(document.value(atPath: "properties.definition.parameters.$authentication.type") == "SecureObject")
        #expect(!document.jsonText().contains("x-insightflow"))
    }

    @Test func logicAppExportWritesApiConnectionsAndTheConnectionsParameter() throws {
        let document = FlowExporter.document(Self.builtFlow(), format: .logicapp)
        let actions = try #require(document.value(atPath: "definition.actions"))
        let mail = try #require(actions.value(atPath: "Big_order.actions.Send_an_email"))
        // The Consumption fixture's shape: ApiConnection, host.connection.name, method, path /v2/Mail, body.
        #expect(mail["type"] == "ApiConnection")
        #expect(mail.value(atPath: "inputs.host.connection.name") == "@parameters('$connections')['Mail']['connectionId']")
        #expect(mail.value(atPath: "inputs.method") == "post")
        #expect(mail.value(atPath: "inputs.path") == "/v2/Mail")
        #expect(mail.value(atPath: "inputs.body") == ["To": "owners@contoso.example", "Cc": "sales@contoso.example", "Subject": "Big order",
                                                      "Body": "<p>@{body('Create_item')?['order_id']}</p>", "Importance": "High"])
        let post = try #require(actions["Post_message_in_a_chat_or_channel"])
        #expect(post["type"] == "ApiConnection")
        #expect(post.value(atPath: "inputs.host.connection.name") == "@parameters('$connections')['Sales channel']['connectionId']")
        #expect(post.value(atPath: "inputs.path")?.stringValue?.contains("/conversation/message/poster/") == true)
        #expect(post.value(atPath: "inputs.body") == ["messageBody": "Order @{body('Create_item')?['order_id']}", "subject": "New order"])
        let items = try #require(actions["Get_items"])
        #expect(items["type"] == "ApiConnection")
        #expect(items.value(atPath: "inputs.host.operationId") == "GetItems")
        #expect(items.value(atPath: "inputs.parameters.entityName") == "Customer")
        #expect(actions.value(atPath: "Digest.type") == "Compose")
        #expect(document.value(atPath: "definition.parameters.$connections.type") == "Object")
        let connections = try #require(document.value(atPath: "parameters.$connections.value")?.objectValue)
        #expect(Set(connections.keys) == ["Sales channel", "Mail", "customerinsights"])
        #expect(connections["Sales channel"]?["id"]?.stringValue?.hasSuffix("/managedApis/teams") == true)
        #expect(connections["Mail"]?["id"]?.stringValue?.hasSuffix("/managedApis/office365") == true)
        #expect(connections["customerinsights"]?["id"]?.stringValue?.hasSuffix("/managedApis/customerinsights") == true)
        #expect(!document.jsonText().contains("x-insightflow"))
    }

    /// Every step of `a` has a step of the same name in `b` with the same type, inputs (member order aside),
    /// runAfter and branches.
    static func sameSteps(_ a: StepList, _ b: StepList, _ path: String = "$") -> [String] {
        var result: [String] = []
        if Set(a.keys) != Set(b.keys) { result.append("\(path): steps \(a.keys.sorted()) became \(b.keys.sorted())") }
        for (name, step) in a {
            guard let other = b[name] else { continue }
            if step.type != other.type { result.append("\(path).\(name): type \(step.type) became \(other.type)") }
            result += JSONDifferences.between(step.inputs ?? .null, other.inputs ?? .null, path: "\(path).\(name).inputs")
            if step.runAfter != other.runAfter { result.append("\(path).\(name): runAfter changed") }
            if step.expression != other.expression { result.append("\(path).\(name): expression changed") }
            result += sameSteps(step.actions ?? [:], other.actions ?? [:], "\(path).\(name).actions")
            result += sameSteps(step.elseActions ?? [:], other.elseActions ?? [:], "\(path).\(name).else")
        }
        return result
    }

    @Test(arguments: [FlowExportFormat.powerautomate, .logicapp])
    func importingTheExportGivesBackTheBuiltFlow(format: FlowExportFormat) throws {
        let built = Self.builtFlow()
        let exported = FlowExporter.bytes(built, format: format)
        let imported = try FlowImporter.importDocument(exported, file: "exported.json", fallbackName: "x")
        #expect(imported.unsupported.isEmpty, "\(imported.unsupported.map(\.message))")
        #expect(imported.translated.count == 4, "\(imported.translated)")
        let differences = Self.sameSteps(built.definition.actions, imported.flow.definition.actions)
        #expect(differences.isEmpty, "\(format): \(differences.joined(separator: "; "))")
        #expect(imported.flow.definition.triggers.values.map(\.kind) == [.manual])
        // The connections are the ones the steps named (none for the data actions, as built).
        let steps = imported.flow.definition.allSteps.map(\.step)
        #expect(steps.first { $0.name == "Post_message_in_a_chat_or_channel" }?.inputs?["connection"] == "Sales channel")
        #expect(steps.first { $0.name == "Send_an_email" }?.inputs?["connection"] == "Mail")
        #expect(steps.first { $0.name == "Get_items" }?.inputs?["connection"] == nil)
        #expect(FlowChecker.check(imported.flow).filter { $0.severity == .error }.isEmpty)
        // And cloud → app → cloud writes the same document again.
        let again = FlowExporter.document(imported.flow, format: format)
        let before = try JSONValue.parse(bytes: exported)
        let documentDifferences = JSONDifferences.between(before["properties"]?["definition"] ?? before["definition"] ?? .null,
                                                          again["properties"]?["definition"] ?? again["definition"] ?? .null)
        #expect(documentDifferences.isEmpty, "\(format): \(documentDifferences.joined(separator: "; "))")
        let envelope = format == .powerautomate ? "properties.connectionReferences" : "parameters"
        #expect(JSONDifferences.between(before.value(atPath: envelope) ?? .null, again.value(atPath: envelope) ?? .null).isEmpty)
    }

    @Test func inputsTheConnectorHasNoParameterForAreNamed() {
        var flow = Self.builtFlow()
        let inputs = flow.definition.actions["Post_message_in_a_chat_or_channel"]?.inputs
        flow.definition.actions["Post_message_in_a_chat_or_channel"]?.inputs = inputs?.setting(["Orders": "3"], atPath: "facts")
        #expect(FlowExporter.inputsLeftOut(flow) == ["Post_message_in_a_chat_or_channel: facts"])
        #expect(FlowExporter.inputsLeftOut(Self.builtFlow()).isEmpty)
    }

    @Test(arguments: [FlowExportFormat.powerautomate, .logicapp])
    func theOtherDataActionsRoundTripToo(format: FlowExportFormat) throws {
        var flow = Flow(id: "reads", displayName: "Reads", trigger: Trigger(kind: .manual))
        flow.definition.actions["Get_entities"] = Step(name: "Get_entities", type: .getEntities, inputs: [:])
        flow.definition.actions["Get_item"] = Step(name: "Get_item", type: .getItem, inputs: ["entity": "Customer", "id": "c-1"],
                                                   runAfter: ["Get_entities": [.succeeded]])
        flow.definition.actions["Update_item"] = Step(name: "Update_item", type: .updateItem,
                                                      inputs: ["connection": "CI", "entity": "Customer", "id": "c-1", "item": ["city": "Oslo"]],
                                                      runAfter: ["Get_item": [.succeeded]])
        let document = FlowExporter.document(flow, format: format)
        let root = format == .powerautomate ? "properties.definition.actions" : "definition.actions"
        #expect(document.value(atPath: root + ".Get_entities.inputs.host.operationId") == "GetEntities")
        #expect(document.value(atPath: root + ".Get_item.inputs.host.operationId") == "GetItem")
        #expect(document.value(atPath: root + ".Get_item.inputs.parameters") == ["entityName": "Customer", "itemId": "c-1"])
        #expect(document.value(atPath: root + ".Update_item.inputs.host.operationId") == "UpdateItem")
        let imported = try FlowImporter.importDocument(FlowExporter.bytes(flow, format: format), file: "x.json", fallbackName: "x")
        #expect(imported.unsupported.isEmpty)
        let differences = Self.sameSteps(flow.definition.actions, imported.flow.definition.actions)
        #expect(differences.isEmpty, "\(format): \(differences.joined(separator: "; "))")
    }

    @Test func aStepAddedToAnImportedFlowKeepsTheImportedReferencesAndAddsItsOwn() throws {
        let (bytes, _) = try ImportExportRoundTripTests.load("powerautomate-solution-teams-outlook.json")
        var flow = try FlowImporter.importDocument(bytes, file: "pa.json", fallbackName: "pa").flow
        flow.definition.actions["Tell_sales"] = Step(name: "Tell_sales", type: .teamsPostMessage, inputs: ["connection": "Sales channel", "text": "Hi"],
                                                     runAfter: ["Digest_text": [.succeeded]])
        flow.definition.actions["Tell_owners"] = Step(name: "Tell_owners", type: .teamsPostMessage, inputs: ["connection": "shared_teams", "text": "Hi"],
                                                      runAfter: ["Digest_text": [.succeeded]])
        let document = FlowExporter.document(flow, format: .powerautomate)
        let references = try #require(document.value(atPath: "properties.connectionReferences")?.objectValue)
        #expect(Array(references.keys) == ["shared_teams", "shared_office365", "Sales channel"])
        #expect(references["shared_teams"]?.value(atPath: "connection.connectionReferenceLogicalName") == "contoso_sharedteams_8f2c1")
        #expect(document.value(atPath: "properties.definition.actions.Tell_owners.inputs.host.connectionName") == "shared_teams")
        // The imported actions are given back as they were.
        #expect(document.value(atPath: "properties.definition.actions.Post_message_in_a_chat_or_channel.inputs.parameters.body/recipient/groupId")
                == "4c2e7f0a-9b1d-4e3c-8a6f-2d5b0e9c7a13")
    }
}
