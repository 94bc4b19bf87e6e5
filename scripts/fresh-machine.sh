#!/usr/bin/env bash
# Sets up a Debian bookworm machine for libreport (installing only what is missing) and runs
# either the main job or the whole test suite. Safe to run again.
#
#   bash scripts/fresh-machine.sh main   # build; validate the dataset and specs; render the
#                                        # annual briefing (vi, en: PDF and PNG pages) and the
#                                        # chart set into out/
#   bash scripts/fresh-machine.sh test   # build with -Werror; run every test (also the Python
#                                        # module, SVGs in rsvg-convert and WeasyPrint, the API
#                                        # reference's undocumented-symbol check), then again
#                                        # under AddressSanitizer + UndefinedBehaviorSanitizer;
#                                        # the thread tests under ThreadSanitizer; the API and
#                                        # chart suites under valgrind (leak-checked)
set -euo pipefail
cd "$(dirname "$0")/.."

job=${1:-}
case "$job" in
  main|test) ;;
  *) echo "usage: bash scripts/fresh-machine.sh main|test" >&2; exit 2 ;;
esac

packages=(
  gcc g++ pkg-config meson ninja-build python3
  libglib2.0-dev libcairo2-dev libpango1.0-dev libharfbuzz-dev libfontconfig-dev
  libpng-dev zlib1g-dev libisal-dev libcsv-dev check poppler-utils valgrind
  libqpdf-dev mupdf-tools python3-pypdf libcmark-gfm-dev libcmark-gfm-extensions-dev
  librsvg2-bin weasyprint python3-cairo doxygen
)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# meson setup, or reconfigure a folder that already exists (so the script can run again).
configure() {
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
}

# Prints "suite: N passed, N failed" from meson's JSON test log.
summarise() {
  python3 - "$1/meson-logs/testlog.json" "$2" <<'PY'
import json, sys
results = [json.loads(line)["result"] for line in open(sys.argv[1]) if line.strip()]
passed = sum(r in ("OK", "EXPECTEDFAIL") for r in results)
skipped = sum(r == "SKIP" for r in results)
print(f"{sys.argv[2]}: {passed} passed, {len(results) - passed - skipped} failed, {skipped} skipped")
PY
}

if [ "$job" = main ]; then
  configure build
  meson compile -C build >/dev/null
  build/tools/lreport validate
  rm -rf out
  build/tools/lreport charts --out out --formats png,pdf,svg
  # The annual briefing in both languages: the PDF to print, PNG pages to preview.
  mkdir -p out/pages
  for lang in vi en; do
    build/tools/lreport report "data/briefing-$lang.md" -o "out/briefing-$lang.pdf"
    build/tools/lreport report "data/briefing-$lang.md" --dpi 80 -o "out/pages/briefing-$lang.png"
  done
  echo "wrote: out/briefing-vi.pdf, out/briefing-en.pdf (the annual briefing),"
  echo "       out/pages/briefing-{vi,en}-NN.png (its pages at 80 dpi), out/*-{vi,en}.{png,pdf,svg} (the charts)"
  exit 0
fi

status=0
configure build-ci -Dwerror=true
meson compile -C build-ci >/dev/null
meson test -C build-ci --print-errorlogs --num-processes 2 || status=1
summarise build-ci tests
configure build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
meson compile -C build-asan >/dev/null
# The install test builds a program outside meson, without the sanitizer runtime; the kill
# test's 50 runs prove nothing more under ASan than they do in the plain build; resident
# memory under ASan (shadow memory, quarantine) says nothing about libreport's. The Python
# suite loads the library into the system python3, which lacks the ASan runtime; the docs
# check has no C in it.
meson test -C build-asan --print-errorlogs --num-processes 2 --no-suite install --no-suite kill \
  --no-suite memory --no-suite python --no-suite docs || status=1
summarise build-asan sanitizers
# ThreadSanitizer: the suites where threads share objects (4 threads drawing from one
# dataset; the API suite's two-thread drawing).
configure build-tsan -Dwerror=true -Db_sanitize=thread -Db_lundef=false
meson compile -C build-tsan tests/test-threads tests/test-api >/dev/null
meson test -C build-tsan --no-rebuild --print-errorlogs --num-processes 2 threads api || status=1
summarise build-tsan threadsanitizer
# The zlib fallback of PNG deflate (-Ddeflate=zlib; build-ci takes ISA-L): the output suite.
configure build-zlib -Dwerror=true -Ddeflate=zlib
meson compile -C build-zlib tests/test-output >/dev/null
meson test -C build-zlib --no-rebuild --print-errorlogs --num-processes 2 output || status=1
summarise build-zlib zlib-fallback
# valgrind: the API and chart suites, leak-checked (tests/valgrind.supp).
meson test -C build-ci --setup valgrind --no-rebuild --print-errorlogs --num-processes 2 api bar rank || status=1
summarise build-ci valgrind
[ "$status" -eq 0 ] && echo "all tests passed" || echo "some tests failed"
exit "$status"
