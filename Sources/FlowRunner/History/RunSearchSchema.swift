import Dispatch
import GRDB

/// The `v4-run-search` migration: what run search needs (docs/run-history.md).
///
/// - `run.triggerType` (the event type that caused the run, NULL for manual runs without an event), backfilled from
///   the event table, so a trigger filter is an index range and survives the event's retention;
/// - indexes `run_status (status, queuedAt)` — partial: only runs that ended otherwise than Succeeded, so a run moving
///   Queued → Running → Succeeded never touches it (the full index cost the runner 20% of its throughput); Succeeded
///   is most runs (the time index finds them), Queued and Running are in `run_open` — and `run_trigger
///   (triggerType, queuedAt)`: every filter walks one index newest first and stops at the page's end (`ORDER BY
///   queuedAt DESC, rowid DESC` is the index order);
/// - `step_text`, an FTS5 index over the step table's inputs, outputs and error message (external content: the text
///   is stored once, in `step`), filled from the existing rows. New step rows are indexed in batches by
///   `HistoryTextIndexer` (every second in the runner, and before any search), not by an insert trigger: indexing
///   each small group commit cost the runner half its throughput (6,500 → 3,000 runs/s). `step_text_progress.upto`
///   is the highest step rowid indexed; the delete and update triggers keep the rows at or below it in step — a
///   step deleted (retention deletes a run's steps with it) or rewritten leaves the index in the same transaction;
/// - `prune_log`, one row per retention note (when, how many runs and events), for Admin > System.
enum RunSearchSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE run ADD COLUMN triggerType TEXT;
            UPDATE run SET triggerType = (SELECT type FROM event WHERE event.id = run.eventId) WHERE eventId IS NOT NULL;
            CREATE INDEX run_status ON run(status, queuedAt) WHERE status NOT IN ('Queued', 'Running', 'Succeeded');
            CREATE INDEX run_trigger ON run(triggerType, queuedAt);
            CREATE VIRTUAL TABLE step_text USING fts5(inputs, outputs, errorMessage, content='step', content_rowid='rowid');
            INSERT INTO step_text(step_text) VALUES ('rebuild');
            CREATE TABLE step_text_progress (upto INTEGER NOT NULL);
            INSERT INTO step_text_progress (upto) SELECT COALESCE(MAX(rowid), 0) FROM step;
            CREATE TRIGGER step_text_delete AFTER DELETE ON step WHEN old.rowid <= (SELECT upto FROM step_text_progress) BEGIN
                INSERT INTO step_text(step_text, rowid, inputs, outputs, errorMessage) VALUES ('delete', old.rowid, old.inputs, old.outputs, old.errorMessage);
            END;
            CREATE TRIGGER step_text_update AFTER UPDATE OF inputs, outputs, errorMessage ON step
            WHEN old.rowid <= (SELECT upto FROM step_text_progress) BEGIN
                INSERT INTO step_text(step_text, rowid, inputs, outputs, errorMessage) VALUES ('delete', old.rowid, old.inputs, old.outputs, old.errorMessage);
                INSERT INTO step_text(rowid, inputs, outputs, errorMessage) VALUES (new.rowid, new.inputs, new.outputs, new.errorMessage);
            END;
            CREATE TABLE prune_log (at REAL NOT NULL, runs INTEGER NOT NULL, events INTEGER NOT NULL);
            """)
    }

    /// Indexes up to `limit` step rows written since the last call, in one transaction; returns how many. A read
    /// first, so an idle history costs no write.
    static func indexPending(_ pool: DatabasePool, limit: Int) throws -> Int {
        let pending = try pool.read { db -> Bool in
            let upto = try Int64.fetchOne(db, sql: "SELECT upto FROM step_text_progress") ?? 0
            return (try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM step") ?? 0) > upto
        }
        guard pending else { return 0 }
        return try pool.write { db in
            let upto = try Int64.fetchOne(db, sql: "SELECT upto FROM step_text_progress") ?? 0
            let end = min(try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM step") ?? 0, upto + Int64(limit))
            guard end > upto else { return 0 }
            try db.execute(sql: """
                INSERT INTO step_text(rowid, inputs, outputs, errorMessage)
                SELECT rowid, inputs, outputs, errorMessage FROM step WHERE rowid > ? AND rowid <= ?
                """, arguments: [upto, end])
            let count = db.changesCount
            try db.execute(sql: "UPDATE step_text_progress SET upto = ?", arguments: [end])
            return count
        }
    }
}

/// Indexes new step rows for search every second in the background (the runner's history store), so the runner's
/// writes never wait for the FTS5 index; a search also brings the index up to date first (`HistoryStore.runs
/// (matching:)`), so it never misses a step that was written.
final class HistoryTextIndexer: @unchecked Sendable {
    private let timer: any DispatchSourceTimer

    init(pool: DatabasePool, interval: Double = 1, batch: Int = 20_000) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "insightflow.history.text-index", qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            while let indexed = try? RunSearchSchema.indexPending(pool, limit: batch), indexed >= batch {}
        }
        timer.resume()
    }

    deinit { timer.cancel() }
}
