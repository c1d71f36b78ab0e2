import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

@MainActor
@Suite struct RunHistoryTests {
    /// Home > Monitor > h (all runs).
    private func openHistory(_ session: DesignerSession) {
        session.send([.down, .down, .down, .enter])
        session.dispatch(.tick)
        session.type("h")
    }

    @Test func allRunsSnapshot() {
        let session = makeLiveSession(link: FixtureRunnerLink())
        openHistory(session)
        expectScreen(session, "run-history-80x24")
    }

    @Test func failedRunDetailSnapshotWithItsLongError() {
        let session = makeLiveSession(link: FixtureRunnerLink())
        openHistory(session)
        session.send([.down, .enter, .down])
        expectScreen(session, "run-detail-failed-80x24")
        session.send([.enter])
        #expect(session.screen.contains("\"webhookUrl\": \"***\""))
        session.send([.pageDown])
        #expect(session.screen.contains("\"statusCode\": 502"))
    }

    @Test func runDetailDrawsTheFlowWithStepsThatDidNotRun() {
        var flow = Flow(id: "teams-refresh-failed", displayName: LiveFixture.longFlowName,
                        trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        flow.definition.actions["Compose_summary"] = Step(name: "Compose_summary", type: .compose, inputs: "summary")
        var post = Step(name: "Post_message", type: .teamsPostMessage, inputs: ["connection": "Teams", "text": "failed"])
        post.runAfter = ["Compose_summary": [.succeeded]]
        flow.definition.actions["Post_message"] = post
        var after = Step(name: "Log_the_alert", type: .compose, inputs: "logged")
        after.runAfter = ["Post_message": [.succeeded]]
        flow.definition.actions["Log_the_alert"] = after
        let session = makeLiveSession(link: FixtureRunnerLink(), flows: [flow])
        openHistory(session)
        session.send([.down, .enter])
        #expect(session.screen.contains("Log_the_alert"))
        #expect(session.screen.contains("not run"))
        expectScreen(session, "run-detail-as-drawn-80x24")
    }

    @Test func resubmitAndOpenTheFlowAtTheFailingStep() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link, flows: [sampleFlow(id: "teams-refresh-failed")])
        openHistory(session)
        session.send([.down, .enter])
        session.type("r")
        #expect(link.sent == [.resubmit(runId: LiveFixture.failedRunId)])
        session.type("o")
        #expect(session.state.document?.flow.id == "teams-refresh-failed")
        #expect(session.state.document?.selected == "Post_message")
    }

    @Test func tenThousandRunsFromARealHistory() async throws {
        let (history, folder) = try temporaryHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let event = TriggerEvent(type: .fullRefreshCompleted, fields: [:], origin: "test", receivedAt: LiveFixture.base)
        let runs = (0..<10_000).map { index in
            RunRecord(id: String(format: "run-%05d", index), flowId: "flow-\(index % 7)", flowName: "Flow number \(index % 7) " + String(repeating: "x", count: 60),
                      flowVersion: 1, eventId: event.id, triggerOutputs: ["body": [:]], origin: "event")
        }
        try await history.commitMatch(event: event, runs: runs, baselines: [], notes: nil, eventIsNew: true)
        let session = makeLiveSession(link: HomeRunnerLink(client: nil, history: history, workspace: nil))
        let clock = ContinuousClock()
        let opened = clock.measure { openHistory(session) }
        #expect(session.screen.contains("100+ runs of all flows"), "a first page of 100, more as the list scrolls")
        #expect(session.screen.contains("Queued"))
        #expect(opened < .milliseconds(1500))
    }
}
