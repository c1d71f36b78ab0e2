import Foundation
import GRDB
import Testing
@testable import Insights

@Suite(.temporaryFolder) struct InsightsEvaluationTests {
    private func refreshed() async throws -> (TestWorkspace, Workspace) {
        let fixture = try TestWorkspace()
        try fixture.writeFixture()
        let workspace = try fixture.load()
        try await workspace.refreshAll()
        return (fixture, workspace)
    }

    @Test func businessMeasuresMatchHandComputedValues() async throws {
        let (_, workspace) = try await refreshed()
        let values = Dictionary(uniqueKeysWithValues: try await workspace.status().measures.map { ($0.name, $0.value) })
        #expect(values["Total revenue"] == 1100)
        #expect(values["Active customers"] == 2)
        #expect(values["Average order value"] == 220)
        #expect(values["Profiles"] == 5)
        #expect(values["Lifetime spend"] == 3, "three profiles have orders")
    }

    @Test func segmentsMatchHandComputedMembers() async throws {
        let (_, workspace) = try await refreshed()
        let id = { CustomerIdAssigner.derivedId(source: $0, key: $1) }
        #expect(try await workspace.members(ofSegment: "High value") == [id("crm", "1"), id("web", "w3")].sorted())
        #expect(try await workspace.members(ofSegment: "North") == [id("crm", "1"), id("crm", "2")].sorted())
        #expect(try await workspace.members(ofSegment: "No email") == [id("loyalty", "L2")])
        #expect(try await workspace.members(ofSegment: "New this month") == [id("crm", "1"), id("web", "w3")].sorted())
        #expect(try await workspace.members(ofSegment: "Big spenders in Berlin") == [id("crm", "1")])
    }

    @Test func historyKeepsPreviousValuesPerRefresh() async throws {
        let (fixture, workspace) = try await refreshed()
        try fixture.write("data/orders.csv", TestWorkspace.ordersCSV + "6,w2,500,2026-11-26\n")
        try await workspace.refreshAll()
        let status = try await workspace.status()
        let revenue = status.measures.first { $0.name == "Total revenue" }
        #expect(revenue?.previousValue == 1100 && revenue?.value == 1600)
        let highValue = status.segments.first { $0.name == "High value" }
        #expect(highValue?.previousCount == 2 && highValue?.count == 3)
    }

    @Test func comparisonOperatorsCompileToSQL() async throws {
        let fixture = try TestWorkspace()
        var definition = TestWorkspace.definition
        definition.segments = [
            SegmentDefinition(name: "Not Berlin", rule: .condition(.init(field: "city", op: .notEqual, value: .text("Berlin")))),
            SegmentDefinition(name: "Has phone", rule: .condition(.init(field: "phone", op: .isNotEmpty))),
            SegmentDefinition(name: "Contains ia", rule: .condition(.init(field: "name", op: .contains, value: .text("IA")))),
            SegmentDefinition(name: "Spend 40..350", rule: .all([
                .condition(.init(measure: "Lifetime spend", op: .greaterOrEqual, value: .number(40))),
                .condition(.init(measure: "Lifetime spend", op: .lessOrEqual, value: .number(350))),
            ])),
            SegmentDefinition(name: "Zero spend", rule: .condition(.init(measure: "Lifetime spend", op: .less, value: .number(1)))),
        ]
        try fixture.writeFixture(definition)
        let workspace = try fixture.load()
        try await workspace.refreshAll()
        let counts = Dictionary(uniqueKeysWithValues: try await workspace.status().segments.map { ($0.name, $0.count) })
        #expect(counts["Not Berlin"] == 4)
        #expect(counts["Has phone"] == 4)
        #expect(counts["Contains ia"] == 1)
        #expect(counts["Spend 40..350"] == 2)
        #expect(counts["Zero spend"] == 2)
    }

    @Test func everyAggregationAgreesWithHandComputedValuesOnBothJoinPaths() async throws {
        let fixture = try TestWorkspace()
        var definition = TestWorkspace.definition
        let customer = { (name: String, aggregation: MeasureDefinition.Aggregation, column: String?) in
            MeasureDefinition(name: name, level: .customer, aggregation: aggregation, source: "orders", column: column)
        }
        definition.measures += [
            customer("Average spend", .average, "amount"), customer("Smallest order", .min, "amount"),
            customer("Largest order", .max, "amount"), customer("Order count", .count, nil),
            customer("Order days", .distinctCount, "order_date"),
            MeasureDefinition(name: "Linked orders", aggregation: .count, source: "orders", column: "customerId"),
            MeasureDefinition(name: "High value revenue", aggregation: .sum, source: "orders", column: "amount", segment: "High value"),
        ]
        try fixture.writeFixture(definition)
        let workspace = try fixture.load()
        try await workspace.refreshAll()
        let anna = CustomerIdAssigner.derivedId(source: "crm", key: "1")
        let values = try await workspace.pool.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(
                db, sql: "SELECT measure, value FROM customer_measure_value WHERE customer_id = ?", arguments: [anna]
            ).map { ($0[0] as String, $0[1] as Double) })
        }
        #expect(values == ["Lifetime spend": 350, "Average spend": 175, "Smallest order": 100, "Largest order": 250,
                           "Order count": 2, "Order days": 2])
        let business = Dictionary(uniqueKeysWithValues: try await workspace.status().measures.map { ($0.name, $0.value) })
        #expect(business["Linked orders"] == 4)
        #expect(business["High value revenue"] == 1050)
    }
}
