import FlowExpressions

/// Expressions: every string of the flow that holds one must parse, and what it references must exist and
/// have run before (steps), enclose it (loops) or be initialized (variables).
enum ExpressionRules {
    static func check(_ definition: WorkflowDefinition, steps: [LocatedStep]) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        if let trigger = definition.triggers.values.first {
            let base: [JSONPath.Component] = [.key("definition"), .key("triggers"), .key(trigger.name)]
            for (i, condition) in trigger.conditions.enumerated() {
                let path = base + [.key("conditions"), .index(i), .key("expression")]
                if let parsed = parse(condition, path: path, step: nil, into: &issues), !parsed.references.steps.isEmpty {
                    issues.append(FlowIssue(.error, path: JSONPath.render(path), field: "conditions", "a trigger condition can only read the trigger (triggerBody(), triggerOutputs()); no step has run yet"))
                }
            }
        }
        let graph = ReferenceGraph(steps: steps, variables: declaredVariables(steps))
        for located in steps {
            for (path, text) in expressionStrings(located) {
                guard let parsed = parse(text, path: path, step: located.step.name, into: &issues) else { continue }
                let references = parsed.references
                guard !references.steps.isEmpty || !references.variables.isEmpty else { continue }
                issues += graph.problems(references, from: located, at: path, field: fieldName(path))
            }
        }
        return issues
    }

    /// Every string of a step where an expression may stand: inputs, expression, foreach.
    static func expressionStrings(_ located: LocatedStep) -> [(path: [JSONPath.Component], text: String)] {
        let step = located.step
        var strings: [(path: [JSONPath.Component], text: String)] = []
        if let inputs = step.inputs { strings += inputs.stringLeaves(prefix: located.path + [.key("inputs")]) }
        if let expression = step.expression { strings += expression.stringLeaves(prefix: located.path + [.key("expression")]) }
        if let foreach = step.foreach { strings.append((located.path + [.key("foreach")], foreach)) }
        return strings.filter { ExpressionText.hasAt($0.text) }
    }

    /// The parsed string, or nil with a parse issue added.
    static func parse(_ text: String, path: [JSONPath.Component], step: String?, into issues: inout [FlowIssue]) -> FlowString? {
        guard ExpressionText.hasAt(text) else { return nil }
        do {
            return try FlowString.parse(text)
        } catch {
            issues.append(FlowIssue(.error, path: JSONPath.render(path), step: step, field: fieldName(path), "the expression does not parse: \(error.description)"))
            return nil
        }
    }

    static func declaredVariables(_ steps: [LocatedStep]) -> Set<String> {
        var names: Set<String> = []
        for located in steps where located.step.type == .initializeVariable {
            for variable in located.step.inputs?["variables"]?.arrayValue ?? [] {
                if let name = variable["name"]?.stringValue { names.insert(name.lowercased()) }
            }
        }
        return names
    }

    /// The parameter a path points into (`inputs.text` → `text`).
    static func fieldName(_ path: [JSONPath.Component]) -> String? {
        guard let inputs = path.lastIndex(of: .key("inputs")) else {
            if case .key(let key)? = path.last { return key }
            return nil
        }
        let keys = path[(inputs + 1)...].map { component -> String in
            switch component {
            case .key(let key): return key
            case .index(let i): return String(i)
            }
        }
        return keys.joined(separator: ".")
    }
}

/// Byte scans for the expression markers (Foundation's `contains` on a `String` goes through `NSString` on Linux,
/// which the profile of a cold `flow list` showed at about a tenth of the time).
enum ExpressionText {
    /// True when `text` holds an `@`.
    static func hasAt(_ text: String) -> Bool { text.utf8.contains(UInt8(ascii: "@")) }

    /// True when `text` holds `@{`.
    static func hasInterpolation(_ text: String) -> Bool {
        var previousWasAt = false
        for byte in text.utf8 {
            if previousWasAt, byte == UInt8(ascii: "{") { return true }
            previousWasAt = byte == UInt8(ascii: "@")
        }
        return false
    }
}
