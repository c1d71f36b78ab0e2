import Foundation
import FlowExpressions

/// Variables: initialized once at the top level, set and appended only after being initialized with a fitting type.
enum VariableRules {
    static func check(_ steps: [LocatedStep]) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        var declared: [String: String] = [:]
        for located in steps where located.step.type == .initializeVariable {
            let path = located.pathText + ".inputs.variables"
            if !located.ancestors.isEmpty {
                issues.append(FlowIssue(.error, path: located.pathText, step: located.step.name, "Initialize variable must be at the top level of the flow, not inside '\(located.ancestors.last ?? "")'"))
            }
            for variable in located.step.inputs?["variables"]?.arrayValue ?? [] {
                guard let name = variable["name"]?.stringValue, !name.isEmpty else { continue }
                let type = variable["type"]?.stringValue ?? ""
                if !DataSteps.variableTypes.contains(where: { $0.caseInsensitiveCompare(type) == .orderedSame }) {
                    issues.append(FlowIssue(.error, path: path, step: located.step.name, field: "variables.0.type", "variable '\(name)' has type '\(type)'; use one of \(DataSteps.variableTypes.joined(separator: ", "))"))
                }
                if declared[name.lowercased()] != nil {
                    issues.append(FlowIssue(.error, path: path, step: located.step.name, field: "variables.0.name", "the variable '\(name)' is initialized twice"))
                }
                declared[name.lowercased()] = type.lowercased()
            }
        }
        for located in steps where located.step.type == .setVariable || requiredTypes[located.step.type] != nil {
            guard let name = located.step.inputs?["name"]?.stringValue, !name.isEmpty else { continue }
            let path = located.pathText + ".inputs.name"
            guard let type = declared[name.lowercased()] else {
                issues.append(FlowIssue(.error, path: path, step: located.step.name, field: "name", "the variable '\(name)' is not initialized; add an Initialize variable step at the top of the flow"))
                continue
            }
            if let (types, phrase) = requiredTypes[located.step.type], !types.contains(type) {
                let action = Catalog.step(located.step.type)?.displayName ?? located.step.type.rawValue
                issues.append(FlowIssue(.error, path: path, step: located.step.name, field: "name", "'\(name)' is \(type == "" ? "untyped" : "of type \(type)"); \(action) needs \(phrase) variable"))
            }
        }
        return issues
    }

    /// The variable types each variable action works on (lowercased), and how to say so.
    static let requiredTypes: [StepType: (Set<String>, String)] = [
        .appendToArrayVariable: (["array"], "an Array"),
        .appendToStringVariable: (["string"], "a String"),
        .incrementVariable: (["integer", "float"], "an Integer or Float"),
        .decrementVariable: (["integer", "float"], "an Integer or Float"),
    ]
}
