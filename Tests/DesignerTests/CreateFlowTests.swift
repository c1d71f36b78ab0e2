import Designer
import FlowExpressions
import FlowModel
import Testing
import TerminalUI

@MainActor @Suite struct CreateFlowTests {
    /// Reference example 1: post a Teams message when a data source refresh fails.
    @Test func teamsMessageWhenARefreshFails() throws {
        let (session, services) = makeSession()
        session.openConnectorPage()
        session.send([.enter])
        expectScreen(session, "new-flow-trigger-form")
        session.send([.enter, .character("a")])
        session.type("teams")
        expectScreen(session, "step-picker-filtered")
        session.send([.enter, .tab, .tab, .tab])
        session.type("Refresh failed: ")
        session.send([.ctrl("d")])
        session.type("source name")
        session.send([.enter])
        expectScreen(session, "teams-step-form")
        session.send([.enter])
        expectScreen(session, "canvas-new-teams-flow")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows.values.first)
        let step = try #require(saved.definition.actions.values.first)
        #expect(step.type == .teamsPostMessage)
        #expect(step.inputs?["text"] == "Refresh failed: @{triggerBody()?['dataSourceName']}")
        #expect(step.inputs?["connection"] == "teams")
        #expect(saved.trigger?.kind == .dataSourceRefreshFailed)
        #expect(session.state.document?.isDirty == false)
    }

    /// Reference example 2: email the data owners when a segment crosses a threshold.
    @Test func emailWhenASegmentCrossesAThreshold() throws {
        let (session, services) = makeSession()
        session.openConnectorPage()
        session.send([.down, .down, .enter, .tab, .right, .tab])
        session.type("1O0")
        #expect(session.screen.contains("must be a number"))
        session.send([.enter])
        #expect(session.state.document == nil)
        session.send([.backspace, .backspace])
        session.type("00")
        session.send([.enter, .character("a")])
        session.type("email")
        session.send([.enter, .tab, .tab])
        session.type("data-owners@contoso.com")
        session.send([.tab, .tab, .tab])
        session.type("Segment crossed")
        session.send([.tab])
        session.type("Now @{triggerBody()?['currentCount']} members")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows.values.first)
        #expect(saved.trigger?.parameter("segment") == "Lapsed customers")
        #expect(saved.trigger?.parameter("threshold") == .int(100))
        let email = try #require(saved.definition.actions["Send_an_email"])
        #expect(email.inputs?["to"] == "data-owners@contoso.com")
        #expect(email.inputs?["connection"] == "mail")
        #expect(FlowChecker.check(saved).filter { $0.severity == .error }.isEmpty)
    }

    @Test func expressionErrorsShowLiveUnderTheField() {
        let (session, _) = makeSession()
        session.openConnectorPage()
        session.send([.enter, .enter, .character("a")])
        session.type("compose")
        session.send([.enter, .tab])
        session.type("@concat('a',")
        #expect(session.screen.contains("! expression:"))
        session.send([.backspace])
        session.type(")")
        #expect(!session.screen.contains("! expression:"))
    }

    @Test func stepsAreAddedInsideAConditionBranch() throws {
        let (session, _) = makeSession()
        session.openConnectorPage()
        session.send([.enter, .enter, .character("a")])
        session.type("condition")
        session.send([.enter, .escape, .character("a")])
        #expect(session.screen.contains("If yes"))
        session.send([.character("i")])
        session.type("delay")
        session.send([.enter, .escape])
        let condition = try #require(session.state.document?.flow.definition.actions["Condition"])
        #expect(condition.actions?["Delay"] != nil)
        expectScreen(session, "canvas-condition-branches")
    }

    /// A step added after another and then filled in runs after it: applying the form keeps the runAfter the
    /// insertion gave it (it used to be emptied, silently turning every added step into a parallel branch).
    @Test func aStepAddedAfterAnotherStaysInSequenceWhenItsFormIsApplied() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.down])  // the first step, Post_message
        session.send([.character("a")])
        #expect(session.screen.contains("after Post_message"))
        session.type("compose")
        session.send([.enter])
        #expect(session.screen.contains("Post_message"), "the Run after field names the step it was added after:\n\(session.screen)")
        session.send([.tab])
        session.type("added")
        session.send([.enter])
        #expect(!session.screen.contains("parallel branch"), "\(session.screen)")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let added = try #require(saved.definition.actions.values.first { $0.inputs == "added" })
        #expect(added.runAfter.keys.elementsEqual(["Post_message"]))
        #expect(saved.definition.actions["Compose"]?.runAfter.keys.elementsEqual([added.name]) == true)
    }
}
