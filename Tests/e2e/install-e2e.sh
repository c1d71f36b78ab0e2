#!/usr/bin/env bash
# scripts/install.sh into a temporary prefix with an already built binary (INSIGHTFLOW_BIN, so no release build):
# the binary, its commit in --version, themes, docs, bash/zsh/fish completions and a man page that renders.
# Usage: Tests/e2e/install-e2e.sh [path/to/insightflow]   (default: $INSIGHTFLOW_BIN, else .build/debug/insightflow)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${INSIGHTFLOW_BIN:-$ROOT/.build/debug/insightflow}}"
[ -x "$BIN" ] || { echo "FAIL: no insightflow binary at $BIN (build it first)"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
check() { if eval "$1"; then echo "ok   $2"; else echo "FAIL $2"; failures=$((failures + 1)); fi; }

prefix="$work/prefix"
INSIGHTFLOW_BIN="$BIN" bash "$ROOT/scripts/install.sh" "$prefix" > "$work/install.log"
commit="$(git -C "$ROOT" rev-parse --short=12 HEAD)"
version="$("$prefix/bin/insightflow" --version)"
check '[[ "$version" == *"(commit $commit"* ]]' "--version names the commit: $version"
check '[[ "$("$BIN" --version)" == *"(commit unknown)" ]]' "a binary outside a prefix says the commit is unknown"
check 'ls "$prefix/share/insightflow/Themes/"*.toml >/dev/null 2>&1' "themes installed"
check '[ -f "$prefix/share/doc/insightflow/docs/architecture.md" ] && [ -f "$prefix/share/doc/insightflow/README.md" ]' "docs installed"
check 'grep -q "serve" "$prefix/share/bash-completion/completions/insightflow"' "bash completion names serve"
check 'bash -n "$prefix/share/bash-completion/completions/insightflow"' "bash completion is valid bash"
check 'grep -q "#compdef insightflow" "$prefix/share/zsh/site-functions/_insightflow"' "zsh completion"
check 'grep -q "complete -c .insightflow. -n .* serve" "$prefix/share/fish/vendor_completions.d/insightflow.fish"' "fish completion"
man_page="$prefix/share/man/man1/insightflow.1"
check 'grep -q "^\.TH INSIGHTFLOW 1" "$man_page"' "man page header"
check 'grep -q "log\\\\-format" "$man_page"' "man page documents serve --log-format"
if command -v groff >/dev/null; then
  check 'groff -man -Tutf8 -ww -z "$man_page" 2>"$work/groff.err" && [ ! -s "$work/groff.err" ]' "man page renders without warnings"
fi
[ "$failures" -eq 0 ] && echo "all install checks passed" || { echo "$failures install checks failed"; exit 1; }
