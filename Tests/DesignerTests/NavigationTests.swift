import Designer
import FlowModel
import Testing
import TerminalUI

@MainActor @Suite struct NavigationTests {
    @Test func homeScreenSnapshot() {
        let (session, _) = makeSession(flows: [sampleFlow()])
        expectScreen(session, "home-80x24")
        #expect(session.screen.contains("Export destinations"))
    }

    @Test func adminExportDestinationsPowerAutomateConfigureOpensTheConnectorPage() {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.send([.down, .enter])
        #expect(session.state.breadcrumb == ["InsightFlow", "Admin"])
        session.send([.down, .enter])
        expectScreen(session, "export-destinations-80x24")
        session.send([.enter])
        #expect(session.state.breadcrumb == ["InsightFlow", "Admin", "Export destinations", "Power Automate"])
        expectScreen(session, "connector-page-80x24")
        for trigger in Catalog.triggers { #expect(session.screen.contains(trigger.displayName)) }
        #expect(session.screen.contains("Teams alert"))
    }

    @Test func escGoesBackAndQQuitsOnlyFromHome() {
        let (session, _) = makeSession()
        session.send([.down, .enter, .character("q")])
        #expect(!session.state.isQuitting)
        session.send([.escape, .character("q")])
        #expect(session.state.isQuitting)
    }

    @Test func helpOverlayOpensAndCloses() {
        let (session, _) = makeSession()
        session.send([.character("?")])
        #expect(session.screen.contains("Keys: Home"))
        session.send([.character("x")])
        #expect(!session.screen.contains("Keys: Home"))
    }

    @Test func dataScreenShowsCurrentValues() {
        let (session, _) = makeSession()
        session.send([.enter])
        #expect(session.screen.contains("High value customers"))
        #expect(session.screen.contains("87 members"))
        #expect(session.screen.contains("Total revenue"))
    }

    @Test func resizeRelaysOutTheScreen() {
        let (session, _) = makeSession()
        session.dispatch(.resize(Size(width: 120, height: 40)))
        let frame = session.render()
        #expect(frame.size == Size(width: 120, height: 40))
        #expect(frame.line(39).contains("? help"))
        #expect(frame.line(0).hasPrefix(" InsightFlow"))
    }
}
