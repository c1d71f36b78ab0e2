#!/usr/bin/env bash
# Run search in a real terminal: a home with runs made by the CLI (one failing on "zebra stampede"), the run history
# opened from the palette at 120×40; `f` keeps the failed runs, `s zebra Enter` finds the run whose step output
# holds the word, `c` clears, `m` / `d` compare two runs step by step; at 80×24 after a resize `?` lists the keys;
# the CLI answers the same filters. Usage: Tests/e2e/run-search-e2e.sh [path/to/insightflow]
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init run-search-e2e
e2e_need_tools "$BIN"
HOME_DIR="$WORK/home"
cleanup() { e2e_kill_tmux; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$HOME_DIR/flows"
cat > "$HOME_DIR/flows/alerts.json" <<'JSON'
{"id": "alerts", "displayName": "Alerts", "state": "Off", "version": 1, "definition": {
  "triggers": {"When_a_refresh_fails": {"type": "DataSourceRefreshFailed", "inputs": {"dataSource": "any"}}},
  "actions": {"Describe": {"type": "Compose", "inputs": "source @{triggerBody()?['dataSourceName']} said @{triggerBody()?['errorMessage']}", "runAfter": {}},
              "Divide": {"type": "Compose", "inputs": "@div(10, int(triggerBody()?['errorCode']))", "runAfter": {"Describe": ["Succeeded"]}}}}}
JSON
"$BIN" flow enable alerts --home "$HOME_DIR" >/dev/null || fail "enable the flow"
for i in 1 2 3 4; do
  "$BIN" emit DataSourceRefreshFailed --field "dataSourceName=Source$i" --field "errorMessage=disk full $i" --field errorCode=5 --home "$HOME_DIR" >/dev/null
done
"$BIN" emit DataSourceRefreshFailed --field dataSourceName=Loyalty --field "errorMessage=zebra stampede" --field errorCode=0 --home "$HOME_DIR" >/dev/null
"$BIN" emit DataSourceRefreshFailed --field dataSourceName=Webshop --field "errorMessage=timeout" --field errorCode=0 --home "$HOME_DIR" >/dev/null

# The CLI's filters first.
[ "$("$BIN" runs --home "$HOME_DIR" --status failed --json | grep -c '"id"')" = 2 ] || fail "runs --status failed lists the 2 failed runs"
"$BIN" runs --home "$HOME_DIR" --search zebra | grep -q Loyalty || fail "runs --search zebra finds the Loyalty run"
bad=$("$BIN" runs --home "$HOME_DIR" --since 2x 2>&1)
grep -q -- "--since: cannot read '2x'" <<< "$bad" || fail "a bad --since names the option: $bad"

e2e_start 120 40 "$(e2e_app_command "$BIN" "$HOME_DIR")"
wait_for_text "Flows" 15 || fail "the app did not start"
keys :
sleep 0.3
typed "runs"
sleep 0.3
keys Enter
wait_for "run\(s\) of all flows · filter: none" 10 || fail "the run history opens from the palette"
wait_for_text "Loyalty" 5 || fail "the runs are listed"
keys f
wait_for "2 run\(s\) of all flows · filter: failed" 5 || fail "f keeps the failed runs"
wait_for_text "Succeeded" 1 && fail "no succeeded run is listed with f"
keys s
wait_for_text "Search steps:" 5 || fail "s opens the search line"
typed "zebra"
keys Enter
wait_for "1 run\(s\) of all flows · filter: failed · \"zebra\"" 5 || fail "the search narrows to the zebra run"
wait_for_text "Loyalty" 5 || fail "the zebra run is the Loyalty one"
keys x
wait_for "filter: none" 5 || fail "x clears the filters"
keys End
sleep 0.2
keys m
wait_for "marked [0-9a-f]{8}" 5 || fail "m marks the run"
keys Up
keys d
wait_for "step\(s\) differ" 10 || fail "d compares the two runs"
wait_for_text "Second:" 5 || fail "both runs are described"
"${TMUX_CMD[@]}" resize-window -t e2e -x 80 -y 24 2>/dev/null
sleep 0.5
wait_for "step\(s\) differ" 5 || fail "the comparison is redrawn at 80×24"
esc 1
wait_for "filter: none" 5 || fail "Esc goes back to the run history"
keys '?'
wait_for_text "compare the marked run" 5 || fail "? lists the run history keys"
esc 1
keys G
sleep 0.3
wait_for "filter: none" 5 || fail "the list still shows after moving to the end"

if [ "$FAILURES" -gt 0 ]; then echo "run-search-e2e: $FAILURES failure(s)"; exit 1; fi
echo "run-search-e2e: ok"
