#!/bin/sh
# Checks an installed skuc (make install-check): it must not load the Swift runtime, so it
# runs on a machine without a Swift toolchain, and it must check the example catalogs.
set -eu
skuc="${1:?usage: install-check.sh PATH-TO-SKUC [CATALOGS]}"
catalogs="${2:-Catalogs}"
if [ ! -x "$skuc" ]; then
  echo "install-check: $skuc is not an executable; run make install first" >&2
  exit 1
fi
libraries="$(ldd "$skuc" 2>&1 || true)"
if printf '%s\n' "$libraries" | grep -q 'libswift\|libFoundation\|libdispatch'; then
  echo "install-check: $skuc loads the Swift runtime:" >&2
  printf '%s\n' "$libraries" >&2
  exit 1
fi
"$skuc" --version
"$skuc" check "$catalogs" --warnings-as-errors
echo "install-check: $skuc needs no Swift runtime and checks $catalogs"
