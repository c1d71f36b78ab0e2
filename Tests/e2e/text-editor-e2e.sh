#!/usr/bin/env bash
# The multi-line text editor in a real terminal (issue #18 item 5), at 120×40 and 80×24: F2 on a Teams step's
# Message opens it; a bracketed paste of three lines (one with a dynamic-content token) keeps its newlines;
# Ctrl-← moves by word and Shift-← selects as tmux sends them (ESC [1;5D, ESC [1;2D); typing replaces the
# selection; F1 shows the editor's keys; a resize keeps the text; Esc writes the field back and Ctrl-S saves; the
# flow file holds exactly the edited text, newlines included.
# Usage: Tests/e2e/text-editor-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init text-editor-e2e
e2e_need_tools "$BIN"
command -v python3 >/dev/null || { echo "FAIL: python3 is not installed"; exit 1; }
cleanup() { e2e_kill_tmux; rm -rf "$WORK"; }
trap cleanup EXIT

printf '%s\n%s\n%s' "Hello team," "The refresh of @{triggerBody()?['dataSourceName']} failed." "See the run." > "$WORK/body.txt"
EXPECTED="Hello team,
The refresh of @{triggerBody()?['dataSourceName']} failed.
See our run."

for size in "120 40" "80 24"; do
  set -- $size
  HOME_DIR="$WORK/home-$1"
  mkdir -p "$HOME_DIR/flows"
  cat > "$HOME_DIR/flows/alert.json" <<'JSON'
{"id": "alert", "displayName": "Alert", "state": "Off", "version": 1, "definition": {
  "triggers": {"When_a_data_source_refresh_fails": {"type": "DataSourceRefreshFailed", "inputs": {"dataSource": "any"}}},
  "actions": {"Post_message": {"type": "TeamsPostMessage", "inputs": {"connection": "teams", "text": "old"}, "runAfter": {}}}}}
JSON
  # The app reads tmux's set-clipboard when it starts: it starts a second after the option is set to on.
  e2e_start "$1" "$2" "sleep 1; $(e2e_app_command "$BIN" "$HOME_DIR")"
  "${TMUX_CMD[@]}" set-option -g set-clipboard on >/dev/null
  wait_for_text "Flows" 15 || fail "the app did not start at $1x$2"
  keys Down Down Enter
  wait_for_text "Alert" 10 || fail "Flows list at $1x$2"
  keys Enter
  wait_for_text "Post_message" 10 || fail "canvas at $1x$2"
  keys Down Enter
  wait_for_text "Step name" 5 || fail "the step form at $1x$2"
  keys Tab Tab Tab
  wait_for_text "F2 editor" 5 || fail "the Message field offers the editor at $1x$2"
  keys F2
  wait_for_text "characters" 5 || fail "F2 opens the editor at $1x$2"
  # Select everything (Ctrl-Shift-End from the start) and paste over it, bracketed.
  keys C-S-End
  "${TMUX_CMD[@]}" load-buffer -b body "$WORK/body.txt"
  "${TMUX_CMD[@]}" paste-buffer -p -b body -t e2e
  wait_for_text "See the run." 5 || fail "the paste shows at $1x$2"
  wait_for_text "line 3, column 13" 5 || fail "the paste keeps its newlines (3 lines) at $1x$2"
  wait_for_text "@{triggerBody()?['dataSourceName']} failed." 5 || fail "the token line at $1x$2"
  keys C-Left C-Left
  wait_for_text "line 3, column 9" 5 || fail "Ctrl-← moves by word at $1x$2"
  keys S-Left S-Left S-Left S-Left
  typed "our "
  wait_for_text "See our run." 5 || fail "Shift-← selects and typing replaces at $1x$2"
  # Alt-W copies the selection inside the app and to the terminal's clipboard (OSC 52: tmux's newest buffer here).
  keys S-Left S-Left S-Left S-Left M-w
  until_true 5 sh -c "'${TMUX_CMD[0]}' -L '$SOCKET' show-buffer 2>/dev/null | grep -qx 'our '" \
    || fail "Alt-W puts the selection on tmux's clipboard at $1x$2: $("${TMUX_CMD[@]}" show-buffer 2>&1 | head -2)"
  keys F1
  wait_for_text "Keys: Message" 5 || fail "F1 shows the editor's keys at $1x$2"
  wait_for_text "Ctrl-Space sets" 5 || fail "the help lists selection at $1x$2"
  esc 1
  wait_for_text "See our run." 5 || fail "Esc closes the help at $1x$2"
  "${TMUX_CMD[@]}" resize-window -t e2e -x 70 -y 20 2>/dev/null
  sleep 0.3
  wait_for_text "See our run." 5 || fail "the text survives a resize at $1x$2"
  "${TMUX_CMD[@]}" resize-window -t e2e -x "$1" -y "$2" 2>/dev/null
  esc 1
  wait_for_text "Step name" 5 || fail "Esc goes back to the form at $1x$2"
  wait_for_text "See our run." 5 || fail "the field shows the text's end at $1x$2"
  keys C-s
  wait_for_text "Saved" 5 || fail "Ctrl-S saves at $1x$2"
  EXPECTED="$EXPECTED" until_true 5 python3 -c "
import json, os, sys
flow = json.load(open('$HOME_DIR/flows/alert.json'))
sys.exit(0 if flow['definition']['actions']['Post_message']['inputs']['text'] == os.environ['EXPECTED'] else 1)" \
    || fail "the flow file holds the edited text at $1x$2: $(grep -o '"text": *"[^}]*' "$HOME_DIR/flows/alert.json" | head -3)"
  e2e_kill_tmux
done

if [ "$FAILURES" -gt 0 ]; then echo "text-editor-e2e: $FAILURES failure(s)"; exit 1; fi
echo "text-editor-e2e: ok"
