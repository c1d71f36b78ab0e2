#!/usr/bin/env bash
# The runAfter graph in a real terminal: a try/catch flow whose actions are listed in reverse order in the file
# validates, runs as the reference runs it (the failure in Try is caught, the run succeeds), and the canvas draws it
# in runAfter order with the parallel branches and the non-default run-after statuses marked — at 80×24 and 120×40.
# Usage: Tests/e2e/parallel-canvas-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init parallel-canvas-e2e
e2e_need_tools "$BIN"
HOME_DIR="$WORK/home"
cleanup() { e2e_kill_tmux; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$HOME_DIR/flows"
# Keys in reverse order: Audit and Notify (the catch) come before Try and Prepare in the file.
cat > "$HOME_DIR/flows/try-catch.json" <<'JSON'
{"id": "try-catch", "displayName": "Try catch", "state": "Off", "version": 1, "definition": {
  "triggers": {"manual": {"type": "Request", "kind": "Button"}},
  "actions": {
    "Audit": {"type": "Compose", "inputs": "audit", "runAfter": {"Try": ["Succeeded", "Failed", "TimedOut"]}},
    "Notify": {"type": "Compose", "inputs": "caught", "runAfter": {"Try": ["Failed", "TimedOut"]}},
    "Try": {"type": "Scope", "runAfter": {"Prepare": ["Succeeded"]}, "actions": {
      "Work": {"type": "Compose", "inputs": "@int('abc')", "runAfter": {}}}},
    "Prepare": {"type": "Compose", "inputs": "start", "runAfter": {}}
  }}}
JSON

"$BIN" flow validate "$HOME_DIR/flows/try-catch.json" > "$WORK/validate.txt" 2>&1 || fail "a flow listed in reverse order must validate: $(cat "$WORK/validate.txt")"
"$BIN" flow test try-catch --home "$HOME_DIR" > "$WORK/test.txt" 2>&1 || fail "the caught failure must leave the run Succeeded: $(cat "$WORK/test.txt")"
grep -qE "^  Work  Failed" "$WORK/test.txt" || fail "Work fails: $(cat "$WORK/test.txt")"
grep -qE "^  Try  Failed" "$WORK/test.txt" || fail "Try fails with it: $(cat "$WORK/test.txt")"
grep -qE "^  Notify  Succeeded" "$WORK/test.txt" || fail "the catch runs: $(cat "$WORK/test.txt")"
grep -qE "^  Audit  Succeeded" "$WORK/test.txt" || fail "the finally runs: $(cat "$WORK/test.txt")"

for size in "120 40" "80 24"; do
  set -- $size
  e2e_start "$1" "$2" "$(e2e_app_command "$BIN" "$HOME_DIR")"
  wait_for_text "Flows" 15 || fail "the app did not start at $1x$2"
  keys Down Down Enter
  wait_for_text "Try catch" 10 || fail "Flows list at $1x$2"
  keys Enter
  wait_for_text "Canvas" 10 || fail "canvas at $1x$2"
  # Prepare runs first whatever the key order: its card is drawn above Try's.
  prepare=$(screen | grep -n "Prepare" | head -1 | cut -d: -f1)
  try=$(screen | grep -n "│ Try" | head -1 | cut -d: -f1)
  [ -n "$prepare" ] && [ -n "$try" ] && [ "$prepare" -lt "$try" ] || fail "Prepare ($prepare) must be drawn above Try ($try) at $1x$2"
  # Scroll to the end of the canvas and look for the parallel branches and their run-after statuses.
  for _ in $(seq 1 8); do keys Down; sleep 0.05; done
  wait_for_text "parallel branch" 5 || fail "parallel branches are marked at $1x$2"
  wait_for "after Try is Failed/TimedOut" 5 || fail "the catch's run-after statuses are written on its card at $1x$2"
  e2e_kill_tmux
done

if [ "$FAILURES" -gt 0 ]; then echo "parallel-canvas-e2e: $FAILURES failure(s)"; exit 1; fi
echo "parallel-canvas-e2e: ok"
