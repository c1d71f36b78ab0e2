#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a fresh Debian machine: installs what the build and the tests need
# (scripts/install-deps.sh: ncurses, SQLite and libcurl headers, tmux, aiosmtpd, PostgreSQL), checks the generated
# built-in themes, starts a throwaway PostgreSQL cluster on 127.0.0.1, runs `swift test`, then the end-to-end
# scripts that drive the real binary in tmux, then (for the whole suite only, not with `swift test` arguments) a
# 30-second libFuzzer smoke of every harness (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# The built-in themes are generated from Themes/*.toml; fail when someone edited one side only.
python3 scripts/generate-builtin-themes.py --check
# A throwaway PostgreSQL cluster on 127.0.0.1 for the PostgreSQL store's tests (each test creates its own database);
# stopped and removed when this script ends.
pg_dir="/tmp/insightflow-ci-pg-$$"
INSIGHTFLOW_TEST_POSTGRES="$(bash scripts/postgres-cluster.sh start "$pg_dir" "${INSIGHTFLOW_TEST_PG_PORT:-54329}")?sslmode=disable"
export INSIGHTFLOW_TEST_POSTGRES
trap 'bash scripts/postgres-cluster.sh stop "$pg_dir"' EXIT
swift test "$@"

swift build --product insightflow
bin="$(swift build --show-bin-path)/insightflow"
# The systemd unit, when this machine has systemd-analyze (verify wants ExecStart's binary: the one just built).
if command -v systemd-analyze >/dev/null; then
  unit="$(mktemp -d)/insightflow.service"
  sed "s#/usr/local/bin/insightflow#$bin#" contrib/insightflow.service > "$unit"
  systemd-analyze verify --man=no "$unit"
  echo "contrib/insightflow.service: systemd-analyze verify passed"
else
  echo "contrib/insightflow.service: not verified (no systemd-analyze here)"
fi

for script in Tests/e2e/*.sh; do
  echo "== $script"
  bash "$script" "$bin"
done

# Coverage-guided fuzzing smoke: builds Fuzz/ (its own scratch folder) and runs each harness 30 s, two at a time;
# any crash fails.
if [ $# -eq 0 ]; then
  FUZZ_JOBS="${FUZZ_JOBS:-2}" bash scripts/fuzz.sh 30
fi
