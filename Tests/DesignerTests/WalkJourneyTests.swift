import Designer
import FlowModel
import Testing
import TerminalUI

/// Journeys found by walking the app in tmux as a new user: each test types what the person typed.
@MainActor @Suite struct WalkJourneyTests {
    /// A "Do until" loop's Timeout typed in its form is saved: the form used to show a second Timeout (the
    /// step's own setting, the same `limit.timeout`) whose unchanged value overwrote the one typed.
    @Test func aDoUntilTimeoutTypedInItsFormIsSaved() throws {
        let (session, services) = makeSession(flows: [sampleFlow()], size: Size(width: 100, height: 80))
        session.send([.down, .down, .enter, .enter])  // Home › Flows › the flow's canvas
        session.send([.end])  // the last step, Compose
        session.send([.character("a")])
        session.type("until")
        session.send([.enter, .tab])
        session.type("@equals(1, 1)")
        session.send([.tab, .tab, .ctrl("u")])  // the loop's Timeout (PT1H)
        session.type("PT2H")
        session.send([.enter])
        #expect(session.screen.contains("Canvas"), "\(session.screen)")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows["teams-alert"])
        let loop = try #require(saved.definition.actions.values.first { $0.type == .until })
        #expect(loop.limit?.timeout == "PT2H")
        #expect(loop.limit?.count == 60)
        // The form shows one Timeout, the loop's.
        session.send([.character("e")])
        #expect(session.screen.components(separatedBy: "Timeout").count - 1 == 1, "\(session.screen)")
    }
}
