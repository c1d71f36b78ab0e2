import Foundation

/// Delivery that times every attempt into `RunnerMetrics` by connection kind and outcome, and into the runner's
/// `ActivityLog` (dry runs are not deliveries and are not timed); the one home of delivery latency.
struct MeasuredDelivery: ActionDelivering {
    let inner: any ActionDelivering
    let metrics: RunnerMetrics?
    let activity: ActivityLog

    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = await inner.deliver(request)
        guard !request.dryRun else { return outcome }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let result: String
        switch outcome {
        case .delivered: result = "delivered"
        case .failed: result = "failed"
        }
        activity.delivered(seconds: seconds)
        metrics?.delivered(kind: request.connection?.kind.rawValue ?? "none", outcome: result, seconds: seconds)
        return outcome
    }
}
