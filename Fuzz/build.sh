#!/usr/bin/env bash
# Builds the libFuzzer targets into .build/fuzz/ (see docs/robustness.md).
#
# `swift build -Xswiftc -sanitize=fuzzer` cannot link an executable target (no Fuzz_main), so
# this calls swiftc directly: BigInt as its own module, then the library sources as the module
# SkuCompiler, with Fuzz/SHA256DigestStandIn.swift in place of Support/SHA256Digest.swift (the
# one file that imports swift-crypto, whose BoringSSL this build cannot link), then one
# executable per Fuzz/Targets/<name>.swift. Adding a target is adding that one file.
#
# Usage: Fuzz/build.sh [target...]   (default: every target)
# Env:   SWIFTC, FUZZ_OPT (default -O), FUZZ_SANITIZERS (default fuzzer,address)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SWIFTC=${SWIFTC:-swiftc}
OPT=${FUZZ_OPT:--O}
SANITIZERS=${FUZZ_SANITIZERS:-fuzzer,address}
OUT=$ROOT/.build/fuzz
mkdir -p "$OUT"

if [ ! -d .build/checkouts/BigInt/Sources ]; then
  swift package resolve >/dev/null
fi

FLAGS=(-parse-as-library "$OPT" -g "-sanitize=$SANITIZERS" -I "$OUT" -I "$ROOT/Sources/CYAML")
# The package's language settings (Package.swift); BigInt keeps its own (Swift 5 mode). The
# package name is what SwiftPM passes, so that `package` declarations compile here too.
STRICT="-swift-version 6 -enable-upcoming-feature ExistentialAny
  -enable-upcoming-feature InternalImportsByDefault -enable-upcoming-feature MemberImportVisibility
  -package-name skuc"

# Rebuilds a library only when its inputs or the flags changed: the smoke test runs on every
# `make test`, and the library build is most of its time.
stamp() { { printf '%s\n' "${FLAGS[@]}" "$STRICT"; "$SWIFTC" --version 2>&1; cat "$@"; } | sha256sum | cut -d' ' -f1; }

build_library() {
  local name=$1 extra=$2
  shift 2
  local hash
  hash=$(stamp "$@")
  if [ -f "$OUT/lib$name.a" ] && [ "$(cat "$OUT/$name.stamp" 2>/dev/null)" = "$hash" ]; then
    return
  fi
  echo "fuzz build: $name ($# files)"
  # shellcheck disable=SC2086
  "$SWIFTC" "${FLAGS[@]}" $extra -module-name "$name" -wmo -emit-module \
    -emit-module-path "$OUT/$name.swiftmodule" -emit-library -static -o "$OUT/lib$name.a" "$@"
  echo "$hash" >"$OUT/$name.stamp"
}

mapfile -t BIGINT < <(find .build/checkouts/BigInt/Sources -name '*.swift' | LC_ALL=C sort)
mapfile -t LIBRARY < <(find Sources/SkuCompiler -name '*.swift' ! -path '*/Support/SHA256Digest.swift' | LC_ALL=C sort)
build_library BigInt "" "${BIGINT[@]}"
build_library SkuCompiler "-enable-testing $STRICT" "${LIBRARY[@]}" Fuzz/SHA256DigestStandIn.swift

link() {
  local output=$1 sanitizers=$2
  shift 2
  # shellcheck disable=SC2086
  "$SWIFTC" "${FLAGS[@]/-sanitize=$SANITIZERS/-sanitize=$sanitizers}" $STRICT "$@" \
    "$OUT/libSkuCompiler.a" "$OUT/libBigInt.a" -lyaml -use-ld=lld -o "$output"
}

if [ $# -eq 0 ]; then
  set -- $(ls Fuzz/Targets | sed -n 's/\.swift$//p')
fi
for target in "$@"; do
  source=Fuzz/Targets/$target.swift
  [ -f "$source" ] || { echo "fuzz build: no target '$target' (Fuzz/Targets/*.swift)" >&2; exit 2; }
  echo "fuzz build: fuzz-$target"
  link "$OUT/fuzz-$target" "$SANITIZERS" Fuzz/Support/*.swift "$source"
done
# The digest check runs the stand-in outside libFuzzer, so it links without the fuzzer main.
link "$OUT/sha256-standin" "${SANITIZERS/fuzzer,/}" Fuzz/Tools/sha256-standin.swift
