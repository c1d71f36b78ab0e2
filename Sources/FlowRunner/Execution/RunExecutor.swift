import FlowExpressions
import FlowModel
import Foundation

/// Executes one run of a flow: the `runAfter` graph of every scope (parallel branches at once), nested scopes,
/// loops, variables, Terminate, retries and timeouts; records every step and checkpoints the top level after each
/// action with effects, so a resumed run re-runs only the top-level actions that had not finished.
struct RunExecutor: Sendable {
    let flow: Flow
    let environment: RunEnvironment
    let state: RunState
    /// The run-wide bound on actions executing at once.
    let slots: ActionSlots
    /// Steps whose outputs are secure (steps using them get their inputs hidden too).
    let secureOutputSteps: Set<String>

    /// An executor for `flow` over `environment`, resuming from `state`.
    init(flow: Flow, environment: RunEnvironment, state: RunState) {
        self.flow = flow
        self.environment = environment
        self.state = state
        slots = ActionSlots(limit: environment.maxConcurrentActions)
        secureOutputSteps = SecureData.secureOutputSteps(flow)
    }

    /// Runs (or resumes) `run` and returns it finished.
    func execute(_ run: RunRecord) async -> RunRecord {
        var run = run
        run.status = .running
        run.startedAt = run.startedAt ?? Date()
        let context = RunContext(state: state, outputs: run.triggerOutputs, workflowInfo: workflowInfo(run), loopFrames: [])
        var completed = Self.completedSteps(run.checkpoint)
        let actions = flow.definition.actions
        let statuses = await ScopeGraph(executor: self, steps: actions, path: [.key("definition"), .key("actions")], context: context, scope: nil)
            .run(finished: completed) { name, step, status in
                completed[name] = status
                if step.hasEffects, state.termination == nil {
                    run.checkpoint = state.checkpoint(completed: completed)
                    let (records, first) = state.takePending()
                    await environment.save(run, records, first)
                }
            }
        if let termination = state.termination {
            run.status = termination.status
            run.errorCode = termination.code
            run.errorMessage = termination.message ?? (termination.by == nil ? termination.reason : nil)
        } else {
            run.status = ScopeStatus.runStatus(ScopeStatus.aggregate(actions, statuses: statuses))
            if run.status != .succeeded, run.errorMessage == nil { run.errorMessage = firstFailure(statuses) }
        }
        run.finishedAt = Date()
        run.checkpoint = nil
        let (records, first) = state.takePending()
        await environment.save(run, records, first)
        return run
    }

    /// Runs the actions of a nested scope as a graph and returns the scope's status.
    func runScope(_ steps: StepList, path: [JSONPath.Component], context: RunContext, scope: String) async -> StepStatus {
        let statuses = await ScopeGraph(executor: self, steps: steps, path: path, context: context, scope: scope).run()
        return ScopeStatus.aggregate(steps, statuses: statuses)
    }

    /// Runs one action whose `runAfter` is met: within a slot (leaf actions only), under its `limit.timeout`,
    /// and records it. Returns its status.
    func runStep(_ step: Step, path: [JSONPath.Component], context: RunContext, scope: String?) async -> StepStatus {
        if Date() > environment.deadline {
            state.terminate(RunTermination(status: .timedOut, code: "RunTimeLimitExceeded", message: "the run exceeded its time limit"))
            return recordNotRun(step, path: path, context: context, scope: scope, status: .skipped, reason: "not run: the run reached its time limit")
        }
        let isContainer = step.isContainer
        if !isContainer { await slots.acquire() }
        let started = Date()
        var outcome: StepOutcome
        // An Until's limit.timeout is its loop limit (it ends the loop), not an action timeout.
        if step.type != .until, let timeout = step.timeout?.seconds {
            outcome = await StepTimeout.run(seconds: timeout, step: step) { await StepDispatcher(executor: self).run(step, path: path, context: context) }
        } else {
            outcome = await StepDispatcher(executor: self).run(step, path: path, context: context)
        }
        if !isContainer { slots.release() }
        if let termination = state.termination, isContainer, outcome.status != .timedOut {
            outcome = Self.interrupted(outcome, by: termination)
        }
        record(step, path: path, context: context, started: started, outcome: outcome, scope: scope)
        return outcome.status
    }

    /// A container the run's termination cut short ends as the Terminate said (Succeeded, Failed or Cancelled), with a
    /// readable error rather than its children's aggregate.
    static func interrupted(_ outcome: StepOutcome, by termination: RunTermination) -> StepOutcome {
        var result = outcome
        switch termination.status {
        case .succeeded: result.status = .succeeded
        case .timedOut: result.status = .aborted
        case .cancelled: result.status = .cancelled
        default: result.status = .failed
        }
        if result.status != .succeeded {
            result.error = termination.reason + " — " + termination.summary
            result.code = termination.code ?? "Terminated"
        }
        return result
    }

    /// Records an action that did not run (Skipped, Cancelled) with a readable reason; returns its status.
    @discardableResult
    func recordNotRun(_ step: Step, path: [JSONPath.Component], context: RunContext, scope: String?, status: StepStatus, reason: String, code: String = "ActionSkipped") -> StepStatus {
        record(step, path: path, context: context, started: Date(), outcome: StepOutcome(status: status, error: reason, code: code, attempts: 0), scope: scope)
        return status
    }

    /// Records one finished action: its history record and its `actions()` / `result()` entry.
    func record(_ step: Step, path: [JSONPath.Component], context: RunContext, started: Date, outcome: StepOutcome, scope: String?) {
        let finished = Date()
        let secure = SecureData(step)
        let hideInputs = secure.inputs || SecureData.referencesSecureOutput(step, secureOutputSteps: secureOutputSteps)
        let inputs = hideInputs ? outcome.inputs.map { _ in SecureData.redactedInput } : outcome.inputs
        let outputs = secure.outputs ? outcome.outputs.map { _ in SecureData.redactedOutput } : outcome.outputs
        let record = StepRecord(runId: "", stepName: step.name, path: JSONPath.render(path), iteration: context.loopFrames.last?.index ?? 0,
                                status: outcome.status, startedAt: started, finishedAt: finished, inputs: inputs, outputs: outputs,
                                errorMessage: outcome.error, attempts: outcome.attempts, iterationPath: context.iterationPath)
        var result: OrderedJSON = ["name": .string(step.name), "status": .string(outcome.status.rawValue),
                                   "startTime": .string(Flow.timestamp(started)), "endTime": .string(Flow.timestamp(finished)),
                                   "code": .string(ResultCodes.code(outcome)),
                                   "trackingId": .string(state.nextTrackingId()),
                                   "clientTrackingId": context.workflowInfo["run"]?["name"] ?? .null]
        if let inputs = outcome.inputs { result["inputs"] = inputs }
        result["outputs"] = Self.outputsShape(outcome.outputs, type: step.type)
        if let error = outcome.error { result["error"] = .object(["code": .string(outcome.code ?? "ActionFailed"), "message": .string(error)]) }
        let isSecure = hideInputs || secure.outputs
        let entry: JSONValue = .object(result)
        environment.metrics?.stepRecorded(type: step.type.rawValue, status: outcome.status.rawValue,
                                          seconds: finished.timeIntervalSince(started), attempts: outcome.attempts)
        logStep(step, context: context, outcome: outcome, seconds: finished.timeIntervalSince(started))
        state.finish(record, result: entry, scopeEntry: isSecure ? SecureData.redactedResult(entry) : entry, scope: scope, secure: isSecure)
    }

    /// `outputs('Step')`: Compose exposes its value directly; other steps `{"body": ...}` plus their fields.
    static func outputsShape(_ outputs: JSONValue?, type: StepType) -> JSONValue {
        guard let outputs else { return .null }
        if type == .compose { return outputs }
        var shaped: OrderedJSON = ["body": outputs["body"] ?? outputs]
        for (key, value) in outputs.objectValue ?? [:] where key != "body" { shaped[key] = value }
        return .object(shaped)
    }

    private func workflowInfo(_ run: RunRecord) -> JSONValue {
        ["id": .string(flow.id), "name": .string(flow.displayName), "run": ["name": .string(run.id)]]
    }

    static func completedSteps(_ checkpoint: JSONValue?) -> [String: StepStatus] {
        var result: [String: StepStatus] = [:]
        for (name, value) in checkpoint?["completed"]?.objectValue ?? [:] {
            if let status = StepStatus(rawValue: value.stringValue ?? "") { result[name] = status }
        }
        return result
    }

    private func firstFailure(_ statuses: [String: StepStatus]) -> String? {
        for (name, _) in flow.definition.actions where [.failed, .timedOut, .cancelled, .aborted].contains(statuses[name]) {
            let message = state.result(name)?.value(atPath: "error.message")?.stringValue
            return "step \(name) \(statuses[name] == .timedOut ? "timed out" : "failed")" + (message.map { ": \($0)" } ?? "")
        }
        return nil
    }
}

extension Step {
    /// True when running the step (or a step inside it) reaches outside the run: a message, a request, a wait,
    /// a workspace read. Only after such steps is a checkpoint saved; pure steps are simply run again on resume.
    var hasEffects: Bool {
        switch type {
        case .compose, .initializeVariable, .setVariable, .appendToArrayVariable, .terminate: return false
        case .condition, .switchCase, .foreach, .until, .scope: return branches.contains { $0.steps.values.contains { $0.hasEffects } }
        default: return true
        }
    }

    /// True for steps that hold other steps (they take no action slot while their children run).
    var isContainer: Bool {
        switch type {
        case .condition, .switchCase, .foreach, .until, .scope: return true
        default: return false
        }
    }
}

/// An ordered JSON object.
typealias OrderedJSON = OrderedDictionary<String, JSONValue>

import OrderedCollections
