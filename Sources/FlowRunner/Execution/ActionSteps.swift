import FlowExpressions
import FlowModel
import Foundation

/// Teams, email and HTTP steps: delivery through the step's connection, with the retry policy and timeout.
struct ActionSteps {
    let environment: RunEnvironment

    func run(_ step: Step, inputs: JSONValue, runId: String) async -> StepOutcome {
        let connection = inputs["connection"]?.stringValue.flatMap { environment.connections[$0] }
        if let name = inputs["connection"]?.stringValue, connection == nil, step.type != .http {
            return StepOutcome(status: .failed, inputs: inputs, error: "the connection '\(name)' does not exist; add it in Admin > Connections", code: "ConnectionNotFound", attempts: 0)
        }
        let recorded = SecretRedaction.redact(inputs: inputs, stepType: step.type, connection: connection)
        let policy = RetrySchedule(policy: step.retryPolicy ?? (Catalog.step(step.type)?.retriesByDefault == true ? .referenceDefault : RetryPolicy(kind: .none)))
        let timeout = step.timeout?.seconds ?? 120
        var attempt = 1
        while true {
            let request = DeliveryRequest(stepType: step.type, inputs: inputs, connection: connection,
                                          idempotencyKey: "\(runId):\(step.name):\(attempt)", dryRun: environment.dryRun, timeout: timeout)
            let outcome = await deliverWithTimeout(request, timeout: timeout)
            switch outcome {
            case .delivered(let outputs):
                return StepOutcome(status: .succeeded, inputs: recorded, outputs: outputs, attempts: attempt)
            case .failed(let failure):
                guard failure.retryable, let delay = policy.delay(afterAttempt: attempt, retryAfter: failure.retryAfter),
                      Date().addingTimeInterval(delay) < environment.deadline else {
                    let status: StepStatus = failure.message.hasPrefix("timed out") ? .timedOut : .failed
                    return StepOutcome(status: status, inputs: recorded, outputs: failure.outputs, error: failure.message,
                                       code: failure.statusCode.map { (step.type == .sendEmail ? "SMTP" : "HTTP") + String($0) } ?? "ActionFailed", attempts: attempt)
                }
                try? await Task.sleep(for: .seconds(delay))
                attempt += 1
            }
        }
    }

    /// Delivers, or fails as timed out (retryable) when the step's timeout passes first.
    private func deliverWithTimeout(_ request: DeliveryRequest, timeout: Double) async -> DeliveryOutcome {
        let delivery = environment.delivery
        return await withTaskGroup(of: DeliveryOutcome?.self) { group in
            group.addTask { await delivery.deliver(request) }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeout))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failed(DeliveryFailure(message: "timed out after \(timeout) s", retryable: true, retryAfter: nil, statusCode: nil, outputs: nil))
        }
    }
}

/// When to try again under a retry policy: fixed or exponential (with ±20 % jitter), at least `Retry-After`.
struct RetrySchedule {
    let policy: RetryPolicy

    /// The wait before the next attempt, or nil when no attempt is left.
    func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double? {
        let retries = policy.kind == .none ? 0 : (policy.count ?? 4)
        guard attempt <= retries else { return nil }
        let interval = policy.interval.flatMap(ISODuration.init)?.seconds ?? 7
        var delay: Double
        switch policy.kind {
        case .none: return nil
        case .fixed: delay = interval
        case .exponential:
            delay = interval * pow(2, Double(attempt - 1)) * Double.random(in: 0.8...1.2)
            let minimum = policy.minimumInterval.flatMap(ISODuration.init)?.seconds ?? 0
            let maximum = policy.maximumInterval.flatMap(ISODuration.init)?.seconds ?? 3600
            delay = min(max(delay, minimum), maximum)
        }
        return max(delay, retryAfter ?? 0)
    }
}
