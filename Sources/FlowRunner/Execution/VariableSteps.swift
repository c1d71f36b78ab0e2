import FlowExpressions
import FlowModel

/// Initialize variable, Set variable and Append to array variable, with the reference language's type rules.
struct VariableSteps {
    let state: RunState

    func run(_ step: Step, inputs: JSONValue) throws(StepFailure) -> StepOutcome {
        switch step.type {
        case .initializeVariable:
            for variable in inputs["variables"]?.arrayValue ?? [] {
                guard let name = variable["name"]?.stringValue else { throw StepFailure(message: "Initialize variable needs a name", code: "InvalidTemplate", inputs: inputs) }
                let type = variable["type"]?.stringValue ?? "String"
                state.setVariable(name, try Self.convert(variable["value"] ?? .null, to: type, name: name))
                state.setVariable(Self.typeKey(name), .string(type.lowercased()))
            }
        case .setVariable:
            let name = try name(inputs)
            let type = state.variable(Self.typeKey(name))?.stringValue ?? "any"
            state.setVariable(name, try Self.convert(inputs["value"] ?? .null, to: type, name: name))
        default:
            let name = try name(inputs)
            guard state.append(inputs["value"] ?? .null, toVariable: name) else {
                throw StepFailure(message: "the variable '\(name)' is not an array", code: "InvalidVariable", inputs: inputs)
            }
        }
        return StepOutcome(status: .succeeded, inputs: inputs)
    }

    private func name(_ inputs: JSONValue) throws(StepFailure) -> String {
        guard let name = inputs["name"]?.stringValue, state.hasVariable(name) else {
            throw StepFailure(message: "the variable '\(inputs["name"]?.stringValue ?? "")' is not initialized", code: "InvalidVariable", inputs: inputs)
        }
        return name
    }

    /// Where a variable's declared type is kept (a key no flow can name).
    static func typeKey(_ name: String) -> String { " type " + name.lowercased() }

    /// The value converted to a declared variable type, or a failure naming both.
    static func convert(_ value: JSONValue, to type: String, name: String) throws(StepFailure) -> JSONValue {
        let fail = StepFailure(message: "the value \(value.jsonText()) does not fit the \(type.prefix(1).uppercased() + type.dropFirst()) variable '\(name)'", code: "InvalidVariable")
        switch type.lowercased() {
        case "integer":
            if case .null = value { return .int(0) }
            if let i = value.intValue { return .int(i) }
            if let text = value.stringValue, let i = Int(text) { return .int(i) }
            throw fail
        case "float":
            if case .null = value { return .double(0) }
            if let d = value.doubleValue { return .double(d) }
            if let text = value.stringValue, let d = Double(text) { return .double(d) }
            throw fail
        case "boolean":
            if case .null = value { return .bool(false) }
            if let b = value.boolValue { return .bool(b) }
            throw fail
        case "string":
            if case .null = value { return .string("") }
            if let s = value.stringValue { return .string(s) }
            return .string(value.jsonText())
        case "array":
            if case .null = value { return .array([]) }
            if value.arrayValue != nil { return value }
            throw fail
        case "object":
            if case .null = value { return .object([:]) }
            if value.objectValue != nil { return value }
            throw fail
        default:
            return value
        }
    }
}
