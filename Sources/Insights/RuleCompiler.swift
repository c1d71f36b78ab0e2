import Foundation
import TextFormats
import GRDB

/// Compiles a rule tree into an SQL boolean expression with bound arguments.
struct RuleCompiler {
    let definition: WorkspaceDefinition
    let scope: FieldScope
    /// The reference time for `inLastDays`.
    let now: Date

    /// The SQL expression and its arguments.
    func compile(_ rule: SegmentRule) -> (sql: String, arguments: [DatabaseValue]) {
        var arguments: [DatabaseValue] = []
        let sql = compile(rule, &arguments)
        return (sql, arguments)
    }

    private func compile(_ rule: SegmentRule, _ arguments: inout [DatabaseValue]) -> String {
        switch rule {
        case .all(let rules):
            rules.isEmpty ? "1" : "(" + rules.map { compile($0, &arguments) }.joined(separator: " AND ") + ")"
        case .any(let rules):
            rules.isEmpty ? "0" : "(" + rules.map { compile($0, &arguments) }.joined(separator: " OR ") + ")"
        case .condition(let condition):
            compile(condition, &arguments)
        }
    }

    private var customerIdExpression: String {
        scope.entries[MeasureDefinition.customerIdColumn]?.expression ?? "NULL"
    }

    private func compile(_ condition: RuleCondition, _ arguments: inout [DatabaseValue]) -> String {
        if let segment = condition.segment {
            arguments.append(segment.databaseValue)
            let negated = condition.op == .notEqual || condition.value == .bool(false)
            return "\(customerIdExpression) \(negated ? "NOT IN" : "IN") (SELECT customer_id FROM segment_member WHERE segment = ?)"
        }
        let (expression, type) = target(of: condition, &arguments)
        return comparison(expression, type: type, condition: condition, &arguments)
    }

    private func target(of condition: RuleCondition, _ arguments: inout [DatabaseValue]) -> (String, ColumnType) {
        if let name = condition.measure {
            arguments.append(name.databaseValue)
            let lookup = "(SELECT value FROM customer_measure_value WHERE measure = ? AND customer_id = \(customerIdExpression))"
            let aggregation = definition.measure(named: name)?.aggregation
            let zeroWhenMissing = aggregation == .sum || aggregation == .count || aggregation == .distinctCount
            return (zeroWhenMissing ? "COALESCE(\(lookup), 0)" : lookup, .decimal)
        }
        let entry = condition.field.flatMap { scope.entries[$0] }
        return (entry?.expression ?? "NULL", entry?.type ?? .string)
    }

    private func comparison(_ expression: String, type: ColumnType, condition: RuleCondition, _ arguments: inout [DatabaseValue]) -> String {
        let value = condition.value.map { bind($0, as: type) } ?? .null
        switch condition.effectiveOperator {
        case .isEmpty: return "(\(expression) IS NULL OR \(expression) = '')"
        case .isNotEmpty: return "(\(expression) IS NOT NULL AND \(expression) <> '')"
        case .contains:
            arguments.append(value)
            return "instr(lower(\(expression)), lower(?)) > 0"
        case .startsWith:
            arguments.append(value)
            arguments.append(value)
            return "substr(lower(\(expression)), 1, length(?)) = lower(?)"
        case .inLastDays:
            arguments.append(TimeText.iso8601Seconds(now).databaseValue)
            let days = condition.value?.numberValue ?? 0
            // Whole days within ±1,000 years; a definition's number never traps the conversion.
            arguments.append("-\(Int(days.isFinite ? min(max(days, -365_000), 365_000).rounded(.down) : 0)) days".databaseValue)
            let cutoff = type == .date ? "date(?, ?)" : "strftime('%Y-%m-%dT%H:%M:%SZ', ?, ?)"
            return "\(expression) >= \(cutoff)"
        case .notEqual:
            arguments.append(value)
            return "(\(expression) IS NULL OR \(expression) <> ?)"
        case .equal, .greater, .greaterOrEqual, .less, .lessOrEqual:
            arguments.append(value)
            return "\(expression) \(condition.effectiveOperator.rawValue) ?"
        }
    }

    private func bind(_ value: RuleValue, as type: ColumnType) -> DatabaseValue {
        switch type {
        case .integer, .decimal, .boolean:
            if let number = value.numberValue { return number.databaseValue }
        case .string, .date, .datetime:
            break
        }
        switch value {
        case .text(let text): return text.databaseValue
        case .number(let number): return number.databaseValue
        case .bool(let flag): return flag.databaseValue
        }
    }
}
