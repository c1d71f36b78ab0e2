/// A small JSON-like value used in event fields, so other modules can build trigger bodies.
public enum InsightsValue: Sendable, Equatable, Codable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([InsightsValue])
    case object([String: InsightsValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([InsightsValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: InsightsValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// `.number` for a value, `.null` for nil.
    static func optional(_ value: Double?) -> InsightsValue { value.map(InsightsValue.number) ?? .null }
    /// `.integer` for a value, `.null` for nil.
    static func optional(_ value: Int?) -> InsightsValue { value.map(InsightsValue.integer) ?? .null }
}
