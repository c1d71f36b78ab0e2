import Testing
import TerminalUI

@Suite struct CellBufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var buffer = CellBuffer(size: Size(width: 10, height: 1))
        let next = buffer.put("a界b", x: 0, y: 0, style: .plain)
        #expect(next == 4)
        #expect(buffer[1, 0].text == "界")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer.line(0) == "a界b")
    }

    @Test func emojiWithVariationSelectorIsWide() {
        #expect(CharacterWidth.of("⚠️") == 2)
        #expect(CharacterWidth.of("🚀") == 2)
        #expect(CharacterWidth.of("é") == 1)
        #expect(CharacterWidth.of("漢字") == 4)
    }

    @Test func wideCharacterCutAtTheEdgeBecomesBlank() {
        var buffer = CellBuffer(size: Size(width: 3, height: 1))
        buffer.put("ab界", x: 0, y: 0, style: .plain)
        #expect(buffer.line(0) == "ab")
        #expect(buffer[2, 0].text == " ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(size: Size(width: 4, height: 1))
        buffer.put("界界", x: 0, y: 0, style: .plain)
        buffer.put("x", x: 1, y: 0, style: .plain)
        #expect(buffer.line(0) == " x界")
    }

    @Test func changedPositionsListOnlyDifferences() {
        let old = CellBuffer(size: Size(width: 5, height: 2))
        var new = old
        new.put("hi", x: 1, y: 1, style: .plain)
        let changed = new.changedPositions(since: old)
        #expect(changed.map { [$0.x, $0.y] } == [[1, 1], [2, 1]])
        #expect(new.changedPositions(since: nil).count == 10)
    }

    @Test func truncateAddsEllipsisWithinWidth() {
        #expect(CharacterWidth.truncate("Export destinations", to: 8) == "Export …")
        #expect(CharacterWidth.of(CharacterWidth.truncate("界界界界", to: 5)) <= 5)
        #expect(CharacterWidth.pad("ab", to: 4) == "ab  ")
    }

    @Test func controlCharactersAreShownAsSpaces() {
        var buffer = CellBuffer(size: Size(width: 6, height: 1))
        buffer.put("a\tb\nc", x: 0, y: 0, style: .plain)
        #expect(buffer.line(0) == "a b c")
    }
}

@Suite struct AsciiFallbackTests {
    @Test func nonASCIIBecomesReadableStandIns() {
        #expect(AsciiFallback.text("a") == "a")
        #expect(AsciiFallback.text("…") == ".")
        #expect(AsciiFallback.text("│") == "|")
        #expect(AsciiFallback.text("界") == "?")
    }
}
