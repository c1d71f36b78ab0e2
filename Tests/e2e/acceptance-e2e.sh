#!/usr/bin/env bash
# Issue-8 acceptance test, through the terminal app only (tmux, 120x40), on a fresh temporary home, loopback only:
#  0. setup:  a workspace without sample flows (`insightflow init`); in the app: Admin > System demo feed off and
#             schedule off (so the data only changes when this test changes it), a first full refresh; Admin >
#             Connections: a Teams connection to a local HTTP receiver and an SMTP connection to a local aiosmtpd sink.
#  1. Teams:  the flow made FROM THE TEMPLATE "Post to Teams when a data source refresh fails" (source: Webshop
#             accounts), saved and turned On on the canvas; a broken row in the webshop CSV; Refresh now on that
#             source; exactly one card naming the source and its error; the run Succeeded in the run history.
#  2. Email:  a flow BUILT BY HAND on "When a segment crosses a threshold" (New this month, threshold = current
#             count + 1) with "Send an email" (To, Subject, Body with the segment name and count as dynamic content),
#             saved, turned On in the Flows list; baseline refresh; new customers appended -> one message with the
#             right recipients, subject and body; refresh without crossing -> none; drop below, cross again -> a second.
#  3. Restart: quit (q from home), start again on the same home: both flows listed and unchanged
#             (`flow show --json`), the run history kept (`runs --json` and the app's run history screen).
# Usage: Tests/e2e/acceptance-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init acceptance-e2e
HOME_DIR="$WORK/home"
MAIL_DIR="$WORK/mail"
DATA="$HOME_DIR/workspace/data"
HTTP_PID=""
SMTP_PID=""
FAILED_STEP=""
START_TIME=$SECONDS

TEAMS_NAME="Post to Teams when a data source refresh fails"
TEAMS_ID="post-to-teams-when-a-data-source-refresh-fails"
EMAIL_NAME="Email when New this month grows"
EMAIL_ID="email-when-new-this-month-grows"
SEGMENT="New this month"
RECIPIENTS="owner@example.test; analyst@example.test"
SUBJECT="Segment threshold crossed"
BROKEN_MARK="acceptance-broken-row"

cleanup() {
  e2e_kill_tmux
  exec 3>&- 4>&- 2>/dev/null || true
  if [ -n "$HTTP_PID" ]; then kill "$HTTP_PID" >/dev/null 2>&1 || true; fi
  if [ -n "$SMTP_PID" ]; then kill "$SMTP_PID" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# fail MESSAGE: reports why the current step fails (with the screen) and returns 1.
fail() {
  echo "  error: $*"
  echo "  ----- screen -----"
  screen | sed 's/^/  | /' || true
  echo "  ------------------"
  return 1
}

# need REGEX SECONDS WHAT: waits for REGEX on the screen or fails with WHAT.
need() { wait_for "$1" "$2" || fail "$3 (no line matching '$1')"; }

start_app() {
  "${TMUX_CMD[@]}" kill-server >/dev/null 2>&1 || true
  "${TMUX_CMD[@]}" new-session -d -s e2e -x 120 -y 40 \
    "env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '$BIN' --home '$HOME_DIR'; sleep 0.5"
  "${TMUX_CMD[@]}" set-option -g escape-time 10 >/dev/null
  need "embedded runner" 30 "the app did not start with its embedded runner"
}

# home: back to the home screen, Data selected.
go_home() {
  esc 6
  need "q quit" 5 "did not get back to the home screen" || return 1
  keys Up Up Up Up
  sleep 0.1
}

# Admin > System from anywhere.
open_system() {
  go_home || return 1
  keys Down Enter
  need "› System +Status, Refresh now" 5 "Admin did not open" || return 1
  keys Enter
  need "Schedule:" 10 "Admin > System did not open"
}

# segment_line: the System screen's line of the watched segment.
segment_line() { screen | grep -E "^.Segment +$SEGMENT " | head -1; }
segment_count() { segment_line | sed -nE "s/.*$SEGMENT +([0-9]+) members.*/\1/p"; }
segment_stamp() { segment_line | sed -nE 's/.* at ([0-9:]+).*/\1/p'; }

# refresh_all: Refresh now (all) on the System screen; waits until the segment line shows a newer refresh time.
refresh_all() {
  local before
  before="$(segment_stamp)"
  sleep 1.05 # the screen shows seconds: make the next refresh's time differ from the last
  keys a
  local waited=0
  while [ "$waited" -lt 300 ]; do
    local now
    now="$(segment_stamp)"
    if [ -n "$now" ] && [ "$now" != "$before" ] && screen | grep -qF "Full refresh completed"; then return 0; fi
    sleep 0.1
    waited=$((waited + 1))
  done
  fail "Refresh now (all) did not complete (segment refreshed at '$before' before)"
}

cards() { curl -s "http://127.0.0.1:$HTTP_PORT/_requests?prefix=/teams"; }
card_count() { cards | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
mail_count() { find "$MAIL_DIR" -maxdepth 1 -name '*.json' | wc -l; }
teams_has_cards() { [ "$(card_count)" -ge "$1" ]; }
mail_has() { [ "$(mail_count)" -ge "$1" ]; }

run_count() {
  "$BIN" runs --json --limit 1000 --home "$HOME_DIR" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'
}

# check_mail N COUNT: the Nth message (oldest first) went to the recipients with the subject, and names the segment
# and COUNT in its body.
check_mail() {
  python3 - "$MAIL_DIR" "$1" "$2" "$SEGMENT" "$SUBJECT" "$RECIPIENTS" <<'EOF'
import email, email.policy, json, os, sys
folder, index, count, segment, subject, recipients = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
metas = sorted((os.path.getmtime(os.path.join(folder, n)), n) for n in os.listdir(folder) if n.endswith(".json"))
name = metas[index - 1][1]
meta = json.load(open(os.path.join(folder, name)))
message = email.message_from_bytes(open(os.path.join(folder, name[:-5] + ".eml"), "rb").read(), policy=email.policy.default)
body = message.get_body(("plain", "html")).get_content()
wanted = sorted(r.strip() for r in recipients.split(";"))
problems = []
if sorted(meta["rcptTos"]) != wanted: problems.append(f"envelope recipients {meta['rcptTos']} != {wanted}")
to = sorted(a.addr_spec for a in message["To"].addresses) if message["To"] else []
if to != wanted: problems.append(f"To: {to} != {wanted}")
if str(message["Subject"]) != subject: problems.append(f"Subject: {message['Subject']!r} != {subject!r}")
if segment not in body: problems.append(f"body does not name the segment {segment!r}")
if f" {count} " not in f" {body} ": problems.append(f"body does not give the count {count}")
print(f"    message {index}: To {', '.join(to)}; Subject {message['Subject']!r}; body {body.strip()!r}")
if problems:
    print("    " + "; ".join(problems))
    sys.exit(1)
EOF
}

# ---------------------------------------------------------------------------------------------------------------
step_setup() {
  "$BIN" init --home "$HOME_DIR" >/dev/null || fail "insightflow init failed" || return 1
  start_app || return 1
  keys Down Enter Enter
  need "Schedule:" 10 "Admin > System did not open" || return 1
  need "Demo feed: on" 10 "the demo feed is not shown as on" || return 1
  keys d
  need "Demo feed: off" 10 "the demo feed did not switch off" || return 1
  keys i
  need "Refresh schedule" 5 "the schedule dialog did not open" || return 1
  keys C-u
  typed "0"
  keys Enter
  need "Schedule: off" 10 "the schedule did not switch off" || return 1
  refresh_all || return 1

  # Admin > Connections: add the Teams and the SMTP connections.
  esc 1
  need "› System +Status, Refresh now" 5 "back to Admin" || return 1
  keys Down Down Enter
  need "Connection +Kind" 5 "Admin > Connections did not open" || return 1
  keys a
  need "Which kind" 5 "the add-connection dialog did not open" || return 1
  keys t
  need "New teams connection" 5 "the Teams connection form did not open" || return 1
  typed "Teams"
  keys Tab
  typed "http://127.0.0.1:$HTTP_PORT/teams"
  keys C-s
  need "Teams +teams +webhookUrl=" 5 "the Teams connection is not listed" || return 1
  keys a
  need "Which kind" 5 "the add-connection dialog did not open" || return 1
  keys s
  need "New smtp connection" 5 "the SMTP connection form did not open" || return 1
  typed "Email"
  keys Tab
  typed "127.0.0.1"
  keys Tab C-u
  typed "$SMTP_PORT"
  keys Tab Left Tab # security: starttls -> none
  typed "InsightFlow <insightflow@127.0.0.1>"
  keys C-s
  need "Email +smtp .*host=127.0.0.1 port=$SMTP_PORT security=none" 5 "the SMTP connection is not listed" || return 1
  python3 - "$HOME_DIR/connections.json" "$HTTP_PORT" "$SMTP_PORT" <<'EOF' || fail "connections.json does not hold what the form said" || return 1
import json, sys
c = json.load(open(sys.argv[1]))["connections"]
assert c["Teams"] == {"kind": "teams", "webhookUrl": f"http://127.0.0.1:{sys.argv[2]}/teams"}, c["Teams"]
e = c["Email"]
assert (e["kind"], e["host"], e["port"], e["security"]) == ("smtp", "127.0.0.1", int(sys.argv[3]), "none"), e
EOF
  echo "    connections Teams -> http://127.0.0.1:$HTTP_PORT/teams, Email -> smtp 127.0.0.1:$SMTP_PORT (made in Admin > Connections)"
}

# ---------------------------------------------------------------------------------------------------------------
step_teams() {
  # Admin > Export destinations > Power Automate > Configure > t: the template.
  esc 1
  need "› Connections +Named connections" 5 "back to Admin" || return 1
  keys Up Enter
  need "Power Automate" 5 "Export destinations did not open" || return 1
  keys Enter
  need "Customer Insights triggers" 5 "the connector page did not open" || return 1
  keys t
  need "Start from a template" 5 "the template picker did not open" || return 1
  need "› $TEAMS_NAME" 5 "the Teams template is not the first one" || return 1
  keys Enter
  need "Teams connection \*" 5 "the template form did not open" || return 1
  keys Tab Tab Right Right
  need "< Webshop accounts >" 5 "could not choose the Webshop accounts source" || return 1
  wait_for "< Teams >" 1 || fail "the template form does not offer the Teams connection" || return 1
  keys Enter
  need "$TEAMS_NAME +· +Off +· +1 step" 5 "the template did not open on the canvas" || return 1
  need "data source: Webshop accounts" 2 "the canvas does not show the chosen source" || return 1
  keys C-s
  need "Saved \"$TEAMS_NAME\" \(version 1\)" 5 "the flow was not saved" || return 1
  keys o
  need "$TEAMS_NAME +· +On" 5 "o did not turn the flow On" || return 1
  keys C-s
  need "Saved \"$TEAMS_NAME\" \(version 2\)" 5 "the flow was not saved On" || return 1
  "$BIN" flow show "$TEAMS_ID" --json --home "$HOME_DIR" 2>&1 | python3 -c '
import json, sys
d = json.load(sys.stdin)
t = next(iter(d["definition"]["triggers"].values()))
a = d["definition"]["actions"]["Post_message_in_a_chat_or_channel"]
assert d["state"] == "On" and t["type"] == "DataSourceRefreshFailed" and t["inputs"]["dataSource"] == "Webshop accounts", d
assert a["type"] == "TeamsPostMessage" and a["inputs"]["connection"] == "Teams", a
' || fail "the saved Teams flow is not the template's, On, on Webshop accounts" || return 1

  # Break the webshop source and Refresh now on it (the second source line of Admin > System).
  open_system || return 1
  printf 'w99999,Broken Row %s,broken@example.com,0,not-a-date\n' "$BROKEN_MARK" >> "$DATA/webshop_accounts.csv"
  keys Up Up Up Up Up Up Up Up Down
  need "›Source +Webshop accounts" 5 "could not select the Webshop accounts source" || return 1
  keys Enter
  need "Source +Webshop accounts .*failed" 20 "the System screen does not show the failed refresh" || return 1
  until_true 20 teams_has_cards 1 || fail "the receiver got no Teams card" || return 1
  sleep 2 # a duplicate (a second firing or a retry) would arrive within this time
  local n
  n="$(card_count)"
  [ "$n" -eq 1 ] || fail "the receiver got $n cards, expected exactly 1: $(cards)" || return 1

  # The run: Succeeded; the card names the source and the error the trigger carried.
  local runs
  runs="$("$BIN" runs --json --flow "$TEAMS_ID" --home "$HOME_DIR")"
  local run_id
  run_id="$(printf '%s' "$runs" | python3 -c '
import json, sys
r = json.load(sys.stdin)
if len(r) == 1 and r[0]["status"] == "Succeeded": print(r[0]["id"])')"
  [ -n "$run_id" ] || fail "expected one Succeeded run of the Teams flow: $runs" || return 1
  "$BIN" runs show "$run_id" --json --home "$HOME_DIR" | python3 -c '
import json, sys
run = json.load(sys.stdin)
card = json.loads(json.loads(sys.argv[1])[0]["body"])
content = card["attachments"][0]["content"]
texts = " ".join(b.get("text", "") for b in content["body"])
error = run["triggerOutputs"]["body"]["errorMessage"]
assert run["triggerOutputs"]["body"]["dataSourceName"] == "Webshop accounts", run["triggerOutputs"]
assert error and "Webshop accounts" in texts and error in texts, (error, texts)
print(f"    card: {texts!r}")
' "$(cards)" || fail "the card does not name Webshop accounts and its error" || return 1

  # The Monitor's run history shows the run Succeeded.
  go_home || return 1
  keys Down Down Down Enter
  need "InsightFlow › Monitor" 5 "the Monitor did not open" || return 1
  keys h
  need "Succeeded +$TEAMS_NAME.*Webshop|Succeeded +Post to Teams.*Webshop" 15 "the run history does not show the Succeeded run" || return 1

  # Repair the source for the next part.
  grep -v "$BROKEN_MARK" "$DATA/webshop_accounts.csv" > "$WORK/webshop.csv" && cat "$WORK/webshop.csv" > "$DATA/webshop_accounts.csv"
}

# ---------------------------------------------------------------------------------------------------------------
append_customers() {
  local today
  today="$(date -u +%Y-%m-%d)"
  for i in 1 2 3; do
    printf 'acc%s,Acceptance Person%s,acceptance.person%s@example.test,0179%07d,%s\n' "$i" "$i" "$i" "$((4242420 + i))" "$today" >> "$DATA/webshop_accounts.csv"
  done
}
remove_customers() {
  grep -v '^acc[0-9],Acceptance Person' "$DATA/webshop_accounts.csv" > "$WORK/webshop.csv" && cat "$WORK/webshop.csv" > "$DATA/webshop_accounts.csv"
}

step_email() {
  # The baseline: a full refresh with the source repaired; the segment's count now.
  open_system || return 1
  refresh_all || return 1
  BASE="$(segment_count)"
  [ -n "$BASE" ] || fail "cannot read the count of $SEGMENT on the System screen" || return 1
  THRESHOLD=$((BASE + 1))
  echo "    $SEGMENT has $BASE members; threshold $THRESHOLD"

  # Build the flow by hand: connector page > When a segment crosses a threshold.
  esc 1
  need "› System +Status, Refresh now" 5 "back to Admin" || return 1
  keys Down Enter
  need "Power Automate" 5 "Export destinations did not open" || return 1
  keys Enter
  need "Customer Insights triggers" 5 "the connector page did not open" || return 1
  keys Down Down
  need "› When a segment crosses a threshold" 5 "could not select the segment trigger" || return 1
  keys Enter
  need "New flow: When a segment crosses a threshold" 5 "the trigger form did not open" || return 1
  keys C-u
  typed "$EMAIL_NAME"
  keys Tab Right Right
  need "< $SEGMENT >" 5 "could not choose the segment" || return 1
  keys Tab C-u
  typed "$THRESHOLD"
  keys Enter
  need "$EMAIL_NAME +· +Off +· +0 step" 5 "the new flow did not open on the canvas" || return 1
  need "segment $SEGMENT > $THRESHOLD" 2 "the trigger card does not show the segment and threshold" || return 1
  keys a
  need "Add a step|Choose an action" 5 "the step picker did not open" || return 1
  typed "email"
  need "› Send an email" 5 "the step picker does not offer Send an email" || return 1
  keys Enter
  need "To \*" 5 "the Send an email form did not open" || return 1
  need "< Email >" 2 "the form did not pick the Email connection" || return 1
  keys Tab Tab
  typed "$RECIPIENTS"
  keys Tab Tab Tab
  typed "$SUBJECT"
  keys Tab
  need "› Body \*" 2 "the Body field is not focused" || return 1
  typed "Segment "
  keys C-d
  need "Dynamic content" 5 "the dynamic content picker did not open" || return 1
  typed "segment name"
  need "› Segment name" 5 "the dynamic content has no Segment name" || return 1
  keys Enter
  need "Segment @\{triggerBody\(\)\?\['segmentName'\]\}" 5 "Segment name was not inserted" || return 1
  typed " now has "
  keys C-d
  need "Dynamic content" 5 "the dynamic content picker did not open" || return 1
  typed "current member"
  need "› Current member count" 5 "the dynamic content has no Current member count" || return 1
  keys Enter
  need "now has @\{triggerBody\(\)\?\['currentCount'\]\}" 5 "Current member count was not inserted" || return 1
  typed " members."
  keys Enter
  need "$EMAIL_NAME +· +Off +· +1 step" 5 "the email step is not on the canvas" || return 1
  need "to $RECIPIENTS: \"$SUBJECT\"" 2 "the email card does not show recipients and subject" || return 1
  keys C-s
  need "Saved \"$EMAIL_NAME\" \(version 1\)" 5 "the email flow was not saved" || return 1

  # Turn it On in the Flows list (sorted by name: it is the first row).
  go_home || return 1
  keys Down Down Enter
  need "2 of 2 flow\(s\)" 5 "the Flows list does not show both flows" || return 1
  need "›$EMAIL_NAME +When a segment.* Off " 5 "the email flow is not the selected row, Off" || return 1
  keys o
  need "›$EMAIL_NAME +When a segment.* On " 5 "o in the Flows list did not turn the email flow On" || return 1
  "$BIN" flow show "$EMAIL_ID" --json --home "$HOME_DIR" 2>&1 | python3 -c '
import json, sys
d = json.load(sys.stdin)
t = next(iter(d["definition"]["triggers"].values()))
a = list(d["definition"]["actions"].values())
assert d["state"] == "On" and t["type"] == "SegmentThresholdCrossed", d
assert t["inputs"] == {"segment": sys.argv[1], "threshold": int(sys.argv[2])}, t
assert len(a) == 1 and a[0]["type"] == "SendEmail", a
i = a[0]["inputs"]
assert i["connection"] == "Email" and i["to"] == sys.argv[3] and i["subject"] == sys.argv[4], i
assert i["body"] == "Segment @{triggerBody()?[\x27segmentName\x27]} now has @{triggerBody()?[\x27currentCount\x27]} members.", i
' "$SEGMENT" "$THRESHOLD" "$RECIPIENTS" "$SUBJECT" || fail "the saved email flow is not what the designer was told" || return 1

  # Baseline after On (no crossing), then cross.
  open_system || return 1
  refresh_all || return 1
  [ "$(segment_count)" = "$BASE" ] || fail "the segment count changed without new data" || return 1
  append_customers
  refresh_all || return 1
  local crossed=$((BASE + 3))
  [ "$(segment_count)" = "$crossed" ] || fail "$SEGMENT did not grow to $crossed" || return 1
  until_true 20 mail_has 1 || fail "no message arrived after $SEGMENT crossed $THRESHOLD" || return 1
  sleep 1.5 # a duplicate would arrive within this time
  [ "$(mail_count)" -eq 1 ] || fail "expected exactly 1 message, got $(mail_count)" || return 1
  check_mail 1 "$crossed" || fail "the first message is not right" || return 1

  # Refresh again without crossing: no second message.
  refresh_all || return 1
  sleep 2
  [ "$(mail_count)" -eq 1 ] || fail "a refresh without crossing sent another message ($(mail_count))" || return 1
  echo "    refresh without crossing: still 1 message"

  # Drop below, then cross again: a second message.
  remove_customers
  refresh_all || return 1
  [ "$(segment_count)" = "$BASE" ] || fail "$SEGMENT did not drop back to $BASE" || return 1
  sleep 1
  [ "$(mail_count)" -eq 1 ] || fail "dropping below sent a message ($(mail_count))" || return 1
  append_customers
  refresh_all || return 1
  until_true 20 mail_has 2 || fail "no second message after crossing again" || return 1
  sleep 1.5
  [ "$(mail_count)" -eq 2 ] || fail "expected exactly 2 messages, got $(mail_count)" || return 1
  check_mail 2 "$crossed" || fail "the second message is not right" || return 1
  local n
  n="$(card_count)"
  [ "$n" -eq 1 ] || fail "the Teams receiver now has $n cards (expected still 1)" || return 1
  local runs
  runs="$("$BIN" runs --json --flow "$EMAIL_ID" --home "$HOME_DIR")"
  printf '%s' "$runs" | python3 -c 'import json,sys; r=json.load(sys.stdin); sys.exit(0 if len(r)==2 and all(x["status"]=="Succeeded" for x in r) else 1)' \
    || fail "expected two Succeeded runs of the email flow: $runs" || return 1
}

# ---------------------------------------------------------------------------------------------------------------
step_restart() {
  local before_teams before_email before_runs
  before_teams="$("$BIN" flow show "$TEAMS_ID" --json --home "$HOME_DIR")" || fail "flow show $TEAMS_ID failed" || return 1
  before_email="$("$BIN" flow show "$EMAIL_ID" --json --home "$HOME_DIR")" || fail "flow show $EMAIL_ID failed" || return 1
  before_runs="$(run_count)"
  go_home || return 1
  keys q
  for _ in $(seq 1 100); do "${TMUX_CMD[@]}" has-session -t e2e 2>/dev/null || break; screen | grep -q "embedded runner" || break; sleep 0.05; done
  screen | grep -q "embedded runner" && { fail "q on home did not quit"; return 1; }
  for _ in $(seq 1 40); do "${TMUX_CMD[@]}" has-session -t e2e 2>/dev/null || break; sleep 0.05; done

  start_app || return 1
  need "2 flow\(s\)" 10 "the restarted app does not count 2 flows" || return 1
  # Keep the restarted app's demo feed from touching the data (it is not saved; the schedule off is).
  keys Down Enter Enter
  need "Schedule: off" 10 "the schedule is not off after the restart" || return 1
  if screen | grep -q "Demo feed: on"; then keys d; need "Demo feed: off" 10 "the demo feed did not switch off" || return 1; fi
  go_home || return 1
  keys Down Down Enter
  need "2 of 2 flow\(s\)" 5 "the Flows list does not show both flows after the restart" || return 1
  need "$EMAIL_NAME +When a segment.* On " 5 "the email flow is not listed On" || return 1
  need "Post to Teams when a data source refr.* On " 5 "the Teams flow is not listed On" || return 1
  [ "$("$BIN" flow show "$TEAMS_ID" --json --home "$HOME_DIR")" = "$before_teams" ] || fail "the Teams flow changed across the restart" || return 1
  [ "$("$BIN" flow show "$EMAIL_ID" --json --home "$HOME_DIR")" = "$before_email" ] || fail "the email flow changed across the restart" || return 1
  local after_runs
  after_runs="$(run_count)"
  [ "$after_runs" = "$before_runs" ] || fail "runs --json: $before_runs runs before the restart, $after_runs after" || return 1
  go_home || return 1
  keys Down Down Down Enter
  need "InsightFlow › Monitor" 5 "the Monitor did not open" || return 1
  keys h
  need "^ *$before_runs run\(s\) of all flows" 15 "the run history screen does not show the $before_runs runs" || return 1
  need "Succeeded +Email when New" 5 "the run history does not show the email runs" || return 1
  need "Succeeded +Post to Teams" 5 "the run history does not show the Teams run" || return 1
  echo "    after restart: 2 flows unchanged, $after_runs runs in the history"
  go_home || return 1
  keys q
  for _ in $(seq 1 60); do "${TMUX_CMD[@]}" has-session -t e2e 2>/dev/null || break; sleep 0.05; done
}

# ---------------------------------------------------------------------------------------------------------------
[ -x "$BIN" ] || { echo "FAIL: no insightflow binary at $BIN (build it first)"; exit 1; }
command -v tmux >/dev/null || { echo "FAIL: tmux is not installed"; exit 1; }
command -v curl >/dev/null || { echo "FAIL: curl is not installed"; exit 1; }

# The local Teams receiver and SMTP sink: each prints "PORT n" and exits when its stdin closes.
mkdir -p "$MAIL_DIR"
mkfifo "$WORK/http-in" "$WORK/smtp-in"
python3 "$ROOT/Tests/support/http_sink.py" < "$WORK/http-in" > "$WORK/http.out" 2>"$WORK/http.err" &
HTTP_PID=$!
exec 3>"$WORK/http-in"
python3 "$ROOT/Tests/support/smtp_sink.py" "$MAIL_DIR" plain < "$WORK/smtp-in" > "$WORK/smtp.out" 2>"$WORK/smtp.err" &
SMTP_PID=$!
exec 4>"$WORK/smtp-in"
for _ in $(seq 1 100); do grep -q '^PORT ' "$WORK/http.out" 2>/dev/null && grep -q '^PORT ' "$WORK/smtp.out" 2>/dev/null && break; sleep 0.05; done
HTTP_PORT="$(sed -n 's/^PORT //p' "$WORK/http.out" | head -1)"
SMTP_PORT="$(sed -n 's/^PORT //p' "$WORK/smtp.out" | head -1)"
[ -n "$HTTP_PORT" ] || { echo "FAIL: the HTTP receiver did not start: $(cat "$WORK/http.err")"; exit 1; }
[ -n "$SMTP_PORT" ] || { echo "FAIL: the SMTP sink did not start: $(cat "$WORK/smtp.err")"; exit 1; }
mkdir -p "$HOME_DIR"

run_step() {
  local name="$1" function="$2"
  if [ -n "$FAILED_STEP" ]; then echo "SKIP: $name (after a failure)"; return; fi
  echo "-- $name"
  if "$function"; then
    echo "PASS: $name ($((SECONDS - START_TIME)) s)"
  else
    echo "FAIL: $name"
    FAILED_STEP="$name"
  fi
}

run_step "0 setup: demo feed and schedule off, connections made in Admin > Connections" step_setup
run_step "1 Teams flow from the template: one card for the failed source, run Succeeded" step_teams
run_step "2 email flow by hand: threshold crossings send exactly the expected messages" step_email
run_step "3 restart: flows unchanged, run history kept" step_restart

if [ -z "$FAILED_STEP" ]; then
  echo "PASS: acceptance e2e ($((SECONDS - START_TIME)) s)"
  exit 0
fi
echo "FAIL: acceptance e2e (step '$FAILED_STEP')"
exit 1
