#!/bin/sh
# Unification time with exact vs fuzzy match rules on the generated workspace (generate.py, SCALE 1 = 1M customers).
# Usage: fuzzy-vs-exact.sh [OUT_DIR] [SCALE]   (INSIGHTFLOW_BIN: a release insightflow)
# Refreshes the same data twice from an empty store: with the generated rules (Email; Name and phone, both exact)
# and with "Name and phone" rewritten as a fuzzy rule (phone exact to block on; name High precision with the
# Name and Unicode-to-ASCII normalizations). Prints each run's unification stage time, profiles and peak RSS.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-/tmp/insights-fuzzy}
SCALE=${2:-1}
BIN=${INSIGHTFLOW_BIN:-insightflow}
[ -f "$OUT/workspace/workspace.json" ] || python3 "$HERE/generate.py" --out "$OUT" --scale "$SCALE"
cp "$OUT/workspace/workspace.json" "$OUT/workspace.exact.json"
python3 - "$OUT/workspace.exact.json" "$OUT/workspace.fuzzy.json" <<'PY'
import json, sys
definition = json.load(open(sys.argv[1]))
definition["unification"]["matchRules"] = [
    {"name": "Email", "fields": ["email"]},
    {"name": "Name and phone (fuzzy)", "conditions": [
        {"field": "phone"},
        {"field": "name", "precision": "high", "normalize": ["unicodeToASCII", "lowerCase", "name", "symbols"]}]},
]
json.dump(definition, open(sys.argv[2], "w"), indent=2)
PY
cat "$OUT"/workspace/data/*.csv > /dev/null
for kind in exact fuzzy; do
    cp "$OUT/workspace.$kind.json" "$OUT/workspace/workspace.json"
    rm -f "$OUT"/workspace/insights.sqlite*
    /usr/bin/time -v "$BIN" refresh --all --json --home "$OUT" > "$OUT/$kind.json" 2> "$OUT/$kind.time"
    python3 - "$kind" "$OUT/$kind.json" "$OUT/$kind.time" <<'PY'
import json, sys
from datetime import datetime
events = json.load(open(sys.argv[2]))
unification = next(e["fields"] for e in events if e["kind"] == "UnificationCompleted")
start, end = (datetime.fromisoformat(unification[k].replace("Z", "+00:00")) for k in ("startedAt", "finishedAt"))
rss = next(int(l.split(":")[1]) for l in open(sys.argv[3]) if "Maximum resident set size" in l)
wall = next(l.split("): ")[1].strip() for l in open(sys.argv[3]) if "Elapsed (wall clock)" in l)
rules = ", ".join("%s: %d merges" % (r["rule"], r["merges"]) for r in unification["matchRules"])
print("%-5s unification %.2f s, %d records -> %d profiles (%s); whole refresh %s, peak RSS %d MiB"
      % (sys.argv[1], (end - start).total_seconds(), unification["recordsIn"], unification["profilesOut"], rules, wall, rss // 1024))
PY
done
cp "$OUT/workspace.exact.json" "$OUT/workspace/workspace.json"
