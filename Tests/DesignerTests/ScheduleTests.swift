import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Insights
import Testing
import TerminalUI

@MainActor
@Suite struct ScheduleTests {
    @Test func editingTheIntervalWritesTheWorkspaceAndShowsIt() async throws {
        let (history, folder) = try temporaryHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace.loadCreatingSample(home: folder)
        let session = makeLiveSession(link: HomeRunnerLink(history: history, control: .readOnly, workspace: workspace, home: InsightFlowHome(url: folder)))
        session.send([.down, .enter, .enter])
        try await waitFor(session) { $0.contains("Schedule: every 20 s") }
        session.type("i")
        session.send([.backspace, .backspace, .backspace])
        session.type("45")
        session.send([.enter])
        try await waitFor(session) { $0.contains("Schedule: every 45 s") }
        let data = try Data(contentsOf: folder.appendingPathComponent("workspace/workspace.json"))
        let document = try JSONValue.parse(bytes: [UInt8](data))
        #expect(document["schedule"]?["intervalSeconds"]?.intValue == 45)
        #expect(document["sources"] != nil)
    }

    @Test func switchingTheScheduleOffKeepsAWorkspaceThatLoads() async throws {
        let (history, folder) = try temporaryHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace.loadCreatingSample(home: folder)
        let session = makeLiveSession(link: HomeRunnerLink(history: history, control: .readOnly, workspace: workspace, home: InsightFlowHome(url: folder)))
        session.send([.down, .enter, .enter])
        try await waitFor(session) { $0.contains("Schedule: every 20 s") }
        session.type("i")
        session.send([.backspace, .backspace, .backspace])
        session.type("0")
        session.send([.enter])
        try await waitFor(session) { $0.contains("Schedule: off") }
        let definition = try WorkspaceDefinition.load(folder: folder.appendingPathComponent("workspace"))
        #expect(definition.schedule?.isEnabled == false)
        #expect(definition.schedule?.intervalSeconds == 20)
    }

    @Test func aBadIntervalIsRefused() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link)
        session.send([.down, .enter, .enter])
        session.type("i")
        session.send([.backspace, .backspace, .backspace])
        session.type("soon")
        session.send([.enter])
        #expect(link.sent == [.loadStatus])
        #expect(session.screen.contains("number of seconds"))
    }

    /// Ticks until the screen satisfies `condition` (background commands answer through notices).
    private func waitFor(_ session: DesignerSession, _ condition: (String) -> Bool) async throws {
        for _ in 0..<200 where !condition(session.screen) {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
        }
        #expect(condition(session.screen), "screen:\n\(session.screen)")
    }
}
