import Foundation
import Testing
@testable import Insights

/// Create item and Update item over the public entities: fields checked against the entity's columns, computed
/// entities read-only, internal tables unreachable, every refusal naming the entity, the field and the fix.
@Suite(.temporaryFolder) struct EntityWriteTests {
    @Test func createItemAddsARowThatGetItemsReads() async throws {
        let workspace = try await TestWorkspace.refreshedSample()
        let before = try workspace.entities().first { $0.name == "Orders" }?.rowCount ?? 0
        let row = try workspace.createItem(entity: "orders", fields: [("ORDER_ID", .string("90001")), ("account_id", .string("w-1")), ("amount", .number(49.5))])
        #expect(row["order_id"] == .integer(90001), "text holding a number is stored as a number in an integer column")
        #expect(row["amount"] == .number(49.5) && row["order_date"] == .null)
        #expect(try workspace.entities().first { $0.name == "Orders" }?.rowCount == before + 1)
        let read = try workspace.items(entity: "Orders", query: EntityQuery(filter: "order_id eq 90001"))
        #expect(read == [row])
    }

    @Test func updateItemChangesOnlyTheGivenFields() async throws {
        let workspace = try await TestWorkspace.refreshedSample()
        let first = try #require(try workspace.items(entity: "CRM contacts", query: EntityQuery(top: 1)).first)
        guard case .integer(let id)? = first["contact_id"] else { Issue.record("contact_id is an integer"); return }
        let updated = try workspace.updateItem(entity: "CRM contacts", key: String(id), fields: [("city", .string("Hamburg")), ("contact_id", .integer(id))])
        #expect(updated["city"] == .string("Hamburg"))
        #expect(updated["email"] == first["email"] && updated["full_name"] == first["full_name"])
        #expect(try workspace.item(entity: "CRM contacts", key: String(id)) == updated)
    }

    @Test func refusalsNameTheEntityTheFieldAndTheFix() async throws {
        let workspace = try await TestWorkspace.refreshedSample()
        #expect(throws: InsightsError.unknownEntity("refresh_log", available: try workspace.entities().map(\.name)), "internal tables are not entities") {
            _ = try workspace.createItem(entity: "refresh_log", fields: [("source", .string("Orders"))])
        }
        do {
            _ = try workspace.createItem(entity: "SegmentMembership", fields: [("customer_id", .string("c"))])
            Issue.record("segment memberships are computed")
        } catch let InsightsError.readOnlyEntity(entity, reason) {
            #expect(entity == "SegmentMembership" && reason.contains("Customer or a data source"))
        }
        do {
            _ = try workspace.createItem(entity: "Orders", fields: [("colour", .string("red"))])
            Issue.record("an unknown field must be refused")
        } catch let InsightsError.unknownField(entity, field, available) {
            #expect(entity == "Orders" && field == "colour" && available.contains("amount"))
        }
        #expect(throws: InsightsError.badItem(entity: "Orders", reason: "the field 'amount' holds numbers; 'lots' is not a number")) {
            _ = try workspace.createItem(entity: "Orders", fields: [("amount", .string("lots"))])
        }
        #expect(throws: InsightsError.badItem(entity: "CRM contacts", reason: "the item needs its key field 'contact_id'")) {
            _ = try workspace.createItem(entity: "CRM contacts", fields: [("city", .string("Oslo"))])
        }
        let existing = try #require(try workspace.items(entity: "CRM contacts", query: EntityQuery(top: 1)).first?["contact_id"])
        guard case .integer(let id) = existing else { Issue.record("contact_id is an integer"); return }
        #expect(throws: InsightsError.itemExists(entity: "CRM contacts", key: String(id))) {
            _ = try workspace.createItem(entity: "CRM contacts", fields: [("contact_id", .integer(id))])
        }
        #expect(throws: InsightsError.itemNotFound(entity: "CRM contacts", key: "999999")) {
            _ = try workspace.updateItem(entity: "CRM contacts", key: "999999", fields: [("city", .string("Oslo"))])
        }
        do {
            _ = try workspace.updateItem(entity: "CRM contacts", key: String(id), fields: [("contact_id", .integer(id + 1))])
            Issue.record("the key cannot change")
        } catch let InsightsError.badItem(entity, reason) {
            #expect(entity == "CRM contacts" && reason.contains("'contact_id' cannot be changed"))
        }
        #expect(throws: InsightsError.self) {
            _ = try workspace.updateItem(entity: "Customer", key: "x", fields: [("email", .array([]))])
        }
    }
}
