/* libreport fuzz target: the report spec reader (libreport/report-spec.c, report-ref.c) and,
 * for small inputs, the layout of what it accepts (report-layout.c, report-table.c,
 * report-cards.c).
 *
 * Checks, for any bytes: loading never crashes or leaks; a report is in error exactly when it
 * records errors; every error names the spec ("fuzz.md"), has a line within the input and a
 * message that is valid UTF-8; an accepted spec of at most 2 KiB lays out into at least the
 * cover and contents pages, or says why not.
 *
 * Build (outside meson, every library file instrumented; run `ninja -C build` first for
 * lr-version.h):
 *
 *   cd /work/main && clang -g -O1 -fsanitize=fuzzer,address,undefined \
 *       -fno-sanitize-recover=all -DLR_COMPILATION -DLR_FONTS_DIR='"/nonexistent"' \
 *       -DLR_SOURCE_FONTS_DIR="\"$PWD/fonts\"" -D_POSIX_C_SOURCE=200809L \
 *       -DLR_FUZZ_DATA_DIR="\"$PWD/tests/data/report-golden/data\"" \
 *       -Iinclude -Ibuild/include -Ilibreport tests/fuzz-report-spec.c $(find libreport -name '*.c') \
 *       $(pkg-config --cflags --libs glib-2.0 cairo cairo-pdf cairo-svg pangocairo pangoft2 \
 *         harfbuzz fontconfig libpng zlib libcmark-gfm libqpdf) \
 *       -lcmark-gfm-extensions -lcsv -lm -o /tmp/fuzz-report-spec
 *   rm -rf /tmp/fuzz-report && cp -r tests/fuzz-corpus-report /tmp/fuzz-report
 *   LREPORT_DATA_DIR=$PWD/tests/data/report-golden/data TMPDIR=/dev/shm \
 *       /tmp/fuzz-report-spec -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
 *       -dict=tests/fuzz-report.dict -max_total_time=600 /tmp/fuzz-report
 *
 * The corpus (tests/fuzz-corpus-report/) replays in `meson test` (suite report).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "report-private.h"

#define LR_FUZZ_NEEDS_FONTS
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lr_dataset_t *dataset;

static void
require(bool condition, const char *what)
{
	if (!condition) {
		fprintf(stderr, "fuzz-report-spec: %s\n", what);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lr_report_t *report;
	size_t errors;
	unsigned lines = 1;

	if (!dataset) {
		const char *folder = g_getenv("LREPORT_DATA_DIR");
		dataset = lr_dataset_load(folder && *folder ? folder : LR_FUZZ_DATA_DIR);
		require(lr_dataset_status(dataset) == LR_STATUS_SUCCESS, "the dataset does not load");
		fuzz_require_fonts("fuzz-report-spec");
	}
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'));
	report = lr_report_load_from_memory((const char *) data, size, "fuzz.md", dataset);
	errors = lr_report_get_error_count(report);
	require((lr_report_status(report) != LR_STATUS_SUCCESS) == (errors > 0),
		"status and error count disagree");
	for (size_t i = 0; i < errors; i++) {
		const lr_error_t *error = lr_report_get_error(report, i);
		require(error && error->message && g_utf8_validate(error->message, -1, NULL),
			"an error without a UTF-8 message");
		require(error->file && strcmp(error->file, "fuzz.md") == 0, "an error not in the spec");
		require(error->line <= lines + 1, "an error line beyond the input");
	}
	if (errors == 0 && size <= 2048) {
		int pages = lr_report_get_page_count(report);
		require(pages >= 2 || lr_report_get_last_error(report),
			"a layout failed without saying why");
	}
	lr_report_destroy(report);
	return 0;
}
