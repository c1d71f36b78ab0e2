/// Splits flow string text into literal text and expressions, keeping each expression's byte range
/// (the rename utility rewrites text inside those ranges).
struct FlowStringScanner {
    /// A piece of the string with the bytes it came from.
    enum Piece {
        case text(String)
        case expression(Expression, range: Range<Int>)
    }

    /// The scan result: whole-value expression, or pieces of an interpolation (or a plain literal).
    struct Result {
        var isWholeValue: Bool
        var pieces: [Piece]

        var flowString: FlowString {
            if isWholeValue, case .expression(let expression, _)? = pieces.first { return .expression(expression) }
            let hasExpression = pieces.contains { if case .expression = $0 { return true } else { return false } }
            guard hasExpression else {
                return .literal(pieces.map { if case .text(let t) = $0 { return t } else { return "" } }.joined())
            }
            return .interpolation(pieces.map { piece in
                switch piece {
                case .text(let text): return .text(text)
                case .expression(let expression, _): return .expression(expression)
                }
            })
        }
    }

    let bytes: [UInt8]

    static let at = UInt8(ascii: "@")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    func scan() throws(ExpressionSyntaxError) -> Result {
        guard let first = bytes.first, first == Self.at else {
            guard containsInterpolation() else { return Result(isWholeValue: false, pieces: [.text(text(0..<bytes.count))]) }
            return Result(isWholeValue: false, pieces: try scanInterpolation())
        }
        if bytes.count > 1, bytes[1] == Self.at || bytes[1] == Self.openBrace {
            return Result(isWholeValue: false, pieces: try scanInterpolation())
        }
        var parser = try ExpressionParser(bytes: bytes, position: 1)
        let expression = try parser.parseExpression()
        guard case .end = parser.token.kind else {
            throw parser.error("unexpected \(parser.describeToken()) after the end of the expression", at: parser.token.start)
        }
        return Result(isWholeValue: true, pieces: [.expression(expression, range: 1..<bytes.count)])
    }

    func containsInterpolation() -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == Self.at, bytes[i + 1] == Self.openBrace { return true }
            i += 1
        }
        return false
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Reads text with `@@` meaning `@` and `@{ expression }` embedding an expression.
    func scanInterpolation() throws(ExpressionSyntaxError) -> [Piece] {
        var pieces: [Piece] = []
        var pending: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == Self.at, i + 1 < bytes.count else {
                pending.append(byte)
                i += 1
                continue
            }
            if bytes[i + 1] == Self.at {
                pending.append(Self.at)
                i += 2
            } else if bytes[i + 1] == Self.openBrace {
                if !pending.isEmpty { pieces.append(.text(String(decoding: pending, as: UTF8.self))) }
                pending.removeAll()
                let (expression, end) = try parseEmbedded(from: i + 2)
                pieces.append(.expression(expression, range: (i + 2)..<end))
                i = end + 1
            } else {
                pending.append(byte)
                i += 1
            }
        }
        if !pending.isEmpty { pieces.append(.text(String(decoding: pending, as: UTF8.self))) }
        return pieces
    }

    /// Parses the expression after `@{` and returns it with the offset of its closing `}`.
    func parseEmbedded(from start: Int) throws(ExpressionSyntaxError) -> (Expression, Int) {
        var parser = try ExpressionParser(bytes: bytes, position: start)
        if case .other(Self.closeBrace) = parser.token.kind {
            throw parser.error("expected an expression inside '@{ }'", at: parser.token.start)
        }
        let expression = try parser.parseExpression()
        guard case .other(Self.closeBrace) = parser.token.kind else {
            throw parser.error("expected '}' to close '@{', found \(parser.describeToken())", at: parser.token.start)
        }
        return (expression, parser.token.start)
    }
}
