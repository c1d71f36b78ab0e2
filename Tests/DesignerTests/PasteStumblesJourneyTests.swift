@testable import Designer
import FlowExpressions
import FlowModel
import Foundation
import Testing
import TerminalUI

/// What tripped people up when pasting and copying: cloud connections, doubled variables, OSC 52 promises, the text
/// editor's copies, and Ctrl-C in a form.
@MainActor @Suite struct PasteStumblesJourneyTests {
    /// A flow sending through its own Teams connection `west-sales`, beside the home's default `teams` (first by name).
    private func salesFlow() -> Flow {
        var flow = sampleFlow(id: "sales", name: "Sales alert")
        flow.definition.actions["Post_message"]?.inputs = ["connection": "west-sales", "text": "hello"]
        return flow
    }

    private let cloudTeams = """
    {"id":"9","operationName":"Post_message_in_a_chat_or_channel","operationDefinition":{"type":"OpenApiConnection",\
    "inputs":{"host":{"connectionName":"shared_teams","operationId":"PostMessageToConversation","apiId":"/providers/Microsoft.PowerApps/apis/shared_teams"},\
    "parameters":{"poster":"Flow bot","location":"Channel","body/recipient/groupId":"g1","body/recipient/channelId":"c1","body/messageBody":"<p>Hi</p>"}},"runAfter":{}}}
    """

    /// (a) A pasted cloud action names the cloud's connection: it gets the Teams connection the flow already uses
    /// (not the home's first Teams one), the status line says so, and the saved flow has no connection warning.
    @Test func aPastedCloudActionUsesTheFlowsConnectionOfItsKind() throws {
        let services = InMemoryDesignerServices(flows: [salesFlow()], connections: ["teams": "teams", "west-sales": "teams", "mail": "smtp"])
        let session = DesignerSession(services: services, size: Size(width: 120, height: 40), theme: .plain)
        session.send([.down, .down, .enter, .enter, .end])
        session.send([.paste(cloudTeams)])
        #expect(session.screen.contains("connection shared_teams → west-sales"), "\(session.screen)")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["sales"])
        #expect(saved.definition.actions["Post_message_in_a_chat_or_channel"]?.inputs?["connection"] == "west-sales")
        let issues = FlowChecker.check(saved, context: CheckContext(connections: services.connectionKinds))
        #expect(!issues.contains { $0.field == "connection" }, "\(issues)")

        // A flow without a Teams step gets the default one a new Teams step would get.
        var plain = Flow(id: "plain", displayName: "Plain", trigger: Trigger(kind: .manual))
        plain.definition.actions["Start"] = Step(name: "Start", type: .compose, inputs: "x")
        let (steps, changes) = PastedConnections.rebound(try #require(StepClipboard.steps(fromText: cloudTeams)), in: plain.definition,
                                                         connections: services.connectionKinds)
        #expect(steps["Post_message_in_a_chat_or_channel"]?.inputs?["connection"] == "teams")
        #expect(changes == ["shared_teams": "teams"])
    }

    /// (b) Pasting an Initialize variable (with a Set variable and a Compose using it) into a flow that declares the
    /// variable already: the pasted declaration and its references become `count_2`, the status line says so,
    /// and the flow has no duplicate declaration.
    @Test func aPastedVariableDeclarationIsRenamedWhenTheFlowHasIt() throws {
        var flow = Flow(id: "vars", displayName: "Vars", trigger: Trigger(kind: .manual))
        flow.version = 1
        flow.definition.actions["Init"] = Step(name: "Init", type: .initializeVariable, inputs: ["variables": [["name": "count", "type": "Integer", "value": 1]]])
        flow.definition.actions["Bump"] = Step(name: "Bump", type: .setVariable, inputs: ["name": "count", "value": "@add(variables('count'), 1)"],
                                               runAfter: ["Init": [.succeeded]])
        flow.definition.actions["Show"] = Step(name: "Show", type: .compose, inputs: "@{variables('Count')} items", runAfter: ["Bump": [.succeeded]])
        let services = InMemoryDesignerServices(flows: [flow])
        services.clipboard = StepClipboard.json(flow.definition.actions)
        let session = DesignerSession(services: services, size: Size(width: 120, height: 40), theme: .plain)
        session.send([.down, .down, .enter, .enter, .end])  // Show
        session.type("p")
        #expect(session.screen.contains("variable count → count_2 (the flow declares it already)"), "\(session.screen)")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["vars"])
        let actions = saved.definition.actions
        #expect(Array(actions.keys) == ["Init", "Bump", "Show", "Init_2", "Bump_2", "Show_2"])
        #expect(actions["Init_2"]?.inputs?["variables"]?.arrayValue?.first?["name"] == "count_2")
        #expect(actions["Bump_2"]?.inputs?["name"] == "count_2")
        #expect(actions["Bump_2"]?.inputs?["value"] == "@add(variables('count_2'), 1)")
        #expect(actions["Show_2"]?.inputs == "@{variables('count_2')} items", "names are case-insensitive: Count is count")
        #expect(actions["Bump"]?.inputs?["value"] == "@add(variables('count'), 1)", "the original is untouched")
        let errors = FlowChecker.check(saved).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    /// (c) `Y` says "sent" and what OSC 52 can promise; when the terminal is known to drop it (tmux with
    /// set-clipboard external), the status line warns instead of claiming a copy.
    @Test func copyAsCodeIsHonestAboutTheTerminalClipboard() {
        let services = InMemoryDesignerServices(flows: [sampleFlow()])
        let unknown = DesignerSession(services: services, size: Size(width: 120, height: 40), theme: .plain)
        unknown.send([.down, .down, .enter, .enter, .end, .character("Y")])
        #expect(unknown.screen.contains("Sent Compose as code-view JSON to the terminal clipboard (OSC 52; paste to check"), "\(unknown.screen)")
        #expect(!unknown.screen.contains("Copied"))
        #expect(unknown.takeTerminalCopy()?.contains("\"Compose\"") == true)

        let dropped = ClipboardSupport.classify(environment: ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen"], tmuxSetClipboard: "external")
        let tmux = DesignerSession(services: services, size: Size(width: 120, height: 40), theme: .plain, clipboardSupport: dropped)
        tmux.send([.down, .down, .enter, .enter, .end, .character("Y")])
        #expect(tmux.screen.contains("set-clipboard external"), "\(tmux.screen)")
        #expect(tmux.screen.contains("will not reach the clipboard"), "\(tmux.screen)")
    }

    /// (d) In the multi-line editor, Alt-W (copy) and Ctrl-K (cut) also send the text to the terminal's clipboard
    /// (the status line says so), and Ctrl-V still pastes it inside the app.
    @Test func theEditorsCutAndCopyReachTheTerminalClipboard() {
        let (session, _) = makeSession(flows: [sampleFlow()], size: Size(width: 120, height: 40))
        session.send([.down, .down, .enter, .enter, .down, .enter])  // Post_message's form
        for _ in 0..<10 {
            guard let form = session.state.top as? StepFormScreen, form.form.fields[form.form.focus].id != "text" else { break }
            session.send([.tab])
        }
        session.send([.function(2)])
        #expect(session.state.breadcrumb.last == "Message", "\(session.state.breadcrumb)")
        _ = session.takeTerminalCopy()
        session.send([.control(.home), .modified(.right, [.shift]), .modified(.right, [.shift]), .modified(.right, [.shift]), .alt("w")])
        #expect(session.takeTerminalCopy() == "Ref")
        #expect(session.screen.contains("Sent 3 characters to the terminal clipboard (OSC 52"), "\(session.screen)")
        session.send([.control(.end), .ctrl("v")])
        #expect(session.screen.contains("failedRef"), "Ctrl-V pastes the copy in the app:\n\(session.screen)")
        session.send([.control(.home), .ctrl("k")])
        #expect(session.takeTerminalCopy()?.hasPrefix("Refresh of") == true)
        #expect(session.screen.contains("0 characters"), "\(session.screen)")
    }

    /// (e) Ctrl-C in a step form with a typed change asks (y/n): n keeps the form and its text; y quits (the flow
    /// itself had no unsaved change). Without a change Ctrl-C quits at once.
    @Test func ctrlCInAFormWithChangesAsksFirst() {
        let (session, _) = makeSession(flows: [sampleFlow()], size: Size(width: 120, height: 40))
        session.send([.down, .down, .enter, .enter, .end, .enter])  // Compose's form
        #expect(session.state.breadcrumb.last == "Compose", "\(session.state.breadcrumb)")
        session.type("!")
        session.send([.ctrl("c")])
        #expect(!session.state.isQuitting)
        #expect(session.screen.contains("not applied yet"), "\(session.screen)")
        #expect(session.screen.contains("(y/n)"), "\(session.screen)")
        session.type("n")
        #expect(!session.state.isQuitting)
        #expect(session.state.breadcrumb.last == "Compose")
        #expect(session.screen.contains("Compose!"), "the typed text is still there:\n\(session.screen)")
        session.send([.ctrl("c")])
        session.type("y")
        #expect(session.state.isQuitting)

        let (clean, _) = makeSession(flows: [sampleFlow()])
        clean.send([.down, .down, .enter, .enter, .end, .enter, .ctrl("c")])
        #expect(clean.state.isQuitting, "an untouched form does not ask")
    }
}
