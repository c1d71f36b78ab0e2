import Foundation
import Metrics
import Prometheus

/// The runner's Prometheus series, recorded through swift-metrics into one `PrometheusCollectorRegistry`. Each
/// fact has one home: the intake's `/events` answer, `Runner` (accept, launch, finish, queue), `RunExecutor`'s
/// step record, `MeasuredDelivery` and the workspace forwarding in `RunnerHost`. Injected through
/// `RunnerConfiguration.metrics`, so tests use their own registry and never bootstrap the global system.
public final class RunnerMetrics: Sendable {
    /// Where every series is kept; `/metrics` renders it.
    public let registry: PrometheusCollectorRegistry
    /// The swift-metrics factory over `registry` (`serve` bootstraps the global system with it).
    public let factory: PrometheusMetricsFactory

    /// Metrics kept in `registry` (a new one by default).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
            .seconds(60), .seconds(300),
        ]
        self.factory = factory
    }

    /// The series names, each documented in the README's metrics table.
    public enum Series {
        public static let eventsAccepted = "insightflow_events_accepted_total"
        public static let eventsRejected = "insightflow_events_rejected_total"
        public static let runsStarted = "insightflow_runs_started_total"
        public static let runsSucceeded = "insightflow_runs_succeeded_total"
        public static let runsFailed = "insightflow_runs_failed_total"
        public static let stepDuration = "insightflow_step_duration_seconds"
        public static let stepRetries = "insightflow_step_retries_total"
        public static let queueDepth = "insightflow_queue_depth"
        public static let runsInFlight = "insightflow_runs_in_flight"
        public static let deliveryDuration = "insightflow_delivery_duration_seconds"
        public static let thresholdCrossings = "insightflow_threshold_crossings_total"
        public static let refreshDuration = "insightflow_refresh_duration_seconds"
        public static let refreshFailures = "insightflow_refresh_failures_total"
        public static let historyBytes = "insightflow_history_size_bytes"
        public static let historyRuns = "insightflow_history_runs"
    }

    // MARK: Recording (one method per fact)

    /// An event stored and matched, by where it came from.
    func eventAccepted(origin: String) {
        Counter(label: Series.eventsAccepted, dimensions: [("origin", origin)], factory: factory).increment()
    }

    /// An event refused by the intake, by reason (`malformed`, `unauthorized`, `too_large`, `busy`, `store_error`, …).
    func eventRejected(reason: String) {
        Counter(label: Series.eventsRejected, dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// A run launched.
    func runStarted(flow: String) {
        Counter(label: Series.runsStarted, dimensions: [("flow", flow)], factory: factory).increment()
    }

    /// A run ended: Succeeded counts as succeeded; Failed, TimedOut, Aborted and Cancelled as failed (by status).
    func runFinished(flow: String, status: RunStatus) {
        switch status {
        case .succeeded:
            Counter(label: Series.runsSucceeded, dimensions: [("flow", flow)], factory: factory).increment()
        case .failed, .timedOut, .aborted, .cancelled:
            Counter(label: Series.runsFailed, dimensions: [("flow", flow), ("status", status.rawValue)], factory: factory).increment()
        case .queued, .running:
            break
        }
    }

    /// A step's record: its duration by step type and status, and its retries (attempts after the first).
    func stepRecorded(type: String, status: String, seconds: Double, attempts: Int) {
        Timer(label: Series.stepDuration, dimensions: [("type", type), ("status", status)], factory: factory)
            .recordNanoseconds(Self.nanoseconds(seconds))
        if attempts > 1 {
            Counter(label: Series.stepRetries, dimensions: [("type", type)], factory: factory).increment(by: attempts - 1)
        }
    }

    /// Runs waiting to start and runs executing, after any change to the queue.
    func queue(waiting: Int, running: Int) {
        Gauge(label: Series.queueDepth, factory: factory).record(waiting)
        Gauge(label: Series.runsInFlight, factory: factory).record(running)
    }

    /// One delivery attempt's wall time, by connection kind and outcome.
    func delivered(kind: String, outcome: String, seconds: Double) {
        Timer(label: Series.deliveryDuration, dimensions: [("kind", kind), ("outcome", outcome)], factory: factory)
            .recordNanoseconds(Self.nanoseconds(seconds))
    }

    /// A threshold trigger that crossed and fired.
    func thresholdCrossed(flow: String, kind: String) {
        Counter(label: Series.thresholdCrossings, dimensions: [("flow", flow), ("kind", kind)], factory: factory).increment()
    }

    /// A data source refresh finished, by source; failures also counted.
    func sourceRefreshed(source: String, succeeded: Bool, seconds: Double) {
        Timer(label: Series.refreshDuration, dimensions: [("source", source), ("outcome", succeeded ? "succeeded" : "failed")], factory: factory)
            .recordNanoseconds(Self.nanoseconds(seconds))
        if !succeeded {
            Counter(label: Series.refreshFailures, dimensions: [("source", source)], factory: factory).increment()
        }
    }

    /// The history's size on disk (database and WAL) and its stored runs, read at scrape time.
    func history(bytes: Int64, runs: Int) {
        Gauge(label: Series.historyBytes, factory: factory).record(bytes)
        Gauge(label: Series.historyRuns, factory: factory).record(runs)
    }

    /// The Prometheus text exposition of every series.
    public func exposition() -> String { registry.emitToString() }

    /// Seconds as whole nanoseconds, clamped (a negative or non-finite duration is 0; no trapping conversion).
    static func nanoseconds(_ seconds: Double) -> Int64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        let nanos = seconds * 1e9
        return nanos >= Double(Int64.max) ? Int64.max : Int64(nanos)
    }
}
