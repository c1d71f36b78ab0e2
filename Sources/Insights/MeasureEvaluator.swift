import Foundation
import GRDB

/// Computes measures in SQL: one value for business measures, one value per profile for customer measures.
struct MeasureEvaluator {
    let definition: WorkspaceDefinition
    let now: Date

    /// The current value of a business measure (nil when the aggregate is empty or the source has no data yet).
    func businessValue(_ measure: MeasureDefinition, _ db: Database) throws -> Double? {
        guard let query = try query(for: measure, db) else { return nil }
        return try Double.fetchOne(db, sql: "SELECT \(query.aggregate) \(query.body)", arguments: StatementArguments(query.arguments))
    }

    /// Replaces the stored per-profile values of a customer measure.
    func storeCustomerValues(_ measure: MeasureDefinition, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM customer_measure_value WHERE measure = ?", arguments: [measure.name])
        guard let query = try query(for: measure, db) else { return }
        let customer = query.customerId
        try db.execute(
            sql: """
                INSERT INTO customer_measure_value (measure, customer_id, value)
                SELECT ?, \(customer), \(query.aggregate) \(query.body) GROUP BY \(customer)
                """,
            arguments: StatementArguments([measure.name.databaseValue] + query.arguments))
    }

    /// The parts of a measure query: `SELECT aggregate body`.
    private struct Query {
        let aggregate: String
        let body: String
        let arguments: [DatabaseValue]
        let customerId: String
    }

    private func query(for measure: MeasureDefinition, _ db: Database) throws -> Query? {
        guard let scope = FieldScope.forMeasure(measure, in: definition) else { return nil }
        var arguments: [DatabaseValue] = []
        var from: String
        if measure.source == MeasureDefinition.profilesSource {
            from = "FROM customer \(FieldScope.profileAlias)"
        } else {
            guard let source = definition.source(named: measure.source), try InsightsStore.hasData(db, source: source) else { return nil }
            from = "FROM \(source.tableName) \(FieldScope.activityAlias)"
            if let customerSource = source.customerSource, let key = source.customerKeyColumn, needsCustomers(measure) {
                let join = measure.effectiveLevel == .customer ? "JOIN" : "LEFT JOIN"
                from += " \(join) customer_link \(FieldScope.linkAlias) ON \(FieldScope.linkAlias).source = ?"
                let column = "\(FieldScope.activityAlias).\(SQLName.quoted(key))"
                let isText = source.column(named: key)?.type == .string
                from += " AND \(FieldScope.linkAlias).record_key = \(isText ? column : "CAST(\(column) AS TEXT)")"
                arguments.append(customerSource.databaseValue)
            }
        }
        let customerId = scope.entries[MeasureDefinition.customerIdColumn]?.expression ?? "NULL"
        var conditions = ["1"]
        if let filter = measure.filter {
            let compiled = RuleCompiler(definition: definition, scope: scope, now: now).compile(filter)
            conditions.append(compiled.sql)
            arguments += compiled.arguments
        }
        if let segment = measure.segment {
            conditions.append("\(customerId) IN (SELECT customer_id FROM segment_member WHERE segment = ?)")
            arguments.append(segment.databaseValue)
        }
        let column = measure.column.flatMap { scope.entries[$0]?.expression }
        let body = from + " WHERE " + conditions.joined(separator: " AND ")
        return Query(aggregate: aggregate(measure.aggregation, column), body: body, arguments: arguments, customerId: customerId)
    }

    /// Whether the measure needs activities joined to their profiles (customer level, customerId, measures or segments).
    private func needsCustomers(_ measure: MeasureDefinition) -> Bool {
        let conditions = measure.filter?.conditions ?? []
        return measure.effectiveLevel == .customer || measure.column == MeasureDefinition.customerIdColumn || measure.segment != nil
            || conditions.contains { $0.field == MeasureDefinition.customerIdColumn || $0.measure != nil || $0.segment != nil }
    }

    private func aggregate(_ aggregation: MeasureDefinition.Aggregation, _ column: String?) -> String {
        let target = column ?? "*"
        return switch aggregation {
        case .sum: "TOTAL(\(target))"
        case .count: "COUNT(\(target))"
        case .average: "AVG(\(target))"
        case .min: "MIN(\(target))"
        case .max: "MAX(\(target))"
        case .distinctCount: "COUNT(DISTINCT \(target))"
        }
    }
}
