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

# An installed lreport uses the installed data and fonts, never the build tree it was compiled
# from (issue 11). This copy is installed under a DESTDIR, so at its real prefix there is
# nothing: it must fail, naming the installed folder, and not reach for the source tree.
lreport=$(find "$scratch/root" -type f -path '*/bin/lreport' | head -n 1)
datadir=$(find "$scratch/root" -type d -path '*lreport-0/data' | head -n 1)
if [ -e "$prefix/share/lreport-0" ]; then
  echo "skipped the installed-paths check: $prefix/share/lreport-0 exists on this machine"
else
  if env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="$libdir" "$lreport" validate >"$scratch/out" 2>&1; then
    echo "an installed lreport without its data used another dataset:"; cat "$scratch/out"; exit 1
  fi
  grep -qF "$prefix/share/lreport-0/data" "$scratch/out" ||
    { echo "the error does not name the installed data folder:"; cat "$scratch/out"; exit 1; }
  if grep -qF "$source" "$scratch/out"; then
    echo "an installed lreport looked in the source tree:"; cat "$scratch/out"; exit 1
  fi
  # Its data given, still no installed fonts: the error names the installed fonts folder.
  if env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="$libdir" LREPORT_DATA_DIR="$datadir" \
      "$lreport" bar -i ecommerce_revenue -o "$scratch/no-fonts.png" >"$scratch/out" 2>&1; then
    echo "an installed lreport without its fonts drew with others"; exit 1
  fi
  grep -qF "'$prefix/share/lreport-0/fonts'" "$scratch/out" ||
    { echo "the font error does not name the installed fonts folder:"; cat "$scratch/out"; exit 1; }
  ! grep -qF "$source" "$scratch/out" || { echo "looked in the source tree for fonts"; exit 1; }
fi
# With the installed copies named, it works from anywhere.
(cd / && env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="$libdir" LREPORT_DATA_DIR="$datadir" \
  LREPORT_FONTS_DIR="$fonts" "$lreport" bar -i ecommerce_revenue -o "$scratch/installed.png")
test -s "$scratch/installed.png"

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
