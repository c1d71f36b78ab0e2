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
            let status = await executor.runScope(step.actions ?? [:], path: path + [.key("actions")], context: context, scope: step.name)
            return StepOutcome(status: status, error: status == .succeeded ? nil : "an action in the scope '\(step.name)' ended \(status == .aborted ? "Aborted" : "Failed, TimedOut or Cancelled") and no later action handled it",
                               code: status == .succeeded ? nil : "ActionFailed")
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
        let status = await executor.runScope(branch, path: branchPath, context: context, scope: step.name)
        return StepOutcome(status: status, inputs: ["expressionResult": .bool(value)])
    }

    private func switchStep(_ step: Step, path: [JSONPath.Component], context: RunContext) async throws -> StepOutcome {
        let value = try DeepEvaluation.evaluate(step.expression ?? .null, cache: cache, context: context)
        for (name, switchCase) in step.cases ?? [:] where Self.caseMatches(switchCase.value, value) {
            let status = await executor.runScope(switchCase.actions, path: path + [.key("cases"), .key(name), .key("actions")], context: context, scope: step.name)
            return StepOutcome(status: status, inputs: ["expressionValue": value, "case": .string(name)])
        }
        let status = await executor.runScope(step.defaultActions ?? [:], path: path + [.key("default"), .key("actions")], context: context, scope: step.name)
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
        let state = executor.state
        let worst = await LoopRunner.run(count: items.count, concurrency: concurrency, stop: { state.termination != nil || Task.isCancelled }) { index in
            let frame = LoopFrame(name: step.name, item: items[index], index: index)
            return await executor.runScope(body, path: bodyPath, context: context.entering(frame), scope: step.name)
        }
        let inputs: JSONValue = ["items": .int(items.count), "concurrency": .int(concurrency)]
        guard worst == .succeeded else {
            return StepOutcome(status: worst, inputs: inputs, error: "an iteration of '\(step.name)' ended \(worst.rawValue)", code: "ActionFailed")
        }
        return StepOutcome(status: .succeeded, inputs: inputs)
    }

    /// Do until: runs the body, then checks the condition, until it is true or a limit (`limit.count`, default 60;
    /// `limit.timeout`, default PT1H) is reached. Reaching a limit ends the loop Succeeded unless the step has the
    /// `FailWhenLimitsReached` operation option; the loop fails when its last iteration failed.
    private func until(_ step: Step, path: [JSONPath.Component], context: RunContext) async throws -> StepOutcome {
        let limit = step.limit?.count ?? 60
        let deadline = Date().addingTimeInterval(step.limit?.timeout.flatMap(ISODuration.init)?.seconds ?? 3600)
        let condition = try ConditionExpression.build(step.expression ?? .bool(true), cache: cache)
        var iterations = 0
        var status = StepStatus.succeeded
        while iterations < limit, Date() < deadline, executor.state.termination == nil, !Task.isCancelled {
            let frame = LoopFrame(name: step.name, item: .int(iterations), index: iterations)
            status = await executor.runScope(step.actions ?? [:], path: path + [.key("actions")], context: context.entering(frame), scope: step.name)
            iterations += 1
            if try condition.evaluate(in: context) == .bool(true) {
                return StepOutcome(status: status, inputs: ["iterations": .int(iterations)], outputs: ["iterations": .int(iterations), "limitReached": false],
                                   error: status == .succeeded ? nil : "the last iteration of '\(step.name)' ended \(status.rawValue)", code: status == .succeeded ? nil : "ActionFailed")
            }
        }
        let outputs: JSONValue = ["iterations": .int(iterations), "limitReached": true]
        if status != .succeeded {
            return StepOutcome(status: status, inputs: ["iterations": .int(iterations)], outputs: outputs, error: "the last iteration of '\(step.name)' ended \(status.rawValue)", code: "ActionFailed")
        }
        if Self.failsWhenLimitsReached(step), executor.state.termination == nil {
            let which = iterations >= limit ? "count (\(limit))" : "timeout (\(step.limit?.timeout ?? "PT1H"))"
            return StepOutcome(status: .failed, inputs: ["iterations": .int(iterations)], outputs: outputs,
                               error: "'\(step.name)' reached its \(which) limit before its condition was true", code: "LimitsReached")
        }
        return StepOutcome(status: .succeeded, inputs: ["iterations": .int(iterations)], outputs: outputs)
    }

    /// True when the step's `operationOptions` include `FailWhenLimitsReached`.
    static func failsWhenLimitsReached(_ step: Step) -> Bool {
        let options = step.extra["operationOptions"]?.stringValue ?? ""
        return options.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "failwhenlimitsreached" }
    }
}

/// Runs loop iterations, at most `concurrency` at a time, and returns the worst iteration status
/// (Failed over Aborted over Succeeded). Each iteration is a scope; no new one starts once `stop` says so.
enum LoopRunner {
    static func run(count: Int, concurrency: Int, stop: @escaping @Sendable () -> Bool, _ body: @escaping @Sendable (Int) async -> StepStatus) async -> StepStatus {
        guard count > 0 else { return .succeeded }
        var worst = StepStatus.succeeded
        func note(_ status: StepStatus) {
            if status == .failed || status == .timedOut || status == .cancelled { worst = .failed } else if status == .aborted, worst != .failed { worst = .aborted }
        }
        if concurrency == 1 {
            for index in 0..<count where !stop() { note(await body(index)) }
            return worst
        }
        await withTaskGroup(of: StepStatus.self) { group in
            var next = 0
            while next < min(concurrency, count) {
                let index = next
                group.addTask { await body(index) }
                next += 1
            }
            while let status = await group.next() {
                note(status)
                if next < count, !stop() {
                    let index = next
                    group.addTask { await body(index) }
                    next += 1
                }
            }
        }
        return worst
    }
}
