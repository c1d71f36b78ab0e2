import Designer
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation
import Testing
import TerminalUI

@MainActor
@Suite struct ConnectionsTests {
    static let webhook = "https://contoso.webhook.office.com/webhookb2/secret-token-abcd1234"

    /// A temporary home with a Teams connection and an outbox connection; Home > Admin > Connections opened.
    private func openConnections() throws -> (DesignerSession, ConnectionStore, URL) {
        let (history, folder) = try temporaryHistory()
        let home = InsightFlowHome(url: folder)
        let store = ConnectionStore(home: home)
        try store.save([Connection(name: "Teams", kind: .teams, settings: ["webhookUrl": .string(Self.webhook), "format": "messageCard"]),
                        Connection(name: "Outbox", kind: .outbox)])
        let link = HomeRunnerLink(client: nil, history: history, workspace: nil, home: home)
        let session = DesignerSession(services: StoreDesignerServices(home: home, runner: link), size: Size(width: 80, height: 24), theme: .plain)
        session.send([.down, .enter, .down, .down, .enter])
        return (session, store, folder)
    }

    @Test func listMasksSecretsSnapshot() throws {
        let (session, _, folder) = try openConnections()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(session.screen.contains("••••••1234"))
        #expect(!session.screen.contains("secret-token"))
        expectScreen(session, "connections-80x24")
    }

    @Test func addATeamsConnectionWithAMaskedSecret() throws {
        let (session, store, folder) = try openConnections()
        defer { try? FileManager.default.removeItem(at: folder) }
        session.type("a")
        session.send([.enter])
        session.type("Alerts")
        session.send([.tab])
        session.type("https://example.test/hook/very-secret-value")
        #expect(!session.screen.contains("very-secret-value"))
        session.send([.ctrl("s")])
        #expect(try store.connection(named: "Alerts")?.string("webhookUrl") == "https://example.test/hook/very-secret-value")
        #expect(session.state.connections["Alerts"] == "teams")
        #expect(!session.screen.contains("very-secret-value"))
    }

    @Test func editingKeepsTheStoredSecretAndOtherSettings() throws {
        let (session, store, folder) = try openConnections()
        defer { try? FileManager.default.removeItem(at: folder) }
        session.send([.down, .enter])
        session.send([.ctrl("s")])
        let teams = try #require(try store.connection(named: "Teams"))
        #expect(teams.string("webhookUrl") == Self.webhook)
        #expect(teams.string("format") == "messageCard")
    }

    @Test func deleteAsksThenRemoves() throws {
        let (session, store, folder) = try openConnections()
        defer { try? FileManager.default.removeItem(at: folder) }
        session.type("d")
        #expect(session.screen.contains("Delete \"Outbox\""))
        session.send([.enter])
        #expect(try store.connection(named: "Outbox") == nil)
        #expect(try store.connection(named: "Teams") != nil)
    }

    @Test func testingAnOutboxConnectionWritesACard() async throws {
        let (session, _, folder) = try openConnections()
        defer { try? FileManager.default.removeItem(at: folder) }
        session.type("t")
        for _ in 0..<100 where !(session.state.live.activity ?? "").contains("succeeded") {
            try await Task.sleep(for: .milliseconds(20))
            session.dispatch(.tick)
        }
        #expect(session.state.live.activity?.hasPrefix("Test through Outbox written to the outbox: ") == true, "an outbox says where the card went, not an HTTP status (D18)")
        let outbox = InsightFlowHome(url: folder).outboxFolder.path
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox).contains { $0.hasSuffix(".json") })
    }
}
