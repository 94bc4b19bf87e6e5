/* libreport tests: bar charts (LR_CHART_BAR), through the public API only.
 *
 * What is checked, and how:
 * - layout goldens: lr_chart_describe_layout() at 800 × 450 of six representative charts,
 *   compared line by line with tests/golden/bar-NAME.txt (LR_UPDATE_GOLDENS=1 rewrites them;
 *   look at the PNGs the run leaves in TMP/lr-golden-preview before committing);
 * - pixel goldens: two charts rendered to PNG, compared with tests/golden/bar-NAME.png
 *   within the tolerance explained in chart-test-util.c, and a check that the tolerance
 *   still catches a bar that changes;
 * - every bar chart of data/charts.ini, in Vietnamese and English, at 1600 × 900 and
 *   720 × 405: each text box inside the canvas, no two text boxes overlapping, every value
 *   label inside its bar or beyond its end; and the text of the PDF (pdftotext) holds every
 *   word of the layout;
 * - decomposed (NFD) data and arguments draw exactly the pixels of composed (NFC) ones;
 * - the same chart gives the same bytes;
 * - bad requests fail with the documented status, a useful message, and stay failed;
 * - geometry: negative bars below / left of the baseline with their labels beyond their end;
 *   labels inside bars when they fit; forecasts and ranges set apart and explained.
 * The goldens, chart-set, NFD and same-bytes tests are those of every chart kind
 * (ct_add_kind_tests in chart-test-util.c), run on what bar_tests below describes.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <lreport/lreport.h>

#include <cairo.h>
#include <check.h>
#include <glib.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-main.h"
#include "chart-test-util.h"

#define N_ELEMENTS(array) ((int) (sizeof(array) / sizeof((array)[0])))

/* Vietnamese is written as UTF-8 text (NFC); decomposed text and invisible or look-alike
 * characters are spelled as bytes. */
#define VIET_NAM CT_VIET_NAM
#define MINUS "\xe2\x88\x92"                 /* U+2212 MINUS SIGN */
#define NOTE_UNCERTAIN_VI "Cột nhạt, viền đứt"
#define NOTE_UNCERTAIN_EN "Pale bars with dashed outlines"
/* Tiến độ 62 mục tiêu chuyển đổi số quốc gia năm 2023 */
#define DX_TITLE_VI "Tiến độ 62 mục tiêu chuyển " \
	"đổi số quốc gia năm 2023"

/* ---------------------------------------------------------------------------------------- */
/* Charts used by several tests */

static lr_chart_t *
ecommerce_chart(lr_dataset_t *dataset, lr_language_t language)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);

	lr_chart_add_indicator(chart, "ecommerce_revenue");
	lr_chart_set_language(chart, language);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

static lr_chart_t *
ftth_chart(lr_dataset_t *dataset, lr_language_t language, const char *highlight)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);

	lr_chart_add_indicator(chart, "ftth_coverage");
	lr_chart_set_orientation(chart, LR_ORIENTATION_HORIZONTAL);
	lr_chart_set_sort(chart, LR_SORT_DESCENDING);
	lr_chart_set_highlight(chart, highlight);
	lr_chart_set_language(chart, language);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

static lr_chart_t *
dx_targets_chart(lr_dataset_t *dataset, lr_language_t language, lr_bar_layout_t layout,
		 lr_orientation_t orientation)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);

	lr_chart_add_indicator(chart, "dx_targets_done");
	lr_chart_add_indicator(chart, "dx_targets_likely");
	lr_chart_add_indicator(chart, "dx_targets_effort");
	lr_chart_set_bar_layout(chart, layout);
	lr_chart_set_orientation(chart, orientation);
	lr_chart_set_language(chart, language);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

/* Made-up figures (the source line says so): two indicators over three years, one figure
 * too small for its label to fit inside its bar. */
static lr_dataset_t *
grouped_dataset(void)
{
	lr_dataset_t *dataset = lr_dataset_create();
	static const double hardware[] = { 34.6, 38.2, 41.9 };
	static const double software[] = { 1.3, 3.6, 5.6 };

	ct_add_indicator(dataset, "hardware_revenue", "Doanh thu phần cứng",
			 "Hardware revenue", "tỷ USD", "billion USD", LR_INDICATOR_VALUE,
			 LR_DIRECTION_HIGHER);
	ct_add_indicator(dataset, "software_revenue", "Doanh thu phần mềm",
			 "Software revenue", "tỷ USD", "billion USD", LR_INDICATOR_VALUE,
			 LR_DIRECTION_HIGHER);
	for (int i = 0; i < 3; i++) {
		ct_add_observation(dataset, "hardware_revenue", VIET_NAM, 2021 + i, hardware[i], 0,
				   LR_OBSERVATION_ACTUAL);
		ct_add_observation(dataset, "software_revenue", VIET_NAM, 2021 + i, software[i], 0,
				   LR_OBSERVATION_ACTUAL);
	}
	ct_label_test_source(dataset, false);
	return dataset;
}

static lr_chart_t *
grouped_chart(lr_dataset_t *dataset, lr_language_t language)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);

	lr_chart_add_indicator(chart, "hardware_revenue");
	lr_chart_add_indicator(chart, "software_revenue");
	lr_chart_set_language(chart, language);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

/* Made-up growth rates with two negative years: one small (its label cannot fit inside
 * the bar) and one large (it can). */
static const double growth[] = { 9.5, -1.2, -14.3, 6.8, 12.1 };
#define GROWTH_FIRST_YEAR 2019

static lr_dataset_t *
negative_dataset(void)
{
	lr_dataset_t *dataset = lr_dataset_create();

	ct_add_indicator(dataset, "export_growth",
			 "Tăng trưởng xuất khẩu sản phẩm số",
			 "Growth of digital product exports", "%", "%", LR_INDICATOR_GROWTH,
			 LR_DIRECTION_HIGHER);
	for (int i = 0; i < N_ELEMENTS(growth); i++)
		ct_add_observation(dataset, "export_growth", VIET_NAM, GROWTH_FIRST_YEAR + i, growth[i],
				   0, LR_OBSERVATION_ACTUAL);
	ct_label_test_source(dataset, false);
	return dataset;
}

static lr_chart_t *
negative_chart(lr_dataset_t *dataset, lr_orientation_t orientation)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);

	lr_chart_add_indicator(chart, "export_growth");
	lr_chart_set_orientation(chart, orientation);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

/* A copy of @source's observations of @indicator (with its citations and entity names),
 * where the @year figure is replaced by @value when @value is not NaN. */
static lr_dataset_t *
copy_indicator(lr_dataset_t *source, const char *indicator_id, int year, double value)
{
	lr_dataset_t *copy = lr_dataset_create();
	const lr_indicator_t *indicator = lr_dataset_find_indicator(source, indicator_id);
	size_t count = lr_dataset_get_observation_count(source);

	ck_assert_ptr_nonnull(indicator);
	ck_assert_int_eq(lr_dataset_add_indicator(copy, indicator), LR_STATUS_SUCCESS);
	for (size_t i = 0; i < count; i++) {
		lr_observation_t observation = *lr_dataset_get_observation(source, i);
		if (strcmp(observation.indicator, indicator_id) != 0)
			continue;
		if (observation.year == year && !isnan(value))
			observation.value = value;
		ck_assert_int_eq(lr_dataset_add_observation(copy, &observation), LR_STATUS_SUCCESS);
		ck_assert_int_eq(lr_dataset_set_entity_name(copy, observation.entity,
							    lr_dataset_get_entity_name(source, observation.entity,
										       LR_LANGUAGE_EN)),
				 LR_STATUS_SUCCESS);
		ck_assert_int_eq(lr_dataset_set_source_label(copy, observation.source,
							     lr_dataset_get_source_label(source, observation.source,
											 LR_LANGUAGE_VI),
							     lr_dataset_get_source_label(source, observation.source,
											 LR_LANGUAGE_EN)),
				 LR_STATUS_SUCCESS);
	}
	ck_assert_int_eq(lr_dataset_status(copy), LR_STATUS_SUCCESS);
	return copy;
}

/* ---------------------------------------------------------------------------------------- */
/* Geometry helpers */

static double
centre_x(const ct_item_t *item)
{
	return item->x + item->width / 2;
}

static double
centre_y(const ct_item_t *item)
{
	return item->y + item->height / 2;
}

static bool
is_value_label(const ct_item_t *item)
{
	return strcmp(item->role, "value-label") == 0 || strcmp(item->role, "value-label-outside") == 0;
}

/* The value label whose centre lies within @bar's band (x-range for vertical bars, y-range
 * for horizontal ones); asserts there is exactly one. */
static const ct_item_t *
label_of_bar(const ct_layout_t *layout, const ct_item_t *bar, bool horizontal)
{
	const ct_item_t *found = NULL;

	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(layout->items, i);
		double c = horizontal ? centre_y(item) : centre_x(item);
		double start = horizontal ? bar->y : bar->x;
		double end = start + (horizontal ? bar->height : bar->width);
		if (!is_value_label(item) || c < start || c > end)
			continue;
		ck_assert_msg(found == NULL, "two value labels for the bar on line %d: lines %d and %d",
			      bar->line, found ? found->line : 0, item->line);
		found = item;
	}
	ck_assert_msg(found != NULL, "no value label for the bar on line %d", bar->line);
	return found;
}

/* The plot's extent along the value axis: from the grid lines and bars. */
static void
value_extent(const ct_layout_t *layout, bool horizontal, double *low, double *high)
{
	*low = INFINITY;
	*high = -INFINITY;
	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(layout->items, i);
		if (strcmp(item->role, "gridline") != 0 && strcmp(item->role, "bar") != 0)
			continue;
		*low = MIN(*low, horizontal ? item->x : item->y);
		*high = MAX(*high, horizontal ? item->x + item->width : item->y + item->height);
	}
}

/* Every value label lies inside a bar (value-label) or beyond a bar's end without touching
 * any bar (value-label-outside). Appends what is wrong to @problems. */
static void
check_value_labels(const ct_layout_t *layout, const char *what, GString *problems)
{
	GPtrArray *bars = ct_layout_find_all(layout, "bar", NULL);
	GPtrArray *ranges = ct_layout_find_all(layout, "range", NULL);

	g_ptr_array_extend(bars, ranges, NULL, NULL);
	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *label = g_ptr_array_index(layout->items, i);
		bool ok = false;
		if (strcmp(label->role, "value-label") == 0) {
			for (guint b = 0; b < bars->len && !ok; b++)
				ok = ct_box_inside(label, g_ptr_array_index(bars, b));
			if (!ok)
				g_string_append_printf(problems, "  %s at %g x %g: value-label \"%s\" "
						       "(line %d) is not inside any bar\n", what,
						       layout->width, layout->height, label->text,
						       label->line);
		} else if (strcmp(label->role, "value-label-outside") == 0) {
			ok = true;
			for (guint b = 0; b < bars->len; b++) {
				const ct_item_t *bar = g_ptr_array_index(bars, b);
				if (ct_boxes_overlap(label, bar, CT_SLACK + CT_ROUNDING)) {
					g_string_append_printf(problems, "  %s at %g x %g: value-label-outside "
							       "\"%s\" (line %d) overlaps the %s on line %d\n",
							       what, layout->width, layout->height,
							       label->text, label->line, bar->role, bar->line);
					ok = false;
				}
			}
		}
	}
	g_ptr_array_unref(bars);
	g_ptr_array_unref(ranges);
}

/* ---------------------------------------------------------------------------------------- */
/* Layout and pixel goldens */

/* The charts with goldens, as the table below makes them. */

static lr_chart_t *
ftth_viet_nam_chart(lr_dataset_t *dataset, lr_language_t language)
{
	return ftth_chart(dataset, language, VIET_NAM);
}

/* As charts.ini titles it: the default (three indicator names) takes three lines. */
static lr_chart_t *
dx_stacked_chart(lr_dataset_t *dataset, lr_language_t language)
{
	lr_chart_t *chart = dx_targets_chart(dataset, language, LR_BAR_STACKED,
					     LR_ORIENTATION_VERTICAL);

	lr_chart_set_title(chart, DX_TITLE_VI);
	lr_chart_set_subtitle(chart, "Số mục tiêu");
	return chart;
}

static lr_chart_t *
dx_percent_chart(lr_dataset_t *dataset, lr_language_t language)
{
	lr_chart_t *chart = dx_targets_chart(dataset, language, LR_BAR_PERCENT,
					     LR_ORIENTATION_HORIZONTAL);

	lr_chart_set_title(chart, "Progress on the 62 national digital-transformation targets, 2023");
	return chart;
}

static lr_chart_t *
negative_vertical_chart(lr_dataset_t *dataset, lr_language_t language)
{
	lr_chart_t *chart = negative_chart(dataset, LR_ORIENTATION_VERTICAL);

	lr_chart_set_language(chart, language);
	return chart;
}

static const ct_golden_t goldens[] = {
	{ "bar-ecommerce-vi", LR_LANGUAGE_VI, ct_load_data, ecommerce_chart },
	{ "bar-ftth-en", LR_LANGUAGE_EN, ct_load_data, ftth_viet_nam_chart },
	{ "bar-dx-stacked-vi", LR_LANGUAGE_VI, ct_load_data, dx_stacked_chart },
	{ "bar-dx-percent-en", LR_LANGUAGE_EN, ct_load_data, dx_percent_chart },
	{ "bar-grouped-vi", LR_LANGUAGE_VI, grouped_dataset, grouped_chart },
	{ "bar-negative-vi", LR_LANGUAGE_VI, negative_dataset, negative_vertical_chart },
};

/* Those of them with a pixel golden too. */
static const ct_golden_t *const pixel_goldens[] = { &goldens[0], &goldens[1] };

/* The tolerance is not so loose that a bar may change: the 2023 e-commerce bar shortened
 * from 20,5 to 18,5 (about 20 pixels at 800 × 450) must fail the pixel golden, while an
 * unchanged copy of the data matches the golden exactly. */
START_TEST(test_pixel_golden_catches_a_moved_bar)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_dataset_t *same = copy_indicator(dataset, "ecommerce_revenue", 0, NAN);
	lr_dataset_t *changed = copy_indicator(dataset, "ecommerce_revenue", 2023, 18.5);
	lr_chart_t *chart_same = ecommerce_chart(same, LR_LANGUAGE_VI);
	lr_chart_t *chart_changed = ecommerce_chart(changed, LR_LANGUAGE_VI);
	char *golden_path = g_build_filename(LR_GOLDEN_DIR, "bar-ecommerce-vi.png", NULL);
	char *dir = ct_make_temp_dir();
	cairo_surface_t *golden, *a, *b;
	long differing;

	ck_assert_msg(g_file_test(golden_path, G_FILE_TEST_IS_REGULAR), "golden %s is missing",
		      golden_path);
	golden = ct_read_png(golden_path);
	a = ct_render(chart_same, dir, "same.png", 800, 450);
	b = ct_render(chart_changed, dir, "changed.png", 800, 450);
	ck_assert_msg(ct_pixels_match(golden, a, &differing),
		      "a copy of the data should draw the golden (%ld pixels differ)", differing);
	ck_assert_msg(!ct_pixels_match(golden, b, &differing),
		      "a bar 2 units (about 20 px) shorter still matches the golden: only %ld "
		      "pixels differ; the tolerance is too loose", differing);
	fprintf(stderr, "pixel golden: a bar 2 units shorter changes %ld pixels (%ld allowed)\n",
		differing, (long) (CT_PIXEL_FRACTION * 800 * 450));
	cairo_surface_destroy(golden);
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	ct_remove_tree(dir);
	g_free(dir);
	g_free(golden_path);
	lr_chart_destroy(chart_same);
	lr_chart_destroy(chart_changed);
	lr_dataset_destroy(same);
	lr_dataset_destroy(changed);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* The chart set of charts.ini */

/* Beyond the checks of every kind: every value label inside its bar or beyond its end, and
 * each chart has bars, a title and a source. */
static void
check_bar_layout(const ct_layout_t *layout, const char *label, GString *problems)
{
	check_value_labels(layout, label, problems);
	ck_assert_uint_gt(ct_layout_count(layout, "bar"), 0);
	ck_assert_ptr_nonnull(ct_layout_find(layout, "title", NULL));
	ck_assert_ptr_nonnull(ct_layout_find(layout, "source", NULL));
}

/* A title with diacritics of every kind comes back from the PDF as written. */
START_TEST(test_pdf_title_diacritics)
{
	/* "Việt Nam vượt xa thế giới về tỷ lệ hộ gia đình có cáp quang" */
	static const char title[] = "Việt Nam vượt xa thế giới "
		"về tỷ lệ hộ gia đình có cáp quang";
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ftth_chart(dataset, LR_LANGUAGE_VI, VIET_NAM);
	char *dir = ct_make_temp_dir();
	char *path, *text;

	lr_chart_set_title(chart, title);
	path = ct_write_chart(chart, dir, "title.pdf", 1600, 900);
	text = ct_pdftotext(path);
	if (text) {
		ck_assert_msg(strstr(text, title) != NULL, "the title does not come back from the PDF:\n%s",
			      text);
		g_free(text);
	} else {
		fprintf(stderr, "SKIP: pdftotext is not installed; title round-trip not checked\n");
	}
	g_free(path);
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* NFD and NFC */

/* --entity "Việt Nam" and --highlight "Việt Nam" given in NFD (on NFD and on NFC data). */
START_TEST(test_nfd_entity_and_highlight)
{
	ct_nfd_data_t data;

	ct_nfd_data_init(&data);
	for (int d = 0; d < 2; d++) {
		lr_dataset_t *dataset = d ? data.nfd : data.nfc;
		lr_chart_t *a = ecommerce_chart(data.nfc, LR_LANGUAGE_VI);
		lr_chart_t *b = ecommerce_chart(dataset, LR_LANGUAGE_VI);
		lr_chart_t *c = ftth_chart(data.nfc, LR_LANGUAGE_VI, VIET_NAM);
		lr_chart_t *e = ftth_chart(dataset, LR_LANGUAGE_VI, CT_VIET_NAM_NFD);
		lr_chart_t *no_highlight = ftth_chart(data.nfc, LR_LANGUAGE_VI, NULL);

		lr_chart_add_entity(a, VIET_NAM);
		lr_chart_add_entity(b, CT_VIET_NAM_NFD);
		ct_assert_same_render(a, b, data.out, d ? "--entity in NFD, NFD data" : "--entity in NFD");
		ct_assert_same_render(c, e, data.out,
				      d ? "--highlight in NFD, NFD data" : "--highlight in NFD");
		/* The highlight took effect, so the comparison means something. */
		ct_assert_renders_differ(e, no_highlight, data.out, 100,
					 "--highlight in NFD against no highlight");
		lr_chart_destroy(a);
		lr_chart_destroy(b);
		lr_chart_destroy(c);
		lr_chart_destroy(e);
		lr_chart_destroy(no_highlight);
	}
	ct_nfd_data_clear(&data);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Bad requests */

/* What a test of a bad request works with: the real data, a chart of it, an empty folder
 * and a path in it. */
typedef struct {
	lr_dataset_t *dataset;
	lr_chart_t *chart;
	char *dir, *path;
} request_t;

static lr_chart_t *
bare_chart(lr_dataset_t *dataset, lr_language_t language)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);

	lr_chart_set_language(chart, language);
	return chart;
}

/* @make: how the chart is made; @file: the name of the path in the folder. */
static void
request_open(request_t *request, ct_chart_func_t make, const char *file)
{
	request->dataset = ct_load_data();
	request->chart = make(request->dataset, LR_LANGUAGE_VI);
	request->dir = ct_make_temp_dir();
	request->path = g_build_filename(request->dir, file, NULL);
}

/* Frees all. */
static void
request_close(request_t *request)
{
	g_free(request->path);
	ct_remove_tree(request->dir);
	g_free(request->dir);
	lr_chart_destroy(request->chart);
	lr_dataset_destroy(request->dataset);
}

/* Asserts the folder of @request is still empty. */
static void
assert_nothing_written(const request_t *request)
{
	char *listing = ct_list_dir(request->dir);

	ck_assert_str_eq(listing, "");
	g_free(listing);
}

START_TEST(test_error_unknown_indicator)
{
	request_t request;

	request_open(&request, bare_chart, "chart.png");
	lr_chart_add_indicator(request.chart, "no_such_indicator");
	ct_assert_chart_error(request.chart, LR_STATUS_UNKNOWN_INDICATOR, "no_such_indicator");
	ct_assert_chart_sticky(request.chart, request.dir);
	request_close(&request);
}
END_TEST

START_TEST(test_error_unknown_entity)
{
	request_t request;

	request_open(&request, ecommerce_chart, "chart.png");
	lr_chart_add_entity(request.chart, "Lào");
	ck_assert_int_eq(lr_chart_status(request.chart), LR_STATUS_SUCCESS); /* known at layout */
	ck_assert_ptr_null(lr_chart_describe_layout(request.chart, 800, 450));
	ct_assert_chart_error(request.chart, LR_STATUS_UNKNOWN_ENTITY, "Lào");
	ct_assert_call_error_repeats(request.chart, request.dir);
	request_close(&request);
}
END_TEST

/* Twelve entities over two years would be twelve series in eight colours: refused, saying
 * how to narrow the chart; one year puts them along the axis instead. */
START_TEST(test_error_more_series_than_colours)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_chart_t *chart;
	char *dump;

	ct_add_indicator(dataset, "many_value", "Giá trị thử nghiệm", "Test value", "", "",
			 LR_INDICATOR_VALUE, LR_DIRECTION_HIGHER);
	for (int e = 0; e < 12; e++) {
		char *entity = g_strdup_printf("Tỉnh thử nghiệm %d", e + 1);
		ct_add_observation(dataset, "many_value", entity, 2023, e + 1, 0, LR_OBSERVATION_ACTUAL);
		ct_add_observation(dataset, "many_value", entity, 2024, e + 2, 0, LR_OBSERVATION_ACTUAL);
		g_free(entity);
	}
	ct_label_test_source(dataset, false);
	chart = lr_chart_create(LR_CHART_BAR, dataset);
	lr_chart_add_indicator(chart, "many_value");
	ck_assert_ptr_null(lr_chart_describe_layout(chart, 1600, 900));
	ct_assert_chart_error(chart, LR_STATUS_UNSUPPORTED, "12 series are more than the 8 colours");
	ct_assert_chart_error(chart, LR_STATUS_UNSUPPORTED, "--year");
	lr_chart_add_year(chart, 2024);
	dump = lr_chart_describe_layout(chart, 1600, 900);
	ck_assert_ptr_nonnull(dump);
	lr_free(dump);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_year_without_data)
{
	request_t request;

	request_open(&request, ecommerce_chart, "chart.png");
	lr_chart_add_year(request.chart, 2019);
	ck_assert_int_eq(lr_chart_write(request.chart, request.path, LR_FORMAT_AUTO, 800, 450, 1),
			 LR_STATUS_NO_DATA);
	ct_assert_chart_error(request.chart, LR_STATUS_NO_DATA, "2019");
	ck_assert(!g_file_test(request.path, G_FILE_TEST_EXISTS));
	ct_assert_call_error_repeats(request.chart, request.dir);
	request_close(&request);
}
END_TEST

/* _i: which bad canvas. */
START_TEST(test_error_bad_canvas)
{
	static const double canvases[][2] = { { 0, 0 }, { NAN, 450 }, { 800, NAN }, { -800, 450 },
					      { INFINITY, 450 } };
	request_t request;
	lr_chart_t *written;

	request_open(&request, ecommerce_chart, "chart.png");
	written = ecommerce_chart(request.dataset, LR_LANGUAGE_VI);
	ck_assert_ptr_null(lr_chart_describe_layout(request.chart, canvases[_i][0], canvases[_i][1]));
	ct_assert_chart_error(request.chart, LR_STATUS_INVALID_ARGUMENT, "size");
	/* A failed draw (of a bad size) followed by a good one succeeds. */
	ct_assert_chart_recovers(request.chart, request.dir);
	ck_assert_int_eq(lr_chart_write(written, request.path, LR_FORMAT_AUTO, canvases[_i][0],
					canvases[_i][1], 1),
			 LR_STATUS_INVALID_ARGUMENT);
	ct_assert_chart_error(written, LR_STATUS_INVALID_ARGUMENT, "size");
	assert_nothing_written(&request);
	ct_assert_chart_recovers(written, request.dir);
	lr_chart_destroy(written);
	request_close(&request);
}
END_TEST

START_TEST(test_error_unwritable)
{
	request_t request;

	request_open(&request, ecommerce_chart, "missing/chart.png");
	ck_assert_int_eq(lr_chart_write(request.chart, request.path, LR_FORMAT_AUTO, 800, 450, 1),
			 LR_STATUS_WRITE_ERROR);
	ct_assert_chart_error(request.chart, LR_STATUS_WRITE_ERROR, request.path);
	ck_assert(!g_file_test(request.path, G_FILE_TEST_EXISTS));
	assert_nothing_written(&request); /* no temporary file left either */
	/* A failed write (a missing folder) followed by a good one succeeds. */
	ct_assert_chart_recovers(request.chart, request.dir);
	request_close(&request);
}
END_TEST

START_TEST(test_error_unknown_extension)
{
	request_t request;

	request_open(&request, ecommerce_chart, "chart.jpg");
	ck_assert_int_eq(lr_chart_write(request.chart, request.path, LR_FORMAT_AUTO, 800, 450, 1),
			 LR_STATUS_INVALID_ARGUMENT);
	ct_assert_chart_error(request.chart, LR_STATUS_INVALID_ARGUMENT, ".png");
	assert_nothing_written(&request);
	ct_assert_chart_recovers(request.chart, request.dir);
	request_close(&request);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Geometry */

START_TEST(test_negative_vertical)
{
	lr_dataset_t *dataset = negative_dataset();
	lr_chart_t *chart = negative_chart(dataset, LR_ORIENTATION_VERTICAL);
	ct_layout_t *layout = ct_layout_describe(chart, 800, 450);
	GPtrArray *bars = ct_layout_find_all(layout, "bar", NULL);
	const ct_item_t *baseline = ct_layout_find(layout, "baseline", NULL);
	const ct_item_t *zero_tick = ct_layout_find(layout, "tick-label", "0") ?
		ct_layout_find(layout, "tick-label", "0") : ct_layout_find(layout, "tick-label", "0%");
	double top, bottom, zero;
	int negatives = 0, inside = 0, outside = 0;

	ck_assert_ptr_nonnull(baseline);
	ck_assert_ptr_nonnull(zero_tick);
	ck_assert_uint_eq(bars->len, N_ELEMENTS(growth));
	zero = baseline->y;
	ck_assert_double_eq_tol(baseline->height, 0, 0.01);
	value_extent(layout, false, &top, &bottom);
	ck_assert_msg(zero > top + 10 && zero < bottom - 10,
		      "the zero baseline (y %g) should lie inside the plot (%g to %g)", zero, top, bottom);
	ck_assert_double_eq_tol(centre_y(zero_tick), zero, 0.5);

	/* Bars in year order, as the data. */
	for (guint i = 0; i < bars->len; i++) {
		const ct_item_t *bar = g_ptr_array_index(bars, i);
		const ct_item_t *label = label_of_bar(layout, bar, false);
		bool is_inside = strcmp(label->role, "value-label") == 0;

		ck_assert_msg((strstr(label->text, MINUS) != NULL) == (growth[i] < 0),
			      "label \"%s\" of %g", label->text, growth[i]);
		if (growth[i] < 0) {
			negatives++;
			/* Hangs down from the baseline. */
			ck_assert_double_eq_tol(bar->y, zero, 0.15);
			ck_assert_double_gt(bar->height, 1);
			if (is_inside) {
				ck_assert(ct_box_inside(label, bar));
				ck_assert_msg(centre_y(label) > centre_y(bar),
					      "the label \"%s\" should sit at the bar's lower end", label->text);
				inside++;
			} else {
				ck_assert_msg(label->y >= bar->y + bar->height - 0.15,
					      "the label \"%s\" (y %g) should sit below the bar's end (%g)",
					      label->text, label->y, bar->y + bar->height);
				outside++;
			}
		} else {
			ck_assert_double_eq_tol(bar->y + bar->height, zero, 0.15);
			if (is_inside)
				ck_assert(ct_box_inside(label, bar) && centre_y(label) < centre_y(bar));
			else
				ck_assert(label->y + label->height <= bar->y + 0.15);
		}
	}
	ck_assert_int_eq(negatives, 2);
	/* −14,3 has room for its label inside, −1,2 has not: both placements are exercised. */
	ck_assert_int_eq(inside, 1);
	ck_assert_int_eq(outside, 1);
	ct_assert_text_fits(layout, "negative growth, vertical");
	g_ptr_array_unref(bars);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_negative_horizontal)
{
	lr_dataset_t *dataset = negative_dataset();
	lr_chart_t *chart = negative_chart(dataset, LR_ORIENTATION_HORIZONTAL);
	ct_layout_t *layout = ct_layout_describe(chart, 800, 450);
	GPtrArray *bars = ct_layout_find_all(layout, "bar", NULL);
	const ct_item_t *baseline = ct_layout_find(layout, "baseline", NULL);
	double left, right, zero;
	int negatives = 0;

	ck_assert_ptr_nonnull(baseline);
	ck_assert_uint_eq(bars->len, N_ELEMENTS(growth));
	zero = baseline->x;
	ck_assert_double_eq_tol(baseline->width, 0, 0.01);
	value_extent(layout, true, &left, &right);
	ck_assert_msg(zero > left + 10 && zero < right - 10,
		      "the zero baseline (x %g) should lie inside the plot (%g to %g)", zero, left, right);
	for (guint i = 0; i < bars->len; i++) {
		const ct_item_t *bar = g_ptr_array_index(bars, i);
		const ct_item_t *label = label_of_bar(layout, bar, true);
		bool is_inside = strcmp(label->role, "value-label") == 0;

		if (growth[i] < 0) {
			negatives++;
			/* Grows leftward from the baseline. */
			ck_assert_double_eq_tol(bar->x + bar->width, zero, 0.15);
			if (is_inside)
				ck_assert_msg(ct_box_inside(label, bar) && centre_x(label) < centre_x(bar),
					      "the label \"%s\" should sit at the bar's left end", label->text);
			else
				ck_assert_msg(label->x + label->width <= bar->x + 0.15,
					      "the label \"%s\" (x %g to %g) should sit left of the bar's end (%g)",
					      label->text, label->x, label->x + label->width, bar->x);
		} else {
			ck_assert_double_eq_tol(bar->x, zero, 0.15);
			if (is_inside)
				ck_assert(ct_box_inside(label, bar) && centre_x(label) > centre_x(bar));
			else
				ck_assert(label->x >= bar->x + bar->width - 0.15);
		}
	}
	ck_assert_int_eq(negatives, 2);
	ct_assert_text_fits(layout, "negative growth, horizontal");
	g_ptr_array_unref(bars);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Labels go inside a bar when they fit, beyond its end when they do not. */
START_TEST(test_value_labels_inside_and_outside)
{
	lr_dataset_t *dataset = grouped_dataset();
	lr_chart_t *chart = grouped_chart(dataset, LR_LANGUAGE_VI);
	ct_layout_t *layout = ct_layout_describe(chart, 800, 450);
	GPtrArray *bars = ct_layout_find_all(layout, "bar", NULL);
	GString *problems = g_string_new(NULL);
	int inside = 0, outside = 0;

	ck_assert_uint_eq(bars->len, 6);
	for (guint i = 0; i < bars->len; i++) {
		const ct_item_t *bar = g_ptr_array_index(bars, i);
		const ct_item_t *label = label_of_bar(layout, bar, false);
		if (strcmp(label->role, "value-label") == 0) {
			ck_assert(ct_box_inside(label, bar));
			inside++;
		} else {
			/* Above the bar's top, within its band. */
			ck_assert_msg(label->y + label->height <= bar->y + 0.15,
				      "outside label \"%s\" should sit above its bar", label->text);
			ck_assert(label->height + 0.6 > bar->height); /* it really did not fit */
			outside++;
		}
	}
	/* 1,3 is too short a bar for its label; the others hold theirs. */
	ck_assert_int_eq(outside, 1);
	ck_assert_int_eq(inside, 5);
	ck_assert_ptr_nonnull(ct_layout_find(layout, "value-label-outside", "1,3"));
	check_value_labels(layout, "grouped", problems);
	ck_assert_msg(problems->len == 0, "%s", ct_brief(problems->str));

	/* The real e-commerce chart: 13,7 and 20,5 inside; the 2024 range outside, above it. */
	{
		lr_dataset_t *data = ct_load_data();
		lr_chart_t *ecommerce = ecommerce_chart(data, LR_LANGUAGE_VI);
		ct_layout_t *e = ct_layout_describe(ecommerce, 800, 450);
		const ct_item_t *range = ct_layout_find(e, "range", NULL);
		const ct_item_t *range_label = ct_layout_find_containing(e, "value-label-outside", "27,7\xe2\x80\x93" "28");
		ck_assert_ptr_nonnull(ct_layout_find(e, "value-label", "13,7"));
		ck_assert_ptr_nonnull(ct_layout_find(e, "value-label", "20,5"));
		ck_assert_ptr_nonnull(range);
		ck_assert_ptr_nonnull(range_label);
		ck_assert(range_label->y + range_label->height <= range->y + 0.15);
		ck_assert(centre_x(range_label) > range->x && centre_x(range_label) < range->x + range->width);
		check_value_labels(e, "ecommerce", problems);
		ck_assert_msg(problems->len == 0, "%s", ct_brief(problems->str));
		ct_layout_free(e);
		lr_chart_destroy(ecommerce);
		lr_dataset_destroy(data);
	}
	g_string_free(problems, TRUE);
	g_ptr_array_unref(bars);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Forecasts are pale with dashed outlines and the note says so; ranges get an extension. */
START_TEST(test_forecast_note_and_range)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *ecommerce_vi = ecommerce_chart(dataset, LR_LANGUAGE_VI);
	lr_chart_t *ecommerce_en = ecommerce_chart(dataset, LR_LANGUAGE_EN);
	lr_chart_t *actual_only = ecommerce_chart(dataset, LR_LANGUAGE_VI);
	lr_chart_t *ftth = ftth_chart(dataset, LR_LANGUAGE_VI, NULL);
	ct_layout_t *vi, *en, *actual, *f;
	GPtrArray *dashed_bars;
	const ct_item_t *note;

	lr_chart_add_year(actual_only, 2021);
	lr_chart_add_year(actual_only, 2023);
	vi = ct_layout_describe(ecommerce_vi, 800, 450);
	en = ct_layout_describe(ecommerce_en, 800, 450);
	actual = ct_layout_describe(actual_only, 800, 450);
	f = ct_layout_describe(ftth, 800, 450);

	note = ct_layout_find_containing(vi, "note", NOTE_UNCERTAIN_VI);
	ck_assert_msg(note != NULL, "no note explaining the forecast:\n%s", ct_brief(vi->dump));
	ck_assert_ptr_nonnull(strstr(note->text, "dự báo"));
	ck_assert_ptr_nonnull(ct_layout_find_containing(en, "note", NOTE_UNCERTAIN_EN));
	ck_assert_ptr_null(ct_layout_find_containing(actual, "note", NOTE_UNCERTAIN_VI));
	ck_assert_ptr_null(ct_layout_find_containing(f, "note", NOTE_UNCERTAIN_VI));

	/* Only the 2024 forecast is dashed; its range makes a range item. */
	dashed_bars = g_ptr_array_new();
	for (guint i = 0; i < vi->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(vi->items, i);
		if (strcmp(item->role, "bar") == 0 && item->dashed)
			g_ptr_array_add(dashed_bars, (gpointer) item);
	}
	ck_assert_uint_eq(dashed_bars->len, 1);
	ck_assert_uint_eq(ct_layout_count(vi, "range"), 1);
	ck_assert_uint_eq(ct_layout_count(actual, "range"), 0);
	ck_assert_uint_eq(ct_layout_count(f, "range"), 0);
	{
		const ct_item_t *bar = g_ptr_array_index(dashed_bars, 0);
		const ct_item_t *range = ct_layout_find(vi, "range", NULL);
		/* The range sits on top of the solid part, same band. */
		ck_assert_double_eq_tol(range->x, bar->x, 0.15);
		ck_assert_double_eq_tol(range->width, bar->width, 0.15);
		ck_assert_double_eq_tol(range->y + range->height, bar->y, 0.15);
		ck_assert(range->dashed);
	}
	/* The year without data (2022) says so rather than looking like a zero. */
	ck_assert_ptr_nonnull(ct_layout_find(vi, "no-data", NULL));
	g_ptr_array_unref(dashed_bars);
	ct_layout_free(vi);
	ct_layout_free(en);
	ct_layout_free(actual);
	ct_layout_free(f);
	lr_chart_destroy(ecommerce_vi);
	lr_chart_destroy(ecommerce_en);
	lr_chart_destroy(actual_only);
	lr_chart_destroy(ftth);
	lr_dataset_destroy(dataset);
}
END_TEST

/* A stack's total is written beyond its end (a stacked chart's segments have their own
 * labels inside), vertical and horizontal. */
START_TEST(test_stack_totals)
{
	lr_dataset_t *dataset = ct_load_data();

	for (int o = 0; o < 2; o++) {
		bool horizontal = o == 1;
		lr_chart_t *chart = dx_targets_chart(dataset, LR_LANGUAGE_VI, LR_BAR_STACKED,
						     horizontal ? LR_ORIENTATION_HORIZONTAL
								: LR_ORIENTATION_VERTICAL);
		ct_layout_t *layout = ct_layout_describe(chart, 800, 450);
		GPtrArray *bars = ct_layout_find_all(layout, "bar", NULL);
		const ct_item_t *total = ct_layout_find(layout, "value-label-outside", "62");
		double end = horizontal ? -INFINITY : INFINITY;

		ck_assert_uint_eq(bars->len, 3);
		/* Each segment has its own label inside. */
		ck_assert_ptr_nonnull(ct_layout_find(layout, "value-label", "18"));
		ck_assert_ptr_nonnull(ct_layout_find(layout, "value-label", "27"));
		ck_assert_ptr_nonnull(ct_layout_find(layout, "value-label", "17"));
		for (guint i = 0; i < bars->len; i++) {
			const ct_item_t *bar = g_ptr_array_index(bars, i);
			end = horizontal ? MAX(end, bar->x + bar->width) : MIN(end, bar->y);
		}
		if (!total) {
			GString *labels = g_string_new(NULL);
			for (guint i = 0; i < layout->items->len; i++) {
				const ct_item_t *item = g_ptr_array_index(layout->items, i);
				if (is_value_label(item))
					g_string_append_printf(labels, "  %s %.1f %.1f %.1f %.1f \"%s\"\n", item->role,
							       item->x, item->y, item->width, item->height, item->text);
			}
			ck_abort_msg("%s stacked chart at 800 x 450: no total \"62\" beyond the stack "
				     "(which ends at %s %.1f); its value labels are:\n%s",
				     horizontal ? "horizontal" : "vertical", horizontal ? "x" : "y", end,
				     ct_brief(labels->str));
		}
		if (horizontal)
			ck_assert(total->x >= end - 0.15);
		else
			ck_assert(total->y + total->height <= end + 0.15);
		g_ptr_array_unref(bars);
		ct_layout_free(layout);
		lr_chart_destroy(chart);
	}
	lr_dataset_destroy(dataset);
}
END_TEST

/* Descending sort puts the largest bar first (at the top of a horizontal chart), and the
 * highlighted entity's label is set apart. */
START_TEST(test_sort_and_highlight)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ftth_chart(dataset, LR_LANGUAGE_EN, VIET_NAM);
	ct_layout_t *layout = ct_layout_describe(chart, 800, 450);
	GPtrArray *bars = ct_layout_find_all(layout, "bar", NULL);
	GPtrArray *labels = ct_layout_find_all(layout, "category-label", NULL);
	static const char *const order[] = { "Vietnam", "Europe", "World" };

	ck_assert_uint_eq(bars->len, 3);
	ck_assert_uint_eq(labels->len, 3);
	for (guint i = 0; i < 3; i++) {
		const ct_item_t *bar = g_ptr_array_index(bars, i);
		const ct_item_t *label = ct_layout_find(layout, "category-label", order[i]);
		ck_assert_msg(label != NULL, "no category label '%s'", order[i]);
		/* The label is level with its bar. */
		ck_assert(centre_y(label) > bar->y && centre_y(label) < bar->y + bar->height);
		if (i > 0) {
			const ct_item_t *previous = g_ptr_array_index(bars, i - 1);
			ck_assert(bar->y > previous->y);
			ck_assert(bar->width < previous->width);
		}
	}
	g_ptr_array_unref(bars);
	g_ptr_array_unref(labels);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST


/* ---------------------------------------------------------------------------------------- */
/* Many categories, numbers, refusals (issue 10): made-up data of the shape users have */

/* @count invented places (diacritics, numbered), one value each with four decimals, two of
 * them 0,7002 and 0,7001; a rank of the same places; and a 0–1 score of another unit. */
static lr_dataset_t *
places_dataset_named(int count, const char *prefix)
{
	lr_dataset_t *dataset = lr_dataset_create();

	ct_add_indicator(dataset, "score", "Chỉ số thử nghiệm", "Test score", "", "",
			 LR_INDICATOR_VALUE, LR_DIRECTION_HIGHER);
	ct_add_indicator(dataset, "place", "Thứ hạng thử nghiệm", "Test rank", "", "",
			 LR_INDICATOR_RANK, LR_DIRECTION_LOWER);
	ct_add_indicator(dataset, "share", "Tỷ lệ thử nghiệm", "Test share", "%", "%",
			 LR_INDICATOR_SHARE, LR_DIRECTION_HIGHER);
	for (int i = 0; i < count; i++) {
		char name[64];
		double value = i == 0 ? 0.7002 : i == 1 ? 0.7001 : 0.3 + (i * 37 % 61) / 100.0 + 0.0003;
		g_snprintf(name, sizeof name, "%s %d", prefix, i + 1);
		ct_add_observation(dataset, "score", name, 2024, value, 0, LR_OBSERVATION_ACTUAL);
		ct_add_observation(dataset, "place", name, 2024, i + 1, count, LR_OBSERVATION_ACTUAL);
		ct_add_observation(dataset, "share", name, 2024, 40 + i % 50, 0, LR_OBSERVATION_ACTUAL);
	}
	ct_label_test_source(dataset, false);
	return dataset;
}

static lr_dataset_t *
places_dataset(int count)
{
	return places_dataset_named(count, "Tỉnh Thử Nghiệm Đồng Xuân");
}

static lr_chart_t *
places_chart(lr_dataset_t *dataset, const char *indicator)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);

	lr_chart_add_indicator(chart, indicator);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

/* Value labels carry the data's own decimals, so 0,7002 and 0,7001 read differently; the
 * caller may set fewer. */
START_TEST(test_decimals_from_the_data)
{
	lr_dataset_t *dataset = places_dataset(3);
	lr_chart_t *chart = places_chart(dataset, "score");
	ct_layout_t *layout = ct_layout_describe(chart, 1600, 900);

	ck_assert_ptr_nonnull(ct_layout_find_containing(layout, NULL, "0,7002"));
	ck_assert_ptr_nonnull(ct_layout_find_containing(layout, NULL, "0,7001"));
	ct_layout_free(layout);
	lr_chart_set_decimals(chart, 2);
	layout = ct_layout_describe(chart, 1600, 900);
	{
		GPtrArray *same = ct_layout_find_all(layout, NULL, "0,70");
		ck_assert_uint_eq(same->len, 2);
		g_ptr_array_unref(same);
	}
	ct_layout_free(layout);
	lr_chart_set_decimals(chart, LR_CHART_DECIMALS_MAX + 1);
	ct_assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT, "decimals");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* --labels: fit (default) says on the chart how many labels it left out and never leaves out
 * the highlighted one; all refuses when they do not fit; none draws none. */
START_TEST(test_value_label_modes)
{
	/* Short names side by side, and figures wider than their bands. */
	lr_dataset_t *dataset = places_dataset_named(40, "Ấp");
	lr_chart_t *chart = places_chart(dataset, "score");
	ct_layout_t *layout;
	const ct_item_t *note;
	char *dump;
	int left_out = 0, total = 0;
	guint drawn;

	lr_chart_set_highlight(chart, "Ấp 2");
	layout = ct_layout_describe(chart, 720, 405);
	ct_assert_text_fits(layout, "40 bars, labels fit");
	drawn = ct_layout_count(layout, "value-label") + ct_layout_count(layout, "value-label-outside");
	note = ct_layout_find_containing(layout, "note", "Nhãn giá trị");
	ck_assert_msg(note != NULL, "no note on left-out labels (%u drawn)", drawn);
	ck_assert_int_eq(sscanf(strstr(note->text, ": ") + 2, "%d trên %d", &left_out, &total), 2);
	ck_assert_int_eq(total, 40);
	ck_assert_int_gt(left_out, 0);
	ck_assert_int_eq((int) drawn, total - left_out);
	/* The highlighted place's figure is there. */
	ck_assert_ptr_nonnull(ct_layout_find_containing(layout, NULL, "0,7001"));
	ct_layout_free(layout);

	lr_chart_set_value_labels(chart, LR_VALUE_LABELS_ALL);
	ck_assert_ptr_null(lr_chart_describe_layout(chart, 720, 405));
	ct_assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT, "--labels fit");

	lr_chart_set_value_labels(chart, LR_VALUE_LABELS_NONE);
	dump = lr_chart_describe_layout(chart, 720, 405);
	ck_assert_ptr_nonnull(dump);
	ck_assert_ptr_null(strstr(dump, "value-label"));
	ck_assert_ptr_null(strstr(dump, "Nhãn giá trị"));
	lr_free(dump);
	lr_chart_destroy(chart);

	/* Three bars: every label fits, no note, and "all" draws. */
	lr_dataset_destroy(dataset);
	dataset = places_dataset(3);
	chart = places_chart(dataset, "score");
	lr_chart_set_value_labels(chart, LR_VALUE_LABELS_ALL);
	layout = ct_layout_describe(chart, 1600, 900);
	ck_assert_uint_eq(ct_layout_count(layout, "value-label") +
				  ct_layout_count(layout, "value-label-outside"), 3);
	ck_assert_ptr_null(ct_layout_find(layout, "note", NULL));
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* 63 horizontal bars at a fixed 16:9 size: refused naming the height that fits; with no
 * height (0) the file is as tall as the chart needs. */
START_TEST(test_horizontal_height_as_needed)
{
	lr_dataset_t *dataset = places_dataset(63);
	lr_chart_t *chart = places_chart(dataset, "score");
	lr_write_options_t options;
	char *dir = ct_make_temp_dir(), *path = g_build_filename(dir, "tall.png", NULL);
	cairo_surface_t *image;
	ct_layout_t *layout;

	lr_chart_set_orientation(chart, LR_ORIENTATION_HORIZONTAL);
	ck_assert_ptr_null(lr_chart_describe_layout(chart, 1600, 900));
	ct_assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT, "need at least 1600 × ");
	ct_assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT, "--size 1600x");
	lr_write_options_init(&options);
	options.height = 0;
	ck_assert_int_eq(lr_chart_write_with_options(chart, path, &options), LR_STATUS_SUCCESS);
	image = ct_read_png(path);
	ck_assert_int_eq(cairo_image_surface_get_width(image), 1600);
	ck_assert_int_gt(cairo_image_surface_get_height(image), 1600);
	layout = ct_layout_describe(chart, 1600, cairo_image_surface_get_height(image));
	ct_assert_text_fits(layout, "63 horizontal bars, as tall as needed");
	ck_assert_uint_eq(ct_layout_count(layout, "category-label"), 63);
	ck_assert_ptr_null(ct_layout_find(layout, "note", NULL));
	ct_layout_free(layout);
	cairo_surface_destroy(image);
	/* Few categories: the 16:9 height. */
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
	dataset = places_dataset(3);
	chart = places_chart(dataset, "score");
	lr_chart_set_orientation(chart, LR_ORIENTATION_HORIZONTAL);
	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_AUTO, 1600, 0, 1), LR_STATUS_SUCCESS);
	image = ct_read_png(path);
	ck_assert_int_eq(cairo_image_surface_get_height(image), 900);
	cairo_surface_destroy(image);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
	ct_remove_tree(dir);
	g_free(path);
	g_free(dir);
}
END_TEST

/* Bars of a rank (the worst the longest) and one axis for a score and a rank or a share are
 * refused, saying what to draw instead; validation says so before any canvas. */
START_TEST(test_rank_and_mixed_units_refused)
{
	lr_dataset_t *dataset = places_dataset(5);
	lr_chart_t *chart = places_chart(dataset, "place");

	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_UNSUPPORTED);
	ct_assert_chart_error(chart, LR_STATUS_UNSUPPORTED, "lreport rank");
	lr_chart_destroy(chart);
	chart = places_chart(dataset, "score");
	lr_chart_add_indicator(chart, "place");
	ck_assert_ptr_null(lr_chart_describe_layout(chart, 1600, 900));
	ct_assert_chart_error(chart, LR_STATUS_UNSUPPORTED, "draw separate charts");
	lr_chart_destroy(chart);
	chart = places_chart(dataset, "score");
	lr_chart_add_indicator(chart, "share");
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_UNSUPPORTED);
	ct_assert_chart_error(chart, LR_STATUS_UNSUPPORTED, "draw separate charts");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* No source known: no source line (not "Nguồn: —"). */
START_TEST(test_no_source_no_source_line)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_observation_t observation = {
		.indicator = "score", .entity = VIET_NAM, .year = 2024, .period = "", .value = 0.5,
		.low = NAN, .high = NAN, .status = LR_OBSERVATION_ACTUAL, .source = "", .note = "",
	};
	lr_chart_t *chart;
	ct_layout_t *layout;

	ct_add_indicator(dataset, "score", "Chỉ số thử nghiệm", "Test score", "", "",
			 LR_INDICATOR_VALUE, LR_DIRECTION_HIGHER);
	ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation), LR_STATUS_SUCCESS);
	chart = places_chart(dataset, "score");
	layout = ct_layout_describe(chart, 800, 450);
	ck_assert_ptr_null(ct_layout_find(layout, "source", NULL));
	ck_assert_ptr_null(ct_layout_find_containing(layout, NULL, "—"));
	ck_assert_ptr_null(ct_layout_find_containing(layout, NULL, "Nguồn"));
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Indicators sharing their first words make the title of those words, but never one ending
 * on a function word: "Share of" was the whole English title of two "Share of …" indicators. */
START_TEST(test_shared_words_title)
{
	static const struct {
		const char *en_a, *en_b, *title, *legend_a;
	} cases[] = {
		{ "Share of public services online", "Share of households with fibre",
		  "Share of public services online and Share of households with fibre",
		  "Share of public services online" },
		{ "Share of households with fibre", "Share of households with cable",
		  "Share of households", "With fibre" },
	};
	for (size_t c = 0; c < G_N_ELEMENTS(cases); c++) {
		lr_dataset_t *dataset = lr_dataset_create();
		lr_chart_t *chart;
		ct_layout_t *layout;
		const ct_item_t *title;

		ct_add_indicator(dataset, "a", "Chỉ số A thử nghiệm", cases[c].en_a, "%", "%",
				 LR_INDICATOR_SHARE, LR_DIRECTION_HIGHER);
		ct_add_indicator(dataset, "b", "Chỉ số B thử nghiệm", cases[c].en_b, "%", "%",
				 LR_INDICATOR_SHARE, LR_DIRECTION_HIGHER);
		for (int i = 0; i < 2; i++) {
			lr_observation_t observation = {
				.indicator = i ? "b" : "a", .entity = VIET_NAM, .year = 2024,
				.period = "", .value = 40 + i, .low = NAN, .high = NAN,
				.status = LR_OBSERVATION_ACTUAL, .source = "s", .note = "",
			};
			ck_assert_int_eq(lr_dataset_add_observation(dataset, &observation),
					 LR_STATUS_SUCCESS);
		}
		chart = places_chart(dataset, "a");
		lr_chart_add_indicator(chart, "b");
		lr_chart_set_language(chart, LR_LANGUAGE_EN);
		layout = ct_layout_describe(chart, 1600, 900);
		title = ct_layout_find(layout, "title", NULL);
		ck_assert_ptr_nonnull(title);
		ck_assert_str_eq(title->text, cases[c].title);
		ck_assert_ptr_nonnull(ct_layout_find(layout, NULL, cases[c].legend_a));
		ct_layout_free(layout);
		lr_chart_destroy(chart);
		lr_dataset_destroy(dataset);
	}
}
END_TEST

/* charts.ini's labels and decimals keys, and their errors at their line and column. */
START_TEST(test_chart_list_labels_and_decimals)
{
	char *dir = ct_make_temp_dir(), *path = g_build_filename(dir, "charts.ini", NULL);
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_set_t *set;
	const lr_error_t *error;

	ck_assert(g_file_set_contents(path,
				      "[chart a]\nkind=bar\nindicator=ecommerce_revenue\nlabels=none\n"
				      "decimals=2\n"
				      "[chart b]\nkind=bar\nindicator=ecommerce_revenue\nlabels=some\n"
				      "[chart c]\nkind=bar\nindicator=ecommerce_revenue\ndecimals=7\n",
				      -1, NULL));
	set = lr_chart_set_load(path, dataset, LR_LANGUAGE_VI);
	ck_assert_uint_eq(lr_chart_set_get_count(set), 1);
	ck_assert_uint_eq(lr_chart_set_get_error_count(set), 2);
	error = lr_chart_set_get_error(set, 0);
	ck_assert_msg(strstr(error->message, "fit, all or none") && error->line == 9 &&
			      error->column == 8, "%s (%u:%u)", error->message, error->line,
		      error->column);
	error = lr_chart_set_get_error(set, 1);
	ck_assert_msg(strstr(error->message, "0 to 4") && error->line == 13, "%s (%u:%u)",
		      error->message, error->line, error->column);
	{
		char *dump = lr_chart_describe_layout(lr_chart_set_get_chart(set, 0), 800, 450);
		ck_assert_ptr_nonnull(dump);
		ck_assert_ptr_null(strstr(dump, "value-label"));
		lr_free(dump);
	}
	lr_chart_set_destroy(set);
	lr_dataset_destroy(dataset);
	ct_remove_tree(dir);
	g_free(path);
	g_free(dir);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */

/* The tests every kind's suite runs (chart-test-util.h), on bar charts. */
static const ct_kind_tests_t bar_tests = {
	.set = {
		.kind = LR_CHART_BAR,
		.what = "bar charts of charts.ini",
		.check_layout = check_bar_layout,
	},
	.goldens = goldens,
	.golden_count = N_ELEMENTS(goldens),
	.pixel_goldens = pixel_goldens,
	.pixel_golden_count = N_ELEMENTS(pixel_goldens),
	.same_bytes_dataset = ct_load_data,
	.same_bytes_chart = ftth_viet_nam_chart,
};

static Suite *
bar_suite(void)
{
	Suite *suite = suite_create("bar");
	ct_kind_tcases_t shared = ct_add_kind_tests(suite, &bar_tests);
	TCase *tc;

	tcase_add_test(shared.goldens, test_pixel_golden_catches_a_moved_bar);
	tcase_add_test(shared.chart_set, test_pdf_title_diacritics);
	tcase_add_test(shared.normalization, test_nfd_entity_and_highlight);

	tc = ct_add_tcase(suite, "errors", 60);
	tcase_add_test(tc, test_error_unknown_indicator);
	tcase_add_test(tc, test_error_unknown_entity);
	tcase_add_test(tc, test_error_year_without_data);
	tcase_add_test(tc, test_error_more_series_than_colours);
	tcase_add_loop_test(tc, test_error_bad_canvas, 0, 5);
	tcase_add_test(tc, test_error_unwritable);
	tcase_add_test(tc, test_error_unknown_extension);

	tc = ct_add_tcase(suite, "geometry", 60);
	tcase_add_test(tc, test_negative_vertical);
	tcase_add_test(tc, test_negative_horizontal);
	tcase_add_test(tc, test_value_labels_inside_and_outside);
	tcase_add_test(tc, test_forecast_note_and_range);
	tcase_add_test(tc, test_stack_totals);
	tcase_add_test(tc, test_sort_and_highlight);

	tc = ct_add_tcase(suite, "many-categories", 120);
	tcase_add_test(tc, test_decimals_from_the_data);
	tcase_add_test(tc, test_value_label_modes);
	tcase_add_test(tc, test_horizontal_height_as_needed);
	tcase_add_test(tc, test_rank_and_mixed_units_refused);
	tcase_add_test(tc, test_no_source_no_source_line);
	tcase_add_test(tc, test_shared_words_title);
	tcase_add_test(tc, test_chart_list_labels_and_decimals);
	return suite;
}

const lr_test_program_t lr_test_program = { bar_suite, NULL, NULL };
