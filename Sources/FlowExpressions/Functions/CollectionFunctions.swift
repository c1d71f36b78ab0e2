import OrderedCollections

/// contains, empty, first, last, join, union, intersection, skip, take, createArray, length.
enum CollectionFunctions {
    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .contains: return .bool(try contains(arguments))
        case .empty: return .bool(try isEmpty(arguments))
        case .first: return try end(arguments, first: true)
        case .last: return try end(arguments, first: false)
        case .join:
            let parts = try arguments.array(0).map(\.interpolationText)
            let separator = try arguments.string(1)
            try EvaluationLimits.checkText(EvaluationLimits.joinedBytes(parts, separator: separator), arguments)
            return .string(parts.joined(separator: separator))
        case .union: return try union(arguments)
        case .intersection: return try intersection(arguments)
        case .skip: return try slice(arguments, skip: true)
        case .take: return try slice(arguments, skip: false)
        case .createArray: return .array(arguments.values)
        case .length: return .int(try length(arguments))
        default: throw arguments.failure("is not a collection function")
        }
    }

    static let collectionTypes = "a string, an array or an object"

    static func contains(_ arguments: Arguments) throws(ExpressionEvaluationError) -> Bool {
        switch arguments[0] {
        case .null: return false
        case .string(let text):
            guard case .string(let part) = arguments[1] else { throw arguments.typeError(1, expected: "a string") }
            return part.isEmpty || text.contains(part)
        case .array(let items): return items.contains { ValueComparison.equal($0, arguments[1]) }
        case .object(let members):
            guard case .string(let key) = arguments[1] else { throw arguments.typeError(1, expected: "a string (a property name)") }
            return members[key] != nil
        default: throw arguments.typeError(0, expected: collectionTypes)
        }
    }

    static func isEmpty(_ arguments: Arguments) throws(ExpressionEvaluationError) -> Bool {
        switch arguments[0] {
        case .null: return true
        case .string(let text): return text.isEmpty
        case .array(let items): return items.isEmpty
        case .object(let members): return members.isEmpty
        default: throw arguments.typeError(0, expected: collectionTypes)
        }
    }

    static func length(_ arguments: Arguments) throws(ExpressionEvaluationError) -> Int {
        switch arguments[0] {
        case .null: return 0
        case .string(let text): return text.count
        case .array(let items): return items.count
        default: throw arguments.typeError(0, expected: "a string or an array")
        }
    }

    static func end(_ arguments: Arguments, first: Bool) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments[0] {
        case .null: return .null
        case .string(let text):
            guard let character = first ? text.first : text.last else { return "" }
            return .string(String(character))
        case .array(let items): return (first ? items.first : items.last) ?? .null
        default: throw arguments.typeError(0, expected: "a string or an array")
        }
    }

    static func slice(_ arguments: Arguments, skip: Bool) throws(ExpressionEvaluationError) -> JSONValue {
        let count = try arguments.int(1)
        guard count >= 0 else { throw arguments.invalid(1, "the count must not be negative, got \(count)") }
        switch arguments[0] {
        case .null: return .array([])
        case .array(let items):
            return .array(Array(skip ? items.dropFirst(count) : items.prefix(count)))
        case .string(let text):
            return .string(String(skip ? text.dropFirst(count) : text.prefix(count)))
        default: throw arguments.typeError(0, expected: "an array or a string")
        }
    }

    static func union(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        if case .object = arguments[0] {
            var merged = OrderedDictionary<String, JSONValue>()
            for position in arguments.values.indices {
                guard case .object(let members) = arguments[position] else { throw arguments.typeError(position, expected: "an object") }
                for (key, value) in members { merged[key] = value }
            }
            return .object(merged)
        }
        var items: [JSONValue] = []
        var seen = Set<EqualityKey>()
        for position in arguments.values.indices {
            for item in try collectionArray(arguments, position) where seen.insert(EqualityKey(value: item)).inserted {
                items.append(item)
            }
        }
        return .array(items)
    }

    static func intersection(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        if case .object(let first) = arguments[0] {
            var common = first
            for position in arguments.values.indices.dropFirst() {
                guard case .object(let members) = arguments[position] else { throw arguments.typeError(position, expected: "an object") }
                common = common.filter { key, value in members[key].map { ValueComparison.equal($0, value) } ?? false }
            }
            return .object(common)
        }
        var items: [JSONValue] = []
        var seen = Set<EqualityKey>()
        for item in try collectionArray(arguments, 0) where seen.insert(EqualityKey(value: item)).inserted {
            items.append(item)
        }
        for position in arguments.values.indices.dropFirst() {
            let other = Set(try collectionArray(arguments, position).map(EqualityKey.init))
            items = items.filter { other.contains(EqualityKey(value: $0)) }
        }
        return .array(items)
    }

    static func collectionArray(_ arguments: Arguments, _ position: Int) throws(ExpressionEvaluationError) -> [JSONValue] {
        guard case .array(let items) = arguments[position] else {
            if arguments[position].isNull { return [] }
            throw arguments.typeError(position, expected: position == 0 ? "an array or an object" : "an array like argument 1")
        }
        return items
    }
}
