#!/usr/bin/env bash
# The step clipboard in a real terminal (issue #18): the cloud designer's "Copy to my clipboard" JSON pasted into the
# canvas with bracketed paste becomes a Send email step; `Y` puts the selected step's code-view JSON on tmux's
# clipboard with OSC 52; `y` then `p` in another flow pastes through <home>/clipboard.json — at 120×40 and 80×24.
# Usage: Tests/e2e/clipboard-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init clipboard-e2e
e2e_need_tools "$BIN"
cleanup() { e2e_kill_tmux; rm -rf "$WORK"; }
trap cleanup EXIT

cat > "$WORK/cloud.json" <<'JSON'
{"id":"3f2a-11","operationName":"Send_an_email_(V2)","operationDefinition":{"type":"OpenApiConnection","inputs":{"host":{"connectionName":"shared_office365","operationId":"SendEmailV2","apiId":"/providers/Microsoft.PowerApps/apis/shared_office365"},"parameters":{"emailMessage/To":"owner@example.com","emailMessage/Subject":"Refresh failed","emailMessage/Body":"<p>See the run</p>"}},"runAfter":{}}}
JSON

for size in "120 40" "80 24"; do
  set -- $size
  HOME_DIR="$WORK/home-$1"
  mkdir -p "$HOME_DIR/flows"
  for id in first second; do
    cat > "$HOME_DIR/flows/$id.json" <<JSON
{"id": "$id", "displayName": "Flow $id", "state": "Off", "version": 1, "definition": {
  "triggers": {"manual": {"type": "Request", "kind": "Button"}},
  "actions": {"Start_$id": {"type": "Compose", "inputs": "start", "runAfter": {}}}}}
JSON
  done
  # The app reads tmux's set-clipboard when it starts: it starts a second after the option is set to on.
  e2e_start "$1" "$2" "sleep 1; $(e2e_app_command "$BIN" "$HOME_DIR")"
  "${TMUX_CMD[@]}" set-option -g set-clipboard on >/dev/null
  wait_for_text "Flows" 15 || fail "the app did not start at $1x$2"
  keys Down Down Enter
  wait_for_text "Flow first" 10 || fail "Flows list at $1x$2"
  keys Enter
  wait_for_text "Start_first" 10 || fail "canvas at $1x$2"
  keys Down
  # Bracketed paste (-p) of the cloud designer's clipboard JSON.
  "${TMUX_CMD[@]}" load-buffer -b cloud "$WORK/cloud.json"
  "${TMUX_CMD[@]}" paste-buffer -p -b cloud -t e2e
  wait_for_text "Send_an_email__V2" 5 || fail "the pasted cloud action becomes a step at $1x$2"
  wait_for_text "Send an email" 5 || fail "it is a Send email card at $1x$2"
  # OSC 52: Y copies the selected (pasted) step's code-view JSON to the terminal's clipboard (tmux's buffer here).
  keys Y
  # The status line ("Sent … (OSC 52; tmux keeps it as a paste buffer …)") wraps at 80 columns.
  wait_for_text "tmux keeps it" 5 || fail "Y says what it sent and that tmux (set-clipboard on) passes it on at $1x$2"
  until_true 5 sh -c "'${TMUX_CMD[0]}' -L '$SOCKET' show-buffer 2>/dev/null | grep -q '\"operationId\": \"SendEmailV2\"'" \
    || fail "tmux's clipboard holds the step as the cloud's action at $1x$2: $("${TMUX_CMD[@]}" show-buffer 2>&1 | head -5)"
  # y in this flow, p in the other: through the home's clipboard file.
  keys y
  wait_for_text "Copied Send_an_email__V2:" 5 || fail "y copies at $1x$2"
  until_true 5 test -f "$HOME_DIR/clipboard.json" || fail "the clipboard is a file in the home at $1x$2"
  keys C-s
  wait_for_text "Saved" 5 || fail "Ctrl-S saves at $1x$2"
  # Back to the Flows list: out of the saved flow's issues (its connection is unknown here), then the canvas.
  for _ in 1 2 3; do screen | grep -q "Flow second" && break; esc 1 0.3; done
  wait_for_text "Flow second" 10 || fail "back on the Flows list at $1x$2"
  keys Down Enter
  wait_for_text "Start_second" 10 || fail "the second flow's canvas at $1x$2"
  keys Down p
  wait_for_text "Pasted Send_an_email__V2" 5 || fail "p pastes into another flow at $1x$2"
  keys '?'
  wait_for_text "Keys: Canvas" 5 || fail "help opens at $1x$2"
  esc 1
  wait_for_text "Start_second" 5 || fail "Esc closes the help at $1x$2"
  e2e_kill_tmux
done

if [ "$FAILURES" -gt 0 ]; then echo "clipboard-e2e: $FAILURES failure(s)"; exit 1; fi
echo "clipboard-e2e: ok"
