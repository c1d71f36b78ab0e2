import FlowExpressions
import TerminalUI

/// What is wrong in the editor's text, where: the character index (for the marker) and its line and column.
struct LongTextProblem: Sendable, Hashable {
    var message: String
    var index: Int
    var line: Int
    var column: Int
}

/// The editor's live checks: JSON text must parse (reported at its line:column); text with expressions must parse
/// as a flow string (reported at the expression's column); the dynamic-content token at the cursor must parse.
enum LongTextCheck {
    /// The first problem of `editor`'s text, or nil when it reads well.
    static func problem(in editor: TextEditor, json: Bool) -> LongTextProblem? {
        let text = editor.text
        if json {
            do throws(JSONSyntaxError) {
                _ = try JSONValue.parse(text)
            } catch {
                let index = index(line: error.line, byteColumn: error.column, in: editor.characters)
                return LongTextProblem(message: "JSON: " + error.message, index: index, line: error.line, column: editor.position(of: index).column)
            }
            return tokenProblem(in: editor)
        }
        guard text.contains("@") else { return nil }
        do throws(ExpressionSyntaxError) {
            _ = try FlowString.parse(text)
        } catch {
            let index = max(0, min(editor.characters.count, error.column - 1))
            let place = editor.position(of: index)
            return LongTextProblem(message: "expression: " + error.message, index: index, line: place.line, column: place.column)
        }
        return nil
    }

    /// The token the cursor is on or just after, when it does not parse (JSON strings hold tokens too).
    static func tokenProblem(in editor: TextEditor) -> LongTextProblem? {
        guard let atom = token(at: editor) else { return nil }
        do throws(ExpressionSyntaxError) {
            _ = try FlowString.parse(String(editor.characters[atom]))
        } catch {
            let index = min(atom.upperBound - 1, atom.lowerBound + max(0, error.column - 1))
            let place = editor.position(of: index)
            return LongTextProblem(message: "expression: " + error.message, index: index, line: place.line, column: place.column)
        }
        return nil
    }

    /// The dynamic-content token at the cursor (on it, or just after it).
    static func token(at editor: TextEditor) -> Range<Int>? {
        editor.atom(at: editor.cursor) ?? editor.atoms.first { $0.upperBound == editor.cursor }
    }

    /// The character index of a JSON error's 1-based line and byte column.
    static func index(line: Int, byteColumn: Int, in characters: [Character]) -> Int {
        var index = 0
        var currentLine = 1
        while currentLine < line, index < characters.count {
            if characters[index] == "\n" { currentLine += 1 }
            index += 1
        }
        var bytes = 1
        while bytes < byteColumn, index < characters.count, characters[index] != "\n" {
            bytes += characters[index].utf8.count
            index += 1
        }
        return index
    }
}
