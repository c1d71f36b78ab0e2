import Testing
@testable import TerminalUI

@Suite struct KeyDecoderTests {
    private func decode(_ text: String) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.decode(text.unicodeScalars.map { .character($0.value) })
    }

    @Test func controlCharacters() {
        #expect(decode("\t\r\u{7F}\u{13}\u{01}") == [.tab, .enter, .backspace, .ctrl("s"), .ctrl("a")])
    }

    @Test func escapeAloneAndAltLetters() {
        #expect(decode("\u{1B}") == [.escape])
        #expect(decode("\u{1B}b\u{1B}f") == [.alt("b"), .alt("f")])
    }

    @Test func untranslatedCSISequences() {
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[5~\u{1B}[6~\u{1B}[Z\u{1B}OH\u{1B}[F") == [.up, .down, .pageUp, .pageDown, .backTab, .home, .end])
    }

    @Test func cursesKeyCodes() {
        var decoder = KeyDecoder()
        let keys = decoder.decode([.keyCode(CursesKeyCode.up), .keyCode(CursesKeyCode.backTab), .keyCode(CursesKeyCode.resize), .keyCode(CursesKeyCode.f0 + 1)])
        #expect(keys == [.up, .backTab, .resize, .function(1)])
    }

    @Test func bracketedPasteKeepsTextTogether() {
        #expect(decode("\u{1B}[200~hello\rworld\u{1B}[201~x") == [.paste("hello\nworld"), .character("x")])
    }

    @Test func unicodeCharacters() {
        #expect(decode("é界") == [.character("é"), .character("界")])
    }
}
