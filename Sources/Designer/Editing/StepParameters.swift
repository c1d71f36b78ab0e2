import Foundation
import FlowExpressions
import FlowModel

/// Reading and writing a catalog parameter of a step, wherever the file keeps it (`inputs`, or the step object).
public enum StepParameters {
    /// The current value of `spec` in `step`.
    public static func value(_ spec: ParameterSpec, of step: Step) -> JSONValue? {
        guard spec.location == .step else { return step.inputs?.value(atPath: spec.key) }
        switch spec.key {
        case "expression": return step.expression
        case "foreach": return step.foreach.map(JSONValue.string)
        case "limit.count": return step.limit?.count.map(JSONValue.int)
        case "limit.timeout": return step.limit?.timeout.map(JSONValue.string)
        default:
            guard spec.key.hasPrefix("runtimeConfiguration.") else { return spec.key.contains(".") ? nil : step.extra[spec.key] }
            return step.runtimeConfiguration?.value(atPath: String(spec.key.dropFirst("runtimeConfiguration.".count)))
        }
    }

    /// Stores `value` (nil removes it) for `spec` in `step`.
    public static func set(_ value: JSONValue?, for spec: ParameterSpec, in step: inout Step) {
        guard spec.location == .step else {
            let updated = (step.inputs ?? .object([:])).setting(value, atPath: spec.key)
            step.inputs = updated == .object([:]) && spec.key.isEmpty == false ? nil : updated
            return
        }
        switch spec.key {
        case "expression": step.expression = value
        case "foreach": step.foreach = value.map { $0.stringValue ?? $0.jsonText() }
        case "limit.count": step.limit = StepLimit(count: value?.intValue, timeout: step.limit?.timeout)
        case "limit.timeout": step.limit = StepLimit(count: step.limit?.count, timeout: value?.stringValue)
        default:
            guard spec.key.hasPrefix("runtimeConfiguration.") else {
                // A plain member of the step object, such as the `kind` of an Expression action.
                if !spec.key.contains(".") { step.extra[spec.key] = value }
                return
            }
            let path = String(spec.key.dropFirst("runtimeConfiguration.".count))
            let updated = (step.runtimeConfiguration ?? .object([:])).setting(value, atPath: path)
            step.runtimeConfiguration = updated == .object([:]) ? nil : updated
        }
    }

    /// A new step of a catalog type with its default values, named uniquely in `definition`.
    public static func newStep(_ spec: StepSpec, in definition: WorkflowDefinition, connections: [String: String]) -> Step {
        var step = Step(name: StepTree.uniqueName(spec.defaultStepName, in: definition), type: spec.type)
        for parameter in spec.parameters {
            if let value = parameter.defaultValue {
                set(value, for: parameter, in: &step)
            } else if parameter.kind == .connection, parameter.required, let kind = spec.connectionKind {
                // The connection the step form shows chosen. Leaving it unset while the form showed an outbox one
                // saved a step without one.
                if let name = defaultConnection(kind: kind, connections: connections) { set(.string(name), for: parameter, in: &step) }
            }
        }
        return step
    }

    /// The connection a new step of connection kind `kind` gets: the first of that kind by name, else the first
    /// outbox one (the step form offers both); nil when there is neither.
    static func defaultConnection(kind: String, connections: [String: String]) -> String? {
        let ofKind = connections.filter { $0.value == kind }.keys.sorted()
        let outbox = connections.filter { $0.value == "outbox" }.keys.sorted()
        return ofKind.first ?? outbox.first
    }

    /// Field text for a value: strings as they are, other JSON compactly, nothing for missing.
    public static func text(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let text)?: return text
        case let other?: return other.jsonText()
        }
    }

    /// The value a field's text stands for, given the parameter's kind: numbers for numeric kinds,
    /// parsed JSON for objects/arrays written as JSON, otherwise the text; empty text is no value.
    public static func value(fromText text: String, kind: ValueKind) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        switch kind {
        case .integer: if let number = Int(trimmed) { return .int(number) }
        case .number: if let number = Int(trimmed) { return .int(number) } else if let number = Double(trimmed) { return .double(number) }
        case .boolean: if let flag = Bool(trimmed.lowercased()) { return .bool(flag) }
        case .object, .array, .any, .condition:
            if trimmed.hasPrefix("{") || trimmed.hasPrefix("["), let parsed = try? JSONValue.parse(trimmed) { return parsed }
        default: break
        }
        return .string(text)
    }
}
