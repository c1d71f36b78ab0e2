import Foundation
import GRDB

/// A small OData `$filter` subset compiled to SQL with bound values:
/// `Field eq 'text'`, `ne`, `gt`, `ge`, `lt`, `le` with strings, numbers, true/false, null, joined by `and`/`or`.
enum EntityFilter {
    struct Compiled {
        var sql: String
        var arguments: [any DatabaseValueConvertible]
    }

    static let operators = ["eq": "=", "ne": "<>", "gt": ">", "ge": ">=", "lt": "<", "le": "<="]

    /// Compiles `filter` over an entity's fields; `column` resolves a field name (any letter case) or throws.
    static func compile(_ filter: String, column: (String) throws -> String) throws -> Compiled {
        let tokens = try tokenize(filter)
        var sql: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        var i = 0
        while i < tokens.count {
            guard i + 2 < tokens.count, let op = operators[tokens[i + 1].lowercased()] else {
                throw InsightsError.badFilter("cannot read the filter near '\(tokens[i...].prefix(3).joined(separator: " "))'; write e.g. City eq 'Berlin' and Spend gt 100")
            }
            let name = try column(tokens[i]).quotedDatabaseIdentifier
            if let value = literal(tokens[i + 2]) {
                sql.append("\(name) \(op) ?")
                arguments.append(value)
            } else {
                sql.append(op == "=" ? "\(name) IS NULL" : "\(name) IS NOT NULL")
            }
            i += 3
            if i < tokens.count {
                let joiner = tokens[i].lowercased()
                guard joiner == "and" || joiner == "or" else {
                    throw InsightsError.badFilter("expected 'and' or 'or' in the filter, found '\(tokens[i])'")
                }
                sql.append(joiner.uppercased())
                i += 1
            }
        }
        return Compiled(sql: sql.joined(separator: " "), arguments: arguments)
    }

    /// A literal's bound value; nil for `null`.
    static func literal(_ token: String) -> (any DatabaseValueConvertible)? {
        if token.hasPrefix("'") { return String(token.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
        switch token.lowercased() {
        case "null": return nil
        case "true": return 1
        case "false": return 0
        default:
            if let integer = Int(token) { return integer }
            if let number = Double(token), number.isFinite { return number }
            return token
        }
    }

    /// Splits on spaces, keeping quoted strings ('' escapes) whole.
    static func tokenize(_ text: String) throws -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        var chars = Array(text)[...]
        while let ch = chars.popFirst() {
            if quoted {
                current.append(ch)
                if ch == "'" {
                    if chars.first == "'" { current.append(chars.removeFirst()) } else { quoted = false }
                }
            } else if ch == "'" {
                quoted = true
                current.append(ch)
            } else if ch == " " {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(ch)
            }
        }
        guard !quoted else { throw InsightsError.badFilter("a quoted value in the filter is not closed") }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
