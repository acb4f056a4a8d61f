#!/usr/bin/env bash
# The fuzzing smoke test that `make test` runs (see docs/robustness.md): builds every fuzz
# target, checks the stand-in SHA-256 against sha256sum, and replays the committed seeds and
# regression inputs through each target once. Deterministic: no mutation, no time budget.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" != Linux ]; then
  # Apple's toolchains ship no libFuzzer runtime for Swift; CI and the fuzzing runs are Linux.
  echo "fuzz smoke: skipped (libFuzzer for Swift is only set up on Linux)"
  exit 0
fi
start=$SECONDS
Fuzz/build.sh >/dev/null

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Lengths around SHA-256's padding boundaries (55/56/64 bytes) and multi-block input.
for length in 0 1 55 56 63 64 65 119 120 1000; do
  head -c "$length" /dev/zero | tr '\0' 'a' >"$scratch/len-$length"
done
mapfile -t digest_inputs < <(find Catalogs -name '*.y*ml' | LC_ALL=C sort)
digest_inputs+=("$scratch"/len-*)
if ! diff <(.build/fuzz/sha256-standin "${digest_inputs[@]}") <(sha256sum "${digest_inputs[@]}"); then
  echo "fuzz smoke: Fuzz/SHA256DigestStandIn.swift disagrees with sha256sum" >&2
  exit 1
fi

for binary in .build/fuzz/fuzz-*; do
  target=${binary##*/fuzz-}
  dirs=()
  for dir in "Fuzz/seeds/$target" "Fuzz/regressions/$target"; do
    [ -d "$dir" ] && dirs+=("$dir")
  done
  [ "$target" = pipeline ] && dirs+=(Catalogs docs/guide)
  mapfile -t inputs < <(find "${dirs[@]}" -type f ! -name '*.md' | LC_ALL=C sort)
  if [ "${#inputs[@]}" -eq 0 ]; then
    echo "fuzz smoke: no inputs for $target" >&2
    exit 1
  fi
  if ! SWIFT_BACKTRACE=enable=no "$binary" -timeout=10 -rss_limit_mb=2048 "${inputs[@]}" \
    >"$scratch/$target.log" 2>&1; then
    cat "$scratch/$target.log" >&2
    echo "fuzz smoke: $target failed on a committed input" >&2
    exit 1
  fi
  echo "fuzz smoke: $target replayed ${#inputs[@]} inputs"
done
echo "fuzz smoke: passed in $((SECONDS - start)) s"
