import Designer
import FlowModel
import FlowRunner
import Testing
import TerminalUI

/// Journeys through the screens that show live data: they re-read the services while shown.
@MainActor @Suite struct JourneyLiveTests {
    /// Enough ticks for a screen that re-reads every 2 s.
    private func tickTwoSeconds(_ session: DesignerSession) {
        for _ in 0..<8 { session.dispatch(.tick) }
    }

    /// D2: Home > Data shows the workspace as it is now, not as it was when the app started.
    @Test func dataScreenRereadsTheWorkspace() {
        let (session, services) = makeSession()
        session.send([.enter])
        #expect(!session.screen.contains("134 profiles"))
        services.workspaceSnapshot.unification = [WorkspaceItem(name: "Unified profiles", value: "134 profiles", detail: "refreshed just now")]
        tickTwoSeconds(session)
        #expect(session.screen.contains("134 profiles"))
        session.send([.end])
        #expect(session.screen.contains("Measures"))
    }

    /// D3: the Flows list shows the newest run of each flow as runs happen.
    @Test func flowsListShowsTheNewestRun() {
        let (session, services) = makeSession(flows: [sampleFlow()])
        session.openFlowsList()
        #expect(session.screen.contains("never"))
        services.runs["teams-alert"] = RunSummary(status: "Succeeded", time: "2026-12-04 15:00")
        tickTwoSeconds(session)
        #expect(session.screen.contains("Succeeded 2026"))
    }

    /// D16: at 200×60 the Monitor's recent values show more than four series, the watched ones first.
    @Test func monitorRecentValuesUseTheRoomAndPutWatchedSeriesFirst() {
        let link = FixtureRunnerLink()
        link.events = (0..<6).map { index in
            TriggerEvent(id: "s\(index)", type: .segmentRefreshed, fields: ["segmentName": .string("Segment \(index)"), "currentCount": .int(10 + index)], origin: "test",
                         receivedAt: LiveFixture.at(Double(index)))
        }
        var watched = Flow(id: "watch-5", displayName: "Watch five", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "Segment 3", "threshold": 12]))
        watched.state = .on
        let session = makeLiveSession(link: link, flows: [watched], size: Size(width: 200, height: 60))
        session.send([.end, .enter])
        session.dispatch(.tick)
        let lines = session.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = lines.firstIndex { $0.contains("Recent values") } ?? lines.count
        let series = Array(lines.dropFirst(heading + 1).prefix(6))
        for index in 0..<6 { #expect(series.contains { $0.contains("Segment \(index) ") }, "series \(index)") }
        #expect(series.first?.contains("Segment 3") == true)
    }

    /// D22: an interval that is not a number keeps the dialog open and says why inside it.
    @Test func invalidIntervalKeepsTheDialogOpen() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link)
        session.send([.down, .enter, .enter, .character("i"), .ctrl("u")])
        session.type("soon")
        session.send([.enter])
        #expect(session.screen.contains("\"soon\" is not a number of seconds"))
        #expect(!link.sent.contains { if case .setSchedule = $0 { true } else { false } })
        session.send([.ctrl("u")])
        session.type("30")
        session.send([.enter])
        #expect(link.sent.last == .setSchedule(intervalSeconds: 30))
    }

    /// D17: a progress line shown on one screen is not left on the next one.
    @Test func noScreenShowsAnotherScreensMessage() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link)
        session.send([.down, .enter, .enter])
        link.pending = [.info("Refreshing 3/9: unification Unified profiles")]
        session.dispatch(.tick)
        #expect(session.screen.contains("Refreshing 3/9"))
        session.send([.escape, .end, .enter])
        #expect(session.state.breadcrumb.last == "Connections")
        #expect(!session.screen.contains("Refreshing 3/9"))
        #expect(session.screen.contains("Secrets are kept"))
    }

    /// D15: the issues list shows the selected issue's whole message, wrapped, with its path.
    @Test func issuesShowTheWholeMessage() {
        var flow = sampleFlow()
        flow.definition.actions["Post_message"]?.inputs = ["connection": "a-connection-that-nobody-ever-made", "text": "hello"]
        let (session, _) = makeSession(flows: [flow])
        session.openFlowsList()
        session.send([.enter, .character("i")])
        #expect(session.state.breadcrumb.last == "Issues")
        let screen = session.screen
        #expect(screen.contains("add it in Admin > Connections"))
        #expect(screen.contains("$.definition.actions.Post_message.inputs.connection"))
    }

    /// Admin > System asks the runner for the workspace status again while it is shown (not only when opened).
    @Test func systemRereadsTheStatus() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link)
        session.send([.down, .enter, .enter])
        #expect(session.state.breadcrumb.last == "System")
        let opened = link.sent.filter { $0 == .loadStatus }.count
        tickTwoSeconds(session)
        #expect(link.sent.filter { $0 == .loadStatus }.count > opened)
    }
}

