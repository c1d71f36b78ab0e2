#!/usr/bin/env bash
# Idle CPU of the terminal app on the Monitor and of `serve`, with nothing happening (a sample home whose demo feed
# and refresh schedule are off), measured with pidstat (sysstat) over SECONDS.
#
# Usage: Benchmarks/scripts/idle-cpu.sh BIN [SECONDS]     (BIN: a built insightflow; SECONDS default 120)
set -euo pipefail
bin="$(realpath "$1")"; seconds="${2:-120}"
command -v pidstat >/dev/null || { echo "needs pidstat: apt-get install sysstat" >&2; exit 2; }
command -v tmux >/dev/null || { echo "needs tmux" >&2; exit 2; }
work="$(mktemp -d)"; trap 'tmux kill-session -t idlecpu 2>/dev/null || true; kill $serve 2>/dev/null || true; rm -rf "$work"' EXIT
serve=""

quiet_home() {  # a sample home with the demo feed and the schedule off
  "$bin" init --home "$1" >/dev/null
  python3 - "$1/workspace/workspace.json" <<'PY'
import json, sys
p = sys.argv[1]; d = json.load(open(p))
d.setdefault("demoFeed", {})["enabled"] = False
d.setdefault("schedule", {})["enabled"] = False
json.dump(d, open(p, "w"), indent=2)
PY
}

average() { awk '/^Average:/ && $0 !~ /%CPU/ {print $8}' ; }

quiet_home "$work/app"
tmux new-session -d -s idlecpu -x 120 -y 40 "$bin --home $work/app"
sleep 5
tmux send-keys -t idlecpu / M o n i t o r Enter Enter   # home → find "Monitor" → open it
sleep 5
app=$(pgrep -f -n -- "--home $work/app\$")
echo "app on the Monitor: $(tmux capture-pane -p -t idlecpu | head -1)"
echo "app idle CPU % over ${seconds}s: $(pidstat -u -p "$app" "$seconds" 1 | average)"
tmux kill-session -t idlecpu

quiet_home "$work/serve"
"$bin" serve --home "$work/serve" --port $((20000 + RANDOM % 20000)) >/dev/null 2>&1 &
serve=$!
sleep 5
echo "serve idle CPU % over ${seconds}s: $(pidstat -u -p "$serve" "$seconds" 1 | average)"
