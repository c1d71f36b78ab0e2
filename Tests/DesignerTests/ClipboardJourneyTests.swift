import Designer
import FlowExpressions
import FlowModel
import Foundation
import Testing
import TerminalUI

/// A flow with a scope `Notify` (a Compose `Build_text` and a Compose `Send` reading it), then `Log` after it.
func scopedFlow(id: String = "scoped", name: String = "Scoped") -> Flow {
    var flow = Flow(id: id, displayName: name, trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]),
                    now: Date(timeIntervalSince1970: 1_790_000_000))
    flow.version = 1
    var notify = Step(name: "Notify", type: .scope)
    notify.actions = ["Build_text": Step(name: "Build_text", type: .compose, inputs: "Refresh failed"),
                      "Send": Step(name: "Send", type: .compose, inputs: "@{outputs('Build_text')}!", runAfter: ["Build_text": [.succeeded]])]
    flow.definition.actions["Notify"] = notify
    flow.definition.actions["Log"] = Step(name: "Log", type: .compose, inputs: "@{outputs('Send')}", runAfter: ["Notify": [.succeeded]])
    return flow
}

/// Copy, cut, paste and duplicate on the canvas (`y` `x` `p` `P`), the home's clipboard file, and the cloud
/// designer's clipboard JSON pasted in (bracketed paste) or copied out (`Y`, OSC 52).
@MainActor @Suite struct ClipboardJourneyTests {
    /// `y` on a scope then `p`: the copy and its nested steps get free names, the inner reference follows the new
    /// name, the copy runs after the scope and the next step after the copy; the flow stays free of errors.
    @Test func copyAndPasteAScopeRenamesItsStepsAndReferences() throws {
        let (session, services) = makeSession(flows: [scopedFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.down])  // Notify
        #expect(session.state.document?.selected == "Notify")
        session.type("y")
        #expect(session.screen.contains("Copied Notify with 2 nested step(s)"), "\(session.screen)")
        session.type("p")
        #expect(session.state.document?.selected == "Notify_2")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["scoped"])
        let actions = saved.definition.actions
        #expect(Array(actions.keys) == ["Notify", "Notify_2", "Log"])
        #expect(actions["Notify_2"]?.runAfter == ["Notify": [.succeeded]])
        #expect(actions["Log"]?.runAfter == ["Notify_2": [.succeeded]])
        let copy = try #require(actions["Notify_2"]?.actions)
        #expect(Array(copy.keys) == ["Build_text_2", "Send_2"])
        #expect(copy["Send_2"]?.inputs == "@{outputs('Build_text_2')}!")
        #expect(copy["Send_2"]?.runAfter == ["Build_text_2": [.succeeded]])
        #expect(actions["Notify"]?.actions?["Send"]?.inputs == "@{outputs('Build_text')}!", "the original is untouched")
        #expect(FlowChecker.check(saved).filter { $0.severity == .error }.isEmpty, "\(FlowChecker.check(saved))")
    }

    /// `P` duplicates the selected step after itself; `x` cuts a step and `p` puts it back elsewhere.
    @Test func duplicateAndCutThenPaste() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])
        session.send([.end])  // Compose
        session.type("P")
        #expect(session.state.document?.selected == "Compose_2")
        session.type("x")  // cuts Compose_2 (nothing refers to it)
        #expect(session.state.document?.flow.definition.step(named: "Compose_2") == nil)
        session.send([.home, .down])  // Post_message
        session.type("p")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        #expect(Array(saved.definition.actions.keys) == ["Post_message", "Compose_2", "Compose"])
        #expect(saved.definition.actions["Compose"]?.runAfter == ["Compose_2": [.succeeded]])
    }

    /// The clipboard is a file in the home: a step copied in one flow pastes into another, and into another session.
    @Test func theClipboardPersistsInTheHomeAcrossFlowsAndSessions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-clipboard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = InsightFlowHome(url: folder)
        _ = try FlowStore(home: home).create(scopedFlow())
        _ = try FlowStore(home: home).create(sampleFlow())
        let services = StoreDesignerServices(home: home)
        let session = DesignerSession(services: services, size: Size(width: 80, height: 24), theme: .plain)
        session.send([.down, .down, .enter])  // Flows: Scoped, Teams alert (by name)
        session.send([.enter, .down])  // Scoped › Notify
        session.type("y")
        #expect(FileManager.default.fileExists(atPath: services.clipboardFile.path))
        session.send([.escape, .down, .enter, .end])  // Teams alert › Compose
        #expect(session.state.document?.flow.id == "teams-alert", "\(session.screen)")
        session.type("p")
        session.send([.ctrl("s")])
        let saved = try FlowStore(home: home).load(id: "teams-alert").flow
        #expect(Array(saved.definition.actions.keys) == ["Post_message", "Compose", "Notify"])
        #expect(saved.definition.actions["Notify"]?.actions?["Send"]?.inputs == "@{outputs('Build_text')}!")

        let later = DesignerSession(services: StoreDesignerServices(home: home), size: Size(width: 80, height: 24), theme: .plain)
        later.send([.down, .down, .enter, .down, .enter, .end])  // Teams alert › Notify (last)
        later.type("p")
        #expect(later.state.document?.selected == "Notify_2", "\(later.screen)")
    }

    /// The cloud designer's "Copy to my clipboard" JSON pasted on the canvas (bracketed paste) becomes a Teams step.
    @Test func pastingCloudDesignerJSONAddsATranslatedStep() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter, .end])
        let clipboard = """
        {"id":"3f2a-11","brandColor":"#4B53BC","operationName":"Post_message_in_a_chat_or_channel","operationDefinition":{"type":"OpenApiConnection",\
        "inputs":{"host":{"connectionName":"shared_teams","operationId":"PostMessageToConversation","apiId":"/providers/Microsoft.PowerApps/apis/shared_teams"},\
        "parameters":{"poster":"Flow bot","location":"Channel","body/recipient/groupId":"g1","body/recipient/channelId":"c1","body/messageBody":"<p>Copied from the cloud</p>"}},\
        "runAfter":{"Some_cloud_step":["Succeeded"]}}}
        """
        session.send([.paste(clipboard)])
        #expect(session.state.document?.selected == "Post_message_in_a_chat_or_channel", "\(session.screen)")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let step = try #require(saved.definition.actions["Post_message_in_a_chat_or_channel"])
        #expect(step.type == .teamsPostMessage)
        #expect(step.inputs?["text"] == "<p>Copied from the cloud</p>")
        #expect(step.runAfter == ["Compose": [.succeeded]], "the cloud's runAfter names a step this flow lacks: attached after the selection")
        #expect(step.inputs?["connection"] == "teams", "the cloud's connection (shared_teams) becomes the flow's Teams connection")

        #expect(StepClipboard.steps(fromText: #"{"id":"1","operationName":"Send_an_email_(V2)","operationDefinition":{"type":"Compose","inputs":"x"}}"#)?
            .keys.first == "Send_an_email__V2", "characters a step name cannot hold become _")
        if session.state.breadcrumb.last == "Issues" { session.send([.escape]) }  // the saved flow's warnings, if any
        session.send([.paste("not json at all")])
        #expect(session.screen.contains("not an action's JSON"), "\(session.screen)")
    }

    /// `Y` puts the selected step's code-view JSON on the terminal's clipboard (OSC 52), and it pastes back as is.
    @Test func copyAsCodeWritesCodeViewJSONToTheTerminal() throws {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24), keys: [.down, .down, .enter, .enter, .end, .character("Y"), .ctrl("c")])
        DesignerApp.run(terminal: terminal, services: InMemoryDesignerServices(flows: [sampleFlow()]), theme: .plain)
        let copied = try #require(terminal.copied.first)
        let value = try JSONValue.parse(copied)
        #expect(value["Compose"]?["type"] == "Compose")
        #expect(value["Compose"]?["runAfter"]?["Post_message"] == ["Succeeded"])
        #expect(StepClipboard.steps(from: value)?["Compose"]?.inputs == "@{body('Post_message')?['statusCode']}")
        #expect(ClipboardSequence.osc52("hi") == "\u{1B}]52;c;aGk=\u{07}")

        // A Teams step goes out as the cloud's connector action, and comes back in as a Teams step.
        let teams = MemoryTerminal(size: Size(width: 80, height: 24), keys: [.down, .down, .enter, .enter, .down, .character("Y"), .ctrl("c")])
        DesignerApp.run(terminal: teams, services: InMemoryDesignerServices(flows: [sampleFlow()]), theme: .plain)
        let action = try JSONValue.parse(try #require(teams.copied.first))
        #expect(action["Post_message"]?["type"] == "OpenApiConnection", "\(action)")
        #expect(StepClipboard.steps(from: action)?["Post_message"]?.type == .teamsPostMessage)
    }

    /// Pasting a 200-step block into the flow it came from: every name is taken, so all 200 are renamed and the
    /// references rewritten; timed in this debug build (release figures: Benchmarks/), the flow stays valid.
    @Test func pastingA200StepBlockRenamesEveryStep() {
        let flow = SampleFlows.long(id: "long", steps: 300)
        // The steps after Initialize variable (a second Initialize of the same variable is an error, as in the cloud).
        let block = StepList(uniqueKeysWithValues: flow.definition.actions.dropFirst().prefix(200).map { ($0.key, $0.value) })
        var definition = flow.definition
        var names: [String] = []
        let took = ContinuousClock().measure {
            names = StepClipboard.paste(block, at: .after(flow.definition.actions.keys.last ?? ""), in: &definition)
        }
        print("paste of 200 steps: \(took)")
        #expect(names.count == 200)
        #expect(names.allSatisfy { flow.definition.step(named: $0) == nil })
        var pasted = flow
        pasted.definition = definition
        let errors = FlowChecker.check(pasted).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }
}

extension ClipboardJourneyTests {
    /// With the trigger selected, `p` puts the block first: the steps that ran first now run after it.
    @Test func pastingOnTheTriggerPutsTheBlockFirst() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter, .end])  // Compose
        session.type("y")
        session.send([.home])  // the trigger
        #expect(session.state.document?.selected == nil)
        session.type("p")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        #expect(Array(saved.definition.actions.keys) == ["Compose_2", "Post_message", "Compose"])
        #expect(saved.definition.actions["Compose_2"]?.runAfter == [:])
        #expect(saved.definition.actions["Post_message"]?.runAfter == ["Compose_2": [.succeeded]])
    }
}

extension TryCatchJourneyTests {
    /// A step inside a container is wrapped in its own branch: the three scopes stay inside the container.
    @Test func aNestedStepIsWrappedInItsBranch() throws {
        let (session, services) = makeSession(flows: [scopedFlow()])
        session.send([.down, .down, .enter, .enter, .down, .down, .down])  // Notify › Send
        #expect(session.state.document?.selected == "Send")
        session.type("w")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["scoped"])
        let inside = try #require(saved.definition.actions["Notify"]?.actions)
        #expect(Array(inside.keys) == ["Build_text", "Try", "Catch", "Finally"])
        #expect(inside["Try"]?.runAfter == ["Build_text": [.succeeded]])
        #expect(inside["Try"]?.actions?["Send"]?.runAfter == [:])
        #expect(saved.definition.actions["Log"]?.runAfter == ["Notify": [.succeeded]])
        #expect(FlowChecker.check(saved).filter { $0.severity == .error }.isEmpty, "\(FlowChecker.check(saved))")
    }
}

extension ClipboardJourneyTests {
    /// Right-click on a card selects it and opens its menu; "Duplicate" there does what `P` does.
    @Test func theRightClickMenuDuplicatesACard() throws {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])
        let row = try #require(session.screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("│ Compose") })
        session.send([.mouse(MouseEvent(x: 10, y: row, button: .right))])
        #expect(session.state.document?.selected == "Compose")
        #expect(session.screen.contains("Duplicate"), "\(session.screen)")
        session.send([.right, .right, .right, .enter])  // Copy › Cut › Paste › Duplicate
        #expect(session.state.document?.selected == "Compose_2", "\(session.screen)")
        #expect(session.state.document?.flow.definition.actions["Compose_2"]?.runAfter == ["Compose": [.succeeded]])
    }
}
