import FlowExpressions
import Testing
@testable import FlowModel

/// The checker's side of the run semantics: key order means nothing, Delay until is a delay, retry intervals within
/// the reference limits.
@Suite struct RunSemanticsCheckerTests {
    func errors(_ flow: Flow) -> [FlowIssue] { FlowChecker.check(flow).filter { $0.severity == .error } }

    /// A definition as the reference exports it: keys sorted alphabetically, so Catch and Finally come before Try
    /// and every step before the one it runs after.
    static let exported = """
    {
      "triggers": {"manual": {"type": "Request", "kind": "Http"}},
      "actions": {
        "Catch": {"type": "Scope", "runAfter": {"Try": ["Failed", "TimedOut"]}, "actions": {
          "Compose_error": {"type": "Compose", "inputs": "@result('Try')", "runAfter": {}}
        }},
        "Finally": {"type": "Scope", "runAfter": {"Catch": ["Succeeded", "Failed", "Skipped", "TimedOut"]}, "actions": {
          "Summary": {"type": "Compose", "inputs": "@{outputs('Init')}", "runAfter": {}}
        }},
        "Init": {"type": "Compose", "inputs": "start", "runAfter": {}},
        "Try": {"type": "Scope", "runAfter": {"Init": ["Succeeded"]}, "actions": {
          "Parse": {"type": "Compose", "inputs": "@int('12')", "runAfter": {"Delay_until": ["Succeeded"]}},
          "Delay_until": {"type": "Wait", "inputs": {"until": {"timestamp": "2026-12-04T16:00:00Z"}}, "runAfter": {}}
        }}
      }
    }
    """

    @Test func anExportedDefinitionWithAlphabeticalKeysValidates() throws {
        let definition = try FlowCodec.decodeDefinition(try JSONValue.parse(Self.exported))
        var flow = Flow(id: "exported", displayName: "Exported", trigger: Trigger(kind: .manual))
        flow.definition = definition
        let found = errors(flow)
        #expect(found.isEmpty, "\(found.map(\.message))")
        #expect(!FlowChecker.check(flow).contains { $0.message.contains("comes later") })
    }

    @Test func aStepListedBeforeItsPredecessorIsValid() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["Post_message"]?.runAfter = ["Prepare": [.succeeded]]
        flow.definition.actions["Prepare"] = Step(name: "Prepare", type: .compose, inputs: 1)
        #expect(errors(flow).isEmpty)
    }

    @Test func cyclesAndUnknownPredecessorsAreStillErrors() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["A"] = Step(name: "A", type: .compose, inputs: 1, runAfter: ["B": [.succeeded]])
        flow.definition.actions["B"] = Step(name: "B", type: .compose, inputs: 2, runAfter: ["A": [.succeeded]])
        flow.definition.actions["C"] = Step(name: "C", type: .compose, inputs: 3, runAfter: ["Ghost": [.succeeded]])
        let found = errors(flow)
        #expect(found.contains { $0.message.contains("cycle") })
        #expect(found.contains { $0.step == "C" && $0.message.contains("does not exist") })
    }

    @Test func delayUntilIsAValidDelay() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["Later"] = Step(name: "Later", type: .wait, inputs: ["until": ["timestamp": "2026-12-04T16:00:00Z"]])
        flow.definition.actions["Computed"] = Step(name: "Computed", type: .wait, inputs: ["until": ["timestamp": "@addMinutes(utcNow(), 5)"]])
        #expect(errors(flow).isEmpty)
        flow.definition.actions["Bad"] = Step(name: "Bad", type: .wait, inputs: ["until": ["timestamp": "tomorrow"]])
        flow.definition.actions["Empty"] = Step(name: "Empty", type: .wait, inputs: ["until": [:]])
        let found = errors(flow)
        #expect(found.contains { $0.step == "Bad" && $0.path.hasSuffix("until.timestamp") && $0.message.contains("ISO 8601") })
        #expect(found.contains { $0.step == "Empty" && $0.message.contains("needs a timestamp") })
        flow.definition.actions["Counted"] = Step(name: "Counted", type: .wait, inputs: ["interval": ["unit": "Second"]])
        #expect(errors(flow).contains { $0.step == "Counted" && $0.field == "interval.count" }, "a plain delay still needs its count")
    }

    @Test func retryIntervalsOutsideTheReferenceLimits() {
        func flow(_ policy: JSONValue) -> Flow {
            var flow = Fixtures.teamsFlow()
            flow.definition.actions["Call"] = Step(name: "Call", type: .http, inputs: ["method": "GET", "uri": "http://127.0.0.1/x", "retryPolicy": policy])
            return flow
        }
        #expect(errors(flow(["type": "fixed", "count": 3, "interval": "PT20S"])).isEmpty)
        #expect(errors(flow(["type": "exponential", "count": 4, "interval": "PT7.5S", "minimumInterval": "PT5S", "maximumInterval": "PT45S"])).isEmpty)
        #expect(errors(flow(["type": "fixed", "count": 3, "interval": "PT1S"])).contains { $0.path.hasSuffix("retryPolicy.interval") && $0.message.contains("minimum of 5 seconds") })
        #expect(errors(flow(["type": "exponential", "count": 3, "interval": "PT10S", "minimumInterval": "PT2S"])).contains { $0.path.hasSuffix("retryPolicy.minimumInterval") })
        #expect(errors(flow(["type": "fixed", "count": 3, "interval": "P2D"])).contains { $0.message.contains("maximum of one day") })
        #expect(errors(flow(["type": "none", "interval": "PT1S"])).isEmpty, "no retries, no interval to check")
    }

    @Test func theReferenceDefaultRetryPolicy() {
        let policy = RetryPolicy.referenceDefault
        #expect(policy.kind == .exponential && policy.count == 4)
        #expect(policy.interval.flatMap(ISODuration.init)?.seconds == 7.5)
        #expect(policy.minimumInterval.flatMap(ISODuration.init)?.seconds == 5 && policy.maximumInterval.flatMap(ISODuration.init)?.seconds == 45)
    }
}
