import Foundation
import PostgresStore
import Testing

/// `insightflow store …` as two people on two machines use it: one pushes, the other pulls, edits and pushes, and
/// the first one's stale push is refused until they pull.
@Suite struct StoreCLITests {
    /// One home and the built binary.
    struct Home {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-store-cli-\(UUID().uuidString)")

        /// Runs `insightflow ARGS --home HOME`; returns status and standard output + error.
        func run(_ arguments: [String], store: String? = nil, withHome: Bool = true) throws -> (status: Int32, output: String) {
            let log = url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            defer { try? handle.close() }
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = arguments + (withHome ? ["--home", url.path] : []) + (store.map { ["--store", $0] } ?? [])
            process.standardOutput = handle
            process.standardError = handle
            process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "INSIGHTFLOW_STORE" && $0.key != "INSIGHTFLOW_HOME" }
            try process.run()
            process.waitUntilExit()
            return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        }

        /// The `insightflow` binary beside the test bundle.
        static var binary: URL {
            var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("insightflow")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
            return URL(fileURLWithPath: ".build/debug/insightflow")
        }

        /// Writes a flow file and imports it.
        func importFlow(id: String, name: String) throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let file = url.appendingPathComponent("\(id)-import.json")
            try Data("""
                {"id": "\(id)", "displayName": "\(name)", "state": "Off", "version": 1, "definition": {
                  "triggers": {"manual": {"type": "Request", "kind": "Button"}},
                  "actions": {"Say": {"type": "Compose", "inputs": "hello", "runAfter": {}}}}}
                """.utf8).write(to: file)
            let result = try run(["flow", "import", file.path])
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func twoHomesShareAFlowAndAStalePushIsRefusedUntilPulled() async throws {
        try await TestPostgres.withDatabase { _, url in
            let store = "postgres://\(url.username)@\(url.host):\(url.port)/\(url.database)?sslmode=disable"
            let alice = Home(), bob = Home()
            try alice.importFlow(id: "alert", name: "Alert")

            let empty = try alice.run(["store", "status"], store: store, withHome: false)
            #expect(empty.status == 0 && empty.output.contains("store migrate"), "\(empty.output)")
            let migrated = try alice.run(["store", "migrate"], store: store, withHome: false)
            #expect(migrated.status == 0 && migrated.output.contains("schema at version"), "\(migrated.output)")

            let pushed = try alice.run(["store", "push"], store: store)
            #expect(pushed.status == 0 && pushed.output.contains("alert: pushed as v1"), "\(pushed.output)")
            let again = try alice.run(["store", "push"], store: store)
            #expect(again.status == 0 && again.output.contains("alert: unchanged (v1)"), "\(again.output)")

            let pulled = try bob.run(["store", "pull"], store: store)
            #expect(pulled.status == 0 && pulled.output.contains("alert: pulled v1 (new in this home)"), "\(pulled.output)")
            #expect(try bob.run(["flow", "rename", "alert", "Alert from Bob"]).status == 0)
            let bobPush = try bob.run(["store", "push"], store: store)
            #expect(bobPush.status == 0 && bobPush.output.contains("alert: pushed as v2"), "\(bobPush.output)")

            #expect(try alice.run(["flow", "rename", "alert", "Alert from Alice"]).status == 0)
            let stale = try alice.run(["store", "push"], store: store)
            #expect(stale.status == 1, "\(stale.output)")
            #expect(stale.output.contains("refused: the store has v2") && stale.output.contains("store pull alert"), "\(stale.output)")

            let catchUp = try alice.run(["store", "pull", "alert"], store: store)
            #expect(catchUp.status == 0 && catchUp.output.contains("alert: pulled v2"), "\(catchUp.output)")
            let shown = try alice.run(["flow", "show", "alert"])
            #expect(shown.output.contains("Alert from Bob"), "\(shown.output)")
            let history = try alice.run(["flow", "history", "alert"])
            #expect(history.output.contains("pulled v2 from the shared store"), "Alice's own edit stays in her history: \(history.output)")

            let status = try bob.run(["store", "status"], store: store, withHome: false)
            #expect(status.output.contains("alert  v2"), "\(status.output)")
        }
    }

    @Test(arguments: [
        ("mysql://u@h/d", "is not a postgres:// URL"),
        ("postgres://u:secret@127.0.0.1:1/d?sslmode=disable", "did not answer"),
    ])
    func aBadOrUnreachableStoreIsAClearErrorWithoutThePassword(store: String, expected: String) throws {
        let home = Home()
        let result = try home.run(["store", "status"], store: store, withHome: false)
        #expect(result.status != 0)
        let refused = result.output.contains(expected) || result.output.contains("cannot use the store at u@127.0.0.1:1/d")
        #expect(refused, "\(result.output)")
        #expect(!result.output.contains("secret"), "\(result.output)")
    }

    @Test func noStoreGivenNamesTheOptionAndTheVariable() throws {
        let result = try Home().run(["store", "status"], withHome: false)
        #expect(result.status != 0 && result.output.contains("--store") && result.output.contains("INSIGHTFLOW_STORE"), "\(result.output)")
    }
}
