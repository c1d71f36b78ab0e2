import Designer
import FlowExpressions
import FlowModel
import Testing
import TerminalUI

@MainActor @Suite struct EditFlowTests {
    /// Opens the sample flow from the Flows list.
    private func openSample() -> (DesignerSession, InMemoryDesignerServices) {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])
        return (session, services)
    }

    @Test func renamingAStepRewritesReferences() throws {
        let (session, _) = openSample()
        session.send([.down, .character("r"), .ctrl("u")])
        session.type("Notify team")
        session.send([.enter])
        let flow = try #require(session.state.document?.flow)
        #expect(flow.definition.actions["Notify_team"] != nil)
        #expect(flow.definition.actions["Compose"]?.runAfter["Notify_team"] == [.succeeded])
        #expect(flow.definition.actions["Compose"]?.inputs == "@{body('Notify_team')?['statusCode']}")
    }

    @Test func deletingAReferencedStepWarnsAndUndoRestores() throws {
        let (session, _) = openSample()
        session.send([.down, .character("d")])
        #expect(session.screen.contains("Compose refer(s) to Post_message"))
        session.send([.character("d")])
        #expect(session.state.document?.flow.definition.actions["Post_message"] == nil)
        #expect(session.state.document?.flow.definition.actions["Compose"]?.runAfter.isEmpty == true)
        session.send([.character("u")])
        #expect(session.state.document?.flow.definition.actions.keys.elements == ["Post_message", "Compose"])
    }

    @Test func movingAStepKeepsTheChain() throws {
        let (session, _) = openSample()
        session.send([.down, .down, .character("K")])
        let actions = try #require(session.state.document?.flow.definition.actions)
        #expect(actions.keys.elements == ["Compose", "Post_message"])
        #expect(actions["Compose"]?.runAfter.isEmpty == true)
        #expect(actions["Post_message"]?.runAfter == ["Compose": [.succeeded]])
    }

    @Test func escWithUnsavedChangesAsksAndCancelKeepsEditing() {
        let (session, services) = openSample()
        session.send([.down, .character("J"), .escape])
        #expect(session.screen.contains("Unsaved changes"))
        session.send([.escape])
        #expect(session.state.document != nil)
        session.send([.character("q"), .character("s")])
        #expect(session.state.document == nil)
        #expect(services.flows["teams-alert"]?.version == 2)
    }

    @Test func conflictOffersReloadOrCopyAndNeverOverwrites() throws {
        let (session, services) = openSample()
        services.flows["teams-alert"]?.version = 5
        session.send([.down, .character("J"), .ctrl("s")])
        #expect(session.screen.contains("Save refused"))
        #expect(services.flows["teams-alert"]?.version == 5)
        session.send([.character("s")])
        #expect(services.flows.count == 2)
        let copy = try #require(services.flows.values.first { $0.id != "teams-alert" })
        #expect(copy.displayName == "Teams alert (copy)")
        #expect(copy.definition.actions.keys.first == "Compose")
    }

    @Test func aFlowWithErrorsIsSavedOffAndIssuesJumpToTheStep() throws {
        var flow = sampleFlow()
        flow.state = .on
        flow.definition.actions["Post_message"]?.inputs = ["connection": "teams"]
        let (session, services) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter, .down, .character("K"), .ctrl("s")])
        #expect(session.screen.contains("Save Off?"))
        session.send([.character("s")])
        #expect(services.flows["teams-alert"]?.state == .off)
        #expect(session.state.breadcrumb.last == "Issues")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Post_message")
        #expect(session.screen.contains("› Message *"))
    }

    @Test func canvasOf300StepsScrollsToTheSelection() {
        var flow = sampleFlow()
        for index in 0..<300 {
            var step = Step(name: "Step_\(index)", type: .compose, inputs: .string("value \(index)"))
            step.runAfter = index == 0 ? ["Compose": [.succeeded]] : ["Step_\(index - 1)": [.succeeded]]
            flow.definition.actions["Step_\(index)"] = step
        }
        let (session, _) = makeSession(flows: [flow], size: Size(width: 120, height: 40))
        session.send([.down, .down, .enter, .enter, .end])
        #expect(session.screen.contains("Step_299"))
        #expect(!session.screen.contains("Step_0\n"))
        expectScreen(session, "canvas-300-steps-end-120x40")
    }
}

@MainActor @Suite struct ConflictReloadTests {
    @Test func reloadDropsTheEditsAndOpensTheStoredVersion() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])
        services.flows["teams-alert"]?.version = 7
        services.flows["teams-alert"]?.displayName = "Changed elsewhere"
        session.send([.down, .character("J"), .ctrl("s"), .character("r")])
        #expect(session.state.document?.flow.displayName == "Changed elsewhere")
        #expect(session.state.document?.savedVersion == 7)
        #expect(session.state.document?.isDirty == false)
        #expect(session.state.breadcrumb == ["InsightFlow", "Flows", "Canvas"])
    }

    @Test func lastRunShowsStatusAndTime() {
        let (session, services) = makeSession(flows: [sampleFlow()])
        services.runs["teams-alert"] = RunSummary(status: "Failed", time: "09:12")
        session.dispatch(.start)
        session.send([.down, .down, .enter])
        #expect(session.screen.contains("Failed 09:12"))
    }
}
