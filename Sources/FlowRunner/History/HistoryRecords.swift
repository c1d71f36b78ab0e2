import FlowExpressions
import Foundation

/// The status of a run.
public enum RunStatus: String, Sendable, Hashable, CaseIterable, Codable, CaseInsensitiveName {
    case queued = "Queued"
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
    case cancelled = "Cancelled"
    case timedOut = "TimedOut"
    /// Stopped from outside the flow (the reference's "ended unexpectedly"), e.g. an action cut off by the run's time limit.
    case aborted = "Aborted"


    /// True once the run has ended.
    public var isFinal: Bool { self != .queued && self != .running }
}

/// The status of one step execution.
public enum StepStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
    case skipped = "Skipped"
    case timedOut = "TimedOut"
    case cancelled = "Cancelled"
    /// Stopped from outside the flow (the reference's "ended unexpectedly"), e.g. cut off by the run's time limit.
    case aborted = "Aborted"
}

/// One run as the history keeps it.
public struct RunRecord: Sendable, Hashable {
    public var id: String
    public var flowId: String
    public var flowName: String
    public var flowVersion: Int
    /// The event that caused the run (nil for a test run with a typed body).
    public var eventId: String?
    public var status: RunStatus
    /// `triggerOutputs()` of the run: `{"headers": ..., "body": ...}`.
    public var triggerOutputs: JSONValue
    public var queuedAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    public var errorCode: String?
    public var errorMessage: String?
    /// True for a dry run: steps were evaluated, nothing was sent.
    public var dryRun: Bool
    /// `event`, `test` or `resubmit`.
    public var origin: RunOrigin
    /// Run state saved after each top-level step, to resume after a crash.
    public var checkpoint: JSONValue?

    public init(id: String = UUID().uuidString.lowercased(), flowId: String, flowName: String, flowVersion: Int, eventId: String?,
                triggerOutputs: JSONValue, origin: RunOrigin, dryRun: Bool = false, queuedAt: Date = Date()) {
        self.id = id
        self.flowId = flowId
        self.flowName = flowName
        self.flowVersion = flowVersion
        self.eventId = eventId
        self.status = .queued
        self.triggerOutputs = triggerOutputs
        self.queuedAt = queuedAt
        self.dryRun = dryRun
        self.origin = origin
    }

    /// Seconds from start to finish (or to now while running).
    public var duration: Double? {
        guard let startedAt else { return nil }
        return (finishedAt ?? Date()).timeIntervalSince(startedAt)
    }
}

/// One execution of one step in a run (a step inside a loop has one record per iteration).
public struct StepRecord: Sendable, Hashable {
    public var runId: String
    public var stepName: String
    /// The step's JSON path in the flow file, for "open the flow at the failing step".
    public var path: String
    /// The loop iteration (0 outside loops).
    public var iteration: Int
    public var status: StepStatus
    public var startedAt: Date
    public var finishedAt: Date?
    /// Inputs after expression evaluation, secrets redacted.
    public var inputs: JSONValue?
    public var outputs: JSONValue?
    public var errorMessage: String?
    public var attempts: Int
    /// Every enclosing loop's iteration, outermost first (`Outer[2].Inner[0]`); nil outside loops.
    public var iterationPath: String?

    public init(runId: String, stepName: String, path: String, iteration: Int = 0, status: StepStatus, startedAt: Date, finishedAt: Date? = nil,
                inputs: JSONValue? = nil, outputs: JSONValue? = nil, errorMessage: String? = nil, attempts: Int = 1, iterationPath: String? = nil) {
        self.runId = runId
        self.stepName = stepName
        self.path = path
        self.iteration = iteration
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.inputs = inputs
        self.outputs = outputs
        self.errorMessage = errorMessage
        self.attempts = attempts
        self.iterationPath = iterationPath
    }
}

/// An accepted event as the history keeps it.
public struct EventRecord: Sendable, Hashable {
    public var event: TriggerEvent
    /// Runs the event caused.
    public var runIds: [String]
    /// What matching decided for threshold flows (`baseline`, `crossed`, `not crossed`), by flow id.
    public var notes: String?
}
