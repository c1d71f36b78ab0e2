import FlowExpressions
import Insights
import OrderedCollections

extension JSONValue {
    /// An Insights value as JSON (object members sorted by name, so output is stable).
    init(_ value: InsightsValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .integer(let number): self = .int(number)
        case .number(let number): self = .double(number)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members):
            var object = OrderedDictionary<String, JSONValue>()
            for key in members.keys.sorted() { object[key] = members[key].map(JSONValue.init) }
            self = .object(object)
        }
    }
}

extension InsightsValue {
    /// A JSON value as an Insights value (the fields of a Create item or Update item).
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .integer(number)
        case .double(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(InsightsValue.init))
        case .object(let members): self = .object(Dictionary(members.map { ($0.key, InsightsValue($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }
}
