import FlowExpressions
import FlowModel
import Foundation

/// Condition, Switch, Apply to each, Do until and Scope: they evaluate their expression and run nested steps.
struct ControlSteps {
    let executor: RunExecutor
    var cache: ExpressionCache { executor.environment.cache }

    func run(_ step: Step, path: [JSONPath.Component], context: RunContext) async throws -> StepOutcome {
        switch step.type {
        case .condition: return try await condition(step, path: path, context: context)
        case .switchCase: return try await switchStep(step, path: path, context: context)
        case .foreach: return try await foreach(step, path: path, context: context)
        case .until: return try await until(step, path: path, context: context)
        default:
            let status = try await executor.runScope(step.actions ?? [:], path: path + [.key("actions")], context: context, scope: step.name)
            return StepOutcome(status: status)
        }
    }

    private func condition(_ step: Step, path: [JSONPath.Component], context: RunContext) async throws -> StepOutcome {
        let expression = try ConditionExpression.build(step.expression ?? .bool(false), cache: cache)
        let result = try expression.evaluate(in: context)
        guard case .bool(let value) = result else {
            throw StepFailure(message: "the condition gave \(result.typeDescription) (\(result.jsonText())), expected true or false", code: "InvalidTemplate")
        }
        let branch = value ? step.actions ?? [:] : step.elseActions ?? [:]
        let branchPath = path + (value ? [.key("actions")] : [.key("else"), .key("actions")])
        let status = try await executor.runScope(branch, path: branchPath, context: context, scope: step.name)
        return StepOutcome(status: status, inputs: ["expressionResult": .bool(value)])
    }

    private func switchStep(_ step: Step, path: [JSONPath.Component], context: RunContext) async throws -> StepOutcome {
        let value = try DeepEvaluation.evaluate(step.expression ?? .null, cache: cache, context: context)
        for (name, switchCase) in step.cases ?? [:] where Self.caseMatches(switchCase.value, value) {
            let status = try await executor.runScope(switchCase.actions, path: path + [.key("cases"), .key(name), .key("actions")], context: context, scope: step.name)
            return StepOutcome(status: status, inputs: ["expressionValue": value, "case": .string(name)])
        }
        let status = try await executor.runScope(step.defaultActions ?? [:], path: path + [.key("default"), .key("actions")], context: context, scope: step.name)
        return StepOutcome(status: status, inputs: ["expressionValue": value, "case": "default"])
    }

    /// Case values match by value; a number case matches the same number written as text.
    static func caseMatches(_ caseValue: JSONValue, _ value: JSONValue) -> Bool {
        if caseValue == value { return true }
        if let a = caseValue.doubleValue, let b = value.doubleValue { return a == b }
        return false
    }

    private func foreach(_ step: Step, path: [JSONPath.Component], context: RunContext) async throws -> StepOutcome {
        let source = try DeepEvaluation.evaluate(.string(step.foreach ?? ""), cache: cache, context: context)
        guard case .array(let items) = source else {
            throw StepFailure(message: "Apply to each needs an array; the expression gave \(source.typeDescription)", code: "InvalidTemplate")
        }
        let concurrency = max(1, min(50, step.runtimeConfiguration?.value(atPath: "concurrency.repetitions")?.intValue ?? 1))
        let body = step.actions ?? [:]
        let bodyPath = path + [.key("actions")]
        let failed = try await LoopRunner.run(count: items.count, concurrency: concurrency) { index in
            let frame = LoopFrame(name: step.name, item: items[index], index: index)
            return try await executor.runScope(body, path: bodyPath, context: context.entering(frame), scope: step.name)
        }
        return StepOutcome(status: failed ? .failed : .succeeded, inputs: ["items": .int(items.count), "concurrency": .int(concurrency)])
    }

    private func until(_ step: Step, path: [JSONPath.Component], context: RunContext) async throws -> StepOutcome {
        let limit = step.limit?.count ?? 60
        let deadline = Date().addingTimeInterval(step.limit?.timeout.flatMap(ISODuration.init)?.seconds ?? 3600)
        let condition = try ConditionExpression.build(step.expression ?? .bool(true), cache: cache)
        var iterations = 0
        var status = StepStatus.succeeded
        while iterations < limit, Date() < deadline {
            let frame = LoopFrame(name: step.name, item: .int(iterations), index: iterations)
            status = try await executor.runScope(step.actions ?? [:], path: path + [.key("actions")], context: context.entering(frame), scope: step.name)
            iterations += 1
            if try condition.evaluate(in: context) == .bool(true) {
                return StepOutcome(status: status, inputs: ["iterations": .int(iterations)], outputs: ["iterations": .int(iterations), "limitReached": false])
            }
        }
        return StepOutcome(status: status, inputs: ["iterations": .int(iterations)], outputs: ["iterations": .int(iterations), "limitReached": true])
    }
}

/// Runs loop iterations, at most `concurrency` at a time; true when any iteration failed.
enum LoopRunner {
    static func run(count: Int, concurrency: Int, _ body: @escaping @Sendable (Int) async throws -> StepStatus) async throws -> Bool {
        guard count > 0 else { return false }
        if concurrency == 1 {
            var failed = false
            for index in 0..<count { failed = try await body(index) == .failed || failed }
            return failed
        }
        return try await withThrowingTaskGroup(of: StepStatus.self) { group in
            var next = 0
            var failed = false
            while next < min(concurrency, count) {
                let index = next
                group.addTask { try await body(index) }
                next += 1
            }
            while let status = try await group.next() {
                failed = failed || status == .failed
                if next < count {
                    let index = next
                    group.addTask { try await body(index) }
                    next += 1
                }
            }
            return failed
        }
    }
}
