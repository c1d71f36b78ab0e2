import Foundation
import GRDB

/// The two-level form of an activity measure: aggregate per customer record key in one sequential scan of the
/// activities, then combine the per-key results per profile through the link table.
///
/// Joining every activity row to its profile costs one index lookup per row; this form costs one per key.
/// It applies to decomposable aggregations whose filter only names activity columns.
struct KeyedMeasureQuery {
    let measure: MeasureDefinition
    let source: SourceDefinition
    let link: ActivityLink
    let scope: FieldScope
    let definition: WorkspaceDefinition
    let now: Date

    /// The query, or nil when the measure needs the row-by-row join.
    func query() -> MeasureQuery? {
        guard measure.segment == nil, let (inner, outer) = aggregates() else { return nil }
        let conditions = measure.filter?.conditions ?? []
        guard !conditions.contains(where: { $0.field == MeasureDefinition.customerIdColumn || $0.measure != nil || $0.segment != nil }) else {
            return nil
        }
        var arguments: [DatabaseValue] = []
        var filter = "1"
        if let rule = measure.filter {
            let compiled = RuleCompiler(definition: definition, scope: scope, now: now).compile(rule)
            filter = compiled.sql
            arguments = compiled.arguments
        }
        let grouped = """
            (SELECT \(link.keyExpression) AS k, \(inner) FROM \(source.tableName) \(FieldScope.activityAlias) NOT INDEXED
            WHERE \(filter) GROUP BY \(link.keyExpression)) g
            """
        let body = "FROM \(grouped) JOIN customer_link \(FieldScope.linkAlias) ON \(link.condition(key: "g.k")) WHERE 1"
        return MeasureQuery(
            aggregate: outer, body: body, arguments: arguments + [link.customerSource.databaseValue],
            customerId: "\(FieldScope.linkAlias).customer_id")
    }

    /// The per-key aggregates and how they combine per profile, or nil if the aggregation does not decompose.
    private func aggregates() -> (inner: String, outer: String)? {
        let isCustomerId = measure.column == MeasureDefinition.customerIdColumn
        if isCustomerId {
            switch measure.aggregation {
            case .distinctCount: return ("COUNT(*) AS v", "COUNT(DISTINCT \(FieldScope.linkAlias).customer_id)")
            case .count: return ("COUNT(*) AS v", "COALESCE(SUM(g.v), 0)")
            case .sum, .average, .min, .max: return nil
            }
        }
        let column = measure.column.flatMap { scope.entries[$0]?.expression } ?? "*"
        switch measure.aggregation {
        case .sum: return ("TOTAL(\(column)) AS v", "TOTAL(g.v)")
        case .count: return ("COUNT(\(column)) AS v", "COALESCE(SUM(g.v), 0)")
        case .min: return ("MIN(\(column)) AS v", "MIN(g.v)")
        case .max: return ("MAX(\(column)) AS v", "MAX(g.v)")
        case .average: return ("TOTAL(\(column)) AS v, COUNT(\(column)) AS n", "TOTAL(g.v) / NULLIF(SUM(g.n), 0)")
        case .distinctCount: return nil
        }
    }
}
