import FlowExpressions
import FlowModel
import Foundation

/// Executes one run of a flow: steps in order honouring `runAfter`, nested scopes, loops, variables,
/// Terminate, retries and timeouts; records every step and checkpoints after each top-level step.
struct RunExecutor: Sendable {
    let flow: Flow
    let environment: RunEnvironment
    let state: RunState

    /// Runs (or resumes) `run` and returns it finished.
    func execute(_ run: RunRecord) async -> RunRecord {
        var run = run
        run.status = .running
        run.startedAt = run.startedAt ?? Date()
        let context = RunContext(state: state, outputs: run.triggerOutputs, workflowInfo: workflowInfo(run), loopFrames: [])
        var completed = Self.completedSteps(run.checkpoint)
        do {
            let status = try await runTopLevel(run: &run, context: context, completed: &completed)
            run.status = status == .failed || status == .timedOut ? .failed : .succeeded
            if run.status == .failed, run.errorMessage == nil { run.errorMessage = firstFailure(completed) }
        } catch {
            run.status = error.status
            run.errorCode = error.code
            run.errorMessage = error.message
        }
        run.finishedAt = Date()
        run.checkpoint = nil
        let (records, first) = state.takePending()
        await environment.save(run, records, first)
        return run
    }

    /// The top-level scope, saving a checkpoint after each step.
    private func runTopLevel(run: inout RunRecord, context: RunContext, completed: inout [String: StepStatus]) async throws(RunTermination) -> StepStatus {
        var statuses = completed
        for (name, step) in flow.definition.actions where statuses[name] == nil {
            try checkDeadline()
            let status = await runOne(step, path: [.key("definition"), .key("actions"), .key(name)], statuses: statuses, context: context, scope: nil)
            statuses[name] = status
            completed[name] = status
            if step.hasEffects {
                run.checkpoint = state.checkpoint(completed: completed)
                let (records, first) = state.takePending()
                await environment.save(run, records, first)
            }
            if let termination = terminated(name) { throw termination }
        }
        return ScopeStatus.aggregate(flow.definition.actions, statuses: statuses)
    }

    /// Runs the steps of a nested scope in order and returns the scope's status.
    func runScope(_ steps: StepList, path: [JSONPath.Component], context: RunContext, scope: String) async throws(RunTermination) -> StepStatus {
        var statuses: [String: StepStatus] = [:]
        for (name, step) in steps {
            try checkDeadline()
            statuses[name] = await runOne(step, path: path + [.key(name)], statuses: statuses, context: context, scope: scope)
            if let termination = terminated(name) { throw termination }
        }
        return ScopeStatus.aggregate(steps, statuses: statuses)
    }

    /// Runs one step if its `runAfter` allows, else records it Skipped.
    private func runOne(_ step: Step, path: [JSONPath.Component], statuses: [String: StepStatus], context: RunContext, scope: String?) async -> StepStatus {
        let started = Date()
        let outcome: StepOutcome
        if ScopeStatus.mayRun(step, statuses: statuses) {
            outcome = await StepDispatcher(executor: self).run(step, path: path, context: context)
        } else {
            outcome = StepOutcome(status: .skipped, attempts: 0)
        }
        record(step, path: path, context: context, started: started, outcome: outcome, scope: scope)
        return outcome.status
    }

    func record(_ step: Step, path: [JSONPath.Component], context: RunContext, started: Date, outcome: StepOutcome, scope: String?) {
        let iteration = context.loopFrames.last?.index ?? 0
        let record = StepRecord(runId: "", stepName: step.name, path: JSONPath.render(path), iteration: iteration, status: outcome.status,
                                startedAt: started, finishedAt: Date(), inputs: outcome.inputs, outputs: outcome.outputs,
                                errorMessage: outcome.error, attempts: outcome.attempts)
        var result: OrderedJSON = ["name": .string(step.name), "status": .string(outcome.status.rawValue),
                                   "startTime": .string(Flow.timestamp(started)), "endTime": .string(Flow.timestamp(Date()))]
        if let inputs = outcome.inputs { result["inputs"] = inputs }
        result["outputs"] = Self.outputsShape(outcome.outputs, type: step.type)
        if let error = outcome.error { result["error"] = .object(["code": .string(outcome.code ?? "ActionFailed"), "message": .string(error)]) }
        state.finish(record, result: .object(result), scope: scope)
    }

    /// `outputs('Step')`: Compose exposes its value directly; other steps `{"body": ...}` plus their fields.
    static func outputsShape(_ outputs: JSONValue?, type: StepType) -> JSONValue {
        guard let outputs else { return .null }
        if type == .compose { return outputs }
        var shaped: OrderedJSON = ["body": outputs["body"] ?? outputs]
        for (key, value) in outputs.objectValue ?? [:] where key != "body" { shaped[key] = value }
        return .object(shaped)
    }

    private func checkDeadline() throws(RunTermination) {
        if Date() > environment.deadline {
            throw RunTermination(status: .timedOut, code: "RunTimeLimitExceeded", message: "the run exceeded its time limit")
        }
    }

    /// A Terminate step that ended the run leaves its decision in the state.
    private func terminated(_ name: String) -> RunTermination? {
        guard let decision = state.variable(Self.terminationKey) else { return nil }
        let status = RunStatus(caseInsensitive: decision["status"]?.stringValue ?? "") ?? .cancelled
        return RunTermination(status: status, code: decision["code"]?.stringValue, message: decision["message"]?.stringValue)
    }

    /// The state key a Terminate step writes (not a valid variable name, so flows cannot touch it).
    static let terminationKey = " terminate"

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
        for (name, _) in flow.definition.actions where statuses[name] == .failed || statuses[name] == .timedOut {
            let message = state.result(name)?.value(atPath: "error.message")?.stringValue
            return "step \(name) failed" + (message.map { ": \($0)" } ?? "")
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
}

/// An ordered JSON object.
typealias OrderedJSON = OrderedDictionary<String, JSONValue>

import OrderedCollections
