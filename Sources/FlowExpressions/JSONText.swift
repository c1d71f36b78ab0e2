import OrderedCollections

/// A JSON text that could not be read: where (line, column, JSON path) and why.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, in words a user understands.
    public var message: String
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based column (in bytes) of the offending byte.
    public var column: Int
    /// The JSON path of the value being read, e.g. `$.definition.actions.Post_message`.
    public var path: String

    public var description: String { "line \(line), column \(column) (at \(path)): \(message)" }
}

extension JSONValue {
    /// Parses a JSON text (strict RFC 8259; UTF-8 validated; nesting limited to 256 levels).
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONSyntaxError> = text.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) in try parse(utf8: buffer) }
        }
        return try result.get()
    }

    /// Parses JSON from raw bytes, reporting invalid UTF-8 with its position.
    public static func parse(bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) in try parse(utf8: buffer) }
        }
        return try result.get()
    }

    /// Parses JSON from a buffer of UTF-8 bytes.
    public static func parse(utf8 buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: buffer)
        return try reader.readDocument()
    }
}

/// A recursive-descent JSON reader that tracks the JSON path for error messages.
private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var path: [PathComponent] = []
    static let maxDepth = 256

    enum PathComponent {
        case key(String)
        case index(Int)
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    mutating func readDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw error("the file is empty; expected a JSON value") }
        let value = try readValue()
        skipWhitespace()
        if index < bytes.count { throw error("unexpected text after the end of the JSON value") }
        return value
    }

    mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw error("the text ends early; expected a value (is the file truncated?)") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw error("unexpected \(describeByte(bytes[index])); expected a value")
        }
    }

    mutating func readObject() throws(JSONSyntaxError) -> JSONValue {
        guard path.count < Self.maxDepth else { throw error("nesting is deeper than \(Self.maxDepth) levels") }
        index += 1
        var members = OrderedDictionary<String, JSONValue>(minimumCapacity: 8)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("the text ends inside an object (is the file truncated?)") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeByte(bytes[index])); expected a quoted member name")
            }
            let key = try readString()
            try expect(UInt8(ascii: ":"), "expected ':' after the member name \"\(key)\"")
            path.append(.key(key))
            let value = try readValue()
            path.removeLast()
            if members.updateValue(value, forKey: key) != nil {
                throw error("the member \"\(key)\" appears twice in this object")
            }
            if try readSeparator(closing: UInt8(ascii: "}"), what: "object") { return .object(members) }
        }
    }

    mutating func readArray() throws(JSONSyntaxError) -> JSONValue {
        guard path.count < Self.maxDepth else { throw error("nesting is deeper than \(Self.maxDepth) levels") }
        index += 1
        var elements: [JSONValue] = []
        elements.reserveCapacity(8)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            path.append(.index(elements.count))
            elements.append(try readValue())
            path.removeLast()
            if try readSeparator(closing: UInt8(ascii: "]"), what: "array") { return .array(elements) }
        }
    }

    /// Reads ',' (returns false) or the closing bracket (returns true).
    mutating func readSeparator(closing: UInt8, what: String) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw error("the text ends inside an \(what) (is the file truncated?)") }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: ",") { return false }
        if byte == closing { return true }
        index -= 1
        throw error("unexpected \(describeByte(byte)); expected ',' or '\(Character(Unicode.Scalar(closing)))'")
    }

    mutating func readString() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        var hasEscapes = false
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text: String
                if hasEscapes {
                    text = try unescape(start..<index)
                } else if isASCII {
                    // ASCII is valid UTF-8: no validation pass needed.
                    text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                } else {
                    text = try decodeUTF8(start..<index)
                }
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { hasEscapes = true; index += 2; continue }
            if byte < 0x20 { throw error("a control character (byte \(byte)) inside a string must be escaped") }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        index = min(index, bytes.count)
        throw error("the text ends inside a string (is the file truncated?)")
    }

    func decodeUTF8(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if let text = String(validating: slice, as: UTF8.self) { return text }
        var offset = range.lowerBound
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += String(scalar).utf8.count
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        throw error("invalid UTF-8 byte 0x\(String(bytes[min(offset, range.upperBound - 1)], radix: 16)); save the file as UTF-8", at: offset)
    }

    mutating func unescape(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\") else { out.append(byte); i += 1; continue }
            guard i + 1 < range.upperBound else { throw error("a backslash ends the string", at: i) }
            let escaped = bytes[i + 1]
            i += 2
            switch escaped {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try readUnicodeEscape(&i, limit: range.upperBound)
                out.append(contentsOf: String(Character(scalar)).utf8)
            default: throw error("unknown escape '\\\(describeByte(escaped))' in a string", at: i - 1)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw error("invalid UTF-8 in a string; save the file as UTF-8", at: range.lowerBound)
        }
        return text
    }

    func readUnicodeEscape(_ i: inout Int, limit: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try readHex4(&i, limit: limit)
        if (0xD800..<0xDC00).contains(high), i + 6 <= limit, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
            var j = i + 2
            let low = try readHex4(&j, limit: limit)
            if (0xDC00..<0xE000).contains(low) {
                i = j
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    func readHex4(_ i: inout Int, limit: Int) throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= limit else { throw error("a \\u escape needs four hex digits", at: i) }
        var value: UInt32 = 0
        for k in 0..<4 {
            guard let digit = hexValue(bytes[i + k]) else { throw error("a \\u escape needs four hex digits", at: i + k) }
            value = value * 16 + digit
        }
        i += 4
        return value
    }

    func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    mutating func readNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard skipDigits() > 0 else { throw error("a number needs digits") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard skipDigits() > 0 else { throw error("a decimal point must be followed by digits") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw error("an exponent must have digits") }
        }
        if isInteger, let value = integer(start..<index) { return .int(value) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text) else { throw error("'\(text)' is not a number", at: start) }
        guard value.isFinite else { throw error("'\(text)' is out of range: numbers must fit a 64-bit floating point value (about ±1.8e308)", at: start) }
        return .double(value)
    }

    /// An optionally negative run of digits as an integer without making a string; nil on overflow.
    func integer(_ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value = 0
        while i < range.upperBound {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let digit = Int(bytes[i] &- UInt8(ascii: "0"))
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
            i += 1
        }
        return value
    }

    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    mutating func readLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = index + count <= bytes.count
            && (0..<count).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        guard matches else { throw error("unexpected \(describeByte(bytes[index])); expected a value") }
        index += count
    }

    mutating func expect(_ byte: UInt8, _ message: @autoclosure () -> String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw error(message()) }
        index += 1
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func describeByte(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let position = min(offset ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<position where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return JSONSyntaxError(message: message, line: line, column: position - lineStart + 1, path: pathText)
    }

    var pathText: String {
        JSONPath.render(path.map { component in
            switch component {
            case .key(let key): return .key(key)
            case .index(let i): return .index(i)
            }
        })
    }
}
