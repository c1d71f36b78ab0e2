import Logging

/// Limits of a runner: concurrency, time and history retention.
public struct RunnerConfiguration: Sendable {
    /// Runs executing at once across all flows.
    public var globalConcurrency: Int = 16
    /// Runs of one flow executing at once (later ones wait in the queue).
    public var perFlowConcurrency: Int = 4
    /// The longest a run may take, in seconds.
    public var runTimeLimit: Double = 3600
    /// Keep finished runs at most this long (seconds); nil keeps them.
    public var retentionAge: Double? = 30 * 86_400
    /// Keep at most this many finished runs; nil keeps all.
    public var retentionCount: Int? = 100_000
    /// Keep at most this many processed events; nil keeps all.
    public var retentionEventCount: Int? = 100_000
    /// Seconds between two background retention passes (`HistoryRetention`).
    public var retentionInterval: Double = 60

    /// The retention policy these settings describe.
    public var retention: RetentionPolicy { RetentionPolicy(age: retentionAge, runs: retentionCount, events: retentionEventCount) }

    /// The most runs queued and not yet started; past it the intake answers 429 with `Retry-After` instead of
    /// accepting more events (an accepted event is never dropped; memory stays bounded under overload).
    public var maximumBacklog: Int = 10_000

    /// A run found in flight at this many runner starts in a row is failed instead of resumed again.
    public var resumeLimit: Int = 3

    /// Where the runner counts what it does (`serve` sets it for `/metrics`); nil measures nothing.
    public var metrics: RunnerMetrics?
    /// Where the runner logs events, runs and recoveries. `serve` gives one; by default nothing is logged, so the
    /// terminal app's screen and the CLI's output stay clean.
    public var logger = Logger(label: "insightflow.runner", factory: { _ in SwiftLogNoOpLogHandler() })

    public init() {}
}
