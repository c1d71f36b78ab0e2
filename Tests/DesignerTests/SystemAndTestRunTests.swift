import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

@MainActor
@Suite struct SystemAndTestRunTests {
    static let status = SystemStatusView(lines: [
        .init(group: "Source", name: "CRM contacts", value: "40 rows", detail: "succeeded at 10:11:40"),
        .init(group: "Source", name: "Webshop accounts with an extraordinarily long name", value: "37 rows",
              detail: "failed: row 7, column signup_date: not a date at 10:12:00", failed: true),
        .init(group: "Unification", name: "Unified profiles", value: "58", detail: "full refresh at 10:11:40"),
        .init(group: "Segment", name: "High value customers", value: "25 members", detail: "at 10:11:40"),
    ], schedule: "every 20 s", demoFeed: true, activity: activity)

    /// An hour with a busy stretch 20 minutes ago: runs, two failures, a queue and slower deliveries.
    static let activity = RunnerActivity(minutes: (0..<ActivityLog.span).map { minute in
        let busy = (35...45).contains(minute)
        return RunnerActivity.Minute(runs: busy ? 600 + minute * 10 : 6, failures: minute == 40 || minute == 41 ? 1 : 0,
                                     queueDepth: busy ? minute - 30 : 0, deliveries: busy ? 600 : 6,
                                     deliverySeconds: busy ? 600 * 0.12 : 6 * 0.04)
    }, currentSeconds: 30, queueNow: 0)

    /// Home > Admin > System with the status delivered on the next tick.
    private func openSystem(_ link: FixtureRunnerLink) -> DesignerSession {
        let session = makeLiveSession(link: link)
        link.pending = [.status(Self.status)]
        session.send([.down, .enter, .enter])
        session.dispatch(.tick)
        return session
    }

    @Test func systemSnapshotAndRefreshKeys() {
        let link = FixtureRunnerLink()
        let session = openSystem(link)
        expectScreen(session, "system-80x24")
        session.send([.down, .enter])
        session.type("a")
        session.type("d")
        #expect(link.sent == [.loadStatus, .refresh(source: "Webshop accounts with an extraordinarily long name"), .refresh(source: nil), .demoFeed(on: false)])
    }

    @Test func progressNoticesShowOnTheSystemScreen() {
        let link = FixtureRunnerLink()
        let session = openSystem(link)
        link.pending = [.info("Refreshing 3/9: unification Unified profiles")]
        session.dispatch(.tick)
        #expect(session.screen.contains("Refreshing 3/9: unification"))
    }

    @Test func testRunFromTheCanvasSendsTheSampleBody() throws {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link, flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter])
        session.type("t")
        expectScreen(session, "test-form-80x24")
        session.send([.ctrl("r")])
        guard case .test(let flowId, let body, let dryRun) = try #require(link.sent.first) else {
            Issue.record("expected a test command, got \(link.sent)")
            return
        }
        #expect(flowId == "teams-alert")
        #expect(dryRun)
        #expect(body["dataSourceName"]?.stringValue == "PosPurchases")
        #expect(body["rowsRead"]?.intValue == 1)
        #expect(session.state.breadcrumb.last == "Canvas")
    }

    @Test func aFinishedTestRunOpensInTheRunDetail() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link)
        link.pending = [.openRun(LiveFixture.failedRunId)]
        session.dispatch(.tick)
        #expect(session.state.breadcrumb.last == "Run run-fail")
    }
}
