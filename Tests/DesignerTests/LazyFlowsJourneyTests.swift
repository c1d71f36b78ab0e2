import Designer
import FlowModel
import Foundation
import Testing
import TerminalUI

/// The app starts from the flow index's summaries and loads a whole flow only when it is opened.
@MainActor @Suite struct LazyFlowsJourneyTests {
    /// The Flows list comes from summaries; the flow opened from its last row is read from its file then, so the
    /// canvas shows the steps the file has now (a step added after the list was read), and Esc goes back.
    @Test func theListIsSummariesAndAnOpenedFlowIsReadFromItsFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("designer-lazy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let home = InsightFlowHome(url: url)
        let store = FlowStore(home: home)
        for flow in JourneyFixture.manyFlows(60) { try store.create(flow) }
        let session = DesignerSession(services: StoreDesignerServices(home: home), size: Size(width: 80, height: 24), theme: .plain)
        #expect(session.state.flows.count == 60)
        #expect(session.state.flows.last?.steps == 2 && session.state.flows.last?.connections == ["teams"])

        var last = try store.load(id: "flow-60").flow
        var added = Step(name: "Added_after_listing", type: .compose, inputs: "new")
        added.runAfter = ["Compose": [.succeeded]]
        last.definition.actions["Added_after_listing"] = added
        _ = try store.save(last, expectedVersion: last.version)

        session.openFlowsList()
        #expect(session.screen.contains("of 60 flow(s)"))
        session.send([.end, .enter])
        #expect(session.state.document?.flow.id == "flow-60")
        #expect(session.state.document?.flow.definition.actions.keys.contains("Added_after_listing") == true)
        #expect(session.screen.contains("Added_after_listing") || session.screen.contains("Added after listing"))
        session.send([.escape])
        #expect(session.state.breadcrumb.last == "Flows")
    }
}
