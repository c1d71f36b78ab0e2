import Dispatch
import FlowExpressions
import FlowModel
import Foundation
import Testing

/// The flow index across processes: `flow list` processes racing each other and an editor process never leave a
/// corrupt index or a stale listing; a corrupt index file is rebuilt silently.
@Suite struct FlowIndexCLITests {
    let cli = CLIRunner()

    private func makeFlows(_ count: Int) throws {
        let store = FlowStore(home: InsightFlowHome(url: cli.home))
        for i in 0..<count { try store.create(SampleFlows.long(id: "flow-\(i)", steps: 10)) }
    }

    private func listedNames() throws -> [String] {
        let listed = try JSONValue.parse(try cli.run(["flow", "list", "--json"]).stdout)
        guard case .array(let flows)? = listed.value(atPath: "flows") else { return [] }
        return flows.compactMap { $0.value(atPath: "displayName")?.stringValue }
    }

    @Test func listersAndAnEditorInSeparateProcessesAgree() throws {
        try makeFlows(30)
        let cli = self.cli
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for round in 0..<6 {
                if worker == 0 {
                    _ = try? cli.run(["flow", "rename", "flow-7", "Renamed \(round)"])
                } else {
                    _ = try? cli.run(["flow", "list"])
                }
            }
        }
        let names = try listedNames()
        #expect(names.count == 30)
        #expect(names.contains("Renamed 5"))
        let index = try JSONValue.parse(try String(contentsOf: cli.home.appendingPathComponent("flows/.index.json"), encoding: .utf8))
        guard case .object(let entries)? = index.value(atPath: "entries") else {
            Issue.record("the index has no entries")
            return
        }
        #expect(entries.count == 30)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.home.appendingPathComponent("flows").path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aCorruptIndexGivesTheSameListingAndNoWarning() throws {
        try makeFlows(5)
        let first = try cli.run(["flow", "list"])
        try Data("{\"format\": 1, \"entr".utf8).write(to: cli.home.appendingPathComponent("flows/.index.json"))
        let again = try cli.run(["flow", "list"])
        #expect(again.status == 0)
        #expect(again.stdout == first.stdout)
        #expect(again.stderr.isEmpty)
    }
}
