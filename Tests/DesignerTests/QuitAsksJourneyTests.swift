@testable import Designer
import FlowModel
import Testing
import TerminalUI

/// Ctrl-C asks first wherever typed input would be lost: the condition builder and the test form, as the step and
/// trigger forms already do (issue #18's remaining stumble).
@MainActor @Suite struct QuitAsksJourneyTests {
    /// A value typed into a row (not yet applied) makes Ctrl-C ask; n keeps the builder and the text; after Ctrl-X
    /// (cancel) nothing is pending and Ctrl-C quits at once.
    @Test func ctrlCInTheConditionBuilderWithATypedValueAsksFirst() {
        let (session, _) = makeSession(flows: [conditionSampleFlow()], size: Size(width: 120, height: 40))
        session.send([.down, .down, .enter, .enter, .down, .down])  // the canvas, Check selected
        #expect(session.state.document?.selected == "Check")
        session.send([.enter, .tab, .ctrl("g")])
        #expect(session.state.breadcrumb.last == "Condition builder", "\(session.state.breadcrumb)")
        session.type("42")
        session.send([.ctrl("c")])
        #expect(!session.state.isQuitting)
        #expect(session.screen.contains("\"Condition builder\" has changes that are not applied yet"), "\(session.screen)")
        session.type("n")
        #expect(session.state.breadcrumb.last == "Condition builder")
        #expect(session.screen.contains("42"), "the typed value is still there:\n\(session.screen)")
        session.send([.ctrl("x")])  // cancel: the field stays as it was
        #expect(session.state.breadcrumb.last != "Condition builder")
        session.send([.ctrl("c")])
        #expect(session.state.isQuitting, "nothing typed is pending: \(session.screen)")
    }

    /// A field changed in the test form makes Ctrl-C ask; y quits. An untouched test form quits at once.
    @Test func ctrlCInTheTestFormWithAChangedFieldAsksFirst() {
        let (session, _) = makeSession(flows: [sampleFlow()], size: Size(width: 120, height: 40))
        session.send([.down, .down, .enter, .enter, .character("t")])
        #expect(session.state.top is TestRunFormScreen, "\(session.state.breadcrumb)")
        session.type("x")
        session.send([.ctrl("c")])
        #expect(!session.state.isQuitting)
        #expect(session.screen.contains("\"Test\" has changes that are not applied yet"), "\(session.screen)")
        session.type("y")
        #expect(session.state.isQuitting)

        let (clean, _) = makeSession(flows: [sampleFlow()], size: Size(width: 120, height: 40))
        clean.send([.down, .down, .enter, .enter, .character("t")])
        #expect(clean.state.top is TestRunFormScreen)
        clean.send([.ctrl("c")])
        #expect(clean.state.isQuitting, "an untouched test form does not ask")
    }
}
