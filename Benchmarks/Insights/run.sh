#!/bin/sh
# Insights benchmark: full refresh by insightflow vs the same ingest + SQL by the sqlite3 CLI and by DuckDB,
# side by side in one run on the same warm page cache.
# Usage: run.sh [OUT_DIR] [SCALE]   (SCALE 1 = 1,000,000 customer records and 5,000,000 orders)
# INSIGHTFLOW_BIN selects the insightflow binary (default: insightflow on PATH; build it with -c release).
# DuckDB comes from PyPI into a venv (VENV, default /tmp/insights-duckdb-venv), installed on first use.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-/tmp/insights-bench}
SCALE=${2:-1}
BIN=${INSIGHTFLOW_BIN:-insightflow}
VENV=${VENV:-/tmp/insights-duckdb-venv}

if ! "$VENV/bin/python" -c "import duckdb" 2>/dev/null; then
    python3 -m venv "$VENV" && "$VENV/bin/pip" install -q duckdb
fi

python3 "$HERE/generate.py" --out "$OUT" --scale "$SCALE"
rm -f "$OUT"/workspace/insights.sqlite* "$OUT"/sqlite3-bench.db* "$OUT"/duckdb-bench.duckdb*
cat "$OUT"/workspace/data/*.csv > /dev/null   # same warm page cache for both runs

/usr/bin/time -v "$BIN" refresh --all --home "$OUT" > "$OUT/insightflow.out" 2> "$OUT/insightflow.time"
(cd "$OUT/workspace" && /usr/bin/time -v sqlite3 "$OUT/sqlite3-bench.db" < "$HERE/sqlite3_equivalent.sql") \
    > "$OUT/sqlite3.out" 2> "$OUT/sqlite3.time"
(cd "$OUT/workspace" && /usr/bin/time -v "$VENV/bin/python" "$HERE/duckdb_run.py" "$OUT/duckdb-bench.duckdb" "$HERE/duckdb_equivalent.sql") \
    > "$OUT/duckdb.out" 2> "$OUT/duckdb.time"

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
IF=$(seconds "$OUT/insightflow.time"); SQ=$(seconds "$OUT/sqlite3.time"); DK=$(seconds "$OUT/duckdb.time")
echo "scale $SCALE"
echo "insightflow refresh --all: ${IF} s, peak RSS $(rss "$OUT/insightflow.time") KB"
echo "sqlite3 CLI equivalent:    ${SQ} s, peak RSS $(rss "$OUT/sqlite3.time") KB"
echo "duckdb equivalent:          ${DK} s, peak RSS $(rss "$OUT/duckdb.time") KB"
echo "ratio insightflow / sqlite3: $(awk -v a="$IF" -v b="$SQ" 'BEGIN { printf "%.2f", a / b }')"
echo "ratio insightflow / duckdb:  $(awk -v a="$IF" -v b="$DK" 'BEGIN { printf "%.2f", a / b }')"
grep -E "unification|full refresh" "$OUT/insightflow.out" || true
