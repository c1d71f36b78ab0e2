#!/usr/bin/env bash
# The run on the canvas and replay of a draft, in a real terminal: a failed run (made by `insightflow emit`) opens
# from run history with `c` on its flow's version, the loop's iterations are browsed with ] and F, Enter shows the
# failing step's record, `?` lists the keys, a resize to 120×40 redraws it; on the canvas `L` replays the draft
# against the recorded events and shows the summary; `flow replay` prints the same.
# Usage: Tests/e2e/run-canvas-e2e.sh [path/to/insightflow]
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init run-canvas-e2e
e2e_need_tools "$BIN"
HOME_DIR="$WORK/home"
cleanup() { e2e_kill_tmux; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$HOME_DIR/flows"
cat > "$HOME_DIR/flows/loop-alert.json" <<'JSON'
{"id": "loop-alert", "displayName": "Loop alert", "state": "On", "version": 1, "definition": {
  "triggers": {"When_a_data_source_refresh_fails": {"type": "DataSourceRefreshFailed", "inputs": {"dataSource": "e2e source"}}},
  "actions": {
    "Each": {"type": "Foreach", "foreach": "@createArray(1, 0, 2, 0)", "runtimeConfiguration": {"concurrency": {"repetitions": 1}},
             "actions": {"Ratio": {"type": "Compose", "inputs": "@div(10, item())", "runAfter": {}}}, "runAfter": {}},
    "Notify": {"type": "Compose", "inputs": "Source @{triggerBody()?['dataSourceName']} failed", "runAfter": {"Each": ["Succeeded"]}}
  }}}
JSON

"$BIN" emit --home "$HOME_DIR" DataSourceRefreshFailed --field "dataSourceName=e2e source" --field "errorMessage=row 7" > "$WORK/emit.txt" 2>&1 \
  || true
grep -q "of loop-alert: Failed" "$WORK/emit.txt" || { echo "FAIL: the emitted event did not fail a run of loop-alert"; cat "$WORK/emit.txt"; exit 1; }

e2e_start 80 24 "$(e2e_app_command "$BIN" "$HOME_DIR")"
wait_for_text "Monitor" 15 || fail "the app did not start"
keys Down Down Down Enter
wait_for_text "live" 10 || fail "Monitor"
keys h
wait_for_text "Loop alert" 10 || fail "run history lists the failed run"
# Only the emitted run belongs to Loop alert: pick it with find.
keys /
typed "Loop alert"
keys Enter
keys c
wait_for_text "Run on canvas" 10 || fail "c opens the run on the canvas"
wait_for_text "v1, as when the run started" 5 || fail "the run's version"
wait_for_text "iteration 2 of 4 · 2 failed" 5 || fail "the loop shows its first failed iteration"
wait_for_text "cannot divide by zero" 5 || fail "the failed card says why"
keys ]
wait_for_text "iteration 3 of 4" 5 || fail "] goes to the next iteration"
keys F
wait_for_text "iteration 4 of 4" 5 || fail "F goes to the next failed iteration"
keys Enter
wait_for_text '"iteration": "Each[3]"' 5 || fail "Enter shows the step's record of that iteration"
esc 1
wait_for_text "iteration 4 of 4" 5 || fail "Esc goes back to the run view"
keys '?'
wait_for_text "the next iteration of the loop in which a step failed" 5 || fail "? lists the run view's keys"
esc 1
"${TMUX_CMD[@]}" resize-window -t e2e -x 120 -y 40 2>/dev/null || "${TMUX_CMD[@]}" resize-pane -t e2e -x 120 -y 40
wait_for_text "Skipped" 5 || fail "at 120×40 the step after the loop shows Skipped"
screen > "$WORK/run-canvas-120.txt"

# Replay: open the flow's canvas from the palette, L, Enter (10 events).
esc 1
keys :
wait_for_text "palette" 5 || wait_for_text "Palette" 5 || fail "the palette opens"
typed "Loop alert"
sleep 0.3
keys Enter
wait_for_text "Canvas" 5 || fail "canvas"
keys L
wait_for_text "Replay recorded events" 5 || fail "L asks how many events"
keys Enter
wait_for_text "1 event(s): draft fires 1, saved version ran 1" 15 || fail "the replay summary"
wait_for_text "Failed (v1)" 5 || fail "the saved version's run beside the draft's"

e2e_kill_tmux
"$BIN" flow replay --home "$HOME_DIR" loop-alert --last 5 > "$WORK/replay.txt" 2>&1 || true
grep -q "saved flow of \"Loop alert\" replayed dry against 1 event(s)" "$WORK/replay.txt" || { echo "FAIL: flow replay"; cat "$WORK/replay.txt"; FAILURES=$((FAILURES + 1)); }

if [ "$FAILURES" -gt 0 ]; then
  echo "run-canvas-e2e: $FAILURES failure(s)"
  exit 1
fi
echo "run-canvas-e2e: ok"
