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
        CompiledSchema(schema).validate(value, path: "", into: &found)
        return found
    }

    /// Whether the value has the declared type (a name or an array of names; an integer is also a number).
    static func matches(_ value: JSONValue, _ declared: JSONValue) -> Bool {
        CompiledSchema.TypeSet(declared).admits(value)
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

/// A schema read once into a tree, so validating a large value does no dictionary lookups or string work per node
/// beyond the object members it checks.
struct CompiledSchema {
    /// The declared types as a bit set; `nil` type (no `type` keyword, or an unknown name) admits everything.
    struct TypeSet {
        var bits: UInt8
        var declared: JSONValue?

        static let object: UInt8 = 1, array: UInt8 = 2, string: UInt8 = 4, integer: UInt8 = 8, number: UInt8 = 16, boolean: UInt8 = 32, null: UInt8 = 64

        init(_ declared: JSONValue?) {
            self.declared = declared
            let names: [String]
            switch declared {
            case .string(let name)?: names = [name]
            case .array(let list)?: names = list.compactMap(\.stringValue)
            default: names = []
            }
            var bits: UInt8 = 0
            for name in names {
                switch name.lowercased() {
                case "object": bits |= Self.object
                case "array": bits |= Self.array
                case "string": bits |= Self.string
                case "integer": bits |= Self.integer
                case "number": bits |= Self.number | Self.integer
                case "boolean": bits |= Self.boolean
                case "null": bits |= Self.null
                default: bits = 0xFF
                }
            }
            self.bits = names.isEmpty ? 0xFF : bits
        }

        func admits(_ value: JSONValue) -> Bool {
            if bits == 0xFF { return true }
            switch value {
            case .object: return bits & Self.object != 0
            case .array: return bits & Self.array != 0
            case .string: return bits & Self.string != 0
            case .bool: return bits & Self.boolean != 0
            case .null: return bits & Self.null != 0
            case .int: return bits & (Self.integer | Self.number) != 0
            case .double(let d): return bits & Self.number != 0 || (bits & Self.integer != 0 && d.rounded() == d)
            }
        }
    }

    let types: TypeSet
    let required: [String]
    let properties: [(name: String, schema: CompiledSchema)]
    /// Boxed to keep the struct finite.
    let items: [CompiledSchema]

    init(_ schema: JSONValue) {
        let members = schema.objectValue ?? [:]
        types = TypeSet(members["type"])
        required = members["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        properties = (members["properties"]?.objectValue ?? [:]).map { ($0.key, CompiledSchema($0.value)) }
        if let itemSchema = members["items"], itemSchema.objectValue != nil { items = [CompiledSchema(itemSchema)] } else { items = [] }
    }

    func validate(_ value: JSONValue, path: @autoclosure () -> String, into found: inout [String]) {
        guard found.count < JSONSchemaSubset.reportLimit else { return }
        if !types.admits(value) {
            found.append("Invalid type. Expected \(JSONSchemaSubset.expectedText(types.declared ?? .null)) but got \(JSONSchemaSubset.typeName(value)).\(JSONSchemaSubset.pathSuffix(path()))")
            return
        }
        switch value {
        case .object(let object):
            for key in required where object[key] == nil {
                found.append("Required properties are missing from object: \(key).\(JSONSchemaSubset.pathSuffix(path()))")
            }
            for (name, schema) in properties {
                if let member = object[name] { schema.validate(member, path: JSONSchemaSubset.join(path(), name), into: &found) }
            }
        case .array(let elements):
            guard let itemSchema = items.first else { return }
            for (index, element) in elements.enumerated() where found.count < JSONSchemaSubset.reportLimit {
                itemSchema.validate(element, path: "\(path())[\(index)]", into: &found)
            }
        default:
            return
        }
    }
}
