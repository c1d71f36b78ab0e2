import FlowExpressions
import FlowModel

/// Evaluates a flow's trigger conditions against a trigger body, as matching an event would.
public enum TriggerConditionCheck {
    /// The trigger conditions that are not true for `triggerBody` (with the test headers); empty when the flow would run.
    /// A condition that does not parse or fails to evaluate counts as not true, as it does for events.
    public static func unmet(_ flow: Flow, triggerBody: JSONValue) -> [String] {
        guard let trigger = flow.trigger else { return [] }
        let context = StaticEvaluationContext(triggerBody: triggerBody, triggerHeaders: ["x-insightflow-test": true])
        return trigger.conditions.filter { text in
            guard let condition = try? FlowString.parse(text) else { return true }
            return (try? condition.evaluate(in: context)) != .bool(true)
        }
    }
}
