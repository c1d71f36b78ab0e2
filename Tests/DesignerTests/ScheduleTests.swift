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
        _ = history
        let (session, host) = try await embeddedSession(folder)
        defer { Task { await host.stop() } }
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
        _ = history
        let (session, host) = try await embeddedSession(folder)
        defer { Task { await host.stop() } }
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

    /// The app on a home with the sample workspace and its embedded runner (no schedule started).
    private func embeddedSession(_ folder: URL) async throws -> (DesignerSession, RunnerHost) {
        _ = try Workspace.loadCreatingSample(home: folder)
        let home = InsightFlowHome(url: folder)
        let host = try await RunnerHost.open(home: home)
        let link = HomeRunnerLink(client: LocalRunnerClient(host: host), history: host.history, workspace: host.workspace, home: home)
        return (makeLiveSession(link: link), host)
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
