#!/bin/sh
# kill -9 of `lreport charts` at 50 random moments (issues 12, 13): the folder only ever holds
# whole, valid files (check-outputs.py) besides our temporaries, NAME.lreport-PID-XXXXXX,
# and the next run into the folder removes those of dead processes, so after a last
# complete run there are none. Few processes per kill: the machine may be busy.
# Usage: test-kill.sh LREPORT SOURCE_DIR
set -u
lreport=$1
source=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
out="$scratch/out"
check="$source/tests/check-outputs.py"

# How long a whole run takes, in milliseconds, to spread the kills over it.
start=$(date +%s%N)
"$lreport" charts --out "$out" --formats png,pdf --lang vi >/dev/null 2>&1 ||
  { echo "FAIL: a complete run failed"; exit 1; }
total=$(( ($(date +%s%N) - start) / 1000000 ))
rm -rf "$out"
delays=$(awk -v total="$total" -v seed=$$ 'BEGIN { srand(seed); for (i = 0; i < 50; i++) printf "%.3f ", rand() * total / 1000 }')

i=0
for delay in $delays; do
  i=$((i + 1))
  "$lreport" charts --out "$out" --formats png,pdf --lang vi >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # This moment's files, as hard links (later runs replace, never change, a file): checked
  # all at the end, in one go.
  [ -d "$out" ] && cp -al "$out" "$scratch/kill$i"
done
leftovers=$(find "$scratch" -path "$scratch/kill*" -name '*.lreport-*' | wc -l)
"$lreport" charts --out "$out" --formats png,pdf --lang vi >/dev/null 2>&1 ||
  { echo "FAIL: the run after the kills failed"; exit 1; }
if ls "$out" | grep '\.lreport-'; then
  echo "FAIL: temporaries of killed runs are still there after a complete run"
  exit 1
fi
if ls -d "$scratch"/kill* >/dev/null 2>&1; then
  python3 "$check" --quick --skip-temporaries "$scratch"/kill* ||
    { echo "FAIL: after a kill, a chart file is not whole"; exit 1; }
fi
python3 "$check" "$out" || { echo "FAIL: a chart file is not whole"; exit 1; }
echo "kill: 50 kills over a ${total} ms run; $leftovers temporaries seen after them, none after the next complete run; every file whole"
