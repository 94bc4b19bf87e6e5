#!/usr/bin/env bash
# Regenerates the pictures README.md shows (docs/images/): two charts at
# 1200x675 and three pages of the 2024 briefing at 60 dpi. Run after `meson compile -C build`:
#
#   bash scripts/readme-images.sh [BUILD_DIR]     # default: build
#
# Look at the result before committing it (the pictures are the README's promise).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
lreport="$build/tools/lreport"
export LREPORT_FONTS_DIR="$PWD/fonts" LREPORT_DATA_DIR="$PWD/data"
out=docs/images
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Two charts, at three quarters of the CLI's default size.
"$lreport" bar --indicator ftth_coverage --horizontal --sort desc --highlight "Việt Nam" \
  --lang en --size 1200x675 -o "$out/ftth-en.png"
"$lreport" rank --indicator egdi_rank --indicator gii_rank --indicator gci_rank --lang vi \
  --size 1200x675 -o "$out/rankings-vi.png"

# Pages of the briefing: contents and overview (vi), rankings and a chart (en).
"$lreport" report data/briefing-vi.md --dpi 60 -o "$scratch/vi.png"
"$lreport" report data/briefing-en.md --dpi 60 -o "$scratch/en.png"
cp "$scratch/vi-02.png" "$out/briefing-vi-page-02.png"
cp "$scratch/vi-03.png" "$out/briefing-vi-page-03.png"
cp "$scratch/en-04.png" "$out/briefing-en-page-04.png"
ls -l "$out"
