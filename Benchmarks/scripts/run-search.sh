#!/usr/bin/env bash
# Run search at scale: a history of RUNS generated runs (default 1,000,000; 5 steps each) and the listings timed
# with hyperfine (process start included). Needs hyperfine and sqlite3.
# Usage: run-search.sh BIN [RUNS] [HOME]   (HOME kept when given; default a temporary folder, removed after)
set -euo pipefail
BIN=$(realpath "$1") RUNS=${2:-1000000}
HOME_DIR=${3:-$(mktemp -d /tmp/insightflow-run-search.XXXXXX)}
here=$(dirname "$0")
if [ ! -f "$HOME_DIR/history.sqlite" ]; then
  /usr/bin/time -f "history of $RUNS runs generated in %e s" "$here/make-search-history.sh" "$BIN" "$HOME_DIR" "$RUNS"
fi
since=$(date -u -d '15 days ago' +%Y-%m-%d) until=$(date -u -d '10 days ago' +%Y-%m-%d)
hyperfine -N --warmup 2 --runs 10 \
  "$BIN runs --home $HOME_DIR --limit 50" \
  "$BIN runs --home $HOME_DIR --status failed --limit 50" \
  "$BIN runs --home $HOME_DIR --search gateway --limit 50" \
  "$BIN runs --home $HOME_DIR --search timeout --limit 50" \
  "$BIN runs --home $HOME_DIR --flow flow-07 --since 7d --limit 50" \
  "$BIN runs --home $HOME_DIR --trigger SegmentRefreshed --since $since --until $until --limit 50" \
  "$BIN runs --home $HOME_DIR --status aborted --limit 50" \
  "$BIN runs --home $HOME_DIR --search timeout --status succeeded --limit 50"
[ -n "${3:-}" ] || rm -rf "$HOME_DIR"
