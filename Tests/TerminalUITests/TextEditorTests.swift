import Testing
import TerminalUI

/// The multi-line editor widget: wrapping, movement, selection, clipboard, undo/redo, atoms, paste.
@Suite struct TextEditorTests {
    private func editor(_ text: String, width: Int = 20, height: Int = 5, atoms: Bool = true) -> TextEditor {
        var editor = TextEditor(text, atomRule: atoms ? AtomRule(open: "@{", close: "}", quote: "'") : nil)
        editor.viewport = Size(width: width, height: height)
        return editor
    }

    private func press(_ keys: [Key], _ editor: inout TextEditor) {
        for key in keys { _ = editor.handle(key) }
    }

    @Test func breaksAndJoinsLines() {
        var area = editor("ab")
        press([.left, .enter, .character("x")], &area)
        #expect(area.text == "a\nxb")
        press([.left, .backspace], &area)
        #expect(area.text == "axb")
        press([.paste("1\n2")], &area)
        #expect(area.text == "a1\n2xb")
    }

    @Test func wrapsAtSpacesAndKeepsAtomsWhole() {
        let text = Array("the quick brown fox jumps")
        let lines = TextLayout.lines(text, width: 10)
        #expect(lines.map { String(text[$0]) } == ["the quick ", "brown fox ", "jumps"])
        let long = Array("aaaaaaaaaaaaaaa")
        #expect(TextLayout.lines(long, width: 6).map { String(long[$0]) } == ["aaaaaa", "aaaaaa", "aaa"])
        let token = Array("hi @{body('x')} ok")
        let atoms = AtomRule(open: "@{", close: "}", quote: "'").ranges(in: token)
        #expect(atoms == [3..<15])
        #expect(TextLayout.lines(token, width: 8, atoms: atoms).count == 3)
        #expect(TextLayout.lines(token, width: 14, atoms: atoms).map { String(token[$0]) } == ["hi ", "@{body('x')} ", "ok"])
        #expect(TextLayout.lines(Array("a\n\nb"), width: 5).count == 3)
    }

    @Test func upAndDownMoveByVisualLineKeepingTheColumn() {
        var text = editor("the quick brown fox jumps\nab", width: 10)
        press([.control(.home), .right, .right], &text)
        press([.down], &text)
        #expect(text.cursor == 12, "brown's o is two columns in on the second visual line")
        press([.down, .down], &text)
        #expect(text.cursor == 28, "the short last line: its end, column 2 stays the goal")
        press([.up], &text)
        #expect(text.cursor == 22)
        press([.end], &text)
        #expect(text.cursor == 25, "End: the end of the visual line")
        press([.home], &text)
        #expect(text.cursor == 20)
        press([.control(.end)], &text)
        #expect(text.cursor == text.characters.count)
        press([.pageUp], &text)
        #expect(text.cursor < 10)
        press([.mouse(MouseEvent(x: 0, y: 0, button: .wheelDown))], &text)
        #expect(text.cursor == 28, "the wheel: three lines down (the last, short line's end)")
        press([.mouse(MouseEvent(x: 0, y: 0, button: .wheelUp))], &text)
        #expect(text.cursor == 2, "three lines up, back at column 2")
    }

    @Test func wordMovesTreatAtomsAsOneWord() {
        var text = editor("send @{body('Get')?['a b']} now, please")
        press([.control(.home), .control(.right)], &text)
        #expect(text.cursor == 4)
        press([.control(.right)], &text)
        #expect(text.cursor == 27, "the whole token, quotes with a space inside included")
        press([.control(.right), .control(.right)], &text)
        #expect(text.cursor == 32, "now, then the comma")
        press([.control(.left), .control(.left), .control(.left)], &text)
        #expect(text.cursor == 5)
        press([.right], &text)
        #expect(text.cursor == 27, "→ jumps over the chip")
        press([.left], &text)
        #expect(text.cursor == 5)
    }

    @Test func backspaceDeletesAWholeAtomAndSelectionsWidenToAtoms() {
        var text = editor("a @{x()} b")
        press([.control(.end), .left, .left, .backspace], &text)
        #expect(text.text == "a  b")
        text = editor("a @{x()} b")
        press([.control(.home), .right, .right, .right, .right], &text)
        #expect(text.cursor == 9)
        press([.shift(.left), .shift(.left)], &text)
        #expect(text.selectedText == "@{x()} ")
        press([.delete], &text)
        #expect(text.text == "a b")
    }

    @Test func selectionCutCopyPaste() {
        var text = editor("one two three")
        press([.control(.home), .shift(.right), .shift(.right), .shift(.right), .alt("w")], &text)
        #expect(text.selection == nil && text.clipboard == "one")
        press([.control(.end), .character(" "), .ctrl("v")], &text)
        #expect(text.text == "one two three one")
        press([.control(.home), .ctrl(" "), .control(.right), .control(.right), .ctrl("k")], &text)
        #expect(text.text == " three one" && text.clipboard == "one two")
        press([.ctrl("k")], &text)
        #expect(text.text == "" && text.clipboard == " three one", "no selection: the rest of the line")
        text = editor("abc")
        press([.shift(.left), .character("X")], &text)
        #expect(text.text == "abX", "typing replaces the selection")
    }

    @Test func undoAndRedoGoAWordAtATime() {
        var text = editor("")
        for c in "hello big world" { press([.character(c)], &text) }
        press([.ctrl("z")], &text)
        #expect(text.text == "hello big ")
        press([.ctrl("z")], &text)
        #expect(text.text == "hello ")
        press([.ctrl("y")], &text)
        #expect(text.text == "hello big ")
        press([.left, .character("!")], &text)
        #expect(text.text == "hello big! ")
        press([.ctrl("z")], &text)
        #expect(text.text == "hello big ", "a move ends the step")
        #expect(text.redo() && text.text == "hello big! ")
        press([.paste("A\nB"), .ctrl("z")], &text)
        #expect(text.text == "hello big! ", "a paste is one step")
        press([.backspace, .backspace, .backspace, .ctrl("z")], &text)
        #expect(text.text == "hello big! ", "deleting coalesces too")
        while text.undo() {}
        #expect(text.text == "")
    }

    @Test func pasteKeepsNewlinesAndNormalisesCarriageReturns() {
        var text = editor("")
        press([.paste("a\r\nb\rc\td")], &text)
        #expect(text.text == "a\nb\nc  d")
        #expect(text.position(of: text.cursor) == (line: 3, column: 5))
    }

    @Test func rendersChipsSelectionAndCursor() {
        var text = editor("hi @{x()}", width: 12, height: 2)
        press([.control(.home), .shift(.right)], &text)
        var buffer = CellBuffer(size: Size(width: 13, height: 2))
        text.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 13, height: 2), theme: .plain, focused: true, marker: 8)
        #expect(buffer.line(0).hasPrefix("hi @{x()}"))
        #expect(buffer[3, 0].style.attributes.contains(.reverse), "the chip")
        #expect(buffer[8, 0].style == Theme.plain[.error].adding(.reverse), "the marker")
    }

    @Test func decodesModifiedKeysFromTmuxAndTerminfoNames() {
        var decoder = KeyDecoder()
        let csi: (String) -> [RawInput] = { text in [.character(27)] + text.unicodeScalars.map { .character($0.value) } }
        #expect(decoder.decode(csi("[1;5D")) == [.control(.left)])
        #expect(decoder.decode(csi("[1;2A")) == [.shift(.up)])
        #expect(decoder.decode(csi("[1;6C")) == [.modified(.right, [.ctrl, .shift])])
        #expect(decoder.decode(csi("[1;5H")) == [.control(.home)])
        #expect(decoder.decode(csi("[5;5~")) == [.control(.pageUp)])
        #expect(decoder.decode([.keyName("kLFT5"), .keyName("kRIT3"), .keyName("kXYZ5"), .keyCode(CursesKeyCode.shiftLeft)])
            == [.control(.left), .modified(.right, .alt), .shift(.left)])
        #expect(decoder.decode(csi("[200~") + [.character(97), .character(13), .character(10), .character(98)] + csi("[201~")) == [.paste("a\nb")])
        #expect(Key.control(.left).description == "Ctrl-Left")
    }
}
