#!/usr/bin/env bash
# Measures skuc on the inputs of limit_inputs.py: wall time, peak RSS and exit status, as a
# Markdown table for docs/robustness.md.
#
# Usage: Tests/Scripts/measure_limits.sh SKUC [NAME...]   (SKUC: e.g. .build/release/skuc)
# Env:   LIMIT_VM_KB caps the address space of each run (default 12000000, 12 GB), so that an
#        input that needs more fails instead of pushing a shared machine into swapping.
set -euo pipefail
skuc=$(realpath "$1")
shift
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(deep-64 deep-65 brackets-1m size-under size-over scalar-under lines-100k files-10k
    skus-1e8 skus-1e7-plus-1 table-500k skus-1e7)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(dirname "$0")
echo "| input | command | exit | wall (s) | peak RSS (MB) |"
echo "|---|---|---|---|---|"
for name in "${names[@]}"; do
  python3 "$here/limit_inputs.py" "$work" "$name"
  for command in check build; do
    [ "$command" = build ] && [ "$name" != files-10k ] && [ "$name" != skus-1e7 ] && [ "$name" != lines-100k ] && continue
    status=0
    (
      ulimit -v "${LIMIT_VM_KB:-12000000}"
      /usr/bin/time -f '%e %M' -o "$work/time" "$skuc" "$command" "$work/$name" \
        $([ "$command" = build ] && echo --out "$work/out-$name") >/dev/null 2>"$work/stderr"
    ) || status=$?
    # time(1) puts "Command exited with non-zero status N" before its own line.
    read -r wall rss < <(tail -1 "$work/time")
    echo "| $name | $command | $status | $wall | $((rss / 1024)) |"
    rm -rf "$work/out-$name"
  done
  rm -rf "${work:?}/$name"
done
