import Foundation

/// nthIndexOf, chunk, reverse, sort, isInt, isFloat and float with a locale.
enum AddedFunctions {
    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue? {
        switch arguments.function {
        case .nthIndexOf: return .int(try nthIndexOf(arguments))
        case .chunk: return try chunk(arguments)
        case .reverse:
            if case .string(let text) = arguments[0] { return .string(String(text.reversed())) }
            return .array(try arguments.array(0).reversed())
        case .sort: return .array(try sort(arguments))
        case .isInt:
            guard case .string(let text) = arguments[0] else {
                if case .int = arguments[0] { return .bool(true) }
                return .bool(false)
            }
            return .bool(Int(text.trimmingSpaces) != nil)
        case .isFloat:
            guard case .string(let text) = arguments[0] else { return .bool(arguments[0].doubleValue != nil) }
            return .bool(localizedNumber(text, try arguments.culture(1)) != nil)
        default: return nil
        }
    }

    /// The position of the nth (1-based) occurrence, ignoring case; a negative n counts from the end; -1 if none.
    static func nthIndexOf(_ arguments: Arguments) throws(ExpressionEvaluationError) -> Int {
        let text = Array(try arguments.string(0).lowercased())
        let needle = Array(try arguments.string(1).lowercased())
        let occurrence = try arguments.int(2)
        guard occurrence != 0 else { throw arguments.invalid(2, "the occurrence must not be 0 (1 is the first, -1 the last)") }
        guard !needle.isEmpty, needle.count <= text.count else { return needle.isEmpty ? 0 : -1 }
        var found = 0
        let starts = occurrence > 0 ? Array(0...(text.count - needle.count)) : Array((0...(text.count - needle.count)).reversed())
        for start in starts where text[start..<(start + needle.count)].elementsEqual(needle) {
            found += 1
            if UInt(found) == occurrence.magnitude { return start }
        }
        return -1
    }

    /// A string or array cut into pieces of `length` (the last may be shorter).
    static func chunk(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        let length = try arguments.int(1)
        guard length > 0 else { throw arguments.invalid(1, "the chunk length must be at least 1; got \(length)") }
        if case .string(let text) = arguments[0] {
            let characters = Array(text)
            return .array(stride(from: 0, to: characters.count, by: length).map { .string(String(characters[$0..<min($0 + length, characters.count)])) })
        }
        let items = try arguments.array(0)
        return .array(stride(from: 0, to: items.count, by: length).map { .array(Array(items[$0..<min($0 + length, items.count)])) })
    }

    /// Ascending order of numbers, strings or booleans; with a key, objects by that property. Mixed types fail.
    static func sort(_ arguments: Arguments) throws(ExpressionEvaluationError) -> [JSONValue] {
        let items = try arguments.array(0)
        let key = try arguments.optionalString(1)
        let keys: [JSONValue]
        if let key {
            var collected: [JSONValue] = []
            for (index, item) in items.enumerated() {
                guard case .object(let members) = item else { throw arguments.invalid(0, "item \(index) is \(item.errorDescription); sorting by '\(key)' needs objects") }
                collected.append(members[key] ?? .null)
            }
            keys = collected
        } else {
            keys = items
        }
        let kinds = Set(keys.map(sortKind))
        guard kinds.count <= 1 else { throw arguments.invalid(0, "the items mix types (\(kinds.sorted().joined(separator: ", "))); sort needs all numbers, all strings or all booleans") }
        if let kind = kinds.first, kind == "other" { throw arguments.invalid(0, "only numbers, strings and booleans can be sorted (give a key to sort objects)") }
        let order = keys.indices.sorted { a, b in
            let less = sortLess(keys[a], keys[b])
            return less == sortLess(keys[b], keys[a]) ? a < b : less
        }
        return order.map { items[$0] }
    }

    static func sortKind(_ value: JSONValue) -> String {
        switch value {
        case .int, .double: return "number"
        case .string: return "string"
        case .bool: return "boolean"
        default: return "other"
        }
    }

    static func sortLess(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.compare(y, options: [.caseInsensitive]) == .orderedAscending
        case (.bool(let x), .bool(let y)): return !x && y
        default: return (a.doubleValue ?? 0) < (b.doubleValue ?? 0)
        }
    }

    /// A number written with the culture's group and decimal separators (`10,000.5` in en-US, `10.000,5` in de-DE).
    static func localizedNumber(_ text: String, _ culture: Culture) -> Double? {
        var digits = ""
        var seenDecimal = false
        var seenDigit = false
        let trimmed = text.trimmingSpaces
        let groups: Set<Character> = Set(culture.group + (culture.group == "\u{202F}" ? "\u{A0} " : ""))
        for (offset, character) in trimmed.enumerated() {
            if character.isASCII, character.isNumber {
                digits.append(character)
                seenDigit = true
            } else if String(character) == culture.decimal, !seenDecimal {
                digits.append(".")
                seenDecimal = true
            } else if groups.contains(character), seenDigit, !seenDecimal {
                continue
            } else if (character == "-" || character == "+"), offset == 0 {
                digits.append(character)
            } else if (character == "e" || character == "E"), seenDigit {
                digits.append("e")
            } else {
                return nil
            }
        }
        guard seenDigit, let value = Double(digits), value.isFinite else { return nil }
        return value
    }
}
