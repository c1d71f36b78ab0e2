import PostgresStore
import Testing

@Suite struct PostgresStoreURLTests {
    @Test func aFullAddressIsRead() throws {
        let url = try PostgresStoreURL("postgres://flows:s%40cret@db.internal:6432/insightflow?sslmode=require")
        #expect(url.host == "db.internal")
        #expect(url.port == 6432)
        #expect(url.username == "flows")
        #expect(url.password == "s@cret")
        #expect(url.database == "insightflow")
        #expect(url.tlsMode == .require)
    }

    @Test func defaultsArePort5432AndPreferTLS() throws {
        let url = try PostgresStoreURL("postgresql://flows@localhost/insightflow")
        #expect(url.port == 5432)
        #expect(url.tlsMode == .prefer)
        #expect(url.password == nil)
    }

    /// Each bad address is refused with a message naming the part and the fix, never showing the password.
    @Test(arguments: [
        ("mysql://u@h/db", "not a postgres:// URL"),
        ("postgres://u@/db", "has no host"),
        ("postgres://h/db", "has no user name"),
        ("postgres://u:pw@h", "names no database"),
        ("postgres://u:pw@h:70000/db", "port"),
        ("postgres://u:pw@h/db?sslmode=maybe", "sslmode must be one of"),
        ("postgres://u:pw@h/db?pool=3", "unknown option pool"),
    ])
    func badAddressesAreRefusedClearly(text: String, expected: String) {
        do {
            _ = try PostgresStoreURL(text)
            Issue.record("\(text) was accepted")
        } catch {
            let message = String(describing: error)
            #expect(message.contains(expected), "\(message)")
            #expect(!message.contains(":pw@"), "the password leaked: \(message)")
        }
    }
}
