/* libreport: tables in a report. A data table expands an (indicators or entities) × years
 * request against the dataset in the report's language: names with their units, figures
 * formatted as the references print them and aligned on the decimal separator, markers and
 * footnotes for estimates, ranges, partial years and sources that disagree, then the
 * sources. A Markdown table lays its literal cells out with the alignment the spec gave.
 * Either is measured once at the column width; the paginator then asks for heights, splits
 * between body rows and draws the header row again on each page it continues on.
 *
 * Invariants:
 * 1. Every cell's text box lies inside its cell's padded box (numbers never wrap: their
 *    column is at least as wide as its widest figure, a Markdown column as its longest
 *    word), unless a word is wider than the whole table.
 * 2. In a data column the alignment points (decimal separator, the end of the integer part,
 *    the "/" of a rank) of all figures share one x.
 * 3. Figures come from lr_report_find_observation(), as references do, so a table can never
 *    disagree with the prose.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "report-private.h"

#define EN_DASH "\xe2\x80\x93"       /* U+2013: a cell with no figure */
#define MARK_STATUS "*"              /* estimate, forecast, target */
#define MARK_RANGE "\xe2\x80\xa0"    /* U+2020 † */
#define MARK_DISAGREE "\xe2\x80\xa1" /* U+2021 ‡ */
#define MARK_PERIOD "\xc2\xa7"       /* U+00A7 § */

/* Notes only tables print (lr_report_word() holds the words other modules share too). */
static const char *const table_words[][2] = {
#define WORD_DISAGREE 0
	{ "Các nguồn đưa số liệu khác nhau; bảng ghi cả hai: ", "Sources differ; the table shows both: " },
#define WORD_PERIOD 1
	{ "Số liệu của một phần năm: ", "Figures for part of the year: " },
#define WORD_NOT_ACTUAL 2
	{ ", chưa phải số liệu thực tế.", ", not an actual figure." },
#define WORD_OR 3
	{ " hoặc ", " or " },
#define WORD_ACCORDING 4
	{ "theo", "according to" },
};

typedef struct {
	lr_text_t text;       /* layout NULL: an empty cell */
	char *plain;          /* what it says, for describe */
	double x, y;          /* the text box's top-left, relative to the cell's */
	double lead;          /* data figures: from the box's left to the alignment point */
	bool figure;          /* a data figure or "–": aligned on its separator */
	bool bold;
	guint muted_start, muted_end; /* bytes of @plain in the muted colour (a unit) */
} cell_t;

typedef struct {
	cell_t *cells;        /* columns of them */
	double height;
} row_t;

struct lr_table_layout {
	lr_report_style_t style;
	double width, size, pad_x, pad_y, rule, hairline;
	int columns;
	double *column_x, *column_width;
	bool from_data;
	int *align;           /* per column: -1 left, 0 centre, 1 right */
	lr_text_t caption;
	double caption_height; /* with the gap under it */
	row_t header;
	GArray *rows;         /* row_t */
	GPtrArray *note_text; /* char *: footnotes, then the sources line */
	GPtrArray *notes;     /* lr_text_t *: the same, laid out */
	double footer_height; /* with the gap over it */
};

/* ---- text ------------------------------------------------------------------------- */

static void
set_source(cairo_t *cr, lr_color_t color)
{
	cairo_set_source_rgb(cr, color.red, color.green, color.blue);
}

/* The union of a layout's ink and logical extents, as text.c measures its boxes (so stacked
 * diacritics stay inside), into @text, which takes the layout over. */
static void
text_from_layout(PangoLayout *layout, lr_text_t *text)
{
	PangoRectangle ink, logical, box;

	memset(text, 0, sizeof *text);
	text->layout = layout;
	pango_layout_get_extents(layout, &ink, &logical);
	box = logical;
	if (ink.width > 0 && ink.height > 0) {
		box.x = MIN(ink.x, logical.x);
		box.y = MIN(ink.y, logical.y);
		box.width = MAX(ink.x + ink.width, logical.x + logical.width) - box.x;
		box.height = MAX(ink.y + ink.height, logical.y + logical.height) - box.y;
	}
	text->box_x = box.x / (double) PANGO_SCALE;
	text->box_y = box.y / (double) PANGO_SCALE;
	text->width = box.width / (double) PANGO_SCALE;
	text->height = box.height / (double) PANGO_SCALE;
	text->baseline = pango_layout_get_baseline(layout) / (double) PANGO_SCALE - text->box_y;
	text->lines = pango_layout_get_line_count(layout);
}

static bool
plain_text(lr_report_context_t *context, const lr_report_style_t *style, const char *utf8,
	   double size, bool bold, double width, PangoAlignment align, lr_text_t *text)
{
	lr_text_style_t text_style = {
		.family = style->font_family, .size = size, .bold = bold,
		.max_width = width, .align = align,
	};
	lr_status_t status = lr_text_layout(context->pango, utf8, &text_style, text);

	if (status != LR_STATUS_SUCCESS) {
		lr_error_record_set(context->error, status, NULL, 0, 0,
				    "table: cannot lay out the text \"%s\"", utf8);
		return false;
	}
	return true;
}

/* Paints bytes [@start, @end) of @text's layout in @color (a unit after a name). */
static void
text_color_range(lr_text_t *text, guint start, guint end, lr_color_t color)
{
	PangoAttrList *list = pango_layout_get_attributes(text->layout);
	PangoAttribute *attribute;

	list = list ? pango_attr_list_copy(list) : pango_attr_list_new();
	attribute = pango_attr_foreground_new((guint16) (color.red * 65535),
					      (guint16) (color.green * 65535),
					      (guint16) (color.blue * 65535));
	attribute->start_index = start;
	attribute->end_index = end;
	pango_attr_list_insert(list, attribute);
	pango_layout_set_attributes(text->layout, list);
	pango_attr_list_unref(list);
}

/* @runs (not owned) laid out through report-page.c, aligned in @width; set as tight as the
 * plain cells (the font's line height, not body text's spacing). */
static bool
runs_text(lr_report_context_t *context, const GArray *runs, double size, bool bold,
	  double width, PangoAlignment align, lr_text_t *text)
{
	PangoLayout *layout = lr_report_layout_runs(context, runs, size, bold, width, false);

	if (!layout)
		return false;
	pango_layout_set_alignment(layout, align);
	pango_layout_set_line_spacing(layout, 0);
	text_from_layout(layout, text);
	return true;
}

static void
text_free(gpointer data)
{
	lr_text_clear(data);
	g_free(data);
}

/* ---- figures ------------------------------------------------------------------------ */

/* Decimals that @value needs to be written exactly (at most 3). */
static int
decimals_needed(double value)
{
	if (isnan(value))
		return 0;
	for (int decimals = 0; decimals < 3; decimals++) {
		double scaled = fabs(value) * pow(10, decimals);
		if (fabs(scaled - round(scaled)) < 1e-6 * MAX(1.0, scaled))
			return decimals;
	}
	return 3;
}

static bool
is_percent(const lr_indicator_t *indicator, lr_language_t language)
{
	return indicator->kind == LR_INDICATOR_SHARE || indicator->kind == LR_INDICATOR_GROWTH ||
	       strcmp(lr_indicator_get_unit(indicator, language), "%") == 0;
}

/* A figure without its unit (the row's header has it), percentages with their sign:
 * "20,5", "71/193", "27,7–28", "16,5%", "4.543/6.325". */
static char *
format_figure(const lr_indicator_t *indicator, const lr_observation_t *observation,
	      lr_language_t language, int decimals)
{
	lr_number_format_t format;
	char *text, *copy;

	if (indicator->kind == LR_INDICATOR_RANK && !isnan(observation->value)) {
		text = lr_format_rank((int) observation->value, observation->total);
		copy = g_strdup(text ? text : "?");
		lr_free(text);
		return copy;
	}
	lr_number_format_init(&format, language);
	format.decimals = decimals;
	format.flags &= ~(unsigned) LR_NUMBER_TRIM_ZEROS;
	if (is_percent(indicator, language))
		format.flags |= LR_NUMBER_PERCENT;
	if (isnan(observation->value) && !isnan(observation->low))
		text = lr_format_range(observation->low, observation->high, &format);
	else
		text = lr_format_number(observation->value, &format);
	copy = g_strdup(text ? text : "?");
	lr_free(text);
	if (observation->total > 0 && !isnan(observation->value)) {
		/* A part of a whole, as the article says it: "4.543/6.325". */
		char *total;
		format.decimals = 0;
		format.flags &= ~(unsigned) LR_NUMBER_PERCENT;
		total = lr_format_number(observation->total, &format);
		if (total) {
			char *joined = g_strdup_printf("%s/%s", copy, total);
			g_free(copy);
			copy = joined;
		}
		lr_free(total);
	}
	return copy;
}

/* The byte where a figure aligns: its decimal separator, else the end of its integer part
 * (digits and grouping marks), else its end ("–"). */
static size_t
alignment_index(const char *text, lr_language_t language)
{
	char group = language == LR_LANGUAGE_EN ? ',' : '.';
	size_t i = 0, n = strlen(text);

	while (i < n && !g_ascii_isdigit(text[i]))
		i++;
	if (i == n)
		return n;
	while (i < n && (g_ascii_isdigit(text[i]) ||
			 (text[i] == group && i + 1 < n && g_ascii_isdigit(text[i + 1]))))
		i++;
	return i;
}

/* The x of byte @index of @text's layout, from the left of its box. */
static double
text_x_at(const lr_text_t *text, size_t index)
{
	PangoRectangle position;

	pango_layout_index_to_pos(text->layout, (int) index, &position);
	/* lr_text_layout() lays out at its own size: text->scale brings it to the box's. */
	return position.x * (text->scale > 0 ? text->scale : 1) / PANGO_SCALE - text->box_x;
}

static bool
same_figure(const lr_observation_t *a, const lr_observation_t *b)
{
	const double x[] = { a->value, a->low, a->high }, y[] = { b->value, b->low, b->high };

	for (int i = 0; i < 3; i++)
		if (!(isnan(x[i]) && isnan(y[i])) && !(x[i] == y[i]))
			return false;
	return true;
}

static char *
observation_key(const char *indicator, const char *entity, int year)
{
	return g_strdup_printf("%s\x1f%s\x1f%d", indicator, entity, year);
}

/* What period a figure covers, in words: "6 tháng đầu năm" / "first half". */
static char *
period_words(const char *period, lr_language_t language)
{
	bool en = language == LR_LANGUAGE_EN;
	int n = 0, month = 0, day = 0;

	if (strcmp(period, "H1") == 0)
		return g_strdup(en ? "first half" : "6 tháng đầu năm");
	if (strcmp(period, "H2") == 0)
		return g_strdup(en ? "second half" : "6 tháng cuối năm");
	if (period[0] == 'Q' && sscanf(period + 1, "%d", &n) == 1)
		return en ? g_strdup_printf("Q%d", n) : g_strdup_printf("quý %d", n);
	if (sscanf(period, "%dM", &n) == 1 && strchr(period, 'M'))
		return en ? g_strdup_printf("first %d months", n)
			  : g_strdup_printf("%d tháng đầu năm", n);
	if (sscanf(period, "%d-%d", &month, &day) == 2)
		return en ? g_strdup_printf("as of %02d-%02d", month, day)
			  : g_strdup_printf("tính đến %02d/%02d", day, month);
	return g_strdup(period);
}

/* ---- building a data table ------------------------------------------------------------ */

typedef struct {
	const lr_indicator_t *indicator;
	const char *entity;   /* NFC, or NULL for the default */
} row_key_t;

typedef struct {
	lr_report_context_t *context;
	const lr_report_t *report;
	lr_language_t language;
	GHashTable *index;    /* observation_key → GPtrArray of lr_observation_t * */
	GPtrArray *sources;   /* char *, the table's, in first-use order (not owned) */
	GPtrArray *periods;   /* char * words (owned) */
	GString *disagree;    /* the ‡ note's list */
	unsigned statuses;    /* 1 << lr_observation_status_t of the marked cells */
	bool any_range, any_missing;
} build_t;

static void
add_source(build_t *build, const char *source)
{
	if (!source || !*source)
		return;
	lr_report_context_cite(build->context, source);
	for (guint i = 0; i < build->sources->len; i++)
		if (strcmp(g_ptr_array_index(build->sources, i), source) == 0)
			return;
	g_ptr_array_add(build->sources, (gpointer) source);
}

static void
index_dataset(build_t *build, GHashTable *wanted)
{
	const lr_dataset_t *dataset = build->report->dataset;
	size_t count = lr_dataset_get_observation_count(dataset);

	for (size_t i = 0; i < count; i++) {
		const lr_observation_t *o = lr_dataset_get_observation(dataset, i);
		char *key;
		GPtrArray *list;

		if (!g_hash_table_contains(wanted, o->indicator))
			continue;
		key = observation_key(o->indicator, o->entity, o->year);
		list = g_hash_table_lookup(build->index, key);
		if (!list) {
			list = g_ptr_array_new();
			g_hash_table_insert(build->index, key, list);
		} else {
			g_free(key);
		}
		g_ptr_array_add(list, (gpointer) o);
	}
}

/* The text of the data cell of @o (NULL: none) in @key's row (g_free), with its markers;
 * notes what the footer must say. */
static char *
cell_figure(build_t *build, const row_key_t *key, const lr_observation_t *o, int decimals)
{
	GString *text;
	GPtrArray *others;
	char *figure, *k;
	bool disagree = false, en = build->language == LR_LANGUAGE_EN;

	if (!o) {
		build->any_missing = true;
		return g_strdup(EN_DASH);
	}
	figure = format_figure(key->indicator, o, build->language, decimals);
	text = g_string_new(figure);
	add_source(build, o->source);
	/* Rows that differ only in their source: two articles, two figures; show both. */
	k = observation_key(o->indicator, o->entity, o->year);
	others = g_hash_table_lookup(build->index, k);
	g_free(k);
	for (guint i = 0; others && i < others->len; i++) {
		const lr_observation_t *other = g_ptr_array_index(others, i);
		char *second;

		if (other == o || other->status != o->status ||
		    strcmp(other->period, o->period) != 0 || strcmp(other->source, o->source) == 0 ||
		    same_figure(other, o))
			continue;
		second = format_figure(key->indicator, other, build->language, decimals);
		g_string_append_printf(text, " / %s", second);
		if (!disagree)
			/* Labels end in a date in parentheses: "theo", not nested brackets. */
			g_string_append_printf(build->disagree, "%s%s %s %d: %s %s %s",
					       build->disagree->len ? ". " : "",
					       lr_indicator_get_name(key->indicator, build->language),
					       en ? "in" : "năm", o->year, figure,
					       table_words[WORD_ACCORDING][en],
					       lr_dataset_get_source_label(build->report->dataset,
									   o->source, build->language));
		g_string_append_printf(build->disagree, "; %s %s %s", second,
				       table_words[WORD_ACCORDING][en],
				       lr_dataset_get_source_label(build->report->dataset,
								   other->source, build->language));
		add_source(build, other->source);
		g_free(second);
		disagree = true;
	}
	g_free(figure);
	if (o->status != LR_OBSERVATION_ACTUAL) {
		g_string_append(text, MARK_STATUS);
		build->statuses |= 1u << o->status;
	}
	if (isnan(o->value) && !isnan(o->low)) {
		g_string_append(text, MARK_RANGE);
		build->any_range = true;
	}
	if (disagree)
		g_string_append(text, MARK_DISAGREE);
	if (o->period[0]) {
		char *words = period_words(o->period, build->language);
		bool known = false;

		for (guint i = 0; i < build->periods->len && !known; i++)
			known = strcmp(g_ptr_array_index(build->periods, i), words) == 0;
		if (known)
			g_free(words);
		else
			g_ptr_array_add(build->periods, words);
		g_string_append(text, MARK_PERIOD);
	}
	return g_string_free(text, FALSE);
}

/* "* Mục tiêu, chưa phải số liệu thực tế.": what the marked cells are, when they are not all
 * three kinds (then the general note). */
static char *
status_note(unsigned statuses, lr_language_t language)
{
	static const lr_report_word_t words[] = { LR_RWORD_ESTIMATE, LR_RWORD_FORECAST,
						  LR_RWORD_TARGET };
	bool en = language == LR_LANGUAGE_EN;
	GString *note = g_string_new(MARK_STATUS " ");
	int n = 0;
	char *first;

	if (statuses == (1u << LR_OBSERVATION_ESTIMATE | 1u << LR_OBSERVATION_FORECAST |
			 1u << LR_OBSERVATION_TARGET)) {
		g_string_append(note, lr_report_word(language, LR_RWORD_NOTE_ESTIMATE));
		return g_string_free(note, FALSE);
	}
	for (int i = 0; i < 3; i++)
		if (statuses & (1u << (i + 1)))
			g_string_append_printf(note, "%s%s", n++ ? table_words[WORD_OR][en] : "",
					       lr_report_word(language, words[i]));
	/* A capital first letter (ư → Ư too). */
	first = g_utf8_strup(note->str + 2, g_utf8_next_char(note->str + 2) - (note->str + 2));
	g_string_erase(note, 2, g_utf8_next_char(note->str + 2) - (note->str + 2));
	g_string_insert(note, 2, first);
	g_free(first);
	g_string_append(note, table_words[WORD_NOT_ACTUAL][en]);
	return g_string_free(note, FALSE);
}

static int
compare_int(gconstpointer a, gconstpointer b)
{
	int x = *(const int *) a, y = *(const int *) b;
	return (x > y) - (x < y);
}

/* Every year in which some row has a figure (that the references would find), ascending. */
static GArray *
data_years(build_t *build, const GArray *rows)
{
	const lr_dataset_t *dataset = build->report->dataset;
	size_t count = lr_dataset_get_observation_count(dataset);
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	GArray *years = g_array_new(FALSE, FALSE, sizeof(int));

	for (size_t i = 0; i < count; i++) {
		const lr_observation_t *o = lr_dataset_get_observation(dataset, i);

		if (g_hash_table_contains(seen, GINT_TO_POINTER(o->year)))
			continue;
		for (guint r = 0; r < rows->len; r++) {
			const row_key_t *key = &g_array_index(rows, row_key_t, r);

			/* The entity may be named in English: the lookup decides. */
			if (strcmp(o->indicator, key->indicator->id) != 0)
				continue;
			if (lr_report_find_observation(build->report, key->indicator->id,
						       key->entity, o->year)) {
				g_hash_table_add(seen, GINT_TO_POINTER(o->year));
				g_array_append_val(years, o->year);
				break;
			}
		}
	}
	g_array_sort(years, compare_int);
	g_hash_table_unref(seen);
	return years;
}

/* The decimals an indicator's figures share in the table (8,0 beside 2,9): over every row
 * of it, so that entity rows of one indicator read alike. */
static int
indicator_decimals(const GArray *rows, const lr_indicator_t *indicator, guint year_count,
		   const lr_observation_t **found)
{
	int decimals = 0;

	if (indicator->kind == LR_INDICATOR_RANK)
		return 0;
	for (guint r = 0; r < rows->len; r++) {
		const row_key_t *key = &g_array_index(rows, row_key_t, r);
		if (key->indicator != indicator)
			continue;
		for (guint y = 0; y < year_count; y++) {
			const lr_observation_t *o = found[r * year_count + y];
			if (!o)
				continue;
			decimals = MAX(decimals, decimals_needed(o->value));
			decimals = MAX(decimals, decimals_needed(o->low));
			decimals = MAX(decimals, decimals_needed(o->high));
		}
	}
	return decimals;
}

/* Lays a cell's plain text out (at @width, 0: one line), its muted part painted. */
static bool
layout_cell(lr_table_layout_t *table, lr_report_context_t *context, cell_t *cell, double width)
{
	lr_text_clear(&cell->text);
	if (!plain_text(context, &table->style, cell->plain, table->size, cell->bold, width,
			PANGO_ALIGN_LEFT, &cell->text))
		return false;
	if (cell->muted_end > cell->muted_start)
		text_color_range(&cell->text, cell->muted_start, cell->muted_end,
				 table->style.muted);
	return true;
}

/* "Tên chỉ tiêu (đơn vị)", the unit muted; @entity after a dash when rows mix entities. */
static bool
name_cell(lr_table_layout_t *table, lr_report_context_t *context, const lr_indicator_t *indicator,
	  const char *entity, bool bold, cell_t *cell)
{
	const char *unit = lr_indicator_get_unit(indicator, context->language);
	GString *text = g_string_new(lr_indicator_get_name(indicator, context->language));

	if (unit[0] && !is_percent(indicator, context->language)) {
		g_string_append(text, " ");
		cell->muted_start = text->len;
		g_string_append_printf(text, "(%s)", unit);
		cell->muted_end = text->len;
	}
	if (entity)
		g_string_append_printf(text, " — %s",
				       lr_dataset_get_entity_name(context->report->dataset, entity,
								  context->language));
	cell->plain = g_string_free(text, FALSE);
	cell->bold = bold;
	/* Unwrapped first, for the column's natural width; again at its width later. */
	return layout_cell(table, context, cell, 0);
}

static bool
build_data(lr_table_layout_t *table, lr_report_context_t *context, const lr_block_t *block)
{
	const lr_table_spec_t *spec = block->table;
	const lr_dataset_t *dataset = context->report->dataset;
	build_t build = {
		.context = context, .report = context->report, .language = context->language,
	};
	GHashTable *wanted = g_hash_table_new(g_str_hash, g_str_equal);
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(row_key_t));
	GArray *years = NULL;
	const lr_observation_t **found = NULL;
	bool entity_rows, ok = true;
	int previous_decimals = 0;
	guint entity_count = spec->entities ? spec->entities->len : 0;

	if (!dataset) {
		lr_error_record_set(context->error, LR_STATUS_NO_DATA, block->file, block->line, 0,
				    "table: the report has no dataset");
		g_hash_table_unref(wanted);
		g_array_unref(rows);
		return false;
	}
	for (guint i = 0; spec->indicators && i < spec->indicators->len; i++) {
		const char *id = g_ptr_array_index(spec->indicators, i);
		const lr_indicator_t *indicator = lr_dataset_find_indicator(dataset, id);

		if (!indicator) {
			lr_error_record_set(context->error, LR_STATUS_UNKNOWN_INDICATOR, block->file,
					    block->line, 0, "table: unknown indicator '%s'", id);
			ok = false;
			break;
		}
		g_hash_table_add(wanted, (gpointer) indicator->id);
		for (guint e = 0; e < MAX(entity_count, 1u); e++) {
			row_key_t key = { indicator, entity_count ? g_ptr_array_index(spec->entities, e)
								  : NULL };
			g_array_append_val(rows, key);
		}
	}
	if (ok && rows->len == 0) {
		lr_error_record_set(context->error, LR_STATUS_INVALID_ARGUMENT, block->file,
				    block->line, 0, "table: no indicator");
		ok = false;
	}
	if (!ok) {
		g_hash_table_unref(wanted);
		g_array_unref(rows);
		return false;
	}
	entity_rows = spec->indicators->len == 1 && entity_count > 1;

	build.index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					    (GDestroyNotify) g_ptr_array_unref);
	build.sources = g_ptr_array_new();
	build.periods = g_ptr_array_new_with_free_func(g_free);
	build.disagree = g_string_new(NULL);
	index_dataset(&build, wanted);
	if (spec->years && spec->years->len) {
		years = g_array_new(FALSE, FALSE, sizeof(int));
		g_array_append_vals(years, spec->years->data, spec->years->len);
	} else {
		years = data_years(&build, rows);
	}
	if (years->len == 0) {
		/* A table of dashes says nothing: the spec should name other figures. */
		lr_error_record_set(context->error, LR_STATUS_NO_DATA, block->file, block->line, 0,
				    "table: the dataset has no figure for any of its rows");
		ok = false;
	}

	table->columns = ok ? 1 + (int) years->len : 0;
	table->align = g_new0(int, MAX(table->columns, 1));
	for (int c = 1; c < table->columns; c++)
		table->align[c] = 1;
	table->header.cells = g_new0(cell_t, MAX(table->columns, 1));
	if (!ok) {
		/* nothing more to build */
	} else if (entity_rows) {
		/* The rows' indicator heads their column. */
		ok = name_cell(table, context, g_array_index(rows, row_key_t, 0).indicator, NULL,
			       true, &table->header.cells[0]);
	} else {
		table->header.cells[0].plain = g_strdup(lr_report_word(context->language,
								       LR_RWORD_INDICATOR));
		table->header.cells[0].bold = true;
		ok = layout_cell(table, context, &table->header.cells[0], 0);
	}
	for (int c = 1; ok && c < table->columns; c++) {
		cell_t *cell = &table->header.cells[c];
		cell->plain = g_strdup_printf("%d", g_array_index(years, int, c - 1));
		cell->bold = true;
		ok = layout_cell(table, context, cell, 0);
	}

	/* Each cell's figure, looked up once: decimals and texts both need them. */
	found = g_new0(const lr_observation_t *, (gsize) rows->len * years->len + 1);
	for (guint r = 0; ok && r < rows->len; r++)
		for (guint y = 0; y < years->len; y++)
			found[r * years->len + y] = lr_report_find_observation(
				context->report, g_array_index(rows, row_key_t, r).indicator->id,
				g_array_index(rows, row_key_t, r).entity, g_array_index(years, int, y));
	for (guint r = 0; ok && r < rows->len; r++) {
		const row_key_t *key = &g_array_index(rows, row_key_t, r);
		row_t row = { g_new0(cell_t, table->columns), 0 };
		int decimals = r > 0 && key->indicator == g_array_index(rows, row_key_t, r - 1).indicator
				       ? previous_decimals
				       : indicator_decimals(rows, key->indicator, years->len, found);

		previous_decimals = decimals;
		g_array_append_val(table->rows, row);
		if (entity_rows) {
			cell_t *cell = &row.cells[0];
			cell->plain = g_strdup(lr_dataset_get_entity_name(dataset, key->entity,
									  context->language));
			ok = layout_cell(table, context, cell, 0);
		} else {
			ok = name_cell(table, context, key->indicator,
				       entity_count > 1 ? key->entity : NULL, false, &row.cells[0]);
		}
		for (int c = 1; ok && c < table->columns; c++) {
			cell_t *cell = &row.cells[c];
			cell->plain = cell_figure(&build, key, found[r * years->len + (guint) c - 1],
						  decimals);
			cell->figure = true;
			ok = layout_cell(table, context, cell, 0);
			if (ok)
				cell->lead = text_x_at(&cell->text,
						       alignment_index(cell->plain, context->language));
		}
	}

	/* The footer: what the markers mean, then where the figures come from. */
	if (ok) {
		GString *line = g_string_new(NULL);
		lr_language_t language = context->language;
		bool en = language == LR_LANGUAGE_EN;
		const char *no_data = lr_report_word(language, LR_RWORD_NO_DATA);

		if (build.statuses)
			g_ptr_array_add(table->note_text, status_note(build.statuses, language));
		if (build.any_range)
			g_ptr_array_add(table->note_text, g_strdup_printf(MARK_RANGE " %s",
					lr_report_word(language, LR_RWORD_NOTE_RANGE)));
		if (build.disagree->len)
			g_ptr_array_add(table->note_text, g_strdup_printf(MARK_DISAGREE " %s%s.",
					table_words[WORD_DISAGREE][en], build.disagree->str));
		if (build.periods->len) {
			g_string_assign(line, MARK_PERIOD " ");
			g_string_append(line, table_words[WORD_PERIOD][en]);
			for (guint i = 0; i < build.periods->len; i++)
				g_string_append_printf(line, "%s%s", i ? "; " : "",
						       (char *) g_ptr_array_index(build.periods, i));
			g_string_append(line, ".");
			g_ptr_array_add(table->note_text, g_strdup(line->str));
		}
		if (build.any_missing)
			g_ptr_array_add(table->note_text, g_strdup_printf(EN_DASH " %c%s.",
					g_ascii_toupper(no_data[0]), no_data + 1));
		if (build.sources->len) {
			g_string_printf(line, "%s: ", lr_report_word(language, LR_RWORD_SOURCE));
			for (guint i = 0; i < build.sources->len; i++)
				g_string_append_printf(line, "%s%s", i ? "; " : "",
						       lr_dataset_get_source_label(dataset,
							       g_ptr_array_index(build.sources, i),
							       language));
			g_string_append(line, ".");
			g_ptr_array_add(table->note_text, g_strdup(line->str));
		}
		g_string_free(line, TRUE);
	}

	g_free(found);
	g_array_unref(years);
	g_hash_table_unref(build.index);
	g_ptr_array_unref(build.sources);
	g_ptr_array_unref(build.periods);
	g_string_free(build.disagree, TRUE);
	g_hash_table_unref(wanted);
	g_array_unref(rows);
	return ok;
}

/* ---- building a Markdown table ------------------------------------------------------- */

static PangoAlignment
pango_align(int align)
{
	return align < 0 ? PANGO_ALIGN_LEFT : align > 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
}

static bool
build_markdown(lr_table_layout_t *table, lr_report_context_t *context, const lr_block_t *block)
{
	const lr_table_spec_t *spec = block->table;

	if (spec->column_count < 1) {
		lr_error_record_set(context->error, LR_STATUS_INVALID_ARGUMENT, block->file,
				    block->line, 0, "table: no column");
		return false;
	}
	table->columns = spec->column_count;
	table->align = g_new0(int, table->columns);
	for (int c = 0; c < table->columns; c++)
		table->align[c] = spec->alignments && (guint) c < spec->alignments->len
					  ? g_array_index(spec->alignments, int, c) : -1;
	/* Cells are laid out at their column's width in place_columns(); here, their text. */
	table->header.cells = g_new0(cell_t, table->columns);
	for (guint r = 0; spec->rows && r < spec->rows->len; r++) {
		row_t row = { g_new0(cell_t, table->columns), 0 };
		g_array_append_val(table->rows, row);
	}
	return true;
}

static const GArray *
markdown_runs(const lr_table_spec_t *spec, int row, int column)
{
	const GPtrArray *cells = row < 0 ? spec->header
					 : spec->rows ? g_ptr_array_index(spec->rows, row) : NULL;
	return cells && (guint) column < cells->len ? g_ptr_array_index(cells, column) : NULL;
}

/* ---- geometry ----------------------------------------------------------------------- */

static void
cell_clear(cell_t *cell)
{
	lr_text_clear(&cell->text);
	g_free(cell->plain);
}

static void
row_clear(row_t *row, int columns)
{
	for (int c = 0; row->cells && c < columns; c++)
		cell_clear(&row->cells[c]);
	g_free(row->cells);
	row->cells = NULL;
}

static row_t *
table_row(lr_table_layout_t *table, int index)
{
	return index < 0 ? &table->header : &g_array_index(table->rows, row_t, index);
}

/* Column widths of a data table: the names' column as wide as its longest name, but no
 * wider than what leaves each year column room to breathe (5.5 em), and at most 62% (a
 * figure far from its name is hard to follow); at least 45% when its names need it. The
 * year columns share the rest; none is narrower than its widest figure. */
static void
data_columns(lr_table_layout_t *table)
{
	int n = table->columns - 1;
	double first = 0, natural_sum = 0, comfort = 0, widest = 0, rest;
	double *natural = g_new0(double, table->columns);

	for (int r = -1; r < (int) table->rows->len; r++) {
		row_t *row = table_row(table, r);
		first = MAX(first, row->cells[0].text.width + 2 * table->pad_x);
	}
	for (int c = 1; c < table->columns; c++) {
		double lead = 0, trail = 0, header = table->header.cells[c].text.width;
		for (guint r = 0; r < table->rows->len; r++) {
			cell_t *cell = &table_row(table, (int) r)->cells[c];
			lead = MAX(lead, cell->lead);
			trail = MAX(trail, cell->text.width - cell->lead);
		}
		natural[c] = MAX(header, lead + trail) + 2 * table->pad_x;
		natural_sum += natural[c];
		comfort += MAX(natural[c], 5.5 * table->size);
	}
	first = MIN(first, MIN(0.62 * table->width,
			       MAX(0.45 * table->width, table->width - comfort)));
	if (n == 0)
		first = table->width;
	rest = table->width - first;
	if (n > 0 && natural_sum > rest) /* many years: the names give way, down to a quarter */
		first = MAX(0.25 * table->width, table->width - natural_sum);
	rest = table->width - first;
	table->column_width[0] = first;
	for (int c = 1; c < table->columns; c++)
		widest = MAX(widest, natural[c]);
	/* Years are one series: equal columns when the widest figure allows. */
	for (int c = 1; c < table->columns; c++)
		table->column_width[c] = widest * n <= rest ? rest / n
					 : natural_sum <= rest ? natural[c] + (rest - natural_sum) / n
							       : natural[c] * rest / natural_sum;
	g_free(natural);
}

/* Column widths of a Markdown table, as a browser's automatic table layout: each column
 * at least as wide as its longest word (lines break only at spaces), the room beyond shared
 * in proportion to what each column would need to set its cells on one line. */
static bool
markdown_columns(lr_table_layout_t *table, lr_report_context_t *context, const lr_block_t *block)
{
	int n = table->columns;
	double *natural = g_new0(double, n), *least = g_new0(double, n);
	double total = 0, minimum = 0, stretch = 0;

	for (int r = -1; r < (int) table->rows->len; r++)
		for (int c = 0; c < n; c++) {
			const GArray *runs = markdown_runs(block->table, r, c);
			lr_text_t probe;

			if (!runs)
				continue;
			/* At the table's width: the cell on one line; at 1 pt: its longest word. */
			for (int pass = 0; pass < 2; pass++) {
				if (!runs_text(context, runs, table->size, r < 0,
					       pass ? 1 : table->width, PANGO_ALIGN_LEFT, &probe)) {
					g_free(natural);
					g_free(least);
					return false;
				}
				if (pass)
					least[c] = MAX(least[c], probe.width + 2 * table->pad_x);
				else
					natural[c] = MAX(natural[c], probe.width + 2 * table->pad_x);
				lr_text_clear(&probe);
			}
		}
	for (int c = 0; c < n; c++) {
		natural[c] = MAX(natural[c], least[c]);
		total += natural[c];
		minimum += least[c];
		stretch += natural[c] - least[c];
	}
	for (int c = 0; c < n; c++) {
		if (total <= table->width) /* all on one line: the room left shared evenly */
			table->column_width[c] = natural[c] + (table->width - total) / n;
		else if (minimum < table->width && stretch > 0)
			table->column_width[c] = least[c] + (natural[c] - least[c]) *
							     (table->width - minimum) / stretch;
		else /* words wider than the table: nothing fits, keep the proportions */
			table->column_width[c] = least[c] * table->width / minimum;
	}
	g_free(natural);
	g_free(least);
	return true;
}

/* Lays every cell out at its column's width and places it; rows take the tallest cell,
 * their cells sharing the first line's baseline. */
static bool
place_cells(lr_table_layout_t *table, lr_report_context_t *context, const lr_block_t *block)
{
	double *lead = g_new0(double, table->columns), *trail = g_new0(double, table->columns);
	bool ok = true;

	if (table->from_data)
		for (int c = 1; c < table->columns; c++)
			for (guint r = 0; r < table->rows->len; r++) {
				cell_t *cell = &table_row(table, (int) r)->cells[c];
				lead[c] = MAX(lead[c], cell->lead);
				trail[c] = MAX(trail[c], cell->text.width - cell->lead);
			}
	for (int r = -1; ok && r < (int) table->rows->len; r++) {
		row_t *row = table_row(table, r);
		double baseline = 0, bottom = 0;

		for (int c = 0; ok && c < table->columns; c++) {
			cell_t *cell = &row->cells[c];
			double inner = table->column_width[c] - 2 * table->pad_x;

			if (!table->from_data) {
				const GArray *runs = markdown_runs(block->table, r, c);
				if (runs)
					ok = runs_text(context, runs, table->size, r < 0, inner,
						       pango_align(table->align[c]), &cell->text);
				if (ok && runs)
					cell->plain = g_strdup(pango_layout_get_text(
						cell->text.layout));
			} else if (c == 0 && cell->text.width > inner) {
				/* A long name wraps at the column's width. */
				ok = layout_cell(table, context, cell, inner);
			}
			if (!ok || !cell->text.layout)
				continue;
			if (!table->from_data) {
				/* Pango aligned the lines in the inner width: keep its offset. */
				cell->x = table->pad_x + cell->text.box_x;
			} else if (cell->figure) {
				double separator = table->column_width[c] - table->pad_x - trail[c];
				cell->x = MAX(table->pad_x, separator - cell->lead);
			} else if (c > 0) { /* a year over its figures: right-aligned */
				cell->x = table->column_width[c] - table->pad_x - cell->text.width;
			} else {
				cell->x = table->pad_x;
			}
			baseline = MAX(baseline, cell->text.baseline);
		}
		for (int c = 0; ok && c < table->columns; c++) {
			cell_t *cell = &row->cells[c];
			if (!cell->text.layout)
				continue;
			cell->y = table->pad_y + baseline - cell->text.baseline;
			bottom = MAX(bottom, cell->y + cell->text.height);
		}
		row->height = MAX(bottom + table->pad_y, table->size + 2 * table->pad_y);
	}
	g_free(lead);
	g_free(trail);
	return ok;
}

/* The caption "Bảng 2. …", its number bold; the caption's own runs through report-page.c. */
static bool
build_caption(lr_table_layout_t *table, lr_report_context_t *context, const lr_block_t *block,
	      int number)
{
	char *prefix = g_strdup_printf("%s %d.", lr_report_word(context->language, LR_RWORD_TABLE),
				       number);
	const GArray *caption = block->table->caption;
	bool ok;

	if (caption && caption->len) {
		/* A borrowed copy of the runs behind a bold prefix: nothing is freed twice. */
		GArray *runs = g_array_sized_new(FALSE, TRUE, sizeof(lr_run_t), caption->len + 1);
		char *spaced = g_strconcat(prefix, " ", NULL);
		lr_run_t first = { .kind = LR_RUN_TEXT, .text = spaced, .style = LR_STYLE_BOLD };

		g_array_append_val(runs, first);
		g_array_append_vals(runs, caption->data, caption->len);
		ok = runs_text(context, runs, table->style.body_size, false, table->width,
			       PANGO_ALIGN_LEFT, &table->caption);
		g_array_unref(runs);
		g_free(spaced);
	} else {
		ok = plain_text(context, &table->style, prefix, table->style.body_size, true,
				table->width, PANGO_ALIGN_LEFT, &table->caption);
	}
	g_free(prefix);
	if (ok)
		table->caption_height = table->caption.height + 0.5 * table->style.body_size;
	return ok;
}

lr_table_layout_t *
lr_table_layout_new(lr_report_context_t *context, const lr_block_t *block, int number,
		    double width)
{
	lr_table_layout_t *table;
	bool ok;

	if (!context || !context->report || !context->style || !block || !block->table ||
	    !(width > 0)) {
		lr_error_record_set(context ? context->error : NULL, LR_STATUS_INVALID_ARGUMENT,
				    block ? block->file : NULL, block ? block->line : 0, 0,
				    "table: nothing to lay out or no width");
		return NULL;
	}
	table = g_new0(lr_table_layout_t, 1);
	table->style = *context->style;
	table->width = width;
	/* Between body and small text: a table is read closely but holds many figures. */
	table->size = 0.5 * (table->style.body_size + table->style.small_size);
	table->pad_x = 0.6 * table->size;
	table->pad_y = 0.42 * table->size;
	table->rule = 0.8;
	table->hairline = 0.35;
	table->from_data = block->table->from_data;
	table->rows = g_array_new(FALSE, TRUE, sizeof(row_t));
	table->note_text = g_ptr_array_new_with_free_func(g_free);
	table->notes = g_ptr_array_new_with_free_func(text_free);

	ok = build_caption(table, context, block, number);
	if (ok)
		ok = table->from_data ? build_data(table, context, block)
				      : build_markdown(table, context, block);
	if (ok) {
		table->column_x = g_new0(double, table->columns);
		table->column_width = g_new0(double, table->columns);
		if (table->from_data)
			data_columns(table);
		else
			ok = markdown_columns(table, context, block);
	}
	for (int c = 1; ok && c < table->columns; c++)
		table->column_x[c] = table->column_x[c - 1] + table->column_width[c - 1];
	if (ok)
		ok = place_cells(table, context, block);

	table->footer_height = table->note_text->len ? 0.45 * table->size : 0;
	for (guint i = 0; ok && i < table->note_text->len; i++) {
		lr_text_t *line = g_new0(lr_text_t, 1);

		g_ptr_array_add(table->notes, line);
		ok = plain_text(context, &table->style, g_ptr_array_index(table->note_text, i),
				table->style.small_size, false, table->width, PANGO_ALIGN_LEFT, line);
		if (ok)
			table->footer_height += line->height + (i ? 0.15 * table->size : 0);
	}
	if (!ok) {
		lr_table_layout_free(table);
		return NULL;
	}
	return table;
}

double
lr_table_layout_caption_height(const lr_table_layout_t *table)
{
	return table ? table->caption_height : 0;
}

double
lr_table_layout_header_height(const lr_table_layout_t *table)
{
	return table ? table->header.height : 0;
}

int
lr_table_layout_row_count(const lr_table_layout_t *table)
{
	return table ? (int) table->rows->len : 0;
}

double
lr_table_layout_row_height(const lr_table_layout_t *table, int row)
{
	if (!table || row < 0 || (guint) row >= table->rows->len)
		return 0;
	return g_array_index(table->rows, row_t, row).height;
}

double
lr_table_layout_footer_height(const lr_table_layout_t *table)
{
	return table ? table->footer_height : 0;
}

/* ---- drawing ------------------------------------------------------------------------ */

static void
draw_row(const lr_table_layout_t *table, cairo_t *cr, const row_t *row, bool header, double x,
	 double y)
{
	cairo_tag_begin(cr, "TR", NULL);
	for (int c = 0; c < table->columns; c++) {
		const cell_t *cell = &row->cells[c];
		/* The names' column heads its row: TH, as the header row's cells. */
		cairo_tag_begin(cr, header || (c == 0 && table->from_data) ? "TH" : "TD", NULL);
		if (cell->text.layout) {
			set_source(cr, table->style.text);
			lr_text_draw(cr, &cell->text, x + table->column_x[c] + cell->x, y + cell->y);
		}
		cairo_tag_end(cr, header || (c == 0 && table->from_data) ? "TH" : "TD");
	}
	cairo_tag_end(cr, "TR");
}

static void
hline(cairo_t *cr, double x, double y, double width, double thickness, lr_color_t color)
{
	set_source(cr, color);
	cairo_rectangle(cr, x, y - thickness / 2, width, thickness);
	cairo_fill(cr);
}

void
lr_table_layout_draw(const lr_table_layout_t *table, cairo_t *cr, double x, double y,
		     bool caption, int first, int count, bool footer)
{
	lr_color_t frame;
	int rows;

	if (!table || !cr)
		return;
	rows = (int) table->rows->len;
	/* The rules that frame the body are darker than the hairlines between its rows. */
	frame = lr_color_lighten(table->style.muted, 0.35);
	first = CLAMP(first, 0, rows);
	count = CLAMP(count, 0, rows - first);
	cairo_save(cr);
	cairo_new_path(cr);
	cairo_tag_begin(cr, "Table", NULL);
	if (caption) {
		cairo_tag_begin(cr, "Caption", NULL);
		set_source(cr, table->style.text);
		lr_text_draw(cr, &table->caption, x, y);
		cairo_tag_end(cr, "Caption");
		y += table->caption_height;
	}
	set_source(cr, table->style.panel);
	cairo_rectangle(cr, x, y, table->width, table->header.height);
	cairo_fill(cr);
	draw_row(table, cr, &table->header, true, x, y);
	y += table->header.height;
	hline(cr, x, y, table->width, table->rule, frame);
	for (int r = first; r < first + count; r++) {
		const row_t *row = table_row((lr_table_layout_t *) table, r);
		if (r > first)
			hline(cr, x, y, table->width, table->hairline, table->style.rule);
		draw_row(table, cr, row, false, x, y);
		y += row->height;
	}
	hline(cr, x, y, table->width, table->rule, frame);
	cairo_tag_end(cr, "Table");
	if (footer && table->notes->len) {
		y += 0.45 * table->size;
		for (guint i = 0; i < table->notes->len; i++) {
			const lr_text_t *line = g_ptr_array_index(table->notes, i);
			if (i)
				y += 0.15 * table->size;
			cairo_tag_begin(cr, "P", NULL);
			set_source(cr, table->style.muted);
			lr_text_draw(cr, line, x, y);
			cairo_tag_end(cr, "P");
			y += line->height;
		}
	}
	cairo_restore(cr);
}

/* ---- describing --------------------------------------------------------------------- */

static void
describe_row(const lr_table_layout_t *table, GString *out, const char *kind, int index,
	     const row_t *row, double y)
{
	if (index >= 0)
		g_string_append_printf(out, "%s %d %.1f,%.1f %.1fx%.1f", kind, index, 0.0, y,
				       table->width, row->height);
	else
		g_string_append_printf(out, "%s %.1f,%.1f %.1fx%.1f", kind, 0.0, y, table->width,
				       row->height);
	for (int c = 0; c < table->columns; c++) {
		const cell_t *cell = &row->cells[c];
		double cx = table->column_x[c];

		g_string_append_printf(out, " | %s cell %.1f+%.1f", index < 0 ? "TH" : "TD", cx,
				       table->column_width[c]);
		if (!cell->text.layout) {
			g_string_append(out, " empty");
			continue;
		}
		g_string_append_printf(out, " text %.1f,%.1f %.1fx%.1f", cx + cell->x,
				       y + cell->y, cell->text.width, cell->text.height);
		if (cell->figure)
			g_string_append_printf(out, " sep %.1f", cx + cell->x + cell->lead);
		g_string_append_printf(out, " \"%s\"", cell->plain ? cell->plain : "");
	}
	g_string_append_c(out, '\n');
}

char *
lr_table_layout_describe(const lr_table_layout_t *table)
{
	GString *out;
	double y;

	if (!table)
		return NULL;
	out = g_string_new(NULL);
	g_string_append_printf(out, "caption 0.0,0.0 %.1fx%.1f \"%s\"\n", table->caption.width,
			       table->caption.height,
			       table->caption.layout ? pango_layout_get_text(table->caption.layout)
						     : "");
	y = table->caption_height;
	describe_row(table, out, "header", -1, &table->header, y);
	y += table->header.height;
	for (guint r = 0; r < table->rows->len; r++) {
		const row_t *row = &g_array_index(table->rows, row_t, r);
		describe_row(table, out, "row", (int) r, row, y);
		y += row->height;
	}
	y += table->notes->len ? 0.45 * table->size : 0;
	for (guint i = 0; i < table->notes->len; i++) {
		const lr_text_t *line = g_ptr_array_index(table->notes, i);
		if (i)
			y += 0.15 * table->size;
		g_string_append_printf(out, "note %u 0.0,%.1f %.1fx%.1f \"%s\"\n", i, y, line->width,
				       line->height, (char *) g_ptr_array_index(table->note_text, i));
		y += line->height;
	}
	return g_string_free(out, FALSE);
}

void
lr_table_layout_free(lr_table_layout_t *table)
{
	if (!table)
		return;
	lr_text_clear(&table->caption);
	row_clear(&table->header, table->columns);
	for (guint r = 0; r < table->rows->len; r++)
		row_clear(&g_array_index(table->rows, row_t, r), table->columns);
	g_array_unref(table->rows);
	g_free(table->column_x);
	g_free(table->column_width);
	g_free(table->align);
	g_ptr_array_unref(table->note_text);
	g_ptr_array_unref(table->notes);
	g_free(table);
}
