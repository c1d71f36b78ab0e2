import Foundation
import Testing
@testable import Insights

@Suite(.temporaryFolder) struct RefreshEventTests {
    /// Runs a full refresh and collects events up to `fullRefreshCompleted`.
    private func collect(_ workspace: Workspace) async throws -> [InsightsEvent] {
        let stream = workspace.events()
        try await workspace.refreshAll()
        var events: [InsightsEvent] = []
        for await event in stream {
            events.append(event)
            if case .fullRefreshCompleted = event { break }
        }
        return events
    }

    @Test func fullRefreshPublishesStagesInDependencyOrder() async throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture()
        let workspace = try fixture.load()
        let events = try await collect(workspace)
        let names = events.map { event -> String in
            switch event {
            case .dataSourceRefreshSucceeded(let result): "ok:\(result.sourceName)"
            case .dataSourceRefreshFailed(let result): "failed:\(result.sourceName)"
            case .unificationCompleted: "unified"
            case .measureRefreshed(let change): "measure:\(change.measureName)"
            case .segmentRefreshed(let change): "segment:\(change.segmentName)"
            case .fullRefreshCompleted: "done"
            }
        }
        #expect(names == [
            "ok:crm", "ok:web", "ok:loyalty", "ok:orders", "unified",
            "measure:Total revenue", "measure:Active customers", "measure:Average order value", "measure:Profiles",
            "segment:High value", "segment:Big spenders in Berlin", "segment:North", "segment:No email", "segment:New this month",
            "done",
        ])
        guard case .segmentRefreshed(let first)? = events.first(where: { $0.kind == "SegmentRefreshed" }) else {
            Issue.record("no segment event")
            return
        }
        #expect(first.previousCount == nil && first.currentCount == 2)
    }

    @Test func secondRefreshCarriesPreviousValuesAndFailures() async throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture()
        let workspace = try fixture.load()
        _ = try await collect(workspace)
        try fixture.write("data/orders.csv", TestWorkspace.ordersCSV + "6,w2,oops,2026-11-26\n")
        let events = try await collect(workspace)
        let failed = events.first { $0.kind == "DataSourceRefreshFailed" }?.fields
        #expect(failed?["dataSourceName"] == .string("orders"))
        #expect(failed?["errorMessage"] == .string("source 'orders': row 7, column 'amount': 'oops' is not a valid decimal"))
        #expect(failed?["rowsRead"] == .integer(6), "rows read up to and including the bad row")
        let revenue = events.first { $0.kind == "MeasureRefreshed" }?.fields
        #expect(revenue?["measureName"] == .string("Total revenue"))
        #expect(revenue?["previousValue"] == .number(1100) && revenue?["currentValue"] == .number(1100))
        let done = events.last?.fields
        #expect(done?["sourcesFailed"] == .array([.string("orders")]))
        #expect(done?["profiles"] == .integer(5))
    }

    @Test func everySubscriberGetsEveryEvent() async throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture()
        let workspace = try fixture.load()
        let second = workspace.events()
        let first = try await collect(workspace)
        var copy: [InsightsEvent] = []
        for await event in second {
            copy.append(event)
            if case .fullRefreshCompleted = event { break }
        }
        #expect(copy == first)
    }

    @Test func concurrentRefreshesRunOneAfterTheOther() async throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture()
        let workspace = try fixture.load()
        let stream = workspace.events()
        async let first = workspace.refreshAll()
        async let second = workspace.refreshAll()
        let summaries = try await [first, second]
        var kinds: [String] = []
        var completed = 0
        for await event in stream {
            kinds.append(event.kind)
            if case .fullRefreshCompleted = event { completed += 1 }
            if completed == 2 { break }
        }
        let half = kinds.count / 2
        #expect(Array(kinds[..<half]) == Array(kinds[half...]), "the second refresh starts after the first completed")
        #expect(summaries[0].refreshId != summaries[1].refreshId)
    }

    @Test func eventFieldsUseISOTimesAndCamelCaseKeys() throws {
        let result = SourceRefreshResult(
            refreshId: UUID(), sourceName: "crm", startedAt: Date(timeIntervalSince1970: 0),
            finishedAt: Date(timeIntervalSince1970: 1.5), rowsRead: 3, rowsRejected: 1, error: nil)
        let fields = InsightsEvent.dataSourceRefreshSucceeded(result).fields
        #expect(fields["startedAt"] == .string("1970-01-01T00:00:00.000Z"))
        #expect(fields["finishedAt"] == .string("1970-01-01T00:00:01.500Z"))
        #expect(fields["rowsRejected"] == .integer(1) && fields["errorMessage"] == .null)
    }

    @Test func progressReportsEveryStep() async throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture()
        let workspace = try fixture.load()
        let steps = ProgressLog()
        try await workspace.refreshAll { steps.append($0) }
        let seen = steps.values
        #expect(seen.map(\.step) == Array(1...seen.count))
        #expect(seen.count == seen.last?.totalSteps && seen.count == 4 + 1 + 10)
        #expect(seen[4].stage == .unification)
    }
}

/// A thread-safe list of progress reports.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [RefreshProgress] = []
    func append(_ progress: RefreshProgress) { lock.withLock { items.append(progress) } }
    var values: [RefreshProgress] { lock.withLock { items } }
}
