# Shared helpers of the tmux end-to-end scripts (sourced, never run: .ci/run runs Tests/e2e/*.sh only).
# A script sets nothing before sourcing; it calls e2e_init NAME, then uses screen/keys/typed/esc/wait_for/...
# and, in its own cleanup, e2e_kill_tmux.

# e2e_init NAME: the tmux socket (private to this run), the tmux command and a temporary work folder ($WORK).
e2e_init() {
  SOCKET="insightflow-$1-$$"
  TMUX_CMD=(tmux -L "$SOCKET" -f /dev/null)
  WORK="$(mktemp -d)"
}

# e2e_need_tools BIN: stops the script when the binary or tmux is missing.
e2e_need_tools() {
  [ -x "$1" ] || { echo "FAIL: no insightflow binary at $1 (build it first)"; exit 1; }
  command -v tmux >/dev/null || { echo "FAIL: tmux is not installed"; exit 1; }
}

# e2e_kill_tmux: ends this run's tmux server (and the app in it).
e2e_kill_tmux() { "${TMUX_CMD[@]}" kill-server >/dev/null 2>&1 || true; }

# e2e_start WIDTH HEIGHT COMMAND: a fresh session "e2e" of that size running COMMAND, with a short escape-time.
e2e_start() {
  e2e_kill_tmux
  "${TMUX_CMD[@]}" new-session -d -s e2e -x "$1" -y "$2" "$3"
  "${TMUX_CMD[@]}" set-option -g escape-time 10 >/dev/null
}

# e2e_app_command BIN HOME: the command line that runs the app on HOME in a UTF-8 terminal.
e2e_app_command() { echo "env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '$1' --home '$2'; sleep 0.5"; }

screen() { "${TMUX_CMD[@]}" capture-pane -p -t e2e 2>/dev/null; }
keys() { "${TMUX_CMD[@]}" send-keys -t e2e "$@"; }
typed() { "${TMUX_CMD[@]}" send-keys -t e2e -l -- "$1"; }
# esc N [DELAY]: Escape N times, apart, so a following key is not read as Alt+key.
esc() { for _ in $(seq 1 "$1"); do keys Escape; sleep "${2:-0.12}"; done; }

# wait_for REGEX [SECONDS]: polls the screen until a line matches REGEX (extended grep).
wait_for() {
  local pattern="$1" limit="${2:-10}" waited=0
  while [ "$waited" -lt $((limit * 20)) ]; do
    if screen | grep -qE -- "$pattern"; then return 0; fi
    sleep 0.05
    waited=$((waited + 1))
  done
  return 1
}

# wait_for_text TEXT [SECONDS]: polls the screen until TEXT (taken literally) appears.
wait_for_text() {
  local text="$1" limit="${2:-10}" waited=0
  while [ "$waited" -lt $((limit * 20)) ]; do
    if screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
    waited=$((waited + 1))
  done
  return 1
}

# until_true SECONDS COMMAND...: polls COMMAND until it succeeds.
until_true() {
  local limit="$1" waited=0; shift
  while [ "$waited" -lt $((limit * 10)) ]; do
    if "$@"; then return 0; fi
    sleep 0.1
    waited=$((waited + 1))
  done
  return 1
}

# fail MESSAGE: reports a failure with the screen and counts it in $FAILURES (scripts may redefine it).
FAILURES=0
fail() {
  echo "FAIL: $*"
  echo "----- screen -----"
  screen || true
  echo "------------------"
  FAILURES=$((FAILURES + 1))
}
