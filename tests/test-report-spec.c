/* libreport tests: the report spec reader (report-spec.c) and references (report-ref.c),
 * white box: the blocks a spec produces are read from the report's model.
 *
 * What is checked, and how each check can fail:
 * - bad specs: each mistake gives its first error at an exact file:line:column, with a
 *   status and a message fragment saying what was expected; one spec with several mistakes
 *   records every one, in file order, and adds no block.
 * - good spec: every construct (headings, styles nested, code, links, hard and soft breaks,
 *   lists nested and numbered, quotes, Markdown tables with alignment, page breaks, HTML kept
 *   literal, chart/figures/table blocks, references in prose, cells and captions) becomes
 *   the expected block list, compared as a text dump of kinds, levels, markers and runs;
 *   the same spec decomposed (NFD) gives the same dump.
 * - front matter: every key reaches the report; line numbers after it stay the file's.
 * - references formatted in vi and en against the bundled dataset (LR_DATA_DIR), values
 *   taken from data/observations.csv by hand: "71/193", "tăng 15 bậc", ranges, percentages,
 *   percentage points, English entity names, NFD entities.
 * - lookups on a small dataset built in memory: actual before estimate, whole year before
 *   part, the latest, the default and the only entity, the previous year skipping targets.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "test-main.h"
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "report-private.h"

#ifndef LR_DATA_DIR
#error "LR_DATA_DIR must name the dataset folder (data/)"
#endif

#define NBSP "\xc2\xa0"
#define FRONT "---\ntitle: T\n---\n" /* three lines: a body starts on line 4 */

static lr_dataset_t *bundled;
/* Columns count the file's characters, so an NFD spec has others: its dump leaves them out. */
static bool dump_columns = true;

static void
setup(void)
{
	dump_columns = true;
	bundled = lr_dataset_load(LR_DATA_DIR);
	ck_assert_int_eq(lr_dataset_status(bundled), LR_STATUS_SUCCESS);
}

static void
teardown(void)
{
	lr_dataset_destroy(bundled);
	bundled = NULL;
}

static lr_report_t *
load(const char *spec)
{
	return lr_report_load_from_memory(spec, strlen(spec), "spec.md", bundled);
}

/* ---- Dumps ------------------------------------------------------------------------------- */


static void
dump_runs(GString *out, const GArray *runs)
{
	for (guint i = 0; runs && i < runs->len; i++) {
		const lr_run_t *run = &g_array_index(runs, lr_run_t, i);
		g_string_append_c(out, '[');
		if (run->style & LR_STYLE_BOLD)
			g_string_append_c(out, 'b');
		if (run->style & LR_STYLE_ITALIC)
			g_string_append_c(out, 'i');
		if (run->style & LR_STYLE_CODE)
			g_string_append_c(out, 'c');
		if (run->link)
			g_string_append_printf(out, "@%s", run->link);
		g_string_append_c(out, ']');
		if (run->kind == LR_RUN_TEXT) {
			g_string_append(out, run->text);
		} else if (run->kind == LR_RUN_LINE_BREAK) {
			g_string_append(out, "\xe2\x8f\x8e"); /* ⏎ */
		} else {
			const lr_reference_t *r = run->reference;
			g_string_append_printf(out, "{%s|%s|%d|%d@%u", r->indicator,
					       r->entity ? r->entity : "-", r->year, (int) r->form,
					       r->line);
			if (dump_columns)
				g_string_append_printf(out, ":%u", r->column);
			g_string_append_c(out, '}');
		}
	}
}

static char *
dump_blocks(const lr_report_t *report)
{
	static const char *const kinds[] = { "heading", "paragraph", "item", "quote", "figure",
					     "cards", "table", "break" };
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < report->blocks->len; i++) {
		const lr_block_t *block = g_ptr_array_index(report->blocks, i);
		g_string_append_printf(out, "%s %d line %u", kinds[block->kind], block->level,
				       block->line);
		if (block->marker)
			g_string_append_printf(out, " %s", block->marker);
		g_string_append_c(out, ' ');
		dump_runs(out, block->runs);
		if (block->kind == LR_BLOCK_FIGURE) {
			g_string_append_printf(out, "aspect %.2f caption ", block->aspect);
			dump_runs(out, block->caption);
		}
		if (block->kind == LR_BLOCK_CARDS)
			for (guint c = 0; c < block->cards->len; c++) {
				const lr_card_spec_t *card = g_ptr_array_index(block->cards, c);
				g_string_append_printf(out, "<%s|%s|%d|%s>", card->indicator,
						       card->entity ? card->entity : "-", card->year,
						       card->label ? card->label : "-");
			}
		if (block->kind == LR_BLOCK_TABLE) {
			const lr_table_spec_t *t = block->table;
			if (t->from_data) {
				g_string_append(out, "data");
				for (guint k = 0; k < t->indicators->len; k++)
					g_string_append_printf(out, " %s", (char *) t->indicators->pdata[k]);
				for (guint k = 0; k < t->entities->len; k++)
					g_string_append_printf(out, " e:%s", (char *) t->entities->pdata[k]);
				for (guint k = 0; k < t->years->len; k++)
					g_string_append_printf(out, " y:%d", g_array_index(t->years, int, k));
			} else {
				g_string_append_printf(out, "md %d align", t->column_count);
				for (guint k = 0; k < t->alignments->len; k++)
					g_string_append_printf(out, " %d", g_array_index(t->alignments, int, k));
				g_string_append(out, " head");
				for (guint k = 0; k < t->header->len; k++) {
					g_string_append_c(out, ' ');
					dump_runs(out, t->header->pdata[k]);
				}
				for (guint r = 0; r < t->rows->len; r++) {
					GPtrArray *row = t->rows->pdata[r];
					g_string_append(out, " row");
					for (guint k = 0; k < row->len; k++) {
						g_string_append_c(out, ' ');
						dump_runs(out, row->pdata[k]);
					}
				}
			}
			if (t->caption) {
				g_string_append(out, " caption ");
				dump_runs(out, t->caption);
			}
		}
		g_string_append_c(out, '\n');
	}
	return g_string_free(out, FALSE);
}

/* ---- Bad specs --------------------------------------------------------------------------- */

typedef struct {
	const char *name;
	const char *spec;
	unsigned line, column;
	lr_status_t status;
	const char *fragment;
} bad_spec_t;

static const bad_spec_t bad_specs[] = {
	{ "front matter: unknown key", "---\ntitle: T\ncolour: red\n---\n", 3, 1,
	  LR_STATUS_INVALID_DATA, "unknown front-matter key 'colour'; expected title," },
	{ "front matter: bad language", "---\ntitle: T\nlanguage: fr\n---\n", 3, 11,
	  LR_STATUS_INVALID_DATA, "'fr' is not a language; expected vi or en" },
	{ "front matter: bad page", "---\ntitle: T\npage: a3\n---\n", 3, 7,
	  LR_STATUS_INVALID_DATA, "expected a4, a5 or letter" },
	{ "front matter: bad justify", "---\ntitle: T\njustify: maybe\n---\n", 3, 10,
	  LR_STATUS_INVALID_DATA, "expected true or false" },
	{ "front matter: missing title", "---\nauthor: Bộ TT&TT\n---\n\nText.\n", 1, 1,
	  LR_STATUS_INVALID_DATA, "no title" },
	{ "front matter: not closed", "---\ntitle: T\n\n# Heading\n", 1, 1,
	  LR_STATUS_PARSE_ERROR, "never closed; expected a '---' line" },
	{ "front matter: missing", "# Heading\n", 1, 1, LR_STATUS_PARSE_ERROR,
	  "starts with its front matter" },
	{ "front matter: no colon", "---\ntitle: T\n  just words\n---\n", 3, 3,
	  LR_STATUS_PARSE_ERROR, "expected 'key: value'" },
	{ "front matter: twice", "---\ntitle: T\ntitle: U\n---\n", 3, 1, LR_STATUS_INVALID_DATA,
	  "given twice (first on line 2)" },
	{ "front matter: empty value", "---\ntitle: T\nauthor:   \n---\n", 3, 8,
	  LR_STATUS_INVALID_DATA, "'author:' has no value" },
	{ "front matter: unknown entity", "---\ntitle: T\nentity: Atlantis\n---\n", 3, 9,
	  LR_STATUS_UNKNOWN_ENTITY, "'Atlantis'" },
	{ "unknown block kind", FRONT "\n```python\nx = 1\n```\n", 5, 4, LR_STATUS_INVALID_DATA,
	  "unknown block kind 'python'; expected chart, figures or table" },
	{ "fence without a kind", FRONT "Text.\n\n```\nx\n```\n", 6, 1, LR_STATUS_INVALID_DATA,
	  "without a kind; expected chart, figures or table" },
	{ "unknown chart key", FRONT "```chart\nkind=bar\n  colour = red\n```\n", 6, 3,
	  LR_STATUS_INVALID_DATA, "unknown key 'colour' in a ```chart block; expected kind," },
	{ "bad value", FRONT "```chart\nindicator=ftth_coverage\nhorizontal=maybe\n```\n", 6, 12,
	  LR_STATUS_INVALID_DATA, "'maybe' is not a value of horizontal; expected true or false" },
	{ "bad kind", FRONT "```chart\nkind=pie\nindicator=ftth_coverage\n```\n", 5, 6,
	  LR_STATUS_INVALID_DATA, "expected bar or rank" },
	{ "bad layout", FRONT "```chart\nindicator=ftth_coverage\nlayout=heap\n```\n", 6, 8,
	  LR_STATUS_INVALID_DATA, "expected grouped, stacked or percent" },
	{ "unknown indicator in a chart", FRONT "```chart\nindicator=egdi_rank; nope_id\n```\n", 5,
	  22, LR_STATUS_UNKNOWN_INDICATOR, "unknown indicator 'nope_id'" },
	{ "rank chart of a value", FRONT "```chart\nkind=rank\nindicator=ecommerce_revenue\n```\n",
	  6, 11, LR_STATUS_UNSUPPORTED, "'ecommerce_revenue' is not a ranking" },
	{ "layout on a rank chart", FRONT "```chart\nkind=rank\nindicator=egdi_rank\nlayout=stacked\n```\n",
	  7, 1, LR_STATUS_INVALID_DATA, "layout= is for bar charts" },
	{ "unknown chart entity", FRONT "```chart\nindicator=ftth_coverage\nentity=Việt Nam;Mars\n```\n",
	  6, 17, LR_STATUS_UNKNOWN_ENTITY, "'Mars' has no figure of ftth_coverage; expected one of: Việt Nam, thế giới, châu Âu" },
	{ "chart without indicator", FRONT "```chart\nkind=bar\n```\n", 4, 1,
	  LR_STATUS_INVALID_DATA, "needs indicator=ID" },
	{ "chart of no data", FRONT "```chart\nindicator=egdi_rank\nyear=1999\n```\n", 4, 1,
	  LR_STATUS_NO_DATA, "cannot be drawn" },
	{ "bad aspect", FRONT "```chart\nindicator=egdi_rank\naspect=5\n```\n", 6, 8,
	  LR_STATUS_INVALID_DATA, "from 0.2 to 2" },
	{ "bad year", FRONT "```chart\nindicator=egdi_rank\nyear=2024;24\n```\n", 6, 11,
	  LR_STATUS_INVALID_DATA, "'24' is not a year" },
	{ "empty value", FRONT "```chart\nindicator=egdi_rank\ncaption=  \n```\n", 6, 9,
	  LR_STATUS_INVALID_DATA, "'caption=' has no value" },
	{ "not key=value", FRONT "```chart\nindicator=egdi_rank\nhorizontal\n```\n", 6, 1,
	  LR_STATUS_PARSE_ERROR, "expected key=value" },
	{ "repeated key", FRONT "```chart\nindicator=egdi_rank\ntitle=A\ntitle=B\n```\n", 7, 1,
	  LR_STATUS_INVALID_DATA, "given twice (first on line 6)" },
	{ "unknown indicator in figures", FRONT "```figures\nindicator=egdi_rank\nindicator=nope\n```\n",
	  6, 11, LR_STATUS_UNKNOWN_INDICATOR, "unknown indicator 'nope'" },
	{ "figures: key before indicator", FRONT "```figures\nlabel=X\nindicator=egdi_rank\n```\n",
	  5, 1, LR_STATUS_INVALID_DATA, "before any indicator=" },
	{ "figures: card of no data", FRONT "```figures\nindicator=egdi_rank\nyear=2023\n```\n", 5,
	  11, LR_STATUS_NO_DATA, "no figure of egdi_rank for Việt Nam in 2023" },
	{ "figures: unknown entity", FRONT "```figures\nindicator=egdi_rank\nentity=Mars\n```\n", 6,
	  8, LR_STATUS_UNKNOWN_ENTITY, "'Mars'" },
	{ "unknown indicator in a table", FRONT "```table\nindicator=gii_rank;egdi_rnak\n```\n", 5,
	  20, LR_STATUS_UNKNOWN_INDICATOR, "unknown indicator 'egdi_rnak' (did you mean 'egdi_rank'?)" },
	{ "table of no data", FRONT "```table\nindicator=egdi_rank\nyear=1999\n```\n", 4, 1,
	  LR_STATUS_NO_DATA, "this table has no figure" },
	{ "table: entities and indicators", FRONT "```table\nindicator=egdi_rank;gii_rank\nentity=Việt Nam;Vietnam\n```\n",
	  6, 17, LR_STATUS_INVALID_DATA, "give one indicator" },
	{ "unknown indicator in a reference", FRONT "Text {{nope_x}} here.\n", 4, 8,
	  LR_STATUS_UNKNOWN_INDICATOR, "unknown indicator 'nope_x' in a reference; expected" },
	{ "reference: misspelt indicator", FRONT "Hạng {{egdi_rnak}}.\n", 4, 8,
	  LR_STATUS_UNKNOWN_INDICATOR, "'egdi_rnak' in a reference (did you mean 'egdi_rank'?)" },
	{ "reference: a letter left out", FRONT "Hạng {{egdirank}}.\n", 4, 8,
	  LR_STATUS_UNKNOWN_INDICATOR, "'egdirank' in a reference (did you mean 'egdi_rank'?)" },
	{ "reference of no data", FRONT "Rank {{egdi_rank 1999}}.\n", 4, 18, LR_STATUS_NO_DATA,
	  "no figure of egdi_rank for Việt Nam in 1999; years with data: 2022, 2024" },
	{ "reference: unknown entity", FRONT "{{ftth_coverage \"Sao Hỏa\" 2024}}\n", 4, 17,
	  LR_STATUS_UNKNOWN_ENTITY, "'Sao Hỏa' has no figure of ftth_coverage" },
	{ "reference: no earlier year", FRONT "{{gii_rank 2023 change}}\n", 4, 17, LR_STATUS_NO_DATA,
	  "no earlier one" },
	{ "reference: not an id", FRONT "{{ 2024 }}\n", 4, 4, LR_STATUS_PARSE_ERROR,
	  "not an indicator id" },
	{ "reference: misspelt form", FRONT "{{egdi_rank 2024 chnage}}\n", 4, 18,
	  LR_STATUS_PARSE_ERROR, "unknown form" },
	{ "reference on a later line", FRONT "Một dòng đầu,\nrồi dòng hai {{nope}}.\n", 5, 16,
	  LR_STATUS_UNKNOWN_INDICATOR, "'nope'" },
	{ "reference after a reference", FRONT "{{egdi_rank}} và **{{gii_rank}}** và {{nope}}\n", 4,
	  40, LR_STATUS_UNKNOWN_INDICATOR, "'nope'" },
	{ "reference after code", FRONT "`{{not_one}}` và {{nope}}\n", 4, 20,
	  LR_STATUS_UNKNOWN_INDICATOR, "'nope'" },
	{ "reference after a link", FRONT "[{{egdi_rank}}](https://x.org/{{a}}) và {{nope}}\n", 4,
	  43, LR_STATUS_UNKNOWN_INDICATOR, "'nope'" },
	{ "reference in a nested item", FRONT "- một\n  - hai {{nope}}\n", 5, 11,
	  LR_STATUS_UNKNOWN_INDICATOR, "'nope'" },
	{ "reference in a table cell", FRONT "| a | b |\n|---|---|\n| x | y {{nope}} |\n", 6, 11,
	  LR_STATUS_UNKNOWN_INDICATOR, "'nope'" },
	/* kind=rank: bars of a rank are refused (issue 10). */
	{ "reference in a caption",
	  FRONT "```chart\nkind=rank\nindicator=egdi_rank\ncaption=Hạng {{nope}}\n```\n",
	  7, 16, LR_STATUS_UNKNOWN_INDICATOR, "'nope'" },
	{ "unclosed reference", FRONT "Xếp hạng {{egdi_rank và tiếp\n", 4, 10, LR_STATUS_PARSE_ERROR,
	  "unclosed '{{'" },
	{ "unterminated fence", FRONT "Đoạn.\n\n```chart\nindicator=egdi_rank\n\nMore text.\n", 6, 1,
	  LR_STATUS_PARSE_ERROR, "never closed" },
	{ "unterminated fence in a list", FRONT "- item\n  ```chart\n  indicator=egdi_rank\n- next\n",
	  5, 3, LR_STATUS_PARSE_ERROR, "never closed" },
	{ "invalid UTF-8", FRONT "Cà phê \xff đen\n", 4, 8, LR_STATUS_INVALID_UTF8, "invalid UTF-8" },
	{ "invalid UTF-8 in front matter", "---\ntitle: Tr\xc3\n---\n", 2, 10, LR_STATUS_INVALID_UTF8,
	  "invalid UTF-8" },
	{ "image", FRONT "Văn bản\nvà ![biểu đồ](chart.png) nữa.\n", 5, 4, LR_STATUS_UNSUPPORTED,
	  "images are not supported; draw data with a ```chart block" },
	{ "heading level 4", FRONT "#### Nhỏ\n", 4, 1, LR_STATUS_INVALID_DATA,
	  "expected # (section), ## (subsection) or ### (minor heading)" },
	/* The bar keys of charts.ini (issue 10): labels and decimals. */
	{ "bad labels", FRONT "```chart\nindicator=ftth_coverage\nlabels=some\n```\n", 6, 8,
	  LR_STATUS_INVALID_DATA, "'some' is not a value of labels; expected fit, all or none" },
	{ "bad decimals", FRONT "```chart\nindicator=ftth_coverage\ndecimals=7\n```\n", 6, 10,
	  LR_STATUS_INVALID_DATA,
	  "'7' is not a value of decimals; expected a whole number from 0 to 4" },
	{ "decimals not a number", FRONT "```chart\nindicator=ftth_coverage\ndecimals=two\n```\n",
	  6, 10, LR_STATUS_INVALID_DATA, "'two' is not a value of decimals" },
	{ "labels on a rank chart", FRONT "```chart\nkind=rank\nindicator=egdi_rank\nlabels=none\n```\n",
	  7, 1, LR_STATUS_INVALID_DATA, "labels= is for bar charts" },
	{ "decimals on a rank chart", FRONT "```chart\nkind=rank\nindicator=egdi_rank\ndecimals=1\n```\n",
	  7, 1, LR_STATUS_INVALID_DATA, "decimals= is for bar charts" },
	/* Names match loosely; what matches nothing gets the closest names, as on the CLI. */
	{ "chart entity misspelt", FRONT "```chart\nindicator=ftth_coverage\nentity=thế giới;Viet Nan\n```\n",
	  6, 17, LR_STATUS_UNKNOWN_ENTITY,
	  "'Viet Nan' has no figure of ftth_coverage; did you mean 'Việt Nam'? Expected one of: "
	  "Việt Nam, thế giới, châu Âu" },
	{ "chart highlight misspelt", FRONT "```chart\nindicator=ftth_coverage\nhighlight=chau Auu\n```\n",
	  6, 11, LR_STATUS_UNKNOWN_ENTITY, "'chau Auu' has no figure of ftth_coverage; did you mean 'châu Âu'?" },
	{ "figures entity misspelt", FRONT "```figures\nindicator=egdi_rank\nentity=Vietnm\n```\n", 6,
	  8, LR_STATUS_UNKNOWN_ENTITY, "did you mean 'Việt Nam'" },
	{ "front matter entity misspelt", "---\ntitle: T\nentity: Việt Namm\n---\n", 3, 9,
	  LR_STATUS_UNKNOWN_ENTITY,
	  "the dataset has no figure of 'Việt Namm'; did you mean 'Việt Nam'? Expected an entity" },
	{ "reference entity misspelt", FRONT "{{ftth_coverage \"the gioy\" 2024}}\n", 4, 17,
	  LR_STATUS_UNKNOWN_ENTITY, "'the gioy' has no figure of ftth_coverage; did you mean 'thế giới'?" },
};

START_TEST(test_bad_spec)
{
	const bad_spec_t *bad = &bad_specs[_i];
	lr_report_t *report = load(bad->spec);
	const lr_error_t *error = lr_report_get_error(report, 0);

	ck_assert_msg(error, "%s: no error", bad->name);
	ck_assert_msg(lr_report_status(report) == bad->status, "%s: status %s, expected %s: %s",
		      bad->name, lr_status_to_string(lr_report_status(report)),
		      lr_status_to_string(bad->status), error->message);
	ck_assert_str_eq(error->file, "spec.md");
	ck_assert_msg(error->line == bad->line && error->column == bad->column,
		      "%s: at %u:%u, expected %u:%u: %s", bad->name, error->line, error->column,
		      bad->line, bad->column, error->message);
	ck_assert_msg(strstr(error->message, bad->fragment), "%s: message '%s' lacks '%s'",
		      bad->name, error->message, bad->fragment);
	lr_report_destroy(report);
}
END_TEST

/* A spec with 3,000 bad references records LR_ERROR_COUNT_MAX of them and one more that
 * says where reading stopped: bounded memory for any spec. */
START_TEST(test_error_count_max)
{
	GString *spec = g_string_new(FRONT);
	const lr_error_t *last;
	lr_report_t *report;

	for (int i = 0; i < 3000; i++)
		g_string_append(spec, "Một {{nope}} câu.\n\n");
	report = load(spec->str);
	ck_assert_uint_eq(lr_report_get_error_count(report), LR_ERROR_COUNT_MAX + 1);
	last = lr_report_get_error(report, LR_ERROR_COUNT_MAX);
	ck_assert_msg(strstr(last->message, "too many errors"), "%s", last->message);
	ck_assert_uint_eq(last->line, 4 + 2 * LR_ERROR_COUNT_MAX);
	lr_report_destroy(report);
	g_string_free(spec, TRUE);
}
END_TEST

START_TEST(test_every_error_recorded_in_order)
{
	const char *spec = "---\ntitle: T\nlanguage: fr\n---\n"
			   "Một {{nope}} câu.\n\n"
			   "```chart\nindicator=egdi_rank\nhorizontal=maybe\n```\n"
			   "\n```table\nindicator=none_such\n```\n"
			   "![x](y.png)\n";
	static const unsigned expected[][2] = { { 3, 11 }, { 5, 7 }, { 9, 12 }, { 13, 11 }, { 15, 1 } };
	lr_report_t *report = load(spec);

	ck_assert_uint_eq(lr_report_get_error_count(report), G_N_ELEMENTS(expected));
	for (size_t i = 0; i < G_N_ELEMENTS(expected); i++) {
		const lr_error_t *error = lr_report_get_error(report, i);
		ck_assert_msg(error->line == expected[i][0] && error->column == expected[i][1],
			      "error %zu at %u:%u, expected %u:%u: %s", i, error->line,
			      error->column, expected[i][0], expected[i][1], error->message);
	}
	ck_assert_uint_eq(report->blocks->len, 0);
	lr_report_destroy(report);
}
END_TEST

/* ---- Good specs -------------------------------------------------------------------------- */

static const char every_construct[] =
	"---\n"
	"title: Báo cáo thường niên\n"
	"subtitle: \"Chuyển đổi số quốc gia\"\n"
	"author: Bộ Thông tin và Truyền thông\n"
	"date: Tháng 2 năm 2025\n"
	"page: a5\n"
	"justify: false\n"
	"subject: Chuyển đổi số\n"
	"keywords: chuyển đổi số, kinh tế số\n"
	"# a comment\n"
	"---\n"
	"\n"
	"# Phần một {{egdi_rank year}}\n"
	"\n"
	"Đoạn **đậm *nghiêng*** và `mã {{x}}` với [liên kết](https://example.org) R&D <5%>\n"
	"dòng hai\\\n"
	"sau ngắt {{egdi_rank}} và {{ftth_coverage \"World\" 2024 number}}.\n"
	"\n"
	"## Mục\n"
	"\n"
	"- một\n"
	"  - hai\n"
	"- ba\n"
	"\n"
	"3. đầu\n"
	"4. sau\n"
	"\n"
	"   tiếp theo\n"
	"\n"
	"> trích dẫn\n"
	"\n"
	"| A | **B** |\n"
	"|:-|-:|\n"
	"| x | {{ftth_coverage \"thế giới\" 2024}} |\n"
	"| y |\n"
	"\n"
	"***\n"
	"\n"
	"```chart\n"
	"# a comment, then a blank line\n"
	"\n"
	"kind=bar\n"
	"indicator=ftth_coverage\n"
	"horizontal=true\n"
	"sort=desc\n"
	"highlight=Vietnam\n"
	"title=Cáp quang\n"
	"title_en=Fibre\n"
	"caption=Cáp quang {{ftth_coverage}}\n"
	"aspect=0.5\n"
	"```\n"
	"\n"
	"```figures\n"
	"indicator=egdi_rank\n"
	"indicator=ecommerce_revenue\n"
	"entity=Việt Nam\n"
	"year=2023\n"
	"label=Thương mại điện tử\n"
	"```\n"
	"\n"
	"```table\n"
	"indicator=egdi_rank;gii_rank\n"
	"year=2022;2024\n"
	"caption=Xếp hạng\n"
	"```\n"
	"\n"
	"<div>raw & html</div>\n";

static const char every_construct_blocks[] =
	"heading 1 line 13 []Phần một []{egdi_rank|-|0|5@13:14}\n"
	"paragraph 1 line 15 []Đoạn [b]đậm [bi]nghiêng[] và [c]mã {{x}}[] với "
	"[@https://example.org]liên kết[] R&D <5%> dòng hai[]⏎[]sau ngắt "
	"[]{egdi_rank|-|0|0@17:12}[] và []{ftth_coverage|thế giới|2024|1@17:29}[].\n"
	"heading 2 line 19 []Mục\n"
	"item 1 line 21 • []một\n"
	"item 2 line 22 – []hai\n"
	"item 1 line 23 • []ba\n"
	"item 1 line 25 3. []đầu\n"
	"item 1 line 26 4. []sau\n"
	"item 1 line 28 []tiếp theo\n"
	"quote 1 line 30 []trích dẫn\n"
	"table 0 line 32 md 2 align -1 1 head []A [b]B row []x []{ftth_coverage|thế giới|2024|0@34:9}"
	" row []y \n"
	"break 0 line 37 \n"
	"figure 0 line 39 aspect 0.50 caption []Cáp quang []{ftth_coverage|-|0|0@49:21}\n"
	"cards 0 line 53 <egdi_rank|-|0|-><ecommerce_revenue|Việt Nam|2023|Thương mại điện tử>\n"
	"table 0 line 61 data egdi_rank gii_rank y:2022 y:2024 caption []Xếp hạng\n"
	"paragraph 1 line 67 []<div>raw & html</div>\n";

START_TEST(test_every_construct)
{
	lr_report_t *report = load(every_construct);
	char *dump;
	const lr_block_t *figure;

	ck_assert_msg(lr_report_status(report) == LR_STATUS_SUCCESS, "%s",
		      lr_report_get_error(report, 0) ? lr_report_get_error(report, 0)->message : "");
	dump = dump_blocks(report);
	ck_assert_str_eq(dump, every_construct_blocks);
	g_free(dump);
	ck_assert_str_eq(report->title, "Báo cáo thường niên");
	ck_assert_str_eq(report->subtitle, "Chuyển đổi số quốc gia");
	ck_assert_str_eq(report->author, "Bộ Thông tin và Truyền thông");
	ck_assert_str_eq(report->date, "Tháng 2 năm 2025");
	ck_assert_str_eq(report->subject, "Chuyển đổi số");
	ck_assert_str_eq(report->keywords, "chuyển đổi số, kinh tế số");
	ck_assert_int_eq(report->page_size, LR_PAGE_A5);
	ck_assert(!report->justify);
	ck_assert_int_eq(report->language, LR_LANGUAGE_VI);
	ck_assert_str_eq(((lr_block_t *) report->blocks->pdata[0])->file, "spec.md");
	/* The chart is the one asked for: its layout shows the Vietnamese title, sorted bars. */
	figure = g_ptr_array_index(report->blocks, 12);
	ck_assert_int_eq(figure->kind, LR_BLOCK_FIGURE);
	dump = lr_chart_describe_layout(figure->chart, 600, 300);
	ck_assert_ptr_nonnull(dump);
	ck_assert_msg(strstr(dump, "Cáp quang"), "%s", dump);
	ck_assert_msg(!strstr(dump, "Fibre"), "%s", dump);
	lr_free(dump);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_nfd_spec_same_blocks)
{
	char *nfd = g_utf8_normalize(every_construct, -1, G_NORMALIZE_NFD);
	lr_report_t *report;
	char *dump, *expected;

	ck_assert_str_ne(nfd, every_construct);
	report = load(every_construct);
	dump_columns = false;
	expected = dump_blocks(report);
	lr_report_destroy(report);
	report = load(nfd);
	ck_assert_msg(lr_report_status(report) == LR_STATUS_SUCCESS, "%s",
		      lr_report_get_error(report, 0) ? lr_report_get_error(report, 0)->message : "");
	dump = dump_blocks(report);
	ck_assert_str_eq(dump, expected);
	dump_columns = true;
	g_free(expected);
	ck_assert_str_eq(report->title, "Báo cáo thường niên");
	g_free(dump);
	lr_report_destroy(report);
	g_free(nfd);
}
END_TEST

static gpointer
load_and_dump(gpointer data)
{
	char *dump = NULL;

	for (int i = 0; i < 5; i++) {
		lr_report_t *report = load(every_construct);
		g_free(dump);
		dump = lr_report_status(report) == LR_STATUS_SUCCESS ? dump_blocks(report)
								     : g_strdup("error");
		lr_report_destroy(report);
	}
	return dump;
}

/* cmark-gfm keeps global state (invariant 4 of report-spec.c): parsers in four threads at
 * once must still give the one block list. */
START_TEST(test_threads_same_blocks)
{
	GThread *threads[4];

	for (int i = 0; i < 4; i++)
		threads[i] = g_thread_new("spec", load_and_dump, NULL);
	for (int i = 0; i < 4; i++) {
		char *dump = g_thread_join(threads[i]);
		ck_assert_str_eq(dump, every_construct_blocks);
		g_free(dump);
	}
}
END_TEST

START_TEST(test_byte_order_mark)
{
	lr_report_t *report = load("\xef\xbb\xbf---\ntitle: T\n---\nA {{nope}}\n");
	const lr_error_t *error = lr_report_get_error(report, 0);

	ck_assert_ptr_nonnull(error);
	ck_assert_uint_eq(lr_report_get_error_count(report), 1);
	ck_assert_uint_eq(error->line, 4);
	ck_assert_uint_eq(error->column, 5);
	lr_report_destroy(report);
}
END_TEST

/* Mangled specs (seeded, so a failure repeats): every error is located inside the file and
 * says something in UTF-8; nothing crashes (run it under ASan: meson test --setup=asan). */
START_TEST(test_mangled_specs)
{
	static const char *const pieces[] = { "{{", "}}", "```", "```chart\n", "\n", "\"", "*",
					      "|", "![", "](", "\xff", "\xcc\x81", "---\n", "> ",
					      "- ", "=", ";", "<b>", "`", "\r" };
	GRand *rand = g_rand_new_with_seed(20260212);

	for (int round = 0; round < 400; round++) {
		GString *spec = g_string_new(every_construct);
		lr_report_t *report;
		unsigned lines = 1;
		for (int edit = 0; edit < 1 + round % 6; edit++) {
			gsize at = (gsize) g_rand_int_range(rand, 0, (gint32) spec->len);
			if (g_rand_boolean(rand))
				g_string_insert(spec, (gssize) at,
						pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))]);
			else {
				gssize cut = g_rand_int_range(rand, 1, 12);
				g_string_erase(spec, (gssize) at, MIN((gssize) (spec->len - at), cut));
			}
		}
		for (gsize i = 0; i < spec->len; i++)
			lines += spec->str[i] == '\n' || (spec->str[i] == '\r' && spec->str[i + 1] != '\n');
		report = lr_report_load_from_memory(spec->str, spec->len, "spec.md", bundled);
		for (size_t i = 0; i < lr_report_get_error_count(report); i++) {
			const lr_error_t *error = lr_report_get_error(report, i);
			ck_assert_msg(error->message && *error->message &&
					      g_utf8_validate(error->message, -1, NULL),
				      "round %d: a bad message", round);
			ck_assert_msg(error->line >= 1 && error->line <= lines && error->column >= 1,
				      "round %d: error at %u:%u of %u lines: %s", round, error->line,
				      error->column, lines, error->message);
		}
		lr_report_destroy(report);
		g_string_free(spec, TRUE);
	}
	g_rand_free(rand);
}
END_TEST

START_TEST(test_more_constructs)
{
	lr_report_t *report = load(FRONT "Tiêu đề\n=======\n\n> > sâu ~~gạch~~\n\n"
				   "    mã thụt {{x}}\n\n~~~figures\nindicator=gci_rank\n~~~\n"
				   "```figures\nindicator=gii_rank\n```\n\n"
				   "<!-- ghi chú -->\n\n- \n- [ ] việc\n\n**{{egdi_rank}}**"
				   "<br>*{{gii_rank number}}*\n");
	char *dump;

	ck_assert_msg(lr_report_status(report) == LR_STATUS_SUCCESS, "%s",
		      lr_report_get_error(report, 0) ? lr_report_get_error(report, 0)->message : "");
	dump = dump_blocks(report);
	ck_assert_str_eq(dump, "heading 1 line 4 []Tiêu đề\n"
			       "quote 2 line 7 []sâu ~~gạch~~\n"
			       "paragraph 1 line 9 [c]mã thụt {{x}}\n"
			       "cards 0 line 11 <gci_rank|-|0|->\n"
			       "cards 0 line 14 <gii_rank|-|0|->\n"
			       "paragraph 1 line 18 []<!-- ghi chú -->\n"
			       "item 1 line 20 • \n"
			       "item 1 line 21 • [][ ] việc\n"
			       "paragraph 1 line 23 [b]{egdi_rank|-|0|0@23:5}[]<br>[i]{gii_rank|-|0|1@23:25}\n");
	g_free(dump);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_english_title_and_crlf)
{
	const char *spec = "---\r\ntitle: Report\r\nlanguage: en\r\nentity: Vietnam\r\n---\r\n"
			   "\r\n"
			   "```chart\r\nindicator=ftth_coverage\r\ntitle=Cáp quang\r\ntitle_en=Fibre\r\n```\r\n"
			   "Text {{nope}}\r\n";
	lr_report_t *report = load(spec);
	const lr_error_t *error = lr_report_get_error(report, 0);
	const lr_block_t *figure;
	char *dump;

	ck_assert_ptr_nonnull(error);
	ck_assert_msg(error->line == 12 && error->column == 8, "%u:%u %s", error->line,
		      error->column, error->message);
	ck_assert_uint_eq(lr_report_get_error_count(report), 1);
	ck_assert_int_eq(report->language, LR_LANGUAGE_EN);
	/* The English name resolves to the dataset's. */
	ck_assert_str_eq(report->default_entity, "Việt Nam");
	figure = g_ptr_array_index(report->blocks, 0);
	dump = lr_chart_describe_layout(figure->chart, 600, 300);
	ck_assert_msg(strstr(dump, "Fibre") && !strstr(dump, "Cáp quang"), "%s", dump);
	lr_free(dump);
	lr_report_destroy(report);
}
END_TEST

/* A chart block's bar keys reach the chart (labels=none: no value label; decimals=2:
 * "85,00"), and its entity and highlight names match as loosely as the CLI's: without
 * diacritics or case, or by the English name. */
START_TEST(test_chart_bar_keys_and_loose_names)
{
	const char *spec = FRONT "```chart\nindicator=ftth_coverage\nentity=viet nam; THE GIOI; chau au\n"
			   "highlight=Vietnam\ndecimals=2\n```\n\n"
			   "```chart\nindicator=ftth_coverage\nlabels=none\n```\n\n"
			   "{{ftth_coverage \"chau au\" 2024}}\n";
	lr_report_t *report = load(spec);
	const lr_block_t *figure;
	char *dump;

	ck_assert_msg(lr_report_get_error_count(report) == 0, "%s",
		      lr_report_get_error(report, 0)->message);
	figure = g_ptr_array_index(report->blocks, 0);
	ck_assert_int_eq(figure->kind, LR_BLOCK_FIGURE);
	dump = lr_chart_describe_layout(figure->chart, 600, 300);
	ck_assert_msg(dump, "%s", lr_chart_get_error(figure->chart)->message);
	ck_assert_msg(strstr(dump, "\"85,00%\"") && strstr(dump, "\"51,50%\"") &&
		      strstr(dump, "\"70,00%\""), "%s", dump);
	/* The highlight, by its English name, sets one bar apart: one in the highlight colour,
	 * the others grey. */
	{
		int highlighted = 0;
		for (const char *at = dump; (at = strstr(at, "\nbar ")); at++)
			highlighted += strncmp(strstr(at, "fill=#"), "fill=#D55E00", 12) == 0;
		ck_assert_msg(highlighted == 1, "%d bars highlighted: %s", highlighted, dump);
	}
	lr_free(dump);
	figure = g_ptr_array_index(report->blocks, 1);
	ck_assert_int_eq(figure->kind, LR_BLOCK_FIGURE);
	dump = lr_chart_describe_layout(figure->chart, 600, 300);
	ck_assert_msg(dump && !strstr(dump, "value-label"), "%s", dump);
	lr_free(dump);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_markdown_without_front_matter)
{
	lr_report_t *report = lr_report_create(bundled);
	char *dump;

	lr_report_add_markdown(report, "# Một\n\nHai {{egdi_rank change}}.\n\n1) a\n");
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_SUCCESS);
	dump = dump_blocks(report);
	ck_assert_str_eq(dump, "heading 1 line 1 []Một\n"
			       "paragraph 1 line 3 []Hai []{egdi_rank|-|0|2@3:7}[].\n"
			       "item 1 line 5 1) []a\n");
	g_free(dump);
	lr_report_add_markdown(report, "```chart\nindicator=nope\n```\n");
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_UNKNOWN_INDICATOR);
	ck_assert_str_eq(lr_report_get_error(report, 0)->file, "<markdown>");
	ck_assert_uint_eq(lr_report_get_error(report, 0)->line, 2);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_no_dataset)
{
	lr_report_t *report = lr_report_create(NULL);

	/* Text alone needs no data; the first data block says it does, once. */
	lr_report_add_markdown(report, "# Một\n\nHai {{egdi_rank}}.\n");
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(report->blocks->len, 2);
	lr_report_add_markdown(report, "Ba.\n\n```chart\nindicator=egdi_rank\n```\n\n"
				       "```table\nindicator=egdi_rank\n```\n");
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_NO_DATA);
	ck_assert_uint_eq(lr_report_get_error_count(report), 1);
	ck_assert_uint_eq(lr_report_get_error(report, 0)->line, 3);
	ck_assert_msg(strstr(lr_report_get_error(report, 0)->message, "needs the dataset"), "%s",
		      lr_report_get_error(report, 0)->message);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_data_folder)
{
	char *data_dir = NULL;
	lr_report_t *report = lr_report_create(bundled);
	const char *spec = "---\ntitle: T\ndata: " LR_DATA_DIR "\n---\n";

	report->base_dir = g_strdup("/somewhere");
	ck_assert_int_eq(lr_report_read_spec(report, spec, strlen(spec), "s.md", true, &data_dir),
			 LR_STATUS_SUCCESS);
	ck_assert_str_eq(data_dir, LR_DATA_DIR);
	g_free(data_dir);
	data_dir = NULL;
	lr_report_destroy(report);
	report = lr_report_create(bundled);
	report->base_dir = g_strdup("/somewhere");
	spec = "---\ntitle: T\ndata: ../data\n---\n";
	lr_report_read_spec(report, spec, strlen(spec), "s.md", true, &data_dir);
	ck_assert_str_eq(data_dir, "/somewhere/../data");
	g_free(data_dir);
	lr_report_destroy(report);
}
END_TEST

/* ---- References ---------------------------------------------------------------------------- */

typedef struct {
	const char *reference;
	const char *vi, *en;
} formatted_t;

/* Values from data/observations.csv. */
static const formatted_t formatted[] = {
	{ "egdi_rank", "71/193", "71/193" },
	{ "egdi_rank change", "tăng 15 bậc", "up 15 places" },
	{ "egdi_rank previous", "86/193", "86/193" },
	{ "egdi_rank previous-year", "2022", "2022" },
	{ "egdi_rank year", "2024", "2024" },
	{ "egdi_rank total", "193", "193" },
	{ "egdi_rank number", "71", "71" },
	{ "egdi_rank 2022", "86/193", "86/193" },
	{ "gci_rank change", "tăng 8 bậc", "up 8 places" },
	{ "gii_rank 2024 total", "133", "133" },
	{ "ecommerce_revenue", "20,5" NBSP "tỷ USD", "20.5" NBSP "billion USD" },
	{ "ecommerce_revenue number", "20,5", "20.5" },
	{ "ecommerce_revenue 2024", "27,7–28" NBSP "tỷ USD", "27.7–28" NBSP "billion USD" },
	{ "ecommerce_revenue change", "+50%", "+50%" },   /* 13,7 (2021) → 20,5: +49,6% */
	{ "ecommerce_revenue previous-year", "2021", "2021" },
	{ "dx_index", "0,71", "0.71" },                   /* 2023 is a forecast */
	{ "dx_index 2023", "0,75", "0.75" },
	{ "dx_index change", "+48%", "+48%" },            /* 0,48 (2020) → 0,71 */
	{ "cdt_teams", "95" NBSP "nghìn tổ", "95" NBSP "thousand teams" },
	{ "digital_product_exports", "117,3" NBSP "tỷ USD", "117.3" NBSP "billion USD" },
	{ "digital_product_exports 2024", "64,9" NBSP "tỷ USD", "64.9" NBSP "billion USD" },
	{ "digital_economy_gdp_share", "16,5%", "16.5%" },
	{ "ftth_coverage", "85%", "85%" },
	{ "ftth_coverage \"thế giới\" 2024", "51,5%", "51.5%" },
	{ "ftth_coverage \"World\"", "51,5%", "51.5%" },
	{ "ftth_coverage \"châu Âu\" 2024 number", "70", "70" },
	{ "ecommerce_growth", "11%", "11%" },             /* two 2023 figures: the first */
	{ "info_systems_level_approved_share change", "+9" NBSP "điểm phần trăm",
	  "+9" NBSP "percentage points" },
	{ "chip_id_card_coverage change", "giữ nguyên", "unchanged" }, /* 100% both years */
	{ "payment_account_adult_share", "87%", "87%" },  /* 2025 is a target */
	{ "payment_account_adult_share change", "+21" NBSP "điểm phần trăm",
	  "+21" NBSP "percentage points" },
};

START_TEST(test_reference_format)
{
	const formatted_t *f = &formatted[_i];
	lr_report_t *report = lr_report_create(bundled);
	lr_reference_t *reference =
		lr_reference_parse(report, f->reference, strlen(f->reference), "x.md", 3, 5);
	lr_error_record_t error = { 0 };
	const char *source = NULL;
	char *vi, *en;

	ck_assert_msg(reference, "%s: %s", f->reference,
		      lr_report_get_error(report, 0) ? lr_report_get_error(report, 0)->message : "");
	ck_assert_str_eq(reference->file, "x.md");
	ck_assert_uint_eq(reference->line, 3);
	vi = lr_reference_format(report, reference, LR_LANGUAGE_VI, &source, &error);
	ck_assert_msg(vi, "%s: %s", f->reference, error.public.message);
	ck_assert_msg(strcmp(vi, f->vi) == 0, "%s: vi '%s', expected '%s'", f->reference, vi, f->vi);
	ck_assert_msg(source && g_str_has_suffix(source, ".txt"), "%s: source %s", f->reference,
		      source ? source : "NULL");
	en = lr_reference_format(report, reference, LR_LANGUAGE_EN, NULL, &error);
	ck_assert_msg(en && strcmp(en, f->en) == 0, "%s: en '%s', expected '%s'", f->reference,
		      en ? en : "NULL", f->en);
	g_free(vi);
	g_free(en);
	lr_reference_free(reference);
	lr_error_record_clear(&error);
	lr_report_destroy(report);
}
END_TEST

START_TEST(test_reference_nfd_entity_and_whitespace)
{
	lr_report_t *report = lr_report_create(bundled);
	char *nfd = g_utf8_normalize("  ftth_coverage   \"châu Âu\"\t2024  ", -1, G_NORMALIZE_NFD);
	lr_reference_t *reference = lr_reference_parse(report, nfd, strlen(nfd), NULL, 1, 1);
	char *text;

	ck_assert_ptr_nonnull(reference);
	ck_assert_str_eq(reference->entity, "châu Âu");
	ck_assert_int_eq(reference->year, 2024);
	text = lr_reference_format(report, reference, LR_LANGUAGE_VI, NULL, NULL);
	ck_assert_str_eq(text, "70%");
	g_free(text);
	lr_reference_free(reference);
	g_free(nfd);
	/* Without a dataset a reference is only parsed: nothing to check it against. */
	lr_report_destroy(report);
	report = lr_report_create(NULL);
	reference = lr_reference_parse(report, "no_such 1999", 12, NULL, 1, 1);
	ck_assert_ptr_nonnull(reference);
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_SUCCESS);
	ck_assert_ptr_null(lr_reference_format(report, reference, LR_LANGUAGE_VI, NULL, NULL));
	lr_reference_free(reference);
	lr_report_destroy(report);
}
END_TEST

/* ---- Lookups on a dataset of our own -------------------------------------------------------- */

static void
add(lr_dataset_t *data, const char *indicator, const char *entity, int year, const char *period,
    double value, lr_observation_status_t status)
{
	lr_observation_t o = { .indicator = indicator, .entity = entity, .year = year,
			       .period = period, .value = value, .low = NAN, .high = NAN,
			       .status = status, .source = "s.txt", .quote = "q" };

	ck_assert_int_eq(lr_dataset_add_observation(data, &o), LR_STATUS_SUCCESS);
}

START_TEST(test_find_observation_rules)
{
	lr_dataset_t *data = lr_dataset_create();
	lr_indicator_t a = { .id = "a", .name_vi = "A", .name_en = "A", .unit_vi = "",
			     .unit_en = "", .kind = LR_INDICATOR_VALUE, .pillar = "economy" };
	lr_indicator_t b = a;
	lr_report_t *report;
	const lr_observation_t *o;

	b.id = "b";
	ck_assert_int_eq(lr_dataset_add_indicator(data, &a), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_dataset_add_indicator(data, &b), LR_STATUS_SUCCESS);
	add(data, "a", "Việt Nam", 2021, "", 1, LR_OBSERVATION_ACTUAL);
	add(data, "a", "Việt Nam", 2022, "", 2, LR_OBSERVATION_TARGET);
	add(data, "a", "Việt Nam", 2023, "", 3, LR_OBSERVATION_ESTIMATE);
	add(data, "a", "Việt Nam", 2023, "H1", 4, LR_OBSERVATION_ACTUAL);
	add(data, "a", "Việt Nam", 2023, "", 5, LR_OBSERVATION_ACTUAL);
	add(data, "a", "Việt Nam", 2024, "", 6, LR_OBSERVATION_FORECAST);
	add(data, "a", "Hà Nội", 2025, "", 7, LR_OBSERVATION_ACTUAL);
	add(data, "b", "Hà Nội", 2020, "", 8, LR_OBSERVATION_ACTUAL);
	ck_assert_int_eq(lr_dataset_set_entity_name(data, "Hà Nội", "Hanoi"), LR_STATUS_SUCCESS);
	report = lr_report_create(data);

	/* 2023: actual before estimate, whole year before H1. */
	o = lr_report_find_observation(report, "a", NULL, 2023);
	ck_assert_double_eq(o->value, 5);
	/* The latest: 2023's actual, not 2024's forecast; the default entity, not Hà Nội. */
	o = lr_report_find_observation(report, "a", NULL, 0);
	ck_assert_double_eq(o->value, 5);
	/* The previous: 2021, past 2022's target. */
	ck_assert_double_eq(lr_report_find_previous(report, o)->value, 1);
	ck_assert_ptr_null(lr_report_find_previous(report,
						   lr_report_find_observation(report, "a", NULL,
									      2021)));
	/* H1 compares with an earlier H1 only: none. */
	ck_assert_ptr_null(lr_report_find_previous(report, lr_dataset_get_observation(data, 3)));
	/* A target compares with anything earlier. */
	o = lr_report_find_observation(report, "a", NULL, 2022);
	ck_assert_double_eq(o->value, 2);
	ck_assert_double_eq(lr_report_find_previous(report, o)->value, 1);
	/* Entities: NFD, English names; b's only entity is its default. */
	{
		char *nfd = g_utf8_normalize("Hà Nội", -1, G_NORMALIZE_NFD);
		ck_assert_double_eq(lr_report_find_observation(report, "a", nfd, 0)->value, 7);
		g_free(nfd);
	}
	ck_assert_double_eq(lr_report_find_observation(report, "a", "Hanoi", 0)->value, 7);
	ck_assert_double_eq(lr_report_find_observation(report, "b", NULL, 0)->value, 8);
	ck_assert_ptr_null(lr_report_find_observation(report, "a", "Huế", 0));
	ck_assert_ptr_null(lr_report_find_observation(report, "a", NULL, 1999));
	ck_assert_ptr_null(lr_report_find_observation(report, "c", NULL, 0));
	ck_assert_ptr_null(lr_report_find_observation(NULL, "a", NULL, 0));
	ck_assert_str_eq(lr_report_resolve_entity(report, "b", "Hanoi"), "Hà Nội");
	ck_assert_ptr_null(lr_report_resolve_entity(report, "b", "Việt Nam"));
	/* The front matter's entity changes the default. */
	g_free(report->default_entity);
	report->default_entity = g_strdup("Hà Nội");
	ck_assert_double_eq(lr_report_find_observation(report, "a", NULL, 0)->value, 7);
	lr_report_destroy(report);
	lr_dataset_destroy(data);
}
END_TEST

static Suite *
report_spec_suite(void)
{
	Suite *suite = suite_create("report-spec");
	TCase *tc = tcase_create("bad");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_bad_spec, 0, G_N_ELEMENTS(bad_specs));
	tcase_add_test(tc, test_every_error_recorded_in_order);
	tcase_add_test(tc, test_error_count_max);
	suite_add_tcase(suite, tc);

	tc = tcase_create("good");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_every_construct);
	tcase_add_test(tc, test_more_constructs);
	tcase_add_test(tc, test_nfd_spec_same_blocks);
	tcase_add_test(tc, test_english_title_and_crlf);
	tcase_add_test(tc, test_chart_bar_keys_and_loose_names);
	tcase_add_test(tc, test_markdown_without_front_matter);
	tcase_add_test(tc, test_data_folder);
	tcase_add_test(tc, test_no_dataset);
	tcase_add_test(tc, test_threads_same_blocks);
	tcase_add_test(tc, test_byte_order_mark);
	tcase_add_test(tc, test_mangled_specs);
	suite_add_tcase(suite, tc);

	tc = tcase_create("references");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_reference_format, 0, G_N_ELEMENTS(formatted));
	tcase_add_test(tc, test_reference_nfd_entity_and_whitespace);
	tcase_add_test(tc, test_find_observation_rules);
	suite_add_tcase(suite, tc);
	return suite;
}

const lr_test_program_t lr_test_program = { report_spec_suite, NULL, NULL };
