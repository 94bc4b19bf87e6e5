#!/bin/sh
# The shared library exports only lr_ symbols, and every export is declared in a public header.
set -eu
library=$1
headers=$2
exports=$(nm -D --defined-only "$library" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort)
bad=$(printf '%s\n' "$exports" | grep -v '^lr_' || true)
if [ -n "$bad" ]; then
  echo "exported symbols without the lr_ prefix:"; echo "$bad"; exit 1
fi
missing=0
for symbol in $exports; do
  if ! grep -q "^$symbol(" "$headers"/*.h "$headers"/*.h.in 2>/dev/null; then
    echo "exported but not declared in a public header: $symbol"; missing=1
  fi
done
[ "$missing" -eq 0 ] || exit 1
echo "$(printf '%s\n' "$exports" | wc -l) exports, all lr_ and declared"
echo "1 passed, 0 failed"
