import Foundation
import GRDB

/// The measure work that does not need the unified profiles, done on a second connection while unification runs:
/// the values of business measures over activity columns only, and per activity source one grouped pass that holds
/// the per-key parts of every keyed measure (`KeyedMeasureQuery`) in the refresh's scratch database.
struct MeasurePrecompute: Sendable {
    let definition: WorkspaceDefinition
    let order: [InsightItem]
    let now: Date
    /// The schema name under which the writer attaches the scratch database.
    static let schema = "refresh_scratch"

    /// Business measures whose value depends only on their activity source.
    var directMeasures: [MeasureDefinition] {
        measures.filter { $0.effectiveLevel == .business && activitySource(of: $0) != nil && !MeasureEvaluator.needsCustomers($0) }
    }

    /// Keyed measures grouped by activity source name, in evaluation order.
    var keyedMeasures: [(source: SourceDefinition, measures: [(MeasureDefinition, KeyedMeasureQuery)])] {
        var groups: [(source: SourceDefinition, measures: [(MeasureDefinition, KeyedMeasureQuery)])] = []
        for measure in measures {
            guard let source = activitySource(of: measure), let link = ActivityLink(source: source),
                MeasureEvaluator.needsCustomers(measure), let scope = FieldScope.forMeasure(measure, in: definition)
            else { continue }
            let keyed = KeyedMeasureQuery(measure: measure, source: source, link: link, scope: scope, definition: definition, now: now)
            guard keyed.decomposition() != nil, keyed.compiledFilter() != nil else { continue }
            if let index = groups.firstIndex(where: { $0.source.name == source.name }) {
                groups[index].measures.append((measure, keyed))
            } else {
                groups.append((source, [(measure, keyed)]))
            }
        }
        return groups
    }

    /// Whether there is anything to compute ahead.
    var isEmpty: Bool { directMeasures.isEmpty && keyedMeasures.isEmpty }

    /// Computes the values and the keyed tables from the activity tables `db` sees (measures of a source without
    /// data there are left to the writer), creating the keyed tables in schema `target` of `db`.
    func run(_ db: Database, target: String) throws -> PrecomputedMeasures {
        var result = PrecomputedMeasures()
        let evaluator = MeasureEvaluator(definition: definition, now: now)
        for measure in directMeasures {
            guard let source = activitySource(of: measure), try InsightsStore.hasData(db, source: source) else { continue }
            result.values[measure.name] = .some(try evaluator.businessValue(measure, db))
        }
        for (index, group) in keyedMeasures.enumerated() where try InsightsStore.hasData(db, source: group.source) {
            try fill(table: "keyed_\(index)", in: target, group.source, group.measures, db, into: &result)
        }
        return result
    }

    /// One pass over `source` grouped by its customer key, with every measure's filtered parts as columns.
    private func fill(
        table: String, in target: String, _ source: SourceDefinition, _ measures: [(MeasureDefinition, KeyedMeasureQuery)], _ db: Database,
        into result: inout PrecomputedMeasures
    ) throws {
        var columns: [String] = []
        var arguments: [DatabaseValue] = []
        for (number, (measure, keyed)) in measures.enumerated() {
            guard let decomposed = keyed.decomposition(), let (filter, filterArguments) = keyed.compiledFilter() else { continue }
            for part in decomposed.parts {
                if let filter {
                    let value = part.argument == "*" ? "1" : part.argument
                    columns.append("\(part.function)(CASE WHEN \(filter) THEN \(value) END) AS \(part.alias)_\(number)")
                    arguments += filterArguments
                } else {
                    columns.append("\(part.function)(\(part.argument)) AS \(part.alias)_\(number)")
                }
            }
            if let filter {
                columns.append("COUNT(CASE WHEN \(filter) THEN 1 END) AS p_\(number)")
                arguments += filterArguments
            }
            result.keyed[measure.name] = PrecomputedMeasures.KeyedTable(
                table: "\(Self.schema).\(table)", suffix: "_\(number)", aggregate: decomposed, filtered: filter != nil)
        }
        guard let key = measures.first.map({ $0.1.link.keyExpression }) else { return }
        try db.execute(
            sql: """
                CREATE TABLE \(target).\(table) AS SELECT \(key) AS k, \(columns.joined(separator: ", "))
                FROM \(source.tableName) \(FieldScope.activityAlias) NOT INDEXED GROUP BY \(key)
                """,
            arguments: StatementArguments(arguments))
    }

    private var measures: [MeasureDefinition] {
        order.compactMap { if case .measure(let measure) = $0 { measure } else { nil } }
    }

    private func activitySource(of measure: MeasureDefinition) -> SourceDefinition? {
        guard measure.source != MeasureDefinition.profilesSource, let source = definition.source(named: measure.source),
            source.feeds == .activities
        else { return nil }
        return source
    }
}

/// Results of `MeasurePrecompute`: business values by measure name and the keyed tables of customer-linked measures.
struct PrecomputedMeasures: Sendable {
    /// Where one measure's per-key parts live in the scratch database.
    struct KeyedTable: Sendable {
        let table: String
        /// Appended to each part alias to name its column.
        let suffix: String
        let aggregate: KeyedAggregate
        /// Whether the measure has a filter (then only keys with a passing row count).
        let filtered: Bool
    }

    /// Values of business measures (a nil value means the aggregate was empty).
    var values: [String: Double?] = [:]
    var keyed: [String: KeyedTable] = [:]

    /// The measure query over the keyed table of `measure`, joined to the profiles through the link table.
    func keyedQuery(_ measure: MeasureDefinition, link: ActivityLink) -> MeasureQuery? {
        guard let entry = keyed[measure.name] else { return nil }
        let alias = FieldScope.linkAlias
        let condition = entry.filtered ? "g.p\(entry.suffix) > 0" : "1"
        return MeasureQuery(
            aggregate: entry.aggregate.combine { "g.\($0)\(entry.suffix)" },
            body: "FROM \(entry.table) g JOIN customer_link \(alias) ON \(link.condition(key: "g.k")) WHERE \(condition)",
            arguments: [link.customerSource.databaseValue], customerId: "\(alias).customer_id")
    }
}
