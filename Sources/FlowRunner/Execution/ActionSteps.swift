import FlowExpressions
import FlowModel
import Foundation

/// Teams, email and HTTP steps: delivery through the step's connection, with the retry policy and timeout.
struct ActionSteps {
    let environment: RunEnvironment

    /// Delivers the step, retrying by its policy; every attempt carries the same `idempotencyKey` (and its number
    /// in `X-InsightFlow-Attempt`), so a receiver can drop repeats after a retry or a resume.
    func run(_ step: Step, inputs: JSONValue, idempotencyKey: String) async -> StepOutcome {
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
                                          idempotencyKey: idempotencyKey, attempt: attempt, dryRun: environment.dryRun, timeout: timeout)
            let outcome = await deliverWithTimeout(request, timeout: timeout)
            switch outcome {
            case .delivered(let outputs):
                return StepOutcome(status: .succeeded, inputs: recorded, outputs: outputs, attempts: attempt)
            case .failed(let failure):
                guard failure.retryable, let delay = policy.delay(afterAttempt: attempt, retryAfter: failure.retryAfter),
                      Date().addingTimeInterval(delay) < environment.deadline else {
                    let status: StepStatus = failure.message.hasPrefix("timed out") ? .timedOut : .failed
                    return StepOutcome(status: status, inputs: recorded, outputs: failure.outputs, error: failure.message,
                                       code: failure.statusCode.map { Self.failureCode($0, stepType: step.type) } ?? "ActionFailed", attempts: attempt)
                }
                try? await Task.sleep(for: .seconds(delay))
                attempt += 1
            }
        }
    }

    /// The reference-style code of a failed response: the HTTP status name (`NotFound`), `SMTP550` for mail.
    static func failureCode(_ status: Int, stepType: StepType) -> String {
        if stepType == .sendEmail { return "SMTP\(status)" }
        return ResultCodes.httpName(status) ?? "HTTP\(status)"
    }

    /// Delivers, or fails as timed out (retryable) when the step's timeout passes first; a delivery that ignores
    /// cancellation is abandoned rather than waited for.
    private func deliverWithTimeout(_ request: DeliveryRequest, timeout: Double) async -> DeliveryOutcome {
        let delivery = environment.delivery
        let timedOut = DeliveryOutcome.failed(DeliveryFailure(message: "timed out after \(timeout) s", retryable: true, retryAfter: nil, statusCode: nil, outputs: nil))
        return await Deadline.abandoning(seconds: timeout, timedOut: timedOut) { await delivery.deliver(request) }
    }
}

/// When to try again under a retry policy. Fixed: the interval. Exponential (the reference formula): retry n waits a
/// random time between max(interval·2^(n-2), minimumInterval) (0 for the first retry) and
/// min(interval·2^(n-1), maximumInterval). A server's `Retry-After` is honoured when longer.
struct RetrySchedule {
    let policy: RetryPolicy

    /// The wait before the next attempt, or nil when no attempt is left.
    func delay(afterAttempt attempt: Int, retryAfter: Double?, random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> Double? {
        let retries = policy.kind == .none ? 0 : (policy.count ?? 4)
        guard attempt <= retries, let range = range(retry: attempt) else { return nil }
        let delay = range.lowerBound == range.upperBound ? range.lowerBound : random(range)
        return max(delay, retryAfter ?? 0)
    }

    /// The range the wait before retry `retry` (1-based) is drawn from; nil for no retries.
    func range(retry: Int) -> ClosedRange<Double>? {
        let interval = policy.interval.flatMap(ISODuration.init)?.seconds ?? 7.5
        switch policy.kind {
        case .none: return nil
        case .fixed: return interval...interval
        case .exponential:
            let minimum = policy.minimumInterval.flatMap(ISODuration.init)?.seconds ?? 5
            let maximum = policy.maximumInterval.flatMap(ISODuration.init)?.seconds ?? 3600
            let exponent = Double(min(max(retry, 1), 60))
            let low = max(retry <= 1 ? 0 : interval * pow(2, exponent - 2), minimum)
            let high = min(interval * pow(2, exponent - 1), maximum)
            return min(low, high)...max(min(low, maximum), high)
        }
    }
}
