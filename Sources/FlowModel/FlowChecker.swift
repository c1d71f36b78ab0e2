import Foundation
import FlowExpressions

/// Checks a flow and lists its errors and warnings, each with the JSON path it concerns.
public enum FlowChecker {
    /// All findings for `flow`, errors first, then in document order.
    public static func check(_ flow: Flow, context: CheckContext = CheckContext()) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        let steps = flow.definition.allSteps
        issues += TriggerRules.check(flow.definition)
        issues += StepStructureRules.check(steps)
        issues += RunAfterRules.check(steps)
        issues += VariableRules.check(steps)
        issues += RequestStepRules.check(steps, trigger: flow.trigger)
        issues += DataOperationRules.check(steps)
        issues += ItemWriteRules.check(steps)
        for located in steps {
            issues += StepParameterRules.check(located, context: context)
        }
        issues += ExpressionRules.check(flow.definition, steps: steps)
        if steps.isEmpty {
            issues.append(FlowIssue(.warning, path: "$.definition.actions", field: "actions", "the flow has no steps yet; add at least one so a run does something"))
        }
        return issues.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    }

    /// True when the flow has no errors (warnings allowed), so it may be turned On.
    public static func canTurnOn(_ flow: Flow, context: CheckContext = CheckContext()) -> Bool {
        !check(flow, context: context).contains { $0.severity == .error }
    }
}

/// The trigger: exactly one, of a known kind, with valid parameters.
enum TriggerRules {
    static func check(_ definition: WorkflowDefinition) -> [FlowIssue] {
        let base: [JSONPath.Component] = [.key("definition"), .key("triggers")]
        guard let trigger = definition.triggers.values.first else {
            return [FlowIssue(.error, path: JSONPath.render(base), field: "trigger", "the flow has no trigger; add one of the connector's triggers")]
        }
        var issues: [FlowIssue] = []
        if definition.triggers.count > 1 {
            issues.append(FlowIssue(.error, path: JSONPath.render(base), field: "trigger", "a flow has exactly one trigger; this one has \(definition.triggers.count)"))
        }
        let path = base + [.key(trigger.name)]
        guard let kind = trigger.kind else {
            var names: [String] = []
            for kind in TriggerKind.allCases where !names.contains(kind.typeName) { names.append(kind.typeName) }
            let known = names.joined(separator: ", ")
            issues.append(FlowIssue(.error, path: JSONPath.render(path + [.key("type")]), field: "type", "unknown trigger type '\(trigger.type)'; use one of \(known)"))
            return issues
        }
        let spec = Catalog.trigger(kind)
        let member = Trigger.parameterMember(of: kind)
        for parameter in spec.parameters {
            let value = trigger.parameter(parameter.key)
            let parameterPath = JSONPath.render(path + [.key(member)] + parameter.key.split(separator: ".").map { .key(String($0)) })
            if parameter.required, value == nil || value == .string("") || value == .null {
                issues.append(FlowIssue(.error, path: parameterPath, field: parameter.key, "\(parameter.displayName) is required"))
            } else if let value, parameter.kind == .number, !isNumberLike(value) {
                issues.append(FlowIssue(.error, path: parameterPath, field: parameter.key, "\(parameter.displayName) must be a number; found \(value.jsonText())"))
            } else if let value, parameter.kind == .number, let number = numberValue(value), !NumberBounds.contains(number) {
                issues.append(FlowIssue(.error, path: parameterPath, field: parameter.key, "\(parameter.displayName) must be \(NumberBounds.phrase); found \(value.jsonText())"))
            } else if let value, parameter.kind == .string, value.stringValue == nil {
                issues.append(FlowIssue(.error, path: parameterPath, field: parameter.key, "\(parameter.displayName) must be text; found \(value.typeDescription)"))
            }
        }
        let knownKeys = Set(spec.parameters.map { String($0.key.split(separator: ".").first ?? "") })
        for key in trigger.parameters?.objectValue?.keys ?? [] where !knownKeys.contains(key) && !spec.passThroughKeys.contains(key) {
            issues.append(FlowIssue(.warning, path: JSONPath.render(path + [.key(member), .key(key)]), field: key, "'\(key)' is not a parameter of \"\(spec.displayName)\" and is ignored"))
        }
        issues += BuiltinTriggerRules.check(trigger, kind: kind, path: path)
        return issues
    }

    /// The number of a JSON number or of a string that reads as one.
    static func numberValue(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .string(let text): return Double(text.filter { $0 != " " })
        default: return nil
        }
    }

    /// A JSON number, or a string that reads as one (thresholds typed in forms).
    static func isNumberLike(_ value: JSONValue) -> Bool {
        switch value {
        case .int, .double: return true
        case .string(let text): return Double(text.filter { $0 != " " }) != nil
        default: return false
        }
    }
}
