/// One token of expression text, with its byte range in the source.
struct ExpressionToken {
    enum Kind: Equatable {
        case identifier
        case string(String)
        case integer(Int)
        case decimal(Double)
        case leftParen, rightParen, leftBracket, rightBracket, comma, dot, question
        /// Any other single byte (e.g. the `}` that ends an interpolation); the parser decides.
        case other(UInt8)
        case end
    }

    var kind: Kind
    /// Byte offset of the first byte.
    var start: Int
    /// Byte offset just past the last byte.
    var end: Int
}

/// Splits UTF-8 expression text into tokens, skipping whitespace; `limit` bounds the scan.
struct ExpressionLexer {
    let bytes: [UInt8]
    var position: Int

    init(bytes: [UInt8], position: Int) {
        self.bytes = bytes
        self.position = position
    }

    /// Reads the next token, or throws for an unterminated string or a malformed number.
    mutating func next() throws(ExpressionSyntaxError) -> ExpressionToken {
        skipWhitespace()
        let start = position
        guard position < bytes.count else { return ExpressionToken(kind: .end, start: start, end: start) }
        let byte = bytes[position]
        let kind: ExpressionToken.Kind
        switch byte {
        case UInt8(ascii: "'"): kind = .string(try readString())
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): kind = try readNumber()
        case UInt8(ascii: ".") where position + 1 < bytes.count && Self.isDigit(bytes[position + 1]): kind = try readNumber()
        case _ where Self.isIdentifierStart(byte): readIdentifier(); kind = .identifier
        default:
            position += 1
            kind = Self.punctuation(byte)
        }
        return ExpressionToken(kind: kind, start: start, end: position)
    }

    static func punctuation(_ byte: UInt8) -> ExpressionToken.Kind {
        switch byte {
        case UInt8(ascii: "("): return .leftParen
        case UInt8(ascii: ")"): return .rightParen
        case UInt8(ascii: "["): return .leftBracket
        case UInt8(ascii: "]"): return .rightBracket
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "."): return .dot
        case UInt8(ascii: "?"): return .question
        default: return .other(byte)
        }
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func readIdentifier() {
        while position < bytes.count, Self.isIdentifierPart(bytes[position]) { position += 1 }
    }

    /// Reads `'...'` with `''` standing for one quote.
    mutating func readString() throws(ExpressionSyntaxError) -> String {
        let open = position
        position += 1
        var segmentStart = position
        var result = ""
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "'") {
                result += String(decoding: bytes[segmentStart..<position], as: UTF8.self)
                if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "'") {
                    result += "'"
                    position += 2
                    segmentStart = position
                    continue
                }
                position += 1
                return result
            }
            position += 1
        }
        throw SourceText.error("unterminated string literal (a quote inside a string is written '')", in: bytes, at: open)
    }

    /// Reads `-?digits(.digits)?([eE][+-]?digits)?` as an integer or a decimal; the integer part may be left out
    /// before a fraction (`.3`, `-.5`), as the reference allows.
    mutating func readNumber() throws(ExpressionSyntaxError) -> ExpressionToken.Kind {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let leadingFraction = position + 1 < bytes.count && bytes[position] == UInt8(ascii: ".") && Self.isDigit(bytes[position + 1])
        guard skipDigits() > 0 || leadingFraction else {
            throw SourceText.error("expected a digit after '-'", in: bytes, at: position)
        }
        var isInteger = true
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), Self.isDigit(bytes[position + 1]) {
            isInteger = false
            position += 1
            _ = skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard skipDigits() > 0 else { throw SourceText.error("expected digits in the exponent", in: bytes, at: position) }
        }
        var text = String(decoding: bytes[start..<position], as: UTF8.self)
        if leadingFraction { text = text.hasPrefix("-") ? "-0" + text.dropFirst() : "0" + text }
        if isInteger {
            guard let value = Int(text) else { throw SourceText.error("the integer \(text) is too large", in: bytes, at: start) }
            return .integer(value)
        }
        guard let value = Double(text), value.isFinite else {
            throw SourceText.error("the number \(text) is out of range", in: bytes, at: start)
        }
        return .decimal(value)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func skipDigits() -> Int {
        let start = position
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        return position - start
    }
}

/// Helpers to turn byte offsets into user-facing columns and token descriptions.
enum SourceText {
    /// The 1-based character column of a byte offset.
    static func column(of offset: Int, in bytes: [UInt8]) -> Int {
        let end = min(max(offset, 0), bytes.count)
        return String(decoding: bytes[0..<end], as: UTF8.self).count + 1
    }

    /// A syntax error at a byte offset.
    static func error(_ message: String, in bytes: [UInt8], at offset: Int) -> ExpressionSyntaxError {
        ExpressionSyntaxError(message: message, column: column(of: offset, in: bytes))
    }

    /// How a token reads in an error message ("found ']'", "found the end of the expression").
    static func describe(_ token: ExpressionToken, in bytes: [UInt8]) -> String {
        if case .end = token.kind { return "the end of the expression" }
        let text = String(decoding: bytes[token.start..<min(token.end, token.start + 30)], as: UTF8.self)
        return "'\(text)'"
    }
}
