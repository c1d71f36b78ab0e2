import FlowExpressions
import FlowModel
import Foundation

/// Starting flows by request: "When an HTTP request is received" (`invoke`) and "Run a child flow" (a Workflow step),
/// with the Response step's answer handed back to the caller.
extension Runner {
    /// The deepest chain of child-flow calls (a flow that calls itself stops here instead of running away).
    public static let maximumCallDepth = 8
    /// How long a caller waits for the run's Response by default: the reference's 120-second limit for a synchronous
    /// response (Logic Apps limits, "Request trigger: synchronous response").
    public static let defaultResponseWait: Double = 120
    /// The trigger-output header carrying the depth of a child-flow call.
    static let depthHeader = "x-insightflow-call-depth"

    /// Starts a run of an On flow whose trigger is an HTTP request (or, for a child flow, the manual trigger) with the
    /// request as its trigger outputs, after checking the body against the trigger's schema (400 with the reason), and
    /// waits up to `wait` seconds for the run's Response. Answers 202 with the run id when the flow has no Response
    /// step or did not answer in time, and 502 when the run ended without answering.
    public func invoke(flowId: String, request: InvocationRequest, wait: Double = Runner.defaultResponseWait,
                       depth: Int = 0, origin: RunOrigin = .request) async -> InvocationAnswer {
        guard let flow = loadedFlow(flowId) else {
            return .error(404, code: "WorkflowNotFound", "no flow '\(flowId)' in this home; `insightflow flow list` shows the ids")
        }
        guard flow.state == .on else {
            return .error(409, code: "WorkflowNotEnabled", "the flow '\(flowId)' is Off; turn it On to call it")
        }
        let kind = flow.trigger?.kind
        guard kind == .httpRequest || (origin == .childFlow && kind == .manual) else {
            let name = kind.map { Catalog.trigger($0).displayName } ?? flow.trigger?.type ?? "none"
            return .error(400, code: "TriggerNotRequest", "the flow '\(flowId)' is not started by an HTTP request (its trigger is \"\(name)\")")
        }
        guard depth <= Self.maximumCallDepth else {
            return .error(508, code: "CallDepthExceeded", "child flows are nested more than \(Self.maximumCallDepth) deep (does '\(flowId)' call itself?)")
        }
        if let schema = flow.trigger?.inputs?["schema"], case .object = schema,
           let mismatch = RequestSchema.firstMismatch(request.body, schema: schema) {
            return .error(400, code: "TriggerInputSchemaMismatch", "the request body does not match the trigger's schema: \(mismatch)")
        }
        if origin != .childFlow, let busy = busyAnswer(flowId: flow.id) { return busy }
        var headers = request.headers
        if depth > 0 { headers[Self.depthHeader] = .int(depth) }
        var outputs: JSONValue = ["headers": .object(headers), "body": request.body]
        if !request.queries.isEmpty { outputs = outputs.setting(.object(request.queries), atPath: "queries") }
        let run = RunRecord(flowId: flow.id, flowName: flow.displayName, flowVersion: flow.version, eventId: nil,
                            triggerOutputs: outputs, origin: origin)
        let answers = flow.definition.allSteps.contains { $0.step.type == .response }
        do {
            try history.insertRun(run)
        } catch {
            return .error(500, code: "HistoryUnavailable", "the run could not be stored: \(error)")
        }
        if answers { await responses.expect(run.id) }
        if origin == .childFlow { startUnqueued(run) } else { enqueue(run) }
        guard answers else { return .accepted(runId: run.id, note: "the flow has no Response step; the run goes on") }
        switch await responses.wait(for: run.id, seconds: wait) {
        case .answered(var answer):
            answer.runId = run.id
            return answer
        case .finished(let finished):
            return .error(502, code: "NoResponse", "the run ended \(finished.status.rawValue) without reaching its Response step"
                          + (finished.errorMessage.map { ": \($0)" } ?? ""), runId: run.id)
        case .timedOut:
            return .accepted(runId: run.id, note: "the run did not answer within \(Int(wait)) s; it goes on")
        }
    }

    /// Gives a run's environment the Response hand-back and the child-flow call (one level deeper).
    func wireRequests(_ environment: inout RunEnvironment, run: RunRecord) {
        let responses = self.responses, runId = run.id
        let depth = run.triggerOutputs.value(atPath: "headers.\(Self.depthHeader)")?.intValue ?? 0
        environment.respond = { answer in await responses.respond(runId, answer) }
        environment.invokeFlow = { [weak self] flowId, request in
            guard let self else { return .error(503, code: "RunnerStopped", "the runner has stopped") }
            return await self.invoke(flowId: flowId, request: request, wait: Runner.defaultResponseWait, depth: depth + 1, origin: .childFlow)
        }
    }
}
