import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

@MainActor
@Suite struct MonitorTests {
    /// Home > Monitor, then one timer tick.
    private func openMonitor(_ session: DesignerSession) {
        session.send([.down, .down, .down, .enter])
        session.dispatch(.tick)
    }

    @Test func theMonitorRereadsTheHistoryOnlyWhenItChanged() {
        let link = FixtureRunnerLink()
        link.revision = 1
        let session = makeLiveSession(link: link)
        openMonitor(session)
        for _ in 0..<10 { session.dispatch(.tick) }
        let idle = link.feedReads
        #expect(idle <= 2, "an idle Monitor does not read the feed on every tick (read \(idle) times)")
        link.revision = 2
        link.events.insert(TriggerEvent(type: .unificationCompleted, fields: ["profilesOut": 99], origin: "test", receivedAt: LiveFixture.at(50)), at: 0)
        session.dispatch(.tick)
        session.dispatch(.tick)
        #expect(link.feedReads > idle, "a change is read at once")
        #expect(session.screen.contains("Unification"))
    }

    @Test func eventWrittenToTheHistoryShowsWithinOneTick() throws {
        let (history, folder) = try temporaryHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = makeLiveSession(link: HomeRunnerLink(client: nil, history: history, workspace: nil))
        openMonitor(session)
        #expect(!session.screen.contains("Loyalty members"))
        try history.recordEvent(TriggerEvent(type: .dataSourceRefreshFailed, fields: ["dataSourceName": "Loyalty members", "errorMessage": "bad row"], origin: "test"))
        session.dispatch(.tick)
        #expect(session.screen.contains("Loyalty members"))
        #expect(session.screen.contains("events 1 · runs 0"))
    }

    @Test func feedSnapshotWithLongNamesAndAFailedRun() {
        let session = makeLiveSession(link: FixtureRunnerLink(), flows: [thresholdFlow()])
        openMonitor(session)
        expectScreen(session, "monitor-80x24")
    }

    @Test func pauseFreezesTheFeedAndResumeCatchesUp() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link)
        openMonitor(session)
        session.type(" ")
        link.events.insert(TriggerEvent(type: .unificationCompleted, fields: ["profilesOut": 99], origin: "test", receivedAt: LiveFixture.at(50)), at: 0)
        session.dispatch(.tick)
        #expect(session.screen.contains("paused"))
        #expect(!session.screen.contains("profiles 99"))
        session.type(" ")
        session.dispatch(.tick)
        #expect(session.screen.contains("profiles 99"))
    }

    @Test func statusFilterKeepsFailedRunsAndTheirEvents() {
        let session = makeLiveSession(link: FixtureRunnerLink())
        openMonitor(session)
        session.type("ssss")
        let screen = session.screen
        #expect(screen.contains("status Failed"))
        #expect(screen.contains("Failed"))
        #expect(!screen.contains("Succeeded"))
        #expect(!screen.contains("CRM contacts"))
    }

    @Test func enterOnARunOpensItsDetail() {
        let session = makeLiveSession(link: FixtureRunnerLink())
        openMonitor(session)
        session.send([.down, .down, .down, .enter])
        #expect(session.state.breadcrumb.last == "Run run-fail")
        #expect(session.screen.contains("Post_message"))
    }

    @Test func helpListsTheMonitorKeys() {
        let session = makeLiveSession(link: FixtureRunnerLink())
        openMonitor(session)
        session.type("?")
        #expect(session.screen.contains("clear the filters"))
        session.type("x")
        #expect(!session.screen.contains("clear the filters"))
    }

    @Test func statusBarSaysWhenAttachedToServe() {
        let session = makeLiveSession(link: FixtureRunnerLink(note: "attached to serve (pid 4242)"))
        #expect(session.screen.contains("attached to serve (pid 4242)"))
    }

    @Test func turningAFlowOnReloadsTheRunner() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link, flows: [sampleFlow()])
        session.send([.down, .down, .enter])
        session.type("o")
        #expect(link.reloads == 1)
    }

    @Test func connectorPageOpensTheMonitorForTheSelectedFlow() {
        let session = makeLiveSession(link: FixtureRunnerLink(), flows: [sampleFlow(id: "teams-refresh-failed", name: "Teams alert")])
        session.openConnectorPage()
        session.send([.tab])
        session.type("m")
        #expect(session.state.breadcrumb.last == "Monitor")
        session.dispatch(.tick)
        #expect(session.screen.contains("filter: flow Teams alert"))
        #expect(!session.screen.contains("Email the data owners"))
    }

    @Test func flowsListOpensTheRunsOfTheSelectedFlow() {
        let session = makeLiveSession(link: FixtureRunnerLink(), flows: [sampleFlow(id: "email-segment", name: "Email")])
        session.send([.down, .down, .enter])
        session.type("H")
        #expect(session.state.breadcrumb.last == "Runs of email-segment")
        #expect(session.screen.contains("1 run(s)"))
    }

    /// A flow with a segment threshold (drawn with the sparkline).
    private func thresholdFlow() -> Flow {
        var flow = Flow(id: "email-segment", displayName: "Email the data owners",
                        trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "High value customers", "threshold": 20]))
        flow.state = .on
        return flow
    }
}
