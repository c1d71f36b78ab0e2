#!/usr/bin/env bash
# `serve` as operators see it: /health, /ready (and 503 once the history is gone), /metrics parsed with counters
# equal to the runs caused, JSON log lines. The checks are in serve_observability.py.
# Usage: Tests/e2e/serve-observability-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
[ -x "$BIN" ] || { echo "FAIL: no insightflow binary at $BIN (build it first)"; exit 1; }
exec python3 "$ROOT/Tests/e2e/serve_observability.py" "$BIN"
