/* libreport fuzz target: the C API's string inputs, as a program passes them: chart titles
 * and subtitles, indicator and entity names, the highlight, theme font family and preset
 * names, the _from_string() option words and charts.ini options applied one by one (the
 * private lr_chart_apply_option() that charts.ini and the report spec share), then a layout,
 * a draw or a write to memory of whatever chart that made.
 *
 * Input: a program of operations, one byte each, most followed by a string that runs to the
 * next NUL byte (or the end): raw bytes, so invalid UTF-8, NFD, control characters, huge
 * and empty strings all reach the library. The chart is of the bundled dataset (data/).
 * Checks: no crash, leak or sanitizer report; every call that fails says why (a status with
 * an error whose message is valid UTF-8); a _from_string() word that is accepted names a
 * value whose _to_string() reads back to the same value; a successful write hands over a file
 * that starts as its format does.
 *
 * Build: tests/fuzz-build.sh build /tmp/fuzz. Run:
 *   rm -rf /dev/shm/fa && cp -r tests/fuzz-corpus-api /dev/shm/fa
 *   TMPDIR=/dev/shm nice /tmp/fuzz/fuzz-api -max_len=1024 -timeout=10 -rss_limit_mb=2048 \
 *       -dict=tests/fuzz-charts.dict -max_total_time=1800 /dev/shm/fa
 * The corpus (tests/fuzz-corpus-api/) replays in `meson test` (suite fuzz).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <lreport/lreport.h>

#include "chart-spec-private.h"

#define LR_FUZZ_NEEDS_FONTS
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lr_dataset_t *dataset;

static void
require(int condition, const char *what)
{
	if (!condition) {
		fprintf(stderr, "fuzz-api: %s\n", what);
		abort();
	}
}

static void
cleanup(void)
{
	lr_dataset_destroy(dataset);
}

typedef struct {
	const uint8_t *data;
	size_t size;
} input_t;

static int
take_byte(input_t *in)
{
	int byte;

	if (in->size == 0)
		return -1;
	byte = in->data[0];
	in->data++;
	in->size--;
	return byte;
}

/* The bytes up to the next NUL, as a new string (NUL-terminated, possibly invalid UTF-8). */
static char *
take_string(input_t *in)
{
	const uint8_t *end = memchr(in->data, 0, in->size);
	size_t length = end ? (size_t) (end - in->data) : in->size;
	char *text = g_strndup((const char *) in->data, length);

	in->data += length + (end != NULL);
	in->size -= length + (end != NULL);
	return text;
}

static void
require_error_said(const lr_error_t *error)
{
	require(error && error->status != LR_STATUS_SUCCESS, "a failure without an error");
	require(error->message && g_utf8_validate(error->message, -1, NULL),
		"an error message that is not UTF-8");
}

/* A setter's sticky error, if it recorded one, says why. */
static void
check_chart(lr_chart_t *chart)
{
	if (lr_chart_status(chart) != LR_STATUS_SUCCESS)
		require_error_said(lr_chart_get_error(chart));
}

/* Each _from_string() word: accepted words read back through _to_string(). */
static void
check_words(const char *text)
{
	lr_chart_kind_t kind;
	lr_bar_layout_t layout;
	lr_orientation_t orientation;
	lr_sort_t sort;
	lr_file_format_t format;
	lr_theme_preset_t preset;

	if (lr_chart_kind_from_string(text, &kind) == LR_STATUS_SUCCESS)
		require(lr_chart_kind_from_string(lr_chart_kind_to_string(kind), &kind) == LR_STATUS_SUCCESS,
			"a chart kind that does not read back");
	if (lr_bar_layout_from_string(text, &layout) == LR_STATUS_SUCCESS)
		require(lr_bar_layout_from_string(lr_bar_layout_to_string(layout), &layout) == LR_STATUS_SUCCESS,
			"a bar layout that does not read back");
	if (lr_orientation_from_string(text, &orientation) == LR_STATUS_SUCCESS)
		require(lr_orientation_from_string(lr_orientation_to_string(orientation), &orientation) ==
				LR_STATUS_SUCCESS,
			"an orientation that does not read back");
	if (lr_sort_from_string(text, &sort) == LR_STATUS_SUCCESS)
		require(lr_sort_from_string(lr_sort_to_string(sort), &sort) == LR_STATUS_SUCCESS,
			"a sort that does not read back");
	if (lr_file_format_from_string(text, &format) == LR_STATUS_SUCCESS)
		require(lr_file_format_from_string(lr_file_format_to_string(format), &format) == LR_STATUS_SUCCESS,
			"a file format that does not read back");
	if (lr_theme_preset_from_string(text, &preset) == LR_STATUS_SUCCESS)
		require(lr_theme_preset_from_string(lr_theme_preset_to_string(preset), &preset) ==
				LR_STATUS_SUCCESS,
			"a theme preset that does not read back");
}

typedef struct {
	GByteArray *bytes;
} sink_t;

static lr_status_t
collect(void *closure, const unsigned char *data, size_t length)
{
	sink_t *sink = closure;

	g_byte_array_append(sink->bytes, data, (guint) length);
	return LR_STATUS_SUCCESS;
}

/* The chart's output: a layout, a draw on a small surface, or a file written to memory. */
static void
finish(lr_chart_t *chart, int how, int size_byte)
{
	/* Small canvases keep runs fast; some too small for a chart, which must say so. */
	double width = 40 + (size_byte & 0x0f) * 40, height = 30 + (size_byte >> 4) * 24;

	if (how < 0)
		return;
	if (how % 4 == 0) {
		char *layout = lr_chart_describe_layout(chart, width, height);
		if (!layout)
			require_error_said(lr_chart_get_error(chart));
		lr_free(layout);
	} else if (how % 4 == 1) {
		cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int) width, (int) height);
		cairo_t *cr = cairo_create(surface);
		lr_rect_t rect = { 0, 0, width, height };

		if (lr_chart_draw(chart, cr, &rect) != LR_STATUS_SUCCESS)
			require_error_said(lr_chart_get_error(chart));
		cairo_destroy(cr);
		cairo_surface_destroy(surface);
	} else {
		static const lr_file_format_t formats[] = { LR_FORMAT_PNG, LR_FORMAT_SVG, LR_FORMAT_PDF };
		static const char *const magic[] = { "\x89PNG", "<?xml", "%PDF-" };
		int which = (how / 4) % 3;
		lr_write_options_t options;
		sink_t sink = { g_byte_array_new() };

		lr_write_options_init(&options);
		options.format = formats[which];
		options.width = width;
		options.height = height;
		if (lr_chart_write_to_stream(chart, collect, &sink, &options) == LR_STATUS_SUCCESS)
			require(sink.bytes->len > 5 && memcmp(sink.bytes->data, magic[which], strlen(magic[which])) == 0,
				"a written file that does not start as its format");
		else
			require_error_said(lr_chart_get_error(chart));
		g_byte_array_unref(sink.bytes);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	input_t in = { data, size };
	lr_chart_t *chart;
	lr_theme_t *theme = NULL;
	int kind, op, steps = 0;

	if (!dataset) {
		const char *folder = g_getenv("LREPORT_DATA_DIR");
		dataset = lr_dataset_load(folder && *folder ? folder : LR_FUZZ_BUNDLED_DATA);
		require(lr_dataset_status(dataset) == LR_STATUS_SUCCESS, "the dataset does not load");
		fuzz_require_fonts("fuzz-api");
		atexit(cleanup);
	}
	kind = take_byte(&in);
	if (kind < 0)
		return 0;
	chart = lr_chart_create(kind % 2 ? LR_CHART_RANK : LR_CHART_BAR, dataset);
	while ((op = take_byte(&in)) >= 0 && op != 0xff && steps++ < 64) {
		char *text = NULL, *value = NULL;

		switch (op % 16) {
		case 0: text = take_string(&in); lr_chart_set_title(chart, text); break;
		case 1: text = take_string(&in); lr_chart_set_subtitle(chart, text); break;
		case 2: text = take_string(&in); lr_chart_add_indicator(chart, text); break;
		case 3: text = take_string(&in); lr_chart_add_entity(chart, text); break;
		case 4: text = take_string(&in); lr_chart_set_highlight(chart, text); break;
		case 5: lr_chart_set_highlight(chart, NULL); lr_chart_set_title(chart, NULL); break;
		case 6: lr_chart_add_year(chart, 2015 + take_byte(&in) % 16 - (op >> 4)); break;
		case 7: lr_chart_set_language(chart, (lr_language_t) (op >> 4)); break;
		case 8: lr_chart_set_bar_layout(chart, (lr_bar_layout_t) (op >> 4)); break;
		case 9: lr_chart_set_orientation(chart, (lr_orientation_t) (op >> 4)); break;
		case 10: lr_chart_set_sort(chart, (lr_sort_t) (op >> 4)); break;
		case 11: text = take_string(&in); check_words(text); break;
		case 12: {
			/* key NUL value: a charts.ini line, as the spec readers apply it */
			lr_error_record_t error = { 0 };
			lr_spec_location_t at = { "fuzz.ini", 1, 1, 5 };

			text = take_string(&in);
			value = take_string(&in);
			if (lr_chart_apply_option(chart, text, value, (lr_language_t) (op >> 4 & 1), &at,
						  &error) != LR_STATUS_SUCCESS)
				require(error.message && g_utf8_validate(error.message, -1, NULL),
					"an option error without a UTF-8 message");
			lr_error_record_clear(&error);
			break;
		}
		case 13: {
			lr_theme_preset_t preset;

			text = take_string(&in);
			if (!theme)
				theme = lr_theme_preset_from_string(text, &preset) == LR_STATUS_SUCCESS
						? lr_theme_create_preset(preset) : lr_theme_create();
			else
				lr_theme_set_font_family(theme, text);
			break;
		}
		case 14:
			if (theme) {
				lr_theme_set_size(theme, (lr_theme_size_t) (op >> 4), take_byte(&in) / 8.0);
				lr_chart_set_theme(chart, theme);
			}
			break;
		default:
			break;
		}
		check_chart(chart);
		g_free(text);
		g_free(value);
	}
	if (lr_chart_validate(chart) != LR_STATUS_SUCCESS)
		require_error_said(lr_chart_get_error(chart));
	else
		finish(chart, take_byte(&in), take_byte(&in));
	lr_chart_destroy(chart);
	lr_theme_destroy(theme);
	return 0;
}
