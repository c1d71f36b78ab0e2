import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

@MainActor
@Suite struct EmbeddedRunnerTests {
    @Test func aTestRunFromTheCanvasPlaysOutInTheRunDetail() async throws {
        var flow = Flow(id: "compose-test", displayName: "Compose test", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        flow.definition.actions["Summary"] = Step(name: "Summary", type: .compose, inputs: "Source @{triggerBody()?['dataSourceName']} failed")
        let embedded = try await EmbeddedHome.open([flow])
        defer { embedded.close() }
        let session = embedded.session()
        #expect(session.screen.contains("embedded runner"))
        session.send([.down, .down, .enter, .enter])
        session.type("t")
        session.send([.ctrl("r")])
        for _ in 0..<250 where !(session.screen.contains("Succeeded") && session.state.breadcrumb.last?.hasPrefix("Run ") == true) {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
        }
        #expect(session.state.breadcrumb.last?.hasPrefix("Run ") == true, "screen:\n\(session.screen)")
        #expect(session.screen.contains("Summary"))
        #expect(session.screen.contains("Succeeded"))
    }
}
