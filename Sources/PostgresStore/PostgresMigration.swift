/// One forward-only step of the PostgreSQL store's schema: a version, a name and the statements that take the
/// previous version to this one. Steps are never edited once released; a change is a new step.
public struct PostgresMigration: Sendable {
    public let version: Int
    public let name: String
    public let statements: [String]
}

/// The store's schema history, oldest first. `PostgresSchema.migrate` applies the steps a database lacks.
public enum PostgresMigrations {
    /// Every step, in version order.
    public static let all: [PostgresMigration] = [v1Queue, v2Flows]

    /// The newest version this build knows.
    public static var latest: Int { all.last?.version ?? 0 }

    /// Events, runs claimed under leases, and the threshold baselines.
    static let v1Queue = PostgresMigration(version: 1, name: "events, run queue, trigger baselines", statements: [
        """
        CREATE TABLE insightflow_event (
            id text PRIMARY KEY,
            trigger_type text NOT NULL,
            subject text,
            payload jsonb NOT NULL,
            received_by text NOT NULL,
            received_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE TABLE insightflow_run (
            id text PRIMARY KEY,
            flow_id text NOT NULL,
            flow_version integer NOT NULL,
            event_id text NOT NULL REFERENCES insightflow_event (id),
            status text NOT NULL CHECK (status IN ('Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled')),
            attempt integer NOT NULL DEFAULT 0,
            lease_owner text,
            lease_until timestamptz,
            checkpoint jsonb,
            created_at timestamptz NOT NULL DEFAULT now(),
            started_at timestamptz,
            finished_at timestamptz,
            UNIQUE (flow_id, event_id)
        )
        """,
        "CREATE INDEX insightflow_run_claimable ON insightflow_run (created_at, id) WHERE status IN ('Queued', 'Running')",
        "CREATE INDEX insightflow_run_owner ON insightflow_run (lease_owner) WHERE status = 'Running'",
        """
        CREATE TABLE insightflow_trigger_baseline (
            flow_id text NOT NULL,
            subject text NOT NULL,
            value double precision NOT NULL,
            observed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (flow_id, subject)
        )
        """,
    ])

    /// Flows with their version history (documents as `json`, which keeps the file's text byte for byte, where
    /// `jsonb` would reorder keys), and each run's step records.
    static let v2Flows = PostgresMigration(version: 2, name: "flows, flow versions, step records", statements: [
        """
        CREATE TABLE insightflow_flow (
            id text PRIMARY KEY,
            version integer NOT NULL CHECK (version > 0),
            document json NOT NULL,
            saved_by text NOT NULL,
            saved_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE TABLE insightflow_flow_version (
            flow_id text NOT NULL,
            version integer NOT NULL,
            document json NOT NULL,
            saved_by text NOT NULL,
            saved_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (flow_id, version)
        )
        """,
        """
        CREATE TABLE insightflow_step (
            run_id text NOT NULL REFERENCES insightflow_run (id) ON DELETE CASCADE,
            step text NOT NULL,
            iteration integer NOT NULL DEFAULT 0,
            attempt integer NOT NULL,
            status text NOT NULL,
            inputs jsonb,
            outputs jsonb,
            error jsonb,
            started_at timestamptz,
            finished_at timestamptz,
            PRIMARY KEY (run_id, step, iteration)
        )
        """,
    ])
}
