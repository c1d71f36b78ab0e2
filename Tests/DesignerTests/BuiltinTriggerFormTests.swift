import Designer
import FlowExpressions
import FlowModel
import Testing
import TerminalUI

/// The Recurrence and HTTP request triggers on the connector page, their forms, and the Response / child-flow steps
/// in the picker.
@MainActor @Suite struct BuiltinTriggerFormTests {
    @Test func aRecurrenceFlowIsCreatedFromTheConnectorPage() throws {
        let (session, services) = makeSession()
        session.openConnectorPage()
        session.send(Array(repeating: .down, count: 7))
        #expect(session.screen.contains("Runs on a schedule"))
        session.send([.enter])
        #expect(session.screen.contains("Frequency"))
        #expect(session.screen.contains("At these hours"))
        session.send([.tab, .tab, .tab, .tab, .tab])
        session.type("[9, 17]")
        session.send([.enter])
        #expect(session.screen.contains("every 1 Day at 9:00, 17:00"))
        session.send([.ctrl("s")])
        let saved = try #require(services.flows.values.first)
        let trigger = try #require(saved.trigger)
        #expect(trigger.kind == .recurrence)
        #expect(trigger.type == "Recurrence")
        #expect(trigger.extra["recurrence"] == ["frequency": "Day", "interval": 1, "schedule": ["hours": [9, 17]]])
        #expect(trigger.inputs == nil)
    }

    @Test func responseAndChildFlowStepsAreInThePicker() {
        let (session, _) = makeSession()
        session.openConnectorPage()
        session.send(Array(repeating: .down, count: 8))
        #expect(session.screen.contains("When an HTTP request is received"))
        session.send([.enter, .enter, .character("a")])
        session.type("child")
        #expect(session.screen.contains("Run a child flow"))
        session.send([.enter])
        #expect(session.screen.contains("Child flow"))
    }
}
