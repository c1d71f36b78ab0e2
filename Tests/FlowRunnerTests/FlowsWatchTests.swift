import FlowExpressions
import FlowModel
import Foundation
import Synchronization
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

/// The watch wakes the runner for flow files only: the designer's autosaved drafts (written at every edit), the
/// history and the index are hidden names and never cause a reload.
@Suite struct FlowsWatchHiddenNamesTests {
    @Test(.timeLimit(.minutes(1))) func draftsAndHistoryDoNotWakeTheRunnerButAFlowFileDoes() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-watch-hidden-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let changes = Counter()
        let watch = FlowsFolderWatch(folder: url, debounce: 0.05) { changes.add() }
        let store = FlowStore(folder: url)
        let flow = RunnerFixture.flow("watched", trigger: Trigger(kind: .dataSourceRefreshFailed), steps: [.compose("C", "hi")])
        try store.saveDraft(flow)
        try store.saveDraft(flow)
        try FileManager.default.createDirectory(at: url.appendingPathComponent(".history/watched"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(600))
        #expect(changes.value == 0, "hidden names only: no reload")
        _ = try store.create(flow)
        let deadline = Date().addingTimeInterval(5)
        while changes.value == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(changes.value >= 1, "a flow file wakes the runner")
        withExtendedLifetime(watch) {}
    }
}

/// A thread-safe counter for callbacks.
private final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
