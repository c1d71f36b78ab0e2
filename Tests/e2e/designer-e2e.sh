#!/usr/bin/env bash
# End-to-end test of the terminal designer in a real terminal (tmux), at 80x24 and 120x40:
# Admin > Export destinations > Power Automate > Configure, pick "When a data source refresh fails", add
# "Post a message in a Teams channel" with dynamic content in its text, save, check the file with
# `insightflow flow show ID --json`, reopen, edit, save, check the change, quit.
# Usage: Tests/e2e/designer-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -uo pipefail

BIN="${1:-${INSIGHTFLOW_BIN:-$(cd "$(dirname "$0")/../.." && pwd)/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$(dirname "$0")/lib/tmux.sh"
e2e_init e2e

cleanup() {
  e2e_kill_tmux
  rm -rf "$WORK"
}
trap cleanup EXIT

# This script waits for literal text.
wait_for() { wait_for_text "$@"; }

# After a save the checker's issues list may open above the canvas; close it.
close_issues() {
  sleep 0.2
  if screen | head -1 | grep -qF "Issues"; then keys Escape; wait_for "Canvas"; fi
}

step() {
  local expect="$1"; shift
  keys "$@"
  wait_for "$expect" || { fail "expected '$expect' after keys: $*"; return 1; }
}

json_check() {
  # json_check ID PYTHON-EXPRESSION-ON-d DESCRIPTION
  local id="$1" expression="$2" description="$3"
  local json
  if ! json="$("$BIN" flow show "$id" --json --home "$HOME_DIR" 2>&1)"; then
    fail "flow show $id failed: $json"; return 1
  fi
  if ! printf '%s' "$json" | python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if ($expression) else 1)"; then
    fail "$description"; echo "$json" | head -40; return 1
  fi
}

run_at() {
  local width="$1" height="$2"
  HOME_DIR="$WORK/home-${width}x${height}"
  mkdir -p "$HOME_DIR"
  printf '{"connections":{"teams":{"kind":"teams","webhookUrl":"https://teams.example.invalid/hook"}}}\n' > "$HOME_DIR/connections.json"
  chmod 600 "$HOME_DIR/connections.json"
  "${TMUX_CMD[@]}" kill-server >/dev/null 2>&1 || true
  "${TMUX_CMD[@]}" new-session -d -s e2e -x "$width" -y "$height" \
    "env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '$BIN' --home '$HOME_DIR'; sleep 0.5"
  "${TMUX_CMD[@]}" set-option -g escape-time 10 >/dev/null
  "${TMUX_CMD[@]}" set-option -g remain-on-exit off >/dev/null

  wait_for "Monitor" 15 || { fail "${width}x${height}: home screen did not appear"; return; }
  step "Export destinations" Down Enter || return
  step "Power Automate" Down Enter || return
  step "Customer Insights triggers" Enter || return
  step "Flow name" Enter || return
  step "Canvas" Enter || return
  step "Add a step" a || return
  typed "teams"
  wait_for "Post a message in a Teams channel" || { fail "step picker filter"; return; }
  step "Message *" Enter || return
  keys Tab Tab Tab
  typed "Refresh failed: "
  step "Dynamic content" C-d || return
  typed "source name"
  wait_for "Data source name" || { fail "dynamic content filter"; return; }
  step "Refresh failed: @{triggerBody()?['dataSourceName']}" Enter || return
  step "via teams" Enter || return
  step "Saved" C-s || return
  close_issues

  local id
  id="$(ls -t "$HOME_DIR/flows" | grep '\.json$' | grep -v -e '^teams-refresh-failed.json$' -e '^email-segment-threshold.json$' | head -1 | sed 's/\.json$//')"
  [ -n "$id" ] || { fail "${width}x${height}: no flow file was written"; return; }
  json_check "$id" "d['definition']['triggers'][next(iter(d['definition']['triggers']))]['type']=='DataSourceRefreshFailed'" "trigger type" || return
  json_check "$id" "any(a['type']=='TeamsPostMessage' and a['inputs']['text']==\"Refresh failed: @{triggerBody()?['dataSourceName']}\" for a in d['definition']['actions'].values())" "Teams step with dynamic content" || return

  step "Your flows on this trigger (2)" Escape || return
  step "Canvas" Tab Enter || return
  step "Step name" Down e || return
  keys Tab Tab Tab End
  typed " (edited)"
  step "(edited)" Enter || return
  step "Saved" C-s || return
  close_issues
  json_check "$id" "any(a['inputs']['text'].endswith('(edited)') for a in d['definition']['actions'].values()) and d['version']==2" "edited text saved as version 2" || return

  "${TMUX_CMD[@]}" resize-window -t e2e -x $((width + 10)) -y $((height + 2)) >/dev/null 2>&1 && {
    sleep 0.3
    local last
    last="$(screen | sed -n "$((height + 2))p")"
    printf '%s' "$last" | grep -qF "? help" || fail "${width}x${height}: status bar not redrawn on the last row after resize"
  }

  keys Escape
  wait_for "Your flows on this trigger" || { fail "back to the connector page"; return; }
  keys Escape Escape Escape
  wait_for "q quit" || { fail "back to home"; return; }
  keys q
  local waited=0
  while "${TMUX_CMD[@]}" has-session -t e2e 2>/dev/null && [ "$waited" -lt 60 ]; do sleep 0.05; waited=$((waited + 1)); done
  sleep 0.6
  if "${TMUX_CMD[@]}" has-session -t e2e 2>/dev/null; then fail "${width}x${height}: q on home did not quit"; fi
  echo "ok: ${width}x${height}"
}

command -v tmux >/dev/null || { echo "FAIL: tmux is not installed"; exit 1; }
[ -x "$BIN" ] || { echo "FAIL: no insightflow binary at $BIN (build it first)"; exit 1; }

run_at 80 24
run_at 120 40

if [ "$FAILURES" -eq 0 ]; then
  echo "PASS: designer end-to-end (80x24, 120x40)"
  exit 0
fi
echo "FAIL: designer end-to-end ($FAILURES failure(s))"
exit 1
