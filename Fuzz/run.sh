#!/usr/bin/env bash
# Fuzzes one target for a while: `make fuzz FUZZ_TARGET=pipeline FUZZ_SECONDS=600`.
#
# The working corpus lives in fuzz-corpus/<target>/ (not committed) and starts from the
# committed seeds (Fuzz/seeds/<target>/, plus the example catalogs and the guide's catalogs for
# pipeline). Crashes, hangs (-timeout) and memory blow-ups (-rss_limit_mb) are written to
# fuzz-corpus/artifacts/<target>/; each one found belongs in Fuzz/regressions/<target>/ with a
# regression test and a fix. A line with the executions is appended to fuzz-corpus/stats.log.
#
# Usage: Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
# Env:   FUZZ_TIMEOUT (seconds per input, default 10), FUZZ_RSS_MB (default 2048),
#        FUZZ_MAX_LEN (default 16384)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: Fuzz/run.sh TARGET SECONDS}
shift 2
Fuzz/build.sh "$target"

corpus=fuzz-corpus/$target
artifacts=fuzz-corpus/artifacts/$target
mkdir -p "$corpus" "$artifacts"
seeds=()
for dir in "Fuzz/seeds/$target" "Fuzz/regressions/$target"; do
  [ -d "$dir" ] && seeds+=("$dir")
done
if [ "$target" = pipeline ]; then
  seeds+=(Catalogs docs/guide)
fi
dict=()
[ -f "Fuzz/dictionaries/$target.dict" ] && dict=("-dict=Fuzz/dictionaries/$target.dict")

log=fuzz-corpus/$target.log
started=$SECONDS
# The Swift runtime's own backtracer cannot run under AddressSanitizer; libFuzzer prints the
# stack instead.
status=0
SWIFT_BACKTRACE=enable=no .build/fuzz/"fuzz-$target" \
  -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
  -max_len="${FUZZ_MAX_LEN:-16384}" -print_final_stats=1 -artifact_prefix="$artifacts/" \
  "${dict[@]}" "$@" "$corpus" "${seeds[@]}" 2>&1 | tee "$log" | grep -v -e '	NEW ' -e '	REDUCE ' -e '	pulse ' -e 'NEW_FUNC' || status=${PIPESTATUS[0]}
# In-process runs end with a stat line; -fork runs (which go on after a crash when given
# -ignore_crashes=1) report progress as `#N: cov: ...` lines instead.
runs=$(sed -n -e 's/^stat::number_of_executed_units: *//p' -e 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -1)
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) target=$target seconds=$seconds wall=$((SECONDS - started)) executions=${runs:-?} status=$status corpus=$(ls "$corpus" | wc -l) artifacts=$(ls "$artifacts" | wc -l)" >>fuzz-corpus/stats.log
tail -1 fuzz-corpus/stats.log
exit "$status"
