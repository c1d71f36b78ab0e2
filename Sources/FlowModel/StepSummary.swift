import Foundation
import FlowExpressions

/// One-line descriptions of steps and triggers, for cards, lists and `flow show`.
public enum StepSummary {
    /// A short summary of a step's inputs, e.g. `to data-owners@contoso.com: "Segment ..."`.
    public static func oneLine(_ step: Step) -> String {
        let inputs = step.inputs
        switch step.type {
        case .teamsPostMessage: return quote(inputs?["text"]) + via(inputs)
        case .sendEmail: return "to \(text(inputs?["to"])): \(quote(inputs?["subject"]))" + via(inputs)
        case .http: return "\(text(inputs?["method"]) .uppercased()) \(text(inputs?["uri"]))"
        case .condition: return "if \(ConditionSummary.text(step.expression).map(shortened) ?? text(step.expression))"
        case .switchCase: return "on \(text(step.expression)), \(step.cases?.count ?? 0) case(s)"
        case .foreach: return "for each in \(step.foreach ?? "?")"
        case .until: return "until \(ConditionSummary.text(step.expression).map(shortened) ?? text(step.expression))" + (step.limit?.count.map { ", at most \($0) times" } ?? "")
        case .scope: return "\(step.actions?.count ?? 0) step(s)"
        case .wait: return "wait \(text(inputs?.value(atPath: "interval.count"))) \(text(inputs?.value(atPath: "interval.unit")).lowercased())(s)"
        case .compose: return text(inputs)
        case .initializeVariable:
            let variable = inputs?["variables"]?.arrayValue?.first
            return "\(text(variable?["name"])) (\(text(variable?["type"]))) = \(text(variable?["value"]))"
        case .setVariable: return "\(text(inputs?["name"])) = \(text(inputs?["value"]))"
        case .appendToArrayVariable: return "\(text(inputs?["name"])) += \(text(inputs?["value"]))"
        case .terminate: return text(inputs?["runStatus"]) + (inputs?.value(atPath: "runError.message").map { ": \(text($0))" } ?? "")
        case .getEntities: return "list entities"
        case .getItems: return "from \(text(inputs?["entity"]))" + (inputs?["filter"].map { " where \(text($0))" } ?? "")
        case .getItem: return "\(text(inputs?["entity"])) \(text(inputs?["id"]))"
        case .createItem: return "into \(text(inputs?["entity"]))" + fieldNames(inputs?["item"])
        case .updateItem: return "\(text(inputs?["entity"])) \(text(inputs?["id"]))" + fieldNames(inputs?["item"])
        case .response: return "\(text(inputs?["statusCode"] ?? 200))" + (inputs?["body"].map { " " + text($0) } ?? "")
        case .workflow: return "call \(text(inputs?.value(atPath: "host.workflow.id")))" + (inputs?["body"].map { " with " + text($0) } ?? "")
        default: return dataOperation(step) ?? unsupported(step)
        }
    }

    /// `: field, field` for an item written as an object, else ` = <text>` for an expression.
    static func fieldNames(_ item: JSONValue?) -> String {
        guard let item else { return "" }
        if let members = item.objectValue { return members.isEmpty ? "" : ": " + members.keys.joined(separator: ", ") }
        return " = " + text(item)
    }

    /// The card line of a step InsightFlow does not run: "not supported here", its type and, for a connector
    /// action, the API and operation (`OpenApiConnection shared_teams GetMessagesFromChannel`).
    public static func unsupported(_ step: Step) -> String {
        let api = step.inputs?.value(atPath: "host.apiId")?.stringValue?.split(separator: "/").last.map(String.init)
            ?? step.inputs?.value(atPath: "host.connectionName")?.stringValue
        let operation = step.inputs?.value(atPath: "host.operationId")?.stringValue
        let detail = [api, operation].compactMap { $0 }.joined(separator: " ")
        return "not supported here: \(step.type.rawValue)" + (detail.isEmpty ? "" : " \(detail)") + " (kept as imported)"
    }

    /// A short summary of a trigger's parameters, e.g. `segment High value customers > 100`.
    public static func oneLine(_ trigger: Trigger) -> String {
        guard let kind = trigger.kind else { return "unknown trigger type \(trigger.type)" }
        let inputs = trigger.inputs
        switch kind {
        case .dataSourceRefreshFailed, .dataSourceRefreshSucceeded: return "data source: \(text(inputs?["dataSource"] ?? "any"))"
        case .segmentThresholdCrossed: return "segment \(text(inputs?["segment"])) > \(text(inputs?["threshold"]))"
        case .measureThresholdCrossed: return "measure \(text(inputs?["measure"])) > \(text(inputs?["threshold"]))"
        case .fullRefreshCompleted, .unificationCompleted, .manual: return Catalog.trigger(kind).displayName
        case .httpRequest: return inputs?["schema"] == nil ? "POST /flows/<id>/invoke" : "POST /flows/<id>/invoke, body checked against its schema"
        case .recurrence: return recurrenceLine(trigger.extra["recurrence"])
        }
    }

    /// `every 1 Day at 9:00, 17:00 (W. Europe Standard Time)`.
    static func recurrenceLine(_ recurrence: JSONValue?) -> String {
        guard let recurrence, let rule = try? RecurrenceRule(json: recurrence) else { return "invalid recurrence" }
        var line = "every \(rule.interval) \(rule.frequency.rawValue)"
        if !rule.weekDays.isEmpty { line += " on " + rule.weekDays.map { String(RecurrenceRule.weekDayNames[$0 - 1].prefix(3)) }.joined(separator: ", ") }
        if rule.hasSchedule, !rule.hours.isEmpty {
            let minutes = rule.minutes.isEmpty ? [0] : rule.minutes
            let times = rule.hours.flatMap { hour in minutes.map { String(format: "%d:%02d", hour, $0) } }
            line += " at " + times.prefix(6).joined(separator: ", ") + (times.count > 6 ? ", …" : "")
        }
        if let start = recurrence["startTime"]?.stringValue { line += " from \(start)" }
        if let zone = recurrence["timeZone"]?.stringValue { line += " (\(zone))" }
        return line
    }

    static func via(_ inputs: JSONValue?) -> String {
        guard let connection = inputs?["connection"]?.stringValue else { return "" }
        return " via \(connection)"
    }

    static func quote(_ value: JSONValue?) -> String { "\"\(text(value))\"" }

    /// A value as short text: strings raw, others as compact JSON, `?` when missing; cut at 60 characters.
    static func text(_ value: JSONValue?) -> String {
        let full: String
        switch value {
        case nil: full = "?"
        case .string(let s)?: full = s
        case let other?: full = other.jsonText()
        }
        return shortened(full)
    }

    /// At most 60 characters, an ellipsis marking the cut.
    static func shortened(_ full: String) -> String { full.count > 60 ? String(full.prefix(59)) + "…" : full }
}
