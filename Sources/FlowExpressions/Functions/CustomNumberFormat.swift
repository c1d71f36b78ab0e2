/// A .NET custom numeric format such as `#,##0.00`, `0.#`, `00000` or `0.0%`, with optional `;` sections.
struct CustomNumberFormat {
    let pattern: String
    let culture: Culture

    /// One section of the pattern split into literal prefix, the digit placeholders, and literal suffix.
    struct Section {
        var prefix = ""
        var suffix = ""
        var integerZeros = 0
        var fractionZeros = 0
        var fractionPlaces = 0
        var grouped = false
        var percent = false
        var seenPlaceholder = false
        var seenPoint = false
    }

    func format(_ value: Double) -> String {
        let sections = splitSections().map(parseSection)
        let useNegative = value < 0 && sections.count > 1
        let section = useNegative ? sections[1] : sections[0]
        let scaled = abs(section.percent ? value * 100 : value)
        var digits = DecimalText.fixed(scaled, places: section.fractionPlaces)
        while digits.fraction.count > section.fractionZeros, digits.fraction.last == 0 { digits.fraction.removeLast() }
        let body = digits.joined(culture, grouped: section.grouped, minimumInteger: section.integerZeros)
        let sign = value < 0 && !useNegative && digits.isNonZero ? "-" : ""
        return sign + section.prefix + body + section.suffix
    }

    /// The pattern's `;`-separated sections (quotes respected).
    func splitSections() -> [String] {
        var sections = [""]
        var quote: Character?
        for character in pattern {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == ";" {
                sections.append("")
                continue
            }
            sections[sections.count - 1].append(character)
        }
        return sections
    }

    func parseSection(_ text: String) -> Section {
        var section = Section()
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                appendLiteral(character, to: &section)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { appendLiteral(character, to: &section) }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "\\": escaped = true
            case "0", "#":
                section.seenPlaceholder = true
                if section.seenPoint {
                    section.fractionPlaces += 1
                    if character == "0" { section.fractionZeros = section.fractionPlaces }
                } else if character == "0" {
                    section.integerZeros += 1
                }
            case "." where !section.seenPoint: section.seenPoint = true
            case "," where section.seenPlaceholder && !section.seenPoint: section.grouped = true
            case "%":
                section.percent = true
                appendLiteral("%", to: &section)
            default: appendLiteral(character, to: &section)
            }
        }
        return section
    }

    func appendLiteral(_ character: Character, to section: inout Section) {
        if section.seenPlaceholder { section.suffix.append(character) } else { section.prefix.append(character) }
    }
}
