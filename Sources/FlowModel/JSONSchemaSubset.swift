import FlowExpressions

/// The JSON schema subset Parse JSON uses (`type`, `properties`, `required`, `items`): validation of a value, the
/// schema's own shape, and its top-level properties for dynamic content. Other keywords are ignored.
public struct JSONSchemaSubset: Sendable {
    public let schema: JSONValue

    public init(_ schema: JSONValue) { self.schema = schema }

    /// The JSON-schema type names this subset knows.
    public static let typeNames: Set<String> = ["object", "array", "string", "integer", "number", "boolean", "null"]

    /// At most this many violations are reported for one value.
    static let reportLimit = 20

    /// The violations of `value`, each in the reference's wording (`Invalid type. Expected String but got Integer.
    /// Path 'Member.Email'.`); empty when the value is valid.
    public func violations(of value: JSONValue) -> [String] {
        var found: [String] = []
        Self.validate(value, against: schema, path: "", into: &found)
        return found
    }

    private static func validate(_ value: JSONValue, against schema: JSONValue, path: String, into found: inout [String]) {
        guard found.count < reportLimit, case .object(let members) = schema else { return }
        if let declared = members["type"], !matches(value, declared) {
            found.append("Invalid type. Expected \(expectedText(declared)) but got \(typeName(value)).\(pathSuffix(path))")
            return
        }
        switch value {
        case .object(let object):
            for name in members["required"]?.arrayValue ?? [] {
                if let key = name.stringValue, object[key] == nil {
                    found.append("Required properties are missing from object: \(key).\(pathSuffix(path))")
                }
            }
            guard let properties = members["properties"]?.objectValue else { return }
            for (key, propertySchema) in properties {
                if let member = object[key] { validate(member, against: propertySchema, path: join(path, key), into: &found) }
            }
        case .array(let items):
            guard let itemSchema = members["items"], itemSchema.objectValue != nil else { return }
            for (index, item) in items.enumerated() where found.count < reportLimit {
                validate(item, against: itemSchema, path: "\(path)[\(index)]", into: &found)
            }
        default:
            return
        }
    }

    /// Whether the value has the declared type (a name or an array of names; an integer is also a number).
    static func matches(_ value: JSONValue, _ declared: JSONValue) -> Bool {
        let names: [String]
        switch declared {
        case .string(let name): names = [name]
        case .array(let list): names = list.compactMap(\.stringValue)
        default: return true
        }
        return names.contains { name in
            switch (name.lowercased(), value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("integer", .int), ("number", .int), ("number", .double):
                return true
            case ("integer", .double(let d)):
                return d.rounded() == d
            default:
                return !typeNames.contains(name.lowercased())
            }
        }
    }

    /// The type name of a value as the reference's messages write it (`String`, `Integer`, ...).
    public static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "Null"
        case .bool: return "Boolean"
        case .int: return "Integer"
        case .double: return "Float"
        case .string: return "String"
        case .array: return "Array"
        case .object: return "Object"
        }
    }

    static func expectedText(_ declared: JSONValue) -> String {
        let names = declared.arrayValue?.compactMap(\.stringValue) ?? [declared.stringValue ?? ""]
        return names.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ", ")
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    static func pathSuffix(_ path: String) -> String { path.isEmpty ? "" : " Path '\(path)'." }

    /// Problems with the schema itself (not an object, an unknown type name, `properties` not an object,
    /// `required` not an array of strings), each with the dotted path inside the schema.
    public func shapeProblems() -> [String] {
        guard schema.objectValue != nil else { return ["the schema must be an object such as {\"type\": \"object\", \"properties\": {...}}"] }
        var problems: [String] = []
        Self.checkShape(schema, path: "schema", into: &problems)
        return problems
    }

    private static func checkShape(_ schema: JSONValue, path: String, into problems: inout [String]) {
        guard case .object(let members) = schema else {
            problems.append("\(path) must be an object")
            return
        }
        if let declared = members["type"] {
            let names = declared.arrayValue?.map { $0.stringValue ?? "" } ?? [declared.stringValue ?? ""]
            for name in names where !typeNames.contains(name.lowercased()) {
                problems.append("\(path).type '\(name)' is not a JSON schema type (object, array, string, integer, number, boolean, null)")
            }
        }
        if let properties = members["properties"] {
            if let object = properties.objectValue {
                for (key, property) in object { checkShape(property, path: "\(path).properties.\(key)", into: &problems) }
            } else {
                problems.append("\(path).properties must be an object of property name to schema")
            }
        }
        if let required = members["required"], required.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true {
            problems.append("\(path).required must be an array of property names")
        }
        if let items = members["items"] { checkShape(items, path: "\(path).items", into: &problems) }
    }

    /// The schema's top-level properties with their declared kind, in schema order: Parse JSON's dynamic content.
    public var topLevelProperties: [(name: String, kind: ValueKind)] {
        guard let properties = schema["properties"]?.objectValue else { return [] }
        return properties.map { name, property in
            let type = property["type"]?.stringValue ?? property["type"]?.arrayValue?.first?.stringValue ?? ""
            let kind: ValueKind
            switch type.lowercased() {
            case "string": kind = .string
            case "integer": kind = .integer
            case "number": kind = .number
            case "boolean": kind = .boolean
            case "object": kind = .object
            case "array": kind = .array
            default: kind = .any
            }
            return (name, kind)
        }
    }
}
