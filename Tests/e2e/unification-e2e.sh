#!/usr/bin/env bash
# End-to-end test of Data > Unification in a real terminal (tmux, 80x24, then 120x40) on a fresh sample home: the
# match statistics per rule appear once the embedded runner's first refresh is done; a why lookup of two records
# of one profile says they are together and which rule matched; a reference naming no source is refused with the
# list of sources; `?` lists the screen's keys; after a resize the statistics are still there; Esc backs out.
# Usage: Tests/e2e/unification-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
# shellcheck source=lib/tmux.sh
source "$ROOT/Tests/e2e/lib/tmux.sh"
e2e_init unification-e2e
HOME_DIR="$WORK/home"

cleanup() {
  e2e_kill_tmux
  rm -rf "$WORK"
}
trap cleanup EXIT

e2e_need_tools "$BIN"

e2e_start 80 24 "$(e2e_app_command "$BIN" "$HOME_DIR")"
wait_for "embedded runner" 30 || { fail "the app did not start with its embedded runner"; exit 1; }

# Home > Data > Unification (u): the statistics table of the sample's two exact rules.
keys Enter
wait_for "Unification" 10 || fail "Data did not open"
keys u
wait_for "Data › Unification|Data > Unification" 10 || fail "u did not open Data > Unification"
wait_for "Last unification .*: [0-9]+ records → [0-9]+ profiles" 60 || fail "no match statistics after the first refresh"
wait_for "Email +match +- +[0-9]+ +[0-9]+ +0" 5 || fail "the Email rule's row is missing or malformed"
wait_for "Name and phone +match" 5 || fail "the Name and phone rule's row is missing"

# Why: two records of one profile (as `workspace why` in the CLI tests).
keys w
wait_for "Why together or apart" 5 || fail "w did not ask for two records"
typed "CRM contacts:59 Loyalty members:L1058"
keys Enter
wait_for "are together in profile" 10 || fail "the why answer did not say together"
wait_for_text "rule 'Name and phone': matches" 5 || fail "the why answer did not name the matching rule"

# A reference naming no source: the dialog stays and says which reference and what the sources are.
keys w C-u
typed "crm:59 Loyalty members:L1058"
keys Enter
wait_for_text "names no customer source 'crm'" 5 || fail "a bad reference was not refused with a clear message"
esc 1

# ? lists the keys declared in the screen's key map.
keys "?"
wait_for_text "why are two records together or apart" 5 || fail "? did not list the why key"
esc 1

# 120x40: the statistics and the answer are still there, the table wider.
"${TMUX_CMD[@]}" resize-window -t e2e -x 120 -y 40
wait_for "Email +match" 5 || fail "after a resize to 120x40 the statistics are gone"
wait_for "are together in profile C" 5 || fail "after a resize the why answer is gone"

esc 1
wait_for "Data sources" 5 || fail "Esc did not go back to Data"

if [ "$FAILURES" -eq 0 ]; then echo "PASS: unification e2e"; exit 0; fi
echo "FAIL: unification e2e ($FAILURES failure(s))"
exit 1
