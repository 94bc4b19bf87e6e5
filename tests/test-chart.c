/* libreport tests: the chart object's contract (white box: links the internal library, for
 * the spec options of chart-spec-private.h).
 *
 * - Lifecycle: a dataset may grow after charts of it exist (ASan would catch a chart reading
 *   the indicator array the dataset reallocated); two threads create, draw and destroy
 *   charts of one dataset with one shared theme (reference counts, immutable theme).
 * - Errors: lr_chart_validate() finds a bad request without a canvas; a call's error does not
 *   stick (a failed draw or write followed by a good one succeeds); an option of the other
 *   kind is a sticky UNSUPPORTED.
 * - Names: every _from_string() / _to_string() pair round-trips; run-time version.
 * - Spec options and charts.ini: every error located (file:line:column) and saying what was
 *   expected; the real data/charts.ini loads; unsafe names are refused; non-regular files and
 *   files above LR_FILE_SIZE_MAX are refused before reading.
 * - Selection is linear in entities.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <lreport/lreport.h>

#include <cairo.h>
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-main.h"
#include "chart-test-util.h"
#include "chart-spec-private.h"
#include "chart-match-private.h"

/* ---- lifecycle ---------------------------------------------------------------------------- */

static lr_dataset_t *
small_dataset(void)
{
	lr_dataset_t *dataset = lr_dataset_create();

	ct_add_indicator(dataset, "revenue", "Doanh thu", "Revenue", "tỷ USD", "billion USD",
			 LR_INDICATOR_VALUE, LR_DIRECTION_HIGHER);
	for (int year = 2020; year <= 2022; year++)
		ct_add_observation(dataset, "revenue", "Việt Nam", year, year - 2000.0, 0,
				   LR_OBSERVATION_ACTUAL);
	return dataset;
}

START_TEST(test_dataset_grows_after_chart)
{
	lr_dataset_t *dataset = small_dataset();
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);
	char *layout;

	lr_chart_add_indicator(chart, "revenue");
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_SUCCESS);
	/* Enough indicators and observations that both arrays move in memory. */
	for (int i = 0; i < 500; i++) {
		char id[32];
		g_snprintf(id, sizeof id, "more_%03d", i);
		ct_add_indicator(dataset, id, "Thêm", "More", "", "", LR_INDICATOR_VALUE,
				 LR_DIRECTION_HIGHER);
		ct_add_observation(dataset, id, "Việt Nam", 2021, i, 0, LR_OBSERVATION_ACTUAL);
	}
	/* A new entity of the chart's indicator shows at the next draw. */
	ct_add_observation(dataset, "revenue", "Lào", 2021, 3, 0, LR_OBSERVATION_ACTUAL);
	ct_add_observation(dataset, "revenue", "Lào", 2022, 4, 0, LR_OBSERVATION_ACTUAL);
	lr_chart_add_entity(chart, "Lào");
	lr_chart_add_entity(chart, "Việt Nam");
	layout = lr_chart_describe_layout(chart, 800, 450);
	ck_assert_msg(layout, "%s", lr_chart_get_error(chart) ? lr_chart_get_error(chart)->message : "");
	ck_assert_ptr_nonnull(strstr(layout, "\"Lào\""));
	ck_assert_ptr_nonnull(strstr(layout, "\"Doanh thu\""));
	lr_free(layout);
	/* And drawn, after more growth: an indicator added after the chart can join it. */
	/* In the unit of "revenue": one value axis cannot measure two units. */
	ct_add_indicator(dataset, "late", "Muộn", "Late", "tỷ USD", "billion USD", LR_INDICATOR_VALUE,
			 LR_DIRECTION_HIGHER);
	ct_add_observation(dataset, "late", "Việt Nam", 2022, 9, 0, LR_OBSERVATION_ACTUAL);
	{
		cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 800, 450);
		cairo_t *cr = cairo_create(surface);
		lr_rect_t rect = { 0, 0, 800, 450 };
		lr_chart_t *late = lr_chart_create(LR_CHART_BAR, dataset);

		lr_chart_add_indicator(late, "revenue");
		lr_chart_add_indicator(late, "late");
		lr_chart_add_year(late, 2022);
		lr_chart_add_entity(late, "Việt Nam");
		ck_assert_int_eq(lr_chart_draw(chart, cr, &rect), LR_STATUS_SUCCESS);
		ck_assert_int_eq(lr_chart_draw(late, cr, &rect), LR_STATUS_SUCCESS);
		lr_chart_destroy(late);
		cairo_destroy(cr);
		cairo_surface_destroy(surface);
	}
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

typedef struct {
	lr_dataset_t *dataset;
	lr_theme_t *theme;
	const char *expected;
	gint *waiting;
	int failures;
} thread_job_t;

#define THREAD_ROUNDS 6

static gpointer
thread_job(gpointer data)
{
	thread_job_t *job = data;

	g_atomic_int_add(job->waiting, -1);
	while (g_atomic_int_get(job->waiting) > 0)
		g_thread_yield();
	for (int round = 0; round < THREAD_ROUNDS; round++) {
		/* Each chart takes and drops references to the shared dataset and theme. */
		lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, job->dataset);
		char *layout;
		lr_chart_add_indicator(chart, "revenue");
		lr_chart_set_theme(chart, job->theme);
		layout = lr_chart_describe_layout(chart, 640, 360);
		if (!layout || strcmp(layout, job->expected) != 0)
			job->failures++;
		lr_free(layout);
		lr_chart_destroy(chart);
	}
	return NULL;
}

START_TEST(test_threads_share_dataset_and_theme)
{
	lr_dataset_t *dataset = small_dataset();
	lr_theme_t *theme = lr_theme_create_print();
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);
	thread_job_t jobs[2];
	GThread *threads[2];
	gint waiting = 2;
	char *expected;

	lr_chart_add_indicator(chart, "revenue");
	lr_chart_set_theme(chart, theme);
	expected = lr_chart_describe_layout(chart, 640, 360);
	ck_assert_ptr_nonnull(expected);
	lr_chart_destroy(chart);
	for (int i = 0; i < 2; i++) {
		jobs[i] = (thread_job_t) { dataset, theme, expected, &waiting, 0 };
		threads[i] = g_thread_new("chart", thread_job, &jobs[i]);
	}
	for (int i = 0; i < 2; i++) {
		g_thread_join(threads[i]);
		ck_assert_int_eq(jobs[i].failures, 0);
	}
	/* The charts are gone; the caller's references still hold. */
	ck_assert_int_eq(lr_theme_status(theme), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(lr_dataset_get_observation_count(dataset), 3);
	lr_free(expected);
	lr_theme_destroy(theme);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---- errors ------------------------------------------------------------------------------- */

START_TEST(test_validate)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart;

	chart = lr_chart_create(LR_CHART_BAR, dataset);
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_INVALID_ARGUMENT);
	ct_assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT, "no indicator");
	lr_chart_add_indicator(chart, "ecommerce_revenue");
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	ck_assert_ptr_null(lr_chart_get_error(chart));
	lr_chart_add_entity(chart, "Atlantis");
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_UNKNOWN_ENTITY);
	ct_assert_chart_error(chart, LR_STATUS_UNKNOWN_ENTITY, "Atlantis");
	lr_chart_destroy(chart);

	chart = lr_chart_create(LR_CHART_RANK, dataset);
	lr_chart_add_indicator(chart, "ecommerce_revenue");
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_UNSUPPORTED);
	ct_assert_chart_error(chart, LR_STATUS_UNSUPPORTED, "not a rank");
	lr_chart_destroy(chart);

	chart = lr_chart_create(LR_CHART_RANK, dataset);
	lr_chart_add_indicator(chart, "egdi_rank");
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_SUCCESS);
	lr_chart_add_year(chart, 2024);
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_UNSUPPORTED);
	ct_assert_chart_error(chart, LR_STATUS_UNSUPPORTED, "at least two years");
	lr_chart_destroy(chart);

	ck_assert_int_eq(lr_chart_validate(NULL), LR_STATUS_NULL_POINTER);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Year ranges keep the years with data within them; a range without any is an error. */
START_TEST(test_year_ranges)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart;
	lr_error_record_t error = { 0 };
	lr_spec_location_t at = { "charts.ini", 4, 1, 6 };

	/* egdi_rank has 2022 and 2024: 2022-2023 leaves one year, too few for a ranking. */
	chart = lr_chart_create(LR_CHART_RANK, dataset);
	lr_chart_add_indicator(chart, "egdi_rank");
	lr_chart_add_year_range(chart, 2022, 2023);
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_UNSUPPORTED);
	ct_assert_chart_error(chart, LR_STATUS_UNSUPPORTED, "only 2022");
	lr_chart_add_year_range(chart, 2024, 2030);
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_SUCCESS);
	lr_chart_destroy(chart);

	/* ecommerce_revenue has 2021, 2023, 2024: 2022 alone is an error, inside a range not. */
	chart = lr_chart_create(LR_CHART_BAR, dataset);
	lr_chart_add_indicator(chart, "ecommerce_revenue");
	lr_chart_add_year_range(chart, 2021, 2022);
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_SUCCESS);
	lr_chart_add_year_range(chart, 2025, 2030);
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_NO_DATA);
	ct_assert_chart_error(chart, LR_STATUS_NO_DATA, "no data from 2025 to 2030");
	lr_chart_destroy(chart);

	chart = lr_chart_create(LR_CHART_BAR, dataset);
	lr_chart_add_year_range(chart, 2024, 2022);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_INVALID_ARGUMENT);
	ct_assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT, "2024-2022");
	lr_chart_destroy(chart);

	/* charts.ini takes ranges too, and locates a bad one. */
	chart = lr_chart_create(LR_CHART_RANK, dataset);
	ck_assert_int_eq(lr_chart_apply_option(chart, "indicator", "egdi_rank", LR_LANGUAGE_VI, &at, &error),
			 LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_apply_option(chart, "year", "2020-2024", LR_LANGUAGE_VI, &at, &error),
			 LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_apply_option(chart, "year", "2024-2020", LR_LANGUAGE_VI, &at, &error),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_msg(strstr(error.message, "range like 2022-2024") && error.public.line == 4,
		      "%s", error.message);
	lr_error_record_clear(&error);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_failed_calls_do_not_stick)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, dataset);
	char *dir = ct_make_temp_dir();
	char *missing = g_build_filename(dir, "no-such-folder", "chart.png", NULL);
	char *good = g_build_filename(dir, "chart.png", NULL);
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 800, 450);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t tiny = { 0, 0, 20, 10 }, whole = { 0, 0, 800, 450 };

	lr_chart_add_indicator(chart, "ecommerce_revenue");
	/* A draw into a rectangle too small, then a good one. */
	ck_assert_int_eq(lr_chart_draw(chart, cr, &tiny), LR_STATUS_INVALID_ARGUMENT);
	ct_assert_chart_error(chart, LR_STATUS_INVALID_ARGUMENT, "too small");
	ck_assert_int_eq(lr_chart_draw(chart, cr, &whole), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	ck_assert_ptr_null(lr_chart_get_error(chart));
	/* A write to a missing folder, then a good one; each error names its own file. */
	ck_assert_int_eq(lr_chart_write(chart, missing, LR_FORMAT_AUTO, 800, 450, 1),
			 LR_STATUS_WRITE_ERROR);
	ct_assert_chart_error(chart, LR_STATUS_WRITE_ERROR, missing);
	ck_assert_int_eq(lr_chart_write(chart, good, LR_FORMAT_AUTO, 800, 450, 1), LR_STATUS_SUCCESS);
	ck_assert(g_file_test(good, G_FILE_TEST_IS_REGULAR));
	ck_assert_int_eq(lr_chart_write(chart, good, LR_FORMAT_AUTO, 0, 450, 1),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_ptr_null(strstr(lr_chart_get_error(chart)->message, missing));
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	ct_remove_tree(dir);
	g_free(dir);
	g_free(missing);
	g_free(good);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_kind_only_setters)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart;

	for (int which = 0; which < 3; which++) {
		chart = lr_chart_create(LR_CHART_RANK, dataset);
		lr_chart_add_indicator(chart, "egdi_rank");
		if (which == 0)
			lr_chart_set_bar_layout(chart, LR_BAR_STACKED);
		else if (which == 1)
			lr_chart_set_orientation(chart, LR_ORIENTATION_HORIZONTAL);
		else
			lr_chart_set_sort(chart, LR_SORT_DESCENDING);
		ct_assert_chart_error(chart, LR_STATUS_UNSUPPORTED, "only bar charts");
		/* Sticky: a specification error. */
		ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_UNSUPPORTED);
		lr_chart_destroy(chart);
	}
	/* Highlight applies to both kinds. */
	chart = lr_chart_create(LR_CHART_RANK, dataset);
	lr_chart_add_indicator(chart, "egdi_rank");
	lr_chart_set_highlight(chart, "Việt Nam");
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_SUCCESS);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---- names and version -------------------------------------------------------------------- */

START_TEST(test_enum_names)
{
	lr_chart_kind_t kind;
	lr_bar_layout_t layout;
	lr_orientation_t orientation;
	lr_sort_t sort;
	lr_file_format_t format;
	lr_language_t language;
	lr_theme_preset_t preset;
	lr_indicator_kind_t indicator_kind;
	lr_direction_t direction;
	lr_observation_status_t status;

	for (int i = 0; i <= LR_CHART_RANK; i++) {
		ck_assert_int_eq(lr_chart_kind_from_string(lr_chart_kind_to_string(i), &kind), 0);
		ck_assert_int_eq(kind, i);
	}
	for (int i = 0; i <= LR_BAR_PERCENT; i++) {
		ck_assert_int_eq(lr_bar_layout_from_string(lr_bar_layout_to_string(i), &layout), 0);
		ck_assert_int_eq(layout, i);
	}
	for (int i = 0; i <= LR_ORIENTATION_HORIZONTAL; i++) {
		ck_assert_int_eq(lr_orientation_from_string(lr_orientation_to_string(i), &orientation), 0);
		ck_assert_int_eq(orientation, i);
	}
	for (int i = 0; i <= LR_SORT_DESCENDING; i++) {
		ck_assert_int_eq(lr_sort_from_string(lr_sort_to_string(i), &sort), 0);
		ck_assert_int_eq(sort, i);
	}
	for (int i = 0; i <= LR_FORMAT_SVG; i++) {
		ck_assert_int_eq(lr_file_format_from_string(lr_file_format_to_string(i), &format), 0);
		ck_assert_int_eq(format, i);
	}
	for (int i = 0; i <= LR_LANGUAGE_EN; i++) {
		ck_assert_int_eq(lr_language_from_string(lr_language_to_string(i), &language), 0);
		ck_assert_int_eq(language, i);
	}
	for (int i = 0; i <= LR_THEME_PRESET_PRINT; i++) {
		ck_assert_int_eq(lr_theme_preset_from_string(lr_theme_preset_to_string(i), &preset), 0);
		ck_assert_int_eq(preset, i);
	}
	for (int i = 0; i <= LR_INDICATOR_GROWTH; i++) {
		ck_assert_int_eq(lr_indicator_kind_from_string(lr_indicator_kind_to_string(i),
							       &indicator_kind), 0);
		ck_assert_int_eq(indicator_kind, i);
	}
	for (int i = 0; i <= LR_DIRECTION_NEUTRAL; i++) {
		ck_assert_int_eq(lr_direction_from_string(lr_direction_to_string(i), &direction), 0);
		ck_assert_int_eq(direction, i);
	}
	for (int i = 0; i <= LR_OBSERVATION_TARGET; i++) {
		ck_assert_int_eq(lr_observation_status_from_string(lr_observation_status_to_string(i),
								   &status), 0);
		ck_assert_int_eq(status, i);
	}
	/* The spellings users type, and what is refused. */
	ck_assert_str_eq(lr_sort_to_string(LR_SORT_DESCENDING), "desc");
	ck_assert_str_eq(lr_chart_kind_to_string((lr_chart_kind_t) 7), "unknown");
	ck_assert_str_eq(lr_language_to_string((lr_language_t) 7), "unknown");
	kind = LR_CHART_RANK;
	ck_assert_int_eq(lr_chart_kind_from_string("Bar", &kind), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(kind, LR_CHART_RANK);
	ck_assert_int_eq(lr_sort_from_string(NULL, &sort), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_file_format_from_string("png", NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_theme_preset_from_string("dark", &preset), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_theme_status(lr_theme_create_preset((lr_theme_preset_t) 9)),
			 LR_STATUS_INVALID_ARGUMENT);
}
END_TEST

START_TEST(test_version)
{
	char expected[32];

	ck_assert_uint_eq(lr_version(), LR_VERSION);
	ck_assert_uint_eq(lr_version(), LR_VERSION_ENCODE(LR_VERSION_MAJOR, LR_VERSION_MINOR,
							  LR_VERSION_MICRO));
	ck_assert(LR_VERSION_ATLEAST(0, 2, 0));
	ck_assert(!LR_VERSION_ATLEAST(LR_VERSION_MAJOR, LR_VERSION_MINOR, LR_VERSION_MICRO + 1));
	ck_assert(lr_version() >= LR_VERSION_ENCODE(0, 2, 0));
	g_snprintf(expected, sizeof expected, "%d.%d.%d", LR_VERSION_MAJOR, LR_VERSION_MINOR,
		   LR_VERSION_MICRO);
	ck_assert_str_eq(lr_version_string(), expected);
}
END_TEST

/* ---- spec options ------------------------------------------------------------------------- */

/* Asserts @error is at @line:@column of "block.md" with @status and says @phrase. */
static void
assert_located(const lr_error_record_t *error, lr_status_t status, unsigned line,
	       unsigned column, const char *phrase)
{
	ck_assert_msg(error->message, "no error");
	ck_assert_msg(error->public.status == status, "status %s, expected %s (%s)",
		      lr_status_to_string(error->public.status), lr_status_to_string(status),
		      error->message);
	ck_assert_str_eq(error->public.file, "block.md");
	ck_assert_msg(error->public.line == line && error->public.column == column,
		      "'%s' at %u:%u, expected %u:%u", error->message, error->public.line,
		      error->public.column, line, column);
	ck_assert_msg(strstr(error->message, phrase), "'%s' should say '%s'", error->message, phrase);
}

/* _i: which option, and where its error must point. */
START_TEST(test_apply_option_errors)
{
	static const struct {
		lr_chart_kind_t kind;
		const char *key, *value;
		lr_status_t status;
		unsigned column; /* the key starts at 3, the value at 20 */
		const char *phrase;
	} cases[] = {
		{ LR_CHART_BAR, "indicator", "ecommerce_revenue; nope", LR_STATUS_UNKNOWN_INDICATOR, 39, "unknown indicator 'nope'" },
		{ LR_CHART_BAR, "indicator", " ; ", LR_STATUS_INVALID_ARGUMENT, 20, "expected one or more values" },
		{ LR_CHART_BAR, "year", "2023;20x4", LR_STATUS_INVALID_ARGUMENT, 25, "expected a year from 1900 to 2100" },
		{ LR_CHART_BAR, "layout", "diagonal", LR_STATUS_INVALID_ARGUMENT, 20, "expected grouped, stacked or percent" },
		{ LR_CHART_RANK, "layout", "stacked", LR_STATUS_UNSUPPORTED, 20, "only bar charts" },
		{ LR_CHART_BAR, "horizontal", "maybe", LR_STATUS_INVALID_ARGUMENT, 20, "expected true or false" },
		{ LR_CHART_BAR, "sort", "up", LR_STATUS_INVALID_ARGUMENT, 20, "expected none, asc or desc" },
		{ LR_CHART_BAR, "theme", "dark", LR_STATUS_INVALID_ARGUMENT, 20, "expected default or print" },
		{ LR_CHART_BAR, "colour", "red", LR_STATUS_INVALID_ARGUMENT, 3, "unknown key 'colour'" },
		{ LR_CHART_BAR, "kind", "rank", LR_STATUS_INVALID_ARGUMENT, 20, "already a bar chart" },
		{ LR_CHART_BAR, "title", "\xff", LR_STATUS_INVALID_UTF8, 20, "not valid UTF-8" },
	};
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = lr_chart_create(cases[_i].kind, dataset);
	lr_spec_location_t at = { "block.md", 7, 3, 20 };
	lr_error_record_t error = { 0 };

	ck_assert_int_eq(lr_chart_apply_option(chart, cases[_i].key, cases[_i].value,
					       LR_LANGUAGE_VI, &at, &error), cases[_i].status);
	assert_located(&error, cases[_i].status, 7, cases[_i].column, cases[_i].phrase);
	lr_error_record_clear(&error);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_create_from_options)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_spec_location_t block = { "block.md", 10, 1, 1 };
	lr_spec_option_t options[] = {
		{ "title_en", "Rankings", { "block.md", 11, 1, 10 } },
		{ "indicator", "egdi_rank;gii_rank", { "block.md", 12, 1, 11 } },
		{ "kind", "rank", { "block.md", 13, 1, 6 } },
		{ "title_vi", "Thứ hạng", { "block.md", 14, 1, 10 } },
	};
	lr_error_record_t error = { 0 };
	lr_chart_t *chart;
	char *layout;

	/* The kind may come anywhere; the title follows the language. */
	chart = lr_chart_create_from_options(dataset, LR_LANGUAGE_EN, options, G_N_ELEMENTS(options),
					     &block, &error);
	ck_assert_msg(chart, "%s", error.message);
	ck_assert_int_eq(lr_chart_get_kind(chart), LR_CHART_RANK);
	layout = lr_chart_describe_layout(chart, 800, 450);
	ck_assert_ptr_nonnull(strstr(layout, "\"Rankings\""));
	ck_assert_ptr_null(strstr(layout, "Thứ hạng\""));
	lr_free(layout);
	lr_chart_destroy(chart);

	/* No kind: the block's error. */
	ck_assert_ptr_null(lr_chart_create_from_options(dataset, LR_LANGUAGE_VI, options, 2, &block,
							&error));
	assert_located(&error, LR_STATUS_INVALID_ARGUMENT, 10, 1, "no kind");
	/* A request the data cannot satisfy: found at once, the block's error. */
	options[1].value = "ecommerce_revenue";
	ck_assert_ptr_null(lr_chart_create_from_options(dataset, LR_LANGUAGE_VI, options,
							G_N_ELEMENTS(options), &block, &error));
	assert_located(&error, LR_STATUS_UNSUPPORTED, 10, 1, "not a rank");
	lr_error_record_clear(&error);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_safe_names)
{
	static const char *const unsafe[] = { "", ".", "..", "../x", "a/b", "a\\b", "a..b", "a\tb",
					      "a\nb", "\x7f" };
	static const char *const safe[] = { "ecommerce-revenue", "chỉ-số_2024", ".hidden-ok", "a.b" };

	for (unsigned i = 0; i < G_N_ELEMENTS(unsafe); i++)
		ck_assert_msg(!lr_chart_name_is_safe(unsafe[i]), "'%s' accepted", unsafe[i]);
	for (unsigned i = 0; i < G_N_ELEMENTS(safe); i++)
		ck_assert_msg(lr_chart_name_is_safe(safe[i]), "'%s' refused", safe[i]);
	ck_assert(!lr_chart_name_is_safe(NULL));
}
END_TEST

/* ---- charts.ini --------------------------------------------------------------------------- */

START_TEST(test_chart_set_real)
{
	lr_dataset_t *dataset = ct_load_data();
	char *path = g_build_filename(LR_DATA_DIR, "charts.ini", NULL);

	for (int language = LR_LANGUAGE_VI; language <= LR_LANGUAGE_EN; language++) {
		lr_chart_set_t *set = lr_chart_set_load(path, dataset, (lr_language_t) language);
		char *layout;
		ck_assert_int_eq(lr_chart_set_status(set), LR_STATUS_SUCCESS);
		ck_assert_uint_eq(lr_chart_set_get_error_count(set), 0);
		ck_assert_uint_eq(lr_chart_set_get_count(set), 10);
		ck_assert_str_eq(lr_chart_set_get_name(set, 0), "ecommerce-revenue");
		ck_assert_str_eq(lr_chart_set_get_name(set, 1), "ftth-comparison");
		ck_assert_int_eq(lr_chart_get_kind(lr_chart_set_get_chart(set, 8)), LR_CHART_RANK);
		layout = lr_chart_describe_layout(lr_chart_set_get_chart(set, 1), 800, 450);
		ck_assert_ptr_nonnull(layout);
		ck_assert_ptr_nonnull(strstr(layout, language == LR_LANGUAGE_VI
					     ? "Việt Nam vượt xa thế giới"
					     : "Vietnam is far ahead of the world"));
		lr_free(layout);
		ck_assert_ptr_null(lr_chart_set_get_chart(set, 10));
		ck_assert_ptr_null(lr_chart_set_get_name(set, 10));
		lr_chart_set_destroy(set);
	}
	g_free(path);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Writes @text as DIR/charts.ini; returns its path (g_free). */
static char *
write_list(const char *dir, const char *text)
{
	char *path = g_build_filename(dir, "charts.ini", NULL);

	ck_assert(g_file_set_contents(path, text, -1, NULL));
	return path;
}

static void
assert_set_error(const lr_chart_set_t *set, size_t index, const char *path, unsigned line,
		 unsigned column, const char *phrase)
{
	const lr_error_t *error = lr_chart_set_get_error(set, index);

	ck_assert_msg(error, "no error %zu", index);
	ck_assert_str_eq(error->file, path);
	ck_assert_msg(error->line == line && error->column == column,
		      "error %zu '%s' at %u:%u, expected %u:%u", index, error->message, error->line,
		      error->column, line, column);
	ck_assert_msg(strstr(error->message, phrase), "error %zu '%s' should say '%s'", index,
		      error->message, phrase);
}

START_TEST(test_chart_set_errors)
{
	static const char list[] =
		"# every error here is reported, at its place\n"  /* 1 */
		"kind=bar\n"                                        /* 2 */
		"[chart good]\n"                                    /* 3 */
		"kind=bar\n"                                        /* 4 */
		"indicator=ecommerce_revenue\n"                     /* 5 */
		"[report x]\n"                                      /* 6 */
		"kind=bar\n"                                        /* 7 */
		"[chart ../escape]\n"                               /* 8 */
		"kind=bar\n"                                        /* 9 */
		"[chart unknown-key]\n"                             /* 10 */
		"kind=bar\n"                                        /* 11 */
		"  colour = red\n"                                  /* 12 */
		"[chart twice]\n"                                   /* 13 */
		"kind=bar\n"                                        /* 14 */
		"kind=rank\n"                                       /* 15 */
		"[chart bad-value]\n"                               /* 16 */
		"kind=bar\n"                                        /* 17 */
		"indicator=ecommerce_revenue;không_có\n"            /* 18 */
		"[chart not-a-rank]\n"                              /* 19 */
		"kind=rank\n"                                       /* 20 */
		"indicator=ecommerce_revenue\n"                     /* 21 */
		"[chart good]\n"                                    /* 22 */
		"no equals sign here\n"                             /* 23 */
		"[chart unclosed\n"                                 /* 24 */
		"[chart last]\n"                                    /* 25 */
		"kind=bar\n"                                        /* 26 */
		"indicator = ftth_coverage\n"                       /* 27 */
		"title_vi = Cáp quang\n";                           /* 28 */
	lr_dataset_t *dataset = ct_load_data();
	char *dir = ct_make_temp_dir();
	char *path = write_list(dir, list);
	lr_chart_set_t *set = lr_chart_set_load(path, dataset, LR_LANGUAGE_VI);

	ck_assert_int_eq(lr_chart_set_status(set), LR_STATUS_PARSE_ERROR);
	assert_set_error(set, 0, path, 2, 1, "key outside a group");
	assert_set_error(set, 1, path, 6, 1, "unknown group '[report x]': expected [chart NAME]");
	assert_set_error(set, 2, path, 8, 8, "chart name '../escape'");
	assert_set_error(set, 3, path, 12, 3, "unknown key 'colour' in [chart unknown-key]");
	assert_set_error(set, 4, path, 15, 1, "key 'kind' is given twice in [chart twice] (first on line 14)");
	assert_set_error(set, 5, path, 18, 29, "unknown indicator 'không_có'");
	assert_set_error(set, 6, path, 19, 1, "[chart not-a-rank] 'ecommerce_revenue' is a value indicator, not a rank");
	assert_set_error(set, 7, path, 22, 8, "chart 'good' is already defined on line 3");
	assert_set_error(set, 8, path, 23, 1, "expected [chart NAME], key=value or a comment");
	assert_set_error(set, 9, path, 24, 1, "must end with ']'");
	ck_assert_uint_eq(lr_chart_set_get_error_count(set), 10);
	/* The good charts are there, the others left out. */
	ck_assert_uint_eq(lr_chart_set_get_count(set), 2);
	ck_assert_str_eq(lr_chart_set_get_name(set, 0), "good");
	ck_assert_str_eq(lr_chart_set_get_name(set, 1), "last");
	lr_chart_set_destroy(set);
	ct_remove_tree(dir);
	g_free(dir);
	g_free(path);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_chart_set_file_options)
{
	static const char *const list =
		"[chart slide]\n"                                   /* 1 */
		"kind=bar\n"                                        /* 2 */
		"indicator=ecommerce_revenue\n"                     /* 3 */
		"size = 16cmx9cm\n"                                 /* 4 */
		"scale=2\n"                                         /* 5 */
		"[chart plain]\n"                                   /* 6 */
		"kind=bar\n"                                        /* 7 */
		"indicator=ecommerce_revenue\n"                     /* 8 */
		"dpi=150\n"                                         /* 9 */
		"[chart empty]\n"                                   /* 10 */
		"kind=bar\n"                                        /* 11 */
		"indicator=ecommerce_revenue\n"                     /* 12 */
		"size=\n"                                           /* 13 */
		"[chart twice]\n"                                   /* 14 */
		"kind=bar\n"                                        /* 15 */
		"indicator=ecommerce_revenue\n"                     /* 16 */
		"scale=1\n"                                         /* 17 */
		"scale=2\n";                                        /* 18 */
	lr_dataset_t *dataset = ct_load_data();
	char *dir = ct_make_temp_dir();
	char *path = write_list(dir, list);
	lr_chart_set_t *set = lr_chart_set_load(path, dataset, LR_LANGUAGE_VI);
	unsigned line = 99, column = 99;

	assert_set_error(set, 0, path, 13, 6, "size: expected a value after '='");
	assert_set_error(set, 1, path, 18, 1, "key 'scale' is given twice in [chart twice] (first on line 17)");
	ck_assert_uint_eq(lr_chart_set_get_error_count(set), 2);
	ck_assert_uint_eq(lr_chart_set_get_count(set), 2);
	ck_assert_str_eq(lr_chart_set_get_file_option(set, 0, "size", &line, &column), "16cmx9cm");
	ck_assert_uint_eq(line, 4);
	ck_assert_uint_eq(column, 8);
	ck_assert_str_eq(lr_chart_set_get_file_option(set, 0, "scale", NULL, NULL), "2");
	ck_assert_ptr_null(lr_chart_set_get_file_option(set, 0, "dpi", &line, &column));
	ck_assert_uint_eq(line, 0);
	ck_assert_uint_eq(column, 0);
	ck_assert_str_eq(lr_chart_set_get_file_option(set, 1, "dpi", NULL, NULL), "150");
	ck_assert_ptr_null(lr_chart_set_get_file_option(set, 1, "size", NULL, NULL));
	/* Not a file key, out of range, NULL: nothing. */
	ck_assert_ptr_null(lr_chart_set_get_file_option(set, 0, "kind", NULL, NULL));
	ck_assert_ptr_null(lr_chart_set_get_file_option(set, 0, NULL, NULL, NULL));
	ck_assert_ptr_null(lr_chart_set_get_file_option(set, 2, "size", &line, NULL));
	ck_assert_uint_eq(line, 0);
	ck_assert_ptr_null(lr_chart_set_get_file_option(NULL, 0, "size", NULL, NULL));
	/* The chart's own options are unaffected by them. */
	ck_assert_int_eq(lr_chart_validate(lr_chart_set_get_chart(set, 0)), LR_STATUS_SUCCESS);
	lr_chart_set_destroy(set);
	ct_remove_tree(dir);
	g_free(dir);
	g_free(path);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_chart_set_not_a_file)
{
	lr_dataset_t *dataset = ct_load_data();
	char *dir = ct_make_temp_dir();
	char *fifo = g_build_filename(dir, "fifo.ini", NULL);
	char *sparse = g_build_filename(dir, "sparse.ini", NULL);
	lr_chart_set_t *set;
	FILE *file;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	set = lr_chart_set_load(fifo, dataset, LR_LANGUAGE_VI);
	ck_assert_int_eq(lr_chart_set_status(set), LR_STATUS_READ_ERROR);
	ck_assert_ptr_nonnull(strstr(lr_chart_set_get_error(set, 0)->message, "FIFO"));
	lr_chart_set_destroy(set);

	set = lr_chart_set_load(dir, dataset, LR_LANGUAGE_VI);
	ck_assert_int_eq(lr_chart_set_status(set), LR_STATUS_READ_ERROR);
	ck_assert_ptr_nonnull(strstr(lr_chart_set_get_error(set, 0)->message, "folder"));
	lr_chart_set_destroy(set);

	file = fopen(sparse, "w");
	ck_assert_ptr_nonnull(file);
	ck_assert_int_eq(ftruncate(fileno(file), (off_t) LR_FILE_SIZE_MAX + 1), 0);
	fclose(file);
	set = lr_chart_set_load(sparse, dataset, LR_LANGUAGE_VI);
	ck_assert_int_eq(lr_chart_set_status(set), LR_STATUS_READ_ERROR);
	ck_assert_ptr_nonnull(strstr(lr_chart_set_get_error(set, 0)->message, "above the limit"));
	ck_assert_str_eq(lr_chart_set_get_error(set, 0)->file, sparse);
	lr_chart_set_destroy(set);

	set = lr_chart_set_load(NULL, dataset, LR_LANGUAGE_VI);
	ck_assert_int_eq(lr_chart_set_status(set), LR_STATUS_NULL_POINTER);
	lr_chart_set_destroy(set);
	lr_chart_set_destroy(NULL);
	ct_remove_tree(dir);
	g_free(dir);
	g_free(fifo);
	g_free(sparse);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---- selection is linear ------------------------------------------------------------------ */

#define MANY_ENTITIES 50000

START_TEST(test_selection_linear)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_chart_t *chart;
	gint64 start;
	double seconds;
	char name[32];

	ct_add_indicator(dataset, "x", "X", "X", "", "", LR_INDICATOR_VALUE, LR_DIRECTION_HIGHER);
	for (int i = 0; i < MANY_ENTITIES; i++) {
		g_snprintf(name, sizeof name, "E%06d", i);
		ct_add_observation(dataset, "x", name, 2024, i, 0, LR_OBSERVATION_ACTUAL);
	}
	start = g_get_monotonic_time();
	chart = lr_chart_create(LR_CHART_BAR, dataset);
	lr_chart_add_indicator(chart, "x");
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_SUCCESS);
	for (int i = MANY_ENTITIES; i-- > 0;) {
		g_snprintf(name, sizeof name, "E%06d", i);
		lr_chart_add_entity(chart, name);
	}
	ck_assert_int_eq(lr_chart_validate(chart), LR_STATUS_SUCCESS);
	seconds = (double) (g_get_monotonic_time() - start) / G_USEC_PER_SEC;
	/* Quadratic selection took about 7 s here for 50,000 entities (and 20 s under ASan);
	 * linear takes well under one. */
	ck_assert_msg(seconds < 3, "selecting %d entities took %.1f s", MANY_ENTITIES, seconds);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---- forgiving names (chart-match.c) ---------------------------------------------------- */

/* The table behind lr_match_fold() gives what normalising the whole string gives: each code
 * point of U+0001..U+2FFF alone, after a letter, before a space and a letter, and strings
 * of Vietnamese letters, combining marks, punctuation and other scripts mixed at random. */
START_TEST(test_match_fold_table)
{
	static const char *const pieces[] = {
		"a", "Ấ", "ễ", "Ặ", "ữ", "ỗ", "Đ", "đ", "\xcc\x81", "\xcc\x83", "\xcc\xa3", "\xcc\x86",
		" ", "-", ".", "\xc2\xa0", "7", "ø", "ß", "Æ", "İ", "ǅ", "Ω", "я", "中", "\xe2\x80\x8b",
		"\xef\xbb\xbf", "ﬁ", "Ǹ", "ɐ", "ʰ", "ẞ", "Ỳ", "\xcd\x85", "\xe1\xb7\x80", "x",
	};
	GRand *rand = g_rand_new_with_seed(20261203);

	for (gunichar c = 1; c < 0x3000; c++) {
		char one[8], *forms[3];

		if (c >= 0xD800 && c < 0xE000)
			continue;
		one[g_unichar_to_utf8(c, one)] = '\0';
		forms[0] = g_strdup(one);
		forms[1] = g_strconcat("e", one, NULL);
		forms[2] = g_strconcat(one, " Ba", NULL);
		for (int k = 0; k < 3; k++) {
			char *fast = lr_match_fold(forms[k]), *slow = lr_match_fold_unicode(forms[k]);
			if (strcmp(fast, slow) != 0)
				ck_abort_msg("U+%04X in '%s' folds to '%s', not '%s'", c, forms[k], fast, slow);
			g_free(fast);
			g_free(slow);
			g_free(forms[k]);
		}
	}
	for (int n = 0; n < 20000; n++) {
		GString *text = g_string_new(NULL);
		int length = g_rand_int_range(rand, 0, 12);
		char *fast, *slow;

		for (int k = 0; k < length; k++)
			g_string_append(text, pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))]);
		fast = lr_match_fold(text->str);
		slow = lr_match_fold_unicode(text->str);
		if (strcmp(fast, slow) != 0)
			ck_abort_msg("'%s' folds to '%s', not '%s'", text->str, fast, slow);
		g_free(fast);
		g_free(slow);
		g_string_free(text, TRUE);
	}
	g_rand_free(rand);
}
END_TEST

START_TEST(test_match_fold_and_distance)
{
	static const struct {
		const char *in, *folded;
	} folds[] = {
		{ "Đà Nẵng", "da nang" },           { "TP. Hồ Chí Minh", "tp ho chi minh" },
		{ "VIỆT NAM", "viet nam" },         { "Vie\xcc\xa3\xcc\x82t Nam", "viet nam" }, /* NFD */
		{ "  In-đô-nê-xi-a ", "in do ne xi a" }, { "egdi_rank", "egdi rank" },
		{ "", "" },
		/* ASCII takes a path of its own (fold_ascii): the same rules */
		{ " --GDP (PPP), 2020!! ", "gdp ppp 2020" }, { "E-Gov\tIndex\n", "e gov index" },
		{ "...", "" }, { "A", "a" }, { "Ha Noi x", "ha noi x" }, { "Hà Noi x", "ha noi x" },
	};
	/* A long pair (the table on the heap, not the stack) and pairs the character count
	 * bound rejects before any table: still the exact distance. */
	char long_a[200], long_b[200];
	lr_matcher_t *matcher = lr_matcher_new();
	char *hint;

	for (size_t i = 0; i < G_N_ELEMENTS(folds); i++) {
		char *folded = lr_match_fold(folds[i].in);
		ck_assert_str_eq(folded, folds[i].folded);
		g_free(folded);
	}
	ck_assert_uint_eq(lr_match_distance("ha noi", "ha noi", 3), 0);
	ck_assert_uint_eq(lr_match_distance("ha noi", "ah noi", 3), 1);   /* transposed */
	ck_assert_uint_eq(lr_match_distance("ha noi", "ha nol", 3), 1);
	ck_assert_uint_eq(lr_match_distance("hà", "ha", 3), 1);           /* in characters */
	ck_assert_uint_eq(lr_match_distance("abcdefgh", "zzzzzzzz", 2), 3); /* capped at limit + 1 */
	ck_assert_uint_eq(lr_match_distance("a", "abcdef", 2), 3);
	ck_assert_uint_eq(lr_match_distance("abcd", "wxyz", 3), 4);     /* no letter in common */
	ck_assert_uint_eq(lr_match_distance("abcd", "dcba", 4), 3);
	ck_assert_uint_eq(lr_match_distance("", "", 0), 0);
	memset(long_a, 'a', sizeof long_a - 1);
	long_a[sizeof long_a - 1] = '\0';
	memcpy(long_b, long_a, sizeof long_b);
	long_b[10] = 'b';
	long_b[150] = 'c';
	ck_assert_uint_eq(lr_match_distance(long_a, long_b, 60), 2);
	ck_assert_uint_eq(lr_match_distance(long_a, long_b, 1), 2);

	lr_matcher_add(matcher, "Hà Nội", "Hà Nội");
	lr_matcher_add(matcher, "Hà Nội", "Hanoi");
	lr_matcher_add(matcher, "Hải Phòng", "Hải Phòng");
	lr_matcher_add(matcher, "Hải Phòng", "Haiphong");
	lr_matcher_add(matcher, "Thừa Thiên Huế", "Thừa Thiên Huế");
	lr_matcher_add(matcher, "Thừa Thiên Huế", NULL); /* no English name: ignored */
	ck_assert_str_eq(lr_matcher_find(matcher, "Hà Nội"), "Hà Nội");
	ck_assert_str_eq(lr_matcher_find(matcher, "HA NOI"), "Hà Nội");
	ck_assert_str_eq(lr_matcher_find(matcher, "hanoi"), "Hà Nội");
	ck_assert_ptr_null(lr_matcher_find(matcher, "Hà Giang"));
	ck_assert_ptr_null(lr_matcher_find(matcher, ""));
	hint = lr_matcher_suggest(matcher, "Ha Nol");
	ck_assert_str_eq(hint, "; did you mean 'Hà Nội'?");
	g_free(hint);
	hint = lr_matcher_suggest(matcher, "Haipong"); /* closest to the English name */
	ck_assert_str_eq(hint, "; did you mean 'Hải Phòng' (Haiphong)?");
	g_free(hint);
	hint = lr_matcher_suggest(matcher, "Hue"); /* a word of the name */
	ck_assert_str_eq(hint, "; did you mean 'Thừa Thiên Huế'?");
	g_free(hint);
	hint = lr_matcher_suggest(matcher, "Ha"); /* too short to be close to anything */
	ck_assert_str_eq(hint, "");
	g_free(hint);
	hint = lr_matcher_suggest(matcher, "Ha Noi Hai Phong Hue Ha Noi");
	ck_assert_str_eq(hint, "");
	g_free(hint);
	lr_matcher_free(matcher);
	lr_matcher_free(NULL);
}
END_TEST

static Suite *
chart_suite(void)
{
	Suite *suite = suite_create("chart");
	TCase *tc;

	tc = ct_add_tcase(suite, "lifecycle", 120);
	tcase_add_test(tc, test_dataset_grows_after_chart);
	tcase_add_test(tc, test_threads_share_dataset_and_theme);

	tc = ct_add_tcase(suite, "errors", 60);
	tcase_add_test(tc, test_validate);
	tcase_add_test(tc, test_failed_calls_do_not_stick);
	tcase_add_test(tc, test_year_ranges);
	tcase_add_test(tc, test_kind_only_setters);

	tc = ct_add_tcase(suite, "names", 30);
	tcase_add_test(tc, test_enum_names);
	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_match_fold_and_distance);
	tcase_add_test(tc, test_match_fold_table);

	tc = ct_add_tcase(suite, "spec", 60);
	tcase_add_loop_test(tc, test_apply_option_errors, 0, 11);
	tcase_add_test(tc, test_create_from_options);
	tcase_add_test(tc, test_safe_names);
	tcase_add_test(tc, test_chart_set_real);
	tcase_add_test(tc, test_chart_set_errors);
	tcase_add_test(tc, test_chart_set_not_a_file);
	tcase_add_test(tc, test_chart_set_file_options);

	tc = ct_add_tcase(suite, "scale", 120);
	tcase_add_test(tc, test_selection_linear);
	return suite;
}

const lr_test_program_t lr_test_program = { chart_suite, NULL, NULL };
