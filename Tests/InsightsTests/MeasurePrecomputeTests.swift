import Foundation
import GRDB
import Testing
@testable import Insights

/// The measures computed ahead on a second connection during unification equal the ones evaluated one by one.
@Suite(.temporaryFolder) struct MeasurePrecomputeTests {
    /// Filtered and unfiltered keyed measures on one source (one grouped pass), and activity-only business measures.
    private static var definition: WorkspaceDefinition {
        var definition = TestWorkspace.definition
        let recent = SegmentRule.condition(.init(field: "order_date", op: .inLastDays, value: .number(30)))
        let big = SegmentRule.condition(.init(field: "amount", op: .greater, value: .number(90)))
        definition.measures += [
            MeasureDefinition(name: "Recent spend", level: .customer, aggregation: .sum, source: "orders", column: "amount", filter: recent),
            MeasureDefinition(name: "Recent orders", level: .customer, aggregation: .count, source: "orders", filter: recent),
            MeasureDefinition(name: "Big average", level: .customer, aggregation: .average, source: "orders", column: "amount", filter: big),
            MeasureDefinition(name: "Largest recent", level: .customer, aggregation: .max, source: "orders", column: "amount", filter: recent),
            MeasureDefinition(name: "Order count", level: .customer, aggregation: .count, source: "orders"),
            MeasureDefinition(name: "Big buyers", aggregation: .distinctCount, source: "orders", column: "customerId", filter: big),
            MeasureDefinition(name: "Linked recent orders", aggregation: .count, source: "orders", column: "customerId", filter: recent),
            MeasureDefinition(name: "Largest order", aggregation: .max, source: "orders", column: "amount"),
        ]
        return definition
    }

    private func customerValues(_ db: Database) throws -> [String: Double] {
        try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT measure, customer_id, value FROM customer_measure_value").map {
            ("\($0[0] as String)/\($0[1] as String)", $0[2] as Double)
        })
    }

    @Test func precomputedMeasuresEqualMeasuresEvaluatedOneByOne() async throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture(Self.definition)
        let workspace = try fixture.load()
        try await workspace.refreshAll()
        let status = try await workspace.status()
        let refreshed = Dictionary(uniqueKeysWithValues: status.measures.filter { $0.level == "business" }.map { ($0.name, $0.value) })
        let definition = Self.definition
        let (precomputedCustomer, serialCustomer, serialBusiness) = try await workspace.pool.write { db in
            let before = try customerValues(db)
            let evaluator = MeasureEvaluator(definition: definition, now: TestWorkspace.now)
            var business: [String: Double?] = [:]
            for measure in definition.measures {
                if measure.effectiveLevel == .customer {
                    try evaluator.storeCustomerValues(measure, db)
                } else {
                    business[measure.name] = .some(try evaluator.businessValue(measure, db))
                }
            }
            return (before, try customerValues(db), business)
        }
        #expect(precomputedCustomer == serialCustomer)
        #expect(precomputedCustomer["Recent spend/\(CustomerIdAssigner.derivedId(source: "web", key: "w3"))"] == 700)
        #expect(!precomputedCustomer.keys.contains { $0.hasPrefix("Recent orders/") && $0.hasSuffix(CustomerIdAssigner.derivedId(source: "crm", key: "2")) },
                "a profile with no passing order has no value, as when evaluated alone")
        for (name, value) in serialBusiness { #expect(refreshed[name] == value, "\(name)") }
        #expect(refreshed["Big buyers"] == 2 && refreshed["Largest order"] == 700)
    }

    @Test func oneGroupedPassHoldsEveryKeyedMeasureOfASource() async throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture(Self.definition)
        let workspace = try fixture.load()
        try await workspace.refreshAll()
        let scratch = fixture.folder.appendingPathComponent("scratch.sqlite").path
        let order = try DependencyOrder.resolve(Self.definition, file: "workspace.json")
        let storePath = await workspace.pool.path
        let precompute = MeasurePrecompute(definition: Self.definition, order: order, now: TestWorkspace.now)
        #expect(precompute.keyedMeasures.count == 1 && precompute.keyedMeasures.first?.measures.count == 9)
        #expect(Set(precompute.directMeasures.map(\.name)) == ["Total revenue", "Average order value", "Largest order"])
        let result = try await DatabaseQueue(path: scratch).writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS store", arguments: [storePath])
            try db.execute(sql: "CREATE TABLE main.src_orders AS SELECT * FROM store.src_orders")
            return try precompute.run(db, target: "main")
        }
        #expect(result.keyed.count == 9 && result.values.count == 3)
        #expect(result.values["Total revenue"] == 1100)
        let keys = try await DatabaseQueue(path: scratch).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM keyed_0") }
        #expect(keys == 4, "one row per account key of the orders")
    }

    @Test func theScratchFileIsRemovedAfterTheRefresh() async throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture(Self.definition)
        let workspace = try fixture.load()
        try await workspace.refreshAll()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).filter { $0.hasPrefix(".insights-refresh-") }
        #expect(leftovers.isEmpty)
    }
}
