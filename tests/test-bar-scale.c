/* libreport tests: bar charts at any number of categories and series (white box: it reads
 * the scene, for the text sizes the layout dump does not carry).
 *
 * Synthetic data made here — invented Vietnamese place names with diacritics, some long,
 * and made-up values with four decimals — from 1 to 300 categories and 1 to 60 series,
 * grouped, stacked and 100% stacked, vertical and horizontal, at 1600 × 900, 720 × 405 and (horizontal)
 * with no height given. Each chart either draws, and then
 * - no two text boxes overlap and every one is inside the canvas (ct_layout_text_problems
 *   on the scene's own dump),
 * - no text is smaller than the legibility floor, LR_CHART_TEXT_SIZE_MIN,
 * - every category is named (labels are thinned only for years),
 * or fails with a message that names a size that fits — and the chart then draws at that
 * size — or says how to narrow the request.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <lreport/lreport.h>

#include <check.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart-private.h"
#include "chart-test-util.h"
#include "test-main.h"

#define N_ELEMENTS(array) ((int) (sizeof(array) / sizeof((array)[0])))

/* Syllables of invented place names; the first words of long ones. */
static const char *const syllables[] = {
	"Bình", "Hòa", "Quảng", "Thừa", "Xuân", "Lâm", "Đồng", "Hưng", "Yên", "Phước", "Sơn",
	"Thạnh", "Kiên", "Giang", "Nghệ", "Tĩnh", "Hải", "Dương", "Bắc", "Nam", "Trà", "Vĩnh",
	"Long", "Cà", "Mau", "Điện", "Biên", "Ninh", "Thuận", "Khánh", "Đắk", "Nông", "Lắk",
	"Tây", "Kạn", "Ưng", "Ấp", "Ổi", "Ỷ",
};

/* The @index-th invented name: two or three syllables and a number (so names never repeat),
 * every ninth a long "Thành phố …" name of seven syllables. */
static char *
place_name(GRand *rand, int index)
{
	GString *name = g_string_new(index % 9 == 4 ? "Thành phố " : NULL);
	int words = index % 9 == 4 ? 5 : 2 + (int) g_rand_int_range(rand, 0, 2);

	for (int w = 0; w < words; w++)
		g_string_append_printf(name, "%s%s", w ? " " : "",
				       syllables[g_rand_int_range(rand, 0, N_ELEMENTS(syllables))]);
	g_string_append_printf(name, " %d", index + 1);
	return g_string_free(name, FALSE);
}

/* @series indicators (one unit) over @categories places, one year; values 0.3–0.95 with
 * four decimals, two of them 0,7002 and 0,7001. The places' names go to @names (freed
 * by the caller with g_ptr_array_unref) when given. */
static lr_dataset_t *
places_dataset(int categories, int series, GPtrArray **names)
{
	lr_dataset_t *dataset = lr_dataset_create();
	GRand *rand = g_rand_new_with_seed((guint32) (categories * 131 + series));
	GPtrArray *places = g_ptr_array_new_with_free_func(g_free);

	for (int c = 0; c < categories; c++)
		g_ptr_array_add(places, place_name(rand, c));
	for (int s = 0; s < series; s++) {
		char id[32], name_vi[64], name_en[64];
		g_snprintf(id, sizeof id, "score_%02d", s);
		g_snprintf(name_vi, sizeof name_vi, "Chỉ số thử nghiệm %d", s + 1);
		g_snprintf(name_en, sizeof name_en, "Test score %d", s + 1);
		ct_add_indicator(dataset, id, name_vi, name_en, "điểm", "points", LR_INDICATOR_VALUE,
				 LR_DIRECTION_HIGHER);
		for (int c = 0; c < categories; c++) {
			double value = round(g_rand_double_range(rand, 0.3, 0.95) * 10000) / 10000;
			if (c == 1)
				value = 0.7002;
			if (c == 2)
				value = 0.7001;
			ct_add_observation(dataset, id, g_ptr_array_index(places, c), 2024, value, 0,
					   LR_OBSERVATION_ACTUAL);
		}
	}
	ct_label_test_source(dataset, false);
	g_rand_free(rand);
	if (names)
		*names = places;
	else
		g_ptr_array_unref(places);
	return dataset;
}

/* A chart of @series of @dataset's scores; takes over the caller's reference to @dataset. */
static lr_chart_t *
places_chart(lr_dataset_t *dataset, int series, lr_bar_layout_t layout, bool horizontal,
	     lr_language_t language)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);

	for (int s = 0; s < series; s++) {
		char id[32];
		g_snprintf(id, sizeof id, "score_%02d", s);
		lr_chart_add_indicator(chart, id);
	}
	lr_chart_set_bar_layout(chart, layout);
	lr_chart_set_orientation(chart, horizontal ? LR_ORIENTATION_HORIZONTAL
						   : LR_ORIENTATION_VERTICAL);
	lr_chart_set_language(chart, language);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	lr_dataset_destroy(dataset); /* the chart holds its own reference */
	return chart;
}

/* Lays @chart out at @width × @height (0: as tall as it needs) into @scene, as a draw does. */
static lr_status_t
layout_chart(const lr_chart_t *chart, double width, double height, lr_scene_t *scene,
	     lr_error_record_t *error)
{
	lr_status_t status;
	PangoContext *context = lr_fonts_get_context(&status);

	ck_assert_msg(context, "fonts: %s", lr_fonts_get_error());
	if (height == 0) {
		status = lr_bar_natural_height(chart, context, width, &height, error);
		if (status)
			return status;
	}
	lr_scene_init(scene, context, chart->theme, width, height);
	status = lr_bar_layout(chart, scene, error);
	if (status)
		lr_scene_clear(scene);
	return status;
}

/* Appends to @problems what is wrong with the laid-out @scene of a chart of @names. */
static void
check_scene(const lr_scene_t *scene, const GPtrArray *names, bool thinned_allowed,
	    const char *what, GString *problems)
{
	char *dump = lr_scene_describe(scene);
	ct_layout_t *layout = ct_layout_parse(dump);
	char *text_problems = ct_layout_text_problems(layout);

	if (text_problems)
		g_string_append_printf(problems, "%s: %s\n", what, text_problems);
	for (guint i = 0; i < scene->items->len; i++) {
		const lr_item_t *item = g_ptr_array_index(scene->items, i);
		if (item->kind == LR_ITEM_TEXT && item->text.size < LR_CHART_TEXT_SIZE_MIN - 1e-9)
			g_string_append_printf(problems, "%s: %s \"%s\" at %.2f, below the floor %g\n",
					       what, item->role, item->string, item->text.size,
					       LR_CHART_TEXT_SIZE_MIN);
	}
	if (!thinned_allowed && names) {
		guint labels = ct_layout_count(layout, "category-label");
		if (labels != names->len)
			g_string_append_printf(problems, "%s: %u category labels for %u categories\n",
					       what, labels, names->len);
	}
	g_free(text_problems);
	ct_layout_free(layout);
	g_free(dump);
}

/* Reads "need at least W × H" from @message. */
static bool
size_in_message(const char *message, double *width, double *height)
{
	const char *at = strstr(message, "need at least ");

	if (!at)
		return false;
	return sscanf(at + strlen("need at least "), "%lf × %lf", width, height) == 2;
}

/* Lays out one chart and checks it (see the top of the file). */
static void
check_chart(const lr_chart_t *chart, const GPtrArray *names, double width, double height,
	    const char *what, GString *problems)
{
	lr_error_record_t error = { 0 };
	lr_scene_t scene;
	lr_status_t status = layout_chart(chart, width, height, &scene, &error);

	if (status == LR_STATUS_SUCCESS) {
		check_scene(&scene, names, false, what, problems);
		lr_scene_clear(&scene);
		return;
	}
	{
		const char *message = error.message ? error.message : "";
		double fit_width, fit_height;
		if (!size_in_message(message, &fit_width, &fit_height)) {
			/* Not a size: then it must say how to narrow the chart. */
			if (!strstr(message, "draw ") && !strstr(message, "choose"))
				g_string_append_printf(problems, "%s: failed without saying what would "
						       "work: %s\n", what, message);
		} else {
			lr_error_record_t again = { 0 };
			char *fit_what = g_strdup_printf("%s at the size its error named (%g × %g)",
							 what, fit_width, fit_height);
			ck_assert_msg(fit_width >= width && fit_height >= height,
				      "%s: the size named is smaller: %s", what, message);
			if (layout_chart(chart, fit_width, fit_height, &scene, &again) ==
			    LR_STATUS_SUCCESS) {
				check_scene(&scene, names, false, fit_what, problems);
				lr_scene_clear(&scene);
			} else {
				g_string_append_printf(problems, "%s: %s\n", fit_what, again.message);
			}
			lr_error_record_clear(&again);
			g_free(fit_what);
		}
	}
	lr_error_record_clear(&error);
}

/* _i: one shape of the data: categories × series. */
static const int shapes[][2] = {
	{ 1, 1 }, { 2, 1 }, { 7, 1 }, { 25, 1 }, { 63, 1 }, { 150, 1 }, { 300, 1 },
	{ 63, 3 }, { 300, 3 }, { 12, 8 }, { 5, 20 }, { 3, 60 }, { 1, 60 },
};

START_TEST(test_shapes_draw_or_say_what_fits)
{
	static const double sizes[][2] = { { 1600, 900 }, { 720, 405 }, { 1600, 0 } };
	int categories = shapes[_i][0], series = shapes[_i][1];
	GPtrArray *names;
	lr_dataset_t *dataset = places_dataset(categories, series, &names);
	GString *problems = g_string_new(NULL);

	static const lr_bar_layout_t layouts[] = { LR_BAR_GROUPED, LR_BAR_STACKED, LR_BAR_PERCENT };
	static const char *const layout_names[] = { "grouped", "stacked", "percent" };

	for (int layout = 0; layout < (series > 1 ? N_ELEMENTS(layouts) : 1); layout++)
		for (int horizontal = 0; horizontal < 2; horizontal++)
			for (int language = 0; language < 2; language++)
				for (int z = 0; z < N_ELEMENTS(sizes); z++) {
					lr_chart_t *chart;
					char *what;
					if (sizes[z][1] == 0 && !horizontal)
						continue;
					/* English at the default size only: the words differ, not the
					 * layout rules. */
					if (language == 1 && z != 0)
						continue;
					chart = places_chart(lr_dataset_reference(dataset), series,
							     layouts[layout],
							     horizontal, language ? LR_LANGUAGE_EN
										  : LR_LANGUAGE_VI);
					what = g_strdup_printf("%d categories × %d series, %s %s, %s, %g × %g",
							       categories, series,
							       layout_names[layout],
							       horizontal ? "horizontal" : "vertical",
							       language ? "en" : "vi", sizes[z][0],
							       sizes[z][1]);
					check_chart(chart, names, sizes[z][0], sizes[z][1], what, problems);
					g_free(what);
					lr_chart_destroy(chart);
				}
	ck_assert_msg(problems->len == 0, "%s", ct_brief(problems->str));
	g_string_free(problems, TRUE);
	g_ptr_array_unref(names);
	lr_dataset_destroy(dataset);
}
END_TEST

/* The rules are not vacuous: at 1600 × 900, 63 vertical bars turn their labels and draw,
 * 300 are refused with the width that fits; 63 horizontal bars at a fixed 16:9 size are
 * refused with the height that fits, and drawn as tall as they need with no height. */
START_TEST(test_crowded_charts_adapt)
{
	lr_dataset_t *dataset = places_dataset(300, 1, NULL);
	lr_dataset_t *some = places_dataset(63, 1, NULL);
	lr_chart_t *chart = places_chart(lr_dataset_reference(some), 1, LR_BAR_GROUPED, false,
					 LR_LANGUAGE_VI);
	lr_error_record_t error = { 0 };
	lr_scene_t scene;
	double width, height;
	guint turned = 0;

	ck_assert_int_eq(layout_chart(chart, 1600, 900, &scene, &error), LR_STATUS_SUCCESS);
	for (guint i = 0; i < scene.items->len; i++) {
		const lr_item_t *item = g_ptr_array_index(scene.items, i);
		turned += item->kind == LR_ITEM_TEXT && item->rotated &&
			  strcmp(item->role, "category-label") == 0;
	}
	ck_assert_uint_eq(turned, 63);
	lr_scene_clear(&scene);
	lr_chart_destroy(chart);

	chart = places_chart(lr_dataset_reference(dataset), 1, LR_BAR_GROUPED, false, LR_LANGUAGE_VI);
	ck_assert_int_eq(layout_chart(chart, 1600, 900, &scene, &error), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_msg(size_in_message(error.message, &width, &height), "%s", error.message);
	ck_assert_msg(width > 1600 && height == 900, "%s", error.message);
	/* Both orientations' messages come from one place (crowded_error): pin their words. */
	ck_assert_msg(g_str_has_prefix(error.message, "the canvas (1600 × 900) is too small for 300 "
				       "vertical bars: their labels, turned and at the smallest "
				       "legible size (8), need at least ") &&
		      g_str_has_suffix(error.message, "; or draw horizontal bars (--horizontal, with "
				       "--size 1600x to take the height they need)"),
		      "%s", error.message);
	lr_error_record_clear(&error);
	lr_chart_destroy(chart);

	chart = places_chart(lr_dataset_reference(some), 1, LR_BAR_GROUPED, true, LR_LANGUAGE_VI);
	ck_assert_int_eq(layout_chart(chart, 1600, 900, &scene, &error), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_msg(size_in_message(error.message, &width, &height), "%s", error.message);
	ck_assert_msg(width == 1600 && height > 900, "%s", error.message);
	ck_assert_msg(g_str_has_prefix(error.message, "the canvas (1600 × 900) is too small for 63 "
				       "horizontal bars: their labels, even at the smallest legible "
				       "size (8), need at least 1600 × ") &&
		      g_str_has_suffix(error.message, "; or give no height (--size 1600x, height 0) "
				       "and the chart takes the height it needs"),
		      "%s", error.message);
	lr_error_record_clear(&error);
	{
		lr_status_t status;
		PangoContext *context = lr_fonts_get_context(&status);
		ck_assert_int_eq(lr_bar_natural_height(chart, context, 1600, &height, &error),
				 LR_STATUS_SUCCESS);
	}
	ck_assert_msg(height > 1600, "63 bands of labels at full size in %g", height);
	lr_chart_destroy(chart);
	lr_dataset_destroy(some);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Between level and upright labels there is a step: 30 places at 1600 × 900 (about 50 px a
 * band) turn their labels 45°, each ending at its bar's tick, none overprinting (the
 * overlap check uses the turned rectangles). Without the step they stood upright. */
START_TEST(test_labels_angled_between_level_and_upright)
{
	GPtrArray *names;
	lr_dataset_t *dataset = places_dataset(30, 1, &names);
	lr_chart_t *chart = places_chart(dataset, 1, LR_BAR_GROUPED, false, LR_LANGUAGE_VI);
	lr_error_record_t error = { 0 };
	GString *problems = g_string_new(NULL);
	lr_scene_t scene;
	guint angled = 0, bars = 0;
	double centres[30];

	ck_assert_int_eq(layout_chart(chart, 1600, 900, &scene, &error), LR_STATUS_SUCCESS);
	check_scene(&scene, names, false, "30 places", problems);
	ck_assert_msg(problems->len == 0, "%s", ct_brief(problems->str));
	for (guint i = 0; i < scene.items->len; i++) {
		const lr_item_t *item = g_ptr_array_index(scene.items, i);
		if (item->kind == LR_ITEM_RECT && strcmp(item->role, "bar") == 0 && bars < 30)
			centres[bars++] = item->x + item->width / 2;
	}
	ck_assert_uint_eq(bars, 30);
	for (guint i = 0; i < scene.items->len; i++) {
		const lr_item_t *item = g_ptr_array_index(scene.items, i);
		double end;
		if (item->kind != LR_ITEM_TEXT || strcmp(item->role, "category-label") != 0)
			continue;
		ck_assert_msg(item->angled && !item->rotated, "%s is not angled", item->string);
		/* The middle of the text's end: the box's right corner less half the thickness. */
		end = item->x + item->width - item->text.height * G_SQRT2 / 4;
		ck_assert_msg(fabs(end - centres[angled]) < 0.5, "%s ends at %g, its bar's middle is %g",
			      item->string, end, centres[angled]);
		ck_assert_double_eq_tol(item->width, (item->text.width + item->text.height) * G_SQRT2 / 2,
					1e-6);
		angled++;
	}
	ck_assert_uint_eq(angled, 30);
	lr_scene_clear(&scene);
	g_string_free(problems, TRUE);
	g_ptr_array_unref(names);
	lr_chart_destroy(chart);
}
END_TEST

/* What is drawn of an angled label is where its item says: the ink fills the bounding box
 * (to within a few pixels of the font's side bearings), and never leaves it. */
START_TEST(test_angled_text_drawn_in_its_box)
{
	lr_dataset_t *dataset = places_dataset(2, 1, NULL);
	lr_chart_t *chart = places_chart(dataset, 1, LR_BAR_GROUPED, false, LR_LANGUAGE_VI);
	lr_status_t status;
	PangoContext *context = lr_fonts_get_context(&status);
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 600, 400);
	cairo_t *cr = cairo_create(surface);
	lr_scene_t scene;
	lr_text_t text;
	const lr_item_t *item;
	int x0 = 600, y0 = 400, x1 = -1, y1 = -1;

	lr_scene_init(&scene, context, chart->theme, 600, 400);
	ck_assert_int_eq(lr_scene_measure(&scene, "Thành phố Hồ Chí Minh", 1, false, 0, 0,
					  PANGO_ALIGN_LEFT, &text), LR_STATUS_SUCCESS);
	item = lr_scene_add_text_angled(&scene, "category-label", &text, 400, 50,
					(lr_color_t) { 0, 0, 0 });
	lr_scene_draw(&scene, cr);
	cairo_surface_flush(surface);
	for (int y = 0; y < 400; y++)
		for (int x = 0; x < 600; x++) {
			const guint32 *row = (const guint32 *) (const void *)
				(cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface));
			if (row[x] >> 24 == 0)
				continue;
			x0 = MIN(x0, x);
			y0 = MIN(y0, y);
			x1 = MAX(x1, x + 1);
			y1 = MAX(y1, y + 1);
		}
	ck_assert_msg(x0 >= item->x - 1 && y0 >= item->y - 1 && x1 <= item->x + item->width + 1 &&
		      y1 <= item->y + item->height + 1,
		      "ink %d,%d–%d,%d leaves the box %g,%g %g × %g", x0, y0, x1, y1, item->x, item->y,
		      item->width, item->height);
	ck_assert_msg(x1 - x0 > item->width * 0.85 && y1 - y0 > item->height * 0.85,
		      "ink %d × %d fills little of the box %g × %g", x1 - x0, y1 - y0, item->width,
		      item->height);
	/* The text ends at its anchor: ink reaches the anchor's column, not beyond a line. */
	ck_assert_msg(x1 > 400 && x1 < 400 + item->text.height, "ink ends at x = %d", x1);
	lr_scene_clear(&scene);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	lr_chart_destroy(chart);
}
END_TEST

/* Ordered categories (years) are thinned before they are turned: 2000, 2002 … */
START_TEST(test_years_thinned)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_chart_t *chart;
	lr_error_record_t error = { 0 };
	lr_scene_t scene;
	GString *problems = g_string_new(NULL);
	guint labels = 0;

	ct_add_indicator(dataset, "users", "Người dùng (thử nghiệm)", "Users (test)", "triệu",
			 "million", LR_INDICATOR_VALUE, LR_DIRECTION_HIGHER);
	for (int year = 1975; year <= 2024; year++)
		ct_add_observation(dataset, "users", CT_VIET_NAM, year, (year - 1970) * 1.5, 0,
				   LR_OBSERVATION_ACTUAL);
	ct_label_test_source(dataset, false);
	chart = lr_chart_create(LR_CHART_BAR, dataset);
	lr_chart_add_indicator(chart, "users");
	ck_assert_int_eq(layout_chart(chart, 1600, 900, &scene, &error), LR_STATUS_SUCCESS);
	check_scene(&scene, NULL, true, "50 years", problems);
	ck_assert_msg(problems->len == 0, "%s", ct_brief(problems->str));
	for (guint i = 0; i < scene.items->len; i++) {
		const lr_item_t *item = g_ptr_array_index(scene.items, i);
		if (item->kind != LR_ITEM_TEXT || strcmp(item->role, "category-label") != 0)
			continue;
		ck_assert_msg(!item->rotated, "year %s turned", item->string);
		ck_assert_msg(atoi(item->string) % 2 == 0, "year %s labelled", item->string);
		labels++;
	}
	ck_assert_uint_eq(labels, 25);
	lr_scene_clear(&scene);
	g_string_free(problems, TRUE);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

static Suite *
bar_scale_suite(void)
{
	Suite *suite = suite_create("bar-scale");
	TCase *tc = ct_add_tcase(suite, "shapes", 240);

	tcase_add_loop_test(tc, test_shapes_draw_or_say_what_fits, 0, N_ELEMENTS(shapes));
	tcase_add_test(tc, test_crowded_charts_adapt);
	tcase_add_test(tc, test_years_thinned);
	tcase_add_test(tc, test_labels_angled_between_level_and_upright);
	tcase_add_test(tc, test_angled_text_drawn_in_its_box);
	return suite;
}

const lr_test_program_t lr_test_program = { bar_scale_suite, NULL, NULL };
