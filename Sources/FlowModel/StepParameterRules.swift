import FlowExpressions
import Foundation

/// Each step's parameters against its catalog entry: required, allowed values, literal types, connections.
enum StepParameterRules {
    static func check(_ located: LocatedStep, context: CheckContext) -> [FlowIssue] {
        guard let spec = Catalog.step(located.step.type) else { return [] }
        var issues: [FlowIssue] = []
        if located.step.type == .wait, let until = located.step.inputs?["until"] {
            return delayUntilIssues(located, until)
        }
        for parameter in spec.parameters {
            let value = located.step.parameterValue(parameter)
            let path = parameterPath(located, parameter)
            if parameter.required, isMissing(value) {
                issues.append(FlowIssue(.error, path: path, step: located.step.name, field: parameter.key, "\(parameter.displayName) is required for \"\(spec.displayName)\""))
                continue
            }
            guard let value, !isExpression(value) else { continue }
            if let problem = literalProblem(value, parameter) {
                issues.append(FlowIssue(.error, path: path, step: located.step.name, field: parameter.key, problem))
            }
        }
        if let kind = spec.connectionKind, let connections = context.connections {
            issues += connectionIssues(located, kind: kind, connections: connections)
        }
        return issues
    }

    /// "Delay until": `inputs.until.timestamp` instead of a count and unit; an ISO 8601 time or an expression.
    static func delayUntilIssues(_ located: LocatedStep, _ until: JSONValue) -> [FlowIssue] {
        let path = located.pathText + ".inputs.until.timestamp"
        guard let value = until["timestamp"], !isMissing(value) else {
            return [FlowIssue(.error, path: path, step: located.step.name, field: "until.timestamp", "Delay until needs a timestamp, e.g. 2026-12-04T16:00:00Z")]
        }
        if isExpression(value) { return [] }
        guard let text = value.stringValue, (try? Date(text, strategy: .iso8601)) != nil
            || (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))) != nil else {
            return [FlowIssue(.error, path: path, step: located.step.name, field: "until.timestamp", "\(value.jsonText()) is not an ISO 8601 time; write e.g. 2026-12-04T16:00:00Z")]
        }
        return []
    }

    static func parameterPath(_ located: LocatedStep, _ parameter: ParameterSpec) -> String {
        let inside = parameter.key.isEmpty ? "" : "." + parameter.key
        return located.pathText + (parameter.location == .inputs ? ".inputs" : "") + inside
    }

    static func isMissing(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return true
        case .string(let text)?: return text.allSatisfy { $0 == " " || $0 == "\t" }
        default: return false
        }
    }

    /// A string holding an expression (`@...` or `...@{...}...`) is checked by the expression rules instead.
    static func isExpression(_ value: JSONValue) -> Bool {
        guard case .string(let text) = value else { return false }
        return (text.hasPrefix("@") && !text.hasPrefix("@@")) || ExpressionText.hasInterpolation(text)
    }

    static func literalProblem(_ value: JSONValue, _ parameter: ParameterSpec) -> String? {
        if !parameter.allowedValues.isEmpty {
            guard let text = value.stringValue?.lowercased(), parameter.allowedValues.contains(where: { $0.lowercased() == text }) else {
                return "\(parameter.displayName) must be one of \(parameter.allowedValues.joined(separator: ", ")); found \(value.jsonText())"
            }
        }
        switch parameter.kind {
        case .integer:
            if value.intValue == nil, Int(value.stringValue ?? "") == nil { return "\(parameter.displayName) must be a whole number; found \(value.jsonText())" }
        case .number:
            if !TriggerRules.isNumberLike(value) { return "\(parameter.displayName) must be a number; found \(value.jsonText())" }
        case .boolean:
            if value.boolValue == nil, !["true", "false"].contains(value.stringValue?.lowercased() ?? "") { return "\(parameter.displayName) must be true or false; found \(value.jsonText())" }
        case .duration:
            if let text = value.stringValue, ISODuration(text) == nil { return "'\(text)' is not an ISO 8601 duration; write e.g. PT1H" }
        case .emailList:
            if let text = value.stringValue, let bad = badAddress(text) { return "'\(bad)' is not an email address; separate addresses with semicolons" }
        case .url:
            if let text = value.stringValue, !(text.lowercased().hasPrefix("http://") || text.lowercased().hasPrefix("https://")) {
                return "\(parameter.displayName) must start with http:// or https://; found '\(text)'"
            }
        default:
            break
        }
        return nil
    }

    /// The first entry of a `;`/`,`-separated list that is not a plausible address.
    static func badAddress(_ list: String) -> String? {
        for part in list.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let address = part.trimmingCharacters(in: .whitespaces)
            let pieces = address.split(separator: "@", omittingEmptySubsequences: false)
            if address.isEmpty { continue }
            if pieces.count != 2 || pieces[0].isEmpty || !pieces[1].contains(".") || address.contains(" ") { return address }
        }
        return nil
    }

    static func connectionIssues(_ located: LocatedStep, kind: String, connections: [String: String]) -> [FlowIssue] {
        guard let name = located.step.inputs?["connection"]?.stringValue, !name.isEmpty, !isExpression(.string(name)) else { return [] }
        let path = located.pathText + ".inputs.connection"
        guard let actual = connections[name] else {
            let known = connections.keys.sorted().joined(separator: ", ")
            return [FlowIssue(.warning, path: path, step: located.step.name, field: "connection", "the connection '\(name)' does not exist\(known.isEmpty ? "" : " (known: \(known))"); add it in Admin > Connections")]
        }
        guard actual == kind || actual == "outbox" || kind == "insights" else {
            // An error, not a warning: such a flow would fail on every run, so it cannot be turned On.
            return [FlowIssue(.error, path: path, step: located.step.name, field: "connection", "the connection '\(name)' is a \(actual) connection; this step needs a \(kind) connection (pick one of that kind in the step's Connection field)")]
        }
        return []
    }
}
