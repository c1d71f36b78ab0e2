#!/usr/bin/env bash
# Nothing is lost, everything can be compared, in a real terminal: an edit made on the canvas survives `kill -9` of
# the app (the draft is offered when the flow is opened again), the saved versions show in the History screen with
# their diff side by side at 120×40 and stacked at 80×24, `?` lists the History keys, and `r` restores a version as
# a new one (the CLI sees every version). Usage: Tests/e2e/history-e2e.sh [path/to/insightflow]
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init history-e2e
e2e_need_tools "$BIN"
HOME_DIR="$WORK/home"
cleanup() { e2e_kill_tmux; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$HOME_DIR/flows"
cat > "$HOME_DIR/flows/orders.json" <<'JSON'
{"id": "orders", "displayName": "Orders", "state": "Off", "version": 1, "definition": {
  "triggers": {"manual": {"type": "Request", "kind": "Button"}},
  "actions": {
    "Prepare": {"type": "Compose", "inputs": "start", "runAfter": {}},
    "Notify": {"type": "Compose", "inputs": "@outputs('Prepare')", "runAfter": {"Prepare": ["Succeeded"]}}
  }}}
JSON

# The pid of the app inside the tmux pane (the pane runs `env … insightflow …; sleep`).
app_pid() {
  local pane
  pane=$("${TMUX_CMD[@]}" display-message -p -t e2e '#{pane_pid}' 2>/dev/null) || return 1
  pgrep -P "$pane" -x insightflow || { [ "$(cat "/proc/$pane/comm" 2>/dev/null)" = insightflow ] && echo "$pane"; }
}

# A new session only once the previous tmux server is gone (a dying server refuses the new session).
server_gone() { ! "${TMUX_CMD[@]}" has-session -t e2e 2>/dev/null && ! [ -S "/tmp/tmux-$(id -u)/$SOCKET" ]; }
start_fresh() {
  e2e_kill_tmux
  until_true 5 server_gone || true
  e2e_start "$@"
}

# 1. Edit on the canvas, then kill -9 the app before saving.
e2e_start 80 24 "$(e2e_app_command "$BIN" "$HOME_DIR")"
wait_for_text "Flows" 15 || fail "the app did not start"
keys Down Down Enter
wait_for_text "Orders" 10 || fail "Flows list"
keys Enter
wait_for_text "Canvas" 10 || fail "canvas"
keys Down
sleep 0.2
keys r
wait_for_text "Rename step" 5 || fail "the rename dialog opens"
keys C-u
typed "Get_ready"
keys Enter
wait_for_text "Get_ready" 5 || fail "the step is renamed on the canvas"
until_true 5 test -f "$HOME_DIR/flows/.orders.draft.json" || fail "the unsaved edit is kept beside the flow at once"
pid=$(app_pid) || true
[ -n "${pid:-}" ] || fail "the app's pid"
[ -n "${pid:-}" ] && kill -9 "$pid"
sleep 0.5
grep -q '"Prepare"' "$HOME_DIR/flows/orders.json" || fail "nothing was saved: the flow file still has Prepare"

# 2. Open again: the draft is offered; restore and save it.
start_fresh 80 24 "$(e2e_app_command "$BIN" "$HOME_DIR")"
wait_for_text "Flows" 15 || fail "the app did not start again"
keys Down Down Enter
wait_for_text "Orders" 10 || fail "Flows list (2)"
keys Enter
wait_for_text "Unsaved draft found" 10 || fail "the draft is offered when the flow is opened again"
keys Enter
wait_for_text "Draft restored" 5 || fail "the draft is restored"
wait_for_text "Get_ready" 5 || fail "the renamed step is back on the canvas"
keys C-s
wait_for_text "Saved" 10 || fail "the flow saves"
until_true 5 test ! -f "$HOME_DIR/flows/.orders.draft.json" || fail "a save removes the draft"
"$BIN" flow history orders --home "$HOME_DIR" > "$WORK/history.txt" 2>&1
grep -qE "^2 \(current\).*designer.*1 renamed" "$WORK/history.txt" || fail "flow history lists the designer's save: $(cat "$WORK/history.txt")"
"$BIN" flow diff orders --home "$HOME_DIR" > "$WORK/diff.txt" 2>&1
grep -qF "Get_ready (Compose)  renamed from Prepare" "$WORK/diff.txt" || fail "flow diff shows the rename: $(cat "$WORK/diff.txt")"
# 3. The History screen: side by side at 120×40, stacked at 80×24, help, resize, restore.
start_fresh 120 40 "$(e2e_app_command "$BIN" "$HOME_DIR")"
wait_for_text "Flows" 15 || fail "the app did not start (3)"
keys Down Down Enter
wait_for_text "Orders" 10 || fail "Flows list (3)"
keys V
wait_for_text "2 version(s) kept" 10 || fail "the History screen lists the versions"
keys Enter
wait_for "version 1 +version 2" 10 || fail "the diff is side by side at 120 columns"
wait_for "Prepare \(Compose\) +│ \+ Get_ready" 5 || fail "the old and new names face each other"
"${TMUX_CMD[@]}" resize-window -t e2e -x 80 -y 24 2>/dev/null
sleep 0.5
wait_for "^ \+ Get_ready \(Compose\)  renamed from Prepare" 5 || fail "stacked at 80 columns after a resize"
esc 1
wait_for_text "2 version(s) kept" 5 || fail "Esc goes back to the list"
keys '?'
wait_for_text "restore this version" 5 || fail "? lists the History keys"
esc 1
keys Down
keys r
wait_for_text "Restore version 1" 5 || fail "r asks first"
keys Left Enter
wait_for_text "Restored version 1" 10 || fail "the version is restored"
wait_for_text "3 version(s) kept" 5 || fail "the list shows the new version"
"$BIN" flow history orders --home "$HOME_DIR" > "$WORK/history2.txt" 2>&1
grep -qE "^3 \(current\).*restore.*restored from version 1" "$WORK/history2.txt" || fail "the restore is a new version: $(cat "$WORK/history2.txt")"
grep -q '"Prepare"' "$HOME_DIR/flows/orders.json" || fail "the restored flow has Prepare again"

if [ "$FAILURES" -gt 0 ]; then echo "history-e2e: $FAILURES failure(s)"; exit 1; fi
echo "history-e2e: ok"
