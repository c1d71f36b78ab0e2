import Foundation
import GRDB

/// Opens `history.sqlite` (WAL, synchronous=NORMAL, checkpoints left to `HistoryCheckpointer`) and creates or
/// migrates its tables.
enum HistoryDatabase {
    static func open(_ url: URL) throws -> DatabasePool {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // A new history frees pages as retention deletes (PRAGMA incremental_vacuum). SQLite takes this only
            // before the file turns to WAL and before the first table; on an older history it changes nothing
            // (converting one needs a full VACUUM).
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        let pool = try DatabasePool(path: url.path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE event (
                    id TEXT PRIMARY KEY, type TEXT NOT NULL, subject TEXT, fields TEXT NOT NULL, origin TEXT NOT NULL,
                    receivedAt REAL NOT NULL, processed INTEGER NOT NULL DEFAULT 0, notes TEXT);
                CREATE INDEX event_received ON event(receivedAt);
                CREATE INDEX event_unprocessed ON event(processed) WHERE processed = 0;
                CREATE TABLE run (
                    id TEXT PRIMARY KEY, flowId TEXT NOT NULL, flowName TEXT NOT NULL, flowVersion INTEGER NOT NULL,
                    eventId TEXT, status TEXT NOT NULL, triggerOutputs TEXT NOT NULL, queuedAt REAL NOT NULL,
                    startedAt REAL, finishedAt REAL, errorCode TEXT, errorMessage TEXT, dryRun INTEGER NOT NULL,
                    origin TEXT NOT NULL, checkpoint TEXT);
                CREATE INDEX run_flow ON run(flowId, queuedAt);
                CREATE INDEX run_queued ON run(queuedAt);
                CREATE INDEX run_event ON run(eventId);
                CREATE INDEX run_open ON run(status) WHERE status IN ('Queued', 'Running');
                CREATE TABLE step (
                    runId TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE, seq INTEGER NOT NULL, stepName TEXT NOT NULL,
                    path TEXT NOT NULL, iteration INTEGER NOT NULL, status TEXT NOT NULL, startedAt REAL NOT NULL,
                    finishedAt REAL, inputs TEXT, outputs TEXT, errorMessage TEXT, attempts INTEGER NOT NULL,
                    PRIMARY KEY (runId, seq));
                CREATE TABLE baseline (
                    flowId TEXT NOT NULL, subject TEXT NOT NULL, value REAL NOT NULL, observedAt REAL NOT NULL,
                    PRIMARY KEY (flowId, subject));
                """)
        }
        migrator.registerMigration("v2-iteration-path") { db in
            try db.execute(sql: "ALTER TABLE step ADD COLUMN iterationPath TEXT")
        }
        migrator.registerMigration("v3-resumes") { db in
            // How many runner starts found the run in flight: a run that keeps crashing the runner is not resumed forever.
            try db.execute(sql: "ALTER TABLE run ADD COLUMN resumes INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v4-run-search", migrate: RunSearchSchema.migrate)
        return migrator
    }
}
