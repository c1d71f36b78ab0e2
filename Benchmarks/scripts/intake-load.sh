#!/usr/bin/env bash
# Loads `insightflow serve` on 127.0.0.1 with authenticated events (wrk), then checks none was lost.
# Usage: Benchmarks/scripts/intake-load.sh INSIGHTFLOW_BINARY [SECONDS] [CONNECTIONS]
set -euo pipefail
bin=${1:?path to insightflow}; seconds=${2:-10}; connections=${3:-32}
here=$(cd "$(dirname "$0")" && pwd)
home=$(mktemp -d); port=$((20000 + RANDOM % 20000))
"$bin" flow new --home "$home" --name "On failure" --trigger DataSourceRefreshFailed >/dev/null
"$bin" serve --home "$home" --port "$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
export TOKEN=$(cat "$home/intake-token")
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/intake-load.lua" "http://127.0.0.1:$port/events" | tee /tmp/intake-load.txt
kill -TERM $pid; wait $pid || true
accepted=$(grep -E "requests in" /tmp/intake-load.txt | awk '{print $1}')
stored=$(sqlite3 "$home/history.sqlite" "SELECT COUNT(*) FROM event")
non2xx=$(grep -E "Non-2xx" /tmp/intake-load.txt | awk '{print $NF}' || true)
echo "requests sent: $accepted, non-2xx: ${non2xx:-0}, events stored: $stored"
