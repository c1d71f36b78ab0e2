extension Expression {
    /// Parses expression text (without the leading `@`), e.g. `concat('a', triggerBody()?['name'])`.
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        let bytes = Array(text.utf8)
        var parser = try ExpressionParser(bytes: bytes, position: 0)
        let expression = try parser.parseExpression()
        guard case .end = parser.token.kind else {
            throw parser.error("unexpected \(parser.describeToken()) after the end of the expression", at: parser.token.start)
        }
        return expression
    }
}

/// A recursive-descent parser over UTF-8 bytes; stops at the first token that cannot continue the expression.
struct ExpressionParser {
    static let maxDepth = 128

    var lexer: ExpressionLexer
    var token: ExpressionToken
    var depth = 0

    init(bytes: [UInt8], position: Int) throws(ExpressionSyntaxError) {
        lexer = ExpressionLexer(bytes: bytes, position: position)
        token = try lexer.next()
    }

    var bytes: [UInt8] { lexer.bytes }

    mutating func advance() throws(ExpressionSyntaxError) {
        token = try lexer.next()
    }

    func error(_ message: String, at offset: Int) -> ExpressionSyntaxError {
        SourceText.error(message, in: bytes, at: offset)
    }

    func describeToken() -> String { SourceText.describe(token, in: bytes) }

    /// expression := primary ( '.' name | '[' expression ']' | '?.' name | '?[' expression ']' )*
    mutating func parseExpression() throws(ExpressionSyntaxError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            throw error("the expression is nested more than \(Self.maxDepth) levels deep", at: token.start)
        }
        var expression = try parsePrimary()
        while true {
            var nullSafe = false
            if case .question = token.kind {
                nullSafe = true
                try advance()
                guard token.kind == .dot || token.kind == .leftBracket else {
                    throw error("expected '[' or '.' after '?', found \(describeToken())", at: token.start)
                }
            }
            switch token.kind {
            case .dot:
                try advance()
                guard case .identifier = token.kind else {
                    throw error("expected a property name after '.', found \(describeToken())", at: token.start)
                }
                let name = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
                try advance()
                expression = .index(expression, key: .string(name), nullSafe: nullSafe)
            case .leftBracket:
                try advance()
                let key = try parseExpression()
                guard case .rightBracket = token.kind else {
                    throw error("expected ']' after the index, found \(describeToken())", at: token.start)
                }
                try advance()
                expression = .index(expression, key: key, nullSafe: nullSafe)
            default:
                return expression
            }
        }
    }

    mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
        switch token.kind {
        case .string(let value): try advance(); return .string(value)
        case .integer(let value): try advance(); return .integer(value)
        case .decimal(let value): try advance(); return .decimal(value)
        case .identifier: return try parseNameOrCall()
        default:
            throw error(
                "expected an expression (a function call, a 'string', a number, true, false or null), found \(describeToken())",
                at: token.start)
        }
    }

    mutating func parseNameOrCall() throws(ExpressionSyntaxError) -> Expression {
        let nameToken = token
        let name = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        try advance()
        let isCall = token.kind == .leftParen
        if !isCall {
            switch name {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            case "null": return .null
            default: break
            }
        }
        guard let function = BuiltinFunction(caseInsensitiveName: name) else {
            throw error("unknown function '\(name)'", at: nameToken.start)
        }
        guard isCall else {
            throw error("expected '(' after the function name \(function.name), found \(describeToken())", at: token.start)
        }
        try advance()
        let arguments = try parseArguments(of: function)
        let arity = function.arity
        guard arity.contains(arguments.count) else {
            throw error("\(function.name) \(arity.expectation), got \(arguments.count)", at: nameToken.start)
        }
        return .call(function, arguments)
    }

    /// Parses `a, b, c)` after the opening parenthesis.
    mutating func parseArguments(of function: BuiltinFunction) throws(ExpressionSyntaxError) -> [Expression] {
        var arguments: [Expression] = []
        if case .rightParen = token.kind {
            try advance()
            return arguments
        }
        while true {
            arguments.append(try parseExpression())
            switch token.kind {
            case .comma:
                try advance()
            case .rightParen:
                try advance()
                return arguments
            default:
                throw error("expected ')' after argument \(arguments.count) of \(function.name)", at: token.start)
            }
        }
    }
}
