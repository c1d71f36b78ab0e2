import Logging
import PostgresNIO

/// Brings a database to the schema this build knows, at start, forward only.
public enum PostgresSchema {
    /// A fixed advisory-lock key: nodes starting together apply the migrations one after the other.
    static let migrationLockKey: Int64 = 0x496E_7346_6C6F_7701

    /// Applies the steps of `migrations` newer than the database's version, all in one transaction, and returns the
    /// versions applied. A database newer than this build is refused (an older binary must not write to it).
    @discardableResult
    public static func migrate(
        _ client: PostgresClient,
        migrations: [PostgresMigration] = PostgresMigrations.all,
        logger: Logger = Logger(label: "insightflow.postgres")
    ) async throws -> [Int] {
        try await client.inTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockKey))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS insightflow_schema_migration (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var current = 0
            for try await version in try await connection.query(
                "SELECT coalesce(max(version), 0) FROM insightflow_schema_migration", logger: logger
            ).decode(Int.self) {
                current = version
            }
            let known = migrations.last?.version ?? 0
            guard current <= known else {
                throw PostgresStoreError(
                    "the database's schema is version \(current), newer than this insightflow knows (\(known)); upgrade insightflow on this node")
            }
            var applied: [Int] = []
            for migration in migrations where migration.version > current {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO insightflow_schema_migration (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
                applied.append(migration.version)
            }
            return applied
        }
    }

    /// The database's schema version (0 when the store was never set up).
    public static func version(_ client: PostgresClient, logger: Logger = Logger(label: "insightflow.postgres")) async throws -> Int {
        let rows = try await client.query("SELECT to_regclass('insightflow_schema_migration') IS NOT NULL", logger: logger)
        var exists = false
        for try await value in rows.decode(Bool.self) { exists = value }
        guard exists else { return 0 }
        var version = 0
        for try await value in try await client.query(
            "SELECT coalesce(max(version), 0) FROM insightflow_schema_migration", logger: logger
        ).decode(Int.self) {
            version = value
        }
        return version
    }
}
