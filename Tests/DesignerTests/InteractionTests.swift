import Designer
import FlowExpressions
import FlowModel
import Testing
import TerminalUI

@MainActor @Suite struct InteractionTests {
    private func openSample(_ flow: Flow = sampleFlow()) -> (DesignerSession, InMemoryDesignerServices) {
        let (session, services) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter])
        return (session, services)
    }

    @Test func mouseClickSelectsThenOpens() {
        let (session, _) = makeSession()
        let admin = Key.mouse(MouseEvent(x: 6, y: 5, button: .left))
        session.send([admin])
        #expect(session.state.breadcrumb == ["InsightFlow"])
        session.send([admin])
        #expect(session.state.breadcrumb == ["InsightFlow", "Admin"])
    }

    @Test func ctrlCWithUnsavedChangesAsksFirst() {
        let (session, _) = openSample()
        session.send([.down, .character("J"), .ctrl("c")])
        #expect(!session.state.isQuitting)
        #expect(session.screen.contains("Unsaved changes"))
        session.send([.character("d")])
        #expect(session.state.isQuitting)
    }

    @Test func runAfterRetryAndTimeoutAreEdited() throws {
        let (session, _) = openSample()
        session.send([.down, .down, .enter])
        session.send([.tab, .tab, .ctrl("u")])
        session.type("Post_message: Succeeded, Failed")
        session.send([.tab, .right, .right, .tab])
        session.type("3")
        session.send([.tab])
        session.type("PT10S")
        session.send([.tab])
        session.type("PT5M")
        session.send([.enter])
        let compose = try #require(session.state.document?.flow.definition.actions["Compose"])
        #expect(compose.runAfter == ["Post_message": [.succeeded, .failed]])
        #expect(compose.retryPolicy == RetryPolicy(kind: .fixed, count: 3, interval: "PT10S"))
        #expect(compose.limit?.timeout == "PT5M")
    }

    @Test func badTimeoutKeepsTheFormOpen() {
        let (session, _) = openSample()
        session.send([.down, .down, .enter])
        for _ in 0..<6 { session.send([.tab]) }
        session.type("soon")
        #expect(session.screen.contains("must be an ISO 8601 duration"))
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Compose")
    }

    @Test func containersFoldAndUnfold() {
        var flow = sampleFlow()
        var scope = Step(name: "Scope", type: .scope)
        scope.actions = ["Inner": Step(name: "Inner", type: .compose, inputs: "x")]
        scope.runAfter = ["Compose": [.succeeded]]
        flow.definition.actions["Scope"] = scope
        let (session, _) = makeSession(flows: [flow], size: Size(width: 100, height: 40))
        session.send([.down, .down, .enter, .enter])
        #expect(session.screen.contains("Inner"))
        session.send([.end, .up, .character(" ")])
        #expect(!session.screen.contains("Inner"))
        #expect(session.screen.contains("Scope · Scope (collapsed)"))
        session.send([.character(" ")])
        #expect(session.screen.contains("Inner"))
    }

    @Test func asciiMonochromeCanvasSnapshot() {
        let services = InMemoryDesignerServices(flows: [sampleFlow()])
        let theme = ThemeLoader.load(name: "monochrome", folders: [], mode: .none, glyphs: .ascii).theme
        let session = DesignerSession(services: services, size: Size(width: 80, height: 24), theme: theme)
        session.send([.down, .down, .enter, .enter, .down])
        expectScreen(session, "canvas-ascii-monochrome")
        let frame = session.render()
        #expect(frame.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        #expect(frame.cells.contains { $0.style.attributes.contains(.reverse) })
    }

    @Test func tinyTerminalSaysSo() {
        let (session, _) = makeSession(size: Size(width: 18, height: 4))
        #expect(session.screen.contains("Window too small"))
    }
}
