import Foundation
import Testing
@testable import Insights

/// The reference's documented precision and normalization examples (learn.microsoft.com, "Precision and fuzzy matching").
struct MatchNormalizationTests {
    private func score(_ a: String, _ b: String) -> Double { EditDistance.score(EditDistance.scalars(a), EditDistance.scalars(b)) }

    @Test func fuzzyScoreIsLengthMinusEditDistanceOverLength() {
        #expect(abs(score("fred@gmail.com", "fred@gmal.cm") - 12.0 / 14) < 1e-9)
        // The reference counts 5 edits for Jacqueline → Jaclyne and 2 for franklin → frank; the Levenshtein
        // distances are 4 and 3 (3 deletions + 1 substitution; 3 deletions).
        #expect(EditDistance.distance(EditDistance.scalars("jacqueline"), EditDistance.scalars("jaclyne")) == 4)
        #expect(abs(score("franklin", "frank") - 5.0 / 8) < 1e-9)
        #expect(score("anna", "anna") == 1)
        #expect(score("abc", "xyz") == 0)
        #expect(score("franklin", "frank") == score("frank", "franklin"), "symmetric")
    }

    @Test func precisionsAreThresholds() throws {
        let decode = { (text: String) in try JSONDecoder().decode(MatchPrecision.self, from: Data(text.utf8)) }
        #expect(try decode("\"exact\"") == .exact)
        #expect(try decode("\"low\"").threshold == 0.3)
        #expect(try decode("\"medium\"").threshold == 0.6)
        #expect(try decode("\"high\"").threshold == 0.8)
        #expect(try decode("73").threshold == 0.73)
        #expect(throws: DecodingError.self) { try decode("\"fuzzy\"") }
        let gmail = (EditDistance.scalars("fred@gmail.com"), EditDistance.scalars("fred@gmal.cm"))
        #expect(EditDistance.reaches(gmail.0, gmail.1, threshold: 0.8), "0.857 meets High")
        #expect(!EditDistance.reaches(gmail.0, gmail.1, threshold: 0.86), "0.857 misses 86 %")
        let frank = (EditDistance.scalars("franklin"), EditDistance.scalars("frank"))
        #expect(EditDistance.reaches(frank.0, frank.1, threshold: 0.6) && !EditDistance.reaches(frank.0, frank.1, threshold: 0.8))
        #expect(EditDistance.reaches(EditDistance.scalars("ab"), EditDistance.scalars("xy"), threshold: 0.0))
    }

    @Test func reachesAgreesWithTheScore() {
        var random = SeededRandom(seed: 7)
        let letters = Array("abcde").map { String($0) }
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0..<8, using: &random)).map { _ in letters[Int.random(in: 0..<5, using: &random)] }.joined()
            let b = (0..<Int.random(in: 0..<8, using: &random)).map { _ in letters[Int.random(in: 0..<5, using: &random)] }.joined()
            for percent in [30, 60, 80, 95] {
                let threshold = Double(percent) / 100
                #expect(EditDistance.reaches(EditDistance.scalars(a), EditDistance.scalars(b), threshold: threshold)
                        == (score(a, b) >= threshold - 1e-9), "\(a) \(b) \(percent)")
            }
        }
    }

    @Test func referenceNormalizationExamples() {
        #expect(MatchText.normalize("Ⅷ", [.numerals]) == "8")
        #expect(MatchText.normalize("⑧", [.numerals]) == "8")
        #expect(MatchText.normalize("a!?\"#$%&'()+,.-/:;<=>@^~{}`[]b", [.symbols]) == "ab")
        #expect(MatchText.normalize("THIS Is aN EXamplE", [.lowerCase]) == "this is an example")
        #expect(MatchText.normalize("+01 425.555.1212", [.phone]) == MatchText.normalize("1 (425) 555-1212", [.phone]))
        #expect(MatchText.normalize("425-555-1212 ext. 12", [.phone]) == "4255551212")
        #expect(MatchText.normalize("Debby", [.name]) == "deborah")
        #expect(MatchText.normalize("Prof", [.name]) == MatchText.normalize("professor", [.name]))
        #expect(MatchText.normalize("12 Main Street Northwest", [.address]) == "12 main st nw")
        #expect(MatchText.normalize("Contoso Corp.", [.organization]) == "contoso")
        #expect(MatchText.normalize("Contoso Ltd", [.organization]) == MatchText.normalize("contoso corporation", [.organization]))
        for letter in ["à", "á", "â", "À", "Á", "Â", "Ä", "Ⓐ", "A"] {
            #expect(MatchText.normalize(letter, [.unicodeToASCII, .lowerCase]) == "a", "\(letter)")
        }
        #expect(MatchText.normalize("Straße", [.unicodeToASCII]) == "Strasse")
        #expect(MatchText.normalize(" a  b\tc ", [.whitespace]) == "abc")
        #expect(MatchText.normalize("bill", [.lowerCase], aliases: ["bill": "william"]) == "william")
    }

    @Test func emptyAfterNormalizationIsMissing() {
        #expect(MatchText.normalize("  ", [.whitespace]) == nil)
        #expect(MatchText.normalize("Corp Ltd", [.organization]) == nil)
        #expect(MatchText.normalize("n/a", [.phone]) == nil)
        #expect(MatchText.legacy("   ", .email) == nil)
        #expect(MatchText.legacy("Anna  SCHMIDT", .text) == "anna schmidt")
    }
}
