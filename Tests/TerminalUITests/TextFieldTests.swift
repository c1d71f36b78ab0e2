import Testing
import TerminalUI

@Suite struct TextFieldTests {
    private func type(_ keys: [Key], into field: inout TextField) {
        for key in keys { _ = field.handle(key) }
    }

    @Test func insertsAtTheCursorAndDeletes() {
        var field = TextField("helo")
        type([.left, .character("l"), .end, .backspace, .character("!")], into: &field)
        #expect(field.text == "hell!")
        type([.home, .delete], into: &field)
        #expect(field.text == "ell!")
    }

    @Test func wordMovesAndWordDelete() {
        var field = TextField("post a message")
        type([.alt("b"), .alt("b"), .character("X")], into: &field)
        #expect(field.text == "post Xa message")
        type([.end, .ctrl("w")], into: &field)
        #expect(field.text == "post Xa ")
        type([.home, .alt("d")], into: &field)
        #expect(field.text == " Xa ")
    }

    @Test func pasteFlattensNewlines() {
        var field = TextField()
        type([.paste("a\nb")], into: &field)
        #expect(field.text == "a b")
        #expect(field.cursor == 3)
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        var buffer = CellBuffer(size: Size(width: 6, height: 1))
        TextField("abcdefghij").render(into: &buffer, rect: Rect(x: 0, y: 0, width: 6, height: 1), theme: .plain, focused: true)
        #expect(buffer.line(0) == "fghij")
    }

    @Test func secretsAreMasked() {
        var field = TextField("pw")
        field.isSecret = true
        var buffer = CellBuffer(size: Size(width: 5, height: 1))
        field.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 5, height: 1), theme: .plain, focused: false)
        #expect(buffer.line(0) == "••")
    }

    @Test func newlinesSetAsTextAreKeptAndShownAsMarks() {
        var field = TextField()
        field.text = "a\nb"
        #expect(field.text == "a\nb")
        var buffer = CellBuffer(size: Size(width: 5, height: 1))
        field.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 5, height: 1), theme: .plain, focused: false)
        #expect(buffer.line(0) == "a↵b")
    }
}
