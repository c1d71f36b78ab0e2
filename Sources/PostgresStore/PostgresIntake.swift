import Foundation
import Logging
import PostgresNIO

/// An event as the intake stores it: its id makes delivery idempotent (the same id twice is one event).
public struct StoredEvent: Sendable, Equatable {
    public var id: String
    public var triggerType: String
    public var subject: String?
    /// The event's JSON document, as text.
    public var payloadJSON: String
    /// The node that accepted it.
    public var receivedBy: String

    public init(id: String, triggerType: String, subject: String?, payloadJSON: String, receivedBy: String) {
        self.id = id
        self.triggerType = triggerType
        self.subject = subject
        self.payloadJSON = payloadJSON
        self.receivedBy = receivedBy
    }
}

/// A flow whose trigger matches an event; threshold triggers carry the value to compare with their baseline.
public struct IntakeMatch: Sendable, Equatable {
    public var flowId: String
    public var flowVersion: Int
    /// For the threshold triggers: the subject (segment or measure), the new value and the flow's threshold.
    public var threshold: ThresholdCheck?

    public init(flowId: String, flowVersion: Int, threshold: ThresholdCheck? = nil) {
        self.flowId = flowId
        self.flowVersion = flowVersion
        self.threshold = threshold
    }
}

/// What the intake decided for one event.
public struct IntakeOutcome: Sendable, Equatable {
    /// False when the event id was already stored: nothing new happened (a redelivery).
    public var isNew: Bool
    /// The runs this event has, one per matching flow that fired (for a redelivery, the runs it got the first time).
    public var runIds: [String]
    /// What each threshold match saw, by flow id.
    public var observations: [String: ThresholdObservation]
}

/// Stores events and queues their runs, one transaction per event: the event, every threshold baseline it moves
/// (under a row lock, so two nodes cannot both fire or both miss a crossing) and its runs commit together, and
/// waiting workers are woken by `NOTIFY` at commit.
public struct PostgresIntake: Sendable {
    /// The channel workers `LISTEN` on for new runs.
    public static let runsChannel = "insightflow_runs"

    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger = Logger(label: "insightflow.postgres")) {
        self.client = client
        self.logger = logger
    }

    /// Stores `event` and queues a run for every match that fires; a redelivered event id changes nothing.
    public func accept(_ event: StoredEvent, matches: [IntakeMatch]) async throws -> IntakeOutcome {
        if matches.allSatisfy({ $0.threshold == nil }) { return try await acceptWithoutBaselines(event, matches: matches) }
        let logger = self.logger
        return try await client.inTransaction(logger: logger) { connection in
            var inserted = false
            for try await _ in try await connection.query("""
                INSERT INTO insightflow_event (id, trigger_type, subject, payload, received_by)
                VALUES (\(event.id), \(event.triggerType), \(event.subject), \(event.payloadJSON)::jsonb, \(event.receivedBy))
                ON CONFLICT (id) DO NOTHING RETURNING 1
                """, logger: logger) {
                inserted = true
            }
            guard inserted else {
                var existing: [String] = []
                for try await id in try await connection.query(
                    "SELECT id FROM insightflow_run WHERE event_id = \(event.id) ORDER BY id", logger: logger
                ).decode(String.self) {
                    existing.append(id)
                }
                return IntakeOutcome(isNew: false, runIds: existing, observations: [:])
            }
            var runIds: [String] = []
            var observations: [String: ThresholdObservation] = [:]
            for match in matches {
                if let check = match.threshold {
                    let observation = try await PostgresBaselines.observe(
                        flowId: match.flowId, check: check, on: connection, logger: logger)
                    observations[match.flowId] = observation
                    guard observation.fires else { continue }
                }
                let runId = UUID().uuidString.lowercased()
                try await connection.query("""
                    INSERT INTO insightflow_run (id, flow_id, flow_version, event_id, status)
                    VALUES (\(runId), \(match.flowId), \(match.flowVersion), \(event.id), 'Queued')
                    """, logger: logger)
                runIds.append(runId)
            }
            if !runIds.isEmpty {
                try await connection.query("SELECT pg_notify(\(Self.runsChannel), '')", logger: logger)
            }
            return IntakeOutcome(isNew: true, runIds: runIds, observations: observations)
        }
    }

    /// No baseline to read under a lock: the event, its runs and the wake-up are one statement (one round trip
    /// instead of five, atomic as one statement is). A redelivery inserts nothing and reads the runs it had.
    private func acceptWithoutBaselines(_ event: StoredEvent, matches: [IntakeMatch]) async throws -> IntakeOutcome {
        let runIds = matches.map { _ in UUID().uuidString.lowercased() }
        let flowIds = matches.map(\.flowId)
        let versions = matches.map(\.flowVersion)
        var inserted = false
        let statement = EventWithRuns(event: event, runIds: runIds, flowIds: flowIds, versions: versions)
        for try await count in try await client.execute(statement, logger: logger) {
            inserted = count > 0
        }
        guard inserted else {
            var existing: [String] = []
            for try await id in try await client.query(
                "SELECT id FROM insightflow_run WHERE event_id = \(event.id) ORDER BY id", logger: logger
            ).decode(String.self) {
                existing.append(id)
            }
            return IntakeOutcome(isNew: false, runIds: existing, observations: [:])
        }
        return IntakeOutcome(isNew: true, runIds: runIds, observations: [:])
    }
}

/// An event, its runs and their wake-up as one statement (prepared once per connection): the intake's fast path.
struct EventWithRuns: PostgresPreparedStatement {
    static let sql = """
        WITH event AS (
            INSERT INTO insightflow_event (id, trigger_type, subject, payload, received_by)
            VALUES ($1, $2, $3, $4::jsonb, $5)
            ON CONFLICT (id) DO NOTHING RETURNING id
        ), runs AS (
            INSERT INTO insightflow_run (id, flow_id, flow_version, event_id, status)
            SELECT r.id, r.flow_id, r.flow_version, event.id, 'Queued'
            FROM event, unnest($6::text[], $7::text[], $8::integer[]) AS r(id, flow_id, flow_version)
            RETURNING id
        ), woken AS (
            SELECT pg_notify('\(PostgresIntake.runsChannel)', '') FROM event WHERE EXISTS (SELECT 1 FROM runs)
        )
        SELECT (SELECT count(*) FROM event) + 0 * (SELECT count(*) FROM woken) -- a CTE runs only when referenced
        """
    typealias Row = Int
    var event: StoredEvent
    var runIds: [String]
    var flowIds: [String]
    var versions: [Int]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 8)
        bindings.append(event.id)
        bindings.append(event.triggerType)
        bindings.append(event.subject)
        bindings.append(event.payloadJSON)
        bindings.append(event.receivedBy)
        bindings.append(runIds)
        bindings.append(flowIds)
        bindings.append(versions)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Int { try row.decode(Int.self) }
}
