/* libreport fuzz target: the chart list reader, charts.ini (lr_chart_set_load(),
 * libreport/chart-spec.c), against the bundled dataset.
 *
 * Input: the first byte picks the language (even: Vietnamese, odd: English); the rest is the
 * file, written once per input to a private folder under $TMPDIR (/dev/shm keeps it off the
 * disk). Checks, for any bytes: no crash or leak; the set is in error exactly when it lists
 * errors; every error names the file, lies within it (line <= lines + 1, column <= that line's
 * characters + 1 when the line is valid UTF-8) and has a valid UTF-8 message; every chart of
 * the set has a name that is safe for a file name (no '/', '\', "..", control characters, not
 * empty; the issue 12 path-traversal rule), unique in the set, and validates; a chart that
 * came through lays out (lr_chart_describe_layout) for the first chart of a small input.
 *
 * Build: tests/fuzz-build.sh build /tmp/fuzz (all targets). Run:
 *   rm -rf /dev/shm/fc && cp -r tests/fuzz-corpus-charts /dev/shm/fc
 *   TMPDIR=/dev/shm nice /tmp/fuzz/fuzz-chart-spec -max_len=2048 -timeout=10 \
 *       -rss_limit_mb=2048 -dict=tests/fuzz-charts.dict -max_total_time=1800 /dev/shm/fc
 * Merge what adds coverage: /tmp/fuzz/fuzz-chart-spec -merge=1 tests/fuzz-corpus-charts /dev/shm/fc
 * The corpus replays in `meson test` (suite fuzz).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <lreport/lreport.h>

#define LR_FUZZ_NEEDS_FONTS
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lr_dataset_t *dataset;
static char *folder, *path;

static void
require(int condition, const char *what)
{
	if (!condition) {
		fprintf(stderr, "fuzz-chart-spec: %s\n", what);
		abort();
	}
}

static void
cleanup(void)
{
	if (path)
		g_unlink(path);
	if (folder)
		g_rmdir(folder);
	lr_dataset_destroy(dataset);
}

static void
init_once(void)
{
	const char *data_dir = g_getenv("LREPORT_DATA_DIR");
	char *template;

	if (dataset)
		return;
	dataset = lr_dataset_load(data_dir && *data_dir ? data_dir : LR_FUZZ_BUNDLED_DATA);
	require(lr_dataset_status(dataset) == LR_STATUS_SUCCESS, "the dataset does not load");
	fuzz_require_fonts("fuzz-chart-spec");
	template = g_build_filename(g_get_tmp_dir(), "fuzz-charts-XXXXXX", NULL);
	require(g_mkdtemp(template) != NULL, "cannot make a folder");
	folder = template;
	path = g_build_filename(folder, "charts.ini", NULL);
	atexit(cleanup);
}

static void
write_input(const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	require(fd >= 0, "cannot write the input file");
	while (size > 0) {
		ssize_t done = write(fd, data, size);
		require(done > 0, "cannot write the input file");
		data += done;
		size -= (size_t) done;
	}
	require(close(fd) == 0, "cannot close the input file");
}

/* Characters of each line (-1: not valid UTF-8), as the reader counts lines ('\n'). */
static GArray *
line_lengths(const char *text, size_t size)
{
	GArray *lengths = g_array_new(FALSE, FALSE, sizeof(long));
	const char *line = text, *stop = text + size;

	if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		line += 3;
	for (;;) {
		const char *newline = memchr(line, '\n', (size_t) (stop - line));
		const char *end = newline ? newline : stop;
		long length = g_utf8_validate(line, end - line, NULL) ? g_utf8_strlen(line, end - line) : -1;

		g_array_append_val(lengths, length);
		if (!newline)
			break;
		line = newline + 1;
	}
	return lengths;
}

static int
name_is_safe(const char *name)
{
	if (!name || !*name || strcmp(name, ".") == 0 || strstr(name, ".."))
		return 0;
	for (const char *c = name; *c; c++)
		if (*c == '/' || *c == '\\' || (unsigned char) *c < 0x20 || *c == 0x7f)
			return 0;
	return g_utf8_validate(name, -1, NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lr_language_t language;
	lr_chart_set_t *set;
	GArray *lengths;
	GHashTable *names;
	size_t errors, count;

	if (size < 1)
		return 0;
	init_once();
	language = data[0] % 2 ? LR_LANGUAGE_EN : LR_LANGUAGE_VI;
	data++;
	size--;
	write_input(data, size);
	set = lr_chart_set_load(path, dataset, language);
	errors = lr_chart_set_get_error_count(set);
	count = lr_chart_set_get_count(set);
	require((lr_chart_set_status(set) != LR_STATUS_SUCCESS) == (errors > 0),
		"status and error count disagree");
	lengths = line_lengths((const char *) data, size);
	for (size_t i = 0; i < errors; i++) {
		const lr_error_t *error = lr_chart_set_get_error(set, i);

		require(error && error->message && g_utf8_validate(error->message, -1, NULL),
			"an error without a UTF-8 message");
		require(error->file && strcmp(error->file, path) == 0, "an error not in the file");
		require(error->line >= 1 && error->line <= lengths->len, "an error line beyond the file");
		if (error->status != LR_STATUS_INVALID_UTF8) {
			long characters = g_array_index(lengths, long, error->line - 1);
			require(characters < 0 || error->column <= (unsigned long) characters + 1,
				"an error column beyond its line");
		}
	}
	g_array_unref(lengths);
	require(lr_chart_set_get_error(set, errors) == NULL, "an error past the count");
	names = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; i < count; i++) {
		const char *name = lr_chart_set_get_name(set, i);
		lr_chart_t *chart = lr_chart_set_get_chart(set, i);

		require(name_is_safe(name), "a chart name that is not safe as a file name");
		require(!g_hash_table_contains(names, name), "two charts of one name");
		g_hash_table_add(names, (gpointer) name);
		require(chart && lr_chart_validate(chart) == LR_STATUS_SUCCESS,
			"a chart of the set does not validate");
		/* Laying out takes Pango: once, for small inputs, to keep the run fast. */
		if (i == 0 && size <= 512) {
			char *layout = lr_chart_describe_layout(chart, 640, 360);
			require(layout || lr_chart_get_error(chart), "a layout failed without saying why");
			lr_free(layout);
		}
	}
	require(lr_chart_set_get_name(set, count) == NULL, "a name past the count");
	g_hash_table_unref(names);
	lr_chart_set_destroy(set);
	return 0;
}
