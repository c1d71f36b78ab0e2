#!/usr/bin/env bash
# End-to-end test of the live screens in a real terminal (tmux, 80x24) on a fresh home whose demo feed refreshes
# the workspace every 20 s: Home > Data shows the refreshes as they happen (the times change while it is open);
# the Flows list cursor moves to the last flow; in the Monitor the selected row stays on its event while newer
# events arrive above it; `/` there types into the find line without running commands; Admin > System's runner
# activity sparklines count the runs the sample flows make, at 80x24 and after a resize to 120x40.
# Usage: Tests/e2e/live-screens-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init live-screens-e2e
HOME_DIR="$WORK/home"

cleanup() {
  e2e_kill_tmux
  rm -rf "$WORK"
}
trap cleanup EXIT

e2e_need_tools "$BIN"

# The line of the screen that starts with the selection pointer (without the scroll indicator column).
selected_line() { screen | grep -E '^(›|>)' | head -1 | cut -c1-70; }
# The "succeeded at HH:MM:SS" time of the CRM contacts source on the Data screen.
crm_time() { screen | grep -F "CRM contacts" | sed -nE 's/.*at ([0-9:]+).*/\1/p' | head -1; }
# The Monitor's event count.
event_count() { screen | sed -nE 's/.*events ([0-9]+).*/\1/p' | head -1; }

e2e_start 80 24 "$(e2e_app_command "$BIN" "$HOME_DIR")"
wait_for "embedded runner" 30 || { fail "the app did not start with its embedded runner"; exit 1; }

# Data: the refresh time changes while the screen is open (the demo feed refreshes every 20 s).
keys Enter
wait_for "CRM contacts +[0-9]+ rows +succeeded at" 40 || fail "Data never showed a refreshed CRM contacts source"
first="$(crm_time)"
until_true 45 bash -c "[ \"\$(tmux -L '$SOCKET' capture-pane -p -t e2e | grep -F 'CRM contacts' | sed -nE 's/.*at ([0-9:]+).*/\1/p' | head -1)\" != '$first' ]" \
  || fail "Data kept showing the refresh of $first while the workspace refreshed again"
esc 1

# Flows: End moves the cursor to the last flow.
keys Down Down Enter
wait_for "flow\(s\)" 10 || fail "the Flows list did not open"
before="$(selected_line)"
keys End
sleep 0.3
[ "$(selected_line)" != "$before" ] || fail "End did not move the Flows list cursor"
esc 1

# Monitor: select the fourth row, wait for newer events, the same row stays selected.
keys End Enter
wait_for "events [1-9]" 40 || fail "the Monitor shows no events"
keys Down Down Down
sleep 0.5
chosen="$(selected_line)"
count="$(event_count)"
until_true 45 bash -c "[ \"\$(tmux -L '$SOCKET' capture-pane -p -t e2e | sed -nE 's/.*events ([0-9]+).*/\1/p' | head -1)\" != '$count' ]" \
  || fail "no new events arrived in 45 s"
sleep 0.5
[ "$(selected_line)" = "$chosen" ] || fail "the selection moved off its event: was '$chosen', now '$(selected_line)'"

# `/` in the Monitor: letters go to the find line (h would open the run history, s a status filter).
keys /
typed "hs"
wait_for "Find: hs" 5 || fail "the find line did not take the letters"
screen | grep -q "filter: none" || fail "a letter typed into the find line changed the filters"
screen | head -1 | grep -q "Runs" && fail "a letter typed into the find line opened the run history"
esc 3

# Admin > System: the last hour's sparklines; the sample flows run within a minute, so runs/s and delivery time rise.
keys Home Down Enter Enter
wait_for "Runner activity, last 40 min" 10 || fail "Admin > System shows no runner activity at 80x24"
wait_for "Delivery ms +[▁▂▃▄▅▆▇█]+ now [0-9.]+ +max (0\\.[0-9]*[1-9]|[1-9])" 90 || fail "the delivery sparkline never showed a delivery"
screen | grep -qE "Runs/s +[▁▂▃▄▅▆▇█]+ now [0-9.]+ +max (0\\.[0-9]*[1-9]|[1-9])" \
  || fail "the runs sparkline shows no run: $(screen | grep 'Runs/s')"
tmux -L "$SOCKET" resize-window -t e2e -x 120 -y 40
wait_for "Runner activity, last 60 min" 10 || fail "after a resize to 120x40 the sparklines did not widen to the hour"
esc 2

if [ "$FAILURES" -eq 0 ]; then echo "PASS: live screens e2e"; exit 0; fi
echo "FAIL: live screens e2e ($FAILURES failure(s))"
exit 1
