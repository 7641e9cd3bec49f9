#!/usr/bin/env bash
# Fetches Nango's provider catalog (providers.yaml of the npm package @nangohq/providers) at build
# time, at a pinned version, into a build folder. It is never committed.
#   .bin/fetch-providers.sh <version> <out-file>
# Idempotent: does nothing when <out-file> exists. Without npm it explains and leaves no file; the
# CLI then needs --providers <file>.
set -euo pipefail
version="$1"; out="$2"
[ -s "$out" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "nango-jvm build: warning providers_not_fetched: npm is not installed, so the provider catalog @nangohq/providers@$version was not fetched; pass --providers <providers.yaml> to the CLI." >&2
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@nangohq/providers@$version" --silent >/dev/null 2>"$work/npm.err") || {
  echo "nango-jvm build: warning providers_not_fetched: 'npm pack @nangohq/providers@$version' failed: $(tail -n 3 "$work/npm.err")" >&2
  exit 0
}
tar -xzf "$work"/nangohq-providers-*.tgz -C "$work" package/providers.yaml
mkdir -p "$(dirname "$out")"
mv "$work/package/providers.yaml" "$out.tmp" && mv "$out.tmp" "$out"
