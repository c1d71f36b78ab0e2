import FlowExpressions

/// Checks a request body against the JSON schema of a "When an HTTP request is received" trigger: the keywords
/// Logic Apps' designer writes (`type`, `properties`, `required`, `items`, `enum`), plus `additionalProperties: false`,
/// `minimum`/`maximum`, `minLength`/`maxLength` and `minItems`/`maxItems`. Other keywords are ignored.
enum RequestSchema {
    /// The first mismatch, as `$.orders[2].sku: expected string, found number`; nil when the body conforms.
    static func firstMismatch(_ value: JSONValue, schema: JSONValue, path: String = "$", depth: Int = 0) -> String? {
        guard depth < 64, case .object = schema else { return nil }
        if let types = schema["type"] {
            let allowed = (types.arrayValue ?? [types]).compactMap(\.stringValue)
            if !allowed.isEmpty, !allowed.contains(where: { matches(value, type: $0) }) {
                return "\(path): expected \(allowed.joined(separator: " or ")), found \(typeName(value))"
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            return "\(path): \(value.jsonText()) is not one of \(JSONValue.array(options).jsonText())"
        }
        if let number = value.doubleValue {
            if let minimum = schema["minimum"]?.doubleValue, number < minimum { return "\(path): \(value.jsonText()) is less than the minimum \(schema["minimum"]?.jsonText() ?? "")" }
            if let maximum = schema["maximum"]?.doubleValue, number > maximum { return "\(path): \(value.jsonText()) is more than the maximum \(schema["maximum"]?.jsonText() ?? "")" }
        }
        if case .string(let text) = value {
            if let minimum = schema["minLength"]?.intValue, text.count < minimum { return "\(path): shorter than \(minimum) characters" }
            if let maximum = schema["maxLength"]?.intValue, text.count > maximum { return "\(path): longer than \(maximum) characters" }
        }
        switch value {
        case .object(let members):
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                return "\(path): the required property '\(name)' is missing"
            }
            let properties = schema["properties"]?.objectValue ?? [:]
            for (name, member) in members {
                if let propertySchema = properties[name] {
                    if let mismatch = firstMismatch(member, schema: propertySchema, path: path + "." + name, depth: depth + 1) { return mismatch }
                } else if schema["additionalProperties"] == .bool(false) {
                    return "\(path): the property '\(name)' is not allowed"
                } else if let extraSchema = schema["additionalProperties"], case .object = extraSchema,
                          let mismatch = firstMismatch(member, schema: extraSchema, path: path + "." + name, depth: depth + 1) {
                    return mismatch
                }
            }
        case .array(let items):
            if let minimum = schema["minItems"]?.intValue, items.count < minimum { return "\(path): fewer than \(minimum) items" }
            if let maximum = schema["maxItems"]?.intValue, items.count > maximum { return "\(path): more than \(maximum) items" }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    if let mismatch = firstMismatch(item, schema: itemSchema, path: "\(path)[\(index)]", depth: depth + 1) { return mismatch }
                }
            }
        default:
            break
        }
        return nil
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type.lowercased(), value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null): return true
        case ("integer", .int): return true
        case ("integer", .double(let number)): return number.rounded() == number
        case ("number", .int), ("number", .double): return true
        default: return false
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
