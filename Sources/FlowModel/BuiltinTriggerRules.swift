import FlowExpressions

/// Checks of the Recurrence and HTTP request triggers beyond what the catalog's parameter list gives.
enum BuiltinTriggerRules {
    static func check(_ trigger: Trigger, kind: TriggerKind, path: [JSONPath.Component]) -> [FlowIssue] {
        switch kind {
        case .recurrence:
            guard let recurrence = trigger.extra["recurrence"] else {
                return [FlowIssue(.error, path: JSONPath.render(path), field: "recurrence",
                                  "a Recurrence trigger needs \"recurrence\": {\"frequency\": \"Day\", \"interval\": 1}")]
            }
            do {
                _ = try RecurrenceRule(json: recurrence)
                return []
            } catch {
                let fieldPath = error.field.split(separator: ".").map { JSONPath.Component.key(String($0)) }
                return [FlowIssue(.error, path: JSONPath.render(path + [.key("recurrence")] + fieldPath), field: error.field, error.message)]
            }
        case .httpRequest, .manual:
            guard let schema = trigger.inputs?["schema"], !schema.isNull else { return [] }
            guard case .object = schema else {
                return [FlowIssue(.error, path: JSONPath.render(path + [.key("inputs"), .key("schema")]), field: "schema",
                                  "the request body schema must be a JSON schema object such as {\"type\": \"object\"}; found \(schema.typeDescription)")]
            }
            return []
        default:
            return []
        }
    }
}
