import Foundation
import GRDB

/// The embedded SQLite store of a workspace (`insights.sqlite`, WAL).
enum InsightsStore {
    /// The store file name inside the workspace folder.
    static let fileName = "insights.sqlite"

    /// Opens (creating if needed) the store and brings its schema up to date.
    static func open(folder: URL) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA temp.cache_size = -32768")
        }
        let pool = try DatabasePool(path: folder.appendingPathComponent(fileName).path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE refresh_log (
                    id TEXT PRIMARY KEY, source TEXT NOT NULL, full_refresh_id TEXT,
                    started_at DATETIME NOT NULL, finished_at DATETIME NOT NULL,
                    rows_read INTEGER NOT NULL, rows_rejected INTEGER NOT NULL, error TEXT);
                CREATE INDEX refresh_log_source ON refresh_log(source, started_at);
                CREATE TABLE full_refresh_log (
                    id TEXT PRIMARY KEY, started_at DATETIME NOT NULL, finished_at DATETIME NOT NULL,
                    sources_succeeded INTEGER NOT NULL, sources_failed INTEGER NOT NULL,
                    profiles INTEGER NOT NULL, error TEXT);
                CREATE TABLE unification_log (
                    refresh_id TEXT PRIMARY KEY, started_at DATETIME NOT NULL, finished_at DATETIME NOT NULL,
                    records_in INTEGER NOT NULL, profiles_out INTEGER NOT NULL, rule_stats TEXT NOT NULL);
                CREATE TABLE measure_history (
                    refresh_id TEXT NOT NULL, measure TEXT NOT NULL, value REAL, recorded_at DATETIME NOT NULL);
                CREATE INDEX measure_history_name ON measure_history(measure, recorded_at);
                CREATE TABLE segment_history (
                    refresh_id TEXT NOT NULL, segment TEXT NOT NULL, member_count INTEGER NOT NULL,
                    recorded_at DATETIME NOT NULL);
                CREATE INDEX segment_history_name ON segment_history(segment, recorded_at);
                CREATE TABLE segment_member (
                    segment TEXT NOT NULL, customer_id TEXT NOT NULL,
                    PRIMARY KEY (segment, customer_id)) WITHOUT ROWID;
                CREATE TABLE customer_measure_value (
                    measure TEXT NOT NULL, customer_id TEXT NOT NULL, value REAL,
                    PRIMARY KEY (measure, customer_id)) WITHOUT ROWID;
                CREATE TABLE customer_link (
                    customer_id TEXT NOT NULL, source TEXT NOT NULL, record_key TEXT NOT NULL);
                CREATE UNIQUE INDEX customer_link_record ON customer_link(source, record_key);
                CREATE INDEX customer_link_customer ON customer_link(customer_id);
                """)
        }
        return migrator
    }

    /// Creates the unified `customer` table for the declared fields if it does not exist yet.
    static func ensureCustomerTable(_ db: Database, fields: [UnificationDefinition.Field], name: String = "customer") throws {
        let columns = fields.map { "\(SQLName.quoted($0.name)) \($0.type.sqlType)" }
        let body = (["customer_id TEXT PRIMARY KEY"] + columns).joined(separator: ", ")
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS \(name) (\(body))")
    }

    /// Whether the last good data of `source` exists in the store.
    static func hasData(_ db: Database, source: SourceDefinition) throws -> Bool {
        try db.tableExists(source.tableName)
    }
}
