import FlowExpressions
import FlowModel
import Foundation
import Insights
import Synchronization
import Testing
@testable import FlowRunner

/// A clock the tests move by hand.
final class HandClock: Sendable {
    private let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var date: Date { now.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The connector's throttling limit ("API calls per connection: 100 per 60 seconds", connector reference) and its
/// Create item / Update item actions run through the real runner over the sample workspace.
@Suite struct ConnectorDataWriteTests {
    @Test func theThrottleAdmitsOneHundredCallsPerConnectionInAnySixtySeconds() {
        let clock = HandClock()
        let throttle = ConnectorThrottle(clock: { clock.date })
        #expect(throttle.limit == 100 && throttle.period == 60)
        for _ in 0..<50 { #expect(throttle.admit(connection: "shared_customerinsights") == nil) }
        clock.advance(30)
        for _ in 0..<50 { #expect(throttle.admit(connection: "shared_customerinsights") == nil) }
        #expect(throttle.admit(connection: "shared_customerinsights") == 30, "the 101st call waits until the first 50 leave the window")
        #expect(throttle.admit(connection: "other_connection") == nil, "each connection has its own limit")
        clock.advance(29)
        #expect(throttle.admit(connection: "shared_customerinsights") == 1)
        clock.advance(1)
        for _ in 0..<50 { #expect(throttle.admit(connection: "shared_customerinsights") == nil) }
        #expect(throttle.admit(connection: "shared_customerinsights") == 30, "a sliding window: the later 50 still count")
    }

    @Test func writesRunAndACallOverTheLimitFailsWith429AndRetryAfter() async throws {
        let fixture = try RunnerFixture()
        let workspace = try Workspace.loadCreatingSample(home: fixture.home.url)
        _ = try await workspace.refreshAll()
        let clock = HandClock()
        let actions = WorkspaceDataActions(workspace: workspace, throttle: ConnectorThrottle(limit: 3, clock: { clock.date }))
        let contact = try #require(try workspace.items(entity: "CRM contacts", query: EntityQuery(top: 1)).first?["contact_id"])
        guard case .integer(let contactId) = contact else { Issue.record("contact_id is an integer"); return }
        let flow = RunnerFixture.flow("writes", trigger: Trigger(kind: .manual), steps: [
            Step(name: "Update_item", type: .updateItem, inputs: ["connection": "shared_customerinsights", "entity": "CRM contacts",
                                                                  "id": "@{triggerBody()?['contact']}", "item": ["city": "@triggerBody()?['city']"]]),
            Step(name: "Create_item", type: .createItem, inputs: ["connection": "shared_customerinsights", "entity": "Orders",
                                                                  "item": ["order_id": 90001, "account_id": "w-1", "amount": "@triggerBody()?['amount']"]]),
            Step(name: "Read_back", type: .getItems, inputs: ["connection": "shared_customerinsights", "entity": "Orders", "filter": "order_id eq 90001"]),
            Step(name: "One_too_many", type: .getEntities, inputs: ["connection": "shared_customerinsights"]),
        ])
        try fixture.add(flow)
        let runner = Runner(home: fixture.home, history: fixture.history, delivery: fixture.delivery, dataActions: actions)
        try await runner.start()
        let run = try await runner.test(flowId: "writes", triggerBody: ["contact": .int(contactId), "city": "Hamburg", "amount": 12.5], dryRun: false)
        let steps = try fixture.history.steps(runId: run.id)
        let step = { (name: String) in steps.first { $0.stepName == name } }
        #expect(step("Update_item")?.status == .succeeded, "\(step("Update_item")?.errorMessage ?? "")")
        #expect(step("Update_item")?.outputs?["city"] == "Hamburg")
        #expect(step("Create_item")?.outputs?["amount"] == 12.5)
        #expect(step("Read_back")?.outputs?["count"] == 1)
        let throttled = try #require(step("One_too_many"))
        #expect(throttled.status == .failed)
        #expect(throttled.outputs?["statusCode"] == 429)
        #expect(throttled.outputs?.value(atPath: "headers.Retry-After") == "60")
        #expect(throttled.errorMessage?.contains("Rate limit is exceeded") == true)
        #expect(run.status == .failed)
        #expect(try workspace.item(entity: "CRM contacts", key: String(contactId))["city"] == .string("Hamburg"))
    }

    @Test func writeRefusalsFailTheStepWithTheirReason() throws {
        struct Refusing: InsightsDataActions {
            func entities() throws -> JSONValue { [] }
            func items(entity: String, filter: String?, select: String?, orderBy: String?, top: Int, skip: Int) throws -> JSONValue { [] }
            func item(entity: String, id: String) throws -> JSONValue { [:] }
        }
        let step = Step(name: "Create_item", type: .createItem, inputs: [:])
        #expect(throws: StepFailure.self) { _ = try DataActionSteps(actions: Refusing()).run(step, inputs: ["entity": "Customer", "item": ["a": 1]]) }
        let dry = try DataActionSteps(actions: Refusing(), dryRun: true).run(step, inputs: ["entity": "Customer", "item": ["a": 1]])
        #expect(dry.status == .succeeded && dry.outputs?["dryRun"] == true, "a dry run writes nothing")
        #expect(throws: StepFailure.self) { _ = try WorkspaceDataActions.fields("city=Oslo", entity: "Customer") }
        #expect(try WorkspaceDataActions.fields("{\"city\": \"Oslo\"}", entity: "Customer").map(\.0) == ["city"])
    }
}
