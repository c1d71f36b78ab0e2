import FlowExpressions

/// Step types, unique names, and what each container needs.
enum StepStructureRules {
    static func check(_ steps: [LocatedStep]) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        var seen: [String: String] = [:]
        let known = StepType.known.map(\.rawValue).joined(separator: ", ")
        for located in steps {
            let step = located.step
            let path = located.pathText
            if let first = seen[step.name] {
                issues.append(FlowIssue(.error, path: path, step: step.name, field: "name", "the step name '\(step.name)' is used twice (also at \(first)); step names must be unique in a flow"))
            } else {
                seen[step.name] = path
            }
            guard step.type.isKnown else {
                issues.append(FlowIssue(.error, path: path + ".type", step: step.name, field: "type", "unknown step type '\(step.type.rawValue)'; InsightFlow runs \(known)"))
                continue
            }
            issues += containerIssues(located)
            if step.type == .terminate, let loop = located.ancestors.first(where: { isLoop($0, in: steps) }) {
                issues.append(FlowIssue(.error, path: path, step: step.name, "Terminate cannot be inside the loop '\(loop)'; move it after the loop"))
            }
            issues += limitIssues(located)
        }
        return issues
    }

    static func isLoop(_ name: String, in steps: [LocatedStep]) -> Bool {
        guard let type = steps.first(where: { $0.step.name == name })?.step.type else { return false }
        return type == .foreach || type == .until
    }

    static func containerIssues(_ located: LocatedStep) -> [FlowIssue] {
        let step = located.step
        let path = located.pathText
        var issues: [FlowIssue] = []
        if step.type == .switchCase {
            var values: Set<JSONValue> = []
            for (caseName, switchCase) in step.cases ?? [:] {
                let casePath = path + ".cases." + caseName + ".case"
                switch switchCase.value {
                case .string, .int, .double, .bool: break
                default: issues.append(FlowIssue(.error, path: casePath, step: step.name, field: "cases", "a case value must be text or a number; found \(switchCase.value.typeDescription)"))
                }
                if !values.insert(switchCase.value).inserted {
                    issues.append(FlowIssue(.error, path: casePath, step: step.name, field: "cases", "the case value \(switchCase.value.jsonText()) appears in two cases"))
                }
            }
        }
        if step.type == .foreach, let repetitions = step.runtimeConfiguration?.value(atPath: "concurrency.repetitions") {
            // A literal that is not a whole number at all is already the parameter rule's finding: one issue, not two.
            let reportedAsParameter = !StepParameterRules.isExpression(repetitions) && repetitions.intValue == nil
                && Int(repetitions.stringValue ?? "") == nil
            if !(1...50).contains(repetitions.intValue ?? 0), !reportedAsParameter {
                issues.append(FlowIssue(.error, path: path + ".runtimeConfiguration.concurrency.repetitions", step: step.name, field: "runtimeConfiguration.concurrency.repetitions", "loop concurrency must be a whole number from 1 to 50"))
            }
        }
        return issues
    }

    static func limitIssues(_ located: LocatedStep) -> [FlowIssue] {
        let step = located.step
        var issues: [FlowIssue] = []
        if let timeout = step.limit?.timeout, !timeout.hasPrefix("@"), ISODuration(timeout) == nil {
            issues.append(FlowIssue(.error, path: located.pathText + ".limit.timeout", step: step.name, field: "limit.timeout", "'\(timeout)' is not an ISO 8601 duration; write e.g. PT30S, PT10M or PT1H"))
        }
        if let count = step.limit?.count, count < 1 {
            issues.append(FlowIssue(.error, path: located.pathText + ".limit.count", step: step.name, field: "limit.count", "the loop count must be at least 1"))
        }
        if let retry = step.inputs?["retryPolicy"] {
            issues += retryIssues(retry, located)
        }
        return issues
    }

    static func retryIssues(_ retry: JSONValue, _ located: LocatedStep) -> [FlowIssue] {
        let path = located.pathText + ".inputs.retryPolicy"
        let name = located.step.name
        guard let policy = RetryPolicy(json: retry) else {
            return [FlowIssue(.error, path: path + ".type", step: name, field: "retryPolicy", "the retry policy type must be none, fixed or exponential")]
        }
        var issues: [FlowIssue] = []
        if policy.kind != .none, let count = policy.count, !(1...90).contains(count) {
            issues.append(FlowIssue(.error, path: path + ".count", step: name, field: "retryPolicy", "the retry count must be from 1 to 90"))
        }
        for (key, value) in [("interval", policy.interval), ("minimumInterval", policy.minimumInterval), ("maximumInterval", policy.maximumInterval)] {
            if let value, ISODuration(value) == nil {
                issues.append(FlowIssue(.error, path: path + "." + key, step: name, field: "retryPolicy", "'\(value)' is not an ISO 8601 duration; write e.g. PT7S"))
            }
        }
        for (key, value) in [("interval", policy.interval), ("minimumInterval", policy.minimumInterval), ("maximumInterval", policy.maximumInterval)] {
            guard policy.kind != .none, let seconds = value.flatMap(ISODuration.init)?.seconds else { continue }
            if seconds < RetryPolicy.referenceMinimumSeconds {
                issues.append(FlowIssue(.error, path: path + "." + key, step: name, field: "retryPolicy", "the retry \(key) \(value ?? "") is under the reference minimum of 5 seconds (PT5S)"))
            } else if seconds > RetryPolicy.referenceMaximumSeconds {
                issues.append(FlowIssue(.error, path: path + "." + key, step: name, field: "retryPolicy", "the retry \(key) \(value ?? "") is over the reference maximum of one day (P1D)"))
            }
        }
        if policy.kind == .fixed, policy.interval == nil {
            issues.append(FlowIssue(.error, path: path + ".interval", step: name, field: "retryPolicy", "a fixed retry policy needs an interval such as PT20S"))
        }
        return issues
    }
}
