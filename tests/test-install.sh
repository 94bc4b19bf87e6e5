#!/bin/sh
# Installs the build into a scratch folder and builds examples/ against the installed
# lreport-0.pc, as a user of the library would, then runs the example.
# Usage: test-install.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
source=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

meson install -C "$build" --destdir "$scratch/root" --no-rebuild --quiet >/dev/null
prefix=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
pcdir=$(find "$scratch/root" -name 'lreport-0.pc' -exec dirname {} \;)
[ -n "$pcdir" ] || { echo "lreport-0.pc was not installed"; exit 1; }
# Names that must not collide with ABRT's libreport.
for forbidden in include/libreport lib/libreport.so libreport.pc; do
  if find "$scratch/root" -path "*$forbidden*" | grep -q .; then
    echo "installed a name that collides with ABRT's libreport: $forbidden"; exit 1
  fi
done
# The .pc file names the real prefix; a copy points at the scratch copy of that prefix.
mkdir "$scratch/pc"
sed "s|^prefix=.*|prefix=$scratch/root$prefix|" "$pcdir/lreport-0.pc" > "$scratch/pc/lreport-0.pc"
export PKG_CONFIG_PATH="$scratch/pc"
cflags=$(pkg-config --cflags lreport-0)
libs=$(pkg-config --libs lreport-0)
cc -std=c99 -Wall -Wextra -Werror -pedantic "$source/examples/bar-from-memory.c" $cflags $libs -lm \
   -o "$scratch/bar-from-memory"
libdir=$(dirname "$(find "$scratch/root" -name 'liblreport-0.so.0' | head -n 1)")
fonts=$(find "$scratch/root" -type d -path '*lreport-0/fonts' | head -n 1)
LD_LIBRARY_PATH="$libdir" LREPORT_FONTS_DIR="$fonts" "$scratch/bar-from-memory" \
  "$scratch/example.png" "$scratch/example.pdf"
test -s "$scratch/example.png" && test -s "$scratch/example.pdf"
head -c 4 "$scratch/example.pdf" | grep -q '%PDF'
# The Python module as installed, over the installed library (pycairo not needed for bytes).
module=$(find "$scratch/root" -name lreport.py | head -n 1)
[ -n "$module" ] || { echo "python/lreport.py was not installed"; exit 1; }
for python in /usr/bin/python3 python3; do
  if command -v "$python" >/dev/null 2>&1; then
    LREPORT_LIBRARY="$libdir/liblreport-0.so.0" LREPORT_FONTS_DIR="$fonts" \
      PYTHONPATH="$(dirname "$module")" "$python" -c '
import lreport, sys
data = lreport.Dataset.load(sys.argv[1])
png = lreport.Chart(data, "bar", indicators=["ecommerce_revenue"]).render("png", 800, 450)
assert png.startswith(b"\x89PNG"), png[:8]
print("python: lreport", lreport.library_version(), "from", lreport.__file__)
' "$source/data"
    break
  fi
done
echo "installed under $prefix; example built with pkg-config lreport-0 and ran"
echo "1 passed, 0 failed"
