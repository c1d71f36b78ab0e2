import FlowExpressions
import FlowModel
import Foundation
import OrderedCollections
import Testing
@testable import FlowRunner

@Suite struct ExecutionTests {
    func execute(_ steps: [Step], body: JSONValue = ["dataSourceName": "Webshop"], delivery: any ActionDelivering = RecordingDelivery()) async throws -> (RunRecord, [StepRecord]) {
        let fixture = try RunnerFixture(delivery: delivery)
        try fixture.add(RunnerFixture.flow("flow", trigger: Trigger(kind: .manual), steps: steps))
        let runner = try await fixture.runner()
        let run = try await runner.test(flowId: "flow", triggerBody: body, dryRun: false)
        return (run, try fixture.history.steps(runId: run.id))
    }

    func status(_ steps: [StepRecord], _ name: String) -> StepStatus? { steps.last { $0.stepName == name }?.status }

    @Test func composeSeesTriggerAndEarlierSteps() async throws {
        let (run, steps) = try await execute([
            .compose("First", ["source": "@triggerBody()?['dataSourceName']"]),
            .compose("Second", "Source was @{outputs('First')?['source']}"),
        ])
        #expect(run.status == .succeeded)
        #expect(steps.map(\.outputs) == [["source": "Webshop"], "Source was Webshop"])
    }

    @Test func runAfterSkipsAndHandlesFailures() async throws {
        let (run, steps) = try await execute([
            .compose("Breaks", "@div(1, 0)"),
            .compose("Only_on_success", "x", after: ["Breaks": [.succeeded]]),
            .compose("On_failure", "handled", after: ["Breaks": [.failed]]),
            .compose("After_skip", "y", after: ["Only_on_success": [.skipped]]),
        ])
        #expect(status(steps, "Breaks") == .failed)
        #expect(steps.first?.errorMessage?.contains("div") == true)
        #expect(status(steps, "Only_on_success") == .skipped)
        #expect(status(steps, "On_failure") == .succeeded)
        #expect(status(steps, "After_skip") == .succeeded)
        #expect(run.status == .succeeded, "a failure handled by a later step does not fail the run")
    }

    @Test func anUnhandledFailureFailsTheRun() async throws {
        let (run, _) = try await execute([.compose("Breaks", "@int('abc')")])
        #expect(run.status == .failed)
        #expect(run.errorMessage?.contains("Breaks") == true)
    }

    @Test func conditionAndSwitchRunTheRightBranch() async throws {
        var condition = Step(name: "Check", type: .condition)
        condition.expression = ["and": [["equals": ["@triggerBody()?['dataSourceName']", "Webshop"]], ["greater": [5, 3]]]]
        condition.actions = ["Yes": .compose("Yes", "yes")]
        condition.elseActions = ["No": .compose("No", "no")]
        var route = Step(name: "Route", type: .switchCase)
        route.expression = "@length(triggerBody()?['dataSourceName'])"
        route.cases = ["Seven": SwitchCase(value: 7, actions: ["Seven_letters": .compose("Seven_letters", 7)]), "Three": SwitchCase(value: 3, actions: ["Three_letters": .compose("Three_letters", 3)])]
        route.defaultActions = ["Other": .compose("Other", 0)]
        let (run, steps) = try await execute([condition, route])
        #expect(run.status == .succeeded)
        let names = steps.map(\.stepName)
        #expect(names.contains("Yes") && !names.contains("No"))
        #expect(names.contains("Seven_letters") && !names.contains("Other") && !names.contains("Three_letters"))
    }

    @Test func variablesLoopsAndConcurrency() async throws {
        let initialize = Step(name: "Init", type: .initializeVariable, inputs: ["variables": [["name": "names", "type": "Array", "value": []]]])
        let total = Step(name: "Init_total", type: .initializeVariable, inputs: ["variables": [["name": "total", "type": "Integer", "value": 0]]])
        var loop = Step(name: "Each", type: .foreach)
        loop.foreach = "@triggerBody()?['items']"
        loop.runtimeConfiguration = ["concurrency": ["repetitions": 4]]
        loop.actions = ["Append": Step(name: "Append", type: .appendToArrayVariable, inputs: ["name": "names", "value": "@toUpper(items('Each'))"])]
        let set = Step(name: "Set", type: .setVariable, inputs: ["name": "total", "value": "@length(variables('names'))"])
        let result = Step.compose("Result", "@{variables('total')}: @{join(variables('names'), ',')}")
        let (run, steps) = try await execute([initialize, total, loop, set, result], body: ["items": ["a", "b", "c", "d", "e", "f"]])
        #expect(run.status == .succeeded)
        let text = try #require(steps.last?.outputs?.stringValue)
        #expect(text.hasPrefix("6: "))
        #expect(Set(text.dropFirst(3).split(separator: ",").map(String.init)) == ["A", "B", "C", "D", "E", "F"])
        #expect(steps.filter { $0.stepName == "Append" }.map(\.iteration).sorted() == [0, 1, 2, 3, 4, 5])
    }

    @Test func setVariableKeepsTheDeclaredType() async throws {
        let initialize = Step(name: "Init", type: .initializeVariable, inputs: ["variables": [["name": "n", "type": "Integer", "value": 1]]])
        let set = Step(name: "Set", type: .setVariable, inputs: ["name": "n", "value": "not a number"])
        let (run, steps) = try await execute([initialize, set])
        #expect(run.status == .failed)
        #expect(steps.last?.errorMessage?.contains("does not fit the Integer variable 'n'") == true)
    }

    @Test func untilStopsOnItsConditionOrItsCount() async throws {
        let initialize = Step(name: "Init", type: .initializeVariable, inputs: ["variables": [["name": "i", "type": "Integer", "value": 0]]])
        var loop = Step(name: "Loop", type: .until)
        loop.expression = "@greaterOrEquals(variables('i'), 3)"
        loop.limit = StepLimit(count: 10, timeout: "PT1M")
        loop.actions = ["Bump": Step(name: "Bump", type: .setVariable, inputs: ["name": "i", "value": "@add(variables('i'), 1)"])]
        var capped = Step(name: "Capped", type: .until)
        capped.expression = "@equals(1, 2)"
        capped.limit = StepLimit(count: 4)
        capped.actions = ["Noop": .compose("Noop", 1)]
        let (run, steps) = try await execute([initialize, loop, capped])
        #expect(run.status == .succeeded)
        #expect(steps.filter { $0.stepName == "Bump" }.count == 3)
        #expect(steps.first { $0.stepName == "Loop" }?.outputs?["iterations"] == 3)
        #expect(steps.first { $0.stepName == "Capped" }?.outputs?["limitReached"] == true)
    }

    @Test func terminateEndsTheRunWithItsStatusAndError() async throws {
        var scope = Step(name: "Guard", type: .scope)
        scope.actions = ["Stop": Step(name: "Stop", type: .terminate, inputs: ["runStatus": "Failed", "runError": ["code": "NoData", "message": "nothing for @{triggerBody()?['dataSourceName']}"]])]
        let (run, steps) = try await execute([scope, .compose("Never", "x")])
        #expect(run.status == .failed)
        #expect(run.errorCode == "NoData" && run.errorMessage == "nothing for Webshop")
        #expect(status(steps, "Never") == .skipped, "actions the termination left unrun are recorded Skipped")
        #expect(steps.first { $0.stepName == "Never" }?.errorMessage?.contains("terminated by 'Stop'") == true)
        #expect(steps.first { $0.stepName == "Guard" }?.errorMessage?.contains("RunTermination") == false)
        let (cancelled, _) = try await execute([Step(name: "Stop", type: .terminate, inputs: ["runStatus": "Cancelled"])])
        #expect(cancelled.status == .cancelled)
    }

    @Test func scopeFailureCanBeCaught() async throws {
        var scope = Step(name: "Try", type: .scope)
        scope.actions = ["Boom": .compose("Boom", "@variables('missing')")]
        let catchStep = Step.compose("Catch", "@{result('Try')?[0]?['status']}", after: ["Try": [.failed]])
        let (run, steps) = try await execute([scope, catchStep])
        #expect(status(steps, "Try") == .failed)
        #expect(steps.last?.outputs == "Failed")
        #expect(run.status == .succeeded)
    }

    @Test func actionsRetryRetryableFailuresThenSucceed() async throws {
        let delivery = RecordingDelivery(script: [
            .failed(DeliveryFailure(message: "HTTP 503", retryable: true, statusCode: 503)),
            .failed(DeliveryFailure(message: "HTTP 429", retryable: true, retryAfter: 0.05, statusCode: 429)),
        ])
        let call = Step(name: "Call", type: .http, inputs: ["method": "POST", "uri": "http://127.0.0.1:9/x", "body": ["source": "@triggerBody()?['dataSourceName']"],
                                                            "retryPolicy": ["type": "fixed", "count": 3, "interval": "PT0.01S"]])
        let (run, steps) = try await execute([call], delivery: delivery)
        #expect(run.status == .succeeded)
        #expect(steps.first?.attempts == 3)
        let keys = delivery.received.map(\.idempotencyKey)
        #expect(keys.count == 3 && Set(keys).count == 1 && keys[0].hasSuffix(":Call"), "one key for every attempt, so a receiver can drop repeats")
        #expect(delivery.received.map(\.attempt) == [1, 2, 3])
        #expect(delivery.received.first?.inputs.value(atPath: "body.source") == "Webshop")
    }

    @Test func eachLoopIterationHasItsOwnStableIdempotencyKey() async throws {
        let delivery = RecordingDelivery()
        var loop = Step(name: "Each", type: .foreach)
        loop.foreach = "@triggerBody()?['items']"
        loop.actions = ["Call": Step(name: "Call", type: .http, inputs: ["method": "POST", "uri": "http://127.0.0.1:9/x", "body": "@items('Each')"])]
        let (run, _) = try await execute([loop], body: ["items": ["a", "b"]], delivery: delivery)
        #expect(run.status == .succeeded)
        let keys = delivery.received.map(\.idempotencyKey).sorted()
        #expect(keys == ["\(run.id):Call:Each[0]", "\(run.id):Call:Each[1]"])
    }

    @Test func permanentFailuresAreNotRetried() async throws {
        let delivery = RecordingDelivery(script: [.failed(DeliveryFailure(message: "HTTP 400: bad card", retryable: false, statusCode: 400))])
        let post = Step(name: "Post", type: .http, inputs: ["method": "GET", "uri": "http://127.0.0.1:9/"])
        let (run, steps) = try await execute([post], delivery: delivery)
        #expect(run.status == .failed)
        #expect(steps.first?.attempts == 1 && steps.first?.errorMessage == "HTTP 400: bad card")
        #expect(delivery.received.count == 1)
    }

    @Test func aStepTimeoutStopsASlowDelivery() async throws {
        let call = Step(name: "Slow", type: .http, inputs: ["method": "GET", "uri": "http://127.0.0.1:9/", "retryPolicy": ["type": "none"]])
        var timed = call
        timed.limit = StepLimit(timeout: "PT0.2S")
        let (run, steps) = try await execute([timed], delivery: SlowDelivery())
        #expect(run.status == .failed)
        #expect(steps.first?.status == .timedOut)
    }
}

/// A delivery that never answers in time.
struct SlowDelivery: ActionDelivering {
    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome {
        try? await Task.sleep(for: .seconds(5))
        return .delivered(outputs: [:])
    }
}
