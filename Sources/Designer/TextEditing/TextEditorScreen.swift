import FlowExpressions
import FlowModel
import TerminalUI

/// The multi-line editor for a long text input of a step (F2 or Ctrl-O on a text field of the step form): the
/// field's whole text, wrapped to the width, with selection, undo/redo, paste that keeps newlines, and dynamic
/// content (Ctrl-D) as chips that move and delete as one unit. Expressions are checked as you type (the error's
/// place is marked); JSON inputs are pretty-printed on open and validated at their line:column. Esc writes the
/// text back into the field (newlines kept); Ctrl-X leaves the field as it was.
struct TextEditorScreen: Screen, EditorScreen, TextInputScreen {
    enum Action: Sendable { case apply, save, cancel, dynamic, edit }

    /// Dynamic-content tokens: `@{…}`, with `'…'` strings inside.
    static let tokens = AtomRule(open: "@{", close: "}", quote: "'")

    var label: String
    var stepName: String
    var editor: TextEditor
    /// The text as opened (pretty-printed JSON included): Esc with no change leaves the field untouched.
    let opened: String
    /// True for object/array inputs and text that starts with `{` or `[`.
    let isJSON: Bool

    init(label: String, text: String, kind: ValueKind, stepName: String) {
        self.label = label
        self.stepName = stepName
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        isJSON = kind == .object || kind == .array || trimmed.hasPrefix("{") || trimmed.hasPrefix("[")
        var start = text
        if isJSON, !trimmed.isEmpty, let value = try? JSONValue.parse(trimmed) { start = value.jsonText(pretty: true) }
        opened = start
        editor = TextEditor(start, atomRule: Self.tokens)
        _ = editor.handle(.control(.home))
    }

    static let keys = KeyMap<Action>([
        KeyBinding([.escape], "Esc", "apply", help: "write the text into the field (newlines kept) and go back to the form", priority: 1, .apply),
        KeyBinding([.ctrl("s")], "Ctrl-S", "save", help: "write the text into the field, apply the form and save the flow", priority: 3, .save),
        KeyBinding([.ctrl("x")], "Ctrl-X", "cancel", help: "cancel: leave the field as it was", priority: 4, .cancel),
        KeyBinding([.ctrl("d"), .function(4)], "Ctrl-D", "dynamic", help: "insert dynamic content at the cursor, as a chip that moves and deletes as one (also F4)", priority: 2, .dynamic),
        KeyBinding([.ctrl("z"), .ctrl("y")], "Ctrl-Z Ctrl-Y", "undo/redo", help: "undo, redo (typing is undone a word at a time)", priority: 5, .edit),
        KeyBinding([.shift(.left), .shift(.right), .shift(.up), .shift(.down), .ctrl(" ")], "Shift-←→↑↓", "select",
                   help: "select with Shift and a movement key; or Ctrl-Space sets a mark and movement selects (again: clear)", priority: 6, .edit),
        KeyBinding([.ctrl("k"), .alt("w"), .alt("c")], "Ctrl-K Alt-W", "cut/copy",
                   help: "cut the selection (none: the rest of the line); copy it (also Alt-C); both also go to the terminal's clipboard (OSC 52)", priority: 7, .edit),
        KeyBinding([.ctrl("v")], "Ctrl-V", "paste", help: "paste what was cut or copied here; the terminal's own paste keeps newlines too", priority: 8, .edit),
        KeyBinding([.control(.left), .control(.right), .alt("b"), .alt("f")], "Ctrl-←→", "word",
                   help: "by word (also Alt-← →, Alt-B Alt-F); a chip counts as one word", priority: nil, .edit),
        KeyBinding([.home, .end, .control(.home), .control(.end), .ctrl("a"), .ctrl("e")], "Home End", "line",
                   help: "start/end of the line on screen (also Ctrl-A Ctrl-E); Ctrl-Home Ctrl-End: of the text", priority: nil, .edit),
        KeyBinding([.up, .down, .pageUp, .pageDown], "↑↓ PgUp PgDn", "move", help: "by line on screen (wrapped lines too), by page", priority: nil, .edit),
        KeyBinding([.enter, .backspace, .ctrl("w")], "Enter", "new line",
                   help: "a new line; Backspace deletes a chip whole; Ctrl-W / Alt-Backspace delete a word, Alt-D the next", priority: nil, .edit),
    ])

    var title: String { label }
    var bindings: [KeyHint] { Self.keys.hints }
    var hasUnappliedInput: Bool { editor.text != opened }

    /// Where the text goes in the body `area`: below the heading, above the two check rows.
    static func textRect(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y + 1, width: max(2, area.width - 2), height: max(1, area.height - 4))
    }

    mutating func handle(_ key: Key, state: inout DesignerState) -> Transition {
        let rect = Self.textRect(bodyArea(state.size))
        editor.viewport = Size(width: rect.width - 1, height: rect.height)
        switch Self.keys.action(for: key) {
        case .apply: return editor.text == opened ? .pop : .popWith(.replaceText(editor.text))
        case .save: return .popWith(.replaceTextAndSave(editor.text))
        case .cancel: return .pop
        case .dynamic:
            guard let flow = state.document?.flow else { return .stay }
            return .push(DynamicContentScreen(options: DynamicContent.options(for: stepName, in: flow)))
        case .edit, nil:
            let copies = editor.clipboardRevision
            _ = editor.handle(key)
            if editor.clipboardRevision != copies {
                // Cut and copy also go to the terminal's clipboard, so the text pastes outside the app.
                let count = editor.clipboard.count
                state.sendToTerminalClipboard(editor.clipboard, what: "\(count) character\(count == 1 ? "" : "s")")
            }
            return .stay
        }
    }

    mutating func receive(_ result: ScreenResult, state: inout DesignerState) {
        guard case .insertText(let token) = result else { return }
        editor.insert(token)
    }

    func render(into buffer: inout CellBuffer, area: Rect, state: DesignerState) {
        let theme = state.theme
        let place = editor.position(of: editor.cursor)
        let mode = isJSON ? "JSON · " : ""
        let where_ = "\(mode)line \(place.line), column \(place.column) · \(editor.characters.count) characters"
        let headingEnd = buffer.put(label, x: area.x + 2, y: area.y, style: theme[.title], limit: area.maxX)
        let info = CharacterWidth.truncate(where_, to: max(0, area.maxX - headingEnd - 4))
        buffer.put(info, x: max(headingEnd + 2, area.maxX - 1 - CharacterWidth.of(info)), y: area.y, style: theme[.muted], limit: area.maxX)
        let rect = Self.textRect(area)
        let problem = LongTextCheck.problem(in: editor, json: isJSON)
        editor.render(into: &buffer, rect: rect, theme: theme, focused: true, marker: problem?.index)
        let first = rect.maxY
        if let problem {
            // The error's line, cut around its column, with ^ under the column.
            let (excerpt, caret) = Self.excerpt(editor, problem: problem, width: area.width - 6)
            buffer.put(excerpt, x: area.x + 2, y: first, style: theme[.text], limit: area.maxX)
            buffer.put(String(repeating: " ", count: caret) + "^ line \(problem.line), column \(problem.column): \(problem.message)",
                       x: area.x + 2, y: first + 1, style: theme[.error], limit: area.maxX)
        } else if let token = LongTextCheck.token(at: editor) {
            let text = CharacterWidth.truncate(String(editor.characters[token]), to: area.width - 30)
            buffer.put("\(theme.glyphs == .ascii ? "ok" : "✓") expression \(text) reads well", x: area.x + 2, y: first + 1, style: theme[.success], limit: area.maxX)
        } else if isJSON {
            buffer.put("\(theme.glyphs == .ascii ? "ok" : "✓") valid JSON", x: area.x + 2, y: first + 1, style: theme[.success], limit: area.maxX)
        }
    }

    /// The problem's text line cut to `width` around its column, and the caret's offset in the cut.
    static func excerpt(_ editor: TextEditor, problem: LongTextProblem, width: Int) -> (String, Int) {
        let characters = editor.characters
        var start = problem.index
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        var end = problem.index
        while end < characters.count, characters[end] != "\n" { end += 1 }
        let width = max(10, width)
        let before = problem.index - start
        let from = start + max(0, before - width / 2)
        let to = min(end, from + width)
        let caret = CharacterWidth.of(String(characters[from..<max(from, problem.index)]))
        return (String(characters[from..<max(from, to)]), caret)
    }
}

/// The palette over the editor finds its commands (apply, save, dynamic content, undo, …) from the same key map.
extension TextEditorScreen: PaletteCommands {
    var paletteCommands: [(hint: KeyHint, key: Key)] { Self.keys.commands }
}

/// The palette over a step form finds its commands too (the editor among them).
extension StepFormScreen: PaletteCommands {
    var paletteCommands: [(hint: KeyHint, key: Key)] { Self.keys.commands }
}
