import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// "When an HTTP request is received", Response and "Run a child flow", end to end through `LocalRunnerClient`.
@Suite struct RequestFlowTests {
    /// A parent in the shape of a Logic Apps export: checks the body against its schema, shapes it with Compose,
    /// calls a child flow and answers with the child's score. The file lists its actions in reverse order.
    static let parent = #"""
    {"definition": {
      "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
      "contentVersion": "1.0.0.0",
      "triggers": {"manual": {"type": "Request", "kind": "Http", "inputs": {"method": "POST", "schema": {
        "type": "object", "required": ["customerId", "orders"],
        "properties": {"customerId": {"type": "string"}, "orders": {"type": "array", "items": {"type": "object", "properties": {"amount": {"type": "number"}}}}}}}}},
      "actions": {
        "Response": {"type": "Response", "kind": "Http", "runAfter": {"Score_customer": ["Succeeded"]},
          "inputs": {"statusCode": 200, "headers": {"Content-Type": "application/json", "x-scored-by": "@{outputs('Score_customer')?['headers']?['x-scorer']}"},
                     "body": {"customer": "@triggerBody()?['customerId']", "score": "@body('Score_customer')?['score']", "tier": "@body('Score_customer')?['tier']"}}},
        "Score_customer": {"type": "Workflow", "runAfter": {"Normalize": ["Succeeded"]},
          "inputs": {"host": {"workflow": {"id": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Logic/workflows/score-customer"}, "triggerName": "manual"},
                     "body": "@outputs('Normalize')", "headers": {"x-correlation": "@{triggerOutputs()?['headers']?['x-correlation']}"}}},
        "Normalize": {"type": "Compose", "runAfter": {},
          "inputs": {"id": "@toUpper(triggerBody()?['customerId'])", "orderCount": "@length(triggerBody()?['orders'])",
                     "total": "@add(triggerBody()?['orders'][0]?['amount'], triggerBody()?['orders'][1]?['amount'])"}}
      }}, "kind": "Stateful"}
    """#

    /// The child: scores the customer and answers.
    static let child = #"""
    {"definition": {
      "triggers": {"manual": {"type": "Request", "kind": "Http", "inputs": {"schema": {"type": "object", "required": ["id"]}}}},
      "actions": {
        "Tier": {"type": "Compose", "runAfter": {}, "inputs": "@if(greater(triggerBody()?['total'], 100), 'gold', 'silver')"},
        "Answer": {"type": "Response", "kind": "Http", "runAfter": {"Tier": ["Succeeded"]},
          "inputs": {"statusCode": 200, "headers": {"x-scorer": "child v1"},
                     "body": {"score": "@mul(triggerBody()?['total'], 2)", "tier": "@outputs('Tier')", "correlation": "@triggerOutputs()?['headers']?['x-correlation']"}}}
      }}, "kind": "Stateful"}
    """#

    static func importFlow(_ text: String, id: String) throws -> Flow {
        var flow = try FlowImporter.importDocument(Array(text.utf8), file: id + ".json", fallbackName: id).flow
        flow.id = id
        return flow
    }

    static func setUp(_ flows: [Flow]) async throws -> (RunnerFixture, Runner, LocalRunnerClient) {
        let fixture = try RunnerFixture()
        for flow in flows { try fixture.add(flow) }
        let runner = try await fixture.runner()
        return (fixture, runner, LocalRunnerClient(runner: runner))
    }

    @Test func aRequestTriggeredFlowComposesCallsAChildFlowAndResponds() async throws {
        let parent = try Self.importFlow(Self.parent, id: "score-request")
        let child = try Self.importFlow(Self.child, id: "score-customer")
        #expect(FlowChecker.check(parent).filter { $0.severity == .error }.isEmpty)
        #expect(FlowChecker.check(child).filter { $0.severity == .error }.isEmpty)
        let (fixture, runner, client) = try await Self.setUp([parent, child])
        let request = InvocationRequest(body: ["customerId": "c-42", "orders": [["amount": 70], ["amount": 45.5]]], headers: ["x-correlation": "abc-1"])
        let answer = try await client.invoke(flowId: "score-request", request: request)
        #expect(answer.statusCode == 200)
        #expect(answer.body == ["customer": "c-42", "score": 231.0, "tier": "gold"])
        #expect(answer.headers["x-scored-by"] == "child v1")
        let runId = try #require(answer.runId)
        let run = await runner.finished(runId)
        #expect(run.status == .succeeded)
        #expect(run.origin == .request)
        #expect(run.triggerOutputs.value(atPath: "headers.x-correlation") == "abc-1")
        let childRun = try #require(try fixture.history.runs(flowId: "score-customer").first)
        #expect(childRun.origin == .childFlow)
        #expect(childRun.triggerOutputs["body"] == ["id": "C-42", "orderCount": 2, "total": 115.5])
        #expect(childRun.triggerOutputs.value(atPath: "headers.x-insightflow-call-depth") == 1)
        let steps = try fixture.history.steps(runId: runId)
        let call = try #require(steps.first(where: { $0.stepName == "Score_customer" }))
        #expect(call.outputs?["statusCode"] == 200)
        #expect(call.outputs?.value(atPath: "body.correlation") == "abc-1")
        await runner.waitUntilIdle()
    }

    @Test func aBodyThatDoesNotMatchTheSchemaIsRefusedWithTheReason() async throws {
        let (fixture, _, client) = try await Self.setUp([try Self.importFlow(Self.parent, id: "p"), try Self.importFlow(Self.child, id: "score-customer")])
        let answer = try await client.invoke(flowId: "p", request: InvocationRequest(body: ["customerId": 42, "orders": []]))
        #expect(answer.statusCode == 400)
        #expect(answer.body.value(atPath: "error.code") == "TriggerInputSchemaMismatch")
        #expect(answer.body.value(atPath: "error.message")?.stringValue?.contains("$.customerId: expected string, found integer") == true)
        #expect(answer.runId == nil)
        #expect(try fixture.history.runs(flowId: "p").isEmpty)
        let missing = try await client.invoke(flowId: "p", request: InvocationRequest(body: ["customerId": "c"]))
        #expect(missing.body.value(atPath: "error.message")?.stringValue?.contains("the required property 'orders' is missing") == true)
    }

    @Test func aFlowWithoutResponseAnswers202WithTheRunIdAtOnce() async throws {
        let flow = RunnerFixture.flow("fire-and-forget", trigger: Trigger(kind: .httpRequest), steps: [
            Step(name: "Wait", type: .wait, inputs: ["interval": ["count": 1, "unit": "Second"]]),
        ])
        let (_, runner, client) = try await Self.setUp([flow])
        let started = Date()
        let answer = try await client.invoke(flowId: "fire-and-forget", request: InvocationRequest(body: ["a": 1]))
        #expect(answer.statusCode == 202)
        #expect(Date().timeIntervalSince(started) < 0.9)
        let runId = try #require(answer.runId)
        #expect(answer.headers["x-ms-workflow-run-id"] == .string(runId))
        #expect(await runner.finished(runId).status == .succeeded)
    }

    @Test func aLateResponseGives202AndARunEndingWithoutResponseGives502() async throws {
        let late = RunnerFixture.flow("late", trigger: Trigger(kind: .httpRequest), steps: [
            Step(name: "Wait", type: .wait, inputs: ["interval": ["count": 2, "unit": "Second"]]),
            Step(name: "Response", type: .response, inputs: ["statusCode": 200]),
        ])
        let broken = RunnerFixture.flow("broken", trigger: Trigger(kind: .httpRequest), steps: [
            Step(name: "Fail", type: .terminate, inputs: ["runStatus": "Failed", "runError": ["code": "Nope", "message": "no score"]]),
            Step(name: "Response", type: .response, inputs: ["statusCode": 200]),
        ])
        let (_, runner, _) = try await Self.setUp([late, broken])
        let lateAnswer = await runner.invoke(flowId: "late", request: InvocationRequest(), wait: 0.3)
        #expect(lateAnswer.statusCode == 202)
        #expect(lateAnswer.runId != nil)
        let brokenAnswer = await runner.invoke(flowId: "broken", request: InvocationRequest())
        #expect(brokenAnswer.statusCode == 502)
        #expect(brokenAnswer.body.value(atPath: "error.message")?.stringValue?.contains("without reaching its Response step") == true)
        await runner.waitUntilIdle()
    }

    @Test func aFlowCallingItselfStopsAtTheDepthLimit() async throws {
        let loop = RunnerFixture.flow("loop", trigger: Trigger(kind: .httpRequest), steps: [
            Step(name: "Again", type: .workflow, inputs: ["host": ["workflow": ["id": "loop"]], "body": "@triggerBody()"]),
            Step(name: "Response", type: .response, inputs: ["statusCode": 200, "body": "@body('Again')"]),
        ])
        let (fixture, runner, _) = try await Self.setUp([loop])
        let answer = await runner.invoke(flowId: "loop", request: InvocationRequest(body: ["n": 1]))
        #expect(answer.statusCode == 502)
        await runner.waitUntilIdle()
        let runs = try fixture.history.runs(flowId: "loop")
        #expect(runs.count == Runner.maximumCallDepth + 1)
        let deepest = try #require(runs.first(where: { $0.triggerOutputs.value(atPath: "headers.x-insightflow-call-depth") == .int(Runner.maximumCallDepth) }))
        let step = try #require(try fixture.history.steps(runId: deepest.id).first(where: { $0.stepName == "Again" }))
        #expect(step.status == .failed)
        #expect(step.errorMessage?.contains("nested more than 8 deep") == true)
    }

    @Test func offFlowsUnknownFlowsAndOtherTriggersAreRefused() async throws {
        var off = RunnerFixture.flow("off", trigger: Trigger(kind: .httpRequest), steps: [Step(name: "C", type: .compose, inputs: 1)])
        let fixture = try RunnerFixture()
        off.state = .off
        try fixture.store.create(off)
        try fixture.add(RunnerFixture.flow("segment", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "S", "threshold": 1]),
                                           steps: [Step(name: "C", type: .compose, inputs: 1)]))
        let runner = try await fixture.runner()
        #expect(await runner.invoke(flowId: "off", request: InvocationRequest()).statusCode == 409)
        #expect(await runner.invoke(flowId: "nope", request: InvocationRequest()).statusCode == 404)
        #expect(await runner.invoke(flowId: "segment", request: InvocationRequest()).statusCode == 400)
    }

    @Test func theCheckerPlacesResponseOnlyInRequestFlowsAndOutsideLoops() throws {
        let segment = RunnerFixture.flow("s", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "S", "threshold": 1]), steps: [
            Step(name: "Response", type: .response, inputs: ["statusCode": 200]),
        ])
        #expect(FlowChecker.check(segment).contains { $0.step == "Response" && $0.severity == .error && $0.message.contains("When an HTTP request is received") })
        var loop = Step(name: "Each", type: .foreach)
        loop.foreach = "@triggerBody()"
        loop.actions = ["Inner": Step(name: "Inner", type: .response, inputs: ["statusCode": 700])]
        let looping = RunnerFixture.flow("l", trigger: Trigger(kind: .httpRequest), steps: [loop])
        let issues = FlowChecker.check(looping)
        #expect(issues.contains { $0.step == "Inner" && $0.message.contains("cannot be inside the loop 'Each'") })
        #expect(issues.contains { $0.path == "$.definition.actions.Each.actions.Inner.inputs.statusCode" })
        let child = RunnerFixture.flow("w", trigger: Trigger(kind: .httpRequest), steps: [Step(name: "Call", type: .workflow, inputs: ["body": 1])])
        #expect(FlowChecker.check(child).contains { $0.step == "Call" && $0.field == "host.workflow.id" && $0.severity == .error })
    }
}
