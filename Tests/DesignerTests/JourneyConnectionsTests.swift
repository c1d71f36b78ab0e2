import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

/// Journeys through Admin > Connections on a real home: a connection's kind changes; deleting one names its flows.
@MainActor @Suite struct JourneyConnectionsTests {
    /// A temporary home with an outbox connection `Outbox` used by a saved flow; Home > Admin > Connections opened.
    private func openConnections() throws -> (DesignerSession, ConnectionStore, URL) {
        let (history, folder) = try temporaryHistory()
        let home = InsightFlowHome(url: folder)
        let store = ConnectionStore(home: home)
        try store.save([Connection(name: "Outbox", kind: .outbox)])
        var flow = sampleFlow()
        flow.definition.actions["Post_message"]?.inputs = ["connection": "Outbox", "text": "hello"]
        _ = try FlowStore(home: home).create(flow)
        let link = HomeRunnerLink(client: nil, history: history, workspace: nil, home: home)
        let session = DesignerSession(services: StoreDesignerServices(home: home, runner: link), size: Size(width: 80, height: 24), theme: .plain)
        session.send([.down, .enter, .end, .enter])
        return (session, store, folder)
    }

    /// D19: an outbox connection becomes a Teams connection (the form then asks for the webhook).
    @Test func aConnectionsKindCanBeChanged() throws {
        let (session, store, folder) = try openConnections()
        defer { try? FileManager.default.removeItem(at: folder) }
        session.send([.enter])
        #expect(session.screen.contains("Kind"))
        session.send([.right])
        #expect(session.screen.contains("< teams >"))
        #expect(session.screen.contains("Webhook URL"))
        session.send([.tab, .tab])
        session.type("https://example.test/hook/abc")
        session.send([.ctrl("s")])
        let saved = try #require(try store.connection(named: "Outbox"))
        #expect(saved.kind == .teams)
        #expect(saved.string("webhookUrl") == "https://example.test/hook/abc")
    }

    /// D6: a Teams step's connection picker ends with "new connection…"; Enter on it opens the Teams connection form,
    /// and the saved connection comes back chosen in the step form, saved in connections.json and in the step.
    @Test func aNewConnectionIsMadeInlineFromTheStepForm() throws {
        let (history, folder) = try temporaryHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = InsightFlowHome(url: folder)
        let store = ConnectionStore(home: home)
        try store.save([Connection(name: "Mail", kind: .smtp, settings: ["host": "127.0.0.1", "from": "a@b.c"])])
        _ = try FlowStore(home: home).create(sampleFlow())
        let link = HomeRunnerLink(client: nil, history: history, workspace: nil, home: home)
        let session = DesignerSession(services: StoreDesignerServices(home: home, runner: link), size: Size(width: 80, height: 24), theme: .plain)
        session.openFlowsList()
        session.send([.enter, .down, .enter, .tab])
        #expect(session.screen.contains("< teams > (1/2)"), "the step's own (missing) connection, then new: the smtp Mail is not offered")
        session.send([.right])
        #expect(session.screen.contains("< new connection… > (2/2)"))
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "New teams connection")
        session.type("Alerts")
        session.send([.tab])
        session.type("https://example.test/hook/abc-123")
        session.send([.ctrl("s")])
        #expect(session.screen.contains("< Alerts > (2/3)"), "back in the step form with the new connection chosen")
        #expect(try store.connection(named: "Alerts")?.kind == .teams)
        session.send([.enter])
        #expect(session.state.document?.flow.definition.actions["Post_message"]?.inputs?["connection"]?.stringValue == "Alerts")
    }

    /// Leaving "new connection…" chosen refuses to apply, on that field, instead of saving a connection named so.
    @Test func newConnectionIsNotAValue() throws {
        let (history, folder) = try temporaryHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = InsightFlowHome(url: folder)
        _ = try FlowStore(home: home).create(sampleFlow())
        let link = HomeRunnerLink(client: nil, history: history, workspace: nil, home: home)
        let session = DesignerSession(services: StoreDesignerServices(home: home, runner: link), size: Size(width: 80, height: 24), theme: .plain)
        session.openFlowsList()
        session.send([.enter, .down, .enter, .tab, .right, .ctrl("s")])
        #expect(session.screen.contains("press Enter here to add the connection"))
        #expect(session.state.document?.flow.definition.actions["Post_message"]?.inputs?["connection"]?.stringValue != "new connection…")
    }

    /// Deleting a connection names the flows that send through it.
    @Test func deletingAConnectionNamesItsFlows() throws {
        let (session, _, folder) = try openConnections()
        defer { try? FileManager.default.removeItem(at: folder) }
        session.type("d")
        #expect(session.screen.contains("Used by Teams alert"))
        session.send([.escape])
        #expect(session.state.breadcrumb.last == "Connections")
    }
}
