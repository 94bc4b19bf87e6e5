/* libreport tests: the report's tables and key-figure cards (report-table.c, report-cards.c)
 * and its generated words (report-words.c).
 *
 * What is checked, and how each check can fail:
 * - words: every lr_report_word_t has a Vietnamese and an English text, the page and "since"
 *   formats take their integers, and the two languages differ where they should.
 * - data tables, in vi and en, from the bundled dataset: figures as the number module writes
 *   them ("71/193", "0,48" / "0.48", "4.543/6.325"), years ascending as columns, "–" where
 *   the dataset has nothing, the estimate footnote present exactly when a marked cell is, a
 *   range marked, two sources that disagree both shown and both named, sources listed.
 * - geometry: in every year column the decimal separators (or the end of the integer part)
 *   share one x (within 0.5 pt), every text box lies inside its cell, long names wrap in a
 *   first column of at most 45% of the width, row heights are those the paginator reads.
 * - a 300-row table of a synthetic dataset: 300 rows, each as tall as its cells need.
 * - Markdown tables: literal cells, the spec's alignments, no reformatting.
 * - cards: the value as references print it, the change line's text, direction and colour
 *   (better, worse, neutral, none), the status tag, rows of 1–8 cards at three widths
 *   (balanced, equal widths and heights, inside the block), the arrows have glyphs.
 * - drawing: tables and cards drawn into an image leave ink inside their box and none
 *   outside; into a PDF surface without a cairo error. Set LR_BLOCKS_PNG_DIR to keep PNGs.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "test-main.h"
#include "report-private.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef LR_DATA_DIR
#error "LR_DATA_DIR must name the dataset folder (data/)"
#endif

#define EN_DASH "\xe2\x80\x93"
#define UP "\xe2\x86\x91"
#define DOWN "\xe2\x86\x93"
#define DAGGER "\xe2\x80\xa0"
#define DOUBLE_DAGGER "\xe2\x80\xa1"
#define SECTION "\xc2\xa7"

/* ---- fixtures ----------------------------------------------------------------------- */

typedef struct {
	lr_dataset_t *dataset;
	lr_report_t *report;
	lr_report_style_t style;
	lr_report_context_t context;
	lr_error_record_t error;
} fixture_t;


static void
fixture_open(fixture_t *f, lr_dataset_t *dataset, lr_language_t language)
{
	lr_status_t status;

	memset(f, 0, sizeof *f);
	f->dataset = dataset ? dataset : lr_dataset_load(LR_DATA_DIR);
	ck_assert_int_eq(lr_dataset_status(f->dataset), LR_STATUS_SUCCESS);
	f->report = lr_report_create(f->dataset);
	ck_assert_int_eq(lr_report_status(f->report), LR_STATUS_SUCCESS);
	lr_report_set_language(f->report, language);
	/* The page style of an A4 page (210 mm), as the layout derives it. */
	lr_report_style_init(f->report, 595.28, &f->style);
	f->context.report = f->report;
	f->context.language = language;
	f->context.pango = lr_fonts_get_context(&status);
	ck_assert_ptr_nonnull(f->context.pango);
	f->context.style = &f->style;
	f->context.sources = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	f->context.error = &f->error;
}

static void
fixture_close(fixture_t *f)
{
	g_hash_table_unref(f->context.sources);
	lr_error_record_clear(&f->error);
	lr_report_destroy(f->report);
	lr_dataset_destroy(f->dataset);
}

static const lr_block_t *
last_block(const fixture_t *f)
{
	ck_assert_uint_gt(f->report->blocks->len, 0);
	return g_ptr_array_index(f->report->blocks, f->report->blocks->len - 1);
}

static lr_table_layout_t *
data_table(fixture_t *f, const char *const *ids, size_t count, const char *const *entities,
	   size_t entity_count, double width)
{
	lr_table_layout_t *table;

	lr_report_add_table(f->report, ids, count, entities, entity_count, NULL, 0, "Thử");
	ck_assert_int_eq(lr_report_status(f->report), LR_STATUS_SUCCESS);
	table = lr_table_layout_new(&f->context, last_block(f), 3, width);
	ck_assert_msg(table, "table layout failed: %s",
		      f->error.message ? f->error.message : "(no message)");
	return table;
}

/* ---- parsing describe output -------------------------------------------------------- */

typedef struct {
	bool header, empty, figure;
	double cell_x, cell_width, x, y, width, height, separator;
	char *text;
} cell_t;

typedef struct {
	double y, height;
	GArray *cells; /* cell_t */
} row_t;

typedef struct {
	char *caption;
	row_t header;
	GArray *rows;     /* row_t */
	GPtrArray *notes; /* char * */
} parsed_t;

static void
parse_cells(const char *line, row_t *row)
{
	GRegex *regex = g_regex_new("\\| (TH|TD) cell ([0-9.]+)\\+([0-9.]+)(?: text ([0-9.]+),"
				    "([0-9.]+) ([0-9.]+)x([0-9.]+)(?: sep ([0-9.]+))? \"([^\"]*)\""
				    "| empty)",
				    0, 0, NULL);
	GMatchInfo *match;

	row->cells = g_array_new(FALSE, TRUE, sizeof(cell_t));
	g_regex_match(regex, line, 0, &match);
	while (g_match_info_matches(match)) {
		cell_t cell = { 0 };
		char *kind = g_match_info_fetch(match, 1), *sep = g_match_info_fetch(match, 8);
		char *x = g_match_info_fetch(match, 4);

		char *s;

		cell.header = strcmp(kind, "TH") == 0;
		cell.cell_x = g_ascii_strtod((s = g_match_info_fetch(match, 2)), NULL);
		g_free(s);
		cell.cell_width = g_ascii_strtod((s = g_match_info_fetch(match, 3)), NULL);
		g_free(s);
		cell.empty = !x || !*x;
		if (!cell.empty) {
			cell.x = g_ascii_strtod(x, NULL);
			cell.y = g_ascii_strtod((s = g_match_info_fetch(match, 5)), NULL);
			g_free(s);
			cell.width = g_ascii_strtod((s = g_match_info_fetch(match, 6)), NULL);
			g_free(s);
			cell.height = g_ascii_strtod((s = g_match_info_fetch(match, 7)), NULL);
			g_free(s);
			cell.figure = sep && *sep;
			cell.separator = cell.figure ? g_ascii_strtod(sep, NULL) : NAN;
			cell.text = g_match_info_fetch(match, 9);
		}
		g_array_append_val(row->cells, cell);
		g_free(kind);
		g_free(sep);
		g_free(x);
		g_match_info_next(match, NULL);
	}
	g_match_info_free(match);
	g_regex_unref(regex);
}

static parsed_t *
parse_table(const lr_table_layout_t *table)
{
	char *text = lr_table_layout_describe(table);
	char **lines = g_strsplit(text, "\n", -1);
	parsed_t *parsed = g_new0(parsed_t, 1);

	parsed->rows = g_array_new(FALSE, TRUE, sizeof(row_t));
	parsed->notes = g_ptr_array_new_with_free_func(g_free);
	for (int i = 0; lines[i] && lines[i][0]; i++) {
		const char *line = lines[i];
		const char *quote = strchr(line, '"');
		row_t row = { 0 };
		int index;

		if (g_str_has_prefix(line, "caption ")) {
			parsed->caption = g_strndup(quote + 1, strlen(quote + 1) - 1);
		} else if (g_str_has_prefix(line, "header ")) {
			ck_assert_int_eq(sscanf(line, "header %*f,%lf %*fx%lf", &row.y, &row.height), 2);
			parse_cells(line, &row);
			parsed->header = row;
		} else if (g_str_has_prefix(line, "row ")) {
			ck_assert_int_eq(sscanf(line, "row %d %*f,%lf %*fx%lf", &index, &row.y,
						&row.height), 3);
			ck_assert_int_eq(index, (int) parsed->rows->len);
			parse_cells(line, &row);
			g_array_append_val(parsed->rows, row);
		} else if (g_str_has_prefix(line, "note ")) {
			g_ptr_array_add(parsed->notes, g_strndup(quote + 1, strlen(quote + 1) - 1));
		} else {
			ck_abort_msg("unexpected describe line: %s", line);
		}
	}
	g_strfreev(lines);
	g_free(text);
	return parsed;
}

static void
row_free(row_t *row)
{
	for (guint c = 0; row->cells && c < row->cells->len; c++)
		g_free(g_array_index(row->cells, cell_t, c).text);
	if (row->cells)
		g_array_unref(row->cells);
}

static void
parsed_free(parsed_t *parsed)
{
	g_free(parsed->caption);
	row_free(&parsed->header);
	for (guint r = 0; r < parsed->rows->len; r++)
		row_free(&g_array_index(parsed->rows, row_t, r));
	g_array_unref(parsed->rows);
	g_ptr_array_unref(parsed->notes);
	g_free(parsed);
}

static const cell_t *
cell_at(const parsed_t *parsed, int row, int column)
{
	const row_t *r = row < 0 ? &parsed->header : &g_array_index(parsed->rows, row_t, row);
	ck_assert_int_lt(column, (int) r->cells->len);
	return &g_array_index(r->cells, cell_t, column);
}

static int
column_of_year(const parsed_t *parsed, const char *year)
{
	for (guint c = 0; c < parsed->header.cells->len; c++) {
		const cell_t *cell = &g_array_index(parsed->header.cells, cell_t, c);
		if (cell->text && strcmp(cell->text, year) == 0)
			return (int) c;
	}
	ck_abort_msg("no column %s", year);
	return -1;
}

static bool
has_note_starting(const parsed_t *parsed, const char *prefix)
{
	for (guint i = 0; i < parsed->notes->len; i++)
		if (g_str_has_prefix(g_ptr_array_index(parsed->notes, i), prefix))
			return true;
	return false;
}

static bool
any_cell_contains(const parsed_t *parsed, const char *needle)
{
	for (guint r = 0; r < parsed->rows->len; r++) {
		const row_t *row = &g_array_index(parsed->rows, row_t, r);
		for (guint c = 0; c < row->cells->len; c++) {
			const cell_t *cell = &g_array_index(row->cells, cell_t, c);
			if (cell->text && strstr(cell->text, needle))
				return true;
		}
	}
	return false;
}

/* Every text box inside its cell (describe rounds to 0.1), and inside its row. */
static void
check_boxes_inside(const parsed_t *parsed, double width)
{
	for (int r = -1; r < (int) parsed->rows->len; r++) {
		const row_t *row = r < 0 ? &parsed->header : &g_array_index(parsed->rows, row_t, r);
		for (guint c = 0; c < row->cells->len; c++) {
			const cell_t *cell = &g_array_index(row->cells, cell_t, c);
			if (cell->empty)
				continue;
			ck_assert_msg(cell->x >= cell->cell_x - 0.11 &&
					      cell->x + cell->width <= cell->cell_x + cell->cell_width + 0.11,
				      "row %d column %u: text %.1f+%.1f outside its cell %.1f+%.1f (\"%s\")",
				      r, c, cell->x, cell->width, cell->cell_x, cell->cell_width,
				      cell->text);
			ck_assert_msg(cell->y >= row->y - 0.11 &&
					      cell->y + cell->height <= row->y + row->height + 0.11,
				      "row %d column %u: text below or above its row", r, c);
		}
		if (row->cells->len) {
			const cell_t *last = &g_array_index(row->cells, cell_t, row->cells->len - 1);
			ck_assert_double_le_tol(last->cell_x + last->cell_width, width, 0.11);
		}
	}
}

/* In every column of figures, the alignment points share one x. */
static void
check_decimal_alignment(const parsed_t *parsed)
{
	for (guint c = 1; c < parsed->header.cells->len; c++) {
		double first = NAN;
		int figures = 0;
		for (guint r = 0; r < parsed->rows->len; r++) {
			const cell_t *cell = cell_at(parsed, (int) r, (int) c);
			if (!cell->figure)
				continue;
			figures++;
			if (isnan(first))
				first = cell->separator;
			ck_assert_msg(fabs(cell->separator - first) <= 0.5,
				      "column %u row %u: separator at %.1f, the column's at %.1f (\"%s\")",
				      c, r, cell->separator, first, cell->text);
		}
		ck_assert_int_eq(figures, (int) parsed->rows->len);
	}
}

/* ---- drawing helpers ----------------------------------------------------------------- */

typedef struct {
	int inside, outside;
} ink_t;

/* Counts non-white pixels inside and outside the box (with a pixel of anti-aliasing). */
static ink_t
count_ink(cairo_surface_t *surface, double x, double y, double width, double height, int scale)
{
	ink_t ink = { 0, 0 };
	int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
	int stride = cairo_image_surface_get_stride(surface);
	const unsigned char *data;

	cairo_surface_flush(surface);
	data = cairo_image_surface_get_data(surface);
	for (int py = 0; py < h; py++)
		for (int px = 0; px < w; px++) {
			uint32_t pixel = *(const uint32_t *) (data + py * stride + px * 4);
			bool white = (pixel & 0xffffff) == 0xffffff;
			bool in = px >= floor(x * scale) - 1 && px <= ceil((x + width) * scale) + 1 &&
				  py >= floor(y * scale) - 1 && py <= ceil((y + height) * scale) + 1;
			if (white)
				continue;
			if (in)
				ink.inside++;
			else
				ink.outside++;
		}
	return ink;
}

static cairo_surface_t *
white_surface(double width, double height, int scale, cairo_t **cr)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
							      (int) ceil(width * scale),
							      (int) ceil(height * scale));
	*cr = cairo_create(surface);
	cairo_set_source_rgb(*cr, 1, 1, 1);
	cairo_paint(*cr);
	cairo_scale(*cr, scale, scale);
	return surface;
}

static void
keep_png(cairo_surface_t *surface, const char *name)
{
	const char *dir = g_getenv("LR_BLOCKS_PNG_DIR");
	char *path;

	if (!dir || !*dir)
		return;
	path = g_build_filename(dir, name, NULL);
	cairo_surface_write_to_png(surface, path);
	g_free(path);
}

static double
table_height(const lr_table_layout_t *table)
{
	double height = lr_table_layout_caption_height(table) + lr_table_layout_header_height(table) +
			lr_table_layout_footer_height(table);
	for (int r = 0; r < lr_table_layout_row_count(table); r++)
		height += lr_table_layout_row_height(table, r);
	return height;
}

/* ---- words ------------------------------------------------------------------------- */

START_TEST(test_words_complete)
{
	int same = 0;

	for (int w = 0; w < LR_RWORD_LAST; w++) {
		const char *vi = lr_report_word(LR_LANGUAGE_VI, (lr_report_word_t) w);
		const char *en = lr_report_word(LR_LANGUAGE_EN, (lr_report_word_t) w);
		ck_assert_msg(vi && *vi && en && *en, "word %d is missing", w);
		ck_assert(g_utf8_validate(vi, -1, NULL) && g_utf8_validate(en, -1, NULL));
		same += strcmp(vi, en) == 0;
	}
	ck_assert_int_eq(same, 0);
	ck_assert_str_eq(lr_report_word(LR_LANGUAGE_VI, LR_RWORD_CONTENTS), "Mục lục");
	ck_assert_str_eq(lr_report_word(LR_LANGUAGE_VI, LR_RWORD_SOURCES), "Nguồn tài liệu");
	ck_assert_str_eq(lr_report_word(LR_LANGUAGE_EN, LR_RWORD_TABLE), "Table");
	ck_assert_str_eq(lr_report_word(LR_LANGUAGE_VI, LR_RWORD_ESTIMATE), "ước tính");
	ck_assert_str_eq(lr_report_word(LR_LANGUAGE_VI, LR_RWORD_TARGET), "mục tiêu");
	ck_assert_str_eq(lr_report_word(LR_LANGUAGE_VI, LR_RWORD_INDICATOR), "Chỉ tiêu");
	ck_assert_str_eq(lr_report_word(LR_LANGUAGE_VI, LR_RWORD_UNIT), "Đơn vị");
	ck_assert_str_eq(lr_report_word(LR_LANGUAGE_EN, LR_RWORD_LAST), "");
}
END_TEST

START_TEST(test_words_formats)
{
	char buffer[64];

	/* The words are formats (report-words.c). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(buffer, sizeof buffer, lr_report_word(LR_LANGUAGE_VI, LR_RWORD_PAGE_OF), 3, 12);
	ck_assert_str_eq(buffer, "Trang 3/12");
	snprintf(buffer, sizeof buffer, lr_report_word(LR_LANGUAGE_EN, LR_RWORD_PAGE_OF), 3, 12);
	ck_assert_str_eq(buffer, "Page 3 of 12");
	snprintf(buffer, sizeof buffer, lr_report_word(LR_LANGUAGE_VI, LR_RWORD_SINCE), 2022);
	ck_assert_str_eq(buffer, "so với 2022");
	snprintf(buffer, sizeof buffer, lr_report_word(LR_LANGUAGE_EN, LR_RWORD_SINCE), 2022);
	ck_assert_str_eq(buffer, "since 2022");
#pragma GCC diagnostic pop
}
END_TEST

/* ---- data tables ------------------------------------------------------------------- */

static const char *const ranks[] = { "egdi_rank", "gii_rank", "gci_rank" };

START_TEST(test_table_ranks_vi)
{
	fixture_t f;
	lr_table_layout_t *table;
	parsed_t *p;
	int y2022, y2023, y2024;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	table = data_table(&f, ranks, 3, NULL, 0, 480);
	p = parse_table(table);
	ck_assert_str_eq(p->caption, "Bảng 3. Thử");
	ck_assert_int_eq(p->rows->len, 3);
	ck_assert_int_eq(lr_table_layout_row_count(table), 3);
	ck_assert_str_eq(cell_at(p, -1, 0)->text, "Chỉ tiêu");
	/* Every year with data, ascending, and nothing else. */
	ck_assert_int_eq(p->header.cells->len, 4);
	y2022 = column_of_year(p, "2022");
	y2023 = column_of_year(p, "2023");
	y2024 = column_of_year(p, "2024");
	ck_assert(y2022 < y2023 && y2023 < y2024);
	ck_assert_str_eq(cell_at(p, 0, 0)->text,
			 "Xếp hạng Chỉ số phát triển Chính phủ điện tử (EGDI) của Liên hợp quốc");
	ck_assert_str_eq(cell_at(p, 0, y2022)->text, "86/193");
	ck_assert_str_eq(cell_at(p, 0, y2023)->text, EN_DASH);
	ck_assert_str_eq(cell_at(p, 0, y2024)->text, "71/193");
	ck_assert_str_eq(cell_at(p, 1, y2023)->text, "46/132");
	ck_assert_str_eq(cell_at(p, 2, y2024)->text, "17/194");
	/* All actual figures: no estimate note; a missing one: the dash is explained. */
	ck_assert(!has_note_starting(p, "* "));
	ck_assert(has_note_starting(p, EN_DASH " Không có số liệu"));
	ck_assert(has_note_starting(p, "Nguồn: "));
	check_decimal_alignment(p);
	check_boxes_inside(p, 480);
	/* Three years leave the names room: wider than 45%, never beyond 62%. */
	ck_assert_double_gt(cell_at(p, 0, 0)->cell_width, 0.45 * 480);
	ck_assert_double_le(cell_at(p, 0, 0)->cell_width, 0.62 * 480 + 0.1);
	/* The sources the figures came from are cited, for the sources page. */
	ck_assert_uint_ge(g_hash_table_size(f.context.sources), 2);
	ck_assert(g_hash_table_contains(f.context.sources, "002_e98f940a256b77a3.txt"));
	parsed_free(p);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

static const char *const mixed[] = { "dx_index", "ecommerce_revenue", "ecommerce_growth",
				     "ndsp_procedures", "sme_digital_platform_share",
				     "social_insurance_epayment_amount" };

START_TEST(test_table_mixed_vi)
{
	fixture_t f;
	lr_table_layout_t *table;
	parsed_t *p;
	int y2020, y2021, y2023, y2024;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	table = data_table(&f, mixed, G_N_ELEMENTS(mixed), NULL, 0, 480);
	p = parse_table(table);
	y2020 = column_of_year(p, "2020");
	y2021 = column_of_year(p, "2021");
	y2023 = column_of_year(p, "2023");
	y2024 = column_of_year(p, "2024");
	/* Decimal commas, shared decimals in a row, the forecast marked. */
	ck_assert_str_eq(cell_at(p, 0, y2020)->text, "0,48");
	ck_assert_str_eq(cell_at(p, 0, y2023)->text, "0,75*");
	/* The unit after the name; a range forecast marked twice. */
	ck_assert_str_eq(cell_at(p, 1, 0)->text, "Doanh thu thương mại điện tử bán lẻ (tỷ USD)");
	ck_assert_str_eq(cell_at(p, 1, y2021)->text, "13,7");
	ck_assert_str_eq(cell_at(p, 1, y2024)->text, "27,7–28,0*" DAGGER);
	/* Two articles, two figures: both, and both sources named in the note. */
	ck_assert_str_eq(cell_at(p, 2, y2023)->text, "11% / 23%" DOUBLE_DAGGER);
	ck_assert_str_eq(cell_at(p, 2, y2024)->text, "36%*");
	ck_assert_str_eq(cell_at(p, 3, y2024)->text, "4.543/6.325");
	ck_assert_str_eq(cell_at(p, 4, column_of_year(p, "2022"))->text, "30,07%");
	ck_assert_str_eq(cell_at(p, 5, y2021)->text, "31.836");
	/* Only forecasts are marked: the note says so. */
	ck_assert(has_note_starting(p, "* Dự báo, chưa phải số liệu thực tế."));
	ck_assert(has_note_starting(p, DAGGER " "));
	ck_assert(has_note_starting(p, DOUBLE_DAGGER " "));
	for (guint i = 0; i < p->notes->len; i++) {
		const char *note = g_ptr_array_index(p->notes, i);
		if (g_str_has_prefix(note, DOUBLE_DAGGER))
			ck_assert_msg(strstr(note, "Phiên họp thứ 7") && strstr(note, "11%") &&
					      strstr(note, "23%"),
				      "the note does not name both sources: %s", note);
	}
	check_decimal_alignment(p);
	check_boxes_inside(p, 480);
	/* The long names wrap within 45% of the width. */
	ck_assert_double_le(cell_at(p, 0, 0)->cell_width, 0.45 * 480 + 0.1);
	ck_assert_double_gt(g_array_index(p->rows, row_t, 2).height,
			    g_array_index(p->rows, row_t, 0).height - 0.01);
	parsed_free(p);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

START_TEST(test_table_mixed_en)
{
	fixture_t f;
	lr_table_layout_t *table;
	parsed_t *p;

	fixture_open(&f, NULL, LR_LANGUAGE_EN);
	table = data_table(&f, mixed, G_N_ELEMENTS(mixed), NULL, 0, 400);
	p = parse_table(table);
	ck_assert_str_eq(p->caption, "Table 3. Thử");
	ck_assert_str_eq(cell_at(p, -1, 0)->text, "Indicator");
	ck_assert_str_eq(cell_at(p, 0, column_of_year(p, "2020"))->text, "0.48");
	ck_assert_str_eq(cell_at(p, 1, 0)->text, "Retail e-commerce revenue (billion USD)");
	ck_assert_str_eq(cell_at(p, 1, column_of_year(p, "2024"))->text, "27.7–28.0*" DAGGER);
	ck_assert_str_eq(cell_at(p, 3, column_of_year(p, "2024"))->text, "4,543/6,325");
	ck_assert_str_eq(cell_at(p, 5, column_of_year(p, "2021"))->text, "31,836");
	ck_assert(has_note_starting(p, "* Forecast, not an actual figure."));
	ck_assert(has_note_starting(p, "Source: "));
	ck_assert(has_note_starting(p, EN_DASH " No data"));
	check_decimal_alignment(p);
	check_boxes_inside(p, 400);
	parsed_free(p);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

START_TEST(test_table_entities)
{
	static const char *const ids[] = { "ftth_coverage" };
	static const char *const entities[] = { "Việt Nam", "thế giới", "châu Âu" };
	fixture_t f;
	lr_table_layout_t *table;
	parsed_t *p;

	fixture_open(&f, NULL, _i == 0 ? LR_LANGUAGE_VI : LR_LANGUAGE_EN);
	table = data_table(&f, ids, 1, entities, 3, 300);
	p = parse_table(table);
	ck_assert_int_eq(p->rows->len, 3);
	ck_assert_int_eq(p->header.cells->len, 2);
	/* The indicator heads the names' column; the rows are its entities. */
	ck_assert(g_str_has_prefix(cell_at(p, -1, 0)->text, _i == 0 ? "Tỷ lệ" : "Share"));
	ck_assert_str_eq(cell_at(p, 0, 0)->text, _i == 0 ? "Việt Nam" : "Vietnam");
	ck_assert_str_eq(cell_at(p, 1, 0)->text, _i == 0 ? "thế giới" : "World");
	ck_assert_str_eq(cell_at(p, 1, 1)->text, _i == 0 ? "51,5%" : "51.5%");
	ck_assert_str_eq(cell_at(p, 2, 1)->text, _i == 0 ? "70,0%" : "70.0%");
	ck_assert(!any_cell_contains(p, EN_DASH));
	ck_assert(!has_note_starting(p, EN_DASH));
	check_decimal_alignment(p);
	check_boxes_inside(p, 300);
	parsed_free(p);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

START_TEST(test_table_estimate_note_exactly_when_marked)
{
	/* Each alone: the note comes with the marker and only with it. */
	static const char *const ids[] = { "egdi_rank", "dx_index", "digital_economy_gdp_share",
					   "ndsp_accounts", "payment_account_adult_share" };
	for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
		fixture_t f;
		lr_table_layout_t *table;
		parsed_t *p;
		bool marked;

		fixture_open(&f, NULL, LR_LANGUAGE_VI);
		table = data_table(&f, &ids[i], 1, NULL, 0, 480);
		p = parse_table(table);
		marked = any_cell_contains(p, "*");
		ck_assert_msg(marked == has_note_starting(p, "* "), "%s: marker %d, note %d", ids[i],
			      marked, has_note_starting(p, "* "));
		ck_assert_msg(marked == (i == 1 || i == 2 || i == 4), "%s: marked %d", ids[i], marked);
		/* Each names what its marked cells are. */
		if (i == 2)
			ck_assert(has_note_starting(p, "* Ước tính, chưa phải số liệu thực tế."));
		if (i == 4)
			ck_assert(has_note_starting(p, "* Mục tiêu, chưa phải số liệu thực tế."));
		parsed_free(p);
		lr_table_layout_free(table);
		fixture_close(&f);
	}
}
END_TEST

/* A year known only for part of it (2024: the first half) is marked and explained. */
START_TEST(test_table_partial_year)
{
	static const char *const ids[] = { "digital_product_exports", "software_it_services_revenue" };
	fixture_t f;
	lr_table_layout_t *table;
	parsed_t *p;
	int y2024;

	fixture_open(&f, NULL, _i == 0 ? LR_LANGUAGE_VI : LR_LANGUAGE_EN);
	table = data_table(&f, ids, 2, NULL, 0, 480);
	p = parse_table(table);
	y2024 = column_of_year(p, "2024");
	ck_assert_str_eq(cell_at(p, 0, y2024)->text, _i == 0 ? "64,9" SECTION : "64.9" SECTION);
	/* A whole-year figure wins over the same year's part (report-ref.c's rule). */
	ck_assert_str_eq(cell_at(p, 1, y2024)->text, "18");
	ck_assert(has_note_starting(p, _i == 0 ? SECTION " Số liệu của một phần năm: 6 tháng đầu năm."
					       : SECTION " Figures for part of the year: first half."));
	check_decimal_alignment(p);
	check_boxes_inside(p, 480);
	parsed_free(p);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

START_TEST(test_table_given_years)
{
	static const char *const ids[] = { "egdi_rank" };
	static const int years[] = { 2024, 2019 };
	fixture_t f;
	lr_table_layout_t *table;
	parsed_t *p;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	lr_report_add_table(f.report, ids, 1, NULL, 0, years, 2, NULL);
	table = lr_table_layout_new(&f.context, last_block(&f), 1, 480);
	ck_assert_ptr_nonnull(table);
	p = parse_table(table);
	/* The years as given; no caption text after the number. */
	ck_assert_str_eq(p->caption, "Bảng 1.");
	ck_assert_str_eq(cell_at(p, -1, 1)->text, "2024");
	ck_assert_str_eq(cell_at(p, -1, 2)->text, "2019");
	ck_assert_str_eq(cell_at(p, 0, 1)->text, "71/193");
	ck_assert_str_eq(cell_at(p, 0, 2)->text, EN_DASH);
	check_decimal_alignment(p);
	parsed_free(p);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

/* 300 indicators of a dataset built in memory; names of three lengths. */
START_TEST(test_table_300_rows)
{
	lr_dataset_t *dataset = lr_dataset_create();
	GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
	fixture_t f;
	lr_table_layout_t *table;
	parsed_t *p;
	double total = 0;

	for (int i = 0; i < 300; i++) {
		char *id = g_strdup_printf("indicator_%03d", i);
		char *name = g_strdup_printf(i % 3 == 0 ? "Chỉ tiêu %d"
					     : i % 3 == 1 ? "Chỉ tiêu thử nghiệm số %d về chuyển đổi số"
							  : "Chỉ tiêu thử nghiệm số %d về chuyển đổi số "
							    "quốc gia của các bộ, ngành và địa phương",
					     i);
		lr_indicator_t indicator = { .id = id, .name_vi = name, .name_en = name,
					     .unit_vi = "tỷ đồng", .unit_en = "billion VND",
					     .kind = LR_INDICATOR_VALUE, .better = LR_DIRECTION_HIGHER,
					     .pillar = "overall" };
		ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
		for (int year = 2022; year <= 2024; year++) {
			lr_observation_t o = { .indicator = id, .entity = "Việt Nam", .year = year,
					       .period = "", .value = i * 10.5 + year - 2000,
					       .low = NAN, .high = NAN, .source = "a.txt", .quote = "q" };
			if ((i + year) % 7 == 0)
				continue; /* a few holes */
			ck_assert_int_eq(lr_dataset_add_observation(dataset, &o), LR_STATUS_SUCCESS);
		}
		g_ptr_array_add(ids, id);
		g_free(name);
	}
	fixture_open(&f, dataset, LR_LANGUAGE_VI);
	table = data_table(&f, (const char *const *) ids->pdata, ids->len, NULL, 0, 420);
	ck_assert_int_eq(lr_table_layout_row_count(table), 300);
	p = parse_table(table);
	ck_assert_int_eq(p->rows->len, 300);
	for (int r = 0; r < 300; r++) {
		const row_t *row = &g_array_index(p->rows, row_t, r);
		double measured = lr_table_layout_row_height(table, r);
		ck_assert_double_eq_tol(row->height, measured, 0.051);
		ck_assert_double_gt(measured, 0);
		if (r > 0) /* rows are stacked with no gap */
			ck_assert_double_eq_tol(row->y, g_array_index(p->rows, row_t, r - 1).y +
						g_array_index(p->rows, row_t, r - 1).height, 0.11);
		total += measured;
	}
	/* The longest names wrap to more lines than the short ones. */
	ck_assert_double_gt(lr_table_layout_row_height(table, 2),
			    lr_table_layout_row_height(table, 0) + 5);
	ck_assert_double_eq(lr_table_layout_row_height(table, 300), 0);
	ck_assert_double_eq(lr_table_layout_row_height(table, -1), 0);
	ck_assert_double_gt(total, 300 * 10);
	check_decimal_alignment(p);
	check_boxes_inside(p, 420);
	parsed_free(p);
	lr_table_layout_free(table);
	fixture_close(&f);
	g_ptr_array_unref(ids);
}
END_TEST

static GArray *
runs_of(const char *text, unsigned style)
{
	GArray *runs = lr_runs_new();
	lr_runs_append_text(runs, text, -1, style, NULL);
	return runs;
}

START_TEST(test_table_markdown)
{
	static const char *const cells[][3] = {
		{ "Chương trình", "Năm", "Ghi chú" },
		{ "Đề án 06", "2022", "R&D <5%> stays literal" },
		{ "Chiến lược dữ liệu quốc gia đến năm 2030", "2024",
		  "Một ghi chú dài hơn để ô phải xuống dòng trong cột của nó" },
	};
	static const int alignments[] = { -1, 1, 0 };
	fixture_t f;
	lr_table_spec_t *spec = lr_table_spec_new(false);
	lr_table_layout_t *table;
	parsed_t *p;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	spec->column_count = 3;
	g_array_append_vals(spec->alignments, alignments, 3);
	for (int c = 0; c < 3; c++)
		g_ptr_array_add(spec->header, runs_of(cells[0][c], 0));
	for (int r = 1; r < 3; r++) {
		GPtrArray *row = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
		for (int c = 0; c < 3; c++)
			g_ptr_array_add(row, runs_of(cells[r][c], r == 1 && c == 0 ? LR_STYLE_BOLD : 0));
		g_ptr_array_add(spec->rows, row);
	}
	ck_assert_ptr_nonnull(lr_report_append_table(f.report, spec));
	table = lr_table_layout_new(&f.context, last_block(&f), 2, 360);
	ck_assert_msg(table, "%s", f.error.message ? f.error.message : "");
	p = parse_table(table);
	ck_assert_str_eq(p->caption, "Bảng 2.");
	ck_assert_int_eq(p->rows->len, 2);
	for (int r = 0; r < 3; r++)
		for (int c = 0; c < 3; c++)
			ck_assert_str_eq(cell_at(p, r - 1, c)->text, cells[r][c]);
	/* Right-aligned: the text ends at the cell's padding; centred: equal margins. */
	for (int r = -1; r < 2; r++) {
		const cell_t *right = cell_at(p, r, 1), *centre = cell_at(p, r, 2);
		double pad = right->cell_x + right->cell_width - (right->x + right->width);
		ck_assert_double_lt(pad, 8);
		ck_assert_double_gt(pad, 2);
		if (r == 0)
			ck_assert_double_eq_tol(centre->x - centre->cell_x,
						centre->cell_x + centre->cell_width -
							(centre->x + centre->width), 0.6);
	}
	ck_assert(!cell_at(p, 0, 1)->figure);
	check_boxes_inside(p, 360);
	/* The long note wrapped. */
	ck_assert_double_gt(cell_at(p, 1, 2)->height, 1.6 * cell_at(p, 0, 2)->height);
	ck_assert_int_eq(p->notes->len, 0);
	ck_assert_double_eq(lr_table_layout_footer_height(table), 0);
	{
		double height = table_height(table);
		cairo_t *cr;
		cairo_surface_t *surface = white_surface(400, height + 40, 2, &cr);
		ink_t ink;

		lr_table_layout_draw(table, cr, 20, 20, true, 0, 2, true);
		ink = count_ink(surface, 20, 20, 360, height, 2);
		ck_assert_int_gt(ink.inside, 1000);
		ck_assert_int_eq(ink.outside, 0);
		keep_png(surface, "table-markdown.png");
		cairo_destroy(cr);
		cairo_surface_destroy(surface);
	}
	parsed_free(p);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

/* A long word (lines break only at spaces) widens its column rather than leave its cell. */
START_TEST(test_table_markdown_long_word)
{
	fixture_t f;
	lr_table_spec_t *spec = lr_table_spec_new(false);
	GPtrArray *row = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
	lr_table_layout_t *table;
	parsed_t *p;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	spec->column_count = 2;
	g_ptr_array_add(spec->header, runs_of("Cổng", 0));
	g_ptr_array_add(spec->header, runs_of("Địa chỉ", 0));
	g_ptr_array_add(row, runs_of("Dịch vụ công quốc gia", 0));
	g_ptr_array_add(row, runs_of("dichvucong.gov.vn/p/home là địa chỉ của cổng", 0));
	g_ptr_array_add(spec->rows, row);
	lr_report_append_table(f.report, spec);
	table = lr_table_layout_new(&f.context, last_block(&f), 1, 200);
	ck_assert_ptr_nonnull(table);
	p = parse_table(table);
	check_boxes_inside(p, 200);
	ck_assert_double_gt(cell_at(p, 0, 1)->height, 1.6 * cell_at(p, -1, 1)->height);
	parsed_free(p);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

START_TEST(test_table_errors)
{
	fixture_t f;
	lr_table_spec_t *spec;
	lr_block_t *block;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	/* An indicator the dataset lost after the spec was checked: located error, NULL. */
	spec = lr_table_spec_new(true);
	g_ptr_array_add(spec->indicators, g_strdup("no_such_indicator"));
	block = lr_report_append_table(f.report, spec);
	block->line = 12;
	ck_assert_ptr_null(lr_table_layout_new(&f.context, block, 1, 480));
	ck_assert_int_eq(f.error.public.status, LR_STATUS_UNKNOWN_INDICATOR);
	ck_assert_uint_eq(f.error.public.line, 12);
	ck_assert_ptr_null(lr_table_layout_new(&f.context, block, 1, 0));
	/* Years in which the dataset has nothing: an empty table is refused, located. */
	lr_error_record_clear(&f.error);
	spec = lr_table_spec_new(true);
	g_ptr_array_add(spec->indicators, g_strdup("egdi_rank"));
	block = lr_report_append_table(f.report, spec);
	block->line = 30;
	{
		lr_dataset_t *empty = lr_dataset_create();
		lr_indicator_t indicator = { .id = "egdi_rank", .name_vi = "x", .name_en = "x",
					     .kind = LR_INDICATOR_RANK, .better = LR_DIRECTION_LOWER,
					     .pillar = "government" };
		lr_dataset_t *held = f.report->dataset;
		ck_assert_int_eq(lr_dataset_add_indicator(empty, &indicator), LR_STATUS_SUCCESS);
		f.report->dataset = empty;
		ck_assert_ptr_null(lr_table_layout_new(&f.context, block, 1, 480));
		ck_assert_int_eq(f.error.public.status, LR_STATUS_NO_DATA);
		ck_assert_uint_eq(f.error.public.line, 30);
		f.report->dataset = held;
		lr_dataset_destroy(empty);
	}
	ck_assert_ptr_null(lr_table_layout_new(&f.context, NULL, 1, 480));
	lr_table_layout_free(NULL);
	ck_assert_ptr_null(lr_table_layout_describe(NULL));
	ck_assert_int_eq(lr_table_layout_row_count(NULL), 0);
	fixture_close(&f);
}
END_TEST

START_TEST(test_table_draws_inside)
{
	fixture_t f;
	lr_table_layout_t *table;
	cairo_surface_t *surface;
	cairo_t *cr;
	ink_t ink;
	double height;
	const int scale = 2;

	fixture_open(&f, NULL, _i == 0 ? LR_LANGUAGE_VI : LR_LANGUAGE_EN);
	table = data_table(&f, mixed, G_N_ELEMENTS(mixed), NULL, 0, 440);
	height = table_height(table);
	surface = white_surface(480, height + 40, scale, &cr);
	lr_table_layout_draw(table, cr, 20, 20, true, 0, lr_table_layout_row_count(table), true);
	ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	ink = count_ink(surface, 20, 20, 440, height, scale);
	ck_assert_int_gt(ink.inside, 1000);
	ck_assert_int_eq(ink.outside, 0);
	keep_png(surface, _i == 0 ? "table-vi.png" : "table-en.png");
	cairo_destroy(cr);
	cairo_surface_destroy(surface);

	/* A continuation: rows 2–3 only, no caption, no footer; shorter, still inside. */
	height = lr_table_layout_header_height(table) + lr_table_layout_row_height(table, 2) +
		 lr_table_layout_row_height(table, 3);
	surface = white_surface(480, height + 40, scale, &cr);
	lr_table_layout_draw(table, cr, 20, 20, false, 2, 2, false);
	ink = count_ink(surface, 20, 20, 440, height, scale);
	ck_assert_int_gt(ink.inside, 500);
	ck_assert_int_eq(ink.outside, 0);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

/* Into a PDF surface: the structure tags balance (cairo would report an error). */
START_TEST(test_table_and_cards_pdf)
{
	fixture_t f;
	lr_table_layout_t *table;
	lr_cards_layout_t *cards;
	cairo_surface_t *surface;
	cairo_t *cr;
	char *path = g_build_filename(g_get_tmp_dir(), "lr-blocks-test.pdf", NULL);

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	table = data_table(&f, mixed, G_N_ELEMENTS(mixed), NULL, 0, 480);
	for (size_t i = 0; i < G_N_ELEMENTS(ranks); i++)
		lr_report_add_key_figure(f.report, ranks[i], NULL, 0, NULL);
	cards = lr_cards_layout_new(&f.context, last_block(&f), 480);
	ck_assert_ptr_nonnull(cards);
	surface = cairo_pdf_surface_create(path, 595, 842);
	cr = cairo_create(surface);
	cairo_tag_begin(cr, "Document", NULL);
	lr_cards_layout_draw(cards, cr, 57, 57);
	lr_table_layout_draw(table, cr, 57, 80 + lr_cards_layout_height(cards), true, 0,
			     lr_table_layout_row_count(table), true);
	cairo_tag_end(cr, "Document");
	cairo_show_page(cr);
	ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	ck_assert_int_eq(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(surface);
	g_remove(path);
	g_free(path);
	lr_cards_layout_free(cards);
	lr_table_layout_free(table);
	fixture_close(&f);
}
END_TEST

/* ---- cards --------------------------------------------------------------------------- */

typedef struct {
	int row;
	double x, y, width, height, inner_x, inner_width;
	char *value, *label, *change, *tag, *unit;
	char *kind, *color;
	GPtrArray *boxes; /* double[4] of each text */
} card_line_t;

static char *
field(const char *line, const char *name, double box[4])
{
	char *key = g_strdup_printf("| %s ", name);
	const char *at = strstr(line, key);
	const char *quote, *end;

	g_free(key);
	if (!at)
		return NULL;
	at += strlen(name) + 3;
	if (box)
		ck_assert_int_eq(sscanf(at, "%lf,%lf %lfx%lf", &box[0], &box[1], &box[2], &box[3]), 4);
	quote = strchr(at, '"');
	end = strchr(quote + 1, '"');
	return g_strndup(quote + 1, (gsize) (end - quote - 1));
}

static GArray *
parse_cards(const lr_cards_layout_t *cards)
{
	char *text = lr_cards_layout_describe(cards);
	char **lines = g_strsplit(text, "\n", -1);
	GArray *parsed = g_array_new(FALSE, TRUE, sizeof(card_line_t));

	for (int i = 0; lines[i] && lines[i][0]; i++) {
		static const char *const names[] = { "value", "unit", "tag", "label", "change" };
		card_line_t card = { 0 };
		unsigned index;
		char **parts;

		ck_assert_int_eq(sscanf(lines[i], "card %u row %d %lf,%lf %lfx%lf inner %lf+%lf", &index,
					&card.row, &card.x, &card.y, &card.width, &card.height,
					&card.inner_x, &card.inner_width), 8);
		ck_assert_uint_eq(index, (unsigned) i);
		card.boxes = g_ptr_array_new_with_free_func(g_free);
		for (size_t n = 0; n < G_N_ELEMENTS(names); n++) {
			double *box = g_new(double, 4);
			char *value = field(lines[i], names[n], box);
			if (!value) {
				g_free(box);
				continue;
			}
			g_ptr_array_add(card.boxes, box);
			switch (n) {
			case 0: card.value = value; break;
			case 1: card.unit = value; break;
			case 2: card.tag = value; break;
			case 3: card.label = value; break;
			default: card.change = value; break;
			}
		}
		parts = g_strsplit(strrchr(lines[i], '|') + 2, " ", 2);
		card.kind = g_strdup(parts[0]);
		card.color = g_strdup(parts[1]);
		g_strfreev(parts);
		g_array_append_val(parsed, card);
	}
	g_strfreev(lines);
	g_free(text);
	return parsed;
}

static void
cards_free(GArray *cards)
{
	for (guint i = 0; i < cards->len; i++) {
		card_line_t *card = &g_array_index(cards, card_line_t, i);
		g_free(card->value);
		g_free(card->unit);
		g_free(card->label);
		g_free(card->change);
		g_free(card->tag);
		g_free(card->kind);
		g_free(card->color);
		g_ptr_array_unref(card->boxes);
	}
	g_array_unref(cards);
}

static char *
hex(lr_color_t color)
{
	return g_strdup_printf("#%02x%02x%02x", (int) lround(color.red * 255),
			       (int) lround(color.green * 255), (int) lround(color.blue * 255));
}

/* Every text inside its card's padded content box and its card inside the block. */
static void
check_cards_inside(const GArray *cards, double width)
{
	for (guint i = 0; i < cards->len; i++) {
		const card_line_t *card = &g_array_index(cards, card_line_t, i);
		ck_assert_double_ge(card->x, -0.01);
		ck_assert_double_le_tol(card->x + card->width, width, 0.11);
		for (guint b = 0; b < card->boxes->len; b++) {
			const double *box = g_ptr_array_index(card->boxes, b);
			ck_assert_msg(box[0] >= card->inner_x - 0.11 &&
					      box[0] + box[2] <= card->inner_x + card->inner_width + 0.11,
				      "card %u: a text %.1f+%.1f outside %.1f+%.1f", i, box[0], box[2],
				      card->inner_x, card->inner_width);
			ck_assert_msg(box[1] >= card->y - 0.01 &&
					      box[1] + box[3] <= card->y + card->height + 0.11,
				      "card %u: a text below its card", i);
		}
	}
}

static lr_cards_layout_t *
cards_of(fixture_t *f, const char *const *ids, size_t count, double width)
{
	lr_cards_layout_t *cards;

	for (size_t i = 0; i < count; i++)
		lr_report_add_key_figure(f->report, ids[i], NULL, 0, NULL);
	ck_assert_int_eq(lr_report_status(f->report), LR_STATUS_SUCCESS);
	cards = lr_cards_layout_new(&f->context, last_block(f), width);
	ck_assert_msg(cards, "cards layout failed: %s", f->error.message ? f->error.message : "");
	return cards;
}

static const char *const overview[] = { "egdi_rank", "gii_rank", "gci_rank",
					"digital_economy_gdp_share", "ecommerce_revenue", "dx_index",
					"chip_id_card_coverage" };

START_TEST(test_cards_vi)
{
	fixture_t f;
	lr_cards_layout_t *cards;
	GArray *p;
	char *better, *muted;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	cards = cards_of(&f, overview, G_N_ELEMENTS(overview), 480);
	p = parse_cards(cards);
	better = hex(f.style.better);
	muted = hex(f.style.muted);
	ck_assert_int_eq(p->len, 7);
#define CARD(i) (&g_array_index(p, card_line_t, i))
	ck_assert_str_eq(CARD(0)->value, "71/193");
	ck_assert_str_eq(CARD(0)->change, UP "15 bậc so với 2022");
	ck_assert_str_eq(CARD(0)->kind, "better");
	ck_assert_str_eq(CARD(0)->color, better);
	ck_assert_str_eq(CARD(0)->label,
			 "Xếp hạng Chỉ số phát triển Chính phủ điện tử (EGDI) của Liên hợp quốc");
	ck_assert_ptr_null(CARD(0)->tag);
	ck_assert_str_eq(CARD(1)->value, "44/133");
	ck_assert_str_eq(CARD(1)->change, UP "2 bậc so với 2023");
	ck_assert_str_eq(CARD(2)->value, "17/194");
	ck_assert_str_eq(CARD(2)->change, UP "8 bậc so với 2022");
	/* An estimate with no earlier figure: the tag, no change line. */
	ck_assert_str_eq(CARD(3)->value, "16,5%");
	ck_assert_str_eq(CARD(3)->tag, "ước tính");
	ck_assert_ptr_null(CARD(3)->change);
	ck_assert_str_eq(CARD(3)->kind, "none");
	/* The latest actual figure, not the 2024 forecast; the relative change since 2021. */
	ck_assert(g_str_has_prefix(CARD(4)->value, "20,5"));
	ck_assert(strstr(CARD(4)->value, "tỷ USD") || (CARD(4)->unit &&
						     strcmp(CARD(4)->unit, "tỷ USD") == 0));
	ck_assert_str_eq(CARD(4)->change, UP "50% so với 2021");
	ck_assert_str_eq(CARD(4)->kind, "better");
	/* A forecast, up against 2022. */
	ck_assert_str_eq(CARD(5)->value, "0,71");
	ck_assert_str_eq(CARD(5)->change, UP "48% so với 2020");
	/* 100% in 2023 and in 2024: unchanged, muted. */
	ck_assert_str_eq(CARD(6)->value, "100%");
	ck_assert_str_eq(CARD(6)->change, "giữ nguyên so với 2023");
	ck_assert_str_eq(CARD(6)->kind, "neutral");
	ck_assert_str_eq(CARD(6)->color, muted);
	/* Seven cards at 480 pt: 4 + 3, one width, one height per row. */
	for (int i = 0; i < 7; i++) {
		ck_assert_int_eq(CARD(i)->row, i / 4);
		ck_assert_double_eq_tol(CARD(i)->width, CARD(0)->width, 0.01);
		ck_assert_double_eq_tol(CARD(i)->height, CARD(i / 4 * 4)->height, 0.01);
	}
	check_cards_inside(p, 480);
	ck_assert_double_eq_tol(lr_cards_layout_height(cards),
				CARD(6)->y + CARD(6)->height, 0.11);
	ck_assert(g_hash_table_contains(f.context.sources, "002_e98f940a256b77a3.txt"));
#undef CARD
	g_free(better);
	g_free(muted);
	cards_free(p);
	lr_cards_layout_free(cards);
	fixture_close(&f);
}
END_TEST

START_TEST(test_cards_en)
{
	fixture_t f;
	lr_cards_layout_t *cards;
	GArray *p;

	fixture_open(&f, NULL, LR_LANGUAGE_EN);
	cards = cards_of(&f, overview, G_N_ELEMENTS(overview), 380);
	p = parse_cards(cards);
#define CARD(i) (&g_array_index(p, card_line_t, i))
	ck_assert_str_eq(CARD(0)->value, "71/193");
	ck_assert_str_eq(CARD(0)->change, UP "15 places since 2022");
	ck_assert_str_eq(CARD(0)->label, "UN E-Government Development Index (EGDI) rank");
	ck_assert_str_eq(CARD(3)->value, "16.5%");
	ck_assert_str_eq(CARD(3)->tag, "estimate");
	ck_assert(g_str_has_prefix(CARD(4)->value, "20.5"));
	ck_assert_str_eq(CARD(4)->change, UP "50% since 2021");
	ck_assert_str_eq(CARD(5)->value, "0.71");
	ck_assert_str_eq(CARD(6)->change, "unchanged since 2023");
	/* 380 pt: at most three a row; seven cards in three rows: 3 + 2 + 2, not 3 + 3 + 1. */
	ck_assert_int_eq(CARD(0)->row, 0);
	ck_assert_int_eq(CARD(2)->row, 0);
	ck_assert_int_eq(CARD(3)->row, 1);
	ck_assert_int_eq(CARD(4)->row, 1);
	ck_assert_int_eq(CARD(5)->row, 2);
	ck_assert_int_eq(CARD(6)->row, 2);
	check_cards_inside(p, 380);
#undef CARD
	cards_free(p);
	lr_cards_layout_free(cards);
	fixture_close(&f);
}
END_TEST

/* A dataset whose changes go every way: up and down, for better higher and lower. */
static lr_dataset_t *
changes_dataset(void)
{
	static const struct {
		const char *id;
		lr_indicator_kind_t kind;
		lr_direction_t better;
		double before, now;
		lr_observation_status_t status;
	} rows[] = {
		{ "up_good", LR_INDICATOR_VALUE, LR_DIRECTION_HIGHER, 10, 12, LR_OBSERVATION_ACTUAL },
		{ "down_bad", LR_INDICATOR_VALUE, LR_DIRECTION_HIGHER, 10, 8, LR_OBSERVATION_ACTUAL },
		{ "down_good", LR_INDICATOR_VALUE, LR_DIRECTION_LOWER, 10, 8, LR_OBSERVATION_TARGET },
		{ "up_neutral", LR_INDICATOR_VALUE, LR_DIRECTION_NEUTRAL, 10, 12, LR_OBSERVATION_FORECAST },
		{ "rank_fell", LR_INDICATOR_RANK, LR_DIRECTION_LOWER, 40, 43, LR_OBSERVATION_ACTUAL },
		{ "share_up", LR_INDICATOR_SHARE, LR_DIRECTION_HIGHER, 40, 42.5, LR_OBSERVATION_ACTUAL },
	};
	lr_dataset_t *dataset = lr_dataset_create();

	for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
		lr_indicator_t indicator = {
			.id = rows[i].id, .name_vi = rows[i].id, .name_en = rows[i].id,
			.unit_vi = rows[i].kind == LR_INDICATOR_SHARE ? "%" : "",
			.unit_en = rows[i].kind == LR_INDICATOR_SHARE ? "%" : "",
			.kind = rows[i].kind, .better = rows[i].better, .pillar = "overall",
		};
		lr_observation_t o = { .indicator = rows[i].id, .entity = "Việt Nam", .year = 2022,
				       .period = "", .value = rows[i].before, .low = NAN, .high = NAN,
				       .total = rows[i].kind == LR_INDICATOR_RANK ? 100 : 0,
				       .source = "a.txt", .quote = "q" };
		ck_assert_int_eq(lr_dataset_add_indicator(dataset, &indicator), LR_STATUS_SUCCESS);
		ck_assert_int_eq(lr_dataset_add_observation(dataset, &o), LR_STATUS_SUCCESS);
		o.year = 2024;
		o.value = rows[i].now;
		o.status = rows[i].status;
		o.source = "b.txt";
		ck_assert_int_eq(lr_dataset_add_observation(dataset, &o), LR_STATUS_SUCCESS);
	}
	return dataset;
}

START_TEST(test_cards_directions)
{
	static const char *const ids[] = { "up_good", "down_bad", "down_good", "up_neutral",
					   "rank_fell", "share_up" };
	fixture_t f;
	lr_cards_layout_t *cards;
	GArray *p;
	char *better, *worse, *muted;

	fixture_open(&f, changes_dataset(), LR_LANGUAGE_VI);
	/* The latest is the latest actual figure (report-ref.c): name the target's year. */
	for (size_t i = 0; i < G_N_ELEMENTS(ids); i++)
		lr_report_add_key_figure(f.report, ids[i], NULL, i == 2 || i == 3 ? 2024 : 0, NULL);
	cards = lr_cards_layout_new(&f.context, last_block(&f), 480);
	ck_assert_ptr_nonnull(cards);
	p = parse_cards(cards);
	better = hex(f.style.better);
	worse = hex(f.style.worse);
	muted = hex(f.style.muted);
	ck_assert_str_ne(better, worse);
#define CARD(i) (&g_array_index(p, card_line_t, i))
	ck_assert_str_eq(CARD(0)->change, UP "20% so với 2022");
	ck_assert_str_eq(CARD(0)->kind, "better");
	ck_assert_str_eq(CARD(0)->color, better);
	ck_assert_str_eq(CARD(1)->change, DOWN "20% so với 2022");
	ck_assert_str_eq(CARD(1)->kind, "worse");
	ck_assert_str_eq(CARD(1)->color, worse);
	/* A target is compared with the past figure and is tagged. */
	ck_assert_str_eq(CARD(2)->kind, "better");
	ck_assert_str_eq(CARD(2)->tag, "mục tiêu");
	ck_assert_str_eq(CARD(3)->kind, "neutral");
	ck_assert_str_eq(CARD(3)->color, muted);
	ck_assert_str_eq(CARD(3)->tag, "dự báo");
	ck_assert_str_eq(CARD(4)->value, "43/100");
	ck_assert_str_eq(CARD(4)->change, DOWN "3 bậc so với 2022");
	ck_assert_str_eq(CARD(4)->kind, "worse");
	ck_assert_str_eq(CARD(5)->value, "42,5%");
	ck_assert(g_str_has_prefix(CARD(5)->change, UP "2,5"));
	ck_assert_str_eq(CARD(5)->kind, "better");
	/* Both years' sources are cited. */
	ck_assert(g_hash_table_contains(f.context.sources, "a.txt"));
	ck_assert(g_hash_table_contains(f.context.sources, "b.txt"));
	check_cards_inside(p, 480);
#undef CARD
	g_free(better);
	g_free(worse);
	g_free(muted);
	cards_free(p);
	lr_cards_layout_free(cards);
	fixture_close(&f);
}
END_TEST

/* A unit too long for its card goes on its own line, and takes the row's other units along. */
START_TEST(test_cards_units_split_together)
{
	static const char *const ids[] = { "cdt_teams", "cdt_members", "internet_users_share" };
	fixture_t f;
	lr_cards_layout_t *cards;
	GArray *p;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	cards = cards_of(&f, ids, 3, 480);
	p = parse_cards(cards);
#define CARD(i) (&g_array_index(p, card_line_t, i))
	ck_assert_str_eq(CARD(0)->value, "95");
	ck_assert_str_eq(CARD(0)->unit, "nghìn tổ");
	ck_assert_str_eq(CARD(1)->value, "450");
	ck_assert_str_eq(CARD(1)->unit, "nghìn thành viên");
	ck_assert_str_eq(CARD(2)->value, "80%");
	ck_assert_ptr_null(CARD(2)->unit);
	check_cards_inside(p, 480);
	cards_free(p);
	lr_cards_layout_free(cards);
	fixture_close(&f);

	/* Another entity's figure says whose it is; a label given is kept as written. */
	fixture_open(&f, NULL, LR_LANGUAGE_EN);
	lr_report_add_key_figure(f.report, "ftth_coverage", "thế giới", 0, NULL);
	lr_report_add_key_figure(f.report, "ftth_coverage", NULL, 0, "Fibre <to> the home & more");
	cards = lr_cards_layout_new(&f.context, last_block(&f), 480);
	ck_assert_ptr_nonnull(cards);
	p = parse_cards(cards);
	ck_assert_str_eq(CARD(0)->value, "51.5%");
	ck_assert_str_eq(CARD(0)->label, "Share of households connected by fibre (FTTH) — World");
	ck_assert_str_eq(CARD(1)->value, "85%");
	ck_assert_str_eq(CARD(1)->label, "Fibre <to> the home & more");
	cards_free(p);
	lr_cards_layout_free(cards);
	fixture_close(&f);

	/* Alone in a wide column, the value keeps its unit on its line. */
	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	cards = cards_of(&f, ids, 1, 480);
	p = parse_cards(cards);
	ck_assert(g_str_has_prefix(CARD(0)->value, "95"));
	ck_assert(strstr(CARD(0)->value, "nghìn tổ"));
	ck_assert_ptr_null(CARD(0)->unit);
#undef CARD
	cards_free(p);
	lr_cards_layout_free(cards);
	fixture_close(&f);
}
END_TEST

START_TEST(test_cards_wrap_rows)
{
	static const double widths[] = { 480, 400, 280 };
	static const int most[] = { 4, 3, 2 };

	for (int w = 0; w < 3; w++)
		for (int n = 1; n <= 8; n++) {
			fixture_t f;
			lr_cards_layout_t *cards;
			GArray *p;
			int rows, per_row;

			fixture_open(&f, NULL, LR_LANGUAGE_VI);
			cards = cards_of(&f, (const char *const[]) { "egdi_rank", "gii_rank",
								     "gci_rank", "ndsp_accounts",
								     "cdt_teams", "internet_users_share",
								     "ftth_coverage", "data_centers" },
					 (size_t) n, widths[w]);
			p = parse_cards(cards);
			ck_assert_int_eq(p->len, n);
			rows = (n + most[w] - 1) / most[w];
			per_row = (n + rows - 1) / rows;
			for (int i = 0, row = 0, start = 0; i < n; i++) {
				const card_line_t *card = &g_array_index(p, card_line_t, i);
				const card_line_t *first;
				/* As even as can be, the fuller rows first: 7 in threes are 3 + 2 + 2. */
				int size = n / rows + (row < n % rows ? 1 : 0);
				if (i == start + size) {
					start = i;
					row++;
				}
				first = &g_array_index(p, card_line_t, start);
				ck_assert_msg(card->row == row, "%d cards at %.0f: card %d in row %d, not %d",
					      n, widths[w], i, card->row, row);
				ck_assert_double_eq_tol(card->width, first->width, 0.01);
				ck_assert_double_eq_tol(card->height, first->height, 0.01);
				ck_assert_double_eq_tol(card->y, first->y, 0.01);
				if (i > start)
					ck_assert_double_gt(card->x,
							    g_array_index(p, card_line_t, i - 1).x +
								    g_array_index(p, card_line_t, i - 1).width);
			}
			/* A full row spans the width. */
			{
				const card_line_t *last = &g_array_index(p, card_line_t, per_row - 1);
				ck_assert_double_eq_tol(last->x + last->width, widths[w], 0.11);
			}
			check_cards_inside(p, widths[w]);
			cards_free(p);
			lr_cards_layout_free(cards);
			fixture_close(&f);
		}
}
END_TEST

START_TEST(test_cards_arrows_have_glyphs)
{
	static const char *const texts[] = { UP "15 bậc so với 2022", DOWN "20%",
					     "↑15 places since 2022" };
	lr_status_t status;
	PangoContext *context = lr_fonts_get_context(&status);

	for (int bold = 0; bold < 2; bold++)
		for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
			lr_text_style_t style = { .family = "Noto Sans", .size = 8.4, .bold = bold };
			lr_text_t text;
			ck_assert_int_eq(lr_text_layout(context, texts[i], &style, &text),
					 LR_STATUS_SUCCESS);
			ck_assert_int_eq(lr_text_count_unknown_glyphs(&text), 0);
			lr_text_clear(&text);
		}
}
END_TEST

START_TEST(test_cards_errors)
{
	fixture_t f;
	lr_card_spec_t *card = g_new0(lr_card_spec_t, 1);
	lr_block_t *block;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	card->indicator = g_strdup("egdi_rank");
	card->year = 1990; /* no figure that year */
	card->line = 7;
	card->column = 3;
	block = lr_report_append_card(f.report, card);
	ck_assert_ptr_nonnull(block);
	ck_assert_ptr_null(lr_cards_layout_new(&f.context, block, 480));
	ck_assert_int_eq(f.error.public.status, LR_STATUS_NO_DATA);
	ck_assert_uint_eq(f.error.public.line, 7);
	ck_assert_ptr_null(lr_cards_layout_new(&f.context, block, -1));
	lr_cards_layout_free(NULL);
	ck_assert_ptr_null(lr_cards_layout_describe(NULL));
	ck_assert_double_eq(lr_cards_layout_height(NULL), 0);
	fixture_close(&f);
}
END_TEST

START_TEST(test_cards_draw_inside)
{
	static const double widths[] = { 480, 400, 280 };
	fixture_t f;
	lr_cards_layout_t *cards;
	cairo_surface_t *surface;
	cairo_t *cr;
	ink_t ink;
	double width = widths[_i], height;
	const int scale = 2;
	char *name;

	fixture_open(&f, NULL, LR_LANGUAGE_VI);
	cards = cards_of(&f, overview, G_N_ELEMENTS(overview), width);
	height = lr_cards_layout_height(cards);
	surface = white_surface(width + 40, height + 40, scale, &cr);
	lr_cards_layout_draw(cards, cr, 20, 20);
	ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	ink = count_ink(surface, 20, 20, width, height, scale);
	ck_assert_int_gt(ink.inside, 2000);
	ck_assert_int_eq(ink.outside, 0);
	name = g_strdup_printf("cards-%.0f.png", width);
	keep_png(surface, name);
	g_free(name);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	lr_cards_layout_free(cards);
	fixture_close(&f);
}
END_TEST

static Suite *
blocks_suite(void)
{
	Suite *suite = suite_create("report-blocks");
	TCase *tc;

	tc = tcase_create("words");
	tcase_add_test(tc, test_words_complete);
	tcase_add_test(tc, test_words_formats);
	suite_add_tcase(suite, tc);

	tc = tcase_create("tables");
	tcase_add_test(tc, test_table_ranks_vi);
	tcase_add_test(tc, test_table_mixed_vi);
	tcase_add_test(tc, test_table_mixed_en);
	tcase_add_loop_test(tc, test_table_entities, 0, 2);
	tcase_add_test(tc, test_table_estimate_note_exactly_when_marked);
	tcase_add_loop_test(tc, test_table_partial_year, 0, 2);
	tcase_add_test(tc, test_table_given_years);
	tcase_add_test(tc, test_table_300_rows);
	tcase_add_test(tc, test_table_markdown);
	tcase_add_test(tc, test_table_markdown_long_word);
	tcase_add_test(tc, test_table_errors);
	tcase_add_loop_test(tc, test_table_draws_inside, 0, 2);
	tcase_add_test(tc, test_table_and_cards_pdf);
	suite_add_tcase(suite, tc);

	tc = tcase_create("cards");
	tcase_add_test(tc, test_cards_vi);
	tcase_add_test(tc, test_cards_en);
	tcase_add_test(tc, test_cards_directions);
	tcase_add_test(tc, test_cards_units_split_together);
	tcase_add_test(tc, test_cards_wrap_rows);
	tcase_add_test(tc, test_cards_arrows_have_glyphs);
	tcase_add_test(tc, test_cards_errors);
	tcase_add_loop_test(tc, test_cards_draw_inside, 0, 3);
	suite_add_tcase(suite, tc);
	return suite;
}

const lr_test_program_t lr_test_program = { blocks_suite, NULL, NULL };
