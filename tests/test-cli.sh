#!/bin/sh
# The lreport CLI as people and scripts use it: exit codes (0 ok, 1 data/output, 2 usage),
# messages on stderr, files written whole or not at all.
# Usage: test-cli.sh LREPORT SOURCE_DIR
set -u
lreport=$1
source=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
passed=0
failed=0

# expect CODE DESCRIPTION -- COMMAND...: runs it, checks the exit code; output in $scratch/out, err.
expect() {
  code=$1; what=$2; shift 3
  "$@" >"$scratch/out" 2>"$scratch/err"
  got=$?
  if [ "$got" -eq "$code" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $what: exit $got, expected $code"; sed 's/^/  stderr: /' "$scratch/err" | head -5
  fi
}
# contains FILE TEXT DESCRIPTION
contains() {
  if grep -qF -- "$2" "$scratch/$1"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $3: '$2' not in $1"; sed 's/^/  /' "$scratch/$1" | head -5; fi
}
check() {
  if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $2"; fi
}

expect 0 "--help" -- "$lreport" --help
contains out "Usage: lreport" "--help prints usage"
expect 0 "--version" -- "$lreport" --version
contains out "lreport 0." "--version prints the version"
expect 2 "no command" -- "$lreport"
expect 2 "unknown command" -- "$lreport" frobnicate
contains err "unknown command 'frobnicate'" "unknown command is named"
expect 2 "unknown option" -- "$lreport" list --frobnicate

expect 0 "validate the bundled dataset" -- "$lreport" validate
contains out "valid" "validate summarises"
check "! grep -q ': warning: ' \"\$scratch/err\"" "the bundled dataset has no character the fonts cannot draw"
# Emoji the bundled fallback font has pass; a character no bundled font has (U+1F9A0) is a
# warning at file:line:column, and the dataset stays valid.
mkdir "$scratch/glyphs"
cp "$source/tests/data/good/basic/indicators.csv" "$scratch/glyphs/"
printf 'indicator,entity,year,period,value,low,high,n,status,source,quote,note\necommerce_revenue,Hà Nội 📈 ✅,2023,,1,,,,actual,a.txt,q,\necommerce_revenue,Đà Nẵng \360\237\246\240,2023,,1,,,,actual,a.txt,q,\n' >"$scratch/glyphs/observations.csv"
expect 0 "validate with a character no font has" -- "$lreport" validate --data "$scratch/glyphs"
contains err "glyphs/observations.csv:3:19: warning: entity: no bundled font can draw U+1F9A0 (character 9 of the text)" "validate locates a character no font has"
check "[ \"\$(grep -c ': warning: ' "$scratch/err")\" -eq 1 ]" "emoji the fallback font has are not warned about"
expect 1 "validate bad data" -- "$lreport" validate --data "$source/tests/data/bad/many"
check "[ \"\$(grep -c ': error: ' "$scratch/err")\" -ge 10 ]" "validate lists every error, not just the first"
contains err "observations.csv:6:34: error: value: expected a number like 27.7, found '16,4'" "file:line:column and what was expected"
check "[ ! -s \"$scratch/out\" ]" "errors go to stderr, not stdout"
# A file with an error on every row: other commands print the first 20 and count the rest.
mkdir -p "$scratch/flood"
cp "$source/data/indicators.csv" "$scratch/flood/"
{ echo "indicator,entity,year,period,value,low,high,n,status,source,quote,note"
  for i in $(seq 1 50); do echo "ecommerce_revenue,Việt Nam,20x$i,,1,,,,actual,s,q,"; done
} > "$scratch/flood/observations.csv"
expect 1 "a chart of a dataset with 50 errors" -- "$lreport" bar -i ecommerce_revenue --data "$scratch/flood" -o "$scratch/flood.png"
check "[ \"\$(grep -c ': error: ' "$scratch/err")\" -eq 20 ]" "20 of 50 errors printed"
check "grep -q '\.\.\. and 30 more errors, not shown' \"$scratch/err\"" "the rest are counted"
expect 1 "validate a dataset with 50 errors" -- "$lreport" validate --data "$scratch/flood"
check "[ \"\$(grep -c ': error: ' "$scratch/err")\" -eq 50 ]" "validate prints all 50"
expect 1 "validate a missing folder" -- "$lreport" validate --data "$scratch/nowhere"
contains err "indicators.csv" "a missing file is named"

expect 0 "list" -- "$lreport" list
contains out "egdi_rank" "list shows indicators"
contains out "2022,2024" "list shows years"
expect 0 "list --lang en" -- "$lreport" list --lang en
contains out "Retail e-commerce revenue" "English names"
expect 2 "list --lang fr" -- "$lreport" list --lang fr

expect 0 "show" -- "$lreport" show egdi_rank
contains out "71/193" "ranks as x/N"
expect 0 "show vi numbers" -- "$lreport" show ecommerce_revenue
contains out "27,7–28" "Vietnamese range with decimal comma"
expect 0 "show en numbers" -- "$lreport" show ecommerce_revenue --lang en
contains out "27.7–28" "English decimal point"
expect 1 "show unknown" -- "$lreport" show nope
contains err "unknown indicator 'nope'" "unknown indicator is named"
expect 2 "show without id" -- "$lreport" show

# list/show for programs and with data of other shapes: exact values, TSV, JSON, year ranges,
# columns aligned by display width (synthetic data: values that differ in the 4th decimal,
# names with stacked diacritics).
mkdir -p "$scratch/exact"
cat >"$scratch/exact/indicators.csv" <<'CSV'
id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note
score,Điểm số,Score,,,value,higher,overall,
rank,Xếp hạng,Rank,,,rank,lower,overall,
CSV
cat >"$scratch/exact/observations.csv" <<'CSV'
indicator,entity,year,period,value,low,high,n,status,source,quote,note
score,Hà Nội,2022,,0.4795,,,,actual,s.txt,"say ""0,4795""	tab",
score,Thừa Thiên Huế,2023,,0.7002,,,,actual,s.txt,q,
score,Bà Rịa - Vũng Tàu,2024,,0.7001,,,,actual,s.txt,q,
rank,Hà Nội,2023,,3,,,63,actual,s.txt,q,
CSV
expect 0 "show exact" -- "$lreport" show score --data "$scratch/exact"
contains out "0,4795" "show prints the stored value exactly (vi)"
contains out "0,7002" "4th decimal kept"
contains out "0,7001" "4th decimal kept (second value)"
check "! grep -q '0,70 ' \"$scratch/out\"" "no value rounded to 2 decimals"
check "python3 -c 'import sys; lines = [l.encode() for l in open(sys.argv[1], encoding=\"utf-8\") if \"actual\" in l]; sys.exit(len({l.index(b\"actual\") for l in lines}) == 1)' \"$scratch/out\"" \
  "sanity: the status column starts at different byte offsets (names of different byte lengths)"
check "python3 -c 'import sys; lines = [l for l in open(sys.argv[1], encoding=\"utf-8\") if \"actual\" in l]; sys.exit(len({l.index(\"actual\") for l in lines}) != 1)' \"$scratch/out\"" \
  "show pads columns by display width: the status column lines up"
expect 0 "list aligned" -- "$lreport" list --data "$scratch/exact"
check "python3 -c 'import sys; lines = open(sys.argv[1], encoding=\"utf-8\").read().splitlines(); sys.exit(len({l.index(w, 1) for l, w in zip(lines, [\"LOẠI\", \"value\", \"rank\"])}) != 1)' \"$scratch/out\"" \
  "list pads columns by display width"
expect 0 "show --format json" -- "$lreport" show score --data "$scratch/exact" --format json --lang en
check "python3 -c 'import json, sys; rows = json.load(open(sys.argv[1], encoding=\"utf-8\")); sys.exit(not (len(rows) == 3 and rows[0][\"value\"] == 0.4795 and rows[0][\"formatted\"] == \"0.4795\" and rows[0][\"entity\"] == \"Hà Nội\" and rows[0][\"quote\"] == \"say \\\"0,4795\\\"\\ttab\" and rows[0][\"low\"] is None))' \"$scratch/out\"" \
  "show JSON: exact numbers, escaped strings, null for absent"
expect 0 "show --format tsv" -- "$lreport" show score --data "$scratch/exact" --format tsv
check "[ \"\$(awk -F'\t' '{ print NF }' \"$scratch/out\" | sort -u)\" = 13 ]" "show TSV: 13 fields on every line (tabs in fields escaped)"
contains out 'say "0,4795"\ttab' "a tab inside a field is written as \\t"
contains out "	0.4795	" "TSV values are exact, with a decimal point"
expect 0 "show --year range" -- "$lreport" show score --data "$scratch/exact" --year 2023-2024 --format tsv
check "[ \"\$(wc -l < \"$scratch/out\")\" -eq 3 ] && ! grep -q 2022 \"$scratch/out\"" "--year 2023-2024 keeps 2023 and 2024 only"
expect 0 "show --year list" -- "$lreport" show score --data "$scratch/exact" --year 2022,2024 --format tsv
check "[ \"\$(wc -l < \"$scratch/out\")\" -eq 3 ] && ! grep -q '	2023	' \"$scratch/out\"" "--year 2022,2024 keeps those two"
expect 0 "list --format json --year" -- "$lreport" list --data "$scratch/exact" --format json --year 2022
check "python3 -c 'import json, sys; rows = json.load(open(sys.argv[1])); sys.exit(rows != [{\"id\": \"score\", \"kind\": \"value\", \"years\": [2022], \"unit\": \"\", \"name\": \"Điểm số\"}])' \"$scratch/out\"" \
  "list JSON with --year: only indicators with data then, years as numbers"
expect 0 "list --format tsv" -- "$lreport" list --format tsv
contains out "id	kind	years	unit	name" "list TSV header"
expect 2 "list --format xml" -- "$lreport" list --format xml
contains err "expected text, tsv or json" "bad --format names the choices"
expect 2 "show --year 2024-2022" -- "$lreport" show score --data "$scratch/exact" --year 2024-2022
contains err "a range (2022-2024)" "a reversed range is a usage error"
expect 2 "bar --year nonsense" -- "$lreport" bar -i ecommerce_revenue --year 20x4 -o "$scratch/y.png"
expect 0 "bar --year range" -- "$lreport" bar -i ecommerce_revenue --year 2021-2023 -o "$scratch/y.png"

expect 0 "bar png" -- "$lreport" bar -i ecommerce_revenue -o "$scratch/a.png" --size 800x450 --scale 2
check "head -c 8 \"$scratch/a.png\" | od -An -c | grep -q 'P   N   G'" "a PNG is written"
check "[ \"\$(od -An -tu1 -j16 -N8 \"$scratch/a.png\" | tr -s ' ')\" = ' 0 0 6 64 0 0 3 132' ]" "PNG is 1600x900 at --scale 2"
expect 0 "bar pdf with every option" -- "$lreport" bar --indicator ftth_coverage --entity "Việt Nam" --entity "thế giới" --year 2024 \
  --layout grouped --horizontal --sort desc --highlight "Việt Nam" --lang en --title "Fibre" --size 600x400 -o "$scratch/b.pdf"
check "head -c 5 \"$scratch/b.pdf\" | grep -q '%PDF'" "a PDF is written"
expect 0 "bar svg" -- "$lreport" bar -i dx_targets_done -i dx_targets_likely -i dx_targets_effort --layout percent -o "$scratch/c.svg"
contains c.svg "<svg" "an SVG is written"
expect 1 "bar unknown indicator" -- "$lreport" bar -i nope -o "$scratch/x.png"
contains err "unknown indicator 'nope'" "unknown indicator"
expect 1 "bar unknown entity" -- "$lreport" bar -i ftth_coverage --entity "Atlantis" -o "$scratch/x.png"
contains err "Atlantis" "unknown entity is named"
expect 1 "bar year without data" -- "$lreport" bar -i ecommerce_revenue --year 1999 -o "$scratch/x.png"
contains err "1999" "the year is named"
expect 2 "bar bad layout" -- "$lreport" bar -i ecommerce_revenue --layout round -o "$scratch/x.png"
expect 2 "bar bad size" -- "$lreport" bar -i ecommerce_revenue --size 0x0 -o "$scratch/x.png"
expect 0 "bar with no height: as tall as needed" -- "$lreport" bar -i ftth_coverage --horizontal --size 1600x -o "$scratch/tall.png"
check "[ \"\$(od -An -tu1 -j16 -N8 \"$scratch/tall.png\" | tr -s ' ')\" = ' 0 0 6 64 0 0 3 132' ]" "3 horizontal bars with no height: 16:9"
expect 2 "bar bad --labels" -- "$lreport" bar -i ecommerce_revenue --labels some -o "$scratch/x.png"
contains err "fit, all or none" "says what --labels takes"
expect 2 "bar bad --decimals" -- "$lreport" bar -i ecommerce_revenue --decimals 9 -o "$scratch/x.png"
contains err "0 to 4" "says what --decimals takes"
expect 0 "bar --labels none --decimals 1" -- "$lreport" bar -i ecommerce_revenue --labels none --decimals 1 -o "$scratch/c.svg"
expect 1 "bar of a rank indicator" -- "$lreport" bar -i egdi_rank -o "$scratch/x.png"
contains err "lreport rank" "says to draw a ranking chart"
expect 2 "bar bad extension" -- "$lreport" bar -i ecommerce_revenue -o "$scratch/x.jpg"
expect 2 "bar without -o" -- "$lreport" bar -i ecommerce_revenue
expect 1 "bar unwritable output" -- "$lreport" bar -i ecommerce_revenue -o "$scratch/missing/dir/x.png"
contains err "missing/dir/x.png" "the unwritable path is named"
check "[ ! -e \"$scratch/x.png\" ] && [ ! -e \"$scratch/x.jpg\" ]" "no file is left by failed commands"

expect 0 "rank" -- "$lreport" rank -i egdi_rank -i gii_rank -i gci_rank -o "$scratch/r.png"
expect 1 "rank of a non-rank indicator" -- "$lreport" rank -i ecommerce_revenue -o "$scratch/y.png"
contains err "not a rank" "says why"
expect 1 "rank of a single year" -- "$lreport" rank -i egdi_rank --year 2024 -o "$scratch/y.png"
contains err "at least two years" "says why"

expect 0 "charts" -- "$lreport" charts --out "$scratch/charts" --formats png,svg --lang vi
check "[ \"\$(ls \"$scratch/charts\" | wc -l)\" -ge 10 ]" "charts renders the chart set"
check "! ls \"$scratch/charts\" | grep -q 'lreport-'" "no temporary files are left behind"

# A full disk (RLIMIT_FSIZE: writes past 16 KiB fail with EFBIG instead of killing the process):
# every file is still tried, each error line names its own file, and what was written is whole.
full="$scratch/full"
(trap '' XFSZ; ulimit -f 32; exec "$lreport" charts --out "$full" --formats png,pdf --lang vi,en) \
  >"$scratch/out" 2>"$scratch/err"
check "[ $? -eq 1 ]" "charts on a full disk exits 1"
expected=0; missing=0
for name in $(sed -n 's/^\[chart \(.*\)\]$/\1/p' "$source/data/charts.ini"); do
  for lang in vi en; do
    for format in png pdf; do
      expected=$((expected + 1))
      file="$full/$name-$lang.$format"
      if [ -f "$file" ]; then
        check "grep -qxF -- \"$file\" \"$scratch/out\"" "full disk: $file written and listed"
      else
        missing=$((missing + 1))
        check "grep -qF -- \"lreport: $file: cannot write '$file'\" \"$scratch/err\"" \
          "full disk: the error for $file names it"
      fi
    done
  done
done
check "[ $expected -eq 40 ] && [ $missing -gt 0 ]" "full disk: 40 files tried, some refused ($missing)"
check "[ \"\$(grep -c 'cannot write' \"$scratch/err\")\" -eq $missing ]" "full disk: one error line per missing file"
check "! grep 'cannot write' \"$scratch/err\" | grep -v \"^lreport: \\([^:]*\\): cannot write '\\1'\"" \
  "full disk: no error line names another file"
contains err "rendered into $full, $missing failed" "full disk: the summary counts every file"
check "! ls -a \"$full\" | grep -q '^\\.[^.]'" "full disk: no temporary files are left behind"

# A chart list with errors: each located, the good charts still rendered.
mkdir -p "$scratch/spec"
cat >"$scratch/spec/charts.ini" <<'INI'
[chart ok]
kind=bar
indicator=ecommerce_revenue

[chart ../../escape]
kind=bar
indicator=ecommerce_revenue

[chart typo]
kind=bar
indicatr=ecommerce_revenue
INI
expect 1 "charts with a bad list" -- "$lreport" charts --spec "$scratch/spec/charts.ini" --out "$scratch/spec/out" --formats svg --lang vi
contains err "$scratch/spec/charts.ini:5:8: error: chart name '../../escape'" "an escaping chart name is refused at its line"
contains err "$scratch/spec/charts.ini:11:1: error: unknown key 'indicatr'" "an unknown key is located"
check "[ -f \"$scratch/spec/out/ok-vi.svg\" ]" "the good chart of a bad list is rendered"
check "[ ! -e \"$scratch/escape-vi.svg\" ] && [ ! -e \"$scratch/spec/escape-vi.svg\" ]" "nothing is written outside the folder"
expect 2 "charts --formats jpg" -- "$lreport" charts --out "$scratch/x" --formats jpg
contains err "unknown format 'jpg'" "an unknown format is named"

# Font failures name the folder actually used and say what is wrong with it (issue 13).
fonts=${LREPORT_FONTS_DIR:-$source/fonts}
mkdir -p "$scratch/fonts-empty" "$scratch/fonts-corrupt"
for f in "$fonts"/*.ttf; do head -c 3000 "$f" >"$scratch/fonts-corrupt/$(basename "$f")"; done
expect 1 "empty LREPORT_FONTS_DIR" -- env LREPORT_FONTS_DIR="$scratch/fonts-empty" "$lreport" bar -i ecommerce_revenue -o "$scratch/f.png"
contains err "cannot load the fonts from '$scratch/fonts-empty' (LREPORT_FONTS_DIR): no font file there" "an empty font folder is named"
expect 1 "missing LREPORT_FONTS_DIR" -- env LREPORT_FONTS_DIR="$scratch/fonts-nowhere" "$lreport" bar -i ecommerce_revenue -o "$scratch/f.png"
contains err "'$scratch/fonts-nowhere' (LREPORT_FONTS_DIR): no such folder" "a missing font folder is named"
expect 1 "corrupt fonts" -- env LREPORT_FONTS_DIR="$scratch/fonts-corrupt" "$lreport" bar -i ecommerce_revenue -o "$scratch/f.png"
contains err "cannot load the fonts from '$scratch/fonts-corrupt'" "a corrupt font folder is named"
contains err "is unreadable (corrupt or truncated)" "a corrupt font is called unreadable"
check "! grep -q 'canvas' \"$scratch/err\"" "a corrupt font is not reported as a canvas problem"
# The same folder scanned once while its fonts were good: fontconfig's cache still lists them.
mkdir -p "$scratch/fonts-stale" "$scratch/cache"
cp "$fonts"/*.ttf "$scratch/fonts-stale/"
expect 0 "fonts that load" -- env XDG_CACHE_HOME="$scratch/cache" LREPORT_FONTS_DIR="$scratch/fonts-stale" "$lreport" bar -i ecommerce_revenue -o "$scratch/f.png"
for f in "$scratch"/fonts-stale/*.ttf; do head -c 3000 "$f" >"$f.cut"; cat "$f.cut" >"$f"; rm "$f.cut"; done
touch -d @0 "$scratch/fonts-stale"
expect 1 "fonts corrupted after fontconfig cached them" -- env XDG_CACHE_HOME="$scratch/cache" LREPORT_FONTS_DIR="$scratch/fonts-stale" "$lreport" bar -i ecommerce_revenue -o "$scratch/f.png"
contains err "is unreadable (corrupt or truncated)" "a font corrupted after caching is called unreadable"
check "! grep -q 'Pango-WARNING' \"$scratch/err\"" "no Pango warning, only our message"

# No writable home (daemons, HOME=/nonexistent): fontconfig stays quiet, charts still render.
# (The sanitizers' settings pass through env -i.)
mkdir -p "$scratch/tmp"
keep="ASAN_OPTIONS=${ASAN_OPTIONS:-} LSAN_OPTIONS=${LSAN_OPTIONS:-} UBSAN_OPTIONS=${UBSAN_OPTIONS:-}"
expect 0 "HOME=/nonexistent" -- env -i $keep HOME=/nonexistent TMPDIR="$scratch/tmp" LREPORT_FONTS_DIR="$fonts" LREPORT_DATA_DIR="$source/data" "$lreport" bar -i ecommerce_revenue -o "$scratch/home.png"
check "[ ! -s \"$scratch/err\" ]" "nothing on stderr without a writable cache folder (got: $(head -c 200 "$scratch/err"))"
check "[ ! -e /nonexistent ]" "the missing home folder is not created"
# No HOME at all (env -i, as cron and systemd start programs): fontconfig has no cache folder
# of its own then, whatever the password file says; still quiet.
mkdir -p "$scratch/tmp2"
expect 0 "no HOME" -- env -i $keep TMPDIR="$scratch/tmp2" LREPORT_FONTS_DIR="$fonts" LREPORT_DATA_DIR="$source/data" "$lreport" bar -i ecommerce_revenue -o "$scratch/nohome.png"
check "[ ! -s \"$scratch/err\" ]" "nothing on stderr without HOME (got: $(head -c 200 "$scratch/err"))"
check "ls -d \"$scratch\"/tmp2/lreport-fontconfig-* >/dev/null 2>&1" "fontconfig's cache went to the private folder in TMPDIR"
expect 1 "HOME=/nonexistent, empty fonts" -- env -i $keep HOME=/nonexistent TMPDIR="$scratch/tmp" LREPORT_FONTS_DIR="$scratch/fonts-empty" LREPORT_DATA_DIR="$source/data" "$lreport" bar -i ecommerce_revenue -o "$scratch/home.png"
check "! grep -q 'Fontconfig' \"$scratch/err\"" "no fontconfig noise on a failure either"

# ---- Any locale (issue 11): arguments are UTF-8 whatever the locale ------------------------
# LC_ALL=C here, and the whole script runs a second time under `env -i` (meson test cli-env).
# png_size FILE: WIDTHxHEIGHT; png_ppm FILE: the pHYs chunk's pixels per metre, or "none".
png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }
png_ppm() { python3 -c '
import struct,sys
d=open(sys.argv[1],"rb").read(); i=d.find(b"pHYs")
print("none" if i < 0 else "%d,%d,%d" % struct.unpack(">IIB", d[i+4:i+13]))' "$1"; }
expect 0 "non-ASCII options in the C locale" -- env LC_ALL=C LANG=C "$lreport" bar -i ftth_coverage --entity "Việt Nam" --highlight "Việt Nam" --title "Cáp quang đến hộ gia đình" -o "$scratch/c-locale.pdf"
check "[ ! -s \"$scratch/err\" ]" "nothing on stderr in the C locale (got: $(head -c 200 "$scratch/err"))"
check "pdftotext \"$scratch/c-locale.pdf\" - | grep -qF 'Cáp quang đến hộ gia đình'" "the UTF-8 title reaches the chart"
expect 0 "non-ASCII options with no locale at all" -- env -u LC_ALL -u LC_CTYPE -u LANG "$lreport" list --lang vi
invalid=$(printf 'Vi\341t')
expect 2 "an argument that is not UTF-8" -- "$lreport" bar -i ftth_coverage --highlight "$invalid" -o "$scratch/x.png"
contains err "argument 5 is not valid UTF-8" "invalid UTF-8 is a usage error naming the argument"
check "[ ! -e \"$scratch/x.png\" ]" "no file for an argument that is not UTF-8"

# ---- Streams: -o - writes the chart to standard output ---------------------------------------
for format in png pdf svg; do
  expect 0 "-o - --format $format" -- sh -c "\"$lreport\" bar -i ecommerce_revenue -o - --format $format >\"$scratch/stream.$format\""
  expect 0 "the same chart as a .$format file" -- "$lreport" bar -i ecommerce_revenue -o "$scratch/file.$format"
  check "cmp -s \"$scratch/stream.$format\" \"$scratch/file.$format\"" "-o - --format $format: stdout has the file's bytes"
done
expect 0 "--format overrides the extension" -- "$lreport" bar -i ecommerce_revenue --format png -o "$scratch/chart.dat"
check "cmp -s \"$scratch/chart.dat\" \"$scratch/file.png\"" "--format png into chart.dat writes the PNG"
expect 2 "-o - without --format" -- "$lreport" bar -i ecommerce_revenue -o -
contains err "needs --format" "-o - asks for --format"
expect 2 "--format jpg" -- "$lreport" bar -i ecommerce_revenue --format jpg -o -
expect 1 "-o - of a chart that fails" -- "$lreport" bar -i ecommerce_revenue --year 1999 -o - --format png
check "[ ! -s \"$scratch/out\" ]" "nothing on stdout when the chart fails"

# ---- Sizes for documents: units and --dpi --------------------------------------------------
expect 0 "--size 16cmx9cm PNG" -- "$lreport" bar -i ecommerce_revenue --size 16cmx9cm -o "$scratch/cm.png"
check "[ \"$(png_size "$scratch/cm.png")\" = 1890x1063 ]" "16 x 9 cm at 300 dpi is 1890x1063 pixels (got $(png_size "$scratch/cm.png"))"
check "[ \"$(png_ppm "$scratch/cm.png")\" = 11811,11811,1 ]" "the PNG records 300 dpi (11811 px/m; got $(png_ppm "$scratch/cm.png"))"
expect 0 "--size 16x9cm --dpi 150" -- "$lreport" bar -i ecommerce_revenue --size 16x9cm --dpi 150 -o "$scratch/cm150.png"
check "[ \"$(png_size "$scratch/cm150.png")\" = 945x532 ]" "one unit for both sides, at 150 dpi (got $(png_size "$scratch/cm150.png"))"
check "[ \"$(png_ppm "$scratch/cm150.png")\" = 5906,5906,1 ]" "150 dpi recorded"
expect 0 "--size 4inx2.25in --dpi 200 --scale 2" -- "$lreport" bar -i ecommerce_revenue --size 4inx2.25in --dpi 200 --scale 2 -o "$scratch/in.png"
check "[ \"$(png_size "$scratch/in.png")\" = 1600x900 ] && [ \"$(png_ppm "$scratch/in.png")\" = 15748,15748,1 ]" "--scale keeps the physical size: twice the pixels at twice the dpi"
expect 0 "--dpi on a pixel size" -- "$lreport" bar -i ecommerce_revenue --size 1600x900 --dpi 144 -o "$scratch/px.png"
check "[ \"$(png_size "$scratch/px.png")\" = 1600x900 ] && [ \"$(png_ppm "$scratch/px.png")\" = 5669,5669,1 ]" "--dpi records the resolution, the pixels stay"
check "[ \"$(png_ppm "$scratch/file.png")\" = none ]" "no pHYs without --dpi or a physical size"
expect 0 "--size 16cmx9cm PDF" -- "$lreport" bar -i ecommerce_revenue --size 16cmx9cm -o "$scratch/cm.pdf"
check "grep -aq 'MediaBox \\[ 0 0 453.54' \"$scratch/cm.pdf\"" "a 16 x 9 cm PDF page is 453.5 x 255.1 points"
expect 0 "--size 800pxx450px SVG" -- "$lreport" bar -i ecommerce_revenue --size 800pxx450px -o "$scratch/px.svg"
contains px.svg 'width="600pt" height="337.5pt"' "CSS pixels become points in an SVG (96 per inch)"
expect 0 "--size 720ptx405pt PNG" -- "$lreport" bar -i ecommerce_revenue --size 720ptx405pt --dpi 72 -o "$scratch/pt.png"
check "[ \"$(png_size "$scratch/pt.png")\" = 720x405 ]" "points at 72 dpi are pixels"
expect 2 "--scale on a PDF" -- "$lreport" bar -i ecommerce_revenue --scale 2 -o "$scratch/x.pdf"
contains err "--scale applies to PNG only" "--scale on a vector format is refused, not ignored"
expect 2 "--dpi on an SVG" -- "$lreport" bar -i ecommerce_revenue --dpi 300 -o "$scratch/x.svg"
expect 2 "--size with mixed pixels and points" -- "$lreport" bar -i ecommerce_revenue --size 800pxx9cm -o "$scratch/x.png"
expect 2 "--size in furlongs" -- "$lreport" bar -i ecommerce_revenue --size 16furx9fur -o "$scratch/x.png"
expect 2 "--size in hex" -- "$lreport" bar -i ecommerce_revenue --size 0x10x0x10 -o "$scratch/x.png"
# Issue 10: a size too large and one of zero are both usage errors, in the format's unit.
expect 2 "--size 100000x100000 PNG" -- "$lreport" bar -i ecommerce_revenue --size 100000x100000 -o "$scratch/x.png"
contains err "100000 x 100000 pixels is too large: a PNG has at most 32767 pixels a side" "too large a PNG, in pixels"
expect 2 "--size 100000x100000 PDF" -- "$lreport" bar -i ecommerce_revenue --size 100000x100000 -o "$scratch/x.pdf"
contains err "100000 x 100000 points is too large: a PDF is at most 32767 points" "too large a PDF, in points"
check "! grep -q pixels \"$scratch/err\"" "a PDF's size is not called pixels"
expect 2 "--size 0x0 PDF" -- "$lreport" bar -i ecommerce_revenue --size 0x0 -o "$scratch/x.pdf"
contains err "720x405 (points)" "a zero PDF size is explained in points"
expect 2 "--size 20000x100 --scale 2" -- "$lreport" bar -i ecommerce_revenue --size 20000x100 --scale 2 -o "$scratch/x.png"
contains err "40000 x 200 pixels at --scale 2 is too large" "the device pixels are counted at the scale"
expect 2 "--size 300cmx1cm" -- "$lreport" bar -i ecommerce_revenue --size 300cmx1cm -o "$scratch/x.png"
contains err "at 300 dpi is too large" "a physical size names its resolution"
check "[ ! -e \"$scratch/x.png\" ] && [ ! -e \"$scratch/x.pdf\" ] && [ ! -e \"$scratch/x.svg\" ]" "no file is left by size errors"

# ---- The slide set: lreport charts --size --scale --dpi --theme ------------------------------
expect 0 "charts --size --scale" -- "$lreport" charts --out "$scratch/slides" --formats png,pdf --lang vi --size 800x450 --scale 2
check "[ \"$(png_size "$scratch/slides/ecommerce-revenue-vi.png")\" = 1600x900 ]" "every PNG at 2x"
check "grep -aq 'MediaBox \\[ 0 0 800 450 \\]' \"$scratch/slides/ecommerce-revenue-vi.pdf\"" "the PDFs at the size, without the scale"
expect 0 "charts --theme print" -- "$lreport" charts --out "$scratch/print" --formats png --lang vi --theme print
expect 0 "bar --theme print" -- "$lreport" bar -i ecommerce_revenue --theme print --lang vi -o "$scratch/print-bar.png"
check "cmp -s \"$scratch/print/ecommerce-revenue-vi.png\" \"$scratch/print-bar.png\"" "charts --theme print draws what bar --theme print draws"
check "! cmp -s \"$scratch/print/ecommerce-revenue-vi.png\" \"$scratch/charts/ecommerce-revenue-vi.png\"" "--theme print changes the charts"
expect 2 "charts --theme neon" -- "$lreport" charts --out "$scratch/y" --theme neon
expect 2 "charts --scale with no PNG" -- "$lreport" charts --out "$scratch/y" --formats pdf,svg --scale 2
contains err "--scale applies to PNG only" "--scale without a PNG is refused"
expect 2 "charts --size too large" -- "$lreport" charts --out "$scratch/y" --formats svg --size 40000x100
# A bad --lang or --formats is one usage error, before anything is read or written.
for bad in "--lang vi,fr" "--lang vi," "--formats png,jpg" "--formats png,png" "-j -3" "-j 1000" "--size 0x9"; do
  expect 2 "charts $bad" -- "$lreport" charts --out "$scratch/y" $bad
  check "[ \"\$(wc -l <\"$scratch/err\")\" -eq 1 ]" "charts $bad: one message (got $(wc -l <"$scratch/err"))"
  check "[ ! -s \"$scratch/out\" ] && [ ! -e \"$scratch/y\" ]" "charts $bad: nothing rendered, no folder made"
  check "! grep -q success \"$scratch/err\"" "charts $bad: no 'success'"
done
# charts.ini: size, scale and dpi per chart; the command line overrides them.
mkdir -p "$scratch/ini"
cat >"$scratch/ini/charts.ini" <<'INI'
[chart slide]
kind=bar
indicator=ecommerce_revenue
size=800x450
scale=2

[chart print]
kind=bar
indicator=ecommerce_revenue
size=16cmx9cm
dpi=150
theme=print
INI
expect 0 "charts.ini size, scale, dpi" -- "$lreport" charts --spec "$scratch/ini/charts.ini" --out "$scratch/ini/out" --formats png,pdf --lang vi
check "[ \"$(png_size "$scratch/ini/out/slide-vi.png")\" = 1600x900 ]" "size= and scale= of charts.ini"
check "[ \"$(png_size "$scratch/ini/out/print-vi.png")\" = 945x532 ] && [ \"$(png_ppm "$scratch/ini/out/print-vi.png")\" = 5906,5906,1 ]" "size=16cmx9cm dpi=150 of charts.ini"
check "grep -aq 'MediaBox \\[ 0 0 453.54' \"$scratch/ini/out/print-vi.pdf\"" "charts.ini's physical size for the PDF"
expect 0 "--scale overrides charts.ini" -- "$lreport" charts --spec "$scratch/ini/charts.ini" --out "$scratch/ini/out2" --formats png --lang vi --scale 1 --size 400x225
check "[ \"$(png_size "$scratch/ini/out2/slide-vi.png")\" = 400x225 ] && [ \"$(png_size "$scratch/ini/out2/print-vi.png")\" = 400x225 ]" "the command line wins"
cat >"$scratch/ini/bad.ini" <<'INI'
[chart ok]
kind=bar
indicator=ecommerce_revenue

[chart big]
kind=bar
indicator=ecommerce_revenue
size=100000x100

[chart zero]
kind=bar
indicator=ecommerce_revenue
scale=0

[graph nope]
kind=bar
INI
expect 1 "charts.ini with bad sizes and an unknown group" -- "$lreport" charts --spec "$scratch/ini/bad.ini" --out "$scratch/ini/bad" --formats png --lang vi,en
contains err "$scratch/ini/bad.ini:8:6: error: [chart big] size '100000x100': 100000 x 100 pixels is too large" "a bad size= is located"
contains err "$scratch/ini/bad.ini:13:7: error: [chart zero] scale: expected a number from 0.1 to 16, found '0'" "a bad scale= is located"
contains err "$scratch/ini/bad.ini:15:1: error: unknown group '[graph nope]'" "an unknown group is located"
check "[ -f \"$scratch/ini/bad/ok-vi.png\" ] && [ -f \"$scratch/ini/bad/ok-en.png\" ] && [ ! -e \"$scratch/ini/bad/big-vi.png\" ]" "the good charts are rendered, the bad ones not"
contains err "2 files rendered into $scratch/ini/bad, 6 failed" "the summary counts the bad charts and the bad group in both languages"

# ---- Batches: -j N gives the same files, output and messages as -j 1 -------------------------
provinces="$source/tests/data/provinces"
expect 0 "63 provinces -j 1" -- "$lreport" charts --data "$provinces" --out "$scratch/j1" --formats png,pdf,svg --lang vi -j 1
sed "s|$scratch/j1|DIR|g" "$scratch/out" >"$scratch/j1.out"; sed "s|$scratch/j1|DIR|g" "$scratch/err" >"$scratch/j1.err"
expect 0 "63 provinces -j 2" -- "$lreport" charts --data "$provinces" --out "$scratch/j2" --formats png,pdf,svg --lang vi -j 2
sed "s|$scratch/j2|DIR|g" "$scratch/out" >"$scratch/j2.out"; sed "s|$scratch/j2|DIR|g" "$scratch/err" >"$scratch/j2.err"
check "[ \"\$(wc -l <\"$scratch/j1.out\")\" -eq 189 ]" "63 charts x 3 formats listed"
check "cmp -s \"$scratch/j1.out\" \"$scratch/j2.out\"" "-j 2 lists the files in -j 1's order"
check "cmp -s \"$scratch/j1.err\" \"$scratch/j2.err\"" "-j 2 prints -j 1's messages"
check "diff -r \"$scratch/j1\" \"$scratch/j2\" >/dev/null" "-j 2 writes -j 1's bytes"
check "grep -q 'province-63-vi.svg' \"$scratch/j1.out\"" "the 63rd province is rendered"
# Errors too come in the same order: a full disk at -j 3 against -j 1.
for j in 1 3; do
  (trap '' XFSZ; ulimit -f 32; exec "$lreport" charts --data "$provinces" --out "$scratch/fullj$j" --formats png,pdf --lang vi -j $j) \
    >"$scratch/fullj$j.out" 2>"$scratch/fullj$j.err"
  echo $? >"$scratch/fullj$j.code"
  sed -i "s|$scratch/fullj$j|DIR|g" "$scratch/fullj$j.out" "$scratch/fullj$j.err"
done
check "[ \"\$(cat \"$scratch/fullj3.code\")\" -eq 1 ] && grep -q 'cannot write' \"$scratch/fullj3.err\"" "full disk at -j 3: errors and exit 1"
check "cmp -s \"$scratch/fullj1.out\" \"$scratch/fullj3.out\" && cmp -s \"$scratch/fullj1.err\" \"$scratch/fullj3.err\"" "full disk: -j 3 prints what -j 1 prints, in the same order"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
