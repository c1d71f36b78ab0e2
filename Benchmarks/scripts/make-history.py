#!/usr/bin/env python3
"""Grows the run history of an InsightFlow home to N runs, for the large-history figures.

Usage: make-history.py HOME N

HOME must already hold at least one real run (e.g. `insightflow emit ...` on a home with an On flow): its runs,
their steps and events are the templates. Each new run is a copy of a template run with a fresh UUID (lower-case,
as the runner writes them), its own event, and queuedAt spread over the last 29 days (inside the default 30-day
retention age; the count limit of 100,000 is what the runner's background retention then works on).
Writes in one transaction per 50,000 runs with the stdlib sqlite3 module.
"""
import sqlite3
import sys
import time
import uuid

home, total = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(f"{home}/history.sqlite")
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=OFF")
templates = db.execute("SELECT * FROM run WHERE status = 'Succeeded'").fetchall()
if not templates:
    sys.exit(f"{home}/history.sqlite has no succeeded run to copy; emit an event that fires a flow first")
run_columns = [row[1] for row in db.execute("PRAGMA table_info(run)")]
step_columns = [row[1] for row in db.execute("PRAGMA table_info(step)")]
event_columns = [row[1] for row in db.execute("PRAGMA table_info(event)")]
steps = {t[0]: db.execute("SELECT * FROM step WHERE runId = ?", (t[0],)).fetchall() for t in templates}
events = {t[0]: db.execute("SELECT * FROM event WHERE id = ?", (t[run_columns.index("eventId")],)).fetchone() for t in templates}
existing = db.execute("SELECT COUNT(*) FROM run").fetchone()[0]
now = time.time()
span = 29 * 86400
placeholders = lambda columns: "(" + ",".join("?" * len(columns)) + ")"
i_id, i_event, i_queued = run_columns.index("id"), run_columns.index("eventId"), run_columns.index("queuedAt")
i_started, i_finished = run_columns.index("startedAt"), run_columns.index("finishedAt")
s_run, s_started, s_finished = step_columns.index("runId"), step_columns.index("startedAt"), step_columns.index("finishedAt")
e_id, e_received = event_columns.index("id"), event_columns.index("receivedAt")
made = 0
while existing + made < total:
    batch = min(50_000, total - existing - made)
    with db:
        for k in range(batch):
            template = templates[(made + k) % len(templates)]
            queued = now - span + span * (made + k) / max(1, total)
            run = list(template)
            shift = queued - template[i_queued]
            run[i_id] = str(uuid.uuid4())
            run[i_queued] = queued
            run[i_started] = template[i_started] + shift if template[i_started] else None
            run[i_finished] = template[i_finished] + shift if template[i_finished] else None
            event = events[template[0]]
            if event is not None:
                event = list(event)
                event[e_id] = str(uuid.uuid4())
                event[e_received] = queued
                db.execute(f"INSERT INTO event VALUES {placeholders(event_columns)}", event)
                run[i_event] = event[e_id]
            db.execute(f"INSERT INTO run VALUES {placeholders(run_columns)}", run)
            for step in steps[template[0]]:
                step = list(step)
                step[s_run] = run[i_id]
                step[s_started] = step[s_started] + shift
                step[s_finished] = step[s_finished] + shift if step[s_finished] else None
                db.execute(f"INSERT INTO step VALUES {placeholders(step_columns)}", step)
    made += batch
    print(f"{existing + made} runs", file=sys.stderr)
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(f"{home}/history.sqlite: {db.execute('SELECT COUNT(*) FROM run').fetchone()[0]} runs, "
      f"{db.execute('SELECT COUNT(*) FROM step').fetchone()[0]} steps, {db.execute('SELECT COUNT(*) FROM event').fetchone()[0]} events")
