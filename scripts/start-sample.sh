#!/usr/bin/env bash
# Installs what is missing, builds InsightFlow and opens it on the sample home (created on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product insightflow
exec .build/release/insightflow "$@"
