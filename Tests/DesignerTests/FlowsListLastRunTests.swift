import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import TextFormats
import Testing
import TerminalUI

/// The Flows list's "Last run" at 80 columns, from a real history: the status and the time of the newest run fit
/// whole (the year is left out; it used to cut the time off: "Succeeded 2026-12…").
@MainActor
@Suite struct FlowsListLastRunTests {
    @Test func theLastRunsStatusAndTimeFitWholeAt80Columns() async throws {
        var flow = Flow(id: "note", displayName: "Post to Teams when a data source refresh fails",
                        trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        flow.definition.actions["Note"] = Step(name: "Note", type: .compose, inputs: "@triggerBody()?['dataSourceName']")
        flow.state = .on
        let embedded = try await EmbeddedHome.open([flow])
        defer { embedded.close() }
        let client = embedded.client
        let accepted = try await client.accept(event: ["type": "DataSourceRefreshFailed", "fields": ["dataSourceName": "Webshop"]], origin: .http)
        let run = try await client.waitForRun(try #require(accepted.runIds.first))
        let finished = try #require(run.finishedAt)

        let session = embedded.session()
        session.send([.down, .down, .enter])  // Home › Flows
        let expected = "Succeeded \(TimeText.dayMinute(finished))"
        for _ in 0..<100 where !session.screen.contains(expected) {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
        }
        let row = try #require(session.screen.split(separator: "\n").first { $0.contains("Post to Teams") })
        #expect(row.contains(expected), "the last run is cut: \(row)")
        #expect(row.count <= 80)
    }
}
