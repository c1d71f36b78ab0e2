import Logging
import PostgresNIO

/// A threshold trigger's input: the subject (segment or measure), its new value and the flow's threshold.
public struct ThresholdCheck: Sendable, Equatable {
    public var subject: String
    public var value: Double
    public var threshold: Double

    public init(subject: String, value: Double, threshold: Double) {
        self.subject = subject
        self.value = value
        self.threshold = threshold
    }
}

/// What one observation of a threshold subject meant for a flow.
public enum ThresholdObservation: Sendable, Equatable {
    /// The first value seen since the flow was turned on: it becomes the baseline and never fires by itself.
    case baseline
    /// The value went from at most the threshold to above it (upward only): the flow fires.
    case crossed(previous: Double)
    /// Any other change (still below, still above, or downward).
    case unchanged(previous: Double)

    /// Whether the flow fires.
    public var fires: Bool {
        if case .crossed = self { return true }
        return false
    }
}

/// The per-(flow, subject) previous values that threshold triggers compare with, updated under a row lock.
public enum PostgresBaselines {
    /// Records `check.value` for (flow, subject) and says whether it crossed, inside the caller's transaction.
    /// The row is locked until that transaction ends, so concurrent observations are ordered, never lost.
    static func observe(
        flowId: String, check: ThresholdCheck, on connection: PostgresConnection, logger: Logger
    ) async throws -> ThresholdObservation {
        var created = false
        for try await _ in try await connection.query("""
            INSERT INTO insightflow_trigger_baseline (flow_id, subject, value)
            VALUES (\(flowId), \(check.subject), \(check.value))
            ON CONFLICT (flow_id, subject) DO NOTHING RETURNING 1
            """, logger: logger) {
            created = true
        }
        if created { return .baseline }
        var previous: Double?
        for try await value in try await connection.query("""
            SELECT value FROM insightflow_trigger_baseline
            WHERE flow_id = \(flowId) AND subject = \(check.subject) FOR UPDATE
            """, logger: logger).decode(Double.self) {
            previous = value
        }
        guard let previous else {
            throw PostgresStoreError("the baseline of flow \(flowId) for \(check.subject) vanished during an observation; retry the event")
        }
        try await connection.query("""
            UPDATE insightflow_trigger_baseline SET value = \(check.value), observed_at = now()
            WHERE flow_id = \(flowId) AND subject = \(check.subject)
            """, logger: logger)
        if previous <= check.threshold && check.value > check.threshold {
            return .crossed(previous: previous)
        }
        return .unchanged(previous: previous)
    }

    /// Forgets a flow's baselines (when it is turned off, the next observation after it is turned on is a baseline).
    public static func reset(flowId: String, client: PostgresClient, logger: Logger = Logger(label: "insightflow.postgres")) async throws {
        try await client.query("DELETE FROM insightflow_trigger_baseline WHERE flow_id = \(flowId)", logger: logger)
    }
}
