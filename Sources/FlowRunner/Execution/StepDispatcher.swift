import FlowExpressions
import FlowModel
import Foundation

/// Runs one step by its type.
struct StepDispatcher {
    let executor: RunExecutor
    var environment: RunEnvironment { executor.environment }
    var state: RunState { executor.state }

    func run(_ step: Step, path: [JSONPath.Component], context: RunContext) async -> StepOutcome {
        do {
            switch step.type {
            case .compose: return try compose(step, context: context)
            case .initializeVariable, .setVariable, .appendToArrayVariable: return try VariableSteps(state: state).run(step, inputs: try inputs(step, context))
            case .terminate: return try terminate(step, context: context)
            case .wait: return try await wait(step, context: context)
            case .condition, .switchCase, .foreach, .until, .scope:
                return try await ControlSteps(executor: executor).run(step, path: path, context: context)
            case .teamsPostMessage, .sendEmail, .http:
                let runId = context.workflowInfo.value(atPath: "run.name")?.stringValue ?? ""
                // The same key for every attempt and every resume of this step in this iteration of this run.
                let key = runId + ":" + step.name + (context.iterationPath.map { ":" + $0 } ?? "")
                return await ActionSteps(environment: environment).run(step, inputs: try inputs(step, context), idempotencyKey: key)
            case .response, .workflow:
                return try await RequestSteps(environment: environment).run(step, inputs: try inputs(step, context))
            case .parseJson, .select, .query, .join, .table:
                return try DataOperationSteps(cache: environment.cache).run(step, context: context)
            case .incrementVariable, .decrementVariable, .appendToStringVariable:
                return try VariableChangeSteps(state: state).run(step, inputs: try inputs(step, context))
            case .expression:
                return try DateTimeActionStep.run(step, inputs: try inputs(step, context), context: context)
            case .getEntities, .getItems, .getItem, .createItem, .updateItem:
                return try DataActionSteps(actions: environment.dataActions, dryRun: environment.dryRun).run(step, inputs: try inputs(step, context))
            default:
                return StepOutcome(status: .failed, error: "InsightFlow cannot run steps of type '\(step.type.rawValue)'", code: "UnsupportedStepType")
            }
        } catch let error as ExpressionEvaluationError {
            return StepOutcome(status: .failed, error: "expression error: \(error.message)", code: "InvalidTemplate")
        } catch let error as StepFailure {
            return StepOutcome(status: .failed, inputs: error.inputs, error: error.message, code: error.code)
        } catch {
            return StepOutcome(status: .failed, error: String(describing: error), code: "ActionFailed")
        }
    }

    /// The step's inputs with every expression evaluated.
    func inputs(_ step: Step, _ context: RunContext) throws(ExpressionEvaluationError) -> JSONValue {
        guard let inputs = step.inputs else { return .null }
        return try DeepEvaluation.evaluate(inputs, cache: environment.cache, context: context)
    }

    private func compose(_ step: Step, context: RunContext) throws -> StepOutcome {
        let value = try inputs(step, context)
        return StepOutcome(status: .succeeded, inputs: value, outputs: value)
    }

    private func terminate(_ step: Step, context: RunContext) throws -> StepOutcome {
        let values = try inputs(step, context)
        let statusText = values["runStatus"]?.stringValue ?? "Failed"
        guard let status = RunStatus(caseInsensitive: statusText), [.succeeded, .failed, .cancelled].contains(status) else {
            throw StepFailure(message: "Terminate: runStatus must be Succeeded, Failed or Cancelled; got '\(statusText)'", code: "InvalidTemplate")
        }
        let code = values.value(atPath: "runError.code")?.stringValue ?? (status == .failed ? "Terminated" : nil)
        let message = values.value(atPath: "runError.message")?.stringValue
        state.terminate(RunTermination(status: status, code: code, message: message, by: step.name))
        return StepOutcome(status: .succeeded, inputs: values)
    }

    /// Delay (`interval.count` + `unit`) or Delay until (`until.timestamp`); a wait past the run's time limit is cut
    /// off there (Aborted), and a cancelled wait (the run terminated, an enclosing timeout) ends Cancelled.
    private func wait(_ step: Step, context: RunContext) async throws -> StepOutcome {
        let values = try inputs(step, context)
        let seconds: Double
        if let until = values.value(atPath: "until.timestamp") {
            guard let text = until.stringValue, let date = Self.timestamp(text) else {
                throw StepFailure(message: "Delay until needs until.timestamp as an ISO 8601 time such as 2026-12-04T16:00:00Z; got \(until.jsonText())", code: "InvalidTemplate", inputs: values)
            }
            seconds = max(0, date.timeIntervalSinceNow)
        } else {
            let count = values.value(atPath: "interval.count")?.doubleValue ?? Double(values.value(atPath: "interval.count")?.stringValue ?? "") ?? 0
            let unit = (values.value(atPath: "interval.unit")?.stringValue ?? "Second").lowercased()
            seconds = count * (Self.unitSeconds[unit] ?? 1)
        }
        let allowed = max(0, min(seconds, environment.deadline.timeIntervalSinceNow))
        do {
            try await Task.sleep(for: .seconds(allowed))
        } catch {
            return StepOutcome(status: .cancelled, inputs: values, error: "the delay was cancelled: " + (state.termination?.reason ?? "an enclosing action timed out"), code: "ActionCancelled")
        }
        if allowed < seconds { return StepOutcome(status: .aborted, inputs: values, error: "the delay would pass the run's time limit", code: "RunTimeLimitExceeded") }
        return StepOutcome(status: .succeeded, inputs: values)
    }

    /// An ISO 8601 time with or without fractional seconds.
    static func timestamp(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static let unitSeconds: [String: Double] = ["second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604_800, "month": 2_592_000]
}

/// A step failure with its message, code and (evaluated) inputs.
struct StepFailure: Error {
    var message: String
    var code: String
    var inputs: JSONValue? = nil
}
