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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-embedded-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = InsightFlowHome(url: folder)
        var flow = Flow(id: "compose-test", displayName: "Compose test", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        flow.definition.actions["Summary"] = Step(name: "Summary", type: .compose, inputs: "Source @{triggerBody()?['dataSourceName']} failed")
        _ = try FlowStore(home: home).create(flow)
        let host = try await RunnerHost.open(home: home)
        let link = HomeRunnerLink(client: LocalRunnerClient(host: host), history: host.history, workspace: nil, home: home)
        let session = DesignerSession(services: StoreDesignerServices(home: home, runner: link), size: Size(width: 80, height: 24), theme: .plain)
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
        link.stop()
    }
}
