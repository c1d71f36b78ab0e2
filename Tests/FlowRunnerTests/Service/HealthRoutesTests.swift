import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// `/health` and `/ready` on a real intake: no credentials, JSON detail, 503 naming the part that fails.
@Suite struct HealthRoutesTests {
    func start(_ fixture: RunnerFixture) async throws -> (IntakeServer, ServiceHTTP) {
        let (server, http, _) = try await started(fixture)
        return (server, http)
    }

    func started(_ fixture: RunnerFixture) async throws -> (IntakeServer, ServiceHTTP, Runner) {
        try fixture.add(RunnerFixture.flow("any", trigger: Trigger(kind: .dataSourceRefreshFailed), steps: [.compose("C", "x")]))
        let runner = try await fixture.runner()
        let credentials = try IntakeCredentials.loadOrCreate(home: fixture.home.url)
        let server = try IntakeServer(port: 0, credentials: credentials, client: LocalRunnerClient(runner: runner))
        Task { try await server.run() }
        return (server, ServiceHTTP(port: try await server.waitUntilListening()), runner)
    }

    @Test func healthAndReadyAnswerWithoutCredentials() async throws {
        let (server, http) = try await start(try RunnerFixture())
        defer { Task { await server.stop() } }
        let health = try await http.get("/health")
        #expect(health.status == 200 && health.json == ["status": "ok"])
        let ready = try await http.get("/ready")
        #expect(ready.status == 200)
        #expect(ready.json["status"] == "ready" && ready.json["failing"] == [])
        #expect(ready.json["checks"]?["store"]?["ok"] == true)
        #expect(ready.json["checks"]?["flows"]?["detail"] == "1 loaded")
        #expect(ready.json["checks"]?["workspace"]?["detail"]?.stringValue?.hasPrefix("absent") == true)
    }

    @Test func readyFailsNamingTheStoreWhenTheHistoryDatabaseIsRemoved() async throws {
        let fixture = try RunnerFixture()
        let (server, http) = try await start(fixture)
        defer { Task { await server.stop() } }
        #expect(try await http.get("/ready").status == 200)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: fixture.home.historyDatabase.path + suffix) }
        let ready = try await http.get("/ready")
        #expect(ready.status == 503)
        #expect(ready.json["status"] == "not ready" && ready.json["failing"] == ["store"])
        #expect(ready.json["checks"]?["store"]?["detail"]?.stringValue?.contains("is gone") == true)
        #expect(try await http.get("/health").status == 200, "alive even when not ready")
    }

    @Test func readyFailsNamingTheStoreWhenTheDatabaseIsReplacedByJunk() async throws {
        let fixture = try RunnerFixture()
        let (server, http) = try await start(fixture)
        defer { Task { await server.stop() } }
        let path = fixture.home.historyDatabase.path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try Data("not a database".utf8).write(to: fixture.home.historyDatabase)
        let ready = try await http.get("/ready")
        #expect(ready.status == 503 && ready.json["failing"] == ["store"], "\(ready.text)")
    }

    @Test func readyFailsNamingTheWorkspaceWhenItsDefinitionDoesNotLoad() async throws {
        let fixture = try RunnerFixture()
        try FileManager.default.createDirectory(at: fixture.home.workspaceFolder, withIntermediateDirectories: true)
        try Data("{ broken".utf8).write(to: fixture.home.workspaceFolder.appendingPathComponent("workspace.json"))
        let (server, http) = try await start(fixture)
        defer { Task { await server.stop() } }
        let ready = try await http.get("/ready")
        #expect(ready.status == 503 && ready.json["failing"] == ["workspace"])
    }

    @Test func readyFailsNamingTheFlowsWhenAReloadFails() async throws {
        let fixture = try RunnerFixture()
        let (server, http, runner) = try await started(fixture)
        defer { Task { await server.stop() } }
        try Data("[ not connections".utf8).write(to: fixture.home.connectionsFile)
        await #expect(throws: (any Error).self) { try await runner.reload() }
        let ready = try await http.get("/ready")
        #expect(ready.status == 503 && ready.json["failing"] == ["flows"], "\(ready.text)")
    }
}
