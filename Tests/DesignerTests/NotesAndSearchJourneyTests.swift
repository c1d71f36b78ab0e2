import Designer
import FlowModel
import Testing
import TerminalUI

/// Notes on steps (the step's `description`, typed in its form, shown on its card) and `/` step search.
@MainActor @Suite struct NotesAndSearchJourneyTests {
    /// The Note field at the end of a step's form is saved as the description and shown on the card.
    @Test func aNoteTypedInTheFormIsSavedAndShownOnTheCard() throws {
        let (session, services) = makeSession(flows: [sampleFlow()], size: Size(width: 100, height: 60))
        session.send([.down, .down, .enter, .enter, .end, .character("e")])  // the Compose step's form
        session.send(Array(repeating: .down, count: 30))  // the last field, the Note
        session.type("Status for the log")
        session.send([.enter])
        #expect(session.screen.contains("Compose  — Status for the log"), "\(session.screen)")
        session.send([.ctrl("s")])
        #expect(services.flows["teams-alert"]?.definition.actions["Compose"]?.description == "Status for the log")
    }

    /// `/` finds cards by text in their inputs, `n` and `N` move between the matches, wrapping around.
    @Test func slashFindsStepsAndNJumpsBetweenMatches() {
        var flow = scopedFlow()
        flow.definition.actions["Log"]?.description = "keeps the Refresh text"
        let (session, _) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter])
        session.type("/")
        session.type("refresh")
        session.send([.enter])
        #expect(session.state.document?.selected == "Build_text", "\(session.screen)")
        #expect(session.screen.contains("match 1 of 2"), "\(session.screen)")
        session.type("n")
        #expect(session.state.document?.selected == "Log")
        session.type("n")
        #expect(session.state.document?.selected == "Build_text", "wraps around")
        session.type("N")
        #expect(session.state.document?.selected == "Log")
        session.type("/")
        session.send([.ctrl("u")])
        session.type("nowhere")
        session.send([.enter])
        #expect(session.screen.contains("No step matches \"nowhere\""), "\(session.screen)")
    }
}
