import FlowModel
import FlowRunner
import Foundation
import Testing

/// The flow index lives in the flows folder but is not a flow: `flow list` on an empty home, then the first start
/// of the app, still makes the sample home.
@Suite struct SampleHomeIndexTests {
    @Test func anIndexAloneDoesNotCountAsFlows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = InsightFlowHome(url: folder)
        try FileManager.default.createDirectory(at: home.flowsFolder, withIntermediateDirectories: true)
        try Data(#"{"version": 1, "entries": {}}"#.utf8).write(to: FlowStore(home: home).indexFile)
        #expect(try SampleHome.prepareIfNew(home))
        #expect(FlowStore(home: home).list().flows.count == 2)
    }
}
