import FlowExpressions
import FlowModel
@testable import FlowRunner
import Foundation
import Testing

/// Replaying a draft against recorded events: matching as the runner would, a dry run that sends nothing and
/// writes nothing, and the saved version's runs beside it.
@Suite struct DraftReplayTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-replay-\(UUID().uuidString)")
    var home: InsightFlowHome { InsightFlowHome(url: folder) }

    func history() throws -> HistoryStore {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try HistoryStore(url: folder.appendingPathComponent("history.sqlite"))
    }

    /// Webshop fails → a Teams message through an outbox connection.
    func draft(conditions: [String] = []) -> Flow {
        var trigger = Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "Webshop"])
        trigger.conditions = conditions
        var flow = Flow(id: "webshop-alert", displayName: "Webshop alert", trigger: trigger)
        flow.definition.actions["Post_message"] = Step(name: "Post_message", type: .teamsPostMessage,
                                                       inputs: ["connection": "alerts", "text": "Refresh of @{triggerBody()?['dataSourceName']} failed"])
        return flow
    }

    func event(_ source: String, at seconds: Double) -> TriggerEvent {
        TriggerEvent(type: .dataSourceRefreshFailed, fields: ["dataSourceName": .string(source), "errorMessage": "bad row"], origin: .cli,
                     receivedAt: Date(timeIntervalSince1970: 1_800_000_000 + seconds))
    }

    @Test func matchesBySubjectAndConditionsAndRunsDryWithoutSendingOrWriting() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = try history()
        let webshop = event("Webshop", at: 1), crm = event("CRM", at: 2), other = event("Webshop", at: 3)
        for recorded in [webshop, crm, other] { try history.recordEvent(recorded) }
        let replay = DraftReplay(history: history, connections: ["alerts": Connection(name: "alerts", kind: .outbox)], home: home)
        #expect(try replay.events(for: draft(), limit: 10).map(\.id) == [other.id, crm.id, webshop.id], "newest first, of the trigger's type")

        let results = await replay.replay(draft(), events: [webshop, crm])
        #expect(results.map(\.fires) == [true, false])
        #expect(results[1].reason == "another data source")
        #expect(results[1].run == nil, "an event that does not fire is not run")
        let fired = try #require(results.first)
        #expect(fired.run?.status == .succeeded && fired.run?.dryRun == true)
        #expect(fired.effects == [ReplayEffect(step: "Post_message", kind: "teams", summary: "Teams (alerts): Refresh of Webshop failed")])
        #expect(fired.savedOutcome == "did not fire", "the history has no run of the flow for the event")
        #expect(!FileManager.default.fileExists(atPath: home.outboxFolder.path), "a dry run writes no outbox message")
        #expect(try history.runs(flowId: "webshop-alert").isEmpty, "nothing is written to the history")

        let conditioned = draft(conditions: ["@equals(triggerBody()?['errorMessage'], 'timeout')"])
        let notMet = await replay.replay(conditioned, event: webshop)
        #expect(!notMet.fires && notMet.reason == "trigger condition not met")
        let forced = await replay.replay(conditioned, event: webshop, always: true)
        #expect(forced.run?.status == .succeeded, "a picked event runs even when the trigger would not fire")
    }

    @Test func aDeliveryThatIsNotDryIsRefused() async {
        let request = DeliveryRequest(stepType: .http, inputs: ["uri": "http://127.0.0.1:9/"], connection: nil, idempotencyKey: "k", attempt: 1, dryRun: false)
        guard case .failed(let failure) = await DryOnlyDelivery(inner: nil).deliver(request) else {
            Issue.record("a replay must never send")
            return
        }
        #expect(failure.message == "a replay sends nothing")
    }
}
