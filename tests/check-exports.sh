#!/bin/sh
# The shared library's interface is exactly the public headers' LR_EXTERN functions:
#  - it exports only lr_ symbols, each with the version node LREPORT_0 (libreport/libreport.map);
#  - every export is declared in a public header;
#  - every function the headers declare (LR_EXTERN, name at the start of the next line) is
#    exported, so none is declared and missing.
# Usage: check-exports.sh LIBRARY HEADER_DIR [GENERATED_HEADER...]
set -eu
library=$1
headers=$2
shift 2
header_files="$headers/*.h $*"
# "name@@VERSION" (the default version of a versioned symbol) or "name" (unversioned).
exports=$(nm -D --defined-only "$library" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort)
status=0
bad=$(printf '%s\n' "$exports" | grep -v '^lr_' || true)
if [ -n "$bad" ]; then
  echo "exported symbols without the lr_ prefix:"; echo "$bad"; status=1
fi
unversioned=$(printf '%s\n' "$exports" | grep -v '@@LREPORT_0$' || true)
if [ -n "$unversioned" ]; then
  echo "exported symbols without the version node LREPORT_0 (libreport.map):"; echo "$unversioned"
  status=1
fi
names=$(printf '%s\n' "$exports" | sed 's/@.*//')
for symbol in $names; do
  # shellcheck disable=SC2086
  if ! grep -q "^$symbol(" $header_files 2>/dev/null; then
    echo "exported but not declared in a public header: $symbol"; status=1
  fi
done
# shellcheck disable=SC2086
declared=$(awk '/^LR_EXTERN/ {getline; if (match($0, /^lr_[a-z0-9_]+\(/)) print substr($0, 1, RLENGTH - 1)}' \
  $header_files | sort -u)
for symbol in $declared; do
  if ! printf '%s\n' "$names" | grep -qx "$symbol"; then
    echo "declared in a public header but not exported: $symbol"; status=1
  fi
done
[ "$status" -eq 0 ] || exit 1
echo "$(printf '%s\n' "$names" | wc -l) exports, all lr_, versioned LREPORT_0, declared;" \
  "$(printf '%s\n' "$declared" | wc -l) declared functions, all exported"
echo "1 passed, 0 failed"
