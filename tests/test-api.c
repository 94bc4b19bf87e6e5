/* libreport tests: the public API at its edges, through the shared library only (modelled on
 * cairo's test/api-special-cases.c).
 *
 * Every function the headers in include/lreport/ declare is called with NULL for each pointer
 * argument, with out-of-range enum values, sizes and indices, and on errored (inert) objects.
 * Each call must not crash and must give what its doc comment promises (LR_STATUS_NULL_POINTER,
 * NULL, 0, NaN, the argument itself for the lookups that fall back to it). Charts must keep
 * the FIRST error of their specification: after it every setter does nothing, drawing and
 * writing fail with that error, and lr_chart_status() / lr_chart_get_error() keep reporting
 * it; an error of one draw or write is reported by that call and does not stop the next.
 * Error messages are UTF-8, as lr_error_t promises.
 *
 * Drawing is checked as a library user relies on it: lr_chart_draw() onto a rectangle of a
 * bigger surface touches no pixel outside it and leaves the cairo state as it found it; the
 * same chart draws the same pixels every time; a theme changes the drawing, survives its
 * caller's lr_theme_destroy() (the chart holds a reference), cannot change once a chart holds
 * it, and rejected theme settings change nothing; two threads drawing two charts of one dataset at once get the pixels each chart
 * gets alone.
 *
 * Everything must be free of leaks and invalid accesses: ASan runs this suite.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <lreport/lreport.h>

#include <cairo.h>
#include <check.h>
#include <errno.h>
#include <float.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-main.h"

#ifndef LR_DATA_DIR
#error "LR_DATA_DIR must name the dataset folder (data/)"
#endif

#define N_ELEMENTS(array) ((int) (sizeof(array) / sizeof((array)[0])))

/* Out-of-range values for the enums, spelled once. */
#define BAD_ENUM(type, value) ((type) (value))

#define VIET_NAM "Việt Nam"       /* Việt Nam, NFC */
#define INVALID_UTF8 "abc\xff\xfe"             /* not UTF-8 */
#define EN_DASH "\xe2\x80\x93"

/* The charts drawn: a bar chart over years and a ranking chart, both in data/. */
#define BAR_INDICATOR "ecommerce_revenue"
#define RANK_INDICATOR "egdi_rank"

#define CANVAS_WIDTH 800
#define CANVAS_HEIGHT 450

/* Opaque ARGB32 pixels (cairo stores premultiplied native-endian 32-bit words). */
#define PIXEL_WHITE 0xFFFFFFFFu
#define PIXEL_RED 0xFFFF0000u
#define PIXEL_GREEN 0xFF00FF00u
#define PIXEL_BLUE 0xFF0000FFu

/* ---------------------------------------------------------------------------------------- */
/* Helpers */

static lr_dataset_t *
load_dataset(void)
{
	lr_dataset_t *dataset = lr_dataset_load(LR_DATA_DIR);

	ck_assert_msg(lr_dataset_status(dataset) == LR_STATUS_SUCCESS, "%s: %s", LR_DATA_DIR,
		      lr_dataset_get_error(dataset, 0) ? lr_dataset_get_error(dataset, 0)->message
						       : "no message");
	ck_assert_ptr_nonnull(lr_dataset_find_indicator(dataset, BAR_INDICATOR));
	ck_assert_ptr_nonnull(lr_dataset_find_indicator(dataset, RANK_INDICATOR));
	return dataset;
}

static lr_chart_t *
bar_chart(lr_dataset_t *dataset)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);

	lr_chart_add_indicator(chart, BAR_INDICATOR);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

static lr_chart_t *
rank_chart(lr_dataset_t *dataset)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_RANK, dataset);

	lr_chart_add_indicator(chart, RANK_INDICATOR);
	lr_chart_set_language(chart, LR_LANGUAGE_EN);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

/* A surface of @width × @height painted with the opaque colour @pixel (0xAARRGGBB). */
static cairo_surface_t *
filled_surface(int width, int height, uint32_t pixel)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
	cairo_t *cr = cairo_create(surface);

	cairo_set_source_rgb(cr, ((pixel >> 16) & 0xFF) / 255.0, ((pixel >> 8) & 0xFF) / 255.0,
			     (pixel & 0xFF) / 255.0);
	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_paint(cr);
	cairo_destroy(cr);
	ck_assert_int_eq(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
	return surface;
}

static uint32_t
pixel_at(cairo_surface_t *surface, int x, int y)
{
	const unsigned char *data;
	uint32_t pixel;

	cairo_surface_flush(surface);
	data = cairo_image_surface_get_data(surface);
	memcpy(&pixel, data + (size_t) y * (size_t) cairo_image_surface_get_stride(surface) +
			       (size_t) x * 4, sizeof pixel);
	return pixel;
}

static bool
surfaces_equal(cairo_surface_t *a, cairo_surface_t *b)
{
	int width = cairo_image_surface_get_width(a), height = cairo_image_surface_get_height(a);
	const unsigned char *data_a, *data_b;
	int stride_a, stride_b;

	if (width != cairo_image_surface_get_width(b) || height != cairo_image_surface_get_height(b))
		return false;
	cairo_surface_flush(a);
	cairo_surface_flush(b);
	data_a = cairo_image_surface_get_data(a);
	data_b = cairo_image_surface_get_data(b);
	stride_a = cairo_image_surface_get_stride(a);
	stride_b = cairo_image_surface_get_stride(b);
	for (int y = 0; y < height; y++)
		if (memcmp(data_a + (size_t) y * stride_a, data_b + (size_t) y * stride_b,
			   (size_t) width * 4) != 0)
			return false;
	return true;
}

/* Draws @chart over a whole new transparent @width × @height surface. */
static cairo_surface_t *
render(lr_chart_t *chart, int width, int height, lr_status_t *status)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, width, height };

	*status = lr_chart_draw(chart, cr, &rect);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	return surface;
}

static cairo_surface_t *
render_ok(lr_chart_t *chart, int width, int height)
{
	lr_status_t status;
	cairo_surface_t *surface = render(chart, width, height, &status);
	const lr_error_t *error = lr_chart_get_error(chart);

	ck_assert_msg(status == LR_STATUS_SUCCESS, "lr_chart_draw: %s (%s)", lr_status_to_string(status),
		      error && error->message ? error->message : "no message");
	ck_assert_int_eq(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
	return surface;
}

/* Asserts that @chart is in error with @status, and that lr_chart_get_error() says so with a
 * message. */
static void
assert_chart_error(const lr_chart_t *chart, lr_status_t status)
{
	const lr_error_t *error;

	ck_assert_msg(lr_chart_status(chart) == status, "chart status: expected %s, got %s",
		      lr_status_to_string(status), lr_status_to_string(lr_chart_status(chart)));
	error = lr_chart_get_error(chart);
	ck_assert_ptr_nonnull(error);
	ck_assert_int_eq(error->status, status);
	ck_assert_ptr_nonnull(error->message);
	ck_assert_msg(error->message[0] != '\0', "empty error message");
	ck_assert_msg(g_utf8_validate(error->message, -1, NULL), "error message is not UTF-8: %s",
		      g_strescape(error->message, NULL) /* leaks only on failure */);
}

/* A copy of the chart's current error message (lr_chart_get_error()'s strings only live until
 * the next call on the chart). */
static char *
chart_error_message(const lr_chart_t *chart)
{
	const lr_error_t *error = lr_chart_get_error(chart);

	ck_assert_ptr_nonnull(error);
	return g_strdup(error->message);
}

/* Calls every setter and every drawing function on @chart with arguments that would each be
 * an error of its own, or a success, on a usable chart; used to check that an errored chart
 * ignores them all. @path is a file that must not get written. */
static void
poke_every_setter(lr_chart_t *chart, const char *path)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, 64, 64 }, empty = { 0, 0, 0, 0 };
	lr_theme_t *theme = lr_theme_create();
	char *layout;

	lr_chart_add_indicator(chart, BAR_INDICATOR);
	lr_chart_add_indicator(chart, "no_such_indicator");
	lr_chart_add_indicator(chart, NULL);
	lr_chart_add_entity(chart, VIET_NAM);
	lr_chart_add_entity(chart, NULL);
	lr_chart_add_entity(chart, INVALID_UTF8);
	lr_chart_add_year(chart, 2023);
	lr_chart_add_year(chart, INT_MIN);
	lr_chart_set_language(chart, LR_LANGUAGE_EN);
	lr_chart_set_language(chart, BAD_ENUM(lr_language_t, 42));
	lr_chart_set_title(chart, "Title");
	lr_chart_set_title(chart, INVALID_UTF8);
	lr_chart_set_title(chart, NULL);
	lr_chart_set_subtitle(chart, "Subtitle");
	lr_chart_set_subtitle(chart, INVALID_UTF8);
	lr_chart_set_theme(chart, theme);
	lr_chart_set_theme(chart, NULL);
	lr_chart_set_bar_layout(chart, LR_BAR_STACKED);
	lr_chart_set_bar_layout(chart, BAD_ENUM(lr_bar_layout_t, 42));
	lr_chart_set_orientation(chart, LR_ORIENTATION_HORIZONTAL);
	lr_chart_set_orientation(chart, BAD_ENUM(lr_orientation_t, -1));
	lr_chart_set_sort(chart, LR_SORT_DESCENDING);
	lr_chart_set_sort(chart, BAD_ENUM(lr_sort_t, 42));
	lr_chart_set_highlight(chart, VIET_NAM);
	lr_chart_set_highlight(chart, INVALID_UTF8);
	lr_chart_set_highlight(chart, NULL);
	lr_chart_draw(chart, cr, &rect);
	lr_chart_draw(chart, cr, &empty);
	lr_chart_draw(chart, cr, NULL);
	lr_chart_draw(chart, NULL, &rect);
	lr_chart_write(chart, path, LR_FORMAT_AUTO, 100, 100, 1);
	lr_chart_write(chart, path, BAD_ENUM(lr_file_format_t, 42), 0, 0, 0);
	lr_chart_write(chart, NULL, LR_FORMAT_PNG, 100, 100, 1);
	layout = lr_chart_describe_layout(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	ck_assert_ptr_null(layout);
	layout = lr_chart_describe_layout(chart, 0, 0);
	ck_assert_ptr_null(layout);

	lr_theme_destroy(theme);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	if (path)
		ck_assert_msg(!g_file_test(path, G_FILE_TEST_EXISTS), "an errored chart wrote %s", path);
}

/* A fresh temporary folder; remove_folder() empties and removes it. */
static char *
make_folder(void)
{
	GError *error = NULL;
	char *folder = g_dir_make_tmp("lr-test-api-XXXXXX", &error);

	ck_assert_msg(folder != NULL, "g_dir_make_tmp: %s", error ? error->message : "?");
	return folder;
}

static int
folder_entry_count(const char *folder)
{
	GDir *dir = g_dir_open(folder, 0, NULL);
	int count = 0;

	ck_assert_ptr_nonnull(dir);
	while (g_dir_read_name(dir))
		count++;
	g_dir_close(dir);
	return count;
}

static void
remove_folder(char *folder)
{
	GDir *dir = g_dir_open(folder, 0, NULL);
	const char *name;

	if (dir) {
		while ((name = g_dir_read_name(dir))) {
			char *path = g_build_filename(folder, name, NULL);
			g_remove(path);
			g_free(path);
		}
		g_dir_close(dir);
	}
	g_rmdir(folder);
	g_free(folder);
}

/* ---------------------------------------------------------------------------------------- */
/* lr-common.h, lr-version.h */

START_TEST(test_status_to_string)
{
	const char *names[LR_STATUS_LAST];
	const lr_status_t invalid[] = { LR_STATUS_LAST, BAD_ENUM(lr_status_t, LR_STATUS_LAST + 1),
					BAD_ENUM(lr_status_t, -1), BAD_ENUM(lr_status_t, INT_MIN),
					BAD_ENUM(lr_status_t, INT_MAX) };

	for (int status = 0; status < LR_STATUS_LAST; status++) {
		names[status] = lr_status_to_string((lr_status_t) status);
		ck_assert_msg(names[status] != NULL, "status %d has no name", status);
		ck_assert_msg(names[status][0] != '\0', "status %d has an empty name", status);
		ck_assert_msg(g_utf8_validate(names[status], -1, NULL), "status %d: not UTF-8", status);
		/* Static: the same pointer every time. */
		ck_assert_ptr_eq(lr_status_to_string((lr_status_t) status), names[status]);
		for (int other = 0; other < status; other++)
			ck_assert_msg(strcmp(names[status], names[other]) != 0,
				      "statuses %d and %d share the name '%s'", other, status, names[status]);
	}
	for (int i = 0; i < N_ELEMENTS(invalid); i++) {
		const char *name = lr_status_to_string(invalid[i]);
		ck_assert_msg(name != NULL, "status %d: NULL", (int) invalid[i]);
		ck_assert_msg(name[0] != '\0', "status %d: empty name", (int) invalid[i]);
		for (int status = 0; status < LR_STATUS_LAST; status++)
			ck_assert_msg(strcmp(name, names[status]) != 0,
				      "invalid status %d is named like status %d ('%s')", (int) invalid[i],
				      status, name);
	}
}
END_TEST

START_TEST(test_language_from_string)
{
	static const struct {
		const char *code;
		lr_language_t language;
	} good[] = {
		{ "vi", LR_LANGUAGE_VI }, { "VI", LR_LANGUAGE_VI }, { "Vi", LR_LANGUAGE_VI },
		{ "en", LR_LANGUAGE_EN }, { "EN", LR_LANGUAGE_EN }, { "eN", LR_LANGUAGE_EN },
	};
	static const char *const bad[] = { "", "v", "vie", "eng", "fr", " vi", "vi ", "en-US",
					   "vi_VN", INVALID_UTF8 };
	lr_language_t language;

	for (int i = 0; i < N_ELEMENTS(good); i++) {
		language = BAD_ENUM(lr_language_t, 99);
		ck_assert_int_eq(lr_language_from_string(good[i].code, &language), LR_STATUS_SUCCESS);
		ck_assert_int_eq(language, good[i].language);
	}
	for (int i = 0; i < N_ELEMENTS(bad); i++) {
		language = BAD_ENUM(lr_language_t, 99);
		ck_assert_msg(lr_language_from_string(bad[i], &language) == LR_STATUS_INVALID_ARGUMENT,
			      "'%s' accepted", bad[i]);
		ck_assert_msg((int) language == 99, "'%s': the output was written on failure", bad[i]);
	}
	language = BAD_ENUM(lr_language_t, 99);
	ck_assert_int_eq(lr_language_from_string(NULL, &language), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq((int) language, 99);
	ck_assert_int_eq(lr_language_from_string("vi", NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_language_from_string(NULL, NULL), LR_STATUS_NULL_POINTER);
}
END_TEST

START_TEST(test_free_and_version)
{
	int major = -1, minor = -1, micro = -1;

	lr_free(NULL);
	lr_free(lr_format_rank(1, 2));

	ck_assert_ptr_nonnull(lr_version_string());
	ck_assert_str_eq(lr_version_string(), LR_VERSION_STRING);
	ck_assert_ptr_eq(lr_version_string(), lr_version_string());
	ck_assert_int_eq(sscanf(lr_version_string(), "%d.%d.%d", &major, &minor, &micro), 3);
	ck_assert_int_eq(major, LR_VERSION_MAJOR);
	ck_assert_int_eq(minor, LR_VERSION_MINOR);
	ck_assert_int_eq(micro, LR_VERSION_MICRO);
	ck_assert(LR_VERSION_ATLEAST(0, 1, 0));
	ck_assert(LR_VERSION_ATLEAST(LR_VERSION_MAJOR, LR_VERSION_MINOR, LR_VERSION_MICRO));
	ck_assert(!LR_VERSION_ATLEAST(LR_VERSION_MAJOR, LR_VERSION_MINOR, LR_VERSION_MICRO + 1));
	ck_assert(!LR_VERSION_ATLEAST(LR_VERSION_MAJOR + 1, 0, 0));
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* lr-number.h */

START_TEST(test_number_null_and_defaults)
{
	lr_number_format_t format, vi;
	char *text;

	lr_number_format_init(NULL, LR_LANGUAGE_VI);
	lr_number_format_init(NULL, BAD_ENUM(lr_language_t, 42));

	lr_number_format_init(&vi, LR_LANGUAGE_VI);
	ck_assert_int_eq(vi.language, LR_LANGUAGE_VI);
	ck_assert_int_eq(vi.decimals, 1);
	ck_assert_int_eq(vi.significant, 0);
	ck_assert_uint_eq(vi.flags, LR_NUMBER_GROUPING | LR_NUMBER_TRIM_ZEROS);
	ck_assert_ptr_null(vi.unit);
	lr_number_format_init(&format, LR_LANGUAGE_EN);
	ck_assert_int_eq(format.language, LR_LANGUAGE_EN);

	/* NULL means lr_number_format_init() with Vietnamese. */
	text = lr_format_number(4543.25, NULL);
	ck_assert_str_eq(text, "4.543,3");
	lr_free(text);
	text = lr_format_number(4543.25, &vi);
	ck_assert_str_eq(text, "4.543,3");
	lr_free(text);
	text = lr_format_range(27.7, 28, NULL);
	ck_assert_str_eq(text, "27,7" EN_DASH "28");
	lr_free(text);
	text = lr_format_number(NAN, NULL);
	ck_assert_str_eq(text, EN_DASH);
	lr_free(text);
	text = lr_format_range(NAN, 1, NULL);
	ck_assert_str_eq(text, EN_DASH);
	lr_free(text);
	text = lr_format_number(INFINITY, NULL);
	ck_assert_str_eq(text, "\xe2\x88\x9e");
	lr_free(text);
	text = lr_format_number(-INFINITY, NULL);
	ck_assert_str_eq(text, "\xe2\x88\x92\xe2\x88\x9e");
	lr_free(text);
	text = lr_format_number(DBL_MAX, NULL);
	ck_assert_ptr_nonnull(text);
	ck_assert(g_utf8_validate(text, -1, NULL));
	lr_free(text);
}
END_TEST

START_TEST(test_number_bad_formats)
{
	/* Each changes one field of a valid format to a value out of range. */
	static const char *const names[] = {
		"language 2", "language -1", "decimals -1", "decimals 16", "decimals INT_MIN",
		"significant -1", "significant 16", "significant INT_MAX", "unknown flag 1<<4",
		"unknown flag 1<<31", "unit not UTF-8",
	};
	lr_number_format_t format;

	for (int i = 0; i < N_ELEMENTS(names); i++) {
		char *number, *range;

		lr_number_format_init(&format, LR_LANGUAGE_EN);
		switch (i) {
		case 0: format.language = BAD_ENUM(lr_language_t, 2); break;
		case 1: format.language = BAD_ENUM(lr_language_t, -1); break;
		case 2: format.decimals = -1; break;
		case 3: format.decimals = 16; break;
		case 4: format.decimals = INT_MIN; break;
		case 5: format.significant = -1; break;
		case 6: format.significant = 16; break;
		case 7: format.significant = INT_MAX; break;
		case 8: format.flags |= 1u << 4; break;
		case 9: format.flags |= 1u << 31; break;
		default: format.unit = INVALID_UTF8; break;
		}
		number = lr_format_number(1.5, &format);
		ck_assert_msg(number == NULL, "%s: lr_format_number gave '%s'", names[i], number);
		number = lr_format_number(NAN, &format);
		ck_assert_msg(number == NULL, "%s: lr_format_number(NaN) gave '%s'", names[i], number);
		range = lr_format_range(1, 2, &format);
		ck_assert_msg(range == NULL, "%s: lr_format_range gave '%s'", names[i], range);
		range = lr_format_range(NAN, NAN, &format);
		ck_assert_msg(range == NULL, "%s: lr_format_range(NaN) gave '%s'", names[i], range);
	}

	/* The ends of the documented ranges are valid. */
	lr_number_format_init(&format, LR_LANGUAGE_EN);
	format.decimals = 15;
	format.flags = 0;
	{
		char *text = lr_format_number(0.5, &format);
		ck_assert_str_eq(text, "0.500000000000000");
		lr_free(text);
	}
	format.decimals = 0;
	format.significant = 15;
	format.flags = LR_NUMBER_GROUPING | LR_NUMBER_PERCENT | LR_NUMBER_EXPLICIT_SIGN |
		       LR_NUMBER_TRIM_ZEROS;
	format.unit = "";
	{
		char *text = lr_format_number(16.5, &format);
		ck_assert_str_eq(text, "+16.5%");
		lr_free(text);
	}
}
END_TEST

START_TEST(test_number_rank)
{
	static const int bad[][2] = {
		{ 0, 0 }, { 0, 10 }, { -1, 10 }, { INT_MIN, 0 }, { 5, -1 }, { 5, INT_MIN },
		{ 11, 10 }, { INT_MAX, 1 }, { 2, 1 },
	};
	char *text;

	for (int i = 0; i < N_ELEMENTS(bad); i++) {
		text = lr_format_rank(bad[i][0], bad[i][1]);
		ck_assert_msg(text == NULL, "lr_format_rank(%d, %d) gave '%s'", bad[i][0], bad[i][1], text);
	}
	text = lr_format_rank(71, 193);
	ck_assert_str_eq(text, "71/193");
	lr_free(text);
	text = lr_format_rank(71, 0);
	ck_assert_str_eq(text, "71");
	lr_free(text);
	text = lr_format_rank(10, 10);
	ck_assert_str_eq(text, "10/10");
	lr_free(text);
	text = lr_format_rank(INT_MAX, INT_MAX);
	ck_assert_ptr_nonnull(text);
	lr_free(text);

	/* Unknown styles: NULL. */
	ck_assert_ptr_null(lr_format_rank_change(3, LR_LANGUAGE_VI, BAD_ENUM(lr_rank_change_style_t, 2)));
	ck_assert_ptr_null(lr_format_rank_change(3, LR_LANGUAGE_EN, BAD_ENUM(lr_rank_change_style_t, -1)));
	ck_assert_ptr_null(lr_format_rank_change(0, LR_LANGUAGE_EN, BAD_ENUM(lr_rank_change_style_t, 42)));
	/* An unknown language must not crash (NULL or text, but valid UTF-8). */
	text = lr_format_rank_change(3, BAD_ENUM(lr_language_t, 42), LR_RANK_CHANGE_WORDS);
	ck_assert(text == NULL || g_utf8_validate(text, -1, NULL));
	lr_free(text);
	text = lr_format_rank_change(3, BAD_ENUM(lr_language_t, -1), LR_RANK_CHANGE_ARROW);
	ck_assert(text == NULL || g_utf8_validate(text, -1, NULL));
	lr_free(text);
	/* Extremes of int. */
	text = lr_format_rank_change(INT_MIN, LR_LANGUAGE_EN, LR_RANK_CHANGE_WORDS);
	ck_assert_str_eq(text, "down 2147483648 places");
	lr_free(text);
	text = lr_format_rank_change(INT_MAX, LR_LANGUAGE_EN, LR_RANK_CHANGE_ARROW);
	ck_assert_str_eq(text, "\xe2\x86\x91" "2147483647 places");
	lr_free(text);
	text = lr_format_rank_change(-1, LR_LANGUAGE_EN, LR_RANK_CHANGE_WORDS);
	ck_assert_str_eq(text, "down 1 place");
	lr_free(text);
	text = lr_format_rank_change(0, LR_LANGUAGE_VI, LR_RANK_CHANGE_ARROW);
	ck_assert_str_eq(text, "=");
	lr_free(text);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* lr-theme.h */

START_TEST(test_theme_create_and_references)
{
	lr_theme_t *theme = lr_theme_create();
	lr_theme_t *print = lr_theme_create_print();

	ck_assert_ptr_nonnull(theme);
	ck_assert_ptr_nonnull(print);
	ck_assert_ptr_ne(theme, print);
	ck_assert_int_eq(lr_theme_status(theme), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_theme_status(print), LR_STATUS_SUCCESS);
	ck_assert_ptr_nonnull(lr_theme_get_font_family(theme));
	ck_assert_str_eq(lr_theme_get_font_family(theme), "Noto Sans");
	ck_assert_ptr_nonnull(lr_theme_get_font_family(print));
	for (int i = 0; i < LR_THEME_SIZE_LAST; i++) {
		double size = lr_theme_get_size(theme, (lr_theme_size_t) i);
		ck_assert_msg(isfinite(size) && size >= 0, "default size %d is %g", i, size);
		size = lr_theme_get_size(print, (lr_theme_size_t) i);
		ck_assert_msg(isfinite(size) && size >= 0, "print size %d is %g", i, size);
	}
	ck_assert_double_eq(lr_theme_get_size(theme, LR_THEME_SIZE_FONT), 0);

	/* NULL stays NULL; destroying NULL does nothing. */
	ck_assert_ptr_null(lr_theme_reference(NULL));
	lr_theme_destroy(NULL);
	ck_assert_int_eq(lr_theme_status(NULL), LR_STATUS_NULL_POINTER);

	/* Three references, three destroys: usable until the last one (ASan sees a premature free
	 * or a leak). */
	ck_assert_ptr_eq(lr_theme_reference(theme), theme);
	ck_assert_ptr_eq(lr_theme_reference(theme), theme);
	lr_theme_destroy(theme);
	ck_assert_int_eq(lr_theme_set_size(theme, LR_THEME_SIZE_FONT, 12), LR_STATUS_SUCCESS);
	lr_theme_destroy(theme);
	ck_assert_double_eq(lr_theme_get_size(theme, LR_THEME_SIZE_FONT), 12);
	ck_assert_str_eq(lr_theme_get_font_family(theme), "Noto Sans");
	lr_theme_destroy(theme);

	lr_theme_destroy(lr_theme_reference(print));
	ck_assert_int_eq(lr_theme_status(print), LR_STATUS_SUCCESS);
	lr_theme_destroy(print);
}
END_TEST

START_TEST(test_theme_null)
{
	/* NULL for every pointer argument. */
	ck_assert_int_eq(lr_theme_set_color(NULL, LR_THEME_COLOR_BACKGROUND, 0, 0, 0),
			 LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_theme_set_color(NULL, LR_THEME_COLOR_LAST, 2, 2, 2), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_theme_set_series_color(NULL, 0, 0, 0, 0), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_theme_set_series_color(NULL, LR_THEME_SERIES_COLORS, -1, 0, 0),
			 LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_theme_set_size(NULL, LR_THEME_SIZE_FONT, 12), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_theme_set_size(NULL, LR_THEME_SIZE_LAST, NAN), LR_STATUS_NULL_POINTER);
	ck_assert(isnan(lr_theme_get_size(NULL, LR_THEME_SIZE_FONT)));
	ck_assert(isnan(lr_theme_get_size(NULL, LR_THEME_SIZE_LAST)));
	ck_assert_int_eq(lr_theme_set_font_family(NULL, "Noto Sans"), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_theme_set_font_family(NULL, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_theme_set_font_family(NULL, INVALID_UTF8), LR_STATUS_NULL_POINTER);
	(void) lr_theme_get_font_family(NULL); /* undocumented result; must not crash */
}
END_TEST

START_TEST(test_theme_validation)
{
	static const double bad_components[] = { -0.001, 1.001, -1, 2, 255, NAN, INFINITY, -INFINITY };
	static const lr_theme_color_t bad_roles[] = {
		LR_THEME_COLOR_LAST, BAD_ENUM(lr_theme_color_t, LR_THEME_COLOR_LAST + 1),
		BAD_ENUM(lr_theme_color_t, -1), BAD_ENUM(lr_theme_color_t, INT_MIN),
		BAD_ENUM(lr_theme_color_t, INT_MAX),
	};
	static const unsigned bad_indices[] = { LR_THEME_SERIES_COLORS, LR_THEME_SERIES_COLORS + 1,
						UINT_MAX, (unsigned) INT_MAX + 1 };
	static const lr_theme_size_t bad_sizes[] = {
		LR_THEME_SIZE_LAST, BAD_ENUM(lr_theme_size_t, LR_THEME_SIZE_LAST + 1),
		BAD_ENUM(lr_theme_size_t, -1), BAD_ENUM(lr_theme_size_t, INT_MIN),
		BAD_ENUM(lr_theme_size_t, INT_MAX),
	};
	static const double bad_values[] = { -0.001, -1, NAN, INFINITY, -INFINITY, -DBL_MIN };
	lr_theme_t *theme = lr_theme_create();
	double before[LR_THEME_SIZE_LAST];
	char family[32] = "Noto Sans";

	for (int i = 0; i < LR_THEME_SIZE_LAST; i++)
		before[i] = lr_theme_get_size(theme, (lr_theme_size_t) i);

	/* Valid edges. */
	for (int role = 0; role < LR_THEME_COLOR_LAST; role++) {
		ck_assert_int_eq(lr_theme_set_color(theme, (lr_theme_color_t) role, 0, 0, 0), LR_STATUS_SUCCESS);
		ck_assert_int_eq(lr_theme_set_color(theme, (lr_theme_color_t) role, 1, 1, 1), LR_STATUS_SUCCESS);
	}
	for (unsigned i = 0; i < LR_THEME_SERIES_COLORS; i++) {
		ck_assert_int_eq(lr_theme_set_series_color(theme, i, 0, 0.5, 1), LR_STATUS_SUCCESS);
	}

	/* Unknown roles, indices and settings; components and values out of range. */
	for (int r = 0; r < N_ELEMENTS(bad_roles); r++)
		ck_assert_msg(lr_theme_set_color(theme, bad_roles[r], 0.5, 0.5, 0.5) ==
			      LR_STATUS_INVALID_ARGUMENT, "colour role %d accepted", (int) bad_roles[r]);
	for (int i = 0; i < N_ELEMENTS(bad_indices); i++)
		ck_assert_msg(lr_theme_set_series_color(theme, bad_indices[i], 0.5, 0.5, 0.5) ==
			      LR_STATUS_INVALID_ARGUMENT, "series index %u accepted", bad_indices[i]);
	for (int c = 0; c < N_ELEMENTS(bad_components); c++) {
		double v = bad_components[c];
		ck_assert_msg(lr_theme_set_color(theme, LR_THEME_COLOR_TEXT, v, 0, 0) == LR_STATUS_INVALID_ARGUMENT,
			      "red %g accepted", v);
		ck_assert_msg(lr_theme_set_color(theme, LR_THEME_COLOR_TEXT, 0, v, 0) == LR_STATUS_INVALID_ARGUMENT,
			      "green %g accepted", v);
		ck_assert_msg(lr_theme_set_color(theme, LR_THEME_COLOR_TEXT, 0, 0, v) == LR_STATUS_INVALID_ARGUMENT,
			      "blue %g accepted", v);
		ck_assert_msg(lr_theme_set_series_color(theme, 0, v, 0, 0) == LR_STATUS_INVALID_ARGUMENT,
			      "series red %g accepted", v);
		ck_assert_msg(lr_theme_set_series_color(theme, 0, 0, v, 0) == LR_STATUS_INVALID_ARGUMENT,
			      "series green %g accepted", v);
		ck_assert_msg(lr_theme_set_series_color(theme, 0, 0, 0, v) == LR_STATUS_INVALID_ARGUMENT,
			      "series blue %g accepted", v);
	}
	for (int s = 0; s < N_ELEMENTS(bad_sizes); s++) {
		ck_assert_msg(lr_theme_set_size(theme, bad_sizes[s], 1) == LR_STATUS_INVALID_ARGUMENT,
			      "size %d accepted", (int) bad_sizes[s]);
		ck_assert_msg(isnan(lr_theme_get_size(theme, bad_sizes[s])), "size %d is not NaN",
			      (int) bad_sizes[s]);
	}
	for (int which = 0; which < LR_THEME_SIZE_LAST; which++)
		for (int v = 0; v < N_ELEMENTS(bad_values); v++) {
			ck_assert_msg(lr_theme_set_size(theme, (lr_theme_size_t) which, bad_values[v]) ==
				      LR_STATUS_INVALID_ARGUMENT, "size %d accepted %g", which, bad_values[v]);
		}
	/* Nothing rejected changed the theme. */
	for (int i = 0; i < LR_THEME_SIZE_LAST; i++)
		ck_assert_msg(lr_theme_get_size(theme, (lr_theme_size_t) i) == before[i],
			      "size %d changed from %g to %g by rejected calls", i, before[i],
			      lr_theme_get_size(theme, (lr_theme_size_t) i));
	ck_assert_int_eq(lr_theme_status(theme), LR_STATUS_SUCCESS);

	/* A valid size sticks. */
	ck_assert_int_eq(lr_theme_set_size(theme, LR_THEME_SIZE_FONT, 14.5), LR_STATUS_SUCCESS);
	ck_assert_double_eq(lr_theme_get_size(theme, LR_THEME_SIZE_FONT), 14.5);
	ck_assert_int_eq(lr_theme_set_size(theme, LR_THEME_SIZE_FONT, NAN), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_double_eq(lr_theme_get_size(theme, LR_THEME_SIZE_FONT), 14.5);

	/* Font family: NULL and bad UTF-8 rejected, the family unchanged; a good one copied. */
	ck_assert_int_eq(lr_theme_set_font_family(theme, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_str_eq(lr_theme_get_font_family(theme), "Noto Sans");
	ck_assert_int_eq(lr_theme_set_font_family(theme, INVALID_UTF8), LR_STATUS_INVALID_UTF8);
	ck_assert_str_eq(lr_theme_get_font_family(theme), "Noto Sans");
	ck_assert_int_eq(lr_theme_set_font_family(theme, "\xc3"), LR_STATUS_INVALID_UTF8);
	ck_assert_str_eq(lr_theme_get_font_family(theme), "Noto Sans");
	ck_assert_int_eq(lr_theme_set_font_family(theme, family), LR_STATUS_SUCCESS);
	ck_assert_ptr_ne(lr_theme_get_font_family(theme), family);
	strcpy(family, "Changed");
	ck_assert_str_eq(lr_theme_get_font_family(theme), "Noto Sans");
	ck_assert_int_eq(lr_theme_status(theme), LR_STATUS_SUCCESS);

	lr_theme_destroy(theme);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* lr-dataset.h */

static lr_indicator_t
test_indicator(const char *id)
{
	lr_indicator_t indicator = {
		.id = id, .name_vi = "Chỉ số thử", .name_en = "Test index",
		.unit_vi = "", .unit_en = "", .kind = LR_INDICATOR_VALUE, .better = LR_DIRECTION_HIGHER,
		.pillar = "overall", .note = "",
	};
	return indicator;
}

static lr_observation_t
test_observation(const char *indicator, int year, double value)
{
	lr_observation_t observation = {
		.indicator = indicator, .entity = VIET_NAM, .year = year, .period = "",
		.value = value, .low = NAN, .high = NAN, .total = 0, .status = LR_OBSERVATION_ACTUAL,
		.source = NULL, .quote = NULL, .note = NULL,
	};
	return observation;
}

START_TEST(test_dataset_null)
{
	lr_indicator_t indicator = test_indicator("x");
	lr_observation_t observation = test_observation("x", 2020, 1);
	lr_dataset_t *dataset;

	lr_dataset_destroy(NULL);
	ck_assert_ptr_null(lr_dataset_reference(NULL));
	ck_assert_int_eq(lr_dataset_status(NULL), LR_STATUS_NULL_POINTER);
	ck_assert_uint_eq(lr_dataset_get_error_count(NULL), 0);
	ck_assert_ptr_null(lr_dataset_get_error(NULL, 0));
	ck_assert_ptr_null(lr_dataset_get_error(NULL, SIZE_MAX));
	ck_assert_int_eq(lr_dataset_add_indicator(NULL, &indicator), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_add_indicator(NULL, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_add_observation(NULL, &observation), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_add_observation(NULL, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_uint_eq(lr_dataset_get_indicator_count(NULL), 0);
	ck_assert_ptr_null(lr_dataset_get_indicator(NULL, 0));
	ck_assert_ptr_null(lr_dataset_find_indicator(NULL, "x"));
	ck_assert_ptr_null(lr_dataset_find_indicator(NULL, NULL));
	ck_assert_uint_eq(lr_dataset_get_observation_count(NULL), 0);
	ck_assert_ptr_null(lr_dataset_get_observation(NULL, 0));
	ck_assert_uint_eq(lr_dataset_get_observation_line(NULL, 0), 0);
	ck_assert_uint_eq(lr_dataset_get_observation_line(NULL, SIZE_MAX), 0);
	ck_assert_int_eq(lr_dataset_set_entity_name(NULL, "a", "b"), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_set_entity_name(NULL, NULL, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_set_source_label(NULL, "s", "vi", "en"), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_set_source_label(NULL, NULL, NULL, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_check_glyphs(NULL, NULL, NULL, NULL), LR_STATUS_NULL_POINTER);
	/* From memory with no text: a dataset in error, never NULL. */
	dataset = lr_dataset_load_from_memory(NULL, NULL, 0, NULL, 0);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_NULL_POINTER);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 1);
	lr_dataset_destroy(dataset);
	dataset = lr_dataset_load_from_memory("x", "", 0, NULL, 0);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_NULL_POINTER);
	lr_dataset_destroy(dataset);
	/* Lookups on no dataset fall back to the key itself. */
	{
		const char *entity = "Thế giới";
		const char *source = "001_source.txt";
		ck_assert_ptr_eq(lr_dataset_get_entity_name(NULL, entity, LR_LANGUAGE_EN), entity);
		ck_assert_ptr_eq(lr_dataset_get_entity_name(NULL, entity, LR_LANGUAGE_VI), entity);
		ck_assert_ptr_eq(lr_dataset_get_source_label(NULL, source, LR_LANGUAGE_EN), source);
		ck_assert_ptr_eq(lr_dataset_get_source_label(NULL, source, LR_LANGUAGE_VI), source);
	}
	(void) lr_dataset_get_entity_name(NULL, NULL, LR_LANGUAGE_EN); /* must not crash */
	(void) lr_dataset_get_source_label(NULL, NULL, LR_LANGUAGE_EN);
	(void) lr_indicator_get_name(NULL, LR_LANGUAGE_VI);
	(void) lr_indicator_get_name(NULL, LR_LANGUAGE_EN);
	(void) lr_indicator_get_unit(NULL, LR_LANGUAGE_VI);
	(void) lr_indicator_get_unit(NULL, LR_LANGUAGE_EN);

	/* Loading nothing: a dataset in error, never NULL. */
	dataset = lr_dataset_load(NULL);
	ck_assert_ptr_nonnull(dataset);
	ck_assert_int_ne(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
	ck_assert_uint_ge(lr_dataset_get_error_count(dataset), 1);
	ck_assert_ptr_nonnull(lr_dataset_get_error(dataset, 0));
	ck_assert_int_eq(lr_dataset_get_error(dataset, 0)->status, lr_dataset_status(dataset));
	ck_assert_ptr_nonnull(lr_dataset_get_error(dataset, 0)->message);
	lr_dataset_destroy(dataset);
	for (int i = 0; i < 3; i++) {
		const char *indicators = i == 1 ? LR_DATA_DIR "/indicators.csv" : NULL;
		const char *observations = i == 2 ? LR_DATA_DIR "/observations.csv" : NULL;
		dataset = lr_dataset_load_files(indicators, observations);
		ck_assert_ptr_nonnull(dataset);
		ck_assert_msg(lr_dataset_status(dataset) != LR_STATUS_SUCCESS,
			      "lr_dataset_load_files(%s, %s) succeeded", indicators ? indicators : "NULL",
			      observations ? observations : "NULL");
		ck_assert_uint_ge(lr_dataset_get_error_count(dataset), 1);
		ck_assert_ptr_nonnull(lr_dataset_get_error(dataset, 0)->message);
		lr_dataset_destroy(dataset);
	}
	dataset = lr_dataset_load("/nonexistent/lr-test-api");
	ck_assert_ptr_nonnull(dataset);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_FILE_NOT_FOUND);
	ck_assert_uint_ge(lr_dataset_get_error_count(dataset), 1);
	ck_assert_ptr_nonnull(lr_dataset_get_error(dataset, 0)->message);
	ck_assert_ptr_null(lr_dataset_get_error(dataset, lr_dataset_get_error_count(dataset)));
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 0);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), 0);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_dataset_add_null_members)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_indicator_t indicator = test_indicator("test_index");
	lr_observation_t observation;
	size_t errors = 0;

	ck_assert_ptr_nonnull(dataset);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 0);
	ck_assert_ptr_null(lr_dataset_get_error(dataset, 0));

	/* Required strings of an indicator: id, name_vi, name_en. */
	for (int field = 0; field < 3; field++) {
		lr_indicator_t broken = test_indicator("broken_index");
		lr_status_t status;
		if (field == 0)
			broken.id = NULL;
		else if (field == 1)
			broken.name_vi = NULL;
		else
			broken.name_en = NULL;
		status = lr_dataset_add_indicator(dataset, &broken);
		ck_assert_msg(status != LR_STATUS_SUCCESS, "indicator with NULL field %d accepted", field);
		ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
		ck_assert_int_eq(lr_dataset_get_error(dataset, errors - 1)->status, status);
	}
	ck_assert_ptr_null(lr_dataset_find_indicator(dataset, "broken_index"));
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 0);
	/* Optional strings may be NULL ("" when read back). */
	indicator.unit_vi = NULL;
	indicator.unit_en = NULL;
	indicator.note = NULL;
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	ck_assert_str_eq(lr_indicator_get_unit(lr_dataset_find_indicator(dataset, "test_index"),
					       LR_LANGUAGE_VI), "");
	ck_assert_str_eq(lr_indicator_get_unit(lr_dataset_find_indicator(dataset, "test_index"),
					       LR_LANGUAGE_EN), "");
	ck_assert_str_eq(lr_dataset_find_indicator(dataset, "test_index")->note, "");

	/* Malformed text and enum values out of range. */
	indicator = test_indicator("bad_text");
	indicator.name_en = INVALID_UTF8;
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_INVALID_UTF8);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	indicator = test_indicator("bad_kind");
	indicator.kind = BAD_ENUM(lr_indicator_kind_t, 42);
	ck_assert_int_ne(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	indicator = test_indicator("bad_better");
	indicator.better = BAD_ENUM(lr_direction_t, -1);
	ck_assert_int_ne(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	/* A malformed and a duplicate id (the header says INVALID_ARGUMENT, the code and
	 * test-dataset.c say INVALID_DATA: only failure is asserted here). */
	indicator = test_indicator("Not An Id");
	ck_assert_int_ne(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	indicator = test_indicator("test_index");
	ck_assert_int_ne(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 1);

	/* Observations: indicator and entity are required; source, quote, note may be NULL. */
	observation = test_observation(NULL, 2020, 1);
	ck_assert_int_ne(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	observation = test_observation("test_index", 2020, 1);
	observation.entity = NULL;
	ck_assert_int_ne(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	observation = test_observation("no_such_indicator", 2020, 1);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_UNKNOWN_INDICATOR);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	observation = test_observation("test_index", 2020, 1);
	observation.quote = INVALID_UTF8;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_INVALID_UTF8);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	observation = test_observation("test_index", 2020, 1);
	observation.status = BAD_ENUM(lr_observation_status_t, 42);
	ck_assert_int_ne(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	observation = test_observation("test_index", 2020, INFINITY);
	ck_assert_int_ne(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	observation = test_observation("test_index", INT_MIN, 1);
	ck_assert_int_ne(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), ++errors);
	observation = test_observation("test_index", 2020, 1);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), 1);
	ck_assert_str_eq(lr_dataset_get_observation(dataset, 0)->source, "");
	ck_assert_str_eq(lr_dataset_get_observation(dataset, 0)->quote, "");
	ck_assert_str_eq(lr_dataset_get_observation(dataset, 0)->note, "");

	/* The dataset keeps its first error: a NULL id. */
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_get_error(dataset, 0)->status, LR_STATUS_NULL_POINTER);
	for (size_t i = 0; i < errors; i++) {
		const lr_error_t *error = lr_dataset_get_error(dataset, i);
		ck_assert_ptr_nonnull(error);
		ck_assert_ptr_nonnull(error->message);
		ck_assert_msg(error->message[0] != '\0', "error %zu has no message", i);
		ck_assert_msg(g_utf8_validate(error->message, -1, NULL), "error %zu: not UTF-8", i);
		ck_assert_ptr_null(error->file);
		ck_assert_uint_eq(error->line, 0);
	}
	ck_assert_ptr_null(lr_dataset_get_error(dataset, errors));
	ck_assert_ptr_null(lr_dataset_get_error(dataset, SIZE_MAX));
	lr_dataset_destroy(dataset);
}
END_TEST

/* "Returns: … the error, which is also recorded on @dataset": also for a NULL struct. */
START_TEST(test_dataset_add_null_struct_recorded)
{
	lr_dataset_t *dataset = lr_dataset_create();

	ck_assert_int_eq(lr_dataset_add_indicator(dataset, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_msg(lr_dataset_get_error_count(dataset) == 1,
		      "lr_dataset_add_indicator(dataset, NULL) failed without recording the error "
		      "(the header: \"A failure is also recorded as an error of @dataset\")");
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_msg(lr_dataset_get_error_count(dataset) == 2,
		      "lr_dataset_add_observation(dataset, NULL) failed without recording the error");
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_dataset_lookups)
{
	lr_dataset_t *dataset = load_dataset();
	size_t indicators = lr_dataset_get_indicator_count(dataset);
	size_t observations = lr_dataset_get_observation_count(dataset);
	const lr_indicator_t *indicator;
	const char *unknown_entity = "Atlantis";
	const char *unknown_source = "999_no_such_source.txt";
	lr_observation_t added;

	ck_assert_uint_gt(indicators, 0);
	ck_assert_uint_gt(observations, 0);
	ck_assert_uint_eq(lr_dataset_get_error_count(dataset), 0);
	ck_assert_ptr_null(lr_dataset_get_error(dataset, 0));

	/* Indices out of range. */
	ck_assert_ptr_nonnull(lr_dataset_get_indicator(dataset, indicators - 1));
	ck_assert_ptr_null(lr_dataset_get_indicator(dataset, indicators));
	ck_assert_ptr_null(lr_dataset_get_indicator(dataset, SIZE_MAX));
	ck_assert_ptr_nonnull(lr_dataset_get_observation(dataset, observations - 1));
	ck_assert_ptr_null(lr_dataset_get_observation(dataset, observations));
	ck_assert_ptr_null(lr_dataset_get_observation(dataset, SIZE_MAX));
	/* Lines: 1 is the header, so the first row is line 2 at least. */
	ck_assert_uint_ge(lr_dataset_get_observation_line(dataset, 0), 2);
	ck_assert_uint_gt(lr_dataset_get_observation_line(dataset, observations - 1),
			  lr_dataset_get_observation_line(dataset, 0));
	ck_assert_uint_eq(lr_dataset_get_observation_line(dataset, observations), 0);
	ck_assert_uint_eq(lr_dataset_get_observation_line(dataset, SIZE_MAX), 0);
	/* A row added through the API has line 0. */
	added = test_observation(BAR_INDICATOR, 2030, 42);
	added.status = LR_OBSERVATION_TARGET;
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &added), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), observations + 1);
	ck_assert_uint_eq(lr_dataset_get_observation_line(dataset, observations), 0);

	/* Finding indicators. */
	ck_assert_ptr_null(lr_dataset_find_indicator(dataset, NULL));
	ck_assert_ptr_null(lr_dataset_find_indicator(dataset, ""));
	ck_assert_ptr_null(lr_dataset_find_indicator(dataset, "no_such_indicator"));
	ck_assert_ptr_null(lr_dataset_find_indicator(dataset, INVALID_UTF8));
	ck_assert_ptr_null(lr_dataset_find_indicator(dataset, "ECOMMERCE_REVENUE"));
	indicator = lr_dataset_find_indicator(dataset, BAR_INDICATOR);
	ck_assert_ptr_nonnull(indicator);
	ck_assert_str_eq(indicator->id, BAR_INDICATOR);
	ck_assert_str_eq(lr_indicator_get_name(indicator, LR_LANGUAGE_VI), indicator->name_vi);
	ck_assert_str_eq(lr_indicator_get_name(indicator, LR_LANGUAGE_EN), indicator->name_en);
	ck_assert_ptr_nonnull(lr_indicator_get_name(indicator, BAD_ENUM(lr_language_t, 42)));
	ck_assert_ptr_nonnull(lr_indicator_get_unit(indicator, BAD_ENUM(lr_language_t, -1)));
	ck_assert_ptr_nonnull(lr_indicator_get_unit(indicator, LR_LANGUAGE_EN));

	/* Entity names: NULL arguments rejected; unknown entities fall back to themselves. */
	ck_assert_int_eq(lr_dataset_set_entity_name(dataset, NULL, "World"), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_set_entity_name(dataset, "Atlantis", NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_set_entity_name(dataset, INVALID_UTF8, "Bad"), LR_STATUS_INVALID_UTF8);
	ck_assert_int_eq(lr_dataset_set_entity_name(dataset, "Atlantis", INVALID_UTF8),
			 LR_STATUS_INVALID_UTF8);
	ck_assert_ptr_eq(lr_dataset_get_entity_name(dataset, unknown_entity, LR_LANGUAGE_EN), unknown_entity);
	ck_assert_ptr_eq(lr_dataset_get_entity_name(dataset, unknown_entity, LR_LANGUAGE_VI), unknown_entity);
	ck_assert_ptr_null(lr_dataset_get_entity_name(dataset, NULL, LR_LANGUAGE_EN));
	ck_assert_ptr_nonnull(lr_dataset_get_entity_name(dataset, unknown_entity, BAD_ENUM(lr_language_t, 42)));
	ck_assert_int_eq(lr_dataset_set_entity_name(dataset, "Atlantis", "Atlantis (en)"), LR_STATUS_SUCCESS);
	ck_assert_str_eq(lr_dataset_get_entity_name(dataset, unknown_entity, LR_LANGUAGE_EN), "Atlantis (en)");
	ck_assert_ptr_eq(lr_dataset_get_entity_name(dataset, unknown_entity, LR_LANGUAGE_VI), unknown_entity);
	/* Việt Nam has an English name in data/entities.csv. */
	ck_assert_str_eq(lr_dataset_get_entity_name(dataset, VIET_NAM, LR_LANGUAGE_VI), VIET_NAM);
	ck_assert_str_ne(lr_dataset_get_entity_name(dataset, VIET_NAM, LR_LANGUAGE_EN), VIET_NAM);

	/* Source labels likewise. */
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, NULL, "vi", "en"), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, "s.txt", NULL, "en"), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, "s.txt", "vi", NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, INVALID_UTF8, "vi", "en"), LR_STATUS_INVALID_UTF8);
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, "s.txt", INVALID_UTF8, "en"), LR_STATUS_INVALID_UTF8);
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, "s.txt", "vi", INVALID_UTF8), LR_STATUS_INVALID_UTF8);
	ck_assert_ptr_eq(lr_dataset_get_source_label(dataset, unknown_source, LR_LANGUAGE_VI), unknown_source);
	ck_assert_ptr_eq(lr_dataset_get_source_label(dataset, unknown_source, LR_LANGUAGE_EN), unknown_source);
	ck_assert_ptr_eq(lr_dataset_get_source_label(dataset, "s.txt", LR_LANGUAGE_EN) ,
			 lr_dataset_get_source_label(dataset, "s.txt", LR_LANGUAGE_EN));
	ck_assert_str_eq(lr_dataset_get_source_label(dataset, "s.txt", LR_LANGUAGE_EN), "s.txt");
	ck_assert_ptr_null(lr_dataset_get_source_label(dataset, NULL, LR_LANGUAGE_VI));
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, "s.txt", "Nguồn", "Source"),
			 LR_STATUS_SUCCESS);
	ck_assert_str_eq(lr_dataset_get_source_label(dataset, "s.txt", LR_LANGUAGE_VI), "Nguồn");
	ck_assert_str_eq(lr_dataset_get_source_label(dataset, "s.txt", LR_LANGUAGE_EN), "Source");
	ck_assert_ptr_nonnull(lr_dataset_get_source_label(dataset, "s.txt", BAD_ENUM(lr_language_t, 42)));

	/* None of the rejected calls is an error of the dataset, which stays usable. */
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_dataset_enum_names)
{
	static const char *const kinds[] = { "value", "rank", "share", "growth" };
	static const char *const statuses[] = { "actual", "estimate", "forecast", "target" };
	static const int bad[] = { 4, 5, -1, INT_MIN, INT_MAX };

	for (int i = 0; i < 4; i++) {
		ck_assert_str_eq(lr_indicator_kind_to_string((lr_indicator_kind_t) i), kinds[i]);
		ck_assert_str_eq(lr_observation_status_to_string((lr_observation_status_t) i), statuses[i]);
	}
	for (int i = 0; i < N_ELEMENTS(bad); i++) {
		const char *kind = lr_indicator_kind_to_string(BAD_ENUM(lr_indicator_kind_t, bad[i]));
		const char *status = lr_observation_status_to_string(BAD_ENUM(lr_observation_status_t, bad[i]));
		ck_assert_msg(kind != NULL, "kind %d: NULL", bad[i]);
		ck_assert_msg(status != NULL, "status %d: NULL", bad[i]);
		for (int k = 0; k < 4; k++) {
			ck_assert_str_ne(kind, kinds[k]);
			ck_assert_str_ne(status, statuses[k]);
		}
	}
}
END_TEST

START_TEST(test_dataset_references)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_indicator_t indicator = test_indicator("test_index");

	ck_assert_ptr_eq(lr_dataset_reference(dataset), dataset);
	lr_dataset_destroy(dataset);
	/* Still alive: one reference left. */
	ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_indicator_count(dataset), 1);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* lr-chart.h: errors */

START_TEST(test_chart_null)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 32, 32);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, 32, 32 };
	lr_theme_t *theme = lr_theme_create();

	lr_chart_destroy(NULL);
	ck_assert_int_eq(lr_chart_status(NULL), LR_STATUS_NULL_POINTER);
	ck_assert_ptr_null(lr_chart_get_error(NULL));
	lr_chart_add_indicator(NULL, BAR_INDICATOR);
	lr_chart_add_indicator(NULL, NULL);
	lr_chart_add_entity(NULL, VIET_NAM);
	lr_chart_add_entity(NULL, NULL);
	lr_chart_add_year(NULL, 2023);
	lr_chart_add_year(NULL, INT_MIN);
	lr_chart_set_language(NULL, LR_LANGUAGE_EN);
	lr_chart_set_language(NULL, BAD_ENUM(lr_language_t, 42));
	lr_chart_set_title(NULL, "Title");
	lr_chart_set_title(NULL, NULL);
	lr_chart_set_subtitle(NULL, "Subtitle");
	lr_chart_set_subtitle(NULL, NULL);
	lr_chart_set_theme(NULL, theme);
	lr_chart_set_theme(NULL, NULL);
	lr_chart_set_bar_layout(NULL, LR_BAR_STACKED);
	lr_chart_set_bar_layout(NULL, BAD_ENUM(lr_bar_layout_t, 42));
	lr_chart_set_orientation(NULL, LR_ORIENTATION_HORIZONTAL);
	lr_chart_set_orientation(NULL, BAD_ENUM(lr_orientation_t, 42));
	lr_chart_set_sort(NULL, LR_SORT_ASCENDING);
	lr_chart_set_sort(NULL, BAD_ENUM(lr_sort_t, 42));
	lr_chart_set_value_labels(NULL, LR_VALUE_LABELS_ALL);
	lr_chart_set_value_labels(NULL, BAD_ENUM(lr_value_labels_t, 42));
	lr_chart_set_decimals(NULL, 2);
	lr_chart_set_decimals(NULL, 99);
	ck_assert_int_eq(lr_value_labels_from_string(NULL, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_str_eq(lr_value_labels_to_string(BAD_ENUM(lr_value_labels_t, 42)), "unknown");
	lr_chart_set_highlight(NULL, VIET_NAM);
	lr_chart_set_highlight(NULL, NULL);
	ck_assert_int_eq(lr_chart_draw(NULL, cr, &rect), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_chart_draw(NULL, NULL, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_chart_write(NULL, "/nonexistent/x.png", LR_FORMAT_AUTO, 100, 100, 1),
			 LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_chart_write(NULL, NULL, LR_FORMAT_PNG, 100, 100, 1), LR_STATUS_NULL_POINTER);
	ck_assert_ptr_null(lr_chart_describe_layout(NULL, CANVAS_WIDTH, CANVAS_HEIGHT));
	ck_assert_ptr_null(lr_chart_describe_layout(NULL, 0, 0));

	/* The theme passed to a NULL chart was not taken: this is the only reference. */
	lr_theme_destroy(theme);
	ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
}
END_TEST

START_TEST(test_chart_create_errors)
{
	lr_dataset_t *good = load_dataset();
	lr_dataset_t *missing = lr_dataset_load("/nonexistent/lr-test-api");
	lr_dataset_t *invalid = lr_dataset_create();
	lr_observation_t observation = test_observation("no_such_indicator", 2020, 1);
	lr_chart_t *chart;
	const lr_chart_kind_t kinds[] = { LR_CHART_BAR, LR_CHART_RANK };

	ck_assert_int_eq(lr_dataset_add_observation(invalid, &observation), LR_STATUS_UNKNOWN_INDICATOR);

	for (int k = 0; k < N_ELEMENTS(kinds); k++) {
		/* No dataset. */
		chart = lr_chart_create(kinds[k], NULL);
		ck_assert_ptr_nonnull(chart);
		assert_chart_error(chart, LR_STATUS_NULL_POINTER);
		poke_every_setter(chart, NULL);
		assert_chart_error(chart, LR_STATUS_NULL_POINTER);
		lr_chart_destroy(chart);

		/* Datasets with errors: the chart is inert and in error. */
		chart = lr_chart_create(kinds[k], missing);
		ck_assert_ptr_nonnull(chart);
		ck_assert_int_ne(lr_chart_status(chart), LR_STATUS_SUCCESS);
		ck_assert_ptr_nonnull(lr_chart_get_error(chart));
		ck_assert_int_eq(lr_chart_get_error(chart)->status, lr_chart_status(chart));
		{
			lr_status_t first = lr_chart_status(chart);
			poke_every_setter(chart, NULL);
			assert_chart_error(chart, first);
		}
		lr_chart_destroy(chart);

		chart = lr_chart_create(kinds[k], invalid);
		ck_assert_ptr_nonnull(chart);
		ck_assert_int_ne(lr_chart_status(chart), LR_STATUS_SUCCESS);
		ck_assert_ptr_nonnull(lr_chart_get_error(chart));
		lr_chart_destroy(chart);
	}

	/* Unknown kinds. */
	chart = lr_chart_create(BAD_ENUM(lr_chart_kind_t, 2), good);
	ck_assert_ptr_nonnull(chart);
	assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT);
	poke_every_setter(chart, NULL);
	assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT);
	lr_chart_destroy(chart);
	chart = lr_chart_create(BAD_ENUM(lr_chart_kind_t, -1), good);
	assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT);
	lr_chart_destroy(chart);

	/* A good chart: no error, lr_chart_get_error() NULL. */
	chart = lr_chart_create(LR_CHART_BAR, good);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	ck_assert_ptr_null(lr_chart_get_error(chart));
	lr_chart_destroy(chart);

	lr_dataset_destroy(good);
	lr_dataset_destroy(missing);
	lr_dataset_destroy(invalid);
}
END_TEST

START_TEST(test_chart_sticky_unknown_indicator)
{
	lr_dataset_t *dataset = load_dataset();
	char *folder = make_folder();
	char *path = g_build_filename(folder, "chart.png", NULL);
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);
	char *message;

	lr_chart_add_indicator(chart, BAR_INDICATOR);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	ck_assert_ptr_null(lr_chart_get_error(chart));
	lr_chart_add_indicator(chart, "no_such_indicator");
	assert_chart_error(chart, LR_STATUS_UNKNOWN_INDICATOR);
	message = chart_error_message(chart);
	ck_assert_msg(strstr(message, "no_such_indicator") != NULL, "the message does not name the id: %s",
		      message);

	/* Everything after is ignored, including calls that would fail differently. */
	poke_every_setter(chart, path);
	assert_chart_error(chart, LR_STATUS_UNKNOWN_INDICATOR);
	ck_assert_str_eq(lr_chart_get_error(chart)->message, message);
	{
		cairo_surface_t *surface = filled_surface(64, 64, PIXEL_GREEN);
		cairo_t *cr = cairo_create(surface);
		lr_rect_t rect = { 0, 0, 64, 64 };
		ck_assert_int_eq(lr_chart_draw(chart, cr, &rect), LR_STATUS_UNKNOWN_INDICATOR);
		ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
		cairo_destroy(cr);
		/* Nothing drawn. */
		ck_assert_uint_eq(pixel_at(surface, 0, 0), PIXEL_GREEN);
		ck_assert_uint_eq(pixel_at(surface, 32, 32), PIXEL_GREEN);
		cairo_surface_destroy(surface);
	}
	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_PNG, 200, 100, 1),
			 LR_STATUS_UNKNOWN_INDICATOR);
	ck_assert_int_eq(folder_entry_count(folder), 0);
	assert_chart_error(chart, LR_STATUS_UNKNOWN_INDICATOR);
	ck_assert_str_eq(lr_chart_get_error(chart)->message, message);

	g_free(message);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
	g_free(path);
	remove_folder(folder);
}
END_TEST

/* Each setter with an out-of-range value, on a fresh chart: the documented status, then
 * sticky. */
START_TEST(test_chart_invalid_arguments)
{
	lr_dataset_t *dataset = load_dataset();
	static const char *const names[] = {
		"language 2", "language -1", "bar layout 3", "bar layout -1", "orientation 2",
		"orientation -1", "sort 3", "sort -1", "title not UTF-8", "subtitle not UTF-8",
		"highlight not UTF-8", "entity not UTF-8", "indicator NULL", "entity NULL",
	};
	static const lr_status_t expected[] = {
		LR_STATUS_INVALID_ARGUMENT, LR_STATUS_INVALID_ARGUMENT, LR_STATUS_INVALID_ARGUMENT,
		LR_STATUS_INVALID_ARGUMENT, LR_STATUS_INVALID_ARGUMENT, LR_STATUS_INVALID_ARGUMENT,
		LR_STATUS_INVALID_ARGUMENT, LR_STATUS_INVALID_ARGUMENT, LR_STATUS_INVALID_UTF8,
		LR_STATUS_INVALID_UTF8, LR_STATUS_INVALID_UTF8, LR_STATUS_INVALID_UTF8,
		LR_STATUS_NULL_POINTER, LR_STATUS_NULL_POINTER,
	};

	ck_assert_int_eq(N_ELEMENTS(names), N_ELEMENTS(expected));
	for (int i = 0; i < N_ELEMENTS(names); i++) {
		lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);
		char *message;

		lr_chart_add_indicator(chart, BAR_INDICATOR);
		ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
		switch (i) {
		case 0: lr_chart_set_language(chart, BAD_ENUM(lr_language_t, 2)); break;
		case 1: lr_chart_set_language(chart, BAD_ENUM(lr_language_t, -1)); break;
		case 2: lr_chart_set_bar_layout(chart, BAD_ENUM(lr_bar_layout_t, 3)); break;
		case 3: lr_chart_set_bar_layout(chart, BAD_ENUM(lr_bar_layout_t, -1)); break;
		case 4: lr_chart_set_orientation(chart, BAD_ENUM(lr_orientation_t, 2)); break;
		case 5: lr_chart_set_orientation(chart, BAD_ENUM(lr_orientation_t, -1)); break;
		case 6: lr_chart_set_sort(chart, BAD_ENUM(lr_sort_t, 3)); break;
		case 7: lr_chart_set_sort(chart, BAD_ENUM(lr_sort_t, -1)); break;
		case 8: lr_chart_set_title(chart, INVALID_UTF8); break;
		case 9: lr_chart_set_subtitle(chart, INVALID_UTF8); break;
		case 10: lr_chart_set_highlight(chart, INVALID_UTF8); break;
		case 11: lr_chart_add_entity(chart, INVALID_UTF8); break;
		case 12: lr_chart_add_indicator(chart, NULL); break;
		default: lr_chart_add_entity(chart, NULL); break;
		}
		ck_assert_msg(lr_chart_status(chart) == expected[i], "%s: expected %s, got %s", names[i],
			      lr_status_to_string(expected[i]), lr_status_to_string(lr_chart_status(chart)));
		assert_chart_error(chart, expected[i]);
		message = chart_error_message(chart);
		poke_every_setter(chart, NULL);
		assert_chart_error(chart, expected[i]);
		ck_assert_str_eq(lr_chart_get_error(chart)->message, message);
		g_free(message);
		lr_chart_destroy(chart);
	}

	/* Valid edge values keep the chart usable. */
	{
		lr_chart_t *chart = bar_chart(dataset);
		lr_chart_set_language(chart, LR_LANGUAGE_EN);
		lr_chart_set_bar_layout(chart, LR_BAR_PERCENT);
		lr_chart_set_orientation(chart, LR_ORIENTATION_HORIZONTAL);
		lr_chart_set_sort(chart, LR_SORT_DESCENDING);
		lr_chart_set_title(chart, NULL);
		lr_chart_set_subtitle(chart, NULL);
		lr_chart_set_highlight(chart, NULL);
		lr_chart_set_theme(chart, NULL);
		lr_chart_set_title(chart, "");
		lr_chart_add_indicator(chart, BAR_INDICATOR); /* twice */
		ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
		ck_assert_ptr_null(lr_chart_get_error(chart));
		lr_chart_destroy(chart);
	}

	/* A year far outside the data: an error now or when drawn, never a crash. */
	{
		lr_chart_t *chart = bar_chart(dataset);
		cairo_surface_t *surface;
		lr_status_t status;
		lr_chart_add_year(chart, INT_MIN);
		surface = render(chart, CANVAS_WIDTH, CANVAS_HEIGHT, &status);
		ck_assert_int_ne(status, LR_STATUS_SUCCESS);
		ck_assert_int_ne(lr_chart_status(chart), LR_STATUS_SUCCESS);
		ck_assert_ptr_nonnull(lr_chart_get_error(chart));
		cairo_surface_destroy(surface);
		lr_chart_destroy(chart);
	}
	lr_dataset_destroy(dataset);
}
END_TEST

/* Text above LR_LABEL_LENGTH_MAX bytes is refused by every setter that takes a label, with a
 * message naming it; exactly the limit is accepted and draws (the old code laid a 512 KB
 * title out from x = -1,048,118 px). */
START_TEST(test_label_limit_setters)
{
	lr_dataset_t *dataset = load_dataset();
	char *fits = g_strnfill(LR_LABEL_LENGTH_MAX, 'a');
	char *over = g_strnfill(LR_LABEL_LENGTH_MAX + 1, 'a');
	static const char *const names[] = { "title", "subtitle", "highlight", "entity" };
	lr_report_t *report;

	for (int i = 0; i < N_ELEMENTS(names); i++) {
		lr_chart_t *chart = bar_chart(dataset);
		char *phrase = g_strdup_printf("%s: the text is %u bytes long, above the limit of %u "
					       "bytes for a label (LR_LABEL_LENGTH_MAX)", names[i],
					       LR_LABEL_LENGTH_MAX + 1, LR_LABEL_LENGTH_MAX);

		switch (i) {
		case 0: lr_chart_set_title(chart, over); break;
		case 1: lr_chart_set_subtitle(chart, over); break;
		case 2: lr_chart_set_highlight(chart, over); break;
		default: lr_chart_add_entity(chart, over); break;
		}
		ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_INVALID_ARGUMENT);
		ck_assert_msg(strstr(lr_chart_get_error(chart)->message, phrase), "%s: \"%s\"",
			      names[i], lr_chart_get_error(chart)->message);
		g_free(phrase);
		lr_chart_destroy(chart);
	}
	{
		lr_chart_t *chart = bar_chart(dataset);

		lr_chart_set_title(chart, fits);
		lr_chart_set_subtitle(chart, fits);
		ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
		cairo_surface_destroy(render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT));
		lr_chart_destroy(chart);
	}

	report = lr_report_create(dataset);
	lr_report_set_title(report, fits);
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_SUCCESS);
	lr_report_set_title(report, over);
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_ptr_nonnull(strstr(lr_report_get_error(report, 0)->message,
				     "the title is 4097 bytes long"));
	lr_report_destroy(report);
	report = lr_report_create(dataset);
	lr_report_add_heading(report, 1, over);
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_ptr_nonnull(strstr(lr_report_get_error(report, 0)->message,
				     "lr_report_add_heading: the text is 4097 bytes long"));
	lr_report_destroy(report);
	report = lr_report_create(dataset);
	lr_report_add_key_figure(report, BAR_INDICATOR, NULL, 0, over);
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_ptr_nonnull(strstr(lr_report_get_error(report, 0)->message,
				     "lr_report_add_key_figure: the text is 4097 bytes long"));
	lr_report_destroy(report);
	report = lr_report_create(dataset);
	{
		const char *indicators[] = { BAR_INDICATOR };
		lr_report_add_table(report, indicators, 1, NULL, 0, NULL, 0, over);
	}
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_INVALID_ARGUMENT);
	lr_report_destroy(report);
	{
		lr_theme_t *theme = lr_theme_create();
		ck_assert_int_eq(lr_theme_set_font_family(theme, over), LR_STATUS_INVALID_ARGUMENT);
		ck_assert_int_eq(lr_theme_set_font_family(theme, "DejaVu Sans"), LR_STATUS_SUCCESS);
		lr_theme_destroy(theme);
	}
	g_free(over);
	g_free(fits);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_chart_draw_errors)
{
	lr_dataset_t *dataset = load_dataset();
	static const lr_rect_t bad_rects[] = {
		{ 0, 0, 0, 0 }, { 0, 0, 0, 100 }, { 0, 0, 100, 0 }, { 0, 0, -100, 100 },
		{ 0, 0, 100, -100 }, { NAN, 0, 100, 100 }, { 0, NAN, 100, 100 },
		{ 0, 0, NAN, 100 }, { 0, 0, 100, NAN }, { INFINITY, 0, 100, 100 },
		{ 0, -INFINITY, 100, 100 }, { 0, 0, INFINITY, 100 }, { 0, 0, 100, INFINITY },
	};
	lr_chart_t *chart;

	/* Empty and non-finite rectangles: INVALID_ARGUMENT, kept, nothing drawn. */
	for (int i = 0; i < N_ELEMENTS(bad_rects); i++) {
		cairo_surface_t *surface = filled_surface(64, 64, PIXEL_GREEN);
		cairo_t *cr = cairo_create(surface);
		lr_status_t status;

		chart = bar_chart(dataset);
		status = lr_chart_draw(chart, cr, &bad_rects[i]);
		ck_assert_msg(status == LR_STATUS_INVALID_ARGUMENT, "rect %d (%g, %g, %g, %g): %s", i,
			      bad_rects[i].x, bad_rects[i].y, bad_rects[i].width, bad_rects[i].height,
			      lr_status_to_string(status));
		assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT);
		ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
		cairo_destroy(cr);
		ck_assert_uint_eq(pixel_at(surface, 0, 0), PIXEL_GREEN);
		ck_assert_uint_eq(pixel_at(surface, 63, 63), PIXEL_GREEN);
		cairo_surface_destroy(surface);
		lr_chart_destroy(chart);
	}

	/* A cairo context in error: CAIRO_ERROR, for that call. */
	{
		cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, -1, -1);
		cairo_t *cr;
		lr_rect_t rect = { 0, 0, CANVAS_WIDTH, CANVAS_HEIGHT };

		ck_assert_int_ne(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
		cr = cairo_create(surface);
		ck_assert_int_ne(cairo_status(cr), CAIRO_STATUS_SUCCESS);
		chart = bar_chart(dataset);
		ck_assert_int_eq(lr_chart_draw(chart, cr, &rect), LR_STATUS_CAIRO_ERROR);
		assert_chart_error(chart, LR_STATUS_CAIRO_ERROR);
		/* The error was that call's: a good context now draws. */
		{
			lr_status_t status;
			cairo_surface_t *good = render(chart, CANVAS_WIDTH, CANVAS_HEIGHT, &status);
			ck_assert_int_eq(status, LR_STATUS_SUCCESS);
			ck_assert_uint_eq(pixel_at(good, 0, 0), PIXEL_WHITE);
			cairo_surface_destroy(good);
		}
		ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
		ck_assert_ptr_null(lr_chart_get_error(chart));
		lr_chart_destroy(chart);
		cairo_destroy(cr);
		cairo_surface_destroy(surface);
	}

	/* A context put in error by its user (unbalanced restore). */
	{
		cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64);
		cairo_t *cr = cairo_create(surface);
		lr_rect_t rect = { 0, 0, 64, 64 };

		cairo_restore(cr);
		ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_INVALID_RESTORE);
		chart = bar_chart(dataset);
		ck_assert_int_eq(lr_chart_draw(chart, cr, &rect), LR_STATUS_CAIRO_ERROR);
		assert_chart_error(chart, LR_STATUS_CAIRO_ERROR);
		lr_chart_destroy(chart);
		cairo_destroy(cr);
		cairo_surface_destroy(surface);
	}

	/* NULL context, NULL rectangle: NULL_POINTER, nothing else happens to the context. */
	{
		cairo_surface_t *surface = filled_surface(64, 64, PIXEL_GREEN);
		cairo_t *cr = cairo_create(surface);
		lr_rect_t rect = { 0, 0, 64, 64 };

		chart = bar_chart(dataset);
		ck_assert_int_eq(lr_chart_draw(chart, NULL, &rect), LR_STATUS_NULL_POINTER);
		lr_chart_destroy(chart);
		chart = bar_chart(dataset);
		ck_assert_int_eq(lr_chart_draw(chart, cr, NULL), LR_STATUS_NULL_POINTER);
		ck_assert_int_eq(lr_chart_draw(chart, NULL, NULL), LR_STATUS_NULL_POINTER);
		ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
		cairo_destroy(cr);
		ck_assert_uint_eq(pixel_at(surface, 0, 0), PIXEL_GREEN);
		cairo_surface_destroy(surface);
		lr_chart_destroy(chart);
	}

	/* Requests that select nothing or the wrong data. */
	chart = bar_chart(dataset);
	lr_chart_add_entity(chart, "Atlantis");
	{
		lr_status_t status;
		cairo_surface_t *surface = render(chart, CANVAS_WIDTH, CANVAS_HEIGHT, &status);
		ck_assert_int_eq(status, LR_STATUS_UNKNOWN_ENTITY);
		assert_chart_error(chart, LR_STATUS_UNKNOWN_ENTITY);
		cairo_surface_destroy(surface);
	}
	lr_chart_destroy(chart);
	chart = lr_chart_create(LR_CHART_BAR, dataset);
	{
		lr_status_t status;
		cairo_surface_t *surface = render(chart, CANVAS_WIDTH, CANVAS_HEIGHT, &status);
		ck_assert_int_ne(status, LR_STATUS_SUCCESS); /* no indicator chosen */
		ck_assert_int_eq(lr_chart_status(chart), status);
		cairo_surface_destroy(surface);
	}
	lr_chart_destroy(chart);
	chart = lr_chart_create(LR_CHART_RANK, dataset);
	lr_chart_add_indicator(chart, BAR_INDICATOR);
	{
		lr_status_t status;
		cairo_surface_t *surface = render(chart, CANVAS_WIDTH, CANVAS_HEIGHT, &status);
		ck_assert_int_eq(status, LR_STATUS_UNSUPPORTED);
		assert_chart_error(chart, LR_STATUS_UNSUPPORTED);
		cairo_surface_destroy(surface);
	}
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* "Returns: LR_STATUS_SUCCESS or the error (also kept by @chart)": NULL arguments too. */
START_TEST(test_chart_draw_null_kept)
{
	lr_dataset_t *dataset = load_dataset();
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, 64, 64 };
	lr_chart_t *chart;

	chart = bar_chart(dataset);
	ck_assert_int_eq(lr_chart_draw(chart, NULL, &rect), LR_STATUS_NULL_POINTER);
	ck_assert_msg(lr_chart_status(chart) == LR_STATUS_NULL_POINTER,
		      "lr_chart_draw(chart, NULL, rect) returned NULL_POINTER but the chart is %s",
		      lr_status_to_string(lr_chart_status(chart)));
	lr_chart_destroy(chart);

	chart = bar_chart(dataset);
	ck_assert_int_eq(lr_chart_draw(chart, cr, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_msg(lr_chart_status(chart) == LR_STATUS_NULL_POINTER,
		      "lr_chart_draw(chart, cr, NULL) returned NULL_POINTER but the chart is %s",
		      lr_status_to_string(lr_chart_status(chart)));
	lr_chart_destroy(chart);

	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_chart_write_null_kept)
{
	lr_dataset_t *dataset = load_dataset();
	lr_chart_t *chart = bar_chart(dataset);

	ck_assert_int_eq(lr_chart_write(chart, NULL, LR_FORMAT_PNG, 100, 100, 1), LR_STATUS_NULL_POINTER);
	ck_assert_msg(lr_chart_status(chart) == LR_STATUS_NULL_POINTER,
		      "lr_chart_write(chart, NULL, …) returned NULL_POINTER but the chart is %s",
		      lr_status_to_string(lr_chart_status(chart)));
	assert_chart_error(chart, LR_STATUS_NULL_POINTER);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* "@message: UTF-8 text": also when the argument the message quotes is not UTF-8. */
START_TEST(test_error_messages_utf8)
{
	lr_dataset_t *dataset = load_dataset();
	lr_dataset_t *missing = lr_dataset_load("/nonexistent/" INVALID_UTF8);
	char *folder = make_folder();
	char *path = g_build_filename(folder, "no-such-folder", INVALID_UTF8 ".png", NULL);
	lr_chart_t *chart;

	/* GLib's messages use display names: these already hold. */
	ck_assert_uint_ge(lr_dataset_get_error_count(missing), 1);
	for (size_t i = 0; i < lr_dataset_get_error_count(missing); i++)
		ck_assert_msg(g_utf8_validate(lr_dataset_get_error(missing, i)->message, -1, NULL),
			      "dataset error %zu is not UTF-8", i);

	/* An indicator id that is not UTF-8: an error whose message is. */
	chart = lr_chart_create(LR_CHART_BAR, dataset);
	lr_chart_add_indicator(chart, INVALID_UTF8);
	ck_assert_msg(lr_chart_status(chart) == LR_STATUS_UNKNOWN_INDICATOR ||
		      lr_chart_status(chart) == LR_STATUS_INVALID_UTF8, "status %s",
		      lr_status_to_string(lr_chart_status(chart)));
	assert_chart_error(chart, lr_chart_status(chart));
	lr_chart_destroy(chart);

	g_free(path);
	remove_folder(folder);
	lr_dataset_destroy(missing);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_messages_utf8_path)
{
	lr_dataset_t *dataset = load_dataset();
	char *folder = make_folder();
	char *path = g_build_filename(folder, "no-such-folder", INVALID_UTF8 ".png", NULL);
	lr_chart_t *chart;

	/* A file name that is not UTF-8 (legal on POSIX) in a folder that does not exist. */
	chart = bar_chart(dataset);
	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_AUTO, CANVAS_WIDTH, CANVAS_HEIGHT, 1),
			 LR_STATUS_WRITE_ERROR);
	assert_chart_error(chart, LR_STATUS_WRITE_ERROR);
	lr_chart_destroy(chart);

	g_free(path);
	remove_folder(folder);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Whether @needle occurs in @haystack (memmem is not in C11). */
static gboolean
contains_bytes(const GByteArray *haystack, const void *needle, size_t length)
{
	for (size_t i = 0; i + length <= haystack->len; i++)
		if (memcmp(haystack->data + i, needle, length) == 0)
			return TRUE;
	return FALSE;
}

/* A stream write function that appends to a GByteArray, or fails when asked to. */
typedef struct {
	GByteArray *bytes;
	lr_status_t answer;
	int calls;
} stream_sink_t;

static lr_status_t
append_to_sink(void *closure, const unsigned char *data, size_t length)
{
	stream_sink_t *sink = closure;

	sink->calls++;
	if (sink->answer == LR_STATUS_SUCCESS)
		g_byte_array_append(sink->bytes, data, (guint) length);
	return sink->answer;
}

/* The stream gets the same bytes as the file, for every format; PNG records its dpi. */
START_TEST(test_chart_write_to_stream)
{
	static const lr_file_format_t formats[] = { LR_FORMAT_PNG, LR_FORMAT_PDF, LR_FORMAT_SVG };
	static const char *const names[] = { "chart.png", "chart.pdf", "chart.svg" };
	lr_dataset_t *dataset = load_dataset();
	char *folder = make_folder();
	lr_chart_t *chart = bar_chart(dataset);
	lr_write_options_t options;

	lr_write_options_init(&options);
	ck_assert_int_eq(options.format, LR_FORMAT_AUTO);
	ck_assert(options.width == 1600 && options.height == 900 && options.scale == 1);
	options.width = 400;
	options.height = 225;
	for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
		stream_sink_t sink = { g_byte_array_new(), LR_STATUS_SUCCESS, 0 };
		char *path = g_build_filename(folder, names[i], NULL);
		char *file_bytes;
		gsize file_length;

		options.format = formats[i];
		ck_assert_int_eq(lr_chart_write_to_stream(chart, append_to_sink, &sink, &options),
				 LR_STATUS_SUCCESS);
		options.format = LR_FORMAT_AUTO;
		ck_assert_int_eq(lr_chart_write_with_options(chart, path, &options), LR_STATUS_SUCCESS);
		ck_assert(g_file_get_contents(path, &file_bytes, &file_length, NULL));
		ck_assert_uint_eq(file_length, sink.bytes->len);
		ck_assert_msg(memcmp(file_bytes, sink.bytes->data, file_length) == 0,
			      "%s: the stream and the file differ", names[i]);
		g_free(file_bytes);
		g_free(path);
		g_byte_array_unref(sink.bytes);
	}

	/* pHYs at 300 dpi: 11811 pixels per metre, unit 1 (metre). */
	{
		static const unsigned char phys[] = { 'p', 'H', 'Y', 's', 0, 0, 0x2e, 0x23,
						      0, 0, 0x2e, 0x23, 1 };
		stream_sink_t sink = { g_byte_array_new(), LR_STATUS_SUCCESS, 0 };

		options.format = LR_FORMAT_PNG;
		options.dpi = 300;
		ck_assert_int_eq(lr_chart_write_to_stream(chart, append_to_sink, &sink, &options),
				 LR_STATUS_SUCCESS);
		ck_assert(contains_bytes(sink.bytes, phys, sizeof phys));
		g_byte_array_unref(sink.bytes);
		options.dpi = 0;
		sink.bytes = g_byte_array_new();
		ck_assert_int_eq(lr_chart_write_to_stream(chart, append_to_sink, &sink, &options),
				 LR_STATUS_SUCCESS);
		ck_assert(!contains_bytes(sink.bytes, "pHYs", 4));
		g_byte_array_unref(sink.bytes);
	}

	/* A failing sink's status comes back, and the chart draws again afterwards. */
	{
		stream_sink_t sink = { g_byte_array_new(), LR_STATUS_WRITE_ERROR, 0 };

		ck_assert_int_eq(lr_chart_write_to_stream(chart, append_to_sink, &sink, &options),
				 LR_STATUS_WRITE_ERROR);
		assert_chart_error(chart, LR_STATUS_WRITE_ERROR);
		ck_assert_int_eq(sink.calls, 1);
		sink.answer = (lr_status_t) 9999;
		ck_assert_int_eq(lr_chart_write_to_stream(chart, append_to_sink, &sink, &options),
				 LR_STATUS_WRITE_ERROR);
		g_byte_array_unref(sink.bytes);
	}

	/* Bad options: no format for a stream, a scale or dpi on a vector format; nothing sent. */
	{
		stream_sink_t sink = { g_byte_array_new(), LR_STATUS_SUCCESS, 0 };
		char *pdf = g_build_filename(folder, "scaled.pdf", NULL);

		options.format = LR_FORMAT_AUTO;
		ck_assert_int_eq(lr_chart_write_to_stream(chart, append_to_sink, &sink, &options),
				 LR_STATUS_INVALID_ARGUMENT);
		options.format = LR_FORMAT_PDF;
		options.scale = 2;
		ck_assert_int_eq(lr_chart_write_to_stream(chart, append_to_sink, &sink, &options),
				 LR_STATUS_INVALID_ARGUMENT);
		ck_assert_ptr_nonnull(strstr(lr_chart_get_error(chart)->message, "PNG only"));
		options.format = LR_FORMAT_AUTO;
		ck_assert_int_eq(lr_chart_write_with_options(chart, pdf, &options),
				 LR_STATUS_INVALID_ARGUMENT);
		ck_assert(!g_file_test(pdf, G_FILE_TEST_EXISTS));
		options.scale = 1;
		options.dpi = 150;
		options.format = LR_FORMAT_SVG;
		ck_assert_int_eq(lr_chart_write_to_stream(chart, append_to_sink, &sink, &options),
				 LR_STATUS_INVALID_ARGUMENT);
		ck_assert_int_eq(lr_chart_write_to_stream(chart, NULL, &sink, &options),
				 LR_STATUS_NULL_POINTER);
		ck_assert_int_eq(lr_chart_write_to_stream(chart, append_to_sink, &sink, NULL),
				 LR_STATUS_NULL_POINTER);
		ck_assert_int_eq(sink.calls, 0);
		g_free(pdf);
		g_byte_array_unref(sink.bytes);
	}

	lr_chart_destroy(chart);
	remove_folder(folder);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_chart_write_errors)
{
	lr_dataset_t *dataset = load_dataset();
	char *folder = make_folder();
	char *png = g_build_filename(folder, "chart.png", NULL);
	char *unknown = g_build_filename(folder, "chart.bmp", NULL);
	char *no_extension = g_build_filename(folder, "chart", NULL);
	char *missing_folder = g_build_filename(folder, "no-such-folder", "chart.png", NULL);
	static const struct {
		lr_file_format_t format;
		double width, height, scale;
	} bad[] = {
		{ BAD_ENUM(lr_file_format_t, 4), 200, 100, 1 },
		{ BAD_ENUM(lr_file_format_t, -1), 200, 100, 1 },
		{ LR_FORMAT_PNG, 0, 100, 1 },
		{ LR_FORMAT_PNG, 200, 0, 1 },
		{ LR_FORMAT_PNG, -200, 100, 1 },
		{ LR_FORMAT_PNG, NAN, 100, 1 },
		{ LR_FORMAT_PNG, 200, INFINITY, 1 },
		{ LR_FORMAT_PNG, 1e9, 100, 1 },
		{ LR_FORMAT_PNG, 200, 100, 0 },
		{ LR_FORMAT_PNG, 200, 100, -1 },
		{ LR_FORMAT_PNG, 200, 100, NAN },
		{ LR_FORMAT_PNG, 200, 100, INFINITY },
		{ LR_FORMAT_PDF, 0, 100, 1 },
		{ LR_FORMAT_SVG, 200, NAN, 1 },
	};
	lr_chart_t *chart;
	lr_status_t status;

	for (int i = 0; i < N_ELEMENTS(bad); i++) {
		chart = bar_chart(dataset);
		status = lr_chart_write(chart, png, bad[i].format, bad[i].width, bad[i].height, bad[i].scale);
		ck_assert_msg(status == LR_STATUS_INVALID_ARGUMENT,
			      "write %d (format %d, %g x %g at %g): %s", i, (int) bad[i].format,
			      bad[i].width, bad[i].height, bad[i].scale, lr_status_to_string(status));
		assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT);
		ck_assert_int_eq(folder_entry_count(folder), 0);
		lr_chart_destroy(chart);
	}
	/* Extensions that name no format, with LR_FORMAT_AUTO. */
	chart = bar_chart(dataset);
	ck_assert_int_eq(lr_chart_write(chart, unknown, LR_FORMAT_AUTO, 200, 100, 1),
			 LR_STATUS_INVALID_ARGUMENT);
	assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT);
	lr_chart_destroy(chart);
	chart = bar_chart(dataset);
	ck_assert_int_eq(lr_chart_write(chart, no_extension, LR_FORMAT_AUTO, 200, 100, 1),
			 LR_STATUS_INVALID_ARGUMENT);
	lr_chart_destroy(chart);
	ck_assert_int_eq(folder_entry_count(folder), 0);

	/* A folder that does not exist: WRITE_ERROR with the system's reason. */
	chart = bar_chart(dataset);
	ck_assert_int_eq(lr_chart_write(chart, missing_folder, LR_FORMAT_AUTO, CANVAS_WIDTH,
					CANVAS_HEIGHT, 1), LR_STATUS_WRITE_ERROR);
	assert_chart_error(chart, LR_STATUS_WRITE_ERROR);
	ck_assert_msg(strstr(lr_chart_get_error(chart)->message, g_strerror(ENOENT)) != NULL,
		      "the message gives no reason: %s", lr_chart_get_error(chart)->message);
	lr_chart_destroy(chart);
	ck_assert_int_eq(folder_entry_count(folder), 0);

	/* And the working case leaves exactly the file asked for. */
	chart = bar_chart(dataset);
	ck_assert_int_eq(lr_chart_write(chart, png, LR_FORMAT_AUTO, CANVAS_WIDTH, CANVAS_HEIGHT, 1),
			 LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	ck_assert_ptr_null(lr_chart_get_error(chart));
	ck_assert(g_file_test(png, G_FILE_TEST_IS_REGULAR));
	ck_assert_int_eq(folder_entry_count(folder), 1);
	lr_chart_destroy(chart);

	g_free(png);
	g_free(unknown);
	g_free(no_extension);
	g_free(missing_folder);
	remove_folder(folder);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_chart_describe_layout_errors)
{
	lr_dataset_t *dataset = load_dataset();
	static const double bad_sizes[][2] = {
		{ 0, 0 }, { 0, CANVAS_HEIGHT }, { -1, CANVAS_HEIGHT },
		{ CANVAS_WIDTH, -1 }, { NAN, CANVAS_HEIGHT }, { CANVAS_WIDTH, NAN },
		{ INFINITY, CANVAS_HEIGHT }, { CANVAS_WIDTH, -INFINITY },
	};
	lr_chart_t *chart;
	char *layout;

	for (int i = 0; i < N_ELEMENTS(bad_sizes); i++) {
		chart = bar_chart(dataset);
		layout = lr_chart_describe_layout(chart, bad_sizes[i][0], bad_sizes[i][1]);
		ck_assert_msg(layout == NULL, "%g x %g gave a layout", bad_sizes[i][0], bad_sizes[i][1]);
		assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT);
		lr_chart_destroy(chart);
	}
	/* A height of 0 is "as tall as the chart needs" (lr_write_options_t), not an error. */
	chart = bar_chart(dataset);
	layout = lr_chart_describe_layout(chart, CANVAS_WIDTH, 0);
	ck_assert_msg(layout != NULL, "%g x 0: %s", (double) CANVAS_WIDTH,
		      lr_chart_get_error(chart) ? lr_chart_get_error(chart)->message : "");
	lr_free(layout);
	lr_chart_destroy(chart);
	/* A canvas too small to hold a chart is an error too, not a crash. */
	chart = bar_chart(dataset);
	layout = lr_chart_describe_layout(chart, 1, 1);
	ck_assert_ptr_null(layout);
	ck_assert_int_ne(lr_chart_status(chart), LR_STATUS_SUCCESS);
	lr_chart_destroy(chart);

	/* A good chart describes itself, and the text is the caller's. */
	chart = bar_chart(dataset);
	layout = lr_chart_describe_layout(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	ck_assert_ptr_nonnull(layout);
	ck_assert(g_utf8_validate(layout, -1, NULL));
	ck_assert_msg(g_str_has_prefix(layout, "canvas "), "layout starts: %.40s", layout);
	lr_free(layout);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_chart_holds_dataset)
{
	lr_dataset_t *dataset = load_dataset();
	lr_chart_t *chart = bar_chart(dataset);
	cairo_surface_t *before, *after;

	before = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	/* The caller's reference goes; the chart's keeps the data alive (ASan: no use after free). */
	lr_dataset_destroy(dataset);
	after = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	ck_assert(surfaces_equal(before, after));
	cairo_surface_destroy(before);
	cairo_surface_destroy(after);
	lr_chart_destroy(chart);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* lr-chart.h: drawing */

typedef struct {
	cairo_matrix_t matrix, font_matrix;
	cairo_pattern_t *source;
	double red, green, blue, alpha;
	double line_width, tolerance, miter_limit;
	cairo_line_cap_t cap;
	cairo_line_join_t join;
	cairo_fill_rule_t fill_rule;
	cairo_operator_t operator_;
	cairo_antialias_t antialias;
	int dash_count;
	double dashes[4], dash_offset;
	double clip[4];
} cr_state_t;

static void
save_cr_state(cairo_t *cr, cr_state_t *state)
{
	memset(state, 0, sizeof *state);
	cairo_get_matrix(cr, &state->matrix);
	cairo_get_font_matrix(cr, &state->font_matrix);
	state->source = cairo_get_source(cr);
	ck_assert_int_eq(cairo_pattern_get_rgba(state->source, &state->red, &state->green, &state->blue,
						&state->alpha), CAIRO_STATUS_SUCCESS);
	state->line_width = cairo_get_line_width(cr);
	state->tolerance = cairo_get_tolerance(cr);
	state->miter_limit = cairo_get_miter_limit(cr);
	state->cap = cairo_get_line_cap(cr);
	state->join = cairo_get_line_join(cr);
	state->fill_rule = cairo_get_fill_rule(cr);
	state->operator_ = cairo_get_operator(cr);
	state->antialias = cairo_get_antialias(cr);
	state->dash_count = cairo_get_dash_count(cr);
	ck_assert_int_le(state->dash_count, 4);
	cairo_get_dash(cr, state->dashes, &state->dash_offset);
	cairo_clip_extents(cr, &state->clip[0], &state->clip[1], &state->clip[2], &state->clip[3]);
}

static void
assert_cr_state_equal(const cr_state_t *a, const cr_state_t *b)
{
	ck_assert_msg(memcmp(&a->matrix, &b->matrix, sizeof a->matrix) == 0, "matrix changed");
	ck_assert_msg(memcmp(&a->font_matrix, &b->font_matrix, sizeof a->font_matrix) == 0,
		      "font matrix changed");
	ck_assert_msg(a->source == b->source, "source pattern replaced");
	ck_assert_msg(a->red == b->red && a->green == b->green && a->blue == b->blue &&
		      a->alpha == b->alpha, "source colour changed");
	ck_assert_msg(a->line_width == b->line_width, "line width %g became %g", a->line_width,
		      b->line_width);
	ck_assert_msg(a->tolerance == b->tolerance, "tolerance changed");
	ck_assert_msg(a->miter_limit == b->miter_limit, "miter limit changed");
	ck_assert_msg(a->cap == b->cap, "line cap changed");
	ck_assert_msg(a->join == b->join, "line join changed");
	ck_assert_msg(a->fill_rule == b->fill_rule, "fill rule changed");
	ck_assert_msg(a->operator_ == b->operator_, "operator changed");
	ck_assert_msg(a->antialias == b->antialias, "antialias changed");
	ck_assert_msg(a->dash_count == b->dash_count, "dash count changed");
	ck_assert_msg(memcmp(a->dashes, b->dashes, sizeof a->dashes) == 0 &&
		      a->dash_offset == b->dash_offset, "dashes changed");
	ck_assert_msg(memcmp(a->clip, b->clip, sizeof a->clip) == 0,
		      "clip changed: (%g, %g, %g, %g) became (%g, %g, %g, %g)", a->clip[0], a->clip[1],
		      a->clip[2], a->clip[3], b->clip[0], b->clip[1], b->clip[2], b->clip[3]);
}

START_TEST(test_draw_clipped_and_state_restored)
{
	/* A chart drawn into part of a bigger surface, under a translation: pixels outside the
	 * rectangle keep the surface's colour, and the context comes back as it was given. The
	 * second rectangle has fractional edges: the pixels it partly covers may change, none
	 * beyond them. */
	static const lr_rect_t rects[] = { { 50, 40, 520, 380 }, { 50.5, 40.25, 519.25, 379.5 } };
	const double tx = 30, ty = 20;
	const int width = 640, height = 480;
	lr_dataset_t *dataset = load_dataset();
	const double dashes[] = { 3, 2 };

	for (int r = 0; r < N_ELEMENTS(rects); r++) {
		for (int kind = 0; kind < 2; kind++) {
			lr_chart_t *chart = kind == 0 ? bar_chart(dataset) : rank_chart(dataset);
			cairo_surface_t *surface = filled_surface(width, height, PIXEL_GREEN);
			cairo_t *cr = cairo_create(surface);
			const lr_rect_t *rect = &rects[r];
			int x0 = (int) floor(rect->x + tx), y0 = (int) floor(rect->y + ty);
			int x1 = (int) ceil(rect->x + tx + rect->width);
			int y1 = (int) ceil(rect->y + ty + rect->height);
			cr_state_t before, after;
			lr_status_t status;
			int changed_inside = 0;

			/* A caller's state worth keeping. */
			cairo_translate(cr, tx, ty);
			cairo_set_source_rgba(cr, 0.2, 0.4, 0.6, 0.8);
			cairo_set_line_width(cr, 7);
			cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
			cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL);
			cairo_set_dash(cr, dashes, 2, 1);
			cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
			cairo_set_tolerance(cr, 0.25);
			cairo_set_miter_limit(cr, 4);
			cairo_set_antialias(cr, CAIRO_ANTIALIAS_BEST);
			cairo_set_font_size(cr, 13);
			save_cr_state(cr, &before);

			status = lr_chart_draw(chart, cr, rect);
			ck_assert_msg(status == LR_STATUS_SUCCESS, "rect %d, chart %d: %s", r, kind,
				      lr_status_to_string(status));
			ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
			save_cr_state(cr, &after);
			assert_cr_state_equal(&before, &after);

			cairo_destroy(cr);
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++) {
					uint32_t pixel = pixel_at(surface, x, y);
					bool outside = x < x0 || x >= x1 || y < y0 || y >= y1;
					if (outside)
						ck_assert_msg(pixel == PIXEL_GREEN,
							      "rect %d, chart %d: pixel (%d, %d) outside "
							      "[%d, %d) x [%d, %d) changed to %08x", r, kind,
							      x, y, x0, x1, y0, y1, pixel);
					else
						changed_inside += pixel != PIXEL_GREEN;
				}
			/* The background covers the rectangle: its inner corners are the theme's
			 * white. */
			ck_assert_uint_eq(pixel_at(surface, x0 + 1, y0 + 1), PIXEL_WHITE);
			ck_assert_uint_eq(pixel_at(surface, x1 - 2, y1 - 2), PIXEL_WHITE);
			ck_assert_int_gt(changed_inside, (x1 - x0 - 2) * (y1 - y0 - 2));
			cairo_surface_destroy(surface);
			lr_chart_destroy(chart);
		}
	}
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_draw_twice_identical)
{
	lr_dataset_t *dataset = load_dataset();

	for (int kind = 0; kind < 2; kind++) {
		lr_chart_t *chart = kind == 0 ? bar_chart(dataset) : rank_chart(dataset);
		cairo_surface_t *first = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
		cairo_surface_t *second = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
		cairo_surface_t *twice = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, CANVAS_WIDTH,
								    CANVAS_HEIGHT);
		cairo_t *cr = cairo_create(twice);
		lr_rect_t rect = { 0, 0, CANVAS_WIDTH, CANVAS_HEIGHT };
		char *layout_a, *layout_b;

		ck_assert_msg(surfaces_equal(first, second), "chart %d: two draws differ", kind);
		/* Drawn twice onto one context: the opaque background hides the first drawing. */
		ck_assert_int_eq(lr_chart_draw(chart, cr, &rect), LR_STATUS_SUCCESS);
		ck_assert_int_eq(lr_chart_draw(chart, cr, &rect), LR_STATUS_SUCCESS);
		cairo_destroy(cr);
		ck_assert_msg(surfaces_equal(first, twice), "chart %d: drawing over a drawing differs", kind);
		/* Measuring between draws changes nothing either. */
		layout_a = lr_chart_describe_layout(chart, 1600, 900);
		layout_b = lr_chart_describe_layout(chart, 1600, 900);
		ck_assert_ptr_nonnull(layout_a);
		ck_assert_str_eq(layout_a, layout_b);
		lr_free(layout_a);
		lr_free(layout_b);
		cairo_surface_destroy(second);
		second = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
		ck_assert(surfaces_equal(first, second));

		cairo_surface_destroy(first);
		cairo_surface_destroy(second);
		cairo_surface_destroy(twice);
		lr_chart_destroy(chart);
	}
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_theme_changes_drawing)
{
	lr_dataset_t *dataset = load_dataset();
	lr_chart_t *chart = bar_chart(dataset);
	lr_theme_t *theme;
	cairo_surface_t *surface;

	/* Default theme: a white canvas. */
	surface = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	ck_assert_uint_eq(pixel_at(surface, 1, 1), PIXEL_WHITE);
	cairo_surface_destroy(surface);

	/* A red canvas; the caller drops its reference right away. */
	theme = lr_theme_create();
	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_BACKGROUND, 1, 0, 0), LR_STATUS_SUCCESS);
	lr_chart_set_theme(chart, theme);
	lr_theme_destroy(theme);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	surface = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	ck_assert_uint_eq(pixel_at(surface, 1, 1), PIXEL_RED);
	ck_assert_uint_eq(pixel_at(surface, CANVAS_WIDTH - 2, CANVAS_HEIGHT - 2), PIXEL_RED);
	cairo_surface_destroy(surface);

	/* A theme a chart uses is immutable: changing it fails and changes nothing. */
	theme = lr_theme_create();
	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_BACKGROUND, 0, 1, 0), LR_STATUS_SUCCESS);
	ck_assert(!lr_theme_is_immutable(theme));
	lr_chart_set_theme(chart, theme);
	ck_assert(lr_theme_is_immutable(theme));
	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_BACKGROUND, 0, 0, 1), LR_STATUS_IMMUTABLE);
	ck_assert_int_eq(lr_theme_set_series_color(theme, 0, 0, 0, 1), LR_STATUS_IMMUTABLE);
	ck_assert_int_eq(lr_theme_set_size(theme, LR_THEME_SIZE_FONT, 30), LR_STATUS_IMMUTABLE);
	ck_assert_int_eq(lr_theme_set_font_family(theme, "DejaVu Sans"), LR_STATUS_IMMUTABLE);
	ck_assert_double_eq(lr_theme_get_size(theme, LR_THEME_SIZE_FONT), 0);
	ck_assert_str_eq(lr_theme_get_font_family(theme), "Noto Sans");
	ck_assert_int_eq(lr_theme_status(theme), LR_STATUS_SUCCESS);
	surface = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	ck_assert_uint_eq(pixel_at(surface, 1, 1), PIXEL_GREEN);
	cairo_surface_destroy(surface);

	/* Made immutable explicitly, before any chart has it. */
	{
		lr_theme_t *frozen = lr_theme_create_print();
		lr_theme_make_immutable(frozen);
		ck_assert(lr_theme_is_immutable(frozen));
		ck_assert_int_eq(lr_theme_set_size(frozen, LR_THEME_SIZE_MARGIN, 2), LR_STATUS_IMMUTABLE);
		lr_theme_destroy(frozen);
	}

	/* Setting the same theme again is harmless; after the caller's reference goes, the
	 * chart's keeps the theme (ASan: no premature free). */
	lr_chart_set_theme(chart, theme);
	lr_chart_set_theme(chart, theme);
	lr_theme_destroy(theme);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	surface = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	ck_assert_uint_eq(pixel_at(surface, 1, 1), PIXEL_GREEN);
	cairo_surface_destroy(surface);
	lr_chart_set_theme(chart, NULL); /* back to the default */
	surface = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	ck_assert_uint_eq(pixel_at(surface, 1, 1), PIXEL_WHITE);
	cairo_surface_destroy(surface);

	/* The print theme draws too. */
	theme = lr_theme_create_print();
	lr_chart_set_theme(chart, theme);
	lr_theme_destroy(theme);
	surface = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	cairo_surface_destroy(surface);

	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_theme_rejected_settings_change_nothing)
{
	lr_dataset_t *dataset = load_dataset();
	lr_chart_t *chart = bar_chart(dataset);
	lr_theme_t *theme = lr_theme_create();
	cairo_surface_t *before, *after;

	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_BACKGROUND, 1, 0, 0), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_theme_set_series_color(theme, 0, 0, 0, 1), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_theme_set_size(theme, LR_THEME_SIZE_FONT, 12), LR_STATUS_SUCCESS);
	/* The same settings on a theme no chart holds yet, drawn as the reference. */
	{
		lr_theme_t *reference = lr_theme_create();
		lr_chart_t *reference_chart = bar_chart(dataset);
		ck_assert_int_eq(lr_theme_set_color(reference, LR_THEME_COLOR_BACKGROUND, 1, 0, 0),
				 LR_STATUS_SUCCESS);
		ck_assert_int_eq(lr_theme_set_series_color(reference, 0, 0, 0, 1), LR_STATUS_SUCCESS);
		ck_assert_int_eq(lr_theme_set_size(reference, LR_THEME_SIZE_FONT, 12), LR_STATUS_SUCCESS);
		lr_chart_set_theme(reference_chart, reference);
		before = render_ok(reference_chart, CANVAS_WIDTH, CANVAS_HEIGHT);
		lr_chart_destroy(reference_chart);
		lr_theme_destroy(reference);
	}
	ck_assert_uint_eq(pixel_at(before, 1, 1), PIXEL_RED);

	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_LAST, 0, 1, 0), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_color(theme, BAD_ENUM(lr_theme_color_t, -1), 0, 1, 0),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_BACKGROUND, 0, 1, 2), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_BACKGROUND, 0, NAN, 0),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_BACKGROUND, -0.5, 1, 0),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_series_color(theme, 0, 1, 1, 1.5), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_series_color(theme, 0, INFINITY, 0, 0), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_series_color(theme, LR_THEME_SERIES_COLORS, 0, 1, 0),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_size(theme, LR_THEME_SIZE_FONT, -12), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_size(theme, LR_THEME_SIZE_FONT, NAN), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_size(theme, LR_THEME_SIZE_MARGIN, INFINITY), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_size(theme, LR_THEME_SIZE_LAST, 1), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_set_font_family(theme, NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_theme_set_font_family(theme, INVALID_UTF8), LR_STATUS_INVALID_UTF8);
	ck_assert_int_eq(lr_theme_status(theme), LR_STATUS_SUCCESS);

	lr_chart_set_theme(chart, theme);
	after = render_ok(chart, CANVAS_WIDTH, CANVAS_HEIGHT);
	ck_assert_msg(surfaces_equal(before, after), "rejected theme settings changed the drawing");
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);

	cairo_surface_destroy(before);
	cairo_surface_destroy(after);
	lr_theme_destroy(theme);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Two threads, two charts of one dataset, drawn at once. */

#define THREAD_ROUNDS 4

typedef struct {
	lr_chart_t *chart;
	cairo_surface_t *expected;
	gint *waiting;         /* threads not yet at the start line */
	int failures;          /* rounds whose pixels differ from the expected ones */
	lr_status_t status;    /* first status other than SUCCESS */
} draw_job_t;

static gpointer
draw_job(gpointer data)
{
	draw_job_t *job = data;

	/* Start together (atomics rather than GMutex, so that ThreadSanitizer sees the order). */
	g_atomic_int_add(job->waiting, -1);
	while (g_atomic_int_get(job->waiting) > 0)
		g_thread_yield();

	for (int round = 0; round < THREAD_ROUNDS; round++) {
		lr_status_t status;
		cairo_surface_t *surface = render(job->chart, CANVAS_WIDTH, CANVAS_HEIGHT, &status);
		if (status != LR_STATUS_SUCCESS && job->status == LR_STATUS_SUCCESS)
			job->status = status;
		if (status != LR_STATUS_SUCCESS || !surfaces_equal(surface, job->expected))
			job->failures++;
		cairo_surface_destroy(surface);
	}
	return NULL;
}

START_TEST(test_draw_threads)
{
	lr_dataset_t *dataset = load_dataset();
	lr_chart_t *charts[2];
	draw_job_t jobs[2];
	GThread *threads[2];
	gint waiting = 2;

	charts[0] = bar_chart(dataset);
	charts[1] = rank_chart(dataset);
	for (int i = 0; i < 2; i++) {
		jobs[i] = (draw_job_t) { .chart = charts[i], .waiting = &waiting, .failures = 0,
					 .status = LR_STATUS_SUCCESS };
		jobs[i].expected = render_ok(charts[i], CANVAS_WIDTH, CANVAS_HEIGHT);
	}
	ck_assert(!surfaces_equal(jobs[0].expected, jobs[1].expected));
	for (int i = 0; i < 2; i++)
		threads[i] = g_thread_new(i == 0 ? "lr-bar" : "lr-rank", draw_job, &jobs[i]);
	for (int i = 0; i < 2; i++)
		g_thread_join(threads[i]);
	for (int i = 0; i < 2; i++) {
		ck_assert_msg(jobs[i].status == LR_STATUS_SUCCESS, "thread %d: %s", i,
			      lr_status_to_string(jobs[i].status));
		ck_assert_msg(jobs[i].failures == 0, "thread %d: %d of %d drawings differ from the "
			      "drawing made alone", i, jobs[i].failures, THREAD_ROUNDS);
		ck_assert_int_eq(lr_chart_status(charts[i]), LR_STATUS_SUCCESS);
		cairo_surface_destroy(jobs[i].expected);
		lr_chart_destroy(charts[i]);
	}
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */

static Suite *
api_suite(void)
{
	Suite *suite = suite_create("api");
	TCase *tc;

	tc = tcase_create("common");
	tcase_add_test(tc, test_status_to_string);
	tcase_add_test(tc, test_language_from_string);
	tcase_add_test(tc, test_free_and_version);
	suite_add_tcase(suite, tc);

	tc = tcase_create("number");
	tcase_add_test(tc, test_number_null_and_defaults);
	tcase_add_test(tc, test_number_bad_formats);
	tcase_add_test(tc, test_number_rank);
	suite_add_tcase(suite, tc);

	tc = tcase_create("theme");
	tcase_add_test(tc, test_theme_create_and_references);
	tcase_add_test(tc, test_theme_null);
	tcase_add_test(tc, test_theme_validation);
	suite_add_tcase(suite, tc);

	tc = tcase_create("dataset");
	tcase_add_test(tc, test_dataset_null);
	tcase_add_test(tc, test_dataset_add_null_members);
	tcase_add_test(tc, test_dataset_add_null_struct_recorded);
	tcase_add_test(tc, test_dataset_lookups);
	tcase_add_test(tc, test_dataset_enum_names);
	tcase_add_test(tc, test_dataset_references);
	suite_add_tcase(suite, tc);

	tc = tcase_create("chart-errors");
	tcase_add_test(tc, test_chart_null);
	tcase_add_test(tc, test_chart_create_errors);
	tcase_add_test(tc, test_chart_sticky_unknown_indicator);
	tcase_add_test(tc, test_chart_invalid_arguments);
	tcase_add_test(tc, test_label_limit_setters);
	tcase_add_test(tc, test_chart_draw_errors);
	tcase_add_test(tc, test_chart_draw_null_kept);
	tcase_add_test(tc, test_chart_write_null_kept);
	tcase_add_test(tc, test_chart_write_errors);
	tcase_add_test(tc, test_chart_write_to_stream);
	tcase_add_test(tc, test_error_messages_utf8);
	tcase_add_test(tc, test_error_messages_utf8_path);
	tcase_add_test(tc, test_chart_describe_layout_errors);
	tcase_add_test(tc, test_chart_holds_dataset);
	suite_add_tcase(suite, tc);

	tc = tcase_create("chart-drawing");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_draw_clipped_and_state_restored);
	tcase_add_test(tc, test_draw_twice_identical);
	tcase_add_test(tc, test_theme_changes_drawing);
	tcase_add_test(tc, test_theme_rejected_settings_change_nothing);
	tcase_add_test(tc, test_draw_threads);
	suite_add_tcase(suite, tc);

	return suite;
}

const lr_test_program_t lr_test_program = { api_suite, NULL, NULL };
