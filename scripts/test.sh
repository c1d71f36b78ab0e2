#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a fresh Debian machine: installs what the build and the tests need
# (scripts/install-deps.sh: ncurses, SQLite and libcurl headers, tmux, aiosmtpd), checks the generated built-in
# themes, runs `swift test`, then the end-to-end scripts that drive the real binary in tmux.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# The built-in themes are generated from Themes/*.toml; fail when someone edited one side only.
python3 scripts/generate-builtin-themes.py --check
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
