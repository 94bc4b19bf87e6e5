/* libreport tests: ranking charts (LR_CHART_RANK), through the public API only.
 *
 * What is checked, and how:
 * - layout goldens: lr_chart_describe_layout() at 800 × 450 of the EGDI rank alone, of the
 *   EGDI, GII and GCI ranks together (vi and en), and of a bump chart of eight entities over
 *   five years built in memory (crossing lines, one entity missing a middle year), compared
 *   with tests/golden/rank-NAME.txt; pixel goldens of two of them (tests/golden/rank-*.png,
 *   tolerance in chart-test-util.c). LR_UPDATE_GOLDENS=1 rewrites them.
 * - every rank chart of data/charts.ini and the bump chart, in Vietnamese and English, at
 *   1600 × 900 and 720 × 405: each text box inside the canvas, no two overlapping; the PDF's
 *   text (pdftotext) holds every word of the layout;
 * - NFD data and arguments draw exactly the pixels of NFC ones;
 * - rank 1 is at the top; end labels name each series and state the change in the colour
 *   of an improvement or a decline; gaps in the data are dashed and explained; a canvas too
 *   small for direct labels gets a legend instead of overlapping labels;
 * - requests a ranking chart cannot draw fail with LR_STATUS_UNSUPPORTED or
 *   LR_STATUS_UNKNOWN_ENTITY and a useful message, and stay failed;
 * - the same chart gives the same bytes.
 * The goldens, chart-set, NFD and same-bytes tests are those of every chart kind
 * (ct_add_kind_tests in chart-test-util.c), run on what rank_tests below describes.
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
#include <sys/wait.h>

#include "test-main.h"
#include "chart-test-util.h"

#define N_ELEMENTS(array) ((int) (sizeof(array) / sizeof((array)[0])))

/* Vietnamese is written as UTF-8 text (NFC); decomposed text and invisible or look-alike
 * characters are spelled as bytes. */
#define VIET_NAM CT_VIET_NAM
#define UP "\xe2\x86\x91"                                 /* ↑ */
#define DOWN "\xe2\x86\x93"                               /* ↓ */
#define BAC "bậc"
#define GAP_NOTE_VI "Nét đứt"
#define GAP_NOTE_EN "Dashed lines"

/* ---------------------------------------------------------------------------------------- */
/* The bump chart: made-up provincial ranks (the source line says so) */

#define BUMP_YEARS 5
#define BUMP_FIRST_YEAR 2019
#define NO_RANK 0

static const struct {
	const char *entity;
	int ranks[BUMP_YEARS]; /* 2019 … 2023; NO_RANK: no figure that year */
} bump[] = {
	{ "Hà Nội", { 3, 2, 1, 1, 2 } },
	{ "TP. Hồ Chí Minh", { 5, 4, 3, 2, 3 } },
	{ "Đà Nẵng", { 1, 1, 2, 3, 1 } },
	{ "Hải Phòng", { 6, 7, 6, 6, 5 } },
	{ "Quảng Ninh", { 2, 3, 4, 4, 4 } },
	{ "Bắc Ninh", { 7, 6, 5, 7, 8 } },
	{ "Cần Thơ", { 8, 8, 7, 8, 7 } },
	{ "Thừa Thiên Huế", { 4, 5, NO_RANK, 5, 6 } },
};

#define GAP_ENTITY 7 /* Thừa Thiên Huế, no figure for 2021 */

/* With @nfd every string is given to the library decomposed. */
static lr_dataset_t *
bump_dataset(bool nfd)
{
	lr_dataset_t *dataset = lr_dataset_create();
	char *name_vi = ct_nfd("Xếp hạng Chỉ số chuyển "
			       "đổi số cấp tỉnh (DTI)");

	if (!nfd) {
		char *nfc = g_utf8_normalize(name_vi, -1, G_NORMALIZE_NFC);
		g_free(name_vi);
		name_vi = nfc;
	}
	ct_add_indicator(dataset, "dti_rank", name_vi, "Provincial digital transformation index (DTI) rank",
			 "", "", LR_INDICATOR_RANK, LR_DIRECTION_LOWER);
	for (int e = 0; e < N_ELEMENTS(bump); e++) {
		char *entity = nfd ? ct_nfd(bump[e].entity) : g_strdup(bump[e].entity);
		for (int y = 0; y < BUMP_YEARS; y++)
			if (bump[e].ranks[y] != NO_RANK)
				ct_add_observation(dataset, "dti_rank", entity, BUMP_FIRST_YEAR + y,
						   bump[e].ranks[y], 63, LR_OBSERVATION_ACTUAL);
		g_free(entity);
	}
	ct_label_test_source(dataset, nfd);
	g_free(name_vi);
	return dataset;
}

static lr_chart_t *
bump_chart(lr_dataset_t *dataset, lr_language_t language)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_RANK, dataset);

	lr_chart_add_indicator(chart, "dti_rank");
	lr_chart_set_language(chart, language);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

static lr_chart_t *
rank_chart(lr_dataset_t *dataset, lr_language_t language, const char *const *indicators)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_RANK, dataset);

	for (const char *const *id = indicators; *id; id++)
		lr_chart_add_indicator(chart, *id);
	lr_chart_set_language(chart, language);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

static const char *const egdi[] = { "egdi_rank", NULL };
static const char *const international[] = { "egdi_rank", "gii_rank", "gci_rank", NULL };

/* ---------------------------------------------------------------------------------------- */
/* Helpers */

static double
centre_y(const ct_item_t *item)
{
	return item->y + item->height / 2;
}

/* The change label right below @end_label (same x, starting where the name ends). */
static const ct_item_t *
change_of(const ct_layout_t *layout, const ct_item_t *end_label)
{
	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(layout->items, i);
		if (strcmp(item->role, "change-label") == 0 && fabs(item->x - end_label->x) < 0.15 &&
		    fabs(item->y - (end_label->y + end_label->height)) < 0.25)
			return item;
	}
	ck_abort_msg("no change label under the end label \"%s\"", end_label->text);
	return NULL;
}

/* Each series' end label, named as the table would name it, with the change below it. */
static void
assert_end_label(const ct_layout_t *layout, const char *name, const char *change_phrase)
{
	const ct_item_t *label = ct_layout_find(layout, "end-label", name);
	const ct_item_t *change;

	ck_assert_msg(label != NULL, "no end label \"%s\" in:\n%s", name, ct_brief(layout->dump));
	change = change_of(layout, label);
	ck_assert_msg(strstr(change->text, change_phrase) != NULL,
		      "the change under \"%s\" is \"%s\", expected it to say \"%s\"", name, change->text,
		      change_phrase);
}

/* The inked pixel of the box of @item (canvas units, drawn at @scale) farthest from the
 * white background: the text's own colour where a glyph covers a whole pixel. */
static guint32
darkest_pixel(cairo_surface_t *surface, const ct_item_t *item, double scale)
{
	int x0 = (int) floor(item->x * scale), y0 = (int) floor(item->y * scale);
	int x1 = (int) ceil((item->x + item->width) * scale);
	int y1 = (int) ceil((item->y + item->height) * scale);
	guint32 best = 0xffffff;
	int best_ink = -1;

	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++) {
			guint32 pixel = ct_pixel(surface, x, y);
			int ink = 765 - (int) ((pixel >> 16) & 0xff) - (int) ((pixel >> 8) & 0xff) -
				  (int) (pixel & 0xff);
			if (ink > best_ink) {
				best_ink = ink;
				best = pixel;
			}
		}
	ck_assert_msg(best_ink > 200, "no ink in the box of \"%s\"", item->text);
	return best;
}

#define RED(p) ((int) (((p) >> 16) & 0xff))
#define GREEN(p) ((int) (((p) >> 8) & 0xff))
#define BLUE(p) ((int) ((p) & 0xff))

/* ---------------------------------------------------------------------------------------- */
/* Goldens */

/* The bump chart's data, composed (NFC). */
static lr_dataset_t *
bump_dataset_nfc(void)
{
	return bump_dataset(false);
}

static lr_chart_t *
egdi_chart(lr_dataset_t *dataset, lr_language_t language)
{
	return rank_chart(dataset, language, egdi);
}

static lr_chart_t *
international_chart(lr_dataset_t *dataset, lr_language_t language)
{
	return rank_chart(dataset, language, international);
}

static const ct_golden_t goldens[] = {
	{ "rank-egdi-vi", LR_LANGUAGE_VI, ct_load_data, egdi_chart },
	{ "rank-international-vi", LR_LANGUAGE_VI, ct_load_data, international_chart },
	{ "rank-international-en", LR_LANGUAGE_EN, ct_load_data, international_chart },
	{ "rank-bump-vi", LR_LANGUAGE_VI, bump_dataset_nfc, bump_chart },
};

/* Those of them with a pixel golden too. */
static const ct_golden_t *const pixel_goldens[] = { &goldens[0], &goldens[3] };

/* ---------------------------------------------------------------------------------------- */
/* Every rank chart of charts.ini, and the bump chart */

/* Beyond the checks of every kind: each chart has markers, and its series are named, by
 * end labels or, when they do not fit, by a legend. */
static void
check_rank_layout(const ct_layout_t *layout, const char *label, GString *problems)
{
	ck_assert_uint_gt(ct_layout_count(layout, "marker"), 1);
	ck_assert_uint_gt(ct_layout_count(layout, "end-label") + ct_layout_count(layout, "legend-label"), 0);
}

/* ---------------------------------------------------------------------------------------- */
/* NFD and NFC */

/* --entity "Việt Nam" in NFD on NFD data; a bump chart built from NFD strings, restricted
 * to entities and highlighting one given in NFD. */
START_TEST(test_nfd_entity_and_highlight)
{
	ct_nfd_data_t data;
	lr_dataset_t *bump_nfc = bump_dataset(false), *bump_nfd = bump_dataset(true);
	lr_chart_t *a, *b;
	lr_chart_t *c = bump_chart(bump_nfc, LR_LANGUAGE_VI);
	lr_chart_t *d = bump_chart(bump_nfd, LR_LANGUAGE_VI);
	lr_chart_t *plain = bump_chart(bump_nfc, LR_LANGUAGE_VI);

	ct_nfd_data_init(&data);
	a = international_chart(data.nfc, LR_LANGUAGE_VI);
	b = international_chart(data.nfd, LR_LANGUAGE_VI);
	lr_chart_add_entity(a, VIET_NAM);
	lr_chart_add_entity(b, CT_VIET_NAM_NFD);
	for (int e = 0; e < 4; e++) {
		char *entity = ct_nfd(bump[e].entity);
		lr_chart_add_entity(c, bump[e].entity);
		lr_chart_add_entity(d, entity);
		lr_chart_add_entity(plain, bump[e].entity);
		g_free(entity);
	}
	lr_chart_set_highlight(c, bump[2].entity);
	{
		char *highlight = ct_nfd(bump[2].entity);
		lr_chart_set_highlight(d, highlight);
		g_free(highlight);
	}
	ct_assert_same_render(a, b, data.out, "--entity in NFD");
	ct_assert_same_render(c, d, data.out, "bump chart, entities and highlight in NFD");
	/* The highlight took effect, so the comparison means something. */
	ct_assert_renders_differ(d, plain, data.out, 100,
				 "bump chart, highlight in NFD against no highlight");
	lr_chart_destroy(a);
	lr_chart_destroy(b);
	lr_chart_destroy(c);
	lr_chart_destroy(d);
	lr_chart_destroy(plain);
	lr_dataset_destroy(bump_nfc);
	lr_dataset_destroy(bump_nfd);
	ct_nfd_data_clear(&data);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Reading the chart */

/* Rank 1 is at the top: across the whole bump chart a smaller rank is drawn higher. The
 * ranks are the point labels inside the markers. */
START_TEST(test_rank_one_on_top)
{
	lr_dataset_t *dataset = bump_dataset(false);
	lr_chart_t *chart = bump_chart(dataset, LR_LANGUAGE_VI);
	ct_layout_t *layout = ct_layout_describe(chart, 1600, 900);
	GPtrArray *points = ct_layout_find_all(layout, "point-label", NULL);
	int expected = 0;

	for (int e = 0; e < N_ELEMENTS(bump); e++)
		for (int y = 0; y < BUMP_YEARS; y++)
			expected += bump[e].ranks[y] != NO_RANK;
	ck_assert_uint_eq(points->len, (guint) expected);
	ck_assert_uint_eq(ct_layout_count(layout, "marker"), (guint) expected);
	for (guint i = 0; i < points->len; i++) {
		const ct_item_t *a = g_ptr_array_index(points, i);
		int rank_a = atoi(a->text);
		ck_assert_int_ge(rank_a, 1);
		for (guint j = 0; j < points->len; j++) {
			const ct_item_t *b = g_ptr_array_index(points, j);
			int rank_b = atoi(b->text);
			if (rank_a < rank_b)
				ck_assert_msg(centre_y(a) < centre_y(b),
					      "rank %d (y %g) is drawn below rank %d (y %g)", rank_a,
					      centre_y(a), rank_b, centre_y(b));
		}
	}
	g_ptr_array_unref(points);
	ct_layout_free(layout);
	lr_chart_destroy(chart);

	/* The EGDI rank rose from 86 (2022) to 71 (2024): the later, better point is higher. */
	{
		lr_dataset_t *data = ct_load_data();
		lr_chart_t *e = rank_chart(data, LR_LANGUAGE_VI, egdi);
		ct_layout_t *l = ct_layout_describe(e, 800, 450);
		GPtrArray *markers = ct_layout_find_all(l, "marker", NULL);
		const ct_item_t *first, *last;
		ck_assert_uint_eq(markers->len, 2);
		first = g_ptr_array_index(markers, 0);
		last = g_ptr_array_index(markers, 1);
		if (first->x > last->x) {
			const ct_item_t *swap = first;
			first = last;
			last = swap;
		}
		/* A marker's x, y is its centre. */
		ck_assert_msg(last->y < first->y, "rank 71 (y %g) should be above rank 86 (y %g)",
			      last->y, first->y);
		g_ptr_array_unref(markers);
		ct_layout_free(l);
		lr_chart_destroy(e);
		lr_dataset_destroy(data);
	}
	lr_dataset_destroy(dataset);
}
END_TEST

/* The years run left to right, evenly spaced by year. */
START_TEST(test_years_left_to_right)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = rank_chart(dataset, LR_LANGUAGE_VI, international);
	ct_layout_t *layout = ct_layout_describe(chart, 1600, 900);
	const ct_item_t *y2022 = ct_layout_find(layout, "year-label", "2022");
	const ct_item_t *y2023 = ct_layout_find(layout, "year-label", "2023");
	const ct_item_t *y2024 = ct_layout_find(layout, "year-label", "2024");

	ck_assert(y2022 && y2023 && y2024);
	ck_assert_double_lt(y2022->x, y2023->x);
	ck_assert_double_lt(y2023->x, y2024->x);
	ck_assert_double_eq_tol((y2022->x + y2024->x) / 2, y2023->x, 0.2);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* At a narrow size the end labels' second line does not end in "since 20…": the rank goes on
 * one line and the change on the next (the briefing's English page 4 printed "↑8 places since
 * 20…"). */
START_TEST(test_end_labels_never_cut)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = rank_chart(dataset, LR_LANGUAGE_EN, international);
	ct_layout_t *layout = ct_layout_describe(chart, 470, 260);
	int changes = 0;

	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(layout->items, i);
		if (!item->text || !strstr(item->text, " since "))
			continue;
		changes++;
		ck_assert_msg(!item->ellipsized, "cut: %s", item->text);
		ck_assert_msg(strstr(item->text, "\n") != NULL, "not split: %s", item->text);
	}
	ck_assert_int_eq(changes, 3);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* End labels name each series and say its change in words that cannot be misread. */
START_TEST(test_end_labels)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *vi = rank_chart(dataset, LR_LANGUAGE_VI, egdi);
	lr_chart_t *en = rank_chart(dataset, LR_LANGUAGE_EN, egdi);
	lr_chart_t *all_vi = rank_chart(dataset, LR_LANGUAGE_VI, international);
	lr_chart_t *all_en = rank_chart(dataset, LR_LANGUAGE_EN, international);
	ct_layout_t *l;

	/* One indicator: the series is the entity. */
	l = ct_layout_describe(vi, 1600, 900);
	assert_end_label(l, VIET_NAM, UP "15 " BAC);
	ck_assert_uint_eq(ct_layout_count(l, "end-label"), 1);
	ct_layout_free(l);
	l = ct_layout_describe(en, 1600, 900);
	assert_end_label(l, "Vietnam", UP "15 places");
	ct_layout_free(l);

	/* Several indicators: each is named by its indicator's name, less the words every name
	 * shares ("Xếp hạng Chỉ số …" in Vietnamese; the English names share none), which then
	 * starts with a capital. */
	for (int language = 0; language < 2; language++) {
		static const char *const changes[2][3] = {
			{ UP "15 " BAC, UP "2 " BAC, UP "8 " BAC },
			{ UP "15 places", UP "2 places", UP "8 places" },
		};
		l = ct_layout_describe(language ? all_en : all_vi, 1600, 900);
		ck_assert_uint_eq(ct_layout_count(l, "end-label"), 3);
		for (int k = 0; k < 3; k++) {
			const lr_indicator_t *indicator = lr_dataset_find_indicator(dataset, international[k]);
			const char *name = lr_indicator_get_name(indicator, (lr_language_t) language);
			const char *shared = language == LR_LANGUAGE_VI ? "Xếp hạng Chỉ số " : "";
			const char *rest = name + strlen(shared);
			gunichar first = g_utf8_get_char(rest);
			char head[8] = { 0 };
			char *expected;

			ck_assert_msg(g_str_has_prefix(name, shared), "\"%s\" does not start with \"%s\"", name, shared);
			g_unichar_to_utf8(g_unichar_totitle(first), head);
			expected = g_strconcat(head, g_utf8_next_char(rest), NULL);
			assert_end_label(l, expected, changes[language][k]);
			g_free(expected);
		}
		ct_layout_free(l);
	}
	lr_chart_destroy(vi);
	lr_chart_destroy(en);
	lr_chart_destroy(all_vi);
	lr_chart_destroy(all_en);
	lr_dataset_destroy(dataset);

	/* A bump chart: every entity, rising, falling and unchanged. */
	dataset = bump_dataset(false);
	vi = bump_chart(dataset, LR_LANGUAGE_VI);
	l = ct_layout_describe(vi, 1600, 900);
	ck_assert_uint_eq(ct_layout_count(l, "end-label"), N_ELEMENTS(bump));
	for (int e = 0; e < N_ELEMENTS(bump); e++) {
		int gained = bump[e].ranks[0] - bump[e].ranks[BUMP_YEARS - 1];
		char *phrase = gained > 0 ? g_strdup_printf(UP "%d " BAC, gained)
			     : gained < 0 ? g_strdup_printf(DOWN "%d " BAC, -gained) : g_strdup("giữ nguyên");
		assert_end_label(l, bump[e].entity, phrase);
		g_free(phrase);
	}
	ct_layout_free(l);
	lr_chart_destroy(vi);
	lr_dataset_destroy(dataset);
}
END_TEST

/* The change is coloured as an improvement (the theme's "better", green by default) or a
 * decline ("worse"). Checked on the pixels, at twice the resolution so that glyph stems
 * cover whole pixels: the most inked pixel of a label's box is its colour. */
START_TEST(test_change_colours)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_dataset_t *bump_data = bump_dataset(false);
	lr_chart_t *chart = rank_chart(dataset, LR_LANGUAGE_VI, egdi);
	lr_chart_t *themed = rank_chart(dataset, LR_LANGUAGE_VI, egdi);
	lr_chart_t *bumped = bump_chart(bump_data, LR_LANGUAGE_VI);
	lr_theme_t *theme = lr_theme_create();
	char *dir = ct_make_temp_dir();
	char *path;
	cairo_surface_t *surface;
	ct_layout_t *layout;
	const ct_item_t *change;
	guint32 pixel;

	/* Default theme: green, g > b > r (0x007A5A over white). */
	layout = ct_layout_describe(chart, 800, 450);
	change = ct_layout_find_containing(layout, "change-label", UP "15 " BAC);
	ck_assert_ptr_nonnull(change);
	path = g_build_filename(dir, "default.png", NULL);
	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_PNG, 800, 450, 2), LR_STATUS_SUCCESS);
	surface = ct_read_png(path);
	pixel = darkest_pixel(surface, change, 2);
	ck_assert_msg(GREEN(pixel) > BLUE(pixel) + 10 && BLUE(pixel) > RED(pixel) + 10,
		      "the change \"%s\" should be green, its ink is #%06x", change->text, pixel);
	cairo_surface_destroy(surface);
	g_free(path);

	/* A theme whose "better" is magenta: the label follows the theme's role. */
	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_BETTER, 0.8, 0, 0.8), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_theme_set_color(theme, LR_THEME_COLOR_WORSE, 0, 0, 0.9), LR_STATUS_SUCCESS);
	lr_chart_set_theme(themed, theme);
	path = g_build_filename(dir, "themed.png", NULL);
	ck_assert_int_eq(lr_chart_write(themed, path, LR_FORMAT_PNG, 800, 450, 2), LR_STATUS_SUCCESS);
	surface = ct_read_png(path);
	pixel = darkest_pixel(surface, change, 2);
	ck_assert_msg(abs(RED(pixel) - BLUE(pixel)) < 24 && GREEN(pixel) + 60 < RED(pixel),
		      "with a magenta \"better\" the change should be magenta, its ink is #%06x", pixel);
	cairo_surface_destroy(surface);
	g_free(path);
	ct_layout_free(layout);

	/* The bump chart with the same theme: rises magenta, falls blue, no change neither. */
	lr_chart_set_theme(bumped, theme);
	layout = ct_layout_describe(bumped, 1600, 900);
	path = g_build_filename(dir, "bump.png", NULL);
	ck_assert_int_eq(lr_chart_write(bumped, path, LR_FORMAT_PNG, 1600, 900, 2), LR_STATUS_SUCCESS);
	surface = ct_read_png(path);
	for (int e = 0; e < N_ELEMENTS(bump); e++) {
		int gained = bump[e].ranks[0] - bump[e].ranks[BUMP_YEARS - 1];
		const ct_item_t *name = ct_layout_find(layout, "end-label", bump[e].entity);
		ck_assert_ptr_nonnull(name);
		change = change_of(layout, name);
		pixel = darkest_pixel(surface, change, 2);
		if (gained > 0)
			ck_assert_msg(abs(RED(pixel) - BLUE(pixel)) < 24 && GREEN(pixel) + 60 < RED(pixel),
				      "%s rose: \"%s\" should be magenta, ink #%06x", bump[e].entity,
				      change->text, pixel);
		else if (gained < 0)
			ck_assert_msg(BLUE(pixel) > RED(pixel) + 60 && BLUE(pixel) > GREEN(pixel) + 60,
				      "%s fell: \"%s\" should be blue, ink #%06x", bump[e].entity,
				      change->text, pixel);
		else
			ck_assert_msg(abs(RED(pixel) - GREEN(pixel)) < 16 && abs(GREEN(pixel) - BLUE(pixel)) < 16,
				      "%s did not move: \"%s\" should be grey, ink #%06x", bump[e].entity,
				      change->text, pixel);
	}
	cairo_surface_destroy(surface);
	g_free(path);
	ct_layout_free(layout);

	lr_theme_destroy(theme);
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(chart);
	lr_chart_destroy(themed);
	lr_chart_destroy(bumped);
	lr_dataset_destroy(bump_data);
	lr_dataset_destroy(dataset);
}
END_TEST

/* A missing middle year is a dashed connector, and a note says what dashes mean. */
START_TEST(test_gap)
{
	lr_dataset_t *dataset = bump_dataset(false);
	lr_chart_t *chart = bump_chart(dataset, LR_LANGUAGE_VI);
	lr_chart_t *en = bump_chart(dataset, LR_LANGUAGE_EN);
	lr_chart_t *no_gap = bump_chart(dataset, LR_LANGUAGE_VI);
	ct_layout_t *layout = ct_layout_describe(chart, 1600, 900);
	ct_layout_t *layout_en = ct_layout_describe(en, 1600, 900);
	ct_layout_t *layout_no_gap;
	GPtrArray *gaps = ct_layout_find_all(layout, "line-gap", NULL);
	const ct_item_t *y2020 = ct_layout_find(layout, "year-label", "2020");
	const ct_item_t *y2022 = ct_layout_find(layout, "year-label", "2022");
	const ct_item_t *gap;

	ck_assert_uint_eq(gaps->len, 1);
	gap = g_ptr_array_index(gaps, 0);
	ck_assert(gap->dashed);
	/* It spans 2020 to 2022, where the entity has figures. */
	ck_assert_ptr_nonnull(y2020);
	ck_assert_ptr_nonnull(y2022);
	ck_assert_double_eq_tol(gap->x, y2020->x + y2020->width / 2, 0.2);
	ck_assert_double_eq_tol(gap->x + gap->width, y2022->x + y2022->width / 2, 0.2);
	ck_assert_ptr_nonnull(ct_layout_find_containing(layout, "note", GAP_NOTE_VI));
	ck_assert_ptr_nonnull(ct_layout_find_containing(layout_en, "note", GAP_NOTE_EN));
	/* Lines between consecutive years are solid. */
	ck_assert_uint_eq(ct_layout_count(layout, "line"),
			  N_ELEMENTS(bump) * (BUMP_YEARS - 1) - 2);

	/* 2022 and 2023 only: no gap, no note. */
	lr_chart_add_year(no_gap, 2022);
	lr_chart_add_year(no_gap, 2023);
	layout_no_gap = ct_layout_describe(no_gap, 1600, 900);
	ck_assert_uint_eq(ct_layout_count(layout_no_gap, "line-gap"), 0);
	ck_assert_ptr_null(ct_layout_find_containing(layout_no_gap, "note", GAP_NOTE_VI));

	g_ptr_array_unref(gaps);
	ct_layout_free(layout);
	ct_layout_free(layout_en);
	ct_layout_free(layout_no_gap);
	lr_chart_destroy(chart);
	lr_chart_destroy(en);
	lr_chart_destroy(no_gap);
	lr_dataset_destroy(dataset);
}
END_TEST

/* A banner: wide and short, so the text is sized for 720 pixels but eight two-line end
 * labels (name and change) cannot stack in the plot's height. */
#define BANNER_WIDTH 720
#define BANNER_HEIGHT 220

/* Where the direct labels cannot all fit beside the lines, a legend names the series
 * instead, and still nothing overlaps. */
START_TEST(test_legend_fallback)
{
	lr_dataset_t *dataset = bump_dataset(false);
	lr_chart_t *chart = bump_chart(dataset, LR_LANGUAGE_VI);
	ct_layout_t *roomy = ct_layout_describe(chart, 1600, 900);
	ct_layout_t *small = ct_layout_describe(chart, BANNER_WIDTH, BANNER_HEIGHT);

	ck_assert_uint_eq(ct_layout_count(roomy, "end-label"), N_ELEMENTS(bump));
	ck_assert_uint_eq(ct_layout_count(roomy, "legend-label"), 0);
	ck_assert_msg(ct_layout_count(small, "end-label") == 0,
		      "eight end labels cannot fit at %d x %d, yet there are %u:\n%s", BANNER_WIDTH,
		      BANNER_HEIGHT, ct_layout_count(small, "end-label"), ct_brief(small->dump));
	ck_assert_uint_eq(ct_layout_count(small, "legend-label"), N_ELEMENTS(bump));
	for (int e = 0; e < N_ELEMENTS(bump); e++)
		ck_assert_ptr_nonnull(ct_layout_find(small, "legend-label", bump[e].entity));
	ck_assert_uint_eq(ct_layout_count(small, "leader"), 0);
	ct_assert_text_fits(small, "bump chart with a legend");
	ct_layout_free(roomy);
	ct_layout_free(small);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* The markers of a bump chart hold the rank: two of one year must not cover each other,
 * at any size the chart is drawn at. */
START_TEST(test_bump_markers_apart)
{
	static const double canvases[][2] = { { 1600, 900 }, { 800, 450 }, { 720, 405 },
					      { BANNER_WIDTH, BANNER_HEIGHT } };
	lr_dataset_t *dataset = bump_dataset(false);
	lr_chart_t *chart = bump_chart(dataset, LR_LANGUAGE_VI);
	GString *problems = g_string_new(NULL);

	for (int i = 0; i < N_ELEMENTS(canvases); i++) {
		ct_layout_t *layout = ct_layout_describe(chart, canvases[i][0], canvases[i][1]);
		GPtrArray *markers = ct_layout_find_all(layout, "marker", NULL);
		const ct_item_t *worst_a = NULL, *worst_b = NULL;
		double worst = INFINITY;
		int pairs = 0;
		for (guint a = 0; a < markers->len; a++) {
			const ct_item_t *m = g_ptr_array_index(markers, a);
			for (guint b = a + 1; b < markers->len; b++) {
				const ct_item_t *n = g_ptr_array_index(markers, b);
				/* A marker's x, y is its centre and width its diameter. */
				double distance = hypot(m->x - n->x, m->y - n->y);
				if (distance + CT_ROUNDING >= (m->width + n->width) / 2)
					continue;
				pairs++;
				if (distance < worst) {
					worst = distance;
					worst_a = m;
					worst_b = n;
				}
			}
		}
		if (pairs)
			g_string_append_printf(problems, "  %g x %g: %d pairs of markers overlap; e.g. "
					       "marker %.1f %.1f %.1f and marker %.1f %.1f %.1f: centres "
					       "%.1f apart, diameter %.1f\n", canvases[i][0], canvases[i][1],
					       pairs, worst_a->x, worst_a->y, worst_a->width, worst_b->x,
					       worst_b->y, worst_b->width, worst, worst_a->width);
		g_ptr_array_unref(markers);
		ct_layout_free(layout);
	}
	ck_assert_msg(problems->len == 0, "bump chart markers overlap:\n%s", ct_brief(problems->str));
	g_string_free(problems, TRUE);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Bad requests */

/* @chart fails to lay out with @status and a message that says @phrase, and every later
 * call, laying it out again, fails the same way and writes nothing. */
static void
assert_fails(lr_chart_t *chart, lr_status_t status, const char *phrase)
{
	char *dir = ct_make_temp_dir();
	char *path = g_build_filename(dir, "chart.png", NULL);
	char *listing;

	ck_assert_ptr_null(lr_chart_describe_layout(chart, 800, 450));
	ct_assert_chart_error(chart, status, phrase);
	/* The request is still bad: writing reports the same error. */
	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_AUTO, 800, 450, 1), status);
	listing = ct_list_dir(dir);
	ck_assert_str_eq(listing, "");
	g_free(listing);
	ct_assert_call_error_repeats(chart, dir);
	g_free(path);
	ct_remove_tree(dir);
	g_free(dir);
}

START_TEST(test_error_not_a_rank)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = lr_chart_create(LR_CHART_RANK, dataset);

	lr_chart_add_indicator(chart, "ecommerce_revenue");
	assert_fails(chart, LR_STATUS_UNSUPPORTED, "ecommerce_revenue");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_single_year)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = rank_chart(dataset, LR_LANGUAGE_VI, egdi);

	lr_chart_add_year(chart, 2024);
	assert_fails(chart, LR_STATUS_UNSUPPORTED, "2024");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_single_year_of_data)
{
	lr_dataset_t *dataset = lr_dataset_create();
	lr_chart_t *chart;

	ct_add_indicator(dataset, "only_rank", "Xếp hạng", "Rank", "", "",
			 LR_INDICATOR_RANK, LR_DIRECTION_LOWER);
	ct_add_observation(dataset, "only_rank", VIET_NAM, 2024, 5, 10, LR_OBSERVATION_ACTUAL);
	chart = lr_chart_create(LR_CHART_RANK, dataset);
	lr_chart_add_indicator(chart, "only_rank");
	assert_fails(chart, LR_STATUS_UNSUPPORTED, "2024");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_unknown_entity)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = rank_chart(dataset, LR_LANGUAGE_VI, egdi);

	lr_chart_add_entity(chart, "Lào");
	assert_fails(chart, LR_STATUS_UNKNOWN_ENTITY, "Lào");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_error_unknown_indicator)
{
	lr_dataset_t *dataset = ct_load_data();
	lr_chart_t *chart = lr_chart_create(LR_CHART_RANK, dataset);

	lr_chart_add_indicator(chart, "egdi");
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_UNKNOWN_INDICATOR);
	assert_fails(chart, LR_STATUS_UNKNOWN_INDICATOR, "egdi");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* Many series on a long scale: made-up ranks out of 193 (the source line says so) */

#define SCALE_TOTAL 193
#define CONTEXT_GREY 0xB9BEC4u   /* the default theme's context colour */
#define HIGHLIGHT_ORANGE 0xD55E00u
/* A line of Noto Sans is about 1.36 sizes tall: a box lower than this holds text below the
 * floor. */
#define FLOOR_HEIGHT (LR_CHART_TEXT_SIZE_MIN * 1.3)

static const struct {
	const char *vi, *en;
} countries[] = {
	{ "Việt Nam", "Viet Nam" },   { "Thái Lan", "Thailand" },
	{ "In-đô-nê-xi-a", "Indonesia" }, { "Ma-lai-xi-a", "Malaysia" },
	{ "Phi-líp-pin", "Philippines" }, { "Cam-pu-chia", "Cambodia" },
	{ "Lào", "Laos" },             { "Mông Cổ", "Mongolia" },
};

static int
gcd(int a, int b)
{
	return b ? gcd(b, a % b) : a;
}

/* @series entities ranked between @best and @worst (out of 193) in @years: distinct ranks
 * each year, moving about. The first is "Hà Nội" (English "Hanoi"), then the countries
 * above, then "Tỉnh thử nghiệm N". */
static lr_dataset_t *
scale_dataset(int series, const int *years, int year_count, int best, int worst)
{
	lr_dataset_t *dataset = lr_dataset_create();
	int span = worst - best + 1, step = 37;

	while (gcd(step, span) != 1)
		step++;
	ck_assert_int_le(series, span);
	ct_add_indicator(dataset, "scale_rank", "Xếp hạng thử nghiệm", "Test rank", "", "",
			 LR_INDICATOR_RANK, LR_DIRECTION_LOWER);
	for (int e = 0; e < series; e++) {
		char *vi, *en;
		if (e == 0) {
			vi = g_strdup("Hà Nội");
			en = g_strdup("Hanoi");
		} else if (e <= N_ELEMENTS(countries)) {
			vi = g_strdup(countries[e - 1].vi);
			en = g_strdup(countries[e - 1].en);
		} else {
			vi = g_strdup_printf("Tỉnh thử nghiệm %d", e);
			en = g_strdup_printf("Test province %d", e);
		}
		for (int y = 0; y < year_count; y++)
			ct_add_observation(dataset, "scale_rank", vi, years[y],
					   best + (e * step + y * 17 * (e % 3 + 1)) % span, SCALE_TOTAL,
					   LR_OBSERVATION_ACTUAL);
		ck_assert_int_eq(lr_dataset_set_entity_name(dataset, vi, en), LR_STATUS_SUCCESS);
		g_free(vi);
		g_free(en);
	}
	ct_label_test_source(dataset, false);
	return dataset;
}

static lr_chart_t *
scale_chart(lr_dataset_t *dataset, lr_language_t language, const char *highlight)
{
	lr_chart_t *chart = lr_chart_create(LR_CHART_RANK, dataset);

	lr_chart_add_indicator(chart, "scale_rank");
	lr_chart_set_language(chart, language);
	lr_chart_set_highlight(chart, highlight);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	return chart;
}

/* Every text box above the floor; no two series a reader must tell apart in one colour:
 * without a highlight each line has a colour of its own, with one only the highlighted
 * line is coloured; the coloured series are named (end labels or a legend). */
static void
check_scale_layout(const ct_layout_t *layout, int series, bool highlight, const char *what,
		   GString *problems)
{
	GHashTable *colours = g_hash_table_new(g_direct_hash, g_direct_equal);
	char *text_problems = ct_layout_text_problems(layout);
	guint named = ct_layout_count(layout, "end-label") + ct_layout_count(layout, "legend-label");
	guint expected_colours = highlight ? 1 : (guint) series;

	if (text_problems)
		g_string_append_printf(problems, "%s:\n%s", what, text_problems);
	g_free(text_problems);
	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(layout->items, i);
		if (item->text && item->height < FLOOR_HEIGHT - CT_ROUNDING)
			g_string_append_printf(problems, "%s: text below the floor: %s %.1f %.1f %.1f %.1f \"%s\"\n",
					       what, item->role, item->x, item->y, item->width,
					       item->height, item->text);
		if ((strcmp(item->role, "line") == 0 || strcmp(item->role, "line-gap") == 0) &&
		    item->stroke != CONTEXT_GREY)
			g_hash_table_add(colours, GUINT_TO_POINTER(item->stroke));
	}
	if (g_hash_table_size(colours) != expected_colours)
		g_string_append_printf(problems, "%s: %u line colours other than the context grey, expected %u\n",
				       what, g_hash_table_size(colours), expected_colours);
	if (highlight && !g_hash_table_contains(colours, GUINT_TO_POINTER(HIGHLIGHT_ORANGE)))
		g_string_append_printf(problems, "%s: the highlighted line is not in the highlight colour\n", what);
	if (named != (highlight && series > LR_THEME_SERIES_COLORS ? 1u : (guint) series))
		g_string_append_printf(problems, "%s: %u series named, expected %d\n", what, named,
				       highlight && series > LR_THEME_SERIES_COLORS ? 1 : series);
	g_hash_table_unref(colours);
}

/* 1 to 60 series ranked out of 193, at both default sizes, in both languages, with and
 * without a highlight: each chart draws legibly or fails saying how to narrow it. */
START_TEST(test_many_series)
{
	static const int counts[] = { 1, 2, 3, 4, 7, 8, 9, 12, 30, 60 };
	static const double canvases[][2] = { { 1600, 900 }, { 720, 405 } };
	static const int years[] = { 2018, 2020, 2022, 2024 };
	GString *problems = g_string_new(NULL);

	for (int n = 0; n < N_ELEMENTS(counts); n++) {
		lr_dataset_t *dataset = scale_dataset(counts[n], years, N_ELEMENTS(years), 1, SCALE_TOTAL);
		for (int language = 0; language < 2; language++)
			for (int lit = 0; lit < 2; lit++) {
				/* The highlight given loosely: no diacritics, lower case. */
				lr_chart_t *chart = scale_chart(dataset, language ? LR_LANGUAGE_EN : LR_LANGUAGE_VI,
								lit ? "ha noi" : NULL);
				for (int c = 0; c < N_ELEMENTS(canvases); c++) {
					char *what = g_strdup_printf("%d series, %s, %s, %g x %g", counts[n],
								     language ? "en" : "vi", lit ? "highlight" : "no highlight",
								     canvases[c][0], canvases[c][1]);
					char *dump = lr_chart_describe_layout(chart, canvases[c][0], canvases[c][1]);
					if (!lit && counts[n] > LR_THEME_SERIES_COLORS) {
						const lr_error_t *error = lr_chart_get_error(chart);
						if (dump || !error || error->status != LR_STATUS_UNSUPPORTED ||
						    !strstr(error->message, "--highlight 'Hà Nội'") ||
						    !strstr(error->message, "--entity"))
							g_string_append_printf(problems, "%s: expected a refusal saying how to narrow the chart, got %s\n",
									       what, error && error->message ? error->message : "a chart");
					} else if (!dump) {
						g_string_append_printf(problems, "%s: failed: %s\n", what,
								       lr_chart_get_error(chart)->message);
					} else {
						ct_layout_t *layout = ct_layout_parse(dump);
						check_scale_layout(layout, counts[n], lit, what, problems);
						ct_layout_free(layout);
					}
					lr_free(dump);
					g_free(what);
				}
				lr_chart_destroy(chart);
			}
		lr_dataset_destroy(dataset);
	}
	ck_assert_msg(problems->len == 0, "%s", ct_brief(problems->str));
	g_string_free(problems, TRUE);
}
END_TEST

/* The time axis marks the years with data, where they fall in time. */
START_TEST(test_years_with_data)
{
	static const int even[] = { 2018, 2020, 2022, 2024 }, uneven[] = { 2018, 2022, 2023 };
	lr_dataset_t *dataset = scale_dataset(8, even, N_ELEMENTS(even), 40, 120);
	lr_chart_t *chart = scale_chart(dataset, LR_LANGUAGE_VI, NULL);
	ct_layout_t *layout = ct_layout_describe(chart, 1600, 900);
	GPtrArray *labels = ct_layout_find_all(layout, "year-label", NULL);
	double x[4];

	ck_assert_uint_eq(labels->len, 4);
	for (int i = 0; i < 4; i++) {
		const ct_item_t *label = g_ptr_array_index(labels, i);
		char year[8];
		g_snprintf(year, sizeof year, "%d", even[i]);
		ck_assert_str_eq(label->text, year);
		x[i] = label->x + label->width / 2;
	}
	ck_assert_double_eq_tol(x[1] - x[0], x[3] - x[2], 0.2);
	g_ptr_array_unref(labels);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);

	dataset = scale_dataset(8, uneven, N_ELEMENTS(uneven), 40, 120);
	chart = scale_chart(dataset, LR_LANGUAGE_EN, NULL);
	layout = ct_layout_describe(chart, 1600, 900);
	labels = ct_layout_find_all(layout, "year-label", NULL);
	ck_assert_uint_eq(labels->len, 3);
	for (int i = 0; i < 3; i++) {
		const ct_item_t *label = g_ptr_array_index(labels, i);
		char year[8];
		g_snprintf(year, sizeof year, "%d", uneven[i]);
		ck_assert_str_eq(label->text, year);
		x[i] = label->x + label->width / 2;
	}
	/* Four years, then one: four times the distance. */
	ck_assert_double_eq_tol((x[1] - x[0]) / (x[2] - x[1]), 4.0, 0.01);
	g_ptr_array_unref(labels);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Eight countries between rank 40 and 120 of 193: the axis spans their range (they fill the
 * plot), no tick is beyond 193, and the subtitle says what rank 1 is and out of how many.
 * Their ranks are written at a legible size (check_scale_layout), beside the points. */
START_TEST(test_rank_axis_range)
{
	static const int years[] = { 2018, 2020, 2022, 2024 };
	lr_dataset_t *dataset = scale_dataset(8, years, N_ELEMENTS(years), 40, 120);
	GString *problems = g_string_new(NULL);

	for (int language = 0; language < 2; language++) {
		lr_chart_t *chart = scale_chart(dataset, language ? LR_LANGUAGE_EN : LR_LANGUAGE_VI, NULL);
		ct_layout_t *layout = ct_layout_describe(chart, 1600, 900);
		GPtrArray *markers = ct_layout_find_all(layout, "marker", NULL);
		GPtrArray *ticks = ct_layout_find_all(layout, "tick-label", NULL);
		const ct_item_t *subtitle = ct_layout_find(layout, "subtitle", NULL);
		double top = INFINITY, bottom = -INFINITY;

		for (guint i = 0; i < markers->len; i++) {
			const ct_item_t *m = g_ptr_array_index(markers, i);
			top = MIN(top, m->y);
			bottom = MAX(bottom, m->y);
		}
		ck_assert_uint_eq(markers->len, 8 * 4);
		ck_assert_msg(bottom - top > 900 * 0.45, "the ranks fill %.0f of 900 px", bottom - top);
		for (guint i = 0; i < ticks->len; i++) {
			const ct_item_t *tick = g_ptr_array_index(ticks, i);
			ck_assert_int_le(atoi(tick->text), SCALE_TOTAL);
			ck_assert_int_ge(atoi(tick->text), 1);
		}
		ck_assert_ptr_nonnull(subtitle);
		ck_assert_msg(strstr(subtitle->text, language ? "1 = best" : "1 = cao nhất") &&
			      strstr(subtitle->text, "193"), "subtitle \"%s\"", subtitle->text);
		check_scale_layout(layout, 8, false, language ? "8 countries, en" : "8 countries, vi", problems);
		g_ptr_array_unref(markers);
		g_ptr_array_unref(ticks);
		ct_layout_free(layout);
		lr_chart_destroy(chart);
	}
	ck_assert_msg(problems->len == 0, "%s", ct_brief(problems->str));
	g_string_free(problems, TRUE);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Where rank 1 is: an axis that reaches the top marks rank 1 itself (ranks 1–8 or 2–9 of a
 * bump chart: ticks 1, 3, 5, 7 rather than 2, 4, 6, 8 with the best unmarked), with its
 * label apart from the next; one that does not (ranks 40–120) says over its labels which
 * way rank 1 is. At the default sizes, both languages. */
START_TEST(test_rank_one_readable)
{
	static const int years[] = { 2018, 2020, 2022, 2024 };
	static const double canvases[][2] = { { 1600, 900 }, { 800, 450 }, { 720, 405 } };
	static const int ranges[][2] = { { 1, 8 }, { 2, 9 }, { 1, 30 }, { 40, 120 } };
	GString *problems = g_string_new(NULL);

	for (int r = 0; r < N_ELEMENTS(ranges); r++) {
		lr_dataset_t *dataset = scale_dataset(8, years, N_ELEMENTS(years), ranges[r][0],
						      ranges[r][1]);
		for (int language = 0; language < 2; language++) {
			lr_chart_t *chart = scale_chart(dataset, language ? LR_LANGUAGE_EN : LR_LANGUAGE_VI,
							NULL);
			for (int c = 0; c < N_ELEMENTS(canvases); c++) {
				ct_layout_t *layout = ct_layout_describe(chart, canvases[c][0], canvases[c][1]);
				const ct_item_t *one = ct_layout_find(layout, "tick-label", "1");
				const ct_item_t *note = ct_layout_find(layout, "rank-axis-note", NULL);
				GPtrArray *ticks = ct_layout_find_all(layout, "tick-label", NULL);
				char *what = g_strdup_printf("ranks %d-%d, %s, %g x %g", ranges[r][0],
							     ranges[r][1], language ? "en" : "vi",
							     canvases[c][0], canvases[c][1]);
				check_scale_layout(layout, 8, false, what, problems);
				if (ranges[r][0] < 10) {
					if (!one || note)
						g_string_append_printf(problems, "%s: rank 1 %s a tick%s\n", what,
								       one ? "is" : "is not",
								       note ? ", and a note" : "");
					/* The top tick: rank 1 is the highest label. */
					for (guint i = 0; one && i < ticks->len; i++) {
						const ct_item_t *tick = g_ptr_array_index(ticks, i);
						if (tick != one && tick->y <= one->y + one->height * 1.15)
							g_string_append_printf(problems, "%s: tick %s at %.1f crowds rank 1 at %.1f\n",
									       what, tick->text, tick->y, one->y);
					}
				} else {
					const ct_item_t *top = ticks->len ? g_ptr_array_index(ticks, 0) : NULL;
					if (one || !note || !top)
						g_string_append_printf(problems, "%s: expected no tick 1 and a note, got %s and %s\n",
								       what, one ? "a tick 1" : "no tick 1",
								       note ? note->text : "no note");
					else if (strcmp(note->text, language ? "↑ rank 1" : "↑ hạng 1") != 0 ||
						 note->y + note->height > top->y + CT_ROUNDING)
						g_string_append_printf(problems, "%s: note \"%s\" at %.1f, the top tick at %.1f\n",
								       what, note->text, note->y, top->y);
				}
				g_ptr_array_unref(ticks);
				ct_layout_free(layout);
				g_free(what);
			}
			lr_chart_destroy(chart);
		}
		lr_dataset_destroy(dataset);
	}
	ck_assert_msg(problems->len == 0, "%s", ct_brief(problems->str));
	g_string_free(problems, TRUE);
}
END_TEST

/* Reads "needs at least W × H" from @message. */
static bool
size_in_message(const char *message, double *width, double *height)
{
	const char *at = message ? strstr(message, "needs at least ") : NULL;

	return at && sscanf(at + strlen("needs at least "), "%lf × %lf", width, height) == 2;
}

/* A canvas too small for a ranking chart is refused with the size that fits, grown only
 * where it fell short: the chart draws there, and not a pixel smaller in the grown side. */
START_TEST(test_too_small_names_size)
{
	static const int years[] = { 2018, 2020, 2022, 2024 };
	static const double canvases[][2] = { { 300, 170 }, { 250, 140 }, { 200, 400 },
					      { 800, 120 }, { 100, 60 }, { 400, 100 }, { 60, 300 } };
	lr_dataset_t *dataset = scale_dataset(8, years, N_ELEMENTS(years), 40, 120);
	lr_chart_t *chart = scale_chart(dataset, LR_LANGUAGE_VI, NULL);

	for (int c = 0; c < N_ELEMENTS(canvases); c++) {
		double w = canvases[c][0], h = canvases[c][1], fit_w, fit_h;
		char *dump = lr_chart_describe_layout(chart, w, h);
		const lr_error_t *error = lr_chart_get_error(chart);
		ct_layout_t *layout;

		ck_assert_msg(!dump, "%g x %g drew", w, h);
		ck_assert_msg(size_in_message(error->message, &fit_w, &fit_h), "%g x %g: %s", w, h,
			      error->message);
		ck_assert_msg(g_str_has_prefix(error->message, "the canvas ("), "%s", error->message);
		ck_assert_msg(fit_w >= w && fit_h >= h && (fit_w > w || fit_h > h), "%s", error->message);
		layout = ct_layout_describe(chart, fit_w, fit_h); /* error is stale from here */
		ct_assert_text_fits(layout, "a ranking chart at the size its error named");
		ct_layout_free(layout);
		/* A pixel less where it grew does not fit. */
		/* Grown one way: a pixel less that way does not fit. */
		for (int side = 0; side < 2 && (fit_w == w || fit_h == h); side++) {
			bool grew = side ? fit_h > h : fit_w > w;
			char *smaller = grew ? lr_chart_describe_layout(chart, fit_w - !side, fit_h - side) : NULL;
			ck_assert_msg(!smaller, "%g x %g: %g x %g fits, not only %g x %g", w, h,
				      fit_w - !side, fit_h - side, fit_w, fit_h);
		}
	}
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* Where 60 lines cross, the grey context lines have no casing to blank the crossings out:
 * only the highlighted line has one, and casings are thin. */
START_TEST(test_casings_keep_crossings)
{
	static const int years[] = { 2018, 2020, 2022, 2024 };
	lr_dataset_t *dataset = scale_dataset(60, years, N_ELEMENTS(years), 1, SCALE_TOTAL);
	lr_chart_t *chart = scale_chart(dataset, LR_LANGUAGE_VI, "Hanoi");
	ct_layout_t *layout = ct_layout_describe(chart, 1600, 900);
	GPtrArray *casings = ct_layout_find_all(layout, "line-casing", NULL);
	GPtrArray *lines = ct_layout_find_all(layout, "line", NULL);
	double widest_line = 0;

	for (guint i = 0; i < lines->len; i++)
		widest_line = MAX(widest_line, ((const ct_item_t *) g_ptr_array_index(lines, i))->line_width);
	ck_assert_uint_eq(lines->len, 60 * 3);
	ck_assert_uint_eq(casings->len, 3); /* the highlighted line's three segments */
	for (guint i = 0; i < casings->len; i++)
		ck_assert_double_le(((const ct_item_t *) g_ptr_array_index(casings, i))->line_width,
				    widest_line * 3 - 0.5);
	g_ptr_array_unref(casings);
	g_ptr_array_unref(lines);
	ct_layout_free(layout);
	lr_chart_destroy(chart);

	/* Eight coloured lines: each cased, thinly. */
	lr_dataset_destroy(dataset);
	dataset = scale_dataset(8, years, N_ELEMENTS(years), 1, SCALE_TOTAL);
	chart = scale_chart(dataset, LR_LANGUAGE_VI, NULL);
	layout = ct_layout_describe(chart, 1600, 900);
	casings = ct_layout_find_all(layout, "line-casing", NULL);
	lines = ct_layout_find_all(layout, "line", NULL);
	ck_assert_uint_eq(casings->len, lines->len);
	for (guint i = 0; i < casings->len; i++)
		ck_assert_double_le(((const ct_item_t *) g_ptr_array_index(casings, i))->line_width,
				    ((const ct_item_t *) g_ptr_array_index(lines, i))->line_width * 2);
	g_ptr_array_unref(casings);
	g_ptr_array_unref(lines);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* --highlight and --entity name an entity in either language, without diacritics or case;
 * naming none is an error with the closest names, not a chart with every line grey. */
START_TEST(test_loose_names)
{
	static const int years[] = { 2018, 2020, 2022, 2024 };
	lr_dataset_t *dataset = scale_dataset(8, years, N_ELEMENTS(years), 40, 120);
	static const char *const found[] = { "Viet Nam", "viet nam", "VIỆT NAM", "Việt Nam" };
	lr_chart_t *chart;
	ct_layout_t *layout;

	for (int i = 0; i < N_ELEMENTS(found); i++) {
		GString *problems = g_string_new(NULL);
		chart = scale_chart(dataset, LR_LANGUAGE_EN, found[i]);
		layout = ct_layout_describe(chart, 1600, 900);
		check_scale_layout(layout, 8, true, found[i], problems);
		ck_assert_msg(problems->len == 0, "%s", problems->str);
		g_string_free(problems, TRUE);
		ct_layout_free(layout);
		lr_chart_destroy(chart);
	}

	chart = scale_chart(dataset, LR_LANGUAGE_VI, "Ha Nol");
	assert_fails(chart, LR_STATUS_UNKNOWN_ENTITY, "the highlight 'Ha Nol' names no entity of this chart; did you mean 'Hà Nội'?");
	lr_chart_destroy(chart);
	chart = scale_chart(dataset, LR_LANGUAGE_EN, "Hanio");
	assert_fails(chart, LR_STATUS_UNKNOWN_ENTITY, "did you mean 'Hà Nội' (Hanoi)?");
	lr_chart_destroy(chart);

	/* Entities: the English name, and one letter off. */
	chart = scale_chart(dataset, LR_LANGUAGE_VI, NULL);
	lr_chart_add_entity(chart, "Thailand");
	lr_chart_add_entity(chart, "lao");
	layout = ct_layout_describe(chart, 1600, 900);
	ck_assert_ptr_nonnull(ct_layout_find(layout, "end-label", "Thái Lan"));
	ck_assert_ptr_nonnull(ct_layout_find(layout, "end-label", "Lào"));
	ck_assert_uint_eq(ct_layout_count(layout, "end-label"), 2);
	ct_layout_free(layout);
	lr_chart_destroy(chart);
	chart = scale_chart(dataset, LR_LANGUAGE_VI, NULL);
	lr_chart_add_entity(chart, "phi lip pin"); /* hyphens as spaces */
	lr_chart_add_entity(chart, "Cambodja");
	assert_fails(chart, LR_STATUS_UNKNOWN_ENTITY, "'Cambodja' in the chosen indicators and years; did you mean 'Cam-pu-chia' (Cambodia)?");
	lr_chart_destroy(chart);

	/* Indicators: a typo is refused with the id meant. */
	chart = lr_chart_create(LR_CHART_RANK, dataset);
	lr_chart_add_indicator(chart, "scale_rnak");
	ct_assert_chart_error(chart, LR_STATUS_UNKNOWN_INDICATOR, "did you mean 'scale_rank'?");
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}
END_TEST

/* The diagonal hairline: a path's current point left by one item (a label) and joined to the
 * next item's arc (a marker) draws a zero-area sliver from the label to the marker, which
 * PDF and SVG viewers draw as a hairline. So every curved path (a marker; glyphs) of the SVG,
 * and of the PDF turned into SVG by poppler, must stay as small as a marker. */
static double
widest_curved_path(const char *svg, char **where)
{
	double widest = 0;

	*where = NULL;
	for (const char *d = strstr(svg, " d=\""); d; d = strstr(d + 1, " d=\"")) {
		const char *end = strchr(d + 4, '"');
		char *path = g_strndup(d + 4, (gsize) (end - d - 4));
		double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
		int index = 0;
		if (strchr(path, 'C')) {
			for (char *p = path; *p;) {
				char *next;
				double value;
				if (!(g_ascii_isdigit(*p) || *p == '-' || *p == '.')) {
					p++;
					continue;
				}
				value = g_ascii_strtod(p, &next);
				if (next == p) {
					p++;
					continue;
				}
				if (index++ % 2 == 0) {
					min_x = MIN(min_x, value);
					max_x = MAX(max_x, value);
				} else {
					min_y = MIN(min_y, value);
					max_y = MAX(max_y, value);
				}
				p = next;
			}
			if (MAX(max_x - min_x, max_y - min_y) > widest) {
				widest = MAX(max_x - min_x, max_y - min_y);
				g_free(*where);
				*where = g_strndup(path, 300);
			}
		}
		g_free(path);
	}
	return widest;
}

static void
assert_no_stray_path(lr_chart_t *chart, const char *dir, const char *name)
{
	char *svg_path = g_strdup_printf("%s/%s.svg", dir, name);
	char *pdf_path = g_strdup_printf("%s/%s.pdf", dir, name);
	char *from_pdf = g_strdup_printf("%s/%s-from-pdf.svg", dir, name);
	char *program = g_find_program_in_path("pdftocairo");
	const char *files[2] = { svg_path, from_pdf };

	ck_assert_int_eq(lr_chart_write(chart, svg_path, LR_FORMAT_SVG, 800, 450, 1), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_write(chart, pdf_path, LR_FORMAT_PDF, 800, 450, 1), LR_STATUS_SUCCESS);
	ck_assert_msg(program != NULL, "pdftocairo (poppler-utils) is needed to read the PDF's paths");
	{
		char *argv[] = { program, (char *) "-svg", pdf_path, from_pdf, NULL };
		int wait_status = 0;
		ck_assert(g_spawn_sync(NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
				       NULL, &wait_status, NULL));
		ck_assert_msg(WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0, "pdftocairo failed");
	}
	for (int i = 0; i < 2; i++) {
		char *svg = NULL, *where;
		double widest;
		ck_assert(g_file_get_contents(files[i], &svg, NULL, NULL));
		widest = widest_curved_path(svg, &where);
		/* Markers and glyphs are at most a few tens of units across. */
		ck_assert_msg(widest < 60, "%s: a curved path spans %.0f units (a stray segment): %s",
			      files[i], widest, where ? where : "");
		ck_assert_msg(widest > 2, "%s: no markers found", files[i]);
		g_free(where);
		g_free(svg);
	}
	g_free(program);
	g_free(svg_path);
	g_free(pdf_path);
	g_free(from_pdf);
}

START_TEST(test_no_stray_path)
{
	lr_dataset_t *data = ct_load_data(), *bump_data = bump_dataset(false);
	lr_chart_t *egdi_rank = egdi_chart(data, LR_LANGUAGE_VI);
	lr_chart_t *bump_rank = bump_chart(bump_data, LR_LANGUAGE_EN);
	char *dir = ct_make_temp_dir();

	assert_no_stray_path(egdi_rank, dir, "egdi");
	assert_no_stray_path(bump_rank, dir, "bump");
	ct_remove_tree(dir);
	g_free(dir);
	lr_chart_destroy(egdi_rank);
	lr_chart_destroy(bump_rank);
	lr_dataset_destroy(data);
	lr_dataset_destroy(bump_data);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */

/* The tests every kind's suite runs (chart-test-util.h), on ranking charts; the chart set
 * is charts.ini's rank charts and the bump chart. */
static const ct_kind_tests_t rank_tests = {
	.set = {
		.kind = LR_CHART_RANK,
		.what = "rank charts",
		.check_layout = check_rank_layout,
		.extra_name = "bump",
		.extra_dataset = bump_dataset_nfc,
		.extra_chart = bump_chart,
	},
	.goldens = goldens,
	.golden_count = N_ELEMENTS(goldens),
	.pixel_goldens = pixel_goldens,
	.pixel_golden_count = N_ELEMENTS(pixel_goldens),
	.same_bytes_dataset = bump_dataset_nfc,
	.same_bytes_chart = bump_chart,
};

static Suite *
rank_suite(void)
{
	Suite *suite = suite_create("rank");
	ct_kind_tcases_t shared = ct_add_kind_tests(suite, &rank_tests);
	TCase *tc;

	tcase_add_test(shared.normalization, test_nfd_entity_and_highlight);

	tc = ct_add_tcase(suite, "reading", 60);
	tcase_add_test(tc, test_rank_one_on_top);
	tcase_add_test(tc, test_years_left_to_right);
	tcase_add_test(tc, test_end_labels);
	tcase_add_test(tc, test_end_labels_never_cut);
	tcase_add_test(tc, test_change_colours);
	tcase_add_test(tc, test_gap);
	tcase_add_test(tc, test_legend_fallback);
	tcase_add_test(tc, test_bump_markers_apart);
	tcase_add_test(tc, test_years_with_data);
	tcase_add_test(tc, test_rank_axis_range);
	tcase_add_test(tc, test_rank_one_readable);
	tcase_add_test(tc, test_too_small_names_size);
	tcase_add_test(tc, test_casings_keep_crossings);
	tcase_add_test(tc, test_no_stray_path);

	tc = ct_add_tcase(suite, "scale", 240);
	tcase_add_test(tc, test_many_series);

	tc = ct_add_tcase(suite, "errors", 60);
	tcase_add_test(tc, test_error_not_a_rank);
	tcase_add_test(tc, test_error_single_year);
	tcase_add_test(tc, test_error_single_year_of_data);
	tcase_add_test(tc, test_error_unknown_entity);
	tcase_add_test(tc, test_error_unknown_indicator);
	tcase_add_test(tc, test_loose_names);
	return suite;
}

const lr_test_program_t lr_test_program = { rank_suite, NULL, NULL };
