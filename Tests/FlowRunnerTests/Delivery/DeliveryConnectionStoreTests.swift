import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

@Suite("Delivery: connections.json")
struct DeliveryConnectionStoreTests {
    let home = DeliveryFixtures.home()
    var store: ConnectionStore { ConnectionStore(home: home) }

    let teams = Connection(name: "Sales channel", kind: .teams, settings: ["webhookUrl": "https://example.webhook.office.com/abc"])
    let mail = Connection(name: "Mail", kind: .smtp, settings: ["host": "127.0.0.1", "port": 2525, "security": "none", "from": "insightflow@localhost"])

    private func mode() throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: home.connectionsFile.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("saves in the documented shape with mode 0600 and loads it back")
    func roundTrip() throws {
        #expect(try store.load().isEmpty)
        try store.save([teams, mail, Connection(name: "Outbox", kind: .outbox)])
        #expect(try mode() == 0o600)
        let document = try JSONValue.parse(bytes: [UInt8](Data(contentsOf: home.connectionsFile)))
        #expect(document["connections"]?["Mail"] == ["kind": "smtp", "from": "insightflow@localhost", "host": "127.0.0.1", "port": 2525, "security": "none"])
        #expect(document["connections"]?["Outbox"] == ["kind": "outbox"])
        #expect(Set(try store.load()) == [teams, mail, Connection(name: "Outbox", kind: .outbox)])
        #expect(try store.connection(named: "Mail") == mail)
    }

    @Test("upsert replaces by name, remove deletes; no temporary files stay behind")
    func edits() throws {
        try store.upsert(teams)
        try store.upsert(mail)
        var changed = mail
        changed.settings["port"] = 587
        try store.upsert(changed)
        #expect(try store.load().count == 2)
        #expect(try store.connection(named: "Mail")?.int("port") == 587)
        try store.remove(name: "Sales channel")
        #expect(try store.load().map(\.name) == ["Mail"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.url.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
        #expect(try mode() == 0o600)
    }

    @Test("a save replaces the file by rename: a reader of the old file never sees a half-written one")
    func atomicReplace() throws {
        try store.save([teams])
        let reader = try FileHandle(forReadingFrom: home.connectionsFile)
        defer { try? reader.close() }
        try store.save([teams, mail])
        let old = try JSONValue.parse(bytes: [UInt8](reader.readDataToEndOfFile()))
        #expect(old["connections"]?.objectValue?.keys.elementsEqual(["Sales channel"]) == true)
        #expect(try store.load().count == 2)
    }

    @Test("concurrent upserts all survive")
    func concurrentUpserts() async throws {
        let store = self.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<16 {
                group.addTask { try store.upsert(Connection(name: "C\(i)", kind: .outbox)) }
            }
            try await group.waitForAll()
        }
        #expect(try store.load().count == 16)
    }

    @Test("a hand-written file readable by others is narrowed to 0600; bad files name the problem")
    func handWritten() throws {
        let text = #"{"connections": {"Hook": {"kind": "Teams", "webhookUrl": "https://x"}}}"#
        try Data(text.utf8).write(to: home.connectionsFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: home.connectionsFile.path)
        #expect(try store.load() == [Connection(name: "Hook", kind: .teams, settings: ["webhookUrl": "https://x"])])
        #expect(try mode() == 0o600)
        try Data(#"{"connections": {"Fax": {"kind": "fax"}}}"#.utf8).write(to: home.connectionsFile)
        #expect { try store.load() } throws: { "\($0)".contains("'Fax'") }
        try Data("{not json".utf8).write(to: home.connectionsFile)
        #expect(throws: ConnectionStoreError.self) { try store.load() }
    }

    @Test("Codable keeps name, kind and settings")
    func codable() throws {
        let data = try JSONEncoder().encode(mail)
        #expect(try JSONDecoder().decode(Connection.self, from: data) == mail)
    }
}
