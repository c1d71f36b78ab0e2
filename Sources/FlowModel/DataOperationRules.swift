import FlowExpressions

/// Checks beyond the catalog for the data operations and Date Time actions: Parse JSON's schema (and literal content
/// against it), Select's map, Filter array's condition, table columns, and the kind and inputs of `Expression` actions.
enum DataOperationRules {
    static func check(_ steps: [LocatedStep]) -> [FlowIssue] {
        steps.flatMap { located -> [FlowIssue] in
            switch located.step.type {
            case .parseJson: return parseJson(located)
            case .select: return select(located)
            case .query: return query(located)
            case .table: return table(located)
            case .expression: return expression(located)
            default: return []
            }
        }
    }

    static func issue(_ located: LocatedStep, _ field: String, _ message: String, severity: FlowIssue.Severity = .error) -> FlowIssue {
        FlowIssue(severity, path: located.pathText + ".inputs." + field, step: located.step.name, field: field, message)
    }

    static func parseJson(_ located: LocatedStep) -> [FlowIssue] {
        guard let schema = located.step.inputs?["schema"], !StepParameterRules.isMissing(schema) else { return [] }
        if StepParameterRules.isExpression(schema) { return [] }
        let subset = JSONSchemaSubset(schema)
        let problems = subset.shapeProblems()
        if !problems.isEmpty { return problems.map { issue(located, "schema", $0) } }
        guard let content = located.step.inputs?["content"], !StepParameterRules.isMissing(content), !containsExpression(content) else { return [] }
        var value = content
        if case .string(let text) = content {
            guard let parsed = try? JSONValue.parse(text) else { return [issue(located, "content", "the content is not valid JSON")] }
            value = parsed
        }
        return subset.violations(of: value).map { issue(located, "content", "the content does not match the schema: \($0)") }
    }

    static func select(_ located: LocatedStep) -> [FlowIssue] {
        guard let map = located.step.inputs?["select"] else { return [] }
        switch map {
        case .object(let members) where members.isEmpty:
            return [issue(located, "select", "the map needs at least one key, e.g. {\"name\": \"@item()?['name']\"}")]
        case .object, .string: return fromIssues(located)
        default: return [issue(located, "select", "the map must be an object of key to expression, or one expression; found \(map.typeDescription)")]
        }
    }

    static func query(_ located: LocatedStep) -> [FlowIssue] {
        guard let condition = located.step.inputs?["where"], !StepParameterRules.isMissing(condition) else { return fromIssues(located) }
        switch condition {
        case .bool: return fromIssues(located)
        case .string(let text) where StepParameterRules.isExpression(.string(text)): return fromIssues(located)
        default: return [issue(located, "where", "the condition must be an expression such as @greater(item()?['count'], 2); found \(condition.jsonText())")]
        }
    }

    static func table(_ located: LocatedStep) -> [FlowIssue] {
        guard let columns = located.step.inputs?["columns"], !columns.isNull, !StepParameterRules.isExpression(columns) else { return fromIssues(located) }
        guard let list = columns.arrayValue else { return [issue(located, "columns", "columns must be an array of {\"header\": ..., \"value\": ...}")] }
        var issues: [FlowIssue] = []
        for (index, column) in list.enumerated() where column["header"] == nil || column["value"] == nil {
            issues.append(issue(located, "columns.\(index)", "column \(index + 1) needs both a header and a value"))
        }
        return issues + fromIssues(located)
    }

    /// A literal `from` that is not an array can never run.
    static func fromIssues(_ located: LocatedStep) -> [FlowIssue] {
        guard let from = located.step.inputs?["from"], !StepParameterRules.isMissing(from), !StepParameterRules.isExpression(from) else { return [] }
        if from.arrayValue != nil { return [] }
        return [issue(located, "from", "From must be an array or an expression giving one; found \(from.typeDescription)")]
    }

    /// The inputs the action's kind needs (a missing or unknown kind is reported by the catalog's allowed values).
    static func expression(_ located: LocatedStep) -> [FlowIssue] {
        guard let text = located.step.extra["kind"]?.stringValue, let kind = ExpressionActionKind(caseInsensitive: text) else { return [] }
        var issues: [FlowIssue] = []
        for name in kind.requiredInputs where StepParameterRules.isMissing(located.step.inputs?[name]) {
            let label = DataOperationSteps.dateTime.parameters.first { $0.key == name }?.displayName ?? name
            issues.append(issue(located, name, "\(label) is required for \"\(kind.displayName)\""))
        }
        return issues
    }

    static func containsExpression(_ value: JSONValue) -> Bool {
        value.stringLeaves().contains { StepParameterRules.isExpression(.string($0.text)) }
    }
}
