import FlowExpressions

/// Expressions: every string of the flow that holds one must parse. (Reference rules come with the expression language.)
enum ExpressionRules {
    static func check(_ definition: WorkflowDefinition, steps: [LocatedStep]) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        if let trigger = definition.triggers.values.first {
            let base: [JSONPath.Component] = [.key("definition"), .key("triggers"), .key(trigger.name)]
            for (i, condition) in trigger.conditions.enumerated() {
                issues += parseIssues(condition, path: base + [.key("conditions"), .index(i), .key("expression")], step: nil)
            }
        }
        for located in steps {
            for (path, text) in expressionStrings(located) {
                issues += parseIssues(text, path: path, step: located.step.name)
            }
        }
        return issues
    }

    /// Every string of a step where an expression may stand: inputs, expression, foreach, limit.
    static func expressionStrings(_ located: LocatedStep) -> [(path: [JSONPath.Component], text: String)] {
        let step = located.step
        var strings: [(path: [JSONPath.Component], text: String)] = []
        if let inputs = step.inputs { strings += inputs.stringLeaves(prefix: located.path + [.key("inputs")]) }
        if let expression = step.expression { strings += expression.stringLeaves(prefix: located.path + [.key("expression")]) }
        if let foreach = step.foreach { strings.append((located.path + [.key("foreach")], foreach)) }
        return strings
    }

    static func parseIssues(_ text: String, path: [JSONPath.Component], step: String?) -> [FlowIssue] {
        guard text.contains("@") else { return [] }
        do {
            _ = try FlowString.parse(text)
            return []
        } catch {
            return [FlowIssue(.error, path: JSONPath.render(path), step: step, field: fieldName(path), "the expression does not parse: \(error.description)")]
        }
    }

    /// The parameter a path points into (`inputs.text` → `text`).
    static func fieldName(_ path: [JSONPath.Component]) -> String? {
        guard let inputs = path.lastIndex(of: .key("inputs")) else {
            if case .key(let key)? = path.last { return key }
            return nil
        }
        let keys = path[(inputs + 1)...].compactMap { component -> String? in
            switch component {
            case .key(let key): return key
            case .index(let i): return String(i)
            }
        }
        return keys.joined(separator: ".")
    }
}
