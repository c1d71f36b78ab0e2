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
        guard let decomposed = decomposition(), let (filter, arguments) = compiledFilter() else { return nil }
        let inner = decomposed.parts.map { "\($0.function)(\($0.argument)) AS \($0.alias)" }.joined(separator: ", ")
        let grouped = """
            (SELECT \(link.keyExpression) AS k, \(inner) FROM \(source.tableName) \(FieldScope.activityAlias) NOT INDEXED
            WHERE \(filter ?? "1") GROUP BY \(link.keyExpression)) g
            """
        let body = "FROM \(grouped) JOIN customer_link \(FieldScope.linkAlias) ON \(link.condition(key: "g.k")) WHERE 1"
        return MeasureQuery(
            aggregate: decomposed.combine { "g.\($0)" }, body: body, arguments: arguments + [link.customerSource.databaseValue],
            customerId: "\(FieldScope.linkAlias).customer_id")
    }

    /// The compiled activity filter (nil when the measure has none) and its arguments, or nil when the measure's
    /// filter names profiles, measures or segments (then the keyed form does not apply).
    func compiledFilter() -> (sql: String?, arguments: [DatabaseValue])? {
        guard measure.segment == nil else { return nil }
        let conditions = measure.filter?.conditions ?? []
        guard !conditions.contains(where: { $0.field == MeasureDefinition.customerIdColumn || $0.measure != nil || $0.segment != nil }) else {
            return nil
        }
        guard let rule = measure.filter else { return (nil, []) }
        let compiled = RuleCompiler(definition: definition, scope: scope, now: now).compile(rule)
        return (compiled.sql, compiled.arguments)
    }

    /// The per-key aggregates and how they combine per profile, or nil if the aggregation does not decompose.
    func decomposition() -> KeyedAggregate? {
        let isCustomerId = measure.column == MeasureDefinition.customerIdColumn
        let link = FieldScope.linkAlias
        if isCustomerId {
            switch measure.aggregation {
            case .distinctCount: return KeyedAggregate([.init("v", "COUNT", "*")]) { _ in "COUNT(DISTINCT \(link).customer_id)" }
            case .count: return KeyedAggregate([.init("v", "COUNT", "*")]) { "COALESCE(SUM(\($0("v"))), 0)" }
            case .sum, .average, .min, .max: return nil
            }
        }
        let column = measure.column.flatMap { scope.entries[$0]?.expression } ?? "*"
        switch measure.aggregation {
        case .sum: return KeyedAggregate([.init("v", "TOTAL", column)]) { "TOTAL(\($0("v")))" }
        case .count: return KeyedAggregate([.init("v", "COUNT", column)]) { "COALESCE(SUM(\($0("v"))), 0)" }
        case .min: return KeyedAggregate([.init("v", "MIN", column)]) { "MIN(\($0("v")))" }
        case .max: return KeyedAggregate([.init("v", "MAX", column)]) { "MAX(\($0("v")))" }
        case .average:
            return KeyedAggregate([.init("v", "TOTAL", column), .init("n", "COUNT", column)]) { "TOTAL(\($0("v"))) / NULLIF(SUM(\($0("n"))), 0)" }
        case .distinctCount: return nil
        }
    }
}

/// A measure split into aggregates per activity key and their combination per profile.
struct KeyedAggregate: Sendable {
    /// One per-key aggregate: `function(argument) AS alias`.
    struct Part: Sendable {
        let alias: String
        let function: String
        let argument: String

        init(_ alias: String, _ function: String, _ argument: String) {
            self.alias = alias
            self.function = function
            self.argument = argument
        }
    }

    let parts: [Part]
    /// The per-profile SQL, given how to refer to a part's column by its alias.
    let combine: @Sendable ((String) -> String) -> String

    init(_ parts: [Part], combine: @escaping @Sendable ((String) -> String) -> String) {
        self.parts = parts
        self.combine = combine
    }
}
