import FlowExpressions
import FlowModel
import Testing
@testable import FlowRunner

/// `flow test` asks TriggerConditionCheck whether the trigger conditions hold for the test body before running.
@Suite struct TriggerConditionCheckTests {
    func flow(_ conditions: [String]) -> Flow {
        var flow = Flow(id: "conditional", displayName: "Conditional", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]))
        let name = flow.definition.triggers.keys.first ?? ""
        flow.definition.triggers[name]?.conditions = conditions
        return flow
    }

    @Test func conditionsAreEvaluatedAgainstTheTestBody() {
        let conditional = flow(["@equals(triggerBody()?['dataSourceName'], 'Webshop')", "@not(empty(triggerBody()?['errorMessage']))"])
        #expect(TriggerConditionCheck.unmet(conditional, triggerBody: ["dataSourceName": "Webshop", "errorMessage": "x"]).isEmpty)
        #expect(TriggerConditionCheck.unmet(conditional, triggerBody: ["dataSourceName": "CRM", "errorMessage": "x"]) == ["@equals(triggerBody()?['dataSourceName'], 'Webshop')"])
        #expect(TriggerConditionCheck.unmet(conditional, triggerBody: [:]).count == 2)
    }

    @Test func noConditionsAlwaysHold() {
        #expect(TriggerConditionCheck.unmet(flow([]), triggerBody: [:]).isEmpty)
    }

    @Test func aConditionThatCannotBeEvaluatedCountsAsFalse() {
        #expect(TriggerConditionCheck.unmet(flow(["@equals(", "@add(1, 2)"]), triggerBody: [:]).count == 2, "unparsable, and not a boolean")
    }
}
