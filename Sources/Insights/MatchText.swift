/// The reference's match normalizations as pure functions over text (used by matching and by explanations).
enum MatchText {
    /// `text` after `steps` (in a fixed order: numerals, Unicode to ASCII, lower case, phone, symbols, name,
    /// address, organization, whitespace) and then `aliases`; nil when nothing is left (nil never matches).
    static func normalize(_ text: String, _ steps: Set<MatchNormalization>, aliases: [String: String]? = nil) -> String? {
        var value = text
        if steps.contains(.numerals) { value = asciiNumerals(value) }
        if steps.contains(.unicodeToASCII) { value = asciiLetters(value) }
        let lower = steps.contains(.lowerCase) || !steps.isDisjoint(with: [.name, .address, .organization])
        if lower { value = value.lowercased() }
        if steps.contains(.phone) { value = phoneDigits(value) }
        if steps.contains(.symbols) { value = String(value.unicodeScalars.filter { !isSymbol($0) }.map(Character.init)) }
        if steps.contains(.name) { value = mapWords(value, MatchWordLists.nameVariants) }
        if steps.contains(.address) { value = mapWords(value, MatchWordLists.addressAbbreviations) }
        if steps.contains(.organization) { value = dropWords(value, MatchWordLists.organizationNoise) }
        if steps.contains(.whitespace) {
            value = String(value.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        } else {
            value = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        if let alias = aliases?[value] { value = alias }
        return value.isEmpty ? nil : value
    }

    /// The legacy normalizations of a field's `normalize` ("email", "phone", "text") as Swift functions.
    static func legacy(_ text: String, _ normalization: UnificationDefinition.Normalization) -> String? {
        switch normalization {
        case .email:
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            return value.isEmpty ? nil : value
        case .phone:
            let digits = text.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }
            return digits.isEmpty ? nil : String(String.UnicodeScalarView(digits))
        case .text:
            return MatchNormalizer.normalizedText(text)
        }
    }

    /// Unicode numerals (Roman, circled, other scripts' digits) become ASCII digits.
    static func asciiNumerals(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80, let number = scalar.properties.numericValue, number >= 0, number == number.rounded(),
               number < 1_000_000_000 {
                out.append(contentsOf: String(Int(number)).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Letters with accents or decorations become plain ASCII letters (compatibility decomposition, marks dropped).
    static func asciiLetters(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let replacement = MatchWordLists.letterFolds[scalar] {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A phone number as digits: no extension (after "x" or "ext"), no leading zeros of a trunk or "+00" prefix.
    static func phoneDigits(_ text: String) -> String {
        var main = Substring(text.lowercased())
        if let cut = main.range(of: "ext") ?? main.range(of: "x") { main = main[..<cut.lowerBound] }
        let digits = main.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }
        return String(String(String.UnicodeScalarView(digits)).drop { $0 == "0" })
    }

    /// The reference's symbols: punctuation and symbol characters.
    static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default: false
        }
    }

    private static func words(_ text: String) -> [Substring] {
        text.split { $0.isWhitespace || $0 == "," || $0 == "." }
    }

    private static func mapWords(_ text: String, _ table: [String: String]) -> String {
        words(text).map { table[String($0)] ?? String($0) }.joined(separator: " ")
    }

    private static func dropWords(_ text: String, _ noise: Set<String>) -> String {
        words(text).filter { !noise.contains(String($0)) }.joined(separator: " ")
    }
}

import Foundation
