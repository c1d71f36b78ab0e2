import GRDB

/// The `v4-run-search` migration: what run search needs (docs/run-history.md).
///
/// - `run.triggerType` (the event type that caused the run, NULL for manual runs without an event), backfilled from
///   the event table, so a trigger filter is an index range and survives the event's retention;
/// - indexes `run_status (status, queuedAt)` and `run_trigger (triggerType, queuedAt)`: every filter walks one index
///   newest first and stops at the page's end (`ORDER BY queuedAt DESC, rowid DESC` is the index order);
/// - `step_text`, an FTS5 index over the step table's inputs, outputs and error message (external content: the text
///   is stored once, in `step`), rebuilt from the existing rows, and kept in step by triggers — a step written or
///   changed is indexed in the same transaction, and a step deleted (retention deletes a run's steps with it) leaves
///   the index in the same transaction;
/// - `prune_log`, one row per retention pass that removed something (when, how many runs and events), for
///   Admin > System.
enum RunSearchSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE run ADD COLUMN triggerType TEXT;
            UPDATE run SET triggerType = (SELECT type FROM event WHERE event.id = run.eventId) WHERE eventId IS NOT NULL;
            CREATE INDEX run_status ON run(status, queuedAt);
            CREATE INDEX run_trigger ON run(triggerType, queuedAt);
            CREATE VIRTUAL TABLE step_text USING fts5(inputs, outputs, errorMessage, content='step', content_rowid='rowid');
            INSERT INTO step_text(step_text) VALUES ('rebuild');
            CREATE TRIGGER step_text_insert AFTER INSERT ON step BEGIN
                INSERT INTO step_text(rowid, inputs, outputs, errorMessage) VALUES (new.rowid, new.inputs, new.outputs, new.errorMessage);
            END;
            CREATE TRIGGER step_text_delete AFTER DELETE ON step BEGIN
                INSERT INTO step_text(step_text, rowid, inputs, outputs, errorMessage) VALUES ('delete', old.rowid, old.inputs, old.outputs, old.errorMessage);
            END;
            CREATE TRIGGER step_text_update AFTER UPDATE OF inputs, outputs, errorMessage ON step BEGIN
                INSERT INTO step_text(step_text, rowid, inputs, outputs, errorMessage) VALUES ('delete', old.rowid, old.inputs, old.outputs, old.errorMessage);
                INSERT INTO step_text(rowid, inputs, outputs, errorMessage) VALUES (new.rowid, new.inputs, new.outputs, new.errorMessage);
            END;
            CREATE TABLE prune_log (at REAL NOT NULL, runs INTEGER NOT NULL, events INTEGER NOT NULL);
            """)
    }
}
