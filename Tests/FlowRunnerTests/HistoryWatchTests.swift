import FlowRunner
import Foundation
import Testing

/// `HistoryStore.changes()`: this process's commits arrive at once; another process's through `data_version`,
/// polled faster while things change and slower when idle.
@Suite struct HistoryWatchTests {
    private func temporaryHistory() throws -> (URL, HistoryStore) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-watch-\(UUID().uuidString).sqlite")
        return (url, try HistoryStore(url: url))
    }

    private func event() -> TriggerEvent {
        TriggerEvent(type: .dataSourceRefreshFailed, fields: ["dataSourceName": "CRM", "errorMessage": "x"], origin: "test")
    }

    /// Waits for the next signal of `stream`, up to `seconds`; the time it took, or nil.
    private func nextSignal(_ stream: AsyncStream<Void>, within seconds: Double) async -> Duration? {
        let clock = ContinuousClock()
        let start = clock.now
        return await withTaskGroup(of: Duration?.self) { group in
            group.addTask {
                var iterator = stream.makeAsyncIterator()
                return await iterator.next() == nil ? nil : start.duration(to: clock.now)
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func aCommitOfThisProcessIsSignalledWithoutWaitingForThePoll() async throws {
        let (url, history) = try temporaryHistory()
        defer { try? FileManager.default.removeItem(at: url) }
        // Polls every 30 s: a signal within 5 s can only come from the commit observer.
        let stream = history.changes(every: 30, idleInterval: 30)
        try await Task.sleep(for: .milliseconds(200))
        let writer = Task.detached {
            try await Task.sleep(for: .milliseconds(100))
            try history.recordEvent(event())
        }
        let waited = await nextSignal(stream, within: 5)
        try await writer.value
        #expect(waited != nil, "no signal for this process's own commit")
    }

    @Test func anotherConnectionsCommitIsSeenAfterAnIdleSpell() async throws {
        let (url, history) = try temporaryHistory()
        defer { try? FileManager.default.removeItem(at: url) }
        // A second store on the same file stands for another process: its commits do not reach the first's observer.
        let other = try HistoryStore.reader(url: url)
        let stream = history.changes(every: 0.05, idleInterval: 0.4)
        try await Task.sleep(for: .seconds(1.5))  // idle: the poll has backed off to its idle interval
        let writer = Task.detached { try other.recordEvent(event()) }
        let waited = await nextSignal(stream, within: 10)
        try await writer.value
        let took = try #require(waited, "another connection's commit was never noticed")
        #expect(took < .seconds(5), "noticed after \(took), the idle interval is 0.4 s")
    }
}
