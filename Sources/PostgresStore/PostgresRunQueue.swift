import Logging
import PostgresNIO

/// A run a node has claimed: it holds the lease until `leaseSeconds` pass without a heartbeat.
public struct RunClaim: Sendable, Equatable {
    public var runId: String
    public var flowId: String
    public var flowVersion: Int
    public var eventId: String
    /// 1 for the first claim; each takeover of an expired lease adds one. Writes are fenced by it.
    public var attempt: Int
    /// The last checkpoint written by an earlier attempt (JSON text), where a takeover resumes.
    public var checkpoint: String?
}

/// The shared run queue on PostgreSQL: runs are claimed with `FOR UPDATE SKIP LOCKED` (no two nodes claim one
/// run, and claimers never wait on each other), held under a lease that heartbeats renew, and taken over by
/// another node when the lease expires. Every write after a claim is fenced by (owner, attempt), so a node that
/// lost its lease cannot overwrite the new owner's progress.
public struct PostgresRunQueue: Sendable {
    let client: PostgresClient
    /// This node's name, stored as the lease owner.
    public let owner: String
    /// How long a claim lasts without a heartbeat.
    public let leaseSeconds: Double
    let logger: Logger

    /// `leaseSeconds` must be from 0.1 to 3600.
    public init(client: PostgresClient, owner: String, leaseSeconds: Double = 10, logger: Logger = Logger(label: "insightflow.postgres")) throws {
        guard leaseSeconds.isFinite, (0.1...3600).contains(leaseSeconds) else {
            throw PostgresStoreError("lease of \(leaseSeconds) s is out of range; use 0.1 to 3600 seconds")
        }
        self.client = client
        self.owner = owner
        self.leaseSeconds = leaseSeconds
        self.logger = logger
    }

    /// Claims up to `limit` runs, oldest first: queued ones, and running ones whose lease has expired.
    public func claim(limit: Int) async throws -> [RunClaim] {
        let limit = max(1, min(limit, 1000))
        var claims: [RunClaim] = []
        for try await claim in try await client.execute(ClaimRuns(limit: limit, owner: owner, leaseSeconds: leaseSeconds), logger: logger) {
            claims.append(claim)
        }
        return claims.sorted { $0.runId < $1.runId }
    }

    /// Renews the leases of every run this node holds; returns how many it still holds.
    @discardableResult
    public func heartbeat() async throws -> Int {
        var count = 0
        for try await _ in try await client.query("""
            UPDATE insightflow_run SET lease_until = now() + make_interval(secs => \(leaseSeconds))
            WHERE status = 'Running' AND lease_owner = \(owner) AND lease_until >= now()
            RETURNING 1
            """, logger: logger) {
            count += 1
        }
        return count
    }

    /// Saves a run's progress; false when this node no longer holds the claim (the write is refused).
    public func checkpoint(_ claim: RunClaim, json: String) async throws -> Bool {
        try await applied(FencedCheckpoint(runId: claim.runId, owner: owner, attempt: claim.attempt, value: json))
    }

    /// Ends a claimed run with `status` (Succeeded, Failed or Cancelled); false when the claim was lost.
    public func finish(_ claim: RunClaim, status: String) async throws -> Bool {
        guard ["Succeeded", "Failed", "Cancelled"].contains(status) else {
            throw PostgresStoreError("a run cannot finish as \(status); use Succeeded, Failed or Cancelled")
        }
        return try await applied(FencedFinish(runId: claim.runId, owner: owner, attempt: claim.attempt, value: status))
    }

    /// Runs a fenced update (a named prepared statement, parsed once per connection) and says whether it applied.
    private func applied(_ statement: some FencedUpdate) async throws -> Bool {
        var applied = false
        for try await _ in try await client.execute(statement, logger: logger) { applied = true }
        return applied
    }

    /// Counts runs by status (for tests, `/health` and the failover benchmark).
    public func counts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for try await (status, count) in try await client.query(
            "SELECT status, count(*)::bigint FROM insightflow_run GROUP BY status", logger: logger
        ).decode((String, Int).self) {
            counts[status] = count
        }
        return counts
    }
}

/// The fence of every write by a worker: it applies only while (owner, attempt) still holds the run's live lease.
private let fence = "WHERE id = $1 AND lease_owner = $2 AND attempt = $3 AND status = 'Running' AND lease_until >= now() RETURNING 1"

/// A fenced update by a worker: binds the run, the owner, the attempt and one value ($4).
protocol FencedUpdate: PostgresPreparedStatement where Row == Int {
    var runId: String { get }
    var owner: String { get }
    var attempt: Int { get }
    var value: String { get }
}

extension FencedUpdate {
    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(runId)
        bindings.append(owner)
        bindings.append(attempt)
        bindings.append(value)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Int { try row.decode(Int.self) }
}

/// `checkpoint`'s update, prepared once per connection (the hottest statement: one per step); `value` is the JSON.
struct FencedCheckpoint: FencedUpdate {
    static let sql = "UPDATE insightflow_run SET checkpoint = $4::jsonb " + fence
    typealias Row = Int
    var runId: String, owner: String, attempt: Int, value: String
}

/// `finish`'s update, prepared once per connection; `value` is the final status.
struct FencedFinish: FencedUpdate {
    static let sql = "UPDATE insightflow_run SET status = $4, finished_at = now(), lease_until = NULL " + fence
    typealias Row = Int
    var runId: String, owner: String, attempt: Int, value: String
}

/// `claim`'s statement, prepared once per connection: the oldest claimable runs, locked without waiting, leased.
struct ClaimRuns: PostgresPreparedStatement {
    static let sql = """
        WITH picked AS (
            SELECT id FROM insightflow_run
            WHERE status = 'Queued' OR (status = 'Running' AND lease_until < now())
            ORDER BY created_at, id
            LIMIT $1
            FOR UPDATE SKIP LOCKED
        )
        UPDATE insightflow_run AS r
        SET status = 'Running', attempt = r.attempt + 1, lease_owner = $2,
            lease_until = now() + make_interval(secs => $3), started_at = coalesce(r.started_at, now())
        FROM picked WHERE r.id = picked.id
        RETURNING r.id, r.flow_id, r.flow_version, r.event_id, r.attempt, r.checkpoint::text
        """
    typealias Row = RunClaim
    var limit: Int
    var owner: String
    var leaseSeconds: Double

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(limit)
        bindings.append(owner)
        bindings.append(leaseSeconds)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> RunClaim {
        let (id, flow, version, event, attempt, checkpoint) = try row.decode((String, String, Int, String, Int, String?).self)
        return RunClaim(runId: id, flowId: flow, flowVersion: version, eventId: event, attempt: attempt, checkpoint: checkpoint)
    }
}
