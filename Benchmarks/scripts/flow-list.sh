#!/usr/bin/env bash
# `insightflow flow list` at N flows: warm (the flow index current), cold (no index) and, with BASE_BIN, a binary
# without the index (main's), side by side in one hyperfine run; then peak RSS of each (GNU time).
#
# Usage: Benchmarks/scripts/flow-list.sh BIN [N] [BASE_BIN]      (N default 10000)
#   BIN       a built insightflow with the flow index (release for figures: swift build -c release --product insightflow)
#   BASE_BIN  optional: the binary to compare with (e.g. main's build)
# The home is made once by make-flow-home.py (N 20-step flows) in a temporary folder and removed at the end.
set -euo pipefail
bin="$(realpath "$1")"; count="${2:-10000}"; base="${3:-}"
[ -n "$base" ] && base="$(realpath "$base")"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
home="$work/home"
python3 "$here/make-flow-home.py" "$count" "$home"
# Files changed within the last 2 s are never trusted from the index (see README, Flow files): let them settle.
sleep 3
"$bin" flow list --home "$home" >/dev/null    # writes the index

commands=(--command-name "warm (index current)" "$bin flow list --home $home"
          --command-name "cold (no index)" "$bin flow list --home $home")
prepares=(--prepare "true" --prepare "rm -f $home/flows/.index.json")
if [ -n "$base" ]; then
  commands+=(--command-name "before (BASE_BIN, no index)" "$base flow list --home $home")
  prepares+=(--prepare "true")
fi
# The cold run ends by writing the index; the warm runs after it start from that index.
hyperfine --warmup 1 --runs "${RUNS:-10}" --output=null "${prepares[@]}" "${commands[@]}" --export-markdown "$work/table.md"
cat "$work/table.md"

echo; echo "peak RSS (GNU time, one run each):"
"$bin" flow list --home "$home" >/dev/null
/usr/bin/time -f "  warm   %M KiB  %e s" "$bin" flow list --home "$home" >/dev/null
rm -f "$home/flows/.index.json"
/usr/bin/time -f "  cold   %M KiB  %e s" "$bin" flow list --home "$home" >/dev/null
[ -n "$base" ] && /usr/bin/time -f "  before %M KiB  %e s" "$base" flow list --home "$home" >/dev/null
echo "index file: $(stat -c %s "$home/flows/.index.json") bytes for $count flows"
