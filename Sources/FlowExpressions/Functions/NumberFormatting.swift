/// formatNumber(): .NET standard (C, D, E, F, G, N, P, X) and custom (0, #, ',', '.', '%') numeric formats.
enum NumberFormatting {
    static func format(_ arguments: Arguments) throws(ExpressionEvaluationError) -> String {
        let number = try arguments.number(0)
        guard abs(number.doubleValue) < 1e300 else { throw arguments.invalid(0, "the number is too large to format") }
        let format = try arguments.string(1)
        let culture = try arguments.culture(2)
        if let standard = try standardFormat(number, format, culture, arguments) { return standard }
        return CustomNumberFormat(pattern: format, culture: culture).format(number.doubleValue)
    }

    /// A one-letter format with an optional precision, or nil when `format` is a custom pattern.
    static func standardFormat(
        _ number: Number, _ format: String, _ culture: Culture, _ arguments: Arguments
    ) throws(ExpressionEvaluationError) -> String? {
        guard let letter = format.first, letter.isLetter, format.count <= 3 else { return nil }
        let precisionText = format.dropFirst()
        guard precisionText.allSatisfy(\.isNumber) else { return nil }
        let precision = Int(precisionText)
        let value = number.doubleValue
        let sign = value < 0 && DecimalText.fixed(-value, places: precision ?? 2).isNonZero ? "-" : ""
        switch letter {
        case "F", "f":
            return sign + DecimalText.fixed(abs(value), places: precision ?? 2).joined(culture, grouped: false)
        case "N", "n":
            return sign + DecimalText.fixed(abs(value), places: precision ?? 2).joined(culture, grouped: true)
        case "C", "c":
            let digits = DecimalText.fixed(abs(value), places: precision ?? 2).joined(culture, grouped: true)
            return sign + (culture.currencyBefore ? culture.currency + digits : digits + "\u{A0}" + culture.currency)
        case "P", "p":
            let digits = DecimalText.fixed(abs(value * 100), places: precision ?? 2).joined(culture, grouped: true)
            return (value < 0 ? "-" : "") + digits + (culture.percentSpace ? "\u{A0}%" : "%")
        case "D", "d", "X", "x":
            guard case .int(let integer) = number else {
                throw arguments.invalid(1, "the format '\(format)' needs an integer, got \(arguments[0].errorDescription)")
            }
            return integerFormat(integer, letter: letter, width: precision ?? 0)
        case "E", "e":
            return DecimalText.scientific(value, places: precision ?? 6, upper: letter == "E", culture: culture)
        case "G", "g", "R", "r":
            return general(number, culture)
        default:
            throw arguments.invalid(1, "unknown number format '\(format)'")
        }
    }

    static func integerFormat(_ value: Int, letter: Character, width: Int) -> String {
        let magnitude = value.magnitude
        var digits = letter == "D" || letter == "d" ? String(magnitude) : String(value < 0 ? UInt(bitPattern: value) : magnitude, radix: 16, uppercase: letter == "X")
        if digits.count < width { digits = String(repeating: "0", count: width - digits.count) + digits }
        return (value < 0 && (letter == "D" || letter == "d") ? "-" : "") + digits
    }

    static func general(_ number: Number, _ culture: Culture) -> String {
        switch number {
        case .int(let i): return String(i)
        case .double(let d):
            var text = d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)".uppercased()
            if culture.decimal != "." { text = text.replacing(".", with: culture.decimal) }
            return text
        }
    }
}
