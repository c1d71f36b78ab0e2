#!/usr/bin/env bash
# Installs insightflow under PREFIX (default /usr/local): the binary, its themes and docs, bash/zsh/fish
# completions, the man page and the commit `insightflow --version` prints.
#
#   scripts/install.sh [PREFIX]
#
# Builds with `swift build -c release` unless INSIGHTFLOW_BIN names a binary already built (tests use a debug one).
# DESTDIR, when set, is prepended to every installed path (for packaging).
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${1:-/usr/local}"
root="${DESTDIR:-}${prefix}"

if [[ -n "${INSIGHTFLOW_BIN:-}" ]]; then
  bin="$INSIGHTFLOW_BIN"
else
  bash scripts/install-deps.sh
  swift build -c release --product insightflow
  bin="$(swift build -c release --show-bin-path)/insightflow"
fi
[[ -x "$bin" ]] || { echo "install.sh: no executable at $bin" >&2; exit 1; }

share="$root/share/insightflow"
install -d "$root/bin" "$share" "$root/share/doc/insightflow" "$root/share/man/man1" \
  "$root/share/bash-completion/completions" "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$root/bin/insightflow"

# The commit, read by `insightflow --version` from <prefix>/share/insightflow/commit (SwiftPM embeds none).
commit="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
if [[ "$commit" != unknown ]] && ! git diff --quiet HEAD -- 2>/dev/null; then commit="$commit-dirty"; fi
printf '%s\n' "$commit" > "$share/commit"

rm -rf "$share/Themes"
cp -R Themes "$share/Themes"
rm -rf "$root/share/doc/insightflow/docs"
cp -R docs "$root/share/doc/insightflow/docs"
install -m 0644 README.md "$root/share/doc/insightflow/README.md"
install -d "$share/contrib"
install -m 0644 contrib/insightflow.service "$share/contrib/insightflow.service"

installed="$root/bin/insightflow"
"$installed" --generate-completion-script bash > "$root/share/bash-completion/completions/insightflow"
"$installed" --generate-completion-script zsh > "$root/share/zsh/site-functions/_insightflow"
"$installed" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/insightflow.fish"

version="$("$installed" --version)"
"$installed" --experimental-dump-help | python3 scripts/generate-manpage.py "$version" > "$root/share/man/man1/insightflow.1"

echo "installed insightflow $version in $root"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on PATH" ;;
esac
