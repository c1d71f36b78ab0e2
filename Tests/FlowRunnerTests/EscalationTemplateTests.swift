import FlowExpressions
import FlowModel
import Foundation
import Insights
import Testing
@testable import FlowRunner

/// The built-in "Escalate when a data source still fails after a wait" template reads only public entities (it
/// used to read the internal refresh log, which the connector's actions never reach, so its run always failed).
@Suite struct EscalationTemplateTests {
    /// The template's flow, instantiated with its defaults, its 10-minute wait shortened for the test.
    func instantiated() -> Flow {
        var flow = FlowTemplates.escalateRepeatedRefreshFailure.instantiate(id: "escalate")
        flow.definition.actions["Delay"]?.inputs = ["interval": ["count": 1, "unit": "Second"]]
        return flow
    }

    @Test func theInstantiatedTemplateChecksClean() {
        let flow = FlowTemplates.escalateRepeatedRefreshFailure.instantiate(id: "escalate")
        let issues = FlowChecker.check(flow, context: CheckContext(connections: ["Email": "smtp"]))
        #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues)")
        let text = String(decoding: FlowCodec.encode(flow), as: UTF8.self)
        #expect(!text.contains("refresh_log"), "no internal table")
    }

    @Test func itsRunReadsThePublicEntitiesAndEscalatesOnlyWhenTheSourceHasNoRows() async throws {
        let delivery = RecordingDelivery()
        let fixture = try RunnerFixture(delivery: delivery)
        let workspace = try Workspace.loadCreatingSample(home: fixture.home.url)
        _ = try await workspace.refreshAll()
        try ConnectionStore(home: fixture.home).upsert(Connection(name: "Email", kind: .outbox))
        try fixture.add(instantiated())
        let runner = Runner(home: fixture.home, history: fixture.history, delivery: delivery, dataActions: WorkspaceDataActions(workspace: workspace))
        try await runner.start()

        let loaded = try await runner.test(flowId: "escalate", triggerBody: ["dataSourceName": "Orders", "errorMessage": "the file is missing"], dryRun: false)
        let steps = try fixture.history.steps(runId: loaded.id)
        #expect(loaded.status == .succeeded, "\(loaded.errorMessage ?? "")")
        #expect(steps.first { $0.stepName == "Get_entities" }?.status == .succeeded)
        #expect(steps.first { $0.stepName == "Source_entity" }?.outputs?["body"]?.arrayValue?.count == 1)
        #expect(delivery.received.isEmpty, "Orders holds rows: nothing to escalate")

        let empty = try await runner.test(flowId: "escalate", triggerBody: ["dataSourceName": "Partner feed", "errorMessage": "the file is missing"], dryRun: false)
        #expect(empty.status == .succeeded, "\(empty.errorMessage ?? "")")
        let mail = try #require(delivery.received.first)
        #expect(mail.inputs["subject"] == "Escalation: Partner feed keeps failing")
        #expect(mail.inputs["body"]?.stringValue?.contains("the file is missing") == true)
    }
}
