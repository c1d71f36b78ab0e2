extension Expression: CustomStringConvertible {
    /// Canonical text that parses back to the same tree: canonical function names, `, ` between
    /// arguments, `['key']` for every property access, quotes doubled inside strings.
    public var description: String {
        var text = ""
        ExpressionPrinter.print(self, into: &text)
        return text
    }

    /// `value` as an expression string literal: `'text'` with each `'` doubled (scalar by scalar).
    public static func stringLiteral(_ value: String) -> String {
        var text = ""
        ExpressionPrinter.printString(value, into: &text)
        return text
    }
}

/// Writes expressions as canonical text.
enum ExpressionPrinter {
    static func print(_ expression: Expression, into text: inout String) {
        switch expression {
        case .string(let value): printString(value, into: &text)
        case .integer(let value): text += String(value)
        case .decimal(let value): printDecimal(value, into: &text)
        case .boolean(let value): text += value ? "true" : "false"
        case .null: text += "null"
        case .call(let function, let arguments):
            text += function.name
            text += "("
            for (position, argument) in arguments.enumerated() {
                if position > 0 { text += ", " }
                print(argument, into: &text)
            }
            text += ")"
        case .index(let base, let key, let nullSafe):
            print(base, into: &text)
            text += nullSafe ? "?[" : "["
            print(key, into: &text)
            text += "]"
        }
    }

    /// `'text'` with each `'` doubled, scalar by scalar: as Characters, a `'` followed by a combining mark is
    /// another grapheme that `replacing("'", …)` missed, so the printed text did not parse back (found by fuzzing).
    static func printString(_ value: String, into text: inout String) {
        text += "'"
        if value.utf8.contains(UInt8(ascii: "'")) {
            var scalars = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                scalars.append(scalar)
                if scalar == "'" { scalars.append(scalar) }
            }
            text += String(scalars)
        } else {
            text += value
        }
        text += "'"
    }

    /// Shortest round-tripping decimal text; non-finite values (which the parser never makes) as float('...').
    static func printDecimal(_ value: Double, into text: inout String) {
        guard value.isFinite else {
            text += "float('\(value)')"
            return
        }
        text += "\(value)"
    }
}
