import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Testing
import TerminalUI

/// Journeys through every list: moved with each list key to its last item and acted on there.
@MainActor @Suite struct JourneyListTests {
    /// D1: the Flows list cursor moves (End, j, k, g, G, PgDn, wheel) and the actions reach the selected flow.
    @Test func flowsListCursorMovesAndActsOnTheSelectedFlow() {
        let (session, services) = makeSession(flows: JourneyFixture.manyFlows(30))
        session.openFlowsList()
        session.send([.end, .character("r"), .ctrl("u")])
        session.type("Renamed last")
        session.send([.enter])
        #expect(services.flows["flow-30"]?.displayName == "Renamed last")
        #expect(services.flows["flow-01"]?.displayName == "Flow 01")
        session.send([.character("g"), .character("j"), .character("j"), .character("o")])
        #expect(services.flows["flow-03"]?.state == .on)
        #expect(services.flows["flow-01"]?.state == .off)
        session.send([.character("G"), .character("k"), .character("d"), .character("d")])
        #expect(services.flows["flow-29"] == nil)
        #expect(services.flows.count == 29)
        session.send([.home, .pageDown])
        #expect(session.screen.contains("›Flow 20"))
        #expect(!session.screen.contains("›Flow 01"))
        session.send([.home, .mouse(MouseEvent(x: 5, y: 5, button: .wheelDown)), .character("x"), .ctrl("u")])
        session.type("/tmp/flow-04.json")
        session.send([.enter])
        #expect(services.files["/tmp/flow-04.json"] != nil)
    }

    /// D1: the selection stays on its flow when the list re-sorts or reloads (anchored to the flow's id).
    @Test func flowsListSelectionFollowsTheFlowAcrossSorts() {
        let (session, services) = makeSession(flows: JourneyFixture.manyFlows(5))
        session.openFlowsList()
        session.send([.down, .character("S"), .character("o")])
        #expect(services.flows["flow-02"]?.state == .on)
        #expect(services.flows["flow-04"]?.state == .off)
    }

    /// D10 (menus): `/` narrows the home and Admin menus; letters typed there do not quit or go back.
    @Test func menusFindByTyping() {
        let (session, _) = makeSession()
        session.type("/q")
        #expect(!session.state.isQuitting)
        session.send([.backspace])
        session.type("conn")
        #expect(session.screen.contains("Find: conn"))
        session.send([.enter, .enter])
        #expect(session.state.breadcrumb.last == "Admin")
        session.type("/conn")
        session.send([.enter, .enter])
        #expect(session.state.breadcrumb.last == "Connections")
        session.send([.escape, .escape])
        #expect(session.state.breadcrumb.last == "Admin")
        session.send([.escape, .escape, .end, .enter])
        #expect(session.state.breadcrumb.last == "Monitor")
    }

    /// D10: `/` in the Monitor filters rows; letters typed there never run commands (h, s, c, f, t).
    @Test func monitorFindTypesLettersWithoutRunningCommands() {
        let session = makeLiveSession(link: FixtureRunnerLink())
        session.send([.down, .down, .down, .enter])
        session.dispatch(.tick)
        session.type("/hscft")
        #expect(session.state.breadcrumb.last == "Monitor")
        #expect(session.screen.contains("filter: none"))
        #expect(session.screen.contains("Find: hscft"))
        session.send([.ctrl("u")])
        session.type("crm")
        #expect(session.screen.contains("CRM contacts"))
        #expect(!session.screen.contains("Segment"))
        session.send([.escape])
        #expect(session.screen.contains("Segment"))
        #expect(session.state.breadcrumb.last == "Monitor")
    }

    /// D10: `/` in the Runs list narrows it and letters do not resubmit.
    @Test func runsFindNarrowsWithoutResubmitting() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link)
        session.send([.down, .down, .down, .enter])
        session.dispatch(.tick)
        session.type("h")
        session.dispatch(.tick)
        #expect(session.state.breadcrumb.last == "Runs")
        session.type("/er")
        #expect(link.sent.isEmpty)
        session.send([.enter, .end, .enter])
        #expect(session.state.breadcrumb.last?.hasPrefix("Run ") == true)
    }

    /// D8: the Monitor's selection stays on its run while new events arrive above it; Enter opens that run.
    @Test func monitorSelectionIsAnchoredToTheItem() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link)
        session.send([.down, .down, .down, .enter])
        session.dispatch(.tick)
        session.send([.down, .down, .down])
        for second in 50..<53 {
            link.events.insert(TriggerEvent(id: "new-\(second)", type: .unificationCompleted, fields: ["profilesOut": 99], origin: "test",
                                            receivedAt: LiveFixture.at(Double(second))), at: 0)
            session.dispatch(.tick)
        }
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Run run-fail")
    }

    /// D8: the Runs list keeps its run selected when newer runs arrive.
    @Test func runsSelectionIsAnchoredToTheRun() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link)
        session.send([.down, .down, .down, .enter])
        session.dispatch(.tick)
        session.type("h")
        session.dispatch(.tick)
        session.send([.down])
        link.runRecords.insert(LiveFixture.run("run-new-0009", flow: "email-segment", name: "Email the data owners", event: nil, status: .succeeded,
                                               start: 60, took: 0.1, error: nil), at: 0)
        session.dispatch(.tick)
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Run run-fail")
    }

    /// Every list moved to its last item and acted on: step picker, dynamic content, templates, issues.
    @Test func pickersReachTheirLastItem() throws {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.openFlowsList()
        session.send([.enter, .end, .character("a"), .end, .enter])
        let last = try #require(Catalog.steps.last)
        #expect(session.screen.contains(last.displayName))
        session.send([.ctrl("x")])
        #expect(session.state.breadcrumb.last == "Canvas")
        session.send([.character("u"), .home, .down, .enter, .tab, .tab, .tab, .ctrl("d"), .end, .enter])
        let options = DynamicContent.options(for: "Post_message", in: sampleFlow())
        let token = try #require(options.last?.token)
        #expect(session.screen.contains(String(token.prefix(20))))
        session.send([.ctrl("u"), .enter, .character("i")])
        #expect(session.state.breadcrumb.last == "Issues")
        session.send([.end, .enter])
        #expect(session.state.breadcrumb.last == "Post_message")
    }

    /// The template picker moves to its last template and opens its form.
    @Test func templatePickerReachesItsLastTemplate() throws {
        let (session, _) = makeSession()
        session.openConnectorPage()
        session.send([.character("t"), .end, .enter])
        #expect(session.state.breadcrumb.last == "Template")
        let last = try #require(FlowTemplates.all.last)
        #expect(session.screen.contains(last.questions.first?.prompt ?? "Flow name"))
    }

    /// The connector page: the trigger list moves to its last trigger; Tab to your flows; End there; m opens the
    /// Monitor for that flow.
    @Test func connectorPageListsMove() {
        let (session, _) = makeSession(flows: [sampleFlow(), sampleFlow(id: "second", name: "Second alert")])
        session.openConnectorPage()
        session.send([.end])
        #expect(session.screen.contains("› " + (Catalog.triggers.last?.displayName ?? "")))
        session.send([.home, .tab, .end, .character("m")])
        #expect(session.state.breadcrumb.last == "Monitor")
        #expect(session.screen.contains("filter: flow "))
    }

    /// D7: the dynamic-content filter matches names and expressions, never the group headings; Enter inserts the match.
    @Test func dynamicContentFilterIgnoresGroupHeadings() throws {
        let (session, _) = makeSession(flows: [JourneyFixture.emailFlow()])
        session.openFlowsList()
        session.send([.enter, .down, .enter])
        session.send(Array(repeating: .tab, count: 6))
        session.send([.ctrl("u"), .ctrl("d")])
        session.type("threshold")
        #expect(!session.screen.contains("Segment name"))
        session.send([.enter])
        #expect(session.screen.contains("@{triggerBody()?['threshold']}"))
    }

    /// Pickers' hints are truthful: letters type into their filter, so they advertise ↑↓ only.
    @Test func pickerHintsDoNotAdvertiseLetterMoves() {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.openFlowsList()
        session.send([.enter, .character("a")])
        #expect(!session.statusBar.contains("jk"))
        session.type("jk")
        #expect(session.screen.contains("Filter: jk"))
    }

    /// The live lists moved to their last item and acted on: the Monitor's oldest row opens its run; System's last
    /// line refreshes; the run detail's last step is selected.
    @Test func liveListsReachTheirLastItem() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link, flows: [sampleFlow()])
        session.send([.end, .enter])
        session.dispatch(.tick)
        session.send([.character("G"), .enter])
        #expect(session.state.breadcrumb.last == "Run run-test")
        session.send([.escape, .escape, .home, .down, .enter, .enter])
        #expect(session.state.breadcrumb.last == "System")
        link.pending = [.status(SystemStatusView(lines: [.init(group: "Source", name: "CRM contacts", value: "40 rows", detail: "", failed: false),
                                                          .init(group: "Source", name: "Orders", value: "150 rows", detail: "", failed: false)],
                                                  schedule: "every 20 s", demoFeed: true))]
        session.dispatch(.tick)
        session.send([.end, .enter])
        #expect(link.sent.last == .refresh(source: "Orders"))
    }
}

