import Foundation
import Testing
@testable import Insights

@Suite(.temporaryFolder) struct CSVReaderTests {
    private func records(_ text: String, delimiter: Character = ",", chunkSize: Int = 3) throws -> [[String]] {
        let workspace = try TestWorkspace()
        try workspace.write("data/x.csv", text)
        var reader = try CSVReader(
            url: workspace.folder.appendingPathComponent("data/x.csv"), delimiter: delimiter.asciiValue ?? 44, chunkSize: chunkSize)
        defer { reader.close() }
        var result: [[String]] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    @Test func quotedFieldsWithDelimitersNewlinesAndEscapes() throws {
        let text = "a,b,c\r\n\"x, y\",\"line1\nline2\",\"say \"\"hi\"\"\"\r\nplain,,last\n"
        #expect(try records(text) == [["a", "b", "c"], ["x, y", "line1\nline2", "say \"hi\""], ["plain", "", "last"]])
    }

    @Test func customDelimiterBlankLinesAndMissingFinalNewline() throws {
        #expect(try records("a;b\n\n1;2", delimiter: ";") == [["a", "b"], ["1", "2"]])
    }

    @Test func aByteOrderMarkAtTheStartIsNotPartOfTheFirstHeader() throws {
        #expect(try records("\u{FEFF}id,name\n1,Ada\n") == [["id", "name"], ["1", "Ada"]])
        #expect(try records("\u{FEFF}id,name\n1,Ada\n", chunkSize: 2) == [["id", "name"], ["1", "Ada"]])
        #expect(try records("id,name\n1,\u{FEFF}Ada\n") == [["id", "name"], ["1", "\u{FEFF}Ada"]], "only a leading mark is dropped")
    }

    @Test func unterminatedQuoteNamesTheLine() throws {
        #expect(throws: CSVReader.Failure.unterminatedQuote(line: 2)) { try records("a\n\"open\n") }
    }

    @Test func recordLineCountsEmbeddedNewlines() throws {
        let workspace = try TestWorkspace()
        try workspace.write("data/x.csv", "h\n\"a\nb\"\nc\n")
        var reader = try CSVReader(url: workspace.folder.appendingPathComponent("data/x.csv"), delimiter: 44, chunkSize: 2)
        _ = try reader.next()
        _ = try reader.next()
        _ = try reader.next()
        #expect(reader.recordLine == 4)
    }
}

@Suite(.temporaryFolder) struct ValueParserTests {
    @Test func parsesDeclaredTypes() {
        #expect(ValueParser.parse("42", as: .integer) == 42.databaseValue)
        #expect(ValueParser.parse("4.5", as: .decimal) == 4.5.databaseValue)
        #expect(ValueParser.parse("yes", as: .boolean) == true.databaseValue)
        #expect(ValueParser.parse("2024-02-29", as: .date) == "2024-02-29".databaseValue)
        #expect(ValueParser.parse("2024-03-01T01:30:00+02:00", as: .datetime) == "2024-02-29T23:30:00Z".databaseValue)
        #expect(ValueParser.parse("", as: .integer) == .null)
    }

    @Test func byteDateCheckAgreesWithTheParser() {
        for text in ["2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "20x4-01-01", "2024-1-011"] {
            let fast = Array(text.utf8).withUnsafeBufferPointer { CalendarText.isDate($0) }
            #expect(fast == (CalendarText.normalizedDate(text) != nil), "\(text)")
        }
    }

    /// Found by Fuzz/FuzzCSV: the CSV binder stores a valid date as written, so the text parser (SQLite sources,
    /// the binder's slow path) must give the same text; years before 1000 lost their leading zeros ("807-03-29").
    @Test func datesBeforeTheYear1000KeepFourYearDigits() {
        for text in ["0807-03-29", "0001-01-01", "0000-02-29", "0999-12-31"] {
            let fast = Array(text.utf8).withUnsafeBufferPointer { CalendarText.isDate($0) }
            #expect(fast)
            #expect(CalendarText.normalizedDate(text) == text)
            #expect(ValueParser.parse(text, as: .date) == text.databaseValue)
        }
        #expect(ValueParser.parse("0807-03-29T10:00", as: .datetime) == "0807-03-29T10:00:00Z".databaseValue)
    }

    @Test func rejectsValuesThatDoNotParse() {
        #expect(ValueParser.parse("4x", as: .integer) == nil)
        #expect(ValueParser.parse("2023-02-29", as: .date) == nil)
        #expect(ValueParser.parse("maybe", as: .boolean) == nil)
        #expect(ValueParser.parse("nan", as: .decimal) == nil)
        #expect(ValueParser.parse("2024-01-01T25:00", as: .datetime) == nil)
    }
}

@Suite struct NormalizationTests {
    @Test func textNormalizationLowercasesAndCollapsesSpaces() {
        #expect(MatchNormalizer.normalizedText("  Anna   SCHMIDT ") == "anna schmidt")
        #expect(MatchNormalizer.normalizedText("Ben\tMÜLLER") == "ben müller")
        #expect(MatchNormalizer.normalizedText("   ") == nil)
    }

    @Test func fastNumbersAgreeWithTheStandardLibrary() {
        let cases = ["12.34", "-0.5", "7", "1e3", "+2.5", " 3.25 ", "12345678901234567.5"]
        for text in cases {
            let parsed = Array(text.utf8).withUnsafeBufferPointer { FastNumber.decimal($0) }
            #expect(parsed == Double(text.trimmingSpaces), "\(text)")
        }
        #expect(Array("9223372036854775807".utf8).withUnsafeBufferPointer { FastNumber.integer($0) } == Int64.max)
        #expect(Array("9223372036854775808".utf8).withUnsafeBufferPointer { FastNumber.integer($0) } == nil)
        #expect(Array("1.5".utf8).withUnsafeBufferPointer { FastNumber.integer($0) } == nil)
    }
}
