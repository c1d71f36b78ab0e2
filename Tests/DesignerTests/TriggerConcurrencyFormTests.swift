import Designer
import FlowExpressions
import FlowModel
import Foundation
import Testing
import TerminalUI

/// The trigger form's "Concurrency control" fields, driven by keys on the in-memory terminal over a real home: the
/// saved flow file holds `runtimeConfiguration.concurrency`, and out-of-range numbers are refused at the field.
@MainActor @Suite struct TriggerConcurrencyFormTests {
    private func home(with flow: Flow) throws -> (InsightFlowHome, Flow) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("designer-concurrency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let home = InsightFlowHome(url: url)
        return (home, try FlowStore(home: home).create(flow))
    }

    private func openTriggerForm(_ session: DesignerSession) {
        session.openFlowsList()
        session.send([.enter, .enter])
    }

    private func focus(_ label: String, _ session: DesignerSession) {
        for _ in 0..<20 where !session.screen.contains("› \(label)") { session.send([.tab]) }
    }

    @Test func concurrencyControlIsSetSavedAndInTheFile() throws {
        let (home, created) = try home(with: sampleFlow())
        defer { try? FileManager.default.removeItem(at: home.url) }
        let session = DesignerSession(services: StoreDesignerServices(home: home), size: Size(width: 100, height: 30), theme: .plain)
        openTriggerForm(session)
        #expect(session.screen.contains("Concurrency control"))
        focus("Concurrency control", session)
        session.send([.character(" ")])
        focus("Concurrent runs", session)
        session.type("1")
        focus("Max waiting runs", session)
        session.type("5")
        session.send([.ctrl("s")])
        let file = home.flowsFolder.appendingPathComponent("\(created.id).json")
        let saved = try JSONValue.parse(bytes: [UInt8](try Data(contentsOf: file)))
        let trigger = try #require(saved.value(atPath: "definition.triggers")?.objectValue?.values.first)
        #expect(trigger.value(atPath: "runtimeConfiguration.concurrency") == ["runs": 1, "maximumWaitingRuns": 5], "\(trigger)")
        #expect(trigger.value(atPath: "inputs.dataSource") == "any", "the trigger's parameters stay")
        #expect(try FlowStore(home: home).load(id: created.id).flow.trigger?.concurrency == TriggerConcurrency(runs: 1, maximumWaitingRuns: 5))
    }

    @Test func outOfRangeRunsAreRefusedAndNothingIsWritten() throws {
        let (home, created) = try home(with: sampleFlow())
        defer { try? FileManager.default.removeItem(at: home.url) }
        let session = DesignerSession(services: StoreDesignerServices(home: home), size: Size(width: 100, height: 30), theme: .plain)
        openTriggerForm(session)
        focus("Concurrency control", session)
        session.send([.character(" ")])
        focus("Concurrent runs", session)
        session.type("101")
        session.send([.ctrl("s")])
        #expect(session.screen.contains("Concurrent runs: must be a whole number from 1 to 100"))
        #expect(session.state.breadcrumb.last == "Trigger", "the form stays open")
        #expect(try FlowStore(home: home).load(id: created.id).flow.trigger?.concurrency == nil)
    }

    @Test func turningItOffRemovesTheSetting() throws {
        var flow = sampleFlow()
        let name = try #require(flow.trigger?.name)
        flow.definition.triggers[name]?.concurrency = TriggerConcurrency(runs: 2, maximumWaitingRuns: 20)
        let (home, created) = try home(with: flow)
        defer { try? FileManager.default.removeItem(at: home.url) }
        let session = DesignerSession(services: StoreDesignerServices(home: home), size: Size(width: 100, height: 30), theme: .plain)
        openTriggerForm(session)
        focus("Concurrency control", session)
        session.send([.character(" ")])
        session.send([.ctrl("s")])
        let trigger = try FlowStore(home: home).load(id: created.id).flow.trigger
        #expect(trigger?.concurrency == nil)
        #expect(trigger?.extra["runtimeConfiguration"] == nil)
    }
}
