import Foundation
import Testing
@testable import Insights

@Suite(.temporaryFolder) struct SampleWorkspaceTests {
    private func sample() throws -> (TestWorkspace, Workspace) {
        let fixture = try TestWorkspace()
        let folder = fixture.folder
        #expect(try SampleWorkspace.writeIfAbsent(to: folder, now: TestWorkspace.now))
        #expect(try !SampleWorkspace.writeIfAbsent(to: folder, now: TestWorkspace.now), "an existing workspace is kept")
        return (fixture, try Workspace.load(folder: folder, clock: { TestWorkspace.now }))
    }

    @Test func sampleRefreshesWithOverlapAndNonTrivialInsights() async throws {
        let (_, workspace) = try sample()
        let summary = try await workspace.refreshAll()
        #expect(summary.sourcesFailed.isEmpty && summary.sourcesSucceeded.count == 4)
        let status = try await workspace.status()
        let records = status.sources.filter { $0.feeds == "customers" }.compactMap(\.rows).reduce(0, +)
        #expect(status.profiles > 40 && status.profiles < records, "overlapping people are unified")
        for segment in status.segments where segment.name != "Gold loyalty without email" {
            #expect((segment.count ?? 0) > 0, "\(segment.name) has members")
        }
        #expect(status.measures.allSatisfy { $0.value != nil })
        #expect(workspace.definition.demoFeed?.enabled == true && workspace.definition.schedule?.intervalSeconds == 20)
    }

    @Test func firstStartOfAnEmptyHomeCreatesTheSample() async throws {
        let home = try TestWorkspace().folder
        let workspace = try Workspace.loadCreatingSample(home: home)
        #expect(workspace.folder == home.appendingPathComponent("workspace", isDirectory: true))
        #expect(workspace.definition.sources.count == 4)
        #expect(DemoFeed.configured(for: workspace) != nil)
        let summary = try await workspace.refreshAll()
        #expect(summary.sourcesFailed.isEmpty && summary.profiles > 0)
    }

    @Test func demoFeedSwitchesOffInTheDefinition() throws {
        let fixture = try TestWorkspace()
        try SampleWorkspace.write(to: fixture.folder, now: TestWorkspace.now)
        var definition = try WorkspaceDefinition.load(folder: fixture.folder)
        definition.demoFeed?.enabled = false
        try definition.write(to: fixture.folder)
        #expect(DemoFeed.configured(for: try fixture.load()) == nil)
        let text = String(decoding: try Data(contentsOf: fixture.folder.appendingPathComponent("workspace.json")), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"demoFeed\" : {\n    \"enabled\" : false,"), "pretty printed with sorted keys")
    }

    @Test func demoFeedGrowsDataAndBreaksThenRepairsASource() async throws {
        let (fixture, workspace) = try sample()
        try await workspace.refreshAll()
        let before = try await workspace.status().measures.first { $0.name == "Total revenue" }?.value ?? 0
        let feed = DemoFeed(folder: fixture.folder, seed: 7)
        for _ in 1...5 { try feed.tick() }
        let grown = try await workspace.refreshAll()
        #expect(grown.sourcesFailed.isEmpty)
        let after = try await workspace.status().measures.first { $0.name == "Total revenue" }?.value ?? 0
        #expect(after > before)
        try feed.tick()
        let broken = try await workspace.refreshSource(named: "Webshop accounts")
        guard case .badValue(_, let row, let column, _, _)? = broken.error else {
            Issue.record("expected a bad value, got \(String(describing: broken.error))")
            return
        }
        #expect(row == 3 && column == "signup_date")
        for _ in 1...2 {
            try feed.tick()
            #expect(try await !workspace.refreshSource(named: "Webshop accounts").succeeded, "still broken")
        }
        try feed.tick()
        #expect(try await workspace.refreshSource(named: "Webshop accounts").succeeded, "repaired")
    }
}
