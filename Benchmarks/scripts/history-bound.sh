#!/usr/bin/env bash
# The history's size under a steady load: `serve` takes about RATE events/s (wrk, 10 connections paced by delay())
# of a one-Compose flow for MINUTES; every 30 s it prints the runs and events kept and the size of history.sqlite
# and its WAL. With the default retention (100,000 runs and events, 30 days) the counts must level off at 100,000
# and the file stop growing once retention catches up (HistoryRetention prunes 1,000 rows every 20 ms, every 60 s).
# Usage: Benchmarks/scripts/history-bound.sh INSIGHTFLOW_BINARY [MINUTES] [RATE]     (defaults 10 and 1000)
# Needs wrk, curl, python3.
set -euo pipefail
bin=$(realpath "${1:?path to insightflow}"); minutes=${2:-10}; rate=${3:-1000}
here=$(cd "$(dirname "$0")" && pwd)
home=$(mktemp -d)
trap 'kill $wrk_pid $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$home"' EXIT
mkdir -p "$home/flows"
cat > "$home/flows/note.json" <<'JSON'
{"id": "note", "displayName": "Note", "state": "On", "version": 1, "definition": {
  "triggers": {"When_a_data_source_refresh_fails": {"type": "DataSourceRefreshFailed", "inputs": {"dataSource": "any"}}},
  "actions": {"Note": {"type": "Compose", "inputs": "Refresh of @{triggerBody()?['dataSourceName']} failed", "runAfter": {}}}}}
JSON
port=$((20000 + RANDOM % 20000))
"$bin" serve --home "$home" --port "$port" >"$home/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
export TOKEN=$(cat "$home/intake-token")
# 10 connections each waiting 10000/RATE ms between requests offer about RATE events/s.
DELAY_MS=$((10000 / rate)) wrk -t1 -c10 -d"$((minutes * 60))s" -s "$here/serve-concurrency.lua" "http://127.0.0.1:$port/events" >"$home/wrk.txt" 2>&1 &
wrk_pid=$!
echo "minute  runs kept  events kept  history.sqlite  -wal"
for tick in $(seq 1 $((minutes * 2))); do
  sleep 30
  python3 - "$home" "$tick" <<'PY'
import os, sqlite3, sys
home, tick = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(f"file:{home}/history.sqlite?mode=ro", uri=True)
runs = db.execute("SELECT COUNT(*) FROM run").fetchone()[0]
events = db.execute("SELECT COUNT(*) FROM event").fetchone()[0]
size = lambda p: os.path.getsize(p) / 1048576 if os.path.exists(p) else 0
print(f"{tick / 2:6.1f}  {runs:9d}  {events:11d}  {size(f'{home}/history.sqlite'):11.1f} MB  {size(f'{home}/history.sqlite-wal'):5.1f} MB", flush=True)
PY
done
wait $wrk_pid || true
cat "$home/wrk.txt" | grep -E "Requests/sec|answers"
echo "serve peak RSS: $(grep VmHWM /proc/$pid/status | awk '{print $2 / 1024 " MB"}')"
