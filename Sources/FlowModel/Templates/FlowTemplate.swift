import FlowExpressions
import OrderedCollections

/// A ready-made flow the connector page offers ("Start from a template"): it asks only for what it cannot
/// know (a connection, a segment, a threshold, recipients) and fills in the rest.
public struct FlowTemplate: Sendable, Identifiable {
    /// One value the template needs from the user.
    public struct Question: Sendable, Hashable {
        public var key: String
        public var prompt: String
        public var kind: ValueKind
        /// For `.connection` questions: the connection kind wanted (`teams`, `smtp`, `http`).
        public var connectionKind: String?
        public var defaultValue: JSONValue?
    }

    public var id: String
    public var displayName: String
    public var description: String
    public var trigger: TriggerKind
    public var questions: [Question]
    /// Builds the flow (Off) from the answers, keyed by question key; missing answers take their defaults.
    public var build: @Sendable (_ answers: [String: JSONValue]) -> Flow

    /// The flow with the given answers and id.
    public func instantiate(id flowId: String, answers: [String: JSONValue] = [:]) -> Flow {
        var filled = answers
        for question in questions where filled[question.key] == nil { filled[question.key] = question.defaultValue ?? "" }
        var flow = build(filled)
        flow.id = flowId
        return flow
    }
}

/// Helpers for writing templates as flows.
enum TemplateBuilder {
    /// A flow with one trigger and steps chained in order (each runs after the previous one succeeded).
    static func flow(_ name: String, _ trigger: Trigger, _ steps: [Step]) -> Flow {
        var flow = Flow(id: FlowStore.slug(name), displayName: name, trigger: trigger)
        var previous: String?
        for var step in steps {
            if step.runAfter.isEmpty, let previous { step.runAfter = [previous: [.succeeded]] }
            flow.definition.actions[step.name] = step
            previous = step.name
        }
        return flow
    }

    static func text(_ answers: [String: JSONValue], _ key: String) -> JSONValue { answers[key] ?? "" }
}
