#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, with AddressSanitizer): builds the harnesses of Fuzz/ and runs each for
# SECONDS (default 30), starting from its committed seeds (Fuzz/Corpus/<harness>/, never written to). Prints per
# harness the runs, exec/s, coverage (cov: edges, ft: features) and corpus size; exits non-zero when any harness
# crashes, hangs (an input over FUZZ_TIMEOUT seconds, default 20) or runs out of memory, leaving the input in the
# kept work folder it names. Usage: scripts/fuzz.sh [SECONDS] [HARNESS...] (SECONDS 0: build only)
# Environment: FUZZ_SCRATCH (build folder, default Fuzz/.build-fuzz), FUZZ_WORK (work folder, default a new temp
# folder, removed after a clean run), FUZZ_TIMEOUT, FUZZ_JOBS (harnesses run at once, default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

seconds="${1:-30}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(FuzzJSON FuzzExpressions FuzzFlowFile FuzzCSV FuzzKeys FuzzIntake)
scratch="${FUZZ_SCRATCH:-$root/Fuzz/.build-fuzz}"
timeout_seconds="${FUZZ_TIMEOUT:-20}"

start=$(date +%s)
echo "== building the fuzz harnesses (release, -sanitize=fuzzer,address) in $scratch"
# `--sanitize fuzzer` makes SwiftPM link libFuzzer's main instead of the target's; the Swift modules (the project's
# and its dependencies') get `-sanitize=fuzzer,address` in one flag, because swiftc keeps only the last
# `-sanitize=` (so `--sanitize fuzzer --sanitize address` would silently drop the coverage instrumentation). C
# targets get coverage but no AddressSanitizer, which keeps the build short. -enable-testing lets the CSV harness
# reach the internal reader (@testable import Insights). One product at a time: a plain `swift build` would also
# build every product of the main package and of its dependencies.
flags=(--package-path Fuzz --scratch-path "$scratch" -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing)
for harness in "${harnesses[@]}"; do
  mkdir -p "$scratch"
  # (ld.gold warns about one ASan symbol on every link; that line is noise.)
  if ! swift build "${flags[@]}" --product "$harness" >"$scratch/build-$harness.log" 2>&1; then
    grep -v "__asan_extra_spill_area" "$scratch/build-$harness.log" >&2
    echo "fuzz: building $harness failed" >&2
    exit 1
  fi
  grep -E "warning:|error:" "$scratch/build-$harness.log" | grep -v "__asan_extra_spill_area" || true
done
bin="$(swift build "${flags[@]}" --show-bin-path)"
echo "== built in $(( $(date +%s) - start )) s"
[ "$seconds" != 0 ] || exit 0

work="${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/insightflow-fuzz.XXXXXX")}"
mkdir -p "$work"

# Runs one harness; its exit status goes to $work/<harness>.status, its output to $work/<harness>.log.
fuzz_one() {
  local harness="$1" corpus="$work/corpus/$1" artifacts="$work/artifacts/$1" dict=()
  mkdir -p "$corpus" "$artifacts" "$work/tmp"
  [ -f "Fuzz/Dictionaries/$harness.dict" ] && dict=(-dict="Fuzz/Dictionaries/$harness.dict")
  # New inputs go to the work corpus (the first folder); the committed seeds are only read. Leak checks are off:
  # Swift's lazily built globals look like leaks to LeakSanitizer, and its scans would slow every new input. Swift's
  # own backtracer is off: libFuzzer reports the crash, and the backtracer trips AddressSanitizer. The harnesses'
  # scratch files (the CSV file, the intake's home) go to the work folder.
  local status=0
  TMPDIR="$work/tmp" SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$bin/$harness" "$corpus" "Fuzz/Corpus/$harness" "${dict[@]}" \
    -max_total_time="$seconds" -timeout="$timeout_seconds" -rss_limit_mb=2048 -print_final_stats=1 -print_funcs=0 \
    -artifact_prefix="$artifacts/" >"$work/$harness.log" 2>&1 || status=$?
  # A harness without coverage feedback is a broken build, not a pass.
  if [ $status -eq 0 ] && grep -q "no interesting inputs were found" "$work/$harness.log"; then status=99; fi
  echo $status >"$work/$harness.status"
}

# FUZZ_JOBS harnesses at a time (default 1; scripts/test.sh uses both cores of a CI machine).
jobs_max="${FUZZ_JOBS:-1}"
for harness in "${harnesses[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
  fuzz_one "$harness" &
done
wait

failed=()
printf '%-16s %10s %8s %8s %8s %8s  %s\n' harness runs exec/s cov ft corpus result
for harness in "${harnesses[@]}"; do
  log="$work/$harness.log"
  status="$(cat "$work/$harness.status" 2>/dev/null || echo 98)"
  done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)"
  [ -n "$done_line" ] || done_line="$(grep -E '^#[0-9]+[[:space:]]+(pulse|NEW|REDUCE|INITED)' "$log" | tail -1 || true)"
  field() { sed -n "s/.* $1: *\([0-9]*\).*/\1/p" <<<"$done_line"; }
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")"
  result=ok
  if [ "$status" -ne 0 ]; then
    result="FAILED (exit $status; log $log; inputs in $work/artifacts/$harness)"
    failed+=("$harness")
  fi
  printf '%-16s %10s %8s %8s %8s %8s  %s\n' "$harness" "${runs:-?}" "${speed:-?}" "$(field cov)" "$(field ft)" "$(field corp)" "$result"
  if [ "$status" -ne 0 ]; then
    grep -E 'ERROR|Fatal error|SUMMARY|==[0-9]+==' "$log" | head -5 | sed 's/^/    /' || true
  fi
done
echo "== fuzzing took $(( $(date +%s) - start )) s in all"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} failed; the work folder $work is kept (crash inputs under artifacts/)" >&2
  exit 1
fi
[ -n "${FUZZ_WORK:-}" ] || rm -rf "$work"
