#!/usr/bin/env bash
# The shared PostgreSQL store's cost per run (issue #20): starts a throwaway cluster on 127.0.0.1 (the tests' script),
# runs store-queue (intake alone, queue alone, both together) and reports the client's CPU per run (GNU time) and
# the whole machine's CPU per run from /proc/stat (which includes PostgreSQL and anything else running).
# usage: Benchmarks/scripts/store-queue.sh [EVENTS] [PRODUCERS] [WORKERS] [RATE]   (from the repository root; RATE:
# events/s offered while the workers drain, 0 = full speed)
set -euo pipefail
events="${1:-20000}"; producers="${2:-8}"; workers="${3:-4}"; rate="${4:-0}"
port="${STORE_QUEUE_PG_PORT:-54410}"
dir="/tmp/insightflow-bench-pg-$$"
# STORE_QUEUE_BIN: an already built store-queue (to compare two builds on one machine); else build it.
bin="${STORE_QUEUE_BIN:-}"
if [ -z "$bin" ]; then
  (cd Benchmarks && flock /tmp/release-build.lock swift build -c release --product store-queue >/dev/null)
  bin=Benchmarks/.build/release/store-queue
fi
bash scripts/postgres-cluster.sh start "$dir" "$port" >/dev/null
trap 'bash scripts/postgres-cluster.sh stop "$dir"' EXIT
cpu() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
before=$(cpu)
/usr/bin/time -f "client: %U s user, %S s system, peak RSS %M KiB" \
  "$bin" "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable" "$events" "$producers" "$workers" "$rate"
after=$(cpu)
ticks=$(getconf CLK_TCK)
awk -v d=$((after - before)) -v t="$ticks" -v n=$((events * 2)) \
  'BEGIN { printf "machine: %.2f CPU-seconds for %d runs (each accepted, claimed, checkpointed 4 times, finished), %.0f µs per run (client + PostgreSQL + others)\n", d/t, n, d/t/n*1e6 }'
