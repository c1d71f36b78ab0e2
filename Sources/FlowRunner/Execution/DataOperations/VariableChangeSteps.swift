import FlowExpressions
import FlowModel

/// Increment variable, Decrement variable (Integer and Float variables, by `value`, default 1) and Append to string
/// variable (String variables), each an atomic read-modify-write of the run's variable.
struct VariableChangeSteps {
    let state: RunState

    func run(_ step: Step, inputs: JSONValue) throws(StepFailure) -> StepOutcome {
        let name = inputs["name"]?.stringValue ?? ""
        let change: (JSONValue, String) throws(StepFailure) -> JSONValue
        switch step.type {
        case .appendToStringVariable:
            let addition = (inputs["value"] ?? .null).interpolationText
            change = { (current: JSONValue, type: String) throws(StepFailure) -> JSONValue in
                guard type == "string", case .string(let text) = current else {
                    throw StepFailure(message: "The variable '\(name)' of type '\(Self.typeName(type))' cannot be appended to by Append to string variable; it needs a String variable.", code: "InvalidVariable", inputs: inputs)
                }
                return .string(text + addition)
            }
        default:
            let sign = step.type == .decrementVariable ? -1 : 1
            let amount = inputs["value"] ?? .null
            change = { (current: JSONValue, type: String) throws(StepFailure) -> JSONValue in
                try Self.add(current, type: type, amount: amount, sign: sign, name: name, inputs: inputs)
            }
        }
        let updated: JSONValue?
        updated = try state.modifyVariable(name, typeKey: VariableSteps.typeKey(name), change)
        guard let updated else {
            throw StepFailure(message: "the variable '\(name)' is not initialized", code: "InvalidVariable", inputs: inputs)
        }
        return StepOutcome(status: .succeeded, inputs: inputs, outputs: ["body": ["name": .string(name), "value": updated]])
    }

    /// `current + sign·amount` for an Integer or Float variable; amount null means 1. An Integer variable takes
    /// only whole amounts and fails on overflow.
    static func add(_ current: JSONValue, type: String, amount: JSONValue, sign: Int, name: String, inputs: JSONValue) throws(StepFailure) -> JSONValue {
        let verb = sign < 0 ? "decremented" : "incremented"
        let by: JSONValue = amount.isNull ? .int(1) : amount
        switch (type, current) {
        case ("integer", .int(let value)):
            guard case .int(let step) = by else {
                throw StepFailure(message: "The variable '\(name)' of type 'Integer' cannot be \(verb) by \(by.typeDescription) (\(by.jsonText())); use a whole number.", code: "InvalidVariable", inputs: inputs)
            }
            let (product, productOverflow) = step.multipliedReportingOverflow(by: sign)
            let (sum, overflow) = value.addingReportingOverflow(product)
            guard !overflow, !productOverflow else {
                throw StepFailure(message: "The variable '\(name)' would overflow the integer range.", code: "InvalidVariable", inputs: inputs)
            }
            return .int(sum)
        case ("float", _):
            guard let value = current.doubleValue, let step = by.doubleValue, by.stringValue == nil else {
                throw StepFailure(message: "The variable '\(name)' of type 'Float' cannot be \(verb) by \(by.typeDescription) (\(by.jsonText())); use a number.", code: "InvalidVariable", inputs: inputs)
            }
            return .double(value + Double(sign) * step)
        default:
            throw StepFailure(message: "The variable '\(name)' of type '\(typeName(type))' cannot be \(verb); Increment and Decrement variable need an Integer or Float variable.", code: "InvalidVariable", inputs: inputs)
        }
    }

    static func typeName(_ lowercased: String) -> String {
        lowercased.isEmpty ? "untyped" : lowercased.prefix(1).uppercased() + lowercased.dropFirst()
    }
}
