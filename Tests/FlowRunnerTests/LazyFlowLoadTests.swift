import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// At start the runner reads its On flows and leaves out the Off flows the flow index knows; an Off flow is read
/// when a test run, a resubmit or a run needs it.
@Suite struct LazyFlowLoadTests {
    @Test func offFlowsAreReadWhenFirstNeeded() async throws {
        let fixture = try RunnerFixture()
        defer { try? FileManager.default.removeItem(at: fixture.home.url) }
        for i in 0..<40 {
            let flow = RunnerFixture.flow("off-\(i)", trigger: Trigger(kind: .manual),
                                          steps: [Step(name: "Compose", type: .compose, inputs: .string("flow \(i)"))])
            try fixture.store.create(flow)
        }
        try fixture.add(RunnerFixture.flow("on", trigger: Trigger(kind: .manual), steps: [Step(name: "Compose", type: .compose, inputs: "on")]))
        // Files changed within the racy window are never taken from the index: let them settle.
        try await Task.sleep(for: .milliseconds(2_200))
        let runner = try await fixture.runner()
        #expect(await runner.loadedFlows.map(\.id) == ["on"])

        let run = try await runner.test(flowId: "off-5", triggerBody: [:], dryRun: false)
        #expect(run.status == .succeeded)
        #expect(try fixture.history.steps(runId: run.id).first?.outputs == "flow 5")

        try await runner.reload()
        #expect(await runner.loadedFlows.map(\.id) == ["on"])
        let again = await runner.finished(try await runner.resubmit(runId: run.id))
        #expect(again.status == .succeeded && again.flowId == "off-5")
        #expect(await runner.loadedFlow("off-6")?.definition.actions["Compose"]?.inputs == "flow 6")
        #expect(await runner.loadedFlow("missing") == nil)
    }
}
