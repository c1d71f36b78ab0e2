import Designer
import FlowExpressions
import FlowModel
import Testing
import TerminalUI

/// Run-after statuses are ticked, not typed; secure inputs/outputs are a setting of the step form.
@MainActor
@Suite struct RunAfterFormTests {
    private func catchFlow() -> Flow {
        var flow = Flow(id: "catch", displayName: "Catch", trigger: Trigger(kind: .manual))
        flow.definition.actions["Prepare"] = Step(name: "Prepare", type: .compose, inputs: "start")
        flow.definition.actions["Notify"] = Step(name: "Notify", type: .compose, inputs: "caught", runAfter: ["Prepare": [.failed]])
        return flow
    }

    @Test func statusesAreTickedAndSecureDataIsASetting() throws {
        let (session, _) = makeSession(flows: [catchFlow()])
        session.openFlowsList()
        session.send([.enter, .down, .down, .enter])
        #expect(session.state.breadcrumb.last == "Notify")
        for _ in 0..<40 where !session.screen.contains("› After Prepare") { session.send([.tab]) }
        #expect(session.screen.contains("[ ] Succeeded") || session.screen.contains("☐ Succeeded"), "the current statuses are shown as boxes")
        session.send([.character(" ")])  // Succeeded on
        session.send([.tab, .character(" ")])  // Failed off
        session.send([.tab, .tab, .character(" ")])  // TimedOut on
        session.send([.tab, .character(" ")])  // Secure inputs on
        session.send([.escape])
        let notify = try #require(session.state.document?.flow.definition.actions["Notify"])
        #expect(notify.runAfter == ["Prepare": [.succeeded, .timedOut]])
        #expect(notify.runtimeConfiguration?.value(atPath: "secureData.properties") == ["inputs"])
    }

    @Test func untickingEveryStatusIsRefusedAtTheBox() {
        let (session, _) = makeSession(flows: [catchFlow()])
        session.openFlowsList()
        session.send([.enter, .down, .down, .enter])
        for _ in 0..<40 where !session.screen.contains("› After Prepare") { session.send([.tab]) }
        session.send([.tab, .character(" ")])  // Failed off: nothing ticked
        session.send([.ctrl("s")])
        #expect(session.state.breadcrumb.last == "Notify", "the form stays open")
        #expect(session.screen.contains("tick at least one status"))
        #expect(session.state.document?.flow.definition.actions["Notify"]?.runAfter == ["Prepare": [.failed]])
    }
}

/// `b` on the canvas adds a parallel branch: a step after the same steps as the selected one, beside it.
@MainActor
@Suite struct ParallelBranchTests {
    @Test func bAddsAStepBesideTheSelectedOne() throws {
        var flow = Flow(id: "branches", displayName: "Branches", trigger: Trigger(kind: .manual))
        flow.definition.actions["Prepare"] = Step(name: "Prepare", type: .compose, inputs: "start")
        flow.definition.actions["Notify"] = Step(name: "Notify", type: .compose, inputs: "one", runAfter: ["Prepare": [.succeeded]])
        let (session, _) = makeSession(flows: [flow])
        session.openFlowsList()
        session.send([.enter, .down, .down])
        session.type("b")
        #expect(session.screen.contains("in parallel with Notify"))
        session.type("Compose")
        session.send([.enter])
        session.send([.escape])
        let actions = try #require(session.state.document?.flow.definition.actions)
        let added = try #require(actions.values.first { $0.name != "Prepare" && $0.name != "Notify" })
        #expect(added.runAfter == ["Prepare": [.succeeded]], "the new step runs after Notify's predecessor, beside Notify")
        #expect(actions["Notify"]?.runAfter == ["Prepare": [.succeeded]], "Notify is unchanged")
        #expect(session.screen.contains("parallel branch"))
    }
}
