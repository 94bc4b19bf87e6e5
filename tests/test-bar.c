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

#include "chart-test-util.h"
#ifndef LR_CHART_TEST_UTIL_LINKED
#include "chart-test-util.c"
#endif

#define N_ELEMENTS(array) ((int) (sizeof(array) / sizeof((array)[0])))

/* As bytes, so that the expectations are NFC whatever editor touches this file. */
#define VIET_NAM CT_VIET_NAM
#define MINUS "\xe2\x88\x92"                 /* U+2212 MINUS SIGN */
#define NOTE_UNCERTAIN_VI "C\xe1\xbb\x99t nh\xe1\xba\xa1t, vi\xe1\xbb\x81n \xc4\x91\xe1\xbb\xa9t" /* Cột nhạt, viền đứt */
#define NOTE_UNCERTAIN_EN "Pale bars with dashed outlines"
/* Tiến độ 62 mục tiêu chuyển đổi số quốc gia năm 2023 */
#define DX_TITLE_VI "Ti\xe1\xba\xbfn \xc4\x91\xe1\xbb\x99 62 m\xe1\xbb\xa5" "c ti\xc3\xaau chuy\xe1\xbb\x83n " \
	"\xc4\x91\xe1\xbb\x95i s\xe1\xbb\x91 qu\xe1\xbb\x91" "c gia n\xc4\x83m 2023"

/* The canvas sizes every chart of charts.ini must fit: the CLI's default and a small slide. */
static const double sizes[][2] = { { 1600, 900 }, { 720, 405 } };

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

	ct_add_indicator(dataset, "hardware_revenue", "Doanh thu ph\xe1\xba\xa7n c\xe1\xbb\xa9ng",
			 "Hardware revenue", "t\xe1\xbb\xb7 USD", "billion USD", LR_INDICATOR_VALUE,
			 LR_DIRECTION_HIGHER);
	ct_add_indicator(dataset, "software_revenue", "Doanh thu ph\xe1\xba\xa7n m\xe1\xbb\x81m",
			 "Software revenue", "t\xe1\xbb\xb7 USD", "billion USD", LR_INDICATOR_VALUE,
			 LR_DIRECTION_HIGHER);
	for (int i = 0; i < 3; i++) {
		ct_add_observation(dataset, "hardware_revenue", VIET_NAM, 2021 + i, hardware[i], 0,
				   LR_OBSERVATION_ACTUAL);
		ct_add_observation(dataset, "software_revenue", VIET_NAM, 2021 + i, software[i], 0,
				   LR_OBSERVATION_ACTUAL);
	}
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, "test-data.txt",
						     "S\xe1\xbb\x91 li\xe1\xbb\x87u th\xe1\xbb\xad nghi\xe1\xbb\x87m",
						     "Test data"),
			 LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
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
			 "T\xc4\x83ng tr\xc6\xb0\xe1\xbb\x9fng xu\xe1\xba\xa5t kh\xe1\xba\xa9u s\xe1\xba\xa3n ph\xe1\xba\xa9m s\xe1\xbb\x91",
			 "Growth of digital product exports", "%", "%", LR_INDICATOR_GROWTH,
			 LR_DIRECTION_HIGHER);
	for (int i = 0; i < N_ELEMENTS(growth); i++)
		ct_add_observation(dataset, "export_growth", VIET_NAM, GROWTH_FIRST_YEAR + i, growth[i],
				   0, LR_OBSERVATION_ACTUAL);
	ck_assert_int_eq(lr_dataset_set_source_label(dataset, "test-data.txt",
						     "S\xe1\xbb\x91 li\xe1\xbb\x87u th\xe1\xbb\xad nghi\xe1\xbb\x87m",
						     "Test data"),
			 LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
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

/* Checks the layout golden, that the golden's own text fits, and in update mode leaves a
 * PNG of the chart in TMP/lr-golden-preview for review. */
static void
check_golden(lr_chart_t *chart, const char *name)
{
	ct_layout_t *layout;

	ct_assert_layout_golden(chart, name);
	layout = ct_layout_describe(chart, 800, 450);
	ct_assert_text_fits(layout, name);
	ct_layout_free(layout);
	if (ct_update_goldens()) {
		char *folder = g_build_filename(g_get_tmp_dir(), "lr-golden-preview", NULL);
		char *file = g_strdup_printf("%s.png", name);
		char *path;
		g_mkdir_with_parents(folder, 0777);
		path = ct_write_chart(chart, folder, file, 800, 450);
		fprintf(stderr, "preview: %s\n", path);
		g_free(path);
		g_free(file);
		g_free(folder);
	}
}

START_TEST(test_golden_ecommerce)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ecommerce_chart(dataset, LR_LANGUAGE_VI);

	check_golden(chart, "bar-ecommerce-vi");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_golden_ftth)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ftth_chart(dataset, LR_LANGUAGE_EN, VIET_NAM);

	check_golden(chart, "bar-ftth-en");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_golden_dx_stacked)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = dx_targets_chart(dataset, LR_LANGUAGE_VI, LR_BAR_STACKED,
					     LR_ORIENTATION_VERTICAL);

	/* As charts.ini titles it: the default (three indicator names) takes three lines. */
	lr_chart_set_title(chart, DX_TITLE_VI);
	lr_chart_set_subtitle(chart, "S\xe1\xbb\x91 m\xe1\xbb\xa5" "c ti\xc3\xaau"); /* Số mục tiêu */
	check_golden(chart, "bar-dx-stacked-vi");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_golden_dx_percent)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = dx_targets_chart(dataset, LR_LANGUAGE_EN, LR_BAR_PERCENT,
					     LR_ORIENTATION_HORIZONTAL);

	lr_chart_set_title(chart, "Progress on the 62 national digital-transformation targets, 2023");
	check_golden(chart, "bar-dx-percent-en");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_golden_grouped)
{
	lr_dataset_t *dataset = grouped_dataset();
	lr_chart_t *chart = grouped_chart(dataset, LR_LANGUAGE_VI);

	check_golden(chart, "bar-grouped-vi");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_golden_negative)
{
	lr_dataset_t *dataset = negative_dataset();
	lr_chart_t *chart = negative_chart(dataset, LR_ORIENTATION_VERTICAL);

	check_golden(chart, "bar-negative-vi");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_pixel_golden_ecommerce)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ecommerce_chart(dataset, LR_LANGUAGE_VI);

	ct_assert_pixel_golden(chart, "bar-ecommerce-vi");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_pixel_golden_ftth)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ftth_chart(dataset, LR_LANGUAGE_EN, VIET_NAM);

	ct_assert_pixel_golden(chart, "bar-ftth-en");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

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

/* _i: 0–3, the language (i % 2) and the size (i / 2). Every chart is checked and every
 * problem reported before failing. */
START_TEST(test_chart_set_text_fits)
{
	lr_language_t language = _i % 2 ? LR_LANGUAGE_EN : LR_LANGUAGE_VI;
	double width = sizes[_i / 2][0], height = sizes[_i / 2][1];
	lr_dataset_t *dataset = ct_load_data();
	GPtrArray *specs = ct_specs_load(LR_CHART_BAR);
	GString *problems = g_string_new(NULL);

	for (guint i = 0; i < specs->len; i++) {
		const ct_spec_t *spec = g_ptr_array_index(specs, i);
		lr_chart_t *chart = ct_spec_chart(spec, dataset, language, false);
		char *label = ct_spec_label(spec, language);
		ct_layout_t *layout = ct_layout_describe(chart, width, height);
		char *found = ct_layout_text_problems(layout);

		if (found)
			g_string_append_printf(problems, "%s at %g x %g:\n%s", label, width, height, found);
		check_value_labels(layout, label, problems);
		ck_assert_uint_gt(ct_layout_count(layout, "bar"), 0);
		ck_assert_ptr_nonnull(ct_layout_find(layout, "title", NULL));
		ck_assert_ptr_nonnull(ct_layout_find(layout, "source", NULL));
		g_free(found);
		g_free(label);
		ct_layout_free(layout);
		lr_chart_destroy(chart);
	}
	ck_assert_msg(problems->len == 0, "bar charts of charts.ini do not fit:\n%s", ct_brief(problems->str));
	g_string_free(problems, TRUE);
	g_ptr_array_unref(specs);
	lr_dataset_destroy(dataset);
}
END_TEST

/* _i: the language. */
START_TEST(test_chart_set_pdf_text)
{
	lr_language_t language = _i ? LR_LANGUAGE_EN : LR_LANGUAGE_VI;
	lr_dataset_t *dataset = ct_load_data();
	GPtrArray *specs = ct_specs_load(LR_CHART_BAR);
	char *dir = ct_make_temp_dir();

	for (guint i = 0; i < specs->len; i++) {
		const ct_spec_t *spec = g_ptr_array_index(specs, i);
		lr_chart_t *chart = ct_spec_chart(spec, dataset, language, false);
		char *name = g_strdup_printf("%s-%s", spec->name, _i ? "en" : "vi");
		bool checked = ct_assert_pdf_round_trip(chart, dir, name);

		g_free(name);
		lr_chart_destroy(chart);
		if (!checked)
			break;
	}
	ct_remove_tree(dir);
	g_free(dir);
	g_ptr_array_unref(specs);
	lr_dataset_destroy(dataset);
}
END_TEST

/* A title with diacritics of every kind comes back from the PDF as written. */
START_TEST(test_pdf_title_diacritics)
{
	/* "Việt Nam vượt xa thế giới về tỷ lệ hộ gia đình có cáp quang" */
	static const char title[] = "Vi\xe1\xbb\x87t Nam v\xc6\xb0\xe1\xbb\xa3t xa th\xe1\xba\xbf gi\xe1\xbb\x9bi "
		"v\xe1\xbb\x81 t\xe1\xbb\xb7 l\xe1\xbb\x87 h\xe1\xbb\x99 gia \xc4\x91\xc3\xacnh c\xc3\xb3 c\xc3\xa1p quang";
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

static void
assert_same_pixels(cairo_surface_t *a, cairo_surface_t *b, const char *what)
{
	int largest;
	long differing = ct_count_differing_pixels(a, b, 0, &largest);

	ck_assert_msg(differing == 0, "%s: NFD and NFC draw differently (%ld pixels differ, by up "
		      "to %d)", what, differing, largest);
}

/* Every bar chart of charts.ini, from data and arguments in NFD, draws the pixels it draws
 * from NFC. */
START_TEST(test_nfd_chart_set)
{
	char *nfd_dir = ct_make_nfd_data_dir();
	char *out = ct_make_temp_dir();
	lr_dataset_t *nfc = ct_load_data();
	lr_dataset_t *nfd = ct_load_data_from(nfd_dir);
	GPtrArray *specs = ct_specs_load(LR_CHART_BAR);

	for (guint i = 0; i < specs->len; i++) {
		const ct_spec_t *spec = g_ptr_array_index(specs, i);
		for (int l = 0; l < 2; l++) {
			lr_language_t language = l ? LR_LANGUAGE_EN : LR_LANGUAGE_VI;
			lr_chart_t *a = ct_spec_chart(spec, nfc, language, false);
			lr_chart_t *b = ct_spec_chart(spec, nfd, language, true);
			char *label = ct_spec_label(spec, language);
			cairo_surface_t *pa = ct_render(a, out, "nfc.png", 800, 450);
			cairo_surface_t *pb = ct_render(b, out, "nfd.png", 800, 450);

			assert_same_pixels(pa, pb, label);
			cairo_surface_destroy(pa);
			cairo_surface_destroy(pb);
			g_free(label);
			lr_chart_destroy(a);
			lr_chart_destroy(b);
		}
	}
	g_ptr_array_unref(specs);
	lr_dataset_destroy(nfc);
	lr_dataset_destroy(nfd);
	ct_remove_tree(nfd_dir);
	ct_remove_tree(out);
	g_free(nfd_dir);
	g_free(out);
}
END_TEST

/* --entity "Việt Nam" and --highlight "Việt Nam" given in NFD (on NFD and on NFC data). */
START_TEST(test_nfd_entity_and_highlight)
{
	char *nfd_dir = ct_make_nfd_data_dir();
	char *out = ct_make_temp_dir();
	lr_dataset_t *nfc = ct_load_data();
	lr_dataset_t *nfd = ct_load_data_from(nfd_dir);
	lr_dataset_t *datasets[] = { nfc, nfd };

	for (int d = 0; d < 2; d++) {
		lr_chart_t *a = ecommerce_chart(nfc, LR_LANGUAGE_VI);
		lr_chart_t *b = ecommerce_chart(datasets[d], LR_LANGUAGE_VI);
		lr_chart_t *c = ftth_chart(nfc, LR_LANGUAGE_VI, VIET_NAM);
		lr_chart_t *e = ftth_chart(datasets[d], LR_LANGUAGE_VI, CT_VIET_NAM_NFD);
		cairo_surface_t *pa, *pb, *pc, *pe, *plain;
		lr_chart_t *no_highlight = ftth_chart(nfc, LR_LANGUAGE_VI, NULL);

		lr_chart_add_entity(a, VIET_NAM);
		lr_chart_add_entity(b, CT_VIET_NAM_NFD);
		pa = ct_render(a, out, "a.png", 800, 450);
		pb = ct_render(b, out, "b.png", 800, 450);
		pc = ct_render(c, out, "c.png", 800, 450);
		pe = ct_render(e, out, "e.png", 800, 450);
		plain = ct_render(no_highlight, out, "plain.png", 800, 450);
		assert_same_pixels(pa, pb, d ? "--entity in NFD, NFD data" : "--entity in NFD");
		assert_same_pixels(pc, pe, d ? "--highlight in NFD, NFD data" : "--highlight in NFD");
		/* The highlight took effect, so the comparison means something. */
		ck_assert_int_gt(ct_count_differing_pixels(pe, plain, 64, NULL), 100);
		cairo_surface_destroy(pa);
		cairo_surface_destroy(pb);
		cairo_surface_destroy(pc);
		cairo_surface_destroy(pe);
		cairo_surface_destroy(plain);
		lr_chart_destroy(a);
		lr_chart_destroy(b);
		lr_chart_destroy(c);
		lr_chart_destroy(e);
		lr_chart_destroy(no_highlight);
	}
	lr_dataset_destroy(nfc);
	lr_dataset_destroy(nfd);
	ct_remove_tree(nfd_dir);
	ct_remove_tree(out);
	g_free(nfd_dir);
	g_free(out);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Reproducible output */

static void
assert_same_bytes_twice(const char *name)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ftth_chart(dataset, LR_LANGUAGE_VI, VIET_NAM);
	lr_chart_t *again = ftth_chart(dataset, LR_LANGUAGE_VI, VIET_NAM);
	char *dir = ct_make_temp_dir();
	char *first_name = g_strdup_printf("1-%s", name), *second_name = g_strdup_printf("2-%s", name);
	char *third_name = g_strdup_printf("3-%s", name);
	char *first = ct_write_chart(chart, dir, first_name, 800, 450);
	char *second = ct_write_chart(chart, dir, second_name, 800, 450);
	char *third = ct_write_chart(again, dir, third_name, 800, 450);
	GBytes *a = ct_read_file(first), *b = ct_read_file(second), *c = ct_read_file(third);

	ck_assert_uint_gt(g_bytes_get_size(a), 1000);
	ck_assert_msg(g_bytes_equal(a, b), "%s written twice differs", name);
	ck_assert_msg(g_bytes_equal(a, c), "%s from two equal charts differs", name);
	g_bytes_unref(a);
	g_bytes_unref(b);
	g_bytes_unref(c);
	g_free(first);
	g_free(second);
	g_free(third);
	g_free(first_name);
	g_free(second_name);
	g_free(third_name);
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(chart);
	lr_chart_destroy(again);
	lr_dataset_destroy(dataset);
}

START_TEST(test_same_pdf_bytes)
{
	g_unsetenv("SOURCE_DATE_EPOCH");
	assert_same_bytes_twice("chart.pdf");
}
END_TEST

START_TEST(test_same_png_bytes)
{
	assert_same_bytes_twice("chart.png");
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Bad requests */

static void
assert_error(const lr_chart_t *chart, lr_status_t status, const char *phrase)
{
	const lr_error_t *error = lr_chart_get_error(chart);

	ck_assert_msg(lr_chart_status(chart) == status, "status %s, expected %s",
		      lr_status_to_string(lr_chart_status(chart)), lr_status_to_string(status));
	ck_assert_ptr_nonnull(error);
	ck_assert_int_eq(error->status, status);
	ck_assert_ptr_nonnull(error->message);
	ck_assert_msg(strstr(error->message, phrase) != NULL, "message '%s' should say '%s'",
		      error->message, phrase);
}

/* The chart is in error: nothing it is asked does anything, and the error stays. */
static void
assert_sticky(lr_chart_t *chart, const char *dir)
{
	lr_status_t status = lr_chart_status(chart);
	char *message = g_strdup(lr_chart_get_error(chart)->message);
	char *path = g_build_filename(dir, "after-error.png", NULL);
	char *listing_before = ct_list_dir(dir), *listing_after;
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 100, 100);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, 100, 100 };

	lr_chart_add_indicator(chart, "ecommerce_revenue");
	lr_chart_add_indicator(chart, "no_such_indicator_either");
	lr_chart_add_entity(chart, VIET_NAM);
	lr_chart_add_year(chart, 1800);
	lr_chart_set_language(chart, LR_LANGUAGE_EN);
	lr_chart_set_title(chart, "T");
	lr_chart_set_bar_layout(chart, (lr_bar_layout_t) 99);
	ck_assert_ptr_null(lr_chart_describe_layout(chart, 800, 450));
	ck_assert_int_eq(lr_chart_draw(chart, cr, &rect), status);
	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_AUTO, 800, 450, 1), status);
	ck_assert_int_eq(lr_chart_status(chart), status);
	ck_assert_str_eq(lr_chart_get_error(chart)->message, message);
	listing_after = ct_list_dir(dir);
	ck_assert_str_eq(listing_after, listing_before);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	g_free(listing_before);
	g_free(listing_after);
	g_free(message);
	g_free(path);
}

START_TEST(test_error_unknown_indicator)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);
	char *dir = ct_make_temp_dir();

	lr_chart_add_indicator(chart, "no_such_indicator");
	assert_error(chart, LR_STATUS_UNKNOWN_INDICATOR, "no_such_indicator");
	assert_sticky(chart, dir);
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_unknown_entity)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ecommerce_chart(dataset, LR_LANGUAGE_VI);
	char *dir = ct_make_temp_dir();

	lr_chart_add_entity(chart, "L\xc3\xa0o"); /* Lào */
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS); /* known at layout */
	ck_assert_ptr_null(lr_chart_describe_layout(chart, 800, 450));
	assert_error(chart, LR_STATUS_UNKNOWN_ENTITY, "L\xc3\xa0o");
	assert_sticky(chart, dir);
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_year_without_data)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ecommerce_chart(dataset, LR_LANGUAGE_VI);
	char *dir = ct_make_temp_dir();
	char *path = g_build_filename(dir, "chart.png", NULL);

	lr_chart_add_year(chart, 2019);
	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_AUTO, 800, 450, 1), LR_STATUS_NO_DATA);
	assert_error(chart, LR_STATUS_NO_DATA, "2019");
	ck_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
	assert_sticky(chart, dir);
	g_free(path);
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* _i: which bad canvas. */
START_TEST(test_error_bad_canvas)
{
	static const double canvases[][2] = { { 0, 0 }, { NAN, 450 }, { 800, NAN }, { -800, 450 },
					      { INFINITY, 450 } };
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ecommerce_chart(dataset, LR_LANGUAGE_VI);
	lr_chart_t *written = ecommerce_chart(dataset, LR_LANGUAGE_VI);
	char *dir = ct_make_temp_dir();
	char *path = g_build_filename(dir, "chart.png", NULL);
	char *listing;

	ck_assert_ptr_null(lr_chart_describe_layout(chart, canvases[_i][0], canvases[_i][1]));
	assert_error(chart, LR_STATUS_INVALID_ARGUMENT, "size");
	assert_sticky(chart, dir);
	ck_assert_int_eq(lr_chart_write(written, path, LR_FORMAT_AUTO, canvases[_i][0],
					canvases[_i][1], 1),
			 LR_STATUS_INVALID_ARGUMENT);
	assert_error(written, LR_STATUS_INVALID_ARGUMENT, "size");
	listing = ct_list_dir(dir);
	ck_assert_str_eq(listing, "");
	g_free(listing);
	g_free(path);
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(chart);
	lr_chart_destroy(written);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_unwritable)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ecommerce_chart(dataset, LR_LANGUAGE_VI);
	char *dir = ct_make_temp_dir();
	char *path = g_build_filename(dir, "missing", "chart.png", NULL);
	char *listing;

	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_AUTO, 800, 450, 1),
			 LR_STATUS_WRITE_ERROR);
	assert_error(chart, LR_STATUS_WRITE_ERROR, path);
	ck_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
	listing = ct_list_dir(dir);
	ck_assert_str_eq(listing, ""); /* no temporary file left either */
	g_free(listing);
	assert_sticky(chart, dir);
	g_free(path);
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_unknown_extension)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = ecommerce_chart(dataset, LR_LANGUAGE_VI);
	char *dir = ct_make_temp_dir();
	char *path = g_build_filename(dir, "chart.jpg", NULL);
	char *listing;

	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_AUTO, 800, 450, 1),
			 LR_STATUS_INVALID_ARGUMENT);
	assert_error(chart, LR_STATUS_INVALID_ARGUMENT, ".png");
	listing = ct_list_dir(dir);
	ck_assert_str_eq(listing, "");
	g_free(listing);
	assert_sticky(chart, dir);
	g_free(path);
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
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
	ck_assert_ptr_nonnull(strstr(note->text, "d\xe1\xbb\xb1 b\xc3\xa1o")); /* dự báo */
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

static Suite *
bar_suite(void)
{
	Suite *suite = suite_create("bar");
	TCase *tc;

	tc = tcase_create("goldens");
	tcase_add_test(tc, test_golden_ecommerce);
	tcase_add_test(tc, test_golden_ftth);
	tcase_add_test(tc, test_golden_dx_stacked);
	tcase_add_test(tc, test_golden_dx_percent);
	tcase_add_test(tc, test_golden_grouped);
	tcase_add_test(tc, test_golden_negative);
	tcase_add_test(tc, test_pixel_golden_ecommerce);
	tcase_add_test(tc, test_pixel_golden_ftth);
	tcase_add_test(tc, test_pixel_golden_catches_a_moved_bar);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(suite, tc);

	tc = tcase_create("chart_set");
	tcase_add_loop_test(tc, test_chart_set_text_fits, 0, 2 * N_ELEMENTS(sizes));
	tcase_add_loop_test(tc, test_chart_set_pdf_text, 0, 2);
	tcase_add_test(tc, test_pdf_title_diacritics);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(suite, tc);

	tc = tcase_create("normalization");
	tcase_add_test(tc, test_nfd_chart_set);
	tcase_add_test(tc, test_nfd_entity_and_highlight);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(suite, tc);

	tc = tcase_create("reproducible");
	tcase_add_test(tc, test_same_pdf_bytes);
	tcase_add_test(tc, test_same_png_bytes);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(suite, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, test_error_unknown_indicator);
	tcase_add_test(tc, test_error_unknown_entity);
	tcase_add_test(tc, test_error_year_without_data);
	tcase_add_loop_test(tc, test_error_bad_canvas, 0, 5);
	tcase_add_test(tc, test_error_unwritable);
	tcase_add_test(tc, test_error_unknown_extension);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(suite, tc);

	tc = tcase_create("geometry");
	tcase_add_test(tc, test_negative_vertical);
	tcase_add_test(tc, test_negative_horizontal);
	tcase_add_test(tc, test_value_labels_inside_and_outside);
	tcase_add_test(tc, test_forecast_note_and_range);
	tcase_add_test(tc, test_stack_totals);
	tcase_add_test(tc, test_sort_and_highlight);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(suite, tc);
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(bar_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
