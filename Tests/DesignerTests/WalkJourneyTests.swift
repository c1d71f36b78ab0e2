import Designer
import FlowModel
import Foundation
import Testing
import TerminalUI

/// Journeys found by walking the app in tmux as a new user: each test types what the person typed.
@MainActor @Suite struct WalkJourneyTests {
    /// A "Do until" loop's Timeout typed in its form is saved: the form used to show a second Timeout (the
    /// step's own setting, the same `limit.timeout`) whose unchanged value overwrote the one typed.
    @Test func aDoUntilTimeoutTypedInItsFormIsSaved() throws {
        let (session, services) = makeSession(flows: [sampleFlow()], size: Size(width: 100, height: 80))
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end])  // the last step, Compose
        session.send([.character("a")])
        session.type("until")
        session.send([.enter, .tab])
        session.type("@equals(1, 1)")
        session.send([.tab, .tab, .ctrl("u")])  // the loop's Timeout (PT1H)
        session.type("PT2H")
        session.send([.enter])
        #expect(session.screen.contains("Canvas"), "\(session.screen)")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let loop = try #require(saved.definition.actions.values.first { $0.type == .until })
        #expect(loop.limit?.timeout == "PT2H")
        #expect(loop.limit?.count == 60)
        // The form shows one Timeout, the loop's.
        session.send([.character("e")])
        #expect(session.screen.components(separatedBy: "Timeout").count - 1 == 1, "\(session.screen)")
    }
}

/// Journeys through a test run's detail, over the live fixtures.
@MainActor @Suite struct WalkRunDetailJourneyTests {
    /// `o` in the detail of a run shown over the flow's own canvas goes back to that canvas at the failing step;
    /// it used to stack a second canvas, and leaving it left the first one blank (no document) under the run.
    @Test func openFlowFromATestRunGoesBackToTheOpenCanvas() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link, flows: [sampleFlow(id: "teams-refresh-failed", name: "Teams alert")])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        #expect(session.state.breadcrumb.last == "Canvas")
        link.pending = [.openRun(LiveFixture.failedRunId)]  // the test run finished: its detail opens
        session.dispatch(.tick)
        session.dispatch(.tick)
        #expect(session.state.breadcrumb.last?.hasPrefix("Run ") == true, "\(session.screen)")
        session.type("o")
        #expect(session.state.breadcrumb.filter { $0 == "Canvas" }.count == 1, "\(session.state.breadcrumb)")
        #expect(session.state.breadcrumb.last == "Canvas")
        #expect(session.state.document?.selected == "Post_message")
        session.send([.escape])
        #expect(session.state.breadcrumb.last == "Flows", "\(session.state.breadcrumb)\n\(session.screen)")
        #expect(session.screen.contains("Teams alert"))
    }
}

extension WalkJourneyTests {
    /// Renaming a step in its form to the name of another step is refused and the form stays open at the name
    /// (it used to close as if applied, dropping the typed name); a free name then applies.
    @Test func aStepFormRenamedToATakenNameStaysOpen() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("e")])  // the Compose step's form
        session.send([.ctrl("u")])
        session.type("Post_message")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Compose", "\(session.state.breadcrumb)")
        #expect(session.screen.contains("A step named Post_message already exists"), "\(session.screen)")
        session.send([.ctrl("u")])
        session.type("Summary")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Canvas")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        #expect(saved.definition.actions["Summary"]?.type == .compose)
        #expect(saved.definition.actions["Post_message"]?.type == .teamsPostMessage)
    }
}

extension WalkJourneyTests {
    /// A Switch gets cases from the canvas: a on the Switch offers "New case", asks its value, and the first step
    /// picked goes in that case (there used to be no way to add a case: only the Default branch was offered).
    @Test func aSwitchGetsACaseFromTheCanvas() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("a")])
        session.type("switch")
        session.send([.enter, .tab])
        session.type("@triggerBody()?['rowsRead']")
        session.send([.enter, .character("a")])
        #expect(session.screen.contains("New case"), "\(session.screen)")
        session.send([.right, .right, .enter])  // After it · Default · New case
        #expect(session.screen.contains("Value of the new case"), "\(session.screen)")
        session.type("3")
        session.send([.enter])
        #expect(session.screen.contains("first in Switch (Case 3)"), "\(session.screen)")
        session.type("compose")
        session.send([.enter, .tab])
        session.type("three rows")
        session.send([.enter])
        // The same value again is refused.
        session.send([.character("k"), .character("a")])
        #expect(session.screen.contains("[ Case 3 ]"), "\(session.screen)")
        session.send([.right, .right, .right, .enter])  // After it · Case 3 · Default · New case
        session.type("3")
        session.send([.enter])
        #expect(session.screen.contains("Switch already has a case 3"), "\(session.screen)")
        #expect(session.state.breadcrumb.last == "Canvas")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let switchStep = try #require(saved.definition.actions["Switch"])
        let newCase = try #require(switchStep.cases?["3"])
        #expect(newCase.value == .int(3))
        #expect(newCase.actions.values.first?.inputs == "three rows")
        #expect(switchStep.cases?.count == 1)
    }
}

extension WalkJourneyTests {
    /// A step inside an Apply to each offers the loop's current item in dynamic content (it offered only the
    /// trigger and earlier steps, so the item had to be typed as an expression by hand).
    @Test func aStepInsideApplyToEachInsertsTheCurrentItem() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("a")])
        session.type("apply to each")
        session.send([.enter, .tab])
        session.type("@createArray('a', 'b')")
        session.send([.enter, .character("a"), .right, .enter])  // inside the loop
        session.type("compose")
        session.send([.enter, .tab, .ctrl("d")])
        session.type("current")
        #expect(session.screen.contains("@{items('Apply_to_each')}"), "\(session.screen)")
        session.send([.enter, .enter])
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let inner = try #require(saved.definition.actions["Apply_to_each"]?.actions?.values.first)
        #expect(inner.inputs == "@{items('Apply_to_each')}")
        #expect(!(session.state.document?.issues.contains { $0.step == inner.name && $0.severity == .error } ?? true))
    }
}

extension WalkJourneyTests {
    /// Dynamic content in the "If no" branch does not offer the outputs of a step in the "If yes" branch (it
    /// offered every step above in the file, and inserting one gave a checker error: it never runs first).
    @Test func dynamicContentOffersOnlyStepsThatRunBefore() throws {
        var flow = sampleFlow()
        var condition = Step(name: "Condition", type: .condition)
        condition.expression = "@equals(1, 1)"
        condition.runAfter = ["Compose": [.succeeded]]
        condition.actions = ["Yes_message": Step(name: "Yes_message", type: .teamsPostMessage, inputs: ["connection": "teams", "text": "yes"])]
        condition.elseActions = ["No_summary": Step(name: "No_summary", type: .compose, inputs: "no")]
        flow.definition.actions["Condition"] = condition
        let (session, _) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("e")])  // No_summary, in the If no branch
        #expect(session.state.breadcrumb.last == "No_summary", "\(session.state.breadcrumb)")
        session.send([.tab, .ctrl("d")])
        #expect(session.screen.contains("Post_message"), "\(session.screen)")
        #expect(!session.screen.contains("Yes_message"), "\(session.screen)")
    }
}

extension WalkJourneyTests {
    /// With only outbox connections (the sample home's), a new Teams step is saved with the connection its form
    /// shows chosen; it used to show the first outbox connection but save none ("Connection is required").
    @Test func aNewStepKeepsTheOutboxConnectionItsFormShows() throws {
        let services = InMemoryDesignerServices(flows: [sampleFlow()], connections: ["Email": "outbox", "Teams": "outbox"])
        let session = DesignerSession(services: services, size: Size(width: 80, height: 24), theme: .plain)
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("a")])
        session.type("teams")
        session.send([.enter])
        #expect(session.screen.contains("< Email >"), "\(session.screen)")
        session.send([.tab, .tab, .tab])
        session.type("hello")
        session.send([.enter, .ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let added = try #require(saved.definition.actions.values.first { $0.inputs?["text"] == "hello" })
        #expect(added.inputs?["connection"] == "Email")
        #expect(!(session.state.document?.issues.contains { $0.step == added.name && $0.severity == .error } ?? true))
    }
}

extension WalkJourneyTests {
    /// K on a parallel branch reorders the two branches and keeps them parallel; it used to chain them, so
    /// the other branch waited for the moved step (and was skipped when it failed).
    @Test func movingAParallelBranchUpKeepsItParallel() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.down, .character("b")])  // beside Post_message
        session.type("compose")
        session.send([.enter, .tab])
        session.type("beside")
        session.send([.enter])
        #expect(session.screen.contains("parallel branch"), "\(session.screen)")
        session.send([.character("K")])
        #expect(session.screen.contains("parallel branch"), "\(session.screen)")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let beside = try #require(saved.definition.actions.values.first { $0.inputs == "beside" })
        #expect(saved.definition.actions.keys.first == beside.name)
        #expect(beside.runAfter.isEmpty)
        #expect(saved.definition.actions["Post_message"]?.runAfter.isEmpty == true)
        #expect(saved.definition.actions["Compose"]?.runAfter.keys.elementsEqual(["Post_message"]) == true)
    }
}

extension WalkJourneyTests {
    /// Deleting a container asks first when a later step uses the output of a step inside it (it deleted at
    /// once, breaking the reference), and does not ask for references among the deleted steps themselves.
    @Test func deletingAContainerAsksWhenAStepInsideItIsReferenced() throws {
        var flow = sampleFlow()
        var scope = Step(name: "Scope", type: .scope)
        scope.runAfter = ["Compose": [.succeeded]]
        var inner = Step(name: "Inner", type: .compose, inputs: "x")
        inner.runAfter = [:]
        var innerUser = Step(name: "Inner_user", type: .compose, inputs: "@{outputs('Inner')}")
        innerUser.runAfter = ["Inner": [.succeeded]]
        scope.actions = ["Inner": inner, "Inner_user": innerUser]
        flow.definition.actions["Scope"] = scope
        var after = Step(name: "After", type: .compose, inputs: "@{outputs('Inner')}")
        after.runAfter = ["Scope": [.succeeded]]
        flow.definition.actions["After"] = after
        let (session, _) = makeSession(flows: [flow], size: Size(width: 100, height: 60))
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.down, .down, .down])  // Post_message · Compose · Scope
        #expect(session.state.document?.selected == "Scope")
        session.send([.character("d")])
        #expect(session.screen.contains("After refer(s) to Scope or the steps inside it"), "\(session.screen)")
        #expect(!session.screen.contains("Inner_user refer"), "\(session.screen)")
        session.send([.enter])  // Cancel is the default
        #expect(session.state.document?.flow.definition.actions["Scope"] != nil)
    }
}

extension WalkJourneyTests {
    /// Undoing every change leaves nothing unsaved: Esc leaves without asking (it asked to save a flow that was
    /// exactly as saved, and the status bar said "unsaved").
    @Test func undoingBackToTheSavedFlowLeavesNothingToSave() {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("d")])
        #expect(session.screen.contains("unsaved"))
        session.send([.character("u")])
        #expect(!session.screen.contains("unsaved"), "\(session.screen)")
        session.send([.escape])
        #expect(session.state.modal == nil)
        #expect(session.state.breadcrumb.last == "Flows", "\(session.state.breadcrumb)")
    }
}

extension WalkJourneyTests {
    /// At 80×24 the Home and Admin menus show their descriptions whole, and Admin's line up in one column (they
    /// were cut mid-word, and "Export destinations" pushed its description one column right).
    @Test func homeAndAdminDescriptionsFitAt80Columns() {
        let (session, _) = makeSession()
        #expect(session.screen.contains("(read-only, live)"), "\(session.screen)")
        #expect(session.screen.contains("export, import\n"), "\(session.screen)")
        session.send([.down, .enter])
        let lines = session.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let starts = ["Status, Refresh now", "Power Automate and", "Named connections"].compactMap { detail -> Int? in
            guard let line = lines.first(where: { $0.contains(detail) }), let range = line.range(of: detail) else { return nil }
            return line.distance(from: line.startIndex, to: range.lowerBound)
        }
        #expect(starts.count == 3 && Set(starts).count == 1, "\(starts)\n\(session.screen)")
        #expect(session.screen.contains("demo feed, files"), "\(session.screen)")
        #expect(session.screen.contains("email and HTTP steps"), "\(session.screen)")
    }
}

extension WalkRunDetailJourneyTests {
    /// Enter on an event row of the Monitor says what Enter opens (it did nothing, silently).
    @Test func enterOnAMonitorEventRowSaysItOpensRuns() {
        let session = makeLiveSession(link: FixtureRunnerLink(), size: Size(width: 120, height: 40))
        session.send([.down, .down, .down, .enter])  // Home › Monitor
        session.dispatch(.tick)
        session.send([.home, .enter])  // the newest row: an event
        #expect(session.state.breadcrumb.last == "Monitor")
        #expect(session.screen.contains("That row is an event"), "\(session.screen)")
    }
}

extension WalkJourneyTests {
    /// A step that names no connection (written by hand or the command line) shows the first one chosen in its
    /// form; applying the form saves that one (it saved none: "Connection is required" after the form showed one).
    @Test func applyingAStepFormSavesTheConnectionItShows() throws {
        var flow = sampleFlow()
        flow.definition.actions["Post_message"]?.inputs = ["text": "Refresh failed"]
        let (session, services) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.down, .character("e")])
        #expect(session.screen.contains("< teams >"), "\(session.screen)")
        session.send([.enter, .ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        #expect(saved.definition.actions["Post_message"]?.inputs?["connection"] == "teams")
    }
}

extension WalkJourneyTests {
    /// A trigger missing its segment (written by hand) shows the first segment in its form; Enter saves that
    /// segment (it saved nothing, and the flow kept its "segment is required" error).
    @Test func applyingTheTriggerFormSavesTheSegmentItShows() throws {
        var flow = Flow(id: "teams-alert", displayName: "Segment alert", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["threshold": 10]),
                        now: Date(timeIntervalSince1970: 1_790_000_000))
        flow.version = 1
        flow.definition.actions["Compose"] = Step(name: "Compose", type: .compose, inputs: "@{triggerBody()?['segmentName']}")
        let (session, services) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas (the trigger selected)
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Trigger", "\(session.state.breadcrumb)")
        let shown = try #require(session.screen.split(separator: "\n").first { $0.contains("< ") && $0.contains(" >") })
        session.send([.enter, .ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let segment = try #require(saved.trigger?.parameter("segment")?.stringValue)
        #expect(shown.contains("< \(segment) >"), "\(shown)")
        #expect(saved.trigger?.parameter("threshold") == .int(10))
    }
}

extension WalkJourneyTests {
    /// A Do until whose "Loop until" reads a step inside the loop (the usual pattern: repeat until the inner
    /// step's output says done) has no error, so the flow can be turned On; the checker said the inner step
    /// "does not run before this one", though the condition is evaluated after each iteration.
    @Test func aDoUntilConditionMayReadAStepInsideTheLoop() throws {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("a")])
        session.type("until")
        session.send([.enter, .tab])
        session.type("@equals(outputs('Check'), 'done')")
        session.send([.enter, .character("a"), .right, .enter])  // inside the loop
        session.type("compose")
        session.send([.enter])
        session.send([.ctrl("u")])
        session.type("Check")
        session.send([.tab])
        session.type("done")
        session.send([.enter])
        let flow = try #require(session.state.document?.flow)
        #expect(flow.definition.actions["Do_until"]?.actions?["Check"] != nil)
        let errors = (session.state.document?.issues ?? []).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { $0.message })")
        #expect(!session.screen.contains("error"), "\(session.screen)")
    }
}

extension WalkJourneyTests {
    /// Dynamic content in a Do until's form offers the steps inside the loop (its condition reads them after
    /// each iteration); it offered only the steps before the loop.
    @Test func aDoUntilConditionOffersTheStepsInsideTheLoop() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("a")])
        session.type("until")
        session.send([.enter, .enter, .character("a"), .right, .enter])  // the loop, then a step inside it
        session.type("compose")
        session.send([.enter, .ctrl("u")])
        session.type("Check")
        session.send([.tab])
        session.type("done")
        session.send([.enter, .character("k"), .character("e"), .tab, .ctrl("d")])  // the loop's form: Loop until
        #expect(session.state.breadcrumb.last == "Dynamic content", "\(session.state.breadcrumb)")
        session.type("check")
        session.send([.enter, .enter, .ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        #expect(saved.definition.actions["Do_until"]?.expression == "@{outputs('Check')}")
    }
}

extension WalkJourneyTests {
    /// A number typed into Concurrent runs ticks "limit runs of this flow" and is saved; it was dropped without a
    /// word when the box had not been ticked first.
    @Test func concurrentRunsTypedInTheTriggerFormAreSaved() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas (the trigger selected)
        session.send([.enter, .tab, .tab])  // Data source · Concurrency control · Concurrent runs
        session.type("2")
        #expect(session.screen.contains("[x] limit runs of this flow"), "\(session.screen)")
        session.send([.enter, .ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        #expect(saved.trigger?.concurrency?.runs == 2)
    }
}

extension WalkJourneyTests {
    /// A retry count typed while the policy is "default" is refused with a word at the policy (it was dropped
    /// without one); choosing "fixed" then saves it.
    @Test func aRetryCountNeedsARetryPolicy() throws {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("e"), .tab, .tab, .tab, .tab])  // Compose: name · inputs · run after · policy · count
        session.type("3")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Compose", "\(session.state.breadcrumb)")
        #expect(session.screen.contains("needs the fixed or exponential policy"), "\(session.screen)")
        session.send([.right, .right, .enter])  // default → none → fixed
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        #expect(saved.definition.actions["Compose"]?.retryPolicy?.kind == .fixed)
        #expect(saved.definition.actions["Compose"]?.retryPolicy?.count == 3)
    }
}

extension WalkJourneyTests {
    /// At 80 columns the canvas header of a flow with a long name still shows its error count and version (the
    /// name is shortened; the end of the line, with "! 1 error", was cut off).
    @Test func theCanvasHeaderKeepsTheErrorCountWithALongName() {
        var flow = sampleFlow(name: "Email the data owners when a segment crosses a threshold, every time")
        flow.definition.actions["Compose"]?.inputs = "@{body('Missing')}"
        let (session, _) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        let header = session.screen.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(header.contains("! 1 error"), "\(header)")
        #expect(header.hasSuffix("v1") || header.contains("·  v1"), "\(header)")
        #expect(header.contains("Email the data owners"), "\(header)")
    }
}

extension WalkJourneyTests {
    /// Ctrl-D in an Apply to each's Concurrency (a runtime setting that must be a number) does not offer dynamic
    /// content: inserted, it only gave "Concurrency must be a whole number".
    @Test func aLoopsConcurrencyTakesNoDynamicContent() {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("a")])
        session.type("apply to each")
        session.send([.enter, .tab, .tab])  // name · array · Concurrency
        #expect(!session.screen.contains("Ctrl-D dynamic content"), "\(session.screen)")
        session.send([.ctrl("d")])
        #expect(session.state.breadcrumb.last == "Apply_to_each", "\(session.state.breadcrumb)")
    }
}

extension WalkJourneyTests {
    /// Letters typed into a loop's Concurrency give one issue, not the same one twice; 0 still gives one.
    @Test func aBadLoopConcurrencyIsReportedOnce() {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end, .character("a")])
        session.type("apply to each")
        session.send([.enter, .tab])
        session.type("@createArray(1)")
        session.send([.tab])
        session.type("abc")
        session.send([.enter])
        let field = "runtimeConfiguration.concurrency.repetitions"
        #expect((session.state.document?.issues ?? []).filter { $0.field == field }.count == 1, "\((session.state.document?.issues ?? []).map { $0.message })")
        session.send([.character("e"), .tab, .tab, .ctrl("u")])
        session.type("0")
        session.send([.enter])
        #expect((session.state.document?.issues ?? []).filter { $0.field == field }.count == 1, "\((session.state.document?.issues ?? []).map { $0.message })")
    }
}
