import Foundation
import Testing
@testable import Insights

/// The public entity API the connector's data actions read: only public entities, OData-style queries, precise errors.
@Suite(.temporaryFolder) struct EntityTests {
    @Test func getEntitiesListsOnlyPublicEntities() async throws {
        let workspace = try await TestWorkspace.refreshedSample()
        let entities = try workspace.entities()
        let names = entities.map(\.name)
        #expect(names == ["Customer"] + workspace.definition.sources.map(\.name) + ["SegmentMembership", "CustomerMeasure"])
        for table in ["refresh_log", "segment_history", "measure_history", "customer_link", "full_refresh_log", "unification_log", "customer"] {
            #expect(!names.contains(table), "\(table) is internal")
        }
        let status = try await workspace.status()
        #expect(entities.first { $0.name == "Customer" }?.rowCount == status.profiles)
        for source in status.sources {
            #expect(entities.first { $0.name == source.name }?.rowCount == source.rows, "\(source.name)")
        }
    }

    @Test func itemsHonourFilterSelectOrderTopAndSkip() async throws {
        let workspace = try await TestWorkspace.refreshedSample()
        let all = try workspace.items(entity: "orders", query: EntityQuery(orderBy: "amount desc", top: 5000))
        #expect(all.count > 10)
        let amounts = all.compactMap { row -> Double? in
            switch row["amount"] { case .number(let n)?: n; case .integer(let n)?: Double(n); default: nil }
        }
        #expect(amounts == amounts.sorted(by: >), "ordered by amount, descending")
        let page = try workspace.items(entity: "Orders", query: EntityQuery(select: "AMOUNT", orderBy: "amount desc", top: 3, skip: 2))
        #expect(page.count == 3 && page.allSatisfy { $0.fields == ["amount"] })
        #expect(page.map { $0["amount"] } == all[2..<5].map { $0["amount"] })
        let big = try workspace.items(entity: "Orders", query: EntityQuery(filter: "amount gt 100 and amount le 1000000", top: 5000))
        #expect(big.count == amounts.filter { $0 > 100 }.count)
        let one = try #require(try workspace.items(entity: "Customer", query: EntityQuery(top: 1)).first)
        let id = try #require(one["customer_id"])
        guard case .string(let key) = id else { Issue.record("customer_id is text"); return }
        #expect(try workspace.item(entity: "customer", key: key) == one)
    }

    @Test func badReadsNameTheFix() async throws {
        let workspace = try await TestWorkspace.refreshedSample()
        #expect(throws: InsightsError.unknownEntity("refresh_log", available: try workspace.entities().map(\.name))) {
            _ = try workspace.items(entity: "refresh_log")
        }
        do {
            _ = try workspace.items(entity: "Orders", query: EntityQuery(filter: "colour eq 'red'"))
            Issue.record("an unknown field must be refused")
        } catch let InsightsError.unknownField(entity, field, available) {
            #expect(entity == "Orders" && field == "colour" && available.contains("amount"))
        }
        #expect(throws: InsightsError.self) { _ = try workspace.items(entity: "Orders", query: EntityQuery(filter: "amount between 1")) }
        #expect(throws: InsightsError.itemNotFound(entity: "Customer", key: "nobody")) { _ = try workspace.item(entity: "Customer", key: "nobody") }
        #expect(throws: InsightsError.badFilter("a quoted value in the filter is not closed")) {
            _ = try workspace.items(entity: "Orders", query: EntityQuery(filter: "customerId eq 'open"))
        }
    }
}
