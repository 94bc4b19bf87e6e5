#!/bin/sh
# test-cli.sh again, from a plain shell with an empty environment, as cron, systemd units and
# container images start programs: no locale, no HOME, no LREPORT_* (lreport then finds the
# source tree's data and fonts because it runs from its build folder). meson's Python parent
# exports a UTF-8 LC_CTYPE, which hid the locale bug of issue 11. Only PATH and the
# sanitizers' settings pass.
# Usage: test-cli-env.sh LREPORT SOURCE_DIR
here=$(cd "$(dirname "$0")" && pwd)
exec env -i PATH=/usr/local/bin:/usr/bin:/bin \
  ${ASAN_OPTIONS+"ASAN_OPTIONS=$ASAN_OPTIONS"} ${LSAN_OPTIONS+"LSAN_OPTIONS=$LSAN_OPTIONS"} \
  ${UBSAN_OPTIONS+"UBSAN_OPTIONS=$UBSAN_OPTIONS"} ${TSAN_OPTIONS+"TSAN_OPTIONS=$TSAN_OPTIONS"} \
  /bin/sh "$here/test-cli.sh" "$@"
