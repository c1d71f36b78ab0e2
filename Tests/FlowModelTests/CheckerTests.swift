import FlowExpressions
import Testing
@testable import FlowModel

@Suite struct CheckerTests {
    func issues(_ flow: Flow, _ context: CheckContext = CheckContext()) -> [FlowIssue] { FlowChecker.check(flow, context: context) }
    func errors(_ flow: Flow) -> [FlowIssue] { issues(flow).filter { $0.severity == .error } }

    @Test func referenceExamplesAreClean() {
        #expect(errors(Fixtures.teamsFlow()).isEmpty)
        #expect(errors(Fixtures.emailFlow()).isEmpty)
        #expect(FlowChecker.canTurnOn(Fixtures.longFlow(id: "l", steps: 20)))
    }

    @Test func missingRequiredParameter() throws {
        var flow = Fixtures.emailFlow()
        flow.definition.actions["Send_an_email"]?.inputs = ["connection": "Mail", "to": "  ", "body": "x"]
        let found = errors(flow)
        #expect(found.contains { $0.path == "$.definition.actions.Send_an_email.inputs.to" && $0.field == "to" && $0.message.contains("To is required") })
        #expect(found.contains { $0.path == "$.definition.actions.Send_an_email.inputs.subject" })
        #expect(!FlowChecker.canTurnOn(flow))
    }

    @Test func missingTriggerParameterAndNonNumericThreshold() {
        let missing = Flow(id: "m", displayName: "m", trigger: Trigger(kind: .measureThresholdCrossed, parameters: ["threshold": 5]))
        #expect(errors(missing).contains { $0.field == "measure" && $0.message.contains("required") })
        let text = Flow(id: "t", displayName: "t", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "S", "threshold": "ten"]))
        #expect(errors(text).contains { $0.field == "threshold" && $0.message.contains("must be a number") })
        let numericText = Flow(id: "n", displayName: "n", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "S", "threshold": "10"]))
        #expect(errors(numericText).isEmpty)
    }

    @Test func unknownStepType() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["Odd"] = Step(name: "Odd", type: StepType(rawValue: "ApiManagement"), runAfter: ["Post_message": [.succeeded]])
        let issue = errors(flow).first { $0.step == "Odd" }
        #expect(issue?.path == "$.definition.actions.Odd.type")
        #expect(issue?.message.contains("unknown step type 'ApiManagement'") == true)
    }

    @Test func runAfterNamingAMissingStepOrAnotherScopeButNotALaterKey() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["Post_message"]?.runAfter = ["Ghost": [.succeeded], "Later": [.failed]]
        flow.definition.actions["Later"] = Step(name: "Later", type: .compose, inputs: 1)
        var scope = Step(name: "Group", type: .scope)
        scope.actions = ["Inner": Step(name: "Inner", type: .compose, inputs: 2, runAfter: ["Later": [.succeeded]])]
        flow.definition.actions["Group"] = scope
        let found = errors(flow)
        #expect(found.contains { $0.path == "$.definition.actions.Post_message.runAfter.Ghost" && $0.message.contains("does not exist") })
        #expect(!found.contains { $0.path == "$.definition.actions.Post_message.runAfter.Later" }, "key order means nothing; only runAfter orders steps")
        #expect(found.contains { $0.path == "$.definition.actions.Group.actions.Inner.runAfter.Later" && $0.message.contains("another scope") })
    }

    @Test func runAfterCyclesAndSelfReferences() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["A"] = Step(name: "A", type: .compose, inputs: 1, runAfter: ["B": [.succeeded]])
        flow.definition.actions["B"] = Step(name: "B", type: .compose, inputs: 1, runAfter: ["A": [.succeeded]])
        flow.definition.actions["C"] = Step(name: "C", type: .compose, inputs: 1, runAfter: ["C": [.succeeded]])
        let found = errors(flow)
        #expect(found.contains { $0.message.contains("cycle") && $0.message.contains("A") && $0.message.contains("B") })
        #expect(found.contains { $0.step == "C" && $0.message.contains("itself") })
    }

    @Test func duplicateStepNamesAcrossScopes() {
        var flow = Fixtures.teamsFlow()
        var scope = Step(name: "Group", type: .scope, runAfter: ["Post_message": [.succeeded]])
        scope.actions = ["Post_message": Step(name: "Post_message", type: .compose, inputs: 1)]
        flow.definition.actions["Group"] = scope
        #expect(errors(flow).contains { $0.field == "name" && $0.message.contains("used twice") && $0.path == "$.definition.actions.Group.actions.Post_message" })
    }

    @Test func expressionsThatDoNotParse() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["Post_message"]?.inputs = ["connection": "Teams outbox", "text": "Refresh of @{triggerBody()?['dataSourceName'] failed"]
        let issue = errors(flow).first { $0.field == "text" }
        #expect(issue?.path == "$.definition.actions.Post_message.inputs.text")
        #expect(issue?.message.contains("does not parse") == true)
    }

    @Test func connectionThatDoesNotExistIsAWarning() {
        let flow = Fixtures.teamsFlow()
        let found = issues(flow, CheckContext(connections: ["Mail": "smtp"]))
        let issue = found.first { $0.field == "connection" }
        #expect(issue?.severity == .warning && issue?.message.contains("'Teams outbox' does not exist") == true)
        #expect(issues(flow, CheckContext(connections: ["Teams outbox": "smtp"])).contains { $0.message.contains("needs a teams connection") })
        #expect(!issues(flow, CheckContext(connections: ["Teams outbox": "teams"])).contains { $0.field == "connection" })
        #expect(FlowChecker.canTurnOn(flow, context: CheckContext(connections: [:])))
    }

    @Test func allowedValuesAndLiteralTypes() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["Call"] = Step(name: "Call", type: .http, inputs: ["method": "FETCH", "uri": "ftp://x"], runAfter: ["Post_message": [.succeeded]])
        flow.definition.actions["Stop"] = Step(name: "Stop", type: .terminate, inputs: ["runStatus": "Exploded"], runAfter: ["Call": [.succeeded]])
        let found = errors(flow)
        #expect(found.contains { $0.field == "method" && $0.message.contains("one of GET") })
        #expect(found.contains { $0.field == "uri" && $0.message.contains("http://") })
        #expect(found.contains { $0.field == "runStatus" })
    }

    @Test func variableRules() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["Set"] = Step(name: "Set", type: .setVariable, inputs: ["name": "missing", "value": 1], runAfter: ["Post_message": [.succeeded]])
        flow.definition.actions["Init"] = Step(name: "Init", type: .initializeVariable, inputs: ["variables": [["name": "count", "type": "Integer", "value": 0]]], runAfter: ["Set": [.succeeded]])
        flow.definition.actions["Append"] = Step(name: "Append", type: .appendToArrayVariable, inputs: ["name": "count", "value": 1], runAfter: ["Init": [.succeeded]])
        var scope = Step(name: "Group", type: .scope, runAfter: ["Append": [.succeeded]])
        scope.actions = ["Nested_init": Step(name: "Nested_init", type: .initializeVariable, inputs: ["variables": [["name": "n", "type": "Widget"]]])]
        flow.definition.actions["Group"] = scope
        let found = errors(flow)
        #expect(found.contains { $0.step == "Set" && $0.message.contains("not initialized") })
        #expect(found.contains { $0.step == "Append" && $0.message.contains("needs an Array variable") })
        #expect(found.contains { $0.step == "Nested_init" && $0.message.contains("top level") })
        #expect(found.contains { $0.step == "Nested_init" && $0.message.contains("Widget") })
    }

    @Test func containerRequirementsTimeoutsAndRetries() {
        var flow = Fixtures.teamsFlow()
        var loop = Step(name: "Loop", type: .foreach, runAfter: ["Post_message": [.succeeded]])
        loop.runtimeConfiguration = ["concurrency": ["repetitions": 99]]
        loop.actions = ["Stop": Step(name: "Stop", type: .terminate, inputs: ["runStatus": "Failed"])]
        flow.definition.actions["Loop"] = loop
        var call = Step(name: "Call", type: .http, inputs: ["method": "GET", "uri": "http://127.0.0.1/x", "retryPolicy": ["type": "fixed", "count": 200]], runAfter: ["Loop": [.succeeded]])
        call.limit = StepLimit(timeout: "ten minutes")
        flow.definition.actions["Call"] = call
        var route = Step(name: "Route", type: .switchCase, runAfter: ["Call": [.succeeded]])
        route.expression = "@triggerBody()?['dataSourceName']"
        route.cases = ["A": SwitchCase(value: "x"), "B": SwitchCase(value: "x")]
        flow.definition.actions["Route"] = route
        let found = errors(flow)
        #expect(found.contains { $0.step == "Loop" && $0.field == "foreach" })
        #expect(found.contains { $0.step == "Loop" && $0.message.contains("1 to 50") })
        #expect(found.contains { $0.step == "Stop" && $0.message.contains("inside the loop") })
        #expect(found.contains { $0.path.hasSuffix("Call.limit.timeout") && $0.message.contains("ISO 8601") })
        #expect(found.contains { $0.path.hasSuffix("retryPolicy.count") })
        #expect(found.contains { $0.path.hasSuffix("retryPolicy.interval") })
        #expect(found.contains { $0.step == "Route" && $0.message.contains("two cases") })
    }

    @Test func triggerCountAndEmptyFlow() {
        var flow = Fixtures.teamsFlow()
        flow.definition.triggers = [:]
        #expect(errors(flow).contains { $0.message.contains("no trigger") })
        let empty = Flow(id: "e", displayName: "e", trigger: Trigger(kind: .fullRefreshCompleted))
        #expect(issues(empty).contains { $0.severity == .warning && $0.message.contains("no steps") })
        #expect(FlowChecker.canTurnOn(empty))
    }

    @Test func errorsComeBeforeWarnings() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["Post_message"]?.inputs = ["connection": "nope"]
        let found = issues(flow, CheckContext(connections: [:]))
        #expect(found.first?.severity == .error)
        #expect(found.last?.severity == .warning)
    }
}

extension CheckerTests {
    @Test func referencesToStepsThatDoNotRunBefore() {
        var flow = Fixtures.teamsFlow()
        flow.definition.actions["Post_message"]?.inputs = ["connection": "Teams outbox", "text": "@{body('Summary')} and @{outputs('Ghost')}"]
        flow.definition.actions["Summary"] = Step(name: "Summary", type: .compose, inputs: "x", runAfter: ["Post_message": [.succeeded]])
        flow.definition.actions["After"] = Step(name: "After", type: .compose, inputs: "@outputs('Summary')", runAfter: ["Summary": [.succeeded]])
        let found = errors(flow)
        #expect(found.contains { $0.step == "Post_message" && $0.message.contains("'Summary', which does not run before") })
        #expect(found.contains { $0.step == "Post_message" && $0.message.contains("'Ghost', which does not exist") })
        #expect(!found.contains { $0.step == "After" })
    }

    @Test func stepsInsideAFinishedScopeMayBeReferenced() {
        var flow = Fixtures.teamsFlow()
        var scope = Step(name: "Group", type: .scope, runAfter: ["Post_message": [.succeeded]])
        scope.actions = ["Inner": Step(name: "Inner", type: .compose, inputs: 1), "Self_ref": Step(name: "Self_ref", type: .compose, inputs: "@outputs('Group')", runAfter: ["Inner": [.succeeded]])]
        flow.definition.actions["Group"] = scope
        flow.definition.actions["Use"] = Step(name: "Use", type: .compose, inputs: "@outputs('Inner')", runAfter: ["Group": [.succeeded, .failed]])
        let found = errors(flow)
        #expect(!found.contains { $0.step == "Use" })
        #expect(found.contains { $0.step == "Self_ref" && $0.message.contains("has not finished") })
    }

    @Test func loopItemsAndVariables() {
        var flow = Fixtures.teamsFlow()
        var loop = Step(name: "Each", type: .foreach, runAfter: ["Post_message": [.succeeded]])
        loop.foreach = "@triggerBody()?['failedSources']"
        loop.actions = ["Use_item": Step(name: "Use_item", type: .compose, inputs: "@items('Each')")]
        flow.definition.actions["Each"] = loop
        flow.definition.actions["Outside"] = Step(name: "Outside", type: .compose, inputs: "@{items('Each')} @{variables('count')}", runAfter: ["Each": [.succeeded]])
        let found = errors(flow)
        #expect(!found.contains { $0.step == "Use_item" })
        #expect(found.contains { $0.step == "Outside" && $0.message.contains("only be used inside the Apply to each 'Each'") })
        #expect(found.contains { $0.step == "Outside" && $0.message.contains("variable 'count'") })
    }

    @Test func triggerConditionsMustParseAndReadOnlyTheTrigger() {
        var flow = Fixtures.teamsFlow()
        flow.definition.triggers["When_a_data_source_refresh_fails"]?.conditions = ["@equals(triggerBody()?['dataSourceName'], 'Webshop')", "@body('Post_message')", "@equals(1,"]
        let found = errors(flow)
        #expect(found.contains { $0.path.hasSuffix("conditions[1].expression") && $0.message.contains("no step has run yet") })
        #expect(found.contains { $0.path.hasSuffix("conditions[2].expression") && $0.message.contains("does not parse") })
        #expect(!found.contains { $0.path.hasSuffix("conditions[0].expression") })
    }
}
