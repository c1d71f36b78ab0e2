import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// A running runner sees flow changes written by anyone (here: another FlowStore, as the CLI would): within a
/// second when idle (0.2 s debounce); the test allows 5 s, as a loaded test machine needs.
@Suite struct FlowsWatchTests {
    @Test(.timeLimit(.minutes(1))) func enableDisableAndDeleteFromOutsideReachTheRunner() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-watch-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let home = InsightFlowHome(url: url)
        let host = try await RunnerHost.open(home: home, delivery: RecordingDelivery())
        let client = LocalRunnerClient(host: host)
        let event: JSONValue = ["type": "DataSourceRefreshFailed", "fields": ["dataSourceName": "CRM"]]
        #expect(try await client.accept(event: event, origin: .cli).runIds.isEmpty, "no flows yet")

        let store = FlowStore(home: home)
        let flow = RunnerFixture.flow("outside", trigger: Trigger(kind: .dataSourceRefreshFailed), steps: [.compose("C", "hi")])
        _ = try store.create(flow)
        _ = try store.setState(id: "outside", .on, context: CheckContext(connections: nil))
        #expect(try await firesWithin(seconds: 5, client, event), "a flow turned On by another process fires")

        _ = try store.setState(id: "outside", .off, context: CheckContext(connections: nil))
        #expect(try await !firesWithin(seconds: 5, client, event, expectFire: false), "turned Off, it stops firing")

        _ = try store.setState(id: "outside", .on, context: CheckContext(connections: nil))
        #expect(try await firesWithin(seconds: 5, client, event))
        try store.delete(id: "outside")
        #expect(try await !firesWithin(seconds: 5, client, event, expectFire: false), "deleted, it never runs again")
        await client.close()
    }

    /// Sends the event every 50 ms until it fires (or, when a fire is not expected, until the time is up and it
    /// still fires). Returns whether the last attempt fired.
    private func firesWithin(seconds: Double, _ client: LocalRunnerClient, _ event: JSONValue, expectFire: Bool = true) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var fired = false
        repeat {
            try await Task.sleep(for: .milliseconds(50))
            let runs = try await client.accept(event: event, origin: .cli).runIds
            for id in runs { _ = try await client.waitForRun(id) }
            fired = !runs.isEmpty
        } while fired != expectFire && Date() < deadline
        return fired
    }
}
