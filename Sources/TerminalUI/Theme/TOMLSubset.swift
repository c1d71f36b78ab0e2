/// A strict reader for the small part of TOML that theme files use: `[dotted.table]` headers and
/// `key = value` lines whose value is a string, an integer, a boolean or an array of strings; `#` comments.
public enum TOMLSubset {
    /// A value of the subset.
    public enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case strings([String])
    }

    /// A syntax error with its 1-based line.
    public struct SyntaxError: Error, Sendable, Hashable {
        public var line: Int
        public var message: String
    }

    /// Every `table.key` → value, in file order (keys before any header have no table prefix).
    public static func parse(_ text: String) throws(SyntaxError) -> [(key: String, value: Value, line: Int)] {
        var table = ""
        var entries: [(key: String, value: Value, line: Int)] = []
        var seen = Set<String>()
        // Any line ending: "\r\n" (a file saved on Windows) is one Character, so split on newlines, not on "\n".
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            let line = stripComment(String(rawLine)).trimmingSpaces
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw SyntaxError(line: number, message: "a table header must look like [name]") }
                table = String(line.dropFirst().dropLast()).trimmingSpaces
                guard isKey(table) else { throw SyntaxError(line: number, message: "bad table name '\(table)'") }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { throw SyntaxError(line: number, message: "expected key = value") }
            let key = String(line[..<equals]).trimmingSpaces
            guard isKey(key) else { throw SyntaxError(line: number, message: "bad key '\(key)'") }
            let full = table.isEmpty ? key : table + "." + key
            guard seen.insert(full).inserted else { throw SyntaxError(line: number, message: "'\(full)' is set twice") }
            let value = try parseValue(String(line[line.index(after: equals)...]).trimmingSpaces, line: number)
            entries.append((full, value, number))
        }
        return entries
    }

    private static func parseValue(_ text: String, line: Int) throws(SyntaxError) -> Value {
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        if let number = Int(text) { return .integer(number) }
        if text.hasPrefix("\"") { return .string(try parseString(text, line: line)) }
        if text.hasPrefix("["), text.hasSuffix("]") {
            let inner = String(text.dropFirst().dropLast()).trimmingSpaces
            if inner.isEmpty { return .strings([]) }
            var items: [String] = []
            for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
                let item = String(part).trimmingSpaces
                if item.isEmpty { continue }
                items.append(try parseString(item, line: line))
            }
            return .strings(items)
        }
        throw SyntaxError(line: line, message: "cannot read value '\(text)' (expected \"text\", a whole number, true/false or [\"a\", \"b\"])")
    }

    private static func parseString(_ text: String, line: Int) throws(SyntaxError) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { throw SyntaxError(line: line, message: "unterminated string \(text)") }
        let inner = text.dropFirst().dropLast()
        guard !inner.contains("\""), !inner.contains("\\") else { throw SyntaxError(line: line, message: "quotes and escapes are not supported inside theme strings") }
        return String(inner)
    }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        for index in line.indices {
            if line[index] == "\"" { inString.toggle() }
            if line[index] == "#", !inString { return String(line[..<index]) }
        }
        return line
    }

    private static func isKey(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}
