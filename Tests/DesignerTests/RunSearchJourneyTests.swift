import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

/// Run search in the run history screen against a real history store: failed only, a typed search, paging
/// through the database, marking two runs and comparing them; Admin > System's history lines.
@MainActor
@Suite struct RunSearchJourneyTests {
    /// `count` runs a minute apart of flows "alpha" and "beta"; every 5th failed with "upstream timeout", run 3
    /// failed with "bad gateway" instead.
    private func history(count: Int) async throws -> (HistoryStore, URL) {
        let (history, folder) = try temporaryHistory()
        let start = Date(timeIntervalSinceNow: -Double(count) * 60)
        for index in 0..<count {
            let at = start.addingTimeInterval(Double(index) * 60)
            let event = TriggerEvent(type: .dataSourceRefreshFailed, fields: [:], origin: "test", receivedAt: at)
            var run = RunRecord(id: String(format: "run-%04d", index), flowId: index % 2 == 0 ? "alpha" : "beta", flowName: index % 2 == 0 ? "Alpha" : "Beta",
                                flowVersion: 1, eventId: event.id, triggerOutputs: ["body": ["dataSourceName": "Webshop"]], origin: "event", queuedAt: at)
            try await history.commitMatch(event: event, runs: [run], baselines: [], notes: nil, eventIsNew: true)
            let failed = index % 5 == 0 || index == 3
            run.status = failed ? .failed : .succeeded
            run.startedAt = at
            run.finishedAt = at.addingTimeInterval(1)
            let error = index == 3 ? "HTTP 502: bad gateway" : "HTTP 503: upstream timeout"
            try history.saveRun(run, steps: [
                StepRecord(runId: run.id, stepName: "Compose", path: "Compose", status: .succeeded, startedAt: at, outputs: .string("row \(index)")),
                StepRecord(runId: run.id, stepName: "Post", path: "Post", status: failed ? .failed : .succeeded, startedAt: at,
                           outputs: failed ? nil : ["statusCode": 200], errorMessage: failed ? error : nil),
            ])
        }
        return (history, folder)
    }

    /// Home > Monitor > h (all runs).
    private func openHistory(_ session: DesignerSession) {
        session.send([.down, .down, .down, .enter])
        session.dispatch(.tick)
        session.type("h")
    }

    @Test func failedOnlyThenASearchThenClear() async throws {
        let (history, folder) = try await history(count: 30)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flows = [sampleFlow(id: "alpha", name: "Alpha"), sampleFlow(id: "beta", name: "Beta")]
        let session = makeLiveSession(link: HomeRunnerLink(client: nil, history: history, workspace: nil), flows: flows, size: Size(width: 120, height: 40))
        openHistory(session)
        #expect(session.screen.contains("30 run(s) of all flows · filter: none"), "\(session.screen)")
        session.type("f")
        #expect(session.screen.contains("7 run(s) of all flows · filter: failed"), "\(session.screen)")
        #expect(!session.screen.contains("Succeeded"))
        session.type("s")
        #expect(session.screen.contains("Search steps:"))
        session.type("gateway")
        session.send([.enter])
        #expect(session.screen.contains("1 run(s) of all flows · filter: failed · \"gateway\""), "\(session.screen)")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Run run-0003", "\(session.state.breadcrumb)")
        session.send([.escape])
        session.type("x")  // clear the filters (c is the run on the canvas)
        #expect(session.screen.contains("30 run(s) of all flows · filter: none"), "\(session.screen)")
        session.type("s")
        session.type("timeout")
        session.send([.escape])
        #expect(session.screen.contains("filter: none"), "Esc leaves the search as it was")
        session.type("s")
        session.type("upstream")
        session.send([.enter])
        #expect(session.screen.contains("6 run(s) of all flows · filter: \"upstream\""), "\(session.screen)")
        session.type("l")
        #expect(session.screen.contains("3 run(s) · filter: flow "), "\(session.screen)")
        #expect(session.screen.contains("· \"upstream\""), "the search stays with the flow filter: \(session.screen)")
    }

    @Test func theListPagesThroughTheDatabase() async throws {
        let (history, folder) = try await history(count: 250)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = makeLiveSession(link: HomeRunnerLink(client: nil, history: history, workspace: nil))
        openHistory(session)
        #expect(session.screen.contains("100+ runs of all flows"), "one page read: \(session.screen)")
        session.send([.end])
        #expect(session.screen.contains("200+ runs of all flows"), "the end of the loaded page reads the next: \(session.screen)")
        session.send([.end])
        #expect(session.screen.contains("250 run(s) of all flows"), "\(session.screen)")
        session.send([.end])
        #expect(session.screen.contains("250 run(s)"))
    }

    @Test func markTwoRunsAndCompareThem() async throws {
        let (history, folder) = try await history(count: 12)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = makeLiveSession(link: HomeRunnerLink(client: nil, history: history, workspace: nil), size: Size(width: 120, height: 40))
        openHistory(session)
        session.type("d")
        #expect(session.screen.contains("Mark a run with m first"), "\(session.screen)")
        // Newest first: run-0011 (succeeded), run-0010 (failed).
        session.type("m")
        #expect(session.screen.contains("marked run-0011"), "\(session.screen)")
        session.send([.down])
        session.type("d")
        #expect(session.state.breadcrumb.last == "Compare run-0011 · run-0010", "\(session.state.breadcrumb)")
        let screen = session.screen
        #expect(screen.contains("2 of 2 step(s) differ"), "\(screen)")
        #expect(screen.contains("≠ Post"), "\(screen)")
        #expect(screen.contains("upstream timeout"), "\(screen)")
        #expect(screen.contains("Succeeded {\"statusCode\":200}"), "\(screen)")
        session.type("x")
        #expect(session.screen.contains("(shown: differences only)"), "\(session.screen)")
        session.type("2")
        #expect(session.state.breadcrumb.last == "Run run-0010", "\(session.state.breadcrumb)")
        session.send([.escape, .escape])
        #expect(session.state.breadcrumb.last == "Runs")
    }

    @Test func systemShowsTheHistorysSizeAndRetention() async throws {
        let (history, folder) = try await history(count: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        try history.prune(olderThan: nil, keep: 15)
        let session = makeLiveSession(link: HomeRunnerLink(client: nil, history: history, workspace: nil), size: Size(width: 120, height: 40))
        session.send([.down, .enter, .enter])
        session.dispatch(.tick)
        let screen = session.screen
        #expect(screen.contains("15 runs · 20 events"), "\(screen)")
        #expect(screen.contains("free pages"), "\(screen)")
        #expect(screen.contains("30 days · 100000 runs · 100000 events (defaults)"), "\(screen)")
        #expect(screen.contains("removed 5 run(s), 0 event(s)"), "\(screen)")
        #expect(screen.contains("Oldest run"), "\(screen)")
    }
}
