#!/usr/bin/env bash
# Fills HOME's history with N generated runs of 5 steps each (default 1,000,000), straight in SQL with the sqlite3
# CLI: 20 flows (flow-00 … flow-19), queuedAt spread over the last 29 days, the six event types in turn, 1 run in 20
# Failed (its last step's error: "HTTP 503 from https://hooks.example.com: upstream timeout") and 1 in 1,000 of
# those with the rarer word "gateway" in the error; 1 in 100 Cancelled. The search index is rebuilt at the end (as
# the migration does for an existing history).
# Usage: make-search-history.sh BIN HOME [N]
set -euo pipefail
BIN=$1 HOME_DIR=$2 N=${3:-1000000}
mkdir -p "$HOME_DIR"
"$BIN" runs --home "$HOME_DIR" --limit 1 >/dev/null   # creates history.sqlite with the current schema
DB="$HOME_DIR/history.sqlite"
now=$(date +%s)
start=$((now - 29 * 86400))
sqlite3 "$DB" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -200000;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N - 1)
INSERT INTO run (id, flowId, flowName, flowVersion, eventId, status, triggerOutputs, queuedAt, startedAt, finishedAt,
                 errorCode, errorMessage, dryRun, origin, checkpoint, triggerType)
SELECT lower(hex(randomblob(16))), printf('flow-%02d', i % 20), printf('Flow %02d', i % 20), 1, NULL,
       CASE WHEN i % 20 = 0 THEN 'Failed' WHEN i % 100 = 1 THEN 'Cancelled' ELSE 'Succeeded' END,
       printf('{"body":{"dataSourceName":"source-%d"}}', i % 50),
       $start + i * (29.0 * 86400 / $N), $start + i * (29.0 * 86400 / $N) + 0.001, $start + i * (29.0 * 86400 / $N) + 0.05,
       CASE WHEN i % 20 = 0 THEN 'ActionFailed' END,
       CASE WHEN i % 20 = 0 THEN 'An action failed. No dependent actions succeeded.' END, 0, 'event', NULL,
       CASE i % 6 WHEN 0 THEN 'DataSourceRefreshFailed' WHEN 1 THEN 'DataSourceRefreshSucceeded' WHEN 2 THEN 'SegmentRefreshed'
                  WHEN 3 THEN 'MeasureRefreshed' WHEN 4 THEN 'FullRefreshCompleted' ELSE 'UnificationCompleted' END
FROM n;
INSERT INTO step (runId, seq, stepName, path, iteration, status, startedAt, finishedAt, inputs, outputs, errorMessage, attempts, iterationPath)
SELECT run.id, k.seq, k.name, '$.actions.' || k.name, 0,
       CASE WHEN run.status = 'Failed' AND k.seq = 4 THEN 'Failed' ELSE 'Succeeded' END,
       run.startedAt + k.seq * 0.01, run.startedAt + k.seq * 0.01 + 0.005,
       printf('{"customer":"c%d","source":"%s"}', run.rowid % 100000, json_extract(run.triggerOutputs, '$.body.dataSourceName')),
       CASE WHEN run.status = 'Failed' AND k.seq = 4 THEN NULL ELSE printf('{"value":"refresh of source %d done","n":%d}', run.rowid % 50, k.seq) END,
       CASE WHEN run.status = 'Failed' AND k.seq = 4 THEN
            CASE WHEN run.rowid % 20000 = 1 THEN 'HTTP 502 from https://hooks.example.com: bad gateway'
                 ELSE 'HTTP 503 from https://hooks.example.com: upstream timeout' END END,
       1, NULL
FROM run CROSS JOIN (SELECT 0 AS seq, 'Init' AS name UNION ALL SELECT 1, 'Compose' UNION ALL SELECT 2, 'Condition'
                     UNION ALL SELECT 3, 'Set_variable' UNION ALL SELECT 4, 'Send_webhook') AS k
WHERE run.flowId LIKE 'flow-%'
ORDER BY run.rowid, k.seq;
INSERT INTO step_text(step_text) VALUES ('rebuild');
UPDATE step_text_progress SET upto = (SELECT COALESCE(MAX(rowid), 0) FROM step);
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SELECT 'runs', COUNT(*) FROM run; SELECT 'steps', COUNT(*) FROM step;
SQL
ls -la "$DB"
