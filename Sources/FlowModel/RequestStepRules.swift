import FlowExpressions

/// Response and "Run a child flow": where they may stand and what their inputs must be. The reference: a Response
/// answers the request of a Request trigger and cannot stand inside For each or Until loops (Logic Apps, "Handle
/// inbound HTTP requests", Response action limitations).
enum RequestStepRules {
    static func check(_ steps: [LocatedStep], trigger: Trigger?) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        let byName = Dictionary(steps.map { ($0.step.name, $0.step.type) }, uniquingKeysWith: { first, _ in first })
        for located in steps {
            let step = located.step
            let path = located.pathText
            switch step.type {
            case .response:
                if let kind = trigger?.kind, !kind.isRequest {
                    issues.append(FlowIssue(.error, path: path, step: step.name,
                                            "a Response answers the request that started the flow; this flow starts from \"\(Catalog.trigger(kind).displayName)\" (use \"When an HTTP request is received\")"))
                }
                if let loop = located.ancestors.first(where: { byName[$0] == .foreach || byName[$0] == .until }) {
                    issues.append(FlowIssue(.error, path: path, step: step.name, "a Response cannot be inside the loop '\(loop)'; move it after the loop"))
                }
                if let status = step.inputs?["statusCode"], !isExpression(status) {
                    let number = status.intValue ?? status.stringValue.flatMap { Int($0) }
                    if number.map({ !(100...599).contains($0) }) ?? true {
                        issues.append(FlowIssue(.error, path: path + ".inputs.statusCode", step: step.name, field: "statusCode",
                                                "the status code must be a whole number from 100 to 599; found \(status.jsonText())"))
                    }
                }
                if let headers = step.inputs?["headers"], !isExpression(headers), headers.objectValue == nil {
                    issues.append(FlowIssue(.error, path: path + ".inputs.headers", step: step.name, field: "headers", "headers must be an object of names to values"))
                }
            case .workflow:
                if let id = step.inputs?.value(atPath: "host.workflow.id")?.stringValue, id.split(separator: "/").last.map(String.init) == nil {
                    issues.append(FlowIssue(.error, path: path + ".inputs.host.workflow.id", step: step.name, field: "host.workflow.id", "name the flow to call by its id"))
                }
            default:
                break
            }
        }
        return issues
    }

    private static func isExpression(_ value: JSONValue) -> Bool { value.stringValue?.hasPrefix("@") == true }
}
