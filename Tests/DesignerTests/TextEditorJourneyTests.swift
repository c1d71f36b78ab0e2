@testable import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

/// The multi-line editor on a step's long text inputs (F2 in the step form), against real stores.
@MainActor @Suite struct TextEditorJourneyTests {
    /// A multi-line body of exactly 5,000 characters.
    static let body: String = {
        var text = ""
        var line = 1
        while text.count < 5_000 {
            text += "Line \(line): the refresh of the customer workspace finished; segments and measures are current.\n"
            line += 1
        }
        return String(text.prefix(5_000))
    }()

    private func focusField(_ id: String, _ session: DesignerSession) {
        for _ in 0..<10 {
            guard let form = session.state.top as? StepFormScreen, form.form.fields[form.form.focus].id != id else { return }
            session.send([.tab])
        }
    }

    /// Canvas › Post_message's form › its Message field › the editor.
    private func openEditor(on field: String, _ session: DesignerSession) {
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.down, .enter])  // Post_message's form
        focusField(field, session)
        session.send([.function(2)])
    }

    /// A person replaces the Teams message with a pasted 5,000-character body, moves around, types and undoes,
    /// inserts a dynamic-content token (a chip: → jumps over it, Backspace deletes it whole, Ctrl-Z brings it
    /// back), applies, saves; the saved step holds exactly that text, newlines and all.
    @Test func editsA5000CharacterBodyAndSavesExactlyThatText() async throws {
        let embedded = try await EmbeddedHome.open([sampleFlow()])
        defer { embedded.close() }
        let session = embedded.session()
        openEditor(on: "text", session)
        #expect(session.state.breadcrumb.last == "Message", "\(session.state.breadcrumb)")
        #expect(session.screen.contains("@{triggerBody()?['dataSourceName']}"), "\(session.screen)")
        session.send([.modified(.end, [.ctrl, .shift]), .backspace])  // select all, delete
        #expect(session.screen.contains("0 characters"), "\(session.screen)")
        session.send([.paste(Self.body)])
        #expect(session.screen.contains("5000 characters"), "\(session.screen)")
        #expect(session.screen.contains("Line 55: the refresh"), "the end of the body is in view: \(session.screen)")
        session.send([.control(.home), .down, .down, .pageDown, .end, .control(.right), .control(.left), .pageUp])
        session.send([.control(.end)])
        session.type(" more words")
        session.send([.ctrl("z")])
        #expect(session.screen.contains("5006 characters"), "undo takes back a word: \(session.screen)")
        session.send([.ctrl("z"), .ctrl("z")])
        #expect(session.screen.contains("5000 characters"), "three word-sized undo steps: \(session.screen)")
        session.send([.ctrl("y"), .ctrl("z")])
        #expect(session.screen.contains("5000 characters"), "\(session.screen)")
        session.send([.control(.home), .ctrl("d")])
        #expect(session.state.breadcrumb.last == "Dynamic content")
        session.type("dataSourceName")
        session.send([.enter])
        let token = "@{triggerBody()?['dataSourceName']}"
        #expect(session.screen.contains("expression \(token) reads well"), "\(session.screen)")
        session.send([.control(.home), .right])
        #expect(session.screen.contains("line 1, column \(token.count + 1)"), "→ jumps over the chip: \(session.screen)")
        session.send([.backspace])
        #expect(session.screen.contains("5000 characters"), "Backspace deletes the chip whole: \(session.screen)")
        session.send([.ctrl("z")])
        #expect(session.screen.contains("\(5_000 + token.count) characters"), "\(session.screen)")
        session.send([.escape])
        #expect(session.state.breadcrumb.last == "Post_message")
        #expect(session.screen.contains("current.↵Line 55: the refresh of the customer work"), "the one-line field marks newlines: \(session.screen)")
        session.send([.ctrl("s")])
        let saved = try FlowStore(home: embedded.home).load(id: "teams-alert").flow
        #expect(saved.definition.actions["Post_message"]?.inputs?["text"] == .string(token + Self.body))
    }

    /// Ctrl-S in the editor writes the field, applies the form and saves; Ctrl-X leaves the field as it was.
    @Test func ctrlSSavesFromTheEditorAndCtrlXCancels() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        openEditor(on: "text", session)
        session.send([.control(.end), .enter])
        session.type("Second line")
        session.send([.ctrl("s")])
        #expect(session.state.breadcrumb.last == "Post_message", "the form stays open, saved")
        let text = "Refresh of @{triggerBody()?['dataSourceName']} failed\nSecond line"
        #expect(services.flows["teams-alert"]?.definition.actions["Post_message"]?.inputs?["text"] == .string(text))
        session.send([.function(2)])
        session.type("discarded ")
        session.send([.ctrl("p")])
        session.type("undo")
        session.send([.enter])  // the palette runs the editor's undo (its first key, Ctrl-Z)
        #expect(session.state.top is TextEditorScreen)
        #expect(session.screen.contains("line 1, column 1 ·"), "the typing is undone: \(session.screen)")
        session.type("discarded ")
        session.send([.ctrl("x"), .escape, .ctrl("s")])
        #expect(services.flows["teams-alert"]?.definition.actions["Post_message"]?.inputs?["text"] == .string(text))
    }

    /// An expression that does not parse is reported at its column, with ^ under it, until it is fixed.
    @Test func expressionErrorsShowTheirColumn() throws {
        let (session, _) = makeSession(flows: [sampleFlow()])
        openEditor(on: "text", session)
        session.send([.control(.end), .enter])
        session.type("Count @{length(body('Post_message')")
        let screen = session.screen
        #expect(screen.contains("^ line 2, column"), "\(screen)")
        #expect(screen.contains("expression:"), "\(screen)")
        session.type(")}")
        #expect(!session.screen.contains("expression:"), "\(session.screen)")
        #expect(session.screen.contains("reads well"), "\(session.screen)")
    }

    /// An object input opens pretty-printed, is validated at line:column while typing, and applies as the object.
    @Test func jsonInputsArePrettyPrintedAndValidated() throws {
        var flow = sampleFlow()
        flow.definition.actions["Post_message"]?.inputs = ["connection": "teams", "text": "Hello", "facts": .object(["Source": .string("@{triggerBody()?['dataSourceName']}"), "Rows": .int(3)])]
        let (session, services) = makeSession(flows: [flow])
        openEditor(on: "facts", session)
        #expect(session.screen.contains("JSON · line 1, column 1"), "\(session.screen)")
        #expect(session.screen.contains("  \"Rows\": 3"), "pretty-printed: \(session.screen)")
        #expect(session.screen.contains("valid JSON"), "\(session.screen)")
        session.send([.control(.end), .left, .left])
        session.type(",")
        #expect(session.screen.contains("^ line "), "\(session.screen)")
        #expect(session.screen.contains("JSON:"), "\(session.screen)")
        session.send([.backspace])
        #expect(session.screen.contains("valid JSON"), "\(session.screen)")
        session.send([.down, .control(.home), .down, .end, .enter])
        session.type("\"Owner\": \"ops\",")
        session.send([.escape, .ctrl("s")])
        #expect(services.flows["teams-alert"]?.definition.actions["Post_message"]?.inputs?["facts"]
            == .object(["Source": .string("@{triggerBody()?['dataSourceName']}"), "Owner": .string("ops"), "Rows": .int(3)]))
    }

    /// F2 on a field the editor does not edit (the step's name) says so and stays.
    @Test func f2OnTheNameSaysWhy() {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter, .down, .enter, .function(2)])
        #expect(session.state.breadcrumb.last == "Post_message")
        #expect(session.screen.contains("The editor edits a text input"), "\(session.screen)")
    }
}
