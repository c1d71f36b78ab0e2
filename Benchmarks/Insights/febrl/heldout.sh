#!/bin/sh
# Held-out (blind) evaluation of the FEBRL match rules: the rules of write_workspace.py were written for FEBRL3/4
# (and looked at against FEBRL4's misses); here they run UNCHANGED on FEBRL1 and FEBRL2, which they were never
# tuned on (both are duplicates inside one source, like FEBRL3). Do not change the rules after seeing these figures.
# Usage: heldout.sh [OUT_DIR]   (INSIGHTFLOW_BIN: an insightflow binary, release preferred; VENV: the PyPI venv;
#                                SPLINK=0 skips Splink)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-/tmp/febrl-heldout}
BIN=${INSIGHTFLOW_BIN:-insightflow}
VENV=${VENV:-$OUT/venv}
SPLINK=${SPLINK:-1}
mkdir -p "$OUT"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q recordlinkage splink
PY="$VENV/bin/python"

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
mib() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

echo "held-out: rules not changed after seeing these ($BIN)"
printf '%-13s %-11s %-70s %8s %8s\n' data tool "pairs / precision / recall / F1" "wall s" "RSS MiB"
for variant in febrl1-noid febrl2-noid; do
    dataset=${variant%%-*}
    home="$OUT/$variant"
    rm -rf "$home"
    "$PY" "$HERE/write_workspace.py" "$home" "$variant"
    /usr/bin/time -v "$BIN" refresh --all --home "$home" > "$home.refresh.out" 2> "$home.time"
    scores=$("$PY" "$HERE/evaluate.py" "$dataset" insightflow "$home")
    printf '%-13s %-11s %-70s %8s %8s\n' "$variant" insightflow "$scores" "$(seconds "$home.time")" "$(mib "$home.time")"
    [ "$SPLINK" = 1 ] || continue
    /usr/bin/time -v "$PY" "$HERE/splink_febrl.py" "$variant" "$home.splink.csv" > "$home.splink.out" 2> "$home.splink.time"
    scores=$("$PY" "$HERE/evaluate.py" "$dataset" clusters "$home.splink.csv")
    printf '%-13s %-11s %-70s %8s %8s\n' "$variant" splink "$scores" "$(seconds "$home.splink.time")" "$(mib "$home.splink.time")"
done
