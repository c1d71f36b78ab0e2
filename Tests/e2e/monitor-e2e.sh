#!/usr/bin/env bash
# End-to-end test of the live screens in a real terminal (tmux, 80x24): a fresh home whose Teams connection points
# at a local HTTP receiver; the sample's refresh-failure flow (made from its template on first start); the demo feed
# switched off in Admin > System; a broken row written into the webshop source; Refresh now on that source; the
# firing and its run in the Monitor, the run Succeeded in the run history, the Teams card at the receiver; then
# attached mode: with `serve` holding the home the app says so and Refresh now goes to the serve.
# Usage: Tests/e2e/monitor-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init monitor-e2e
HOME_DIR="$WORK/home"
SINK_PID=""
SERVE_PID=""

cleanup() {
  e2e_kill_tmux
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" >/dev/null 2>&1 || true; fi
  if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" >/dev/null 2>&1 || true; fi
  exec 3>&- 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# esc N: Escape N times, 0.1 s apart.
esc() { for _ in $(seq 1 "$1"); do keys Escape; sleep 0.1; done; }

expect_screen() {
  local pattern="$1" limit="$2" what="$3"
  wait_for "$pattern" "$limit" || fail "$what (no line matching '$pattern')"
}

finish() {
  if [ "$FAILURES" -eq 0 ]; then echo "PASS: monitor e2e"; exit 0; fi
  echo "FAIL: monitor e2e ($FAILURES failure(s))"
  exit 1
}

e2e_need_tools "$BIN"

# The local Teams receiver: prints "PORT n", records requests, exits when its stdin closes.
mkfifo "$WORK/sink-in"
python3 "$ROOT/Tests/support/http_sink.py" < "$WORK/sink-in" > "$WORK/sink.out" 2>"$WORK/sink.err" &
SINK_PID=$!
exec 3>"$WORK/sink-in"
for _ in $(seq 1 100); do grep -q '^PORT ' "$WORK/sink.out" 2>/dev/null && break; sleep 0.05; done
PORT="$(sed -n 's/^PORT //p' "$WORK/sink.out" | head -1)"
[ -n "$PORT" ] || { echo "FAIL: the HTTP receiver did not start: $(cat "$WORK/sink.err")"; exit 1; }

# A fresh home whose Teams connection posts to the receiver; the first start adds the sample workspace and flows.
mkdir -p "$HOME_DIR"
cat > "$HOME_DIR/connections.json" <<EOF
{"connections": {"Teams": {"kind": "teams", "webhookUrl": "http://127.0.0.1:$PORT/teams"}}}
EOF
chmod 600 "$HOME_DIR/connections.json"

"${TMUX_CMD[@]}" new-session -d -s e2e -x 80 -y 24 \
  "env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '$BIN' --home '$HOME_DIR'; sleep 0.5"
"${TMUX_CMD[@]}" set-option -g escape-time 10 >/dev/null

expect_screen "embedded runner" 30 "the app did not start with its embedded runner" || finish
"$BIN" flow list --home "$HOME_DIR" 2>/dev/null | grep -q "teams-refresh-failed" \
  || fail "the sample refresh-failure flow (from its template) is missing"

# Admin > System: switch the demo feed off so only our broken row fails the source.
keys Down Enter Enter
expect_screen "Schedule:" 10 "Admin > System did not open"
expect_screen "Demo feed: on" 10 "the demo feed is not shown as on"
keys d
expect_screen "Demo feed: off" 10 "the demo feed did not switch off"

# Break the webshop source and Refresh now on it (the second source line).
printf 'w99999,Broken Row,broken@example.com,0,not-a-date\n' >> "$HOME_DIR/workspace/data/webshop_accounts.csv"
keys Up Up Up Up Down Enter
expect_screen "Source +Webshop accounts .*failed" 20 "the System screen does not show the failed refresh"

# The Monitor: the failed refresh and the run it caused.
esc 2
keys Up Up Up Up Down Down Down Enter
expect_screen "Refresh FAILED +Webshop accounts" 15 "the Monitor does not show the failed refresh"
expect_screen "↳ run +Post to Teams.*Succeeded" 30 "the Monitor does not show the run as Succeeded"

# The run history: the run Succeeded with the failed source as its trigger.
keys h
expect_screen "Succeeded +Post to Teams.*Webshop" 15 "the run history does not show the Succeeded run"

# The receiver got the Teams card.
cards="$(curl -s "http://127.0.0.1:$PORT/_requests?prefix=/teams")"
echo "$cards" | python3 -c 'import json,sys; r=json.load(sys.stdin); sys.exit(0 if any("Webshop accounts" in x["body"] for x in r) else 1)' \
  || fail "the receiver got no Teams card about Webshop accounts: $cards"

# Quit cleanly: the runner lock is released.
esc 4
expect_screen "q quit" 5 "did not get back to the home screen"
sleep 0.2
keys q
for _ in $(seq 1 60); do "${TMUX_CMD[@]}" has-session -t e2e 2>/dev/null || break; sleep 0.05; done
screen | grep -q "embedded runner" && fail "the app did not quit"

# Attached mode: with `serve` holding the home, the app attaches, says so, and Refresh now goes to the serve.
SERVE_PORT=$((20000 + RANDOM % 20000))
"$BIN" serve --home "$HOME_DIR" --port "$SERVE_PORT" > "$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 100); do [ -f "$HOME_DIR/runner.json" ] && break; sleep 0.1; done
"${TMUX_CMD[@]}" kill-server >/dev/null 2>&1 || true
"${TMUX_CMD[@]}" new-session -d -s e2e -x 80 -y 24 \
  "env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '$BIN' --home '$HOME_DIR'; sleep 0.5"
"${TMUX_CMD[@]}" set-option -g escape-time 10 >/dev/null
expect_screen "attached to serve \(pid $SERVE_PID\)" 20 "the app did not attach to serve"
keys Down Enter Enter
expect_screen "Schedule:" 10 "Admin > System did not open (attached)"
keys a
expect_screen "by serve" 30 "Refresh now did not go to serve"
kill "$SERVE_PID" >/dev/null 2>&1 || true
wait "$SERVE_PID" 2>/dev/null || true
finish
