import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

/// Admin > System's sparklines, walked as a person would: runs happen in the embedded runner, the user opens
/// Admin > System, sees the last hour, resizes the terminal.
@MainActor
@Suite struct SystemActivityTests {
    @Test func theLastHourShowsTheRunsAndFailuresTheRunnerJustMade() async throws {
        var ok = Flow(id: "note", displayName: "Note", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        ok.definition.actions["Note"] = Step(name: "Note", type: .compose, inputs: "@triggerBody()?['dataSourceName']")
        ok.state = .on
        var failing = Flow(id: "stop", displayName: "Stop", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        failing.definition.actions["Stop"] = Step(name: "Stop", type: .terminate, inputs: ["runStatus": "Failed", "runError": ["code": "Boom", "message": "failed on purpose"]])
        failing.state = .on
        let embedded = try await EmbeddedHome.open([ok, failing])
        defer { embedded.close() }
        let client = embedded.client
        let event: JSONValue = ["type": "DataSourceRefreshFailed", "fields": ["dataSourceName": "Webshop", "errorMessage": "file missing"]]
        var runIds: [String] = []
        for _ in 0..<3 { runIds += try await client.accept(event: event, origin: .http).runIds }
        var finished: [RunRecord] = []
        for id in runIds { finished.append(try await client.waitForRun(id)) }
        let failed = finished.filter { $0.status == .failed }
        #expect(failed.count == 3, "one of the two flows fails on purpose: \(finished.map(\.status))")

        let session = embedded.session()
        session.send([.down, .enter])  // Home > Admin
        #expect(session.state.breadcrumb.last == "Admin")
        session.send([.enter])  // Admin > System
        #expect(session.state.breadcrumb.last == "System")
        for _ in 0..<250 where !session.screen.contains("Failures/min") {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
        }
        let screen = session.screen
        #expect(screen.contains("Runner activity, last 40 min"), "screen:\n\(screen)")
        let failures = try #require(screen.split(separator: "\n").first { $0.contains("Failures/min") })
        // The sparkline buckets by wall-clock minute: on a slow machine the three failures can straddle a minute
        // boundary (CI saw "now 2" with the third in the minute before), so "now 3" is exact only when they all
        // finished in the minute that is still current.
        let minute = { (date: Date) in Int(date.timeIntervalSince1970 / 60) }
        let failureMinutes = Set(failed.compactMap { $0.finishedAt.map(minute) })
        if failureMinutes == [minute(Date())] {
            #expect(failures.contains("now 3"), "\(failures)")
        } else {
            #expect(failures.contains("max ") && !failures.contains("max 0"), "the hour shows the failures: \(failures)")
        }
        let runs = try #require(screen.split(separator: "\n").first { $0.contains("Runs/s") })
        #expect(runs.contains("█"), "the minute in progress is the hour's busiest: \(runs)")
        #expect(screen.contains("Queue depth"))
        #expect(screen.contains("Delivery ms"))
        #expect(screen.contains("Schedule:"), "the status lines stay on screen at 80×24:\n\(screen)")

        session.dispatch(.resize(Size(width: 120, height: 40)))
        #expect(session.screen.contains("Runner activity, last 60 min"), "screen:\n\(session.screen)")
        #expect(session.screen.contains("Theme"), "at 120×40 the facts fit as well:\n\(session.screen)")
        session.send([.escape])
        #expect(session.state.breadcrumb.last == "Admin")
    }
}
