import Designer
import FlowModel
import Testing
import TerminalUI

/// Journeys through the keys: every screen's own help, `?` typed in text fields, F1 everywhere, the status bar fitted
/// by priority, and every screen drawn at 80×24 and 200×60.
@MainActor @Suite struct JourneyKeyTests {
    /// A screen reached by keys, and a phrase only its own help has.
    struct Stop: Sendable {
        var name: String
        var keys: [Key]
        var helpPhrase: String
    }

    /// Walks from home to each screen (fresh session each time) with flows and a fixture runner.
    nonisolated static let stops: [Stop] = [
        Stop(name: "Home", keys: [], helpPhrase: "quit InsightFlow"),
        Stop(name: "Data", keys: [.enter], helpPhrase: "mouse wheel"),
        Stop(name: "Admin", keys: [.down, .enter], helpPhrase: "open the selected page"),
        Stop(name: "System", keys: [.down, .enter, .enter], helpPhrase: "demo feed on / off"),
        Stop(name: "Export destinations", keys: [.down, .enter, .down, .enter], helpPhrase: "configure the selected destination"),
        Stop(name: "Power Automate", keys: [.down, .enter, .down, .enter, .enter], helpPhrase: "start from a template"),
        Stop(name: "Connections", keys: [.down, .enter, .end, .enter], helpPhrase: "add a connection"),
        Stop(name: "Flows", keys: [.down, .down, .enter], helpPhrase: "run history of the selected flow"),
        Stop(name: "Canvas", keys: [.down, .down, .enter, .enter], helpPhrase: "test the flow"),
        Stop(name: "Monitor", keys: [.end, .enter], helpPhrase: "pause / resume the live feed"),
        Stop(name: "Runs", keys: [.end, .enter, .character("h")], helpPhrase: "resubmit the run (same trigger event)"),
    ]

    private func session(_ size: Size = Size(width: 80, height: 24)) -> DesignerSession {
        let session = makeLiveSession(link: FixtureRunnerLink(), flows: [sampleFlow(), sampleFlow(id: "email-owners", name: "Email owners")], size: size)
        session.dispatch(.tick)
        return session
    }

    /// D9: `?` on every screen lists that screen's own keys (and the global ones); any other key closes it.
    @Test(arguments: stops.map(\.name))
    func everyScreensHelpListsItsOwnKeys(_ name: String) throws {
        let stop = try #require(Self.stops.first { $0.name == name })
        let session = session(Size(width: 120, height: 40))
        session.send(stop.keys)
        #expect(session.state.breadcrumb.last == (stop.name == "Home" ? "InsightFlow" : stop.name))
        session.send([.character("?")])
        #expect(session.screen.contains("Keys: \(stop.name)"))
        #expect(session.screen.contains(stop.helpPhrase))
        #expect(session.screen.contains("Ctrl-C"))
        session.send([.character("x")])
        #expect(!session.screen.contains("Keys: \(stop.name)"))
    }

    /// D9: the Flows list's help lists the keys the old generic page missed (n, H, s, S, c, x, i).
    @Test func flowsHelpListsEveryFlowsKey() {
        let session = session(Size(width: 120, height: 40))
        session.send([.down, .down, .enter, .function(1)])
        let help = session.screen
        for phrase in ["new flow", "run history", "sort by the next column", "reverse the sort order", "duplicate the flow", "export the flow", "import a flow"] {
            #expect(help.contains(phrase), "missing \(phrase)")
        }
    }

    /// D9: at 80×24 help longer than the box wraps and scrolls to its last line.
    @Test func helpWrapsAndScrolls() {
        let session = session()
        session.send([.down, .down, .enter, .enter, .character("?")])
        #expect(session.screen.contains("Keys: Canvas"))
        #expect(!session.screen.contains("quit (asks when"))
        session.send([.end])
        #expect(session.screen.contains("quit (asks when"))
        #expect(session.screen.contains("Keys: Canvas"))
    }

    /// D9: in a text field `?` is typed; F1 opens help there.
    @Test func questionMarkTypesInFormsAndF1OpensHelp() {
        let session = session()
        session.send([.down, .down, .enter, .enter, .down, .enter])
        #expect(session.state.breadcrumb.last == "Post_message")
        session.type("?")
        #expect(!session.screen.contains("Keys: Post_message"))
        #expect(session.screen.contains("Post_message?"))
        #expect(session.statusBar.contains("F1 help"))
        session.send([.function(1)])
        #expect(session.screen.contains("Keys: Post_message"))
        #expect(session.screen.contains("insert dynamic content"))
    }

    /// D11: at 80 columns the status bar keeps the screen's keys and drops the runner label first.
    @Test func statusBarKeepsKeysBeforeTheRunnerLabel() {
        let session = session()
        session.openConnectorPage()
        let connector = session.statusBar
        for key in ["Enter", "Tab", "m", "Esc"] { #expect(connector.contains(" \(key) "), "connector page lacks \(key)") }
        #expect(!connector.contains("embedded runner"))
        session.send([.escape, .escape, .escape, .escape])
        #expect(session.statusBar.contains("embedded runner"))
        session.send([.home, .down, .down, .enter, .enter, .down, .enter])
        let form = session.statusBar
        for key in ["Enter", "Ctrl-S", "Esc"] { #expect(form.contains(" \(key) "), "step form lacks \(key)") }
    }

    /// The status bar never advertises a key the screen does not handle: each hint's key does something.
    @Test func statusBarHintsAreLive() {
        let session = session()
        session.send([.down, .down, .enter])
        #expect(session.statusBar.contains(" / find"))
        session.type("/")
        #expect(session.screen.contains("Find:"))
        #expect(session.statusBar.contains("Esc clear"))
    }

    /// Every screen at 80×24 and 200×60: the breadcrumb, a status bar with Esc or q, and nothing outside the frame.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func everyScreenDrawsAtBothSizes(_ size: Size) {
        for stop in Self.stops {
            let session = session(size)
            session.send(stop.keys)
            let frame = session.render()
            #expect(frame.size == size)
            #expect(frame.line(0).contains("InsightFlow"), "\(stop.name) at \(size)")
            let status = frame.line(size.height - 1)
            #expect(status.contains(" Esc ") || status.contains(" q "), "\(stop.name) status at \(size): \(status)")
        }
    }

    /// While a dialog or the help is open the status bar shows their keys, not the screen's (which do not work then).
    @Test func statusBarFollowsTheOpenDialogAndHelp() {
        let session = session()
        session.send([.down, .down, .enter, .character("d")])
        #expect(session.screen.contains("Delete flow"))
        #expect(session.statusBar.contains("Enter ok"))
        #expect(!session.statusBar.contains("o on/off"))
        session.send([.escape, .character("?")])
        #expect(session.statusBar.contains("any key close"))
        session.send([.character("x")])
        #expect(session.statusBar.contains("o on/off"))
    }
}

