import FlowExpressions
import Foundation
import Testing
@testable import FlowModel

/// The connector's Create item and Update item: translated on import from the cloud shape, restored on export
/// (edits written back under the connector parameter they came from), listed in the catalog, checked, summarised.
@Suite struct ItemWriteTranslationTests {
    static let fixture = "powerautomate-customerinsights-create-update.json"

    @Test func createAndUpdateItemAreTranslatedNotUnsupported() throws {
        let (bytes, _) = try ImportExportRoundTripTests.load(Self.fixture)
        let imported = try FlowImporter.importDocument(bytes, file: Self.fixture, fallbackName: "fixture")
        #expect(imported.unsupported.isEmpty, "\(imported.unsupported.map(\.message))")
        let actions = imported.flow.definition.actions
        #expect(actions["Get_item"]?.type == .getItem)
        #expect(actions["Create_item"]?.type == .createItem, "CreateItem contains 'item' but is not a Get item")
        #expect(actions["Update_item"]?.type == .updateItem)
        let create = try #require(actions["Create_item"]?.inputs)
        #expect(create["entity"] == "Orders")
        #expect(create["item"]?["amount"] == "@triggerBody()['number']")
        let update = try #require(actions["Update_item"]?.inputs)
        #expect(update["entity"] == "CRM contacts" && update["id"] == "@triggerBody()['text']")
        #expect(update["item"]?.objectValue?.keys.elementsEqual(["city", "modified_on"]) == true)
        let errors = FlowChecker.check(imported.flow).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        #expect(StepSummary.oneLine(try #require(actions["Update_item"])) == "CRM contacts @triggerBody()['text']: city, modified_on")
        #expect(StepSummary.oneLine(try #require(actions["Create_item"])) == "into Orders: order_id, account_id, amount, order_date")
    }

    @Test func anEditedItemIsWrittenBackUnderTheItemParameter() throws {
        let (bytes, _) = try ImportExportRoundTripTests.load(Self.fixture)
        var flow = try FlowImporter.importDocument(bytes, file: Self.fixture, fallbackName: "fixture").flow
        let inputs = flow.definition.actions["Update_item"]?.inputs
        flow.definition.actions["Update_item"]?.inputs = inputs?.setting(["city": "Berlin"], atPath: "item").setting("CRM contacts", atPath: "entity")
        let exported = FlowExporter.document(flow, format: .powerautomate)
        let parameters = try #require(exported.value(atPath: "properties.definition.actions.Update_item.inputs.parameters"))
        #expect(parameters["item"] == ["city": "Berlin"])
        #expect(parameters["entityName"] == "CRM contacts" && parameters["instanceId"] == "0f9e8d7c-6b5a-4f3e-2d1c-0b9a8f7e6d5c")
        #expect(exported.value(atPath: "properties.definition.actions.Update_item.inputs.host.operationId") == "UpdateItem")
        #expect(exported.value(atPath: "properties.definition.actions.Update_item.type") == "OpenApiConnection")
    }

    @Test func theCheckerRefusesComputedEntitiesAndItemsThatAreNotObjects() {
        var flow = Flow(id: "writes", displayName: "Writes", trigger: Trigger(kind: .manual))
        flow.definition.actions["Create_item"] = Step(name: "Create_item", type: .createItem, inputs: ["entity": "SegmentMembership", "item": ["customer_id": "c-1"]])
        flow.definition.actions["Update_item"] = Step(name: "Update_item", type: .updateItem, inputs: ["entity": "Customer", "id": "c-1", "item": "city=Oslo"],
                                                      runAfter: ["Create_item": [.succeeded]])
        let errors = FlowChecker.check(flow).filter { $0.severity == .error }
        #expect(errors.contains { $0.path == "$.definition.actions.Create_item.inputs.entity" && $0.message.contains("SegmentMembership") })
        #expect(errors.contains { $0.path == "$.definition.actions.Update_item.inputs.item" && $0.message.contains("object of fields") })
        flow.definition.actions["Update_item"]?.inputs = ["entity": "Customer", "id": "c-1", "item": "@triggerBody()"]
        flow.definition.actions["Create_item"]?.inputs = ["entity": "Customer", "item": [:]]
        let after = FlowChecker.check(flow).filter { $0.severity == .error }
        #expect(!after.contains { $0.step == "Update_item" }, "an expression may give the item")
        #expect(after.contains { $0.step == "Create_item" && $0.message.contains("at least one field") })
    }

    @Test func theCatalogListsTheConnectorsFiveDataActions() {
        let names = Catalog.steps.filter { $0.group == .customerInsights }.map(\.displayName)
        #expect(names == ["Get entities", "Get items from an entity", "Get item", "Create item", "Update item"])
    }
}
