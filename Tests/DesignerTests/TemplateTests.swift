import Designer
import FlowExpressions
import FlowModel
import Testing
import TerminalUI

@MainActor @Suite struct TemplateScreenTests {
    @Test func startFromTheEmailTemplateAsksOnlyWhatItCannotKnow() throws {
        let (session, services) = makeSession()
        session.openConnectorPage()
        session.send([.character("t")])
        #expect(session.screen.contains("Post to Teams when a data source refresh fails"))
        #expect(session.screen.contains("Email the data owners when a segment crosses a threshold"))
        session.send([.down, .enter])
        #expect(session.screen.contains("Threshold (members)"))
        #expect(session.screen.contains("Recipients"))
        session.send([.tab, .tab, .tab])
        for _ in 0..<5 { session.send([.backspace]) }
        session.type("40")
        session.send([.enter])
        #expect(session.screen.contains("Send an email"), "the template opens on the canvas")
        session.send([.ctrl("s")])
        let saved = try #require(services.flows.values.first)
        #expect(saved.trigger?.kind == .segmentThresholdCrossed)
        #expect(saved.trigger?.parameter("threshold") == 40)
        #expect(saved.definition.actions["Send_an_email"]?.inputs?["subject"]?.stringValue?.contains("segmentName") == true)
    }

    @Test func theTeamsTemplateBuildsTheReferenceFlow() throws {
        let (session, services) = makeSession()
        session.openConnectorPage()
        session.send([.character("t"), .enter, .enter, .ctrl("s")])
        let saved = try #require(services.flows.values.first)
        #expect(saved.trigger?.kind == .dataSourceRefreshFailed)
        let step = try #require(saved.definition.actions.values.first)
        #expect(step.type == .teamsPostMessage)
        #expect(step.inputs?["text"]?.stringValue?.contains("triggerBody()?['errorMessage']") == true)
    }
}
