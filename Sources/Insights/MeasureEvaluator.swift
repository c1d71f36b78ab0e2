import Foundation
import GRDB

/// The parts of a measure query: `SELECT aggregate body`, grouped by `customerId` for customer measures.
struct MeasureQuery {
    let aggregate: String
    let body: String
    let arguments: [DatabaseValue]
    let customerId: String
}

/// Computes measures in SQL: one value for business measures, one value per profile for customer measures.
struct MeasureEvaluator {
    let definition: WorkspaceDefinition
    let now: Date
    /// Work done ahead on a second connection (values and keyed tables), used instead of querying again.
    var precomputed: PrecomputedMeasures? = nil

    /// The current value of a business measure (nil when the aggregate is empty or the source has no data yet).
    func businessValue(_ measure: MeasureDefinition, _ db: Database) throws -> Double? {
        if let value = precomputed?.values[measure.name] { return value }
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

    private func query(for measure: MeasureDefinition, _ db: Database) throws -> MeasureQuery? {
        guard let scope = FieldScope.forMeasure(measure, in: definition) else { return nil }
        guard measure.source != MeasureDefinition.profilesSource else {
            return directQuery(measure, scope: scope, from: "FROM customer \(FieldScope.profileAlias)", arguments: [])
        }
        guard let source = definition.source(named: measure.source), try InsightsStore.hasData(db, source: source) else { return nil }
        let table = "FROM \(source.tableName) \(FieldScope.activityAlias)"
        guard let link = ActivityLink(source: source), Self.needsCustomers(measure) else {
            return directQuery(measure, scope: scope, from: table, arguments: [])
        }
        if let query = precomputed?.keyedQuery(measure, link: link) { return query }
        let keyed = KeyedMeasureQuery(measure: measure, source: source, link: link, scope: scope, definition: definition, now: now)
        if let query = keyed.query() { return query }
        let join = measure.effectiveLevel == .customer ? "JOIN" : "LEFT JOIN"
        let from = "\(table) \(join) customer_link \(FieldScope.linkAlias) ON \(link.condition(key: link.keyExpression))"
        return directQuery(measure, scope: scope, from: from, arguments: [link.customerSource.databaseValue])
    }

    /// One aggregate over the rows of `from` that pass the filter and segment restriction.
    private func directQuery(_ measure: MeasureDefinition, scope: FieldScope, from: String, arguments: [DatabaseValue]) -> MeasureQuery {
        var arguments = arguments
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
        return MeasureQuery(aggregate: Self.aggregate(measure.aggregation, column), body: body, arguments: arguments, customerId: customerId)
    }

    /// Whether the measure needs activities joined to their profiles (customer level, customerId, measures or segments).
    static func needsCustomers(_ measure: MeasureDefinition) -> Bool {
        let conditions = measure.filter?.conditions ?? []
        return measure.effectiveLevel == .customer || measure.column == MeasureDefinition.customerIdColumn || measure.segment != nil
            || conditions.contains { $0.field == MeasureDefinition.customerIdColumn || $0.measure != nil || $0.segment != nil }
    }

    /// The SQL aggregate of `column` (all rows when nil).
    static func aggregate(_ aggregation: MeasureDefinition.Aggregation, _ column: String?) -> String {
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

/// How an activity source's rows link to customer records.
struct ActivityLink {
    let customerSource: String
    /// The activity's key column, as SQL on the activity alias.
    let keyExpression: String
    let keyIsText: Bool

    init?(source: SourceDefinition) {
        guard let customerSource = source.customerSource, let key = source.customerKeyColumn else { return nil }
        self.customerSource = customerSource
        self.keyExpression = "\(FieldScope.activityAlias).\(SQLName.quoted(key))"
        self.keyIsText = source.column(named: key)?.type == .string
    }

    /// The join condition between the link table and `key` (the source name is bound as the one argument).
    func condition(key: String) -> String {
        let record = keyIsText ? key : "CAST(\(key) AS TEXT)"
        return "\(FieldScope.linkAlias).source = ? AND \(FieldScope.linkAlias).record_key = \(record)"
    }
}
