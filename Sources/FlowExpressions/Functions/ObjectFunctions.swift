/// addProperty, setProperty, removeProperty on JSON objects.
enum ObjectFunctions {
    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        guard case .object(var members) = arguments[0] else { throw arguments.typeError(0, expected: "an object") }
        guard case .string(let name) = arguments[1] else { throw arguments.typeError(1, expected: "a string (a property name)") }
        switch arguments.function {
        case .addProperty:
            guard members[name] == nil else {
                throw arguments.invalid(1, "the object already has a property '\(name)' (use setProperty to replace it)")
            }
            members[name] = arguments[2]
        case .setProperty:
            members[name] = arguments[2]
        case .removeProperty:
            members[name] = nil
        default:
            throw arguments.failure("is not a JSON function")
        }
        return .object(members)
    }
}
