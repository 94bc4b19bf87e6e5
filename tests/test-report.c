/* libreport tests: the report engine's model, pagination rules and C API (white box: the
 * page plan is read directly, so each typesetting rule is checked on every page).
 *
 * Rules checked on every plan built here:
 * - no page ends with a heading (keep-with-next);
 * - a paragraph piece is never a single line when its paragraph has more (no orphan/widow);
 * - a figure is placed whole, its caption with it; every box lies inside the page's text area
 *   (unless it is taller than a page's area, which only a single line may be);
 * - a table piece after the first repeats the header (caption off), the last has its notes;
 * - contents entries point at the pages their headings are on.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "test-main.h"
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>

#include "report-measure-private.h"

#if !defined(LR_DATA_DIR) || !defined(LR_TEST_DATA_DIR) || !defined(LR_GOLDEN_DIR)
#error "LR_DATA_DIR, LR_TEST_DATA_DIR and LR_GOLDEN_DIR must be defined (tests/meson.build)"
#endif

static lr_dataset_t *bundled;

static void
setup(void)
{
	bundled = lr_dataset_load(LR_DATA_DIR);
	ck_assert_int_eq(lr_dataset_status(bundled), LR_STATUS_SUCCESS);
}

static void
teardown(void)
{
	lr_dataset_destroy(bundled);
	bundled = NULL;
}

static const char lorem[] =
	"Chuyển đổi số quốc gia tiếp tục đạt nhiều kết quả quan trọng, tạo nền tảng cho tăng trưởng "
	"kinh tế số và xã hội số. Các bộ, ngành và địa phương đã triển khai đồng bộ nhiều nhiệm vụ, "
	"từ hạ tầng số, dữ liệu số đến dịch vụ công trực tuyến toàn trình phục vụ người dân.";

static char *
long_paragraph(int sentences)
{
	GString *text = g_string_new(NULL);

	for (int i = 0; i < sentences; i++) {
		g_string_append(text, lorem);
		g_string_append_c(text, ' ');
	}
	return g_string_free(text, FALSE);
}

/* Checks the rules in the header comment on @report's plan; returns the plan. */
static const lr_report_layout_t *
checked_plan(lr_report_t *report)
{
	const lr_report_layout_t *layout;
	int pages = lr_report_get_page_count(report);

	ck_assert_msg(pages > 0, "no pages: %s",
		      lr_report_get_last_error(report) ? lr_report_get_last_error(report)->message : "?");
	layout = report->layout;
	ck_assert_ptr_nonnull(layout);
	for (guint p = 1; p < layout->pages->len; p++) {
		const lr_page_plan_t *page = g_ptr_array_index(layout->pages, p);
		double top = layout->margin_top - 0.01;
		double bottom = layout->page_height - layout->margin_bottom + 0.01;

		if (page->placed->len) {
			const lr_placed_t *last = &g_array_index(page->placed, lr_placed_t,
								 page->placed->len - 1);
			/* Only an empty section's page may hold nothing but its heading. */
			bool empty_section = page->placed->len == 1 && last->measured->block &&
					     last->measured->block->level == 1;
			ck_assert_msg(last->kind != LR_PLACED_HEADING || empty_section ||
					      p + 1 == layout->pages->len,
				      "page %u ends with a heading", p + 1);
		}
		for (guint k = 0; k < page->placed->len; k++) {
			const lr_placed_t *placed = &g_array_index(page->placed, lr_placed_t, k);
			const lr_measured_t *m = placed->measured;

			if (placed->kind == LR_PLACED_TEXT && m && m->lines->len > 1)
				ck_assert_msg(placed->count >= 2 ||
						      placed->height > bottom - top - 30,
					      "page %u: a lone line of a %u-line paragraph", p + 1,
					      m->lines->len);
			ck_assert_msg(placed->y >= top && placed->y + placed->height <= bottom,
				      "page %u: a %d box %.1f..%.1f outside %.1f..%.1f", p + 1,
				      placed->kind, placed->y, placed->y + placed->height, top, bottom);
			if (placed->kind == LR_PLACED_TABLE && placed->first > 0)
				ck_assert(!placed->caption);
			if (placed->kind == LR_PLACED_CONTENTS_ENTRY) {
				const lr_heading_entry_t *entry = &g_array_index(
					layout->headings, lr_heading_entry_t, placed->target);
				ck_assert_int_ge(entry->page, 1);
			}
		}
	}
	return layout;
}

/* The page of the first heading whose text contains @words, or -1. */
static int
heading_page(const lr_report_layout_t *layout, const char *words)
{
	for (guint i = 0; i < layout->headings->len; i++) {
		const lr_heading_entry_t *entry = &g_array_index(layout->headings, lr_heading_entry_t, i);
		if (strstr(entry->text, words))
			return entry->page;
	}
	return -1;
}

START_TEST(test_cover_contents_sections)
{
	lr_report_t *report = lr_report_create(bundled);
	const lr_report_layout_t *layout;
	char *dump;

	lr_report_set_title(report, "Báo cáo thử nghiệm");
	lr_report_add_heading(report, 1, "Tổng quan");
	lr_report_add_paragraph(report, lorem);
	lr_report_add_heading(report, 2, "Chính phủ số");
	lr_report_add_paragraph(report, lorem);
	lr_report_add_heading(report, 1, "Kinh tế số");
	lr_report_add_paragraph(report, "R&D <5%> stays literal");
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_SUCCESS);
	layout = checked_plan(report);
	/* cover, contents, two sections: each section starts a page */
	ck_assert_int_eq(layout->pages->len, 4);
	ck_assert_int_eq(heading_page(layout, "Tổng quan"), 2);
	ck_assert_int_eq(heading_page(layout, "Chính phủ số"), 2);
	ck_assert_int_eq(heading_page(layout, "Kinh tế số"), 3);
	dump = lr_report_describe_layout(report);
	ck_assert_ptr_nonnull(strstr(dump, "contents-entry"));
	ck_assert_ptr_nonnull(strstr(dump, "\"R&D <5%> stays literal\""));
	ck_assert_ptr_nonnull(strstr(dump, "1.1. Chính phủ số"));
	lr_free(dump);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_long_paragraph_splits_without_widows)
{
	lr_report_t *report = lr_report_create(bundled);
	char *text = long_paragraph(60);
	const lr_report_layout_t *layout;
	int pieces = 0;

	lr_report_set_title(report, "Dài");
	lr_report_add_heading(report, 1, "Một đoạn dài hơn một trang");
	lr_report_add_paragraph(report, text);
	layout = checked_plan(report);
	for (guint p = 0; p < layout->pages->len; p++) {
		const lr_page_plan_t *page = g_ptr_array_index(layout->pages, p);
		for (guint k = 0; k < page->placed->len; k++)
			pieces += g_array_index(page->placed, lr_placed_t, k).kind == LR_PLACED_TEXT;
	}
	ck_assert_int_ge(pieces, 3);
	g_free(text);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_heading_at_foot_moves_on)
{
	/* Fill a page with paragraphs, then put subsections where they fall near its foot: none
	 * may end a page, whatever the paragraph count. */
	for (int n = 1; n <= 12; n++) {
		lr_report_t *report = lr_report_create(bundled);
		lr_report_set_title(report, "Tiêu đề");
		lr_report_add_heading(report, 1, "Mục");
		for (int i = 0; i < n; i++) {
			lr_report_add_paragraph(report, lorem);
			lr_report_add_heading(report, 2, "Tiểu mục");
		}
		lr_report_add_paragraph(report, lorem);
		checked_plan(report);
		lr_report_destroy(report);
	}
}
END_TEST

START_TEST(test_figure_keeps_caption_and_moves_whole)
{
	for (int n = 0; n <= 8; n++) {
		lr_report_t *report = lr_report_create(bundled);
		lr_chart_t *chart = lr_chart_create(LR_CHART_BAR, bundled);
		const lr_report_layout_t *layout;
		bool found = false;

		lr_chart_add_indicator(chart, "ecommerce_revenue");
		lr_report_set_title(report, "Hình");
		lr_report_add_heading(report, 1, "Mục");
		for (int i = 0; i < n; i++)
			lr_report_add_paragraph(report, lorem);
		lr_report_add_chart(report, chart, "Doanh thu thương mại điện tử");
		layout = checked_plan(report);
		for (guint p = 0; p < layout->pages->len; p++) {
			const lr_page_plan_t *page = g_ptr_array_index(layout->pages, p);
			for (guint k = 0; k < page->placed->len; k++) {
				const lr_placed_t *placed = &g_array_index(page->placed, lr_placed_t, k);
				if (placed->kind != LR_PLACED_FIGURE)
					continue;
				found = true;
				ck_assert(placed->height > placed->measured->chart_height);
				ck_assert_ptr_nonnull(strstr(pango_layout_get_text(placed->measured->caption),
							     "Hình 1. Doanh thu"));
			}
		}
		ck_assert(found);
		ck_assert_int_eq(layout->figure_alts->len, 1);
		ck_assert_ptr_nonnull(strstr(g_ptr_array_index(layout->figure_alts, 0), "2023"));
		lr_report_destroy(report);
	}
}
END_TEST

/* A dataset of @rows indicators with figures for 2022–2024, in memory. */
static lr_dataset_t *
synthetic_rows(int rows)
{
	lr_dataset_t *dataset = lr_dataset_create();

	for (int i = 0; i < rows; i++) {
		char id[32], name[64];
		lr_indicator_t indicator = { .id = id, .name_vi = name, .name_en = name, .unit_vi = "%",
					     .unit_en = "%", .kind = LR_INDICATOR_SHARE,
					     .better = LR_DIRECTION_HIGHER, .pillar = "economy", .note = "" };
		snprintf(id, sizeof id, "row_%03d", i);
		snprintf(name, sizeof name, "Chỉ tiêu tổng hợp số %d của tỉnh", i);
		lr_dataset_add_indicator(dataset, &indicator);
		for (int year = 2022; year <= 2024; year++) {
			lr_observation_t o = { .indicator = id, .entity = "Việt Nam", .year = year,
					       .period = "", .value = fmod(i * 7.3 + year, 100),
					       .low = NAN, .high = NAN, .status = LR_OBSERVATION_ACTUAL,
					       .source = "synthetic.txt", .quote = "", .note = "" };
			lr_dataset_add_observation(dataset, &o);
		}
	}
	return dataset;
}

START_TEST(test_table_of_300_rows_repeats_header)
{
	lr_dataset_t *dataset = synthetic_rows(300);
	lr_report_t *report = lr_report_create(dataset);
	const char **ids = g_new(const char *, 300);
	char **owned = g_new(char *, 300);
	const lr_report_layout_t *layout;
	int pieces = 0, rows = 0;

	for (int i = 0; i < 300; i++)
		ids[i] = owned[i] = g_strdup_printf("row_%03d", i);
	lr_report_set_title(report, "Bảng dài");
	lr_report_add_heading(report, 1, "Bảng");
	lr_report_add_table(report, ids, 300, NULL, 0, NULL, 0, "Ba trăm chỉ tiêu");
	ck_assert_msg(lr_report_status(report) == LR_STATUS_SUCCESS, "%s",
		      lr_report_get_error(report, 0)->message);
	layout = checked_plan(report);
	for (guint p = 0; p < layout->pages->len; p++) {
		const lr_page_plan_t *page = g_ptr_array_index(layout->pages, p);
		for (guint k = 0; k < page->placed->len; k++) {
			const lr_placed_t *placed = &g_array_index(page->placed, lr_placed_t, k);
			if (placed->kind != LR_PLACED_TABLE)
				continue;
			ck_assert_int_eq(placed->first, rows);
			ck_assert(placed->caption == (pieces == 0));
			rows += placed->count;
			pieces++;
			ck_assert(placed->footer == (rows == 300));
		}
	}
	ck_assert_int_eq(rows, 300);
	ck_assert_int_ge(pieces, 5);
	for (int i = 0; i < 300; i++)
		g_free(owned[i]);
	g_free(owned);
	g_free(ids);
	lr_report_destroy(report);
	lr_dataset_destroy(dataset);
}
END_TEST

START_TEST(test_empty_section_and_1000_sections)
{
	lr_report_t *report = lr_report_create(bundled);
	const lr_report_layout_t *layout;

	lr_report_set_title(report, "Nghìn mục");
	lr_report_add_heading(report, 1, "Mục trống");
	for (int i = 0; i < 1000; i++) {
		char title[64];
		snprintf(title, sizeof title, "Mục %d", i + 1);
		lr_report_add_heading(report, i % 4 ? 2 : 1, title);
		lr_report_add_paragraph(report, lorem);
	}
	layout = checked_plan(report);
	/* The contents take pages of their own before the body. */
	ck_assert_int_gt(heading_page(layout, "Mục trống"), 10);
	ck_assert_int_gt(layout->pages->len, 250);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_contents_numbers_match)
{
	lr_report_t *report = lr_report_create(bundled);
	const lr_report_layout_t *layout;
	char *text = long_paragraph(12);

	lr_report_set_title(report, "Mục lục");
	for (int i = 0; i < 6; i++) {
		lr_report_add_heading(report, 1, "Phần");
		lr_report_add_paragraph(report, text);
		lr_report_add_heading(report, 2, "Tiểu mục");
		lr_report_add_paragraph(report, text);
	}
	layout = checked_plan(report);
	for (guint p = 0; p < layout->pages->len; p++) {
		const lr_page_plan_t *page = g_ptr_array_index(layout->pages, p);
		for (guint k = 0; k < page->placed->len; k++) {
			const lr_placed_t *placed = &g_array_index(page->placed, lr_placed_t, k);
			const lr_heading_entry_t *entry;
			const lr_page_plan_t *target;
			bool there = false;

			if (placed->kind != LR_PLACED_CONTENTS_ENTRY)
				continue;
			entry = &g_array_index(layout->headings, lr_heading_entry_t, placed->target);
			target = g_ptr_array_index(layout->pages, entry->page);
			for (guint j = 0; j < target->placed->len; j++) {
				const lr_placed_t *h = &g_array_index(target->placed, lr_placed_t, j);
				there |= h->kind == LR_PLACED_HEADING && h->measured->heading ==
										placed->target;
			}
			ck_assert_msg(there, "contents entry '%s' points at page %d without it",
				      entry->text, entry->page + 1);
		}
	}
	g_free(text);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_draw_pages_and_errors)
{
	lr_report_t *report = lr_report_create(bundled);
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 300, 420);
	cairo_t *cr = cairo_create(surface);
	double width, height;
	int pages;

	lr_report_set_title(report, "Vẽ");
	lr_report_set_page_size(report, LR_PAGE_A5);
	lr_report_get_page_size(report, &width, &height);
	ck_assert(fabs(width - 419.5) < 1 && fabs(height - 595.3) < 1);
	lr_report_add_heading(report, 1, "Mục");
	lr_report_add_key_figure(report, "egdi_rank", NULL, 0, NULL);
	lr_report_add_paragraph(report, lorem);
	pages = lr_report_get_page_count(report);
	ck_assert_int_ge(pages, 3);
	cairo_scale(cr, 300 / width, 420 / height);
	for (int i = 0; i < pages; i++)
		ck_assert_int_eq(lr_report_draw_page(report, i, cr), LR_STATUS_SUCCESS);
	/* A call's own error stays with the call. */
	ck_assert_int_eq(lr_report_draw_page(report, pages, cr), LR_STATUS_INVALID_ARGUMENT);
	ck_assert_ptr_nonnull(lr_report_get_last_error(report));
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_report_write(report, "/nonexistent/folder/x.pdf", LR_FORMAT_AUTO, 0),
			 LR_STATUS_WRITE_ERROR);
	ck_assert_int_eq(lr_report_draw_page(report, 0, cr), LR_STATUS_SUCCESS);
	ck_assert_ptr_null(lr_report_get_last_error(report));
	/* Specification errors are sticky and located. */
	lr_report_add_key_figure(report, "no_such_indicator", NULL, 0, NULL);
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_UNKNOWN_INDICATOR);
	lr_report_add_heading(report, 9, "x");
	ck_assert_int_eq(lr_report_get_error_count(report), 1);
	ck_assert_int_eq(lr_report_draw_page(report, 0, cr), LR_STATUS_UNKNOWN_INDICATOR);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_null_and_inert)
{
	lr_report_t *report = lr_report_create(NULL);

	lr_report_destroy(NULL);
	ck_assert_int_eq(lr_report_status(NULL), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_report_get_page_count(NULL), 0);
	ck_assert_ptr_null(lr_report_get_error(NULL, 0));
	ck_assert_int_eq(lr_report_draw_page(NULL, 0, NULL), LR_STATUS_NULL_POINTER);
	lr_report_add_paragraph(report, "abc\xff");
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_INVALID_UTF8);
	lr_report_destroy(report);
	report = lr_report_create(NULL);
	lr_report_add_table(report, NULL, 0, NULL, 0, NULL, 0, NULL);
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_NULL_POINTER);
	lr_report_destroy(report);
	report = lr_report_create(NULL);
	lr_report_add_chart(report, NULL, NULL);
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_NULL_POINTER);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_language_changes_after_building)
{
	lr_report_t *report = lr_report_create(bundled);
	lr_chart_t *chart = lr_chart_create(LR_CHART_RANK, bundled);
	char *vi, *en;

	lr_chart_add_indicator(chart, "egdi_rank");
	lr_report_set_title(report, "Hai ngôn ngữ");
	lr_report_add_heading(report, 1, "Xếp hạng");
	lr_report_add_chart(report, chart, NULL);
	vi = lr_report_describe_layout(report);
	lr_report_set_language(report, LR_LANGUAGE_EN);
	en = lr_report_describe_layout(report);
	ck_assert_ptr_nonnull(strstr(vi, "Mục lục"));
	ck_assert_ptr_nonnull(strstr(en, "Contents"));
	ck_assert_ptr_nonnull(strstr(vi, "Hình 1."));
	ck_assert_ptr_nonnull(strstr(en, "Figure 1."));
	lr_free(vi);
	lr_free(en);
	lr_report_destroy(report);
}
END_TEST

/* Page-layout goldens: the text of lr_report_describe_layout() (every block's page and box)
 * for a spec with every kind of block, in two languages and page sizes. They survive font
 * rasteriser changes but not layout changes. LR_UPDATE_GOLDENS=1 rewrites them. */
static void
check_layout_golden(const char *spec, lr_language_t language, lr_page_size_t size,
		    const char *golden)
{
	char *spec_path = g_build_filename(LR_TEST_DATA_DIR, "report-golden", spec, NULL);
	char *golden_path = g_build_filename(LR_GOLDEN_DIR, "report", golden, NULL);
	lr_report_t *report = lr_report_load(spec_path, NULL);
	char *actual, *expected = NULL;

	ck_assert_msg(lr_report_status(report) == LR_STATUS_SUCCESS, "%s: %s", spec,
		      lr_report_get_error_count(report) ? lr_report_get_error(report, 0)->message : "");
	lr_report_set_language(report, language);
	lr_report_set_page_size(report, size);
	checked_plan(report);
	actual = lr_report_describe_layout(report);
	ck_assert_ptr_nonnull(actual);
	if (g_getenv("LR_UPDATE_GOLDENS")) {
		ck_assert(g_file_set_contents(golden_path, actual, -1, NULL));
	} else {
		ck_assert_msg(g_file_get_contents(golden_path, &expected, NULL, NULL),
			      "no golden %s (LR_UPDATE_GOLDENS=1 writes it)", golden_path);
		if (strcmp(actual, expected) != 0) {
			char *saved = g_build_filename(g_get_tmp_dir(), golden, NULL);
			const char *a = actual, *e = expected;
			int line = 1;
			g_file_set_contents(saved, actual, -1, NULL);
			for (; *a && *a == *e; a++, e++)
				line += *a == '\n';
			ck_abort_msg("%s differs from %s from line %d (actual saved as %s)", spec, golden,
				     line, saved);
		}
	}
	g_free(expected);
	lr_free(actual);
	lr_report_destroy(report);
	g_free(spec_path);
	g_free(golden_path);
}

START_TEST(test_layout_goldens)
{
	check_layout_golden("every-block.md", LR_LANGUAGE_VI, LR_PAGE_A4, "every-block-vi-a4.txt");
	check_layout_golden("every-block.md", LR_LANGUAGE_EN, LR_PAGE_LETTER,
			    "every-block-en-letter.txt");
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *suite = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 240);
	tcase_add_test(tc, test_cover_contents_sections);
	tcase_add_test(tc, test_long_paragraph_splits_without_widows);
	tcase_add_test(tc, test_heading_at_foot_moves_on);
	tcase_add_test(tc, test_figure_keeps_caption_and_moves_whole);
	tcase_add_test(tc, test_table_of_300_rows_repeats_header);
	tcase_add_test(tc, test_empty_section_and_1000_sections);
	tcase_add_test(tc, test_contents_numbers_match);
	tcase_add_test(tc, test_draw_pages_and_errors);
	tcase_add_test(tc, test_null_and_inert);
	tcase_add_test(tc, test_language_changes_after_building);
	tcase_add_test(tc, test_layout_goldens);
	suite_add_tcase(suite, tc);
	return suite;
}

const lr_test_program_t lr_test_program = { report_suite, NULL, NULL };
