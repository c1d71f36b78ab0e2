#!/usr/bin/env bash
# The HTTP front under attack, against a real `serve` on 127.0.0.1: long header and request lines, too many headers,
# an over-limit body (Content-Length and 400 MB chunked), 200 slowloris connections, poison numbers, a replayed
# signature, and SIGTERM while connections are held — while a legitimate event every 50 ms must be answered in
# under 100 ms and the RSS stay under 100 MB. The checks are in intake_attack.py.
# Usage: Tests/e2e/intake-attack-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
[ -x "$BIN" ] || { echo "FAIL: no insightflow binary at $BIN (build it first)"; exit 1; }
exec python3 "$ROOT/Tests/e2e/intake_attack.py" "$BIN"
