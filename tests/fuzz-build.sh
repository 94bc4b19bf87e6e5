#!/bin/sh
# Builds libreport's libFuzzer targets with clang, every library file instrumented:
#
#   tests/fuzz-build.sh BUILD OUT        (BUILD: a configured meson build dir, for lr-version.h)
#
# gives OUT/fuzz-dataset, OUT/fuzz-chart-spec, OUT/fuzz-report-spec and OUT/fuzz-api, built
# with -fsanitize=fuzzer,address,undefined and -fno-sanitize-recover=all (a UBSan finding
# aborts, so libFuzzer keeps the input). FUZZ_CFLAGS adds flags (e.g. -O2, or
# -fno-omit-frame-pointer for perf record --call-graph=fp). The targets find the source
# tree's fonts only while they stay in OUT: run a copy elsewhere with LREPORT_FONTS_DIR set
# (the targets that lay out text stop at once without fonts). How to run each target and
# merge what it finds: see the comment at the top of its source.
#
# Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
set -eu

build=${1:?usage: fuzz-build.sh BUILD OUT}
out=${2:?usage: fuzz-build.sh BUILD OUT}
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$build" && pwd)
mkdir -p "$out/obj"
out=$(cd "$out" && pwd)

test -f "$build/include/lreport/lr-version.h" || ninja -C "$build" include/lreport/lr-version.h

pkgs="glib-2.0 cairo cairo-pdf cairo-svg pangocairo pangoft2 harfbuzz fontconfig libpng zlib
      libcmark-gfm libqpdf"
isal=
if [ -f /usr/include/isa-l/igzip_lib.h ]; then
	isal="-DLR_HAVE_ISAL"
	isal_lib="-lisal"
else
	isal_lib=
fi
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all"
common="-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE ${FUZZ_CFLAGS:-}"
# shellcheck disable=SC2086
cflags="$common $sanitize -I$src/include -I$build/include -I$src/libreport $(pkg-config --cflags $pkgs)"
# shellcheck disable=SC2086
libs="$(pkg-config --libs $pkgs) -lcmark-gfm-extensions -lcsv $isal_lib -lm"

# The library: coverage-instrumented (fuzzer-no-link), once for all targets.
objects=
for file in "$src"/libreport/*.c; do
	object="$out/obj/$(basename "$file" .c).o"
	if [ ! -f "$object" ] || [ "$file" -nt "$object" ]; then
		# shellcheck disable=SC2086
		clang $cflags -fsanitize=fuzzer-no-link -DLR_COMPILATION $isal \
			-DLR_FONTS_DIR='"/nonexistent"' -DLR_SOURCE_FONTS_DIR="\"$src/fonts\"" \
			-DLR_BUILD_ROOT="\"$out\"" \
			-c "$file" -o "$object"
	fi
	objects="$objects $object"
done

for target in dataset chart-spec report-spec api; do
	# shellcheck disable=SC2086
	clang $cflags -fsanitize=fuzzer -DLR_COMPILATION \
		-DLR_FUZZ_DATA_DIR="\"$src/tests/data/report-golden/data\"" \
		-DLR_FUZZ_BUNDLED_DATA="\"$src/data\"" \
		"$src/tests/fuzz-$target.c" $objects $libs -o "$out/fuzz-$target"
done
echo "fuzz targets in $out"
