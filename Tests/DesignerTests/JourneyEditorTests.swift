import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Testing
import TerminalUI

/// Journeys through the editor: the live checker, saving an On flow with errors, forms that leave the flow alone
/// unless changed, the connection picker by kind, and the test form.
@MainActor @Suite struct JourneyEditorTests {
    /// Flows > first flow on the canvas.
    private func openCanvas(_ flow: Flow) -> (DesignerSession, InMemoryDesignerServices) {
        let (session, services) = makeSession(flows: [flow])
        session.openFlowsList()
        session.send([.enter])
        return (session, services)
    }

    /// D4: an error made in a form shows on the canvas at once ("!" and the count); fixing it clears both.
    @Test func checkerRunsOnTheDraft() {
        let (session, _) = openCanvas(sampleFlow())
        #expect(!session.screen.contains("! 1 error"))
        session.send([.down, .enter, .tab, .tab, .tab, .ctrl("u"), .enter])
        #expect(session.state.breadcrumb.last == "Canvas")
        #expect(session.screen.contains("! 1 error"))
        #expect(session.state.document?.issues.contains { $0.severity == .error && $0.step == "Post_message" } == true)
        session.send([.character("u")])
        #expect(!session.screen.contains("! 1 error"))
        #expect(session.state.document?.issues.contains { $0.severity == .error } == false)
    }

    /// D5: saving an On flow that has errors asks first; "Keep editing" saves nothing, "Save Off" saves it Off.
    @Test func savingAnOnFlowWithErrorsAsks() {
        var flow = sampleFlow()
        flow.state = .on
        let (session, services) = openCanvas(flow)
        session.send([.down, .enter, .tab, .tab, .tab, .ctrl("u"), .enter, .ctrl("s")])
        #expect(session.screen.contains("Save Off?"))
        session.send([.enter])
        #expect(services.flows["teams-alert"]?.version == 1)
        #expect(services.flows["teams-alert"]?.state == .on)
        session.send([.ctrl("s"), .character("s")])
        #expect(services.flows["teams-alert"]?.version == 2)
        #expect(services.flows["teams-alert"]?.state == .off)
    }

    /// D13: Esc in a step form that was not changed leaves the flow untouched (no defaults such as isHtml written);
    /// Ctrl-X cancels changes.
    @Test func unchangedFormLeavesTheFlowUnchanged() {
        let (session, _) = openCanvas(JourneyFixture.emailFlow())
        session.send([.down, .enter, .escape])
        #expect(session.state.document?.isDirty == false)
        session.send([.enter, .enter])
        #expect(session.state.document?.isDirty == false)
        #expect(session.state.document?.flow.definition.actions["Send_email"]?.inputs?["isHtml"] == nil)
        session.send([.enter, .tab, .tab])
        session.type("x")
        session.send([.ctrl("x")])
        #expect(session.state.document?.isDirty == false)
        #expect(!session.statusBar.contains("unsaved"))
    }

    /// D13: Enter in an unchanged trigger form writes no defaults (the trigger had no data source parameter).
    @Test func unchangedTriggerFormWritesNoDefaults() {
        var flow = sampleFlow()
        if let name = flow.definition.triggers.keys.first { flow.definition.triggers[name] = Trigger(kind: .dataSourceRefreshFailed, parameters: [:]) }
        let (session, _) = openCanvas(flow)
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Trigger")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Canvas")
        #expect(session.state.document?.isDirty == false)
        session.send([.enter, .right, .enter])
        #expect(session.state.document?.isDirty == true)
    }

    /// D12: a form that refuses to apply moves the focus to the bad field.
    @Test func refusedFormFocusesTheBadField() {
        let (session, _) = openCanvas(JourneyFixture.emailFlow())
        session.send([.down, .enter])
        for _ in 0..<40 where !session.screen.contains("› Timeout") { session.send([.tab]) }
        session.type("soon")
        session.send(Array(repeating: .backTab, count: 40))
        #expect(session.screen.contains("› Step name"))
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Send_email")
        #expect(session.screen.contains("› Timeout"))
        #expect(session.screen.contains("not an ISO 8601 duration"))
    }

    /// D12: a run-after the form cannot apply: the focus goes there and the reason is shown beside the field.
    @Test func refusedRunAfterShowsTheReasonBesideTheField() {
        let (session, _) = openCanvas(JourneyFixture.emailFlow())
        session.send([.down, .enter])
        for _ in 0..<30 where !session.screen.contains("› Run after") { session.send([.tab]) }
        session.type("Nowhere: Exploded")
        session.send(Array(repeating: .backTab, count: 20))
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Send_email")
        let lines = session.screen.split(separator: "\n").map(String.init)
        let label = lines.firstIndex { $0.contains("› Run after") }
        #expect(label != nil)
        if let label { #expect(lines[label + 2].contains("! Run after: 'Exploded' is not a status")) }
    }

    /// D15: at 80×24 the Issues screen shows a nested step's long name without a dangling dot, and the whole message
    /// and JSON path wrapped below the list (nothing cut at the edge).
    @Test func issuesShowLongNamesAndPathsWhole() {
        var flow = sampleFlow()
        var inner = Step(name: "Growth_summary_for_the_quarter_by_region", type: .compose, inputs: "@concat('a', ")
        inner.runAfter = [:]
        var scope = Step(name: "Quarterly_reporting_scope", type: .scope)
        scope.runAfter = ["Compose": [.succeeded]]
        scope.actions = ["Growth_summary_for_the_quarter_by_region": inner]
        flow.definition.actions["Quarterly_reporting_scope"] = scope
        let (session, _) = openCanvas(flow)
        session.send([.character("i")])
        #expect(session.state.breadcrumb.last == "Issues")
        let screen = session.screen
        #expect(screen.contains("error  Growth_summary_for_the_quarter_by_region  "), "no trailing dot after the step name")
        #expect(screen.contains("column 14"), "the whole message is shown")
        let joined = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.contains("$.definition.actions.Quarterly_reporting_scope.actions.Growth_summary_for_the_quarter_by_region.inputs"),
                "the whole path, wrapped")
    }

    /// D6: the connection picker offers only connections of the step's kind (the smtp `mail` is not offered to Teams).
    @Test func connectionPickerOffersOnlyTheStepsKind() {
        let (session, _) = openCanvas(sampleFlow())
        session.send([.down, .enter, .tab])
        #expect(session.screen.contains("< teams > (1/2)"), "teams and \"new connection…\": the smtp mail is not offered")
        session.send([.left, .left, .enter])
        #expect(session.state.document?.flow.definition.actions["Post_message"]?.inputs?["connection"]?.stringValue == "teams")
    }

    /// D14: the test form starts from the flow's own trigger (its segment, a crossing of its threshold 40), with
    /// Dry run on; Ctrl-P fills the form from the previous run for review and runs nothing.
    @Test func testFormStartsFromTheFlowsParameters() throws {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link, flows: [JourneyFixture.emailFlow()])
        session.openFlowsList()
        session.send([.enter, .character("t")])
        #expect(session.state.breadcrumb.last == "Test")
        let screen = session.screen
        #expect(screen.contains("High value customers"))
        session.send([.ctrl("r")])
        guard case .test(_, let body, let dryRun) = try #require(link.sent.first) else {
            Issue.record("expected a test command, got \(link.sent)")
            return
        }
        #expect(dryRun)
        #expect(body["threshold"]?.doubleValue == 40)
        #expect(body["previousCount"]?.intValue == 40)
        #expect(body["currentCount"]?.intValue == 41)
        #expect(body["segmentName"]?.stringValue == "High value customers")
    }

    /// D14: Ctrl-P fills the form with the previous run's event and waits for Ctrl-R.
    @Test func previousEventFillsTheFormForReview() throws {
        let link = FixtureRunnerLink()
        link.runRecords.insert(LiveFixture.run("run-prev-0001", flow: "email-over-40", name: "Email owners over 40", event: nil, status: .succeeded,
                                               start: 70, took: 0.2, error: nil), at: 0)
        let session = makeLiveSession(link: link, flows: [JourneyFixture.emailFlow()])
        session.openFlowsList()
        session.send([.enter, .character("t"), .ctrl("p")])
        #expect(link.sent.isEmpty)
        #expect(session.state.breadcrumb.last == "Test")
        #expect(session.screen.contains("review, then Ctrl-R"))
    }
}
