/// Exact decimal rounding (half away from zero, as .NET formats) on a number's shortest decimal text.
struct DecimalText {
    /// Integer digits (no leading zeros except a lone "0").
    var integer: [UInt8]
    /// Fraction digits.
    var fraction: [UInt8]

    var isNonZero: Bool { (integer + fraction).contains { $0 != 0 } }

    /// The non-negative `value` rounded to `places` fraction digits.
    static func fixed(_ value: Double, places: Int) -> DecimalText {
        var (digits, point) = shortestDigits(value)
        if point < 0 {
            digits = [UInt8](repeating: 0, count: -point) + digits
            point = 0
        }
        let keep = point + places
        if digits.count < keep { digits += [UInt8](repeating: 0, count: keep - digits.count) }
        let roundUp = digits.count > keep && digits[keep] >= 5
        digits = Array(digits[0..<keep])
        if roundUp {
            var i = keep - 1
            while i >= 0 {
                if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 { digits.insert(1, at: 0); point += 1 }
        }
        var integer = Array(digits[0..<point].drop { $0 == 0 })
        if integer.isEmpty { integer = [0] }
        return DecimalText(integer: integer, fraction: Array(digits[point...]))
    }

    /// The digits of `value`'s shortest representation and the position of the decimal point in them.
    static func shortestDigits(_ value: Double) -> ([UInt8], Int) {
        let text = "\(value)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts.first.map(String.init) ?? "0"
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = pieces.first.map { Array($0.utf8) } ?? []
        let fractional = pieces.count > 1 ? Array(pieces[1].utf8) : []
        let digits = (whole + fractional).map { $0 &- UInt8(ascii: "0") }
        return (digits, whole.count + exponent)
    }

    /// Digits with the culture's separators; `grouped` inserts group separators every three digits.
    func joined(_ culture: Culture, grouped: Bool, minimumInteger: Int = 1) -> String {
        var integerDigits = integer.map { String($0) }
        if integerDigits == ["0"] && minimumInteger == 0 { integerDigits = [] }
        while integerDigits.count < minimumInteger { integerDigits.insert("0", at: 0) }
        var text = ""
        for (i, digit) in integerDigits.enumerated() {
            if grouped, i > 0, (integerDigits.count - i) % 3 == 0 { text += culture.group }
            text += digit
        }
        if !fraction.isEmpty { text += culture.decimal + fraction.map { String($0) }.joined() }
        return text
    }

    /// .NET "E" format: one digit, `places` decimals, and a signed exponent of at least three digits.
    static func scientific(_ value: Double, places: Int, upper: Bool, culture: Culture) -> String {
        var (digits, point) = shortestDigits(abs(value))
        while digits.count > 1, digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        var exponent = digits.allSatisfy { $0 == 0 } ? 0 : point - 1
        let leading = digits.first.map(String.init) ?? "0"
        let mantissaText = leading + "." + digits.dropFirst().map(String.init).joined() + "0"
        var mantissa = fixed(Double(mantissaText) ?? 0, places: places)
        if mantissa.integer.count > 1 {
            exponent += 1
            mantissa = DecimalText(integer: [1], fraction: [UInt8](repeating: 0, count: places))
        }
        let exponentText = String(abs(exponent))
        let padded = String(repeating: "0", count: max(0, 3 - exponentText.count)) + exponentText
        let sign = value < 0 ? "-" : ""
        return sign + mantissa.joined(culture, grouped: false) + (upper ? "E" : "e") + (exponent < 0 ? "-" : "+") + padded
    }
}
