import Foundation

/// concat, substring, replace, case, trim, split, searching, guid and formatNumber.
enum StringFunctions {
    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .concat:
            let parts = arguments.values.map(\.interpolationText)
            try EvaluationLimits.checkText(EvaluationLimits.joinedBytes(parts, separator: ""), arguments)
            return .string(parts.joined())
        case .substring: return .string(try substring(arguments))
        case .slice: return .string(try slice(arguments))
        case .replace: return .string(try replace(arguments))
        case .toLower: return .string(try arguments.string(0).lowercased())
        case .toUpper: return .string(try arguments.string(0).uppercased())
        case .trim: return .string(trim(try arguments.string(0)))
        case .split: return try split(arguments)
        case .startsWith: return .bool(try arguments.string(0).lowercased().hasPrefix(try arguments.string(1).lowercased()))
        case .endsWith: return .bool(try arguments.string(0).lowercased().hasSuffix(try arguments.string(1).lowercased()))
        case .indexOf: return .int(try search(arguments, last: false))
        case .lastIndexOf: return .int(try search(arguments, last: true))
        case .guid: return .string(try guid(arguments))
        case .formatNumber: return .string(try NumberFormatting.format(arguments))
        default: throw arguments.failure("is not a string function")
        }
    }

    static func substring(_ arguments: Arguments) throws(ExpressionEvaluationError) -> String {
        let characters = Array(try arguments.string(0))
        let start = try arguments.int(1)
        guard start >= 0, start <= characters.count else {
            throw arguments.invalid(1, "the start index \(start) is outside the text (length \(characters.count))")
        }
        guard arguments.count > 2 else { return String(characters[start...]) }
        let length = try arguments.int(2)
        guard length >= 0, length <= characters.count - start else {
            throw arguments.invalid(
                2, "the start index \(start) plus the length \(length) is past the end of the text (length \(characters.count))")
        }
        return String(characters[start..<(start + length)])
    }

    /// slice: negative indexes count from the end; out-of-range indexes are clamped.
    static func slice(_ arguments: Arguments) throws(ExpressionEvaluationError) -> String {
        let characters = Array(try arguments.string(0))
        func clamp(_ index: Int) -> Int {
            let resolved = index < 0 ? characters.count + index : index
            return Swift.min(Swift.max(resolved, 0), characters.count)
        }
        let start = clamp(try arguments.int(1))
        let end = arguments.count > 2 ? clamp(try arguments.int(2)) : characters.count
        return start < end ? String(characters[start..<end]) : ""
    }

    static func replace(_ arguments: Arguments) throws(ExpressionEvaluationError) -> String {
        let text = try arguments.string(0)
        let old = try arguments.string(1)
        guard !old.isEmpty else { throw arguments.invalid(1, "the text to replace must not be empty") }
        let new = try arguments.string(2)
        if new.utf8.count > old.utf8.count {
            let growth = (new.utf8.count - old.utf8.count).multipliedReportingOverflow(by: text.ranges(of: old).count)
            let total = text.utf8.count.addingReportingOverflow(growth.partialValue)
            try EvaluationLimits.checkText(growth.overflow || total.overflow ? Int.max : total.partialValue, arguments)
        }
        return text.replacing(old, with: new)
    }

    static func trim(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    static func split(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        let text = try arguments.string(0)
        let delimiter = try arguments.string(1)
        guard !delimiter.isEmpty else { return [.string(text)] }
        return .array(text.split(separator: delimiter, omittingEmptySubsequences: false).map { .string(String($0)) })
    }

    /// Case-insensitive position of argument 2 in argument 1, counted in characters; -1 when absent.
    static func search(_ arguments: Arguments, last: Bool) throws(ExpressionEvaluationError) -> Int {
        let text = Array(try arguments.string(0).lowercased())
        let needle = Array(try arguments.string(1).lowercased())
        guard needle.count <= text.count else { return -1 }
        if needle.isEmpty { return last ? text.count : 0 }
        let starts = Array(0...(text.count - needle.count))
        let matches = { (start: Int) in text[start..<(start + needle.count)].elementsEqual(needle) }
        return (last ? starts.last(where: matches) : starts.first(where: matches)) ?? -1
    }

    static func guid(_ arguments: Arguments) throws(ExpressionEvaluationError) -> String {
        let plain = UUID().uuidString.lowercased()
        switch try arguments.optionalString(0) ?? "D" {
        case "D", "d": return plain
        case "N", "n": return plain.replacing("-", with: "")
        case "B", "b": return "{\(plain)}"
        case "P", "p": return "(\(plain))"
        case let other: throw arguments.invalid(0, "unknown format '\(other)'; use N, D, B or P")
        }
    }
}
