#!/usr/bin/env bash
# One flow under `insightflow serve` with high concurrency: (1) sustained runs/s of the 4-step flow, (2) a 2x overload
# for OVERLOAD_SECONDS at twice the capacity of the flow under its trigger's concurrency control (runs OVERLOAD_RUNS,
# default 1; maximumWaitingRuns 100): event -> first step p50/p99 of admitted events, peak RSS, every 202 ran exactly
# once, the excess got 429.
# Usage: Benchmarks/scripts/serve-concurrency.sh INSIGHTFLOW_BINARY [THROUGHPUT_SECONDS] [OVERLOAD_SECONDS] [CONNECTIONS]
# Needs wrk, curl, python3. Run it on a release build while no other release build runs.
set -euo pipefail
bin=${1:?path to insightflow}; tseconds=${2:-20}; oseconds=${3:-60}; connections=${4:-64}
here=$(cd "$(dirname "$0")" && pwd)

flow_file() { # $1 = home, $2 = runtimeConfiguration JSON ("" for none)
  local rc=""
  [ -n "$2" ] && rc=", \"runtimeConfiguration\": $2"
  mkdir -p "$1/flows"
  cat > "$1/flows/four-steps.json" <<JSON
{"id": "four-steps", "displayName": "Four steps", "state": "On", "version": 1, "definition": {
  "triggers": {"When_a_data_source_refresh_fails": {"type": "DataSourceRefreshFailed", "inputs": {"dataSource": "Webshop"}$rc}},
  "actions": {
    "Init": {"type": "InitializeVariable", "inputs": {"variables": [{"name": "seen", "type": "String", "value": ""}]}, "runAfter": {}},
    "Compose": {"type": "Compose", "inputs": "Refresh of @{triggerBody()?['dataSourceName']} failed", "runAfter": {"Init": ["Succeeded"]}},
    "Condition": {"type": "If", "expression": "@equals(triggerBody()?['dataSourceName'], 'Webshop')",
                  "actions": {"Set_variable": {"type": "SetVariable", "inputs": {"name": "seen", "value": "@outputs('Compose')"}, "runAfter": {}}},
                  "runAfter": {"Compose": ["Succeeded"]}},
    "Final": {"type": "Compose", "inputs": "@variables('seen')", "runAfter": {"Condition": ["Succeeded"]}}
  }}}
JSON
}

# Starts serve on home $1 with extra options; sets pid and port.
start_serve() {
  local home=$1; shift
  port=$((20000 + RANDOM % 20000))
  "$bin" serve --home "$home" --port "$port" "$@" >"$home/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  export TOKEN=$(cat "$home/intake-token")
}

# Waits until no run is Queued or Running.
drain() {
  for _ in $(seq 600); do
    open=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT COUNT(*) FROM run WHERE status IN ('Queued','Running')\").fetchone()[0])" "$1/history.sqlite")
    [ "$open" = 0 ] && return 0; sleep 0.5
  done
}

report() { # $1 = home
  python3 - "$1/history.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
runs = db.execute("SELECT COUNT(*), MIN(startedAt), MAX(finishedAt) FROM run WHERE flowId='four-steps' AND status='Succeeded'").fetchone()
other = db.execute("SELECT COUNT(*) FROM run WHERE status <> 'Succeeded'").fetchone()[0]
events = db.execute("SELECT COUNT(*) FROM event").fetchone()[0]
twice = db.execute("SELECT COUNT(*) FROM (SELECT eventId FROM run GROUP BY eventId HAVING COUNT(*) > 1)").fetchone()[0]
lat = sorted(r[0] for r in db.execute("""SELECT MIN(s.startedAt) - e.receivedAt FROM event e JOIN run r ON r.eventId = e.id
                                         JOIN step s ON s.runId = r.id GROUP BY r.id"""))
pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float('nan')
span = (runs[2] - runs[1]) if runs[0] else 0
print(f"events stored: {events}; runs succeeded: {runs[0]}; runs not succeeded: {other}; events run twice: {twice}")
print(f"runs/s (first start to last finish): {runs[0] / span if span else 0:.0f} over {span:.1f} s")
print(f"event -> first step: p50 {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms, max {pct(1.0):.1f} ms")
PY
}

# 1. Throughput: no concurrency control in the file; serve's limits high. SKIP_THROUGHPUT=1 skips it.
pid=""; home=""
trap 'kill $pid 2>/dev/null || true; rm -rf "$home"' EXIT
if [ "${SKIP_THROUGHPUT:-0}" != 1 ]; then
home=$(mktemp -d)
flow_file "$home" ""
start_serve "$home" --concurrency 128 --per-flow-concurrency 100
echo "== throughput: wrk -t2 -c$connections -d${tseconds}s, serve --concurrency 128 --per-flow-concurrency 100"
DELAY_MS=0 wrk -t2 -c"$connections" -d"${tseconds}s" --latency -s "$here/serve-concurrency.lua" "http://127.0.0.1:$port/events" | tee "$home/wrk1.txt"
drain "$home"
echo "peak RSS: $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$pid/status)"
kill -TERM $pid; wait $pid || true
report "$home"
rm -rf "$home"
fi

# 2. Overload at twice the capacity of the flow under its trigger's concurrency control (runs OVERLOAD_RUNS, default 1,
# maximumWaitingRuns 100). Its capacity C is the rate of 202s while CALIBRATE_RATE events/s (default 3000, well above
# C) are offered for 10 s; a closed loop would measure less, as answering tens of thousands of 429s a second takes the
# CPU the runs need. Then a fresh home is offered 2 x C events/s, paced by wrk's delay(), for OVERLOAD_SECONDS.
overload_runs=${OVERLOAD_RUNS:-1}; calibrate=${CALIBRATE_RATE:-3000}
setting="{\"concurrency\": {\"runs\": $overload_runs, \"maximumWaitingRuns\": 100}}"
home=$(mktemp -d)
flow_file "$home" "$setting"
start_serve "$home" --concurrency 128
delay=$(python3 -c "print(max(1, round($connections * 1000 / $calibrate)))")
echo "== capacity of the flow with $setting: $calibrate events/s offered for 10 s"
DELAY_MS=$delay wrk -t2 -c"$connections" -d10s -s "$here/serve-concurrency.lua" "http://127.0.0.1:$port/events" | tee "$home/wrk2.txt"
capacity=$(awk -F'[= ]' '/^answers:/ {print $3}' "$home/wrk2.txt")
capacity=$((capacity / 10))
kill -TERM $pid; wait $pid || true
rm -rf "$home"

home=$(mktemp -d)
flow_file "$home" "$setting"
start_serve "$home" --concurrency 128
delay=$(python3 -c "print(max(1, round($connections * 1000 / (2 * $capacity))))")
echo "== overload: 2 x $capacity runs/s offered ($connections connections, one request every $delay ms each) for ${oseconds}s"
rss_log="$home/rss.txt"
( while kill -0 $pid 2>/dev/null; do awk '/VmRSS/ {print $2}' /proc/$pid/status >> "$rss_log" 2>/dev/null; sleep 1; done ) &
DELAY_MS=$delay wrk -t2 -c"$connections" -d"${oseconds}s" --latency -s "$here/serve-concurrency.lua" "http://127.0.0.1:$port/events" | tee "$home/wrk3.txt"
drain "$home"
echo "peak RSS: $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$pid/status) (sampled VmRSS max $(sort -n "$rss_log" | tail -1 | awk '{print $1/1024}') MB)"
kill -TERM $pid; wait $pid || true
report "$home"
