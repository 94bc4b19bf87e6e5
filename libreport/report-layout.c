/* libreport: laying a report out. Every block is measured once at the column width, then
 * placed onto pages (the page plan) by rules a typesetter would keep:
 *
 * 1. A section (level-1 heading) starts a page; a heading never ends a page: it moves on
 *    with the start of what follows it (keep-with-next, through nested headings).
 * 2. A paragraph leaves no single line alone at the foot (orphan) or the top (widow) of a
 *    page; a paragraph longer than a page continues page after page.
 * 3. A figure (chart and caption) and a row of cards never split; a figure taller than a
 *    page is shrunk to fit one.
 * 4. A table splits between body rows; each continuation repeats the header row; its notes
 *    and sources stay with its last row.
 * 5. The contents come before the body, so their length is known before page numbers are:
 *    every entry takes one line band whatever its number, so one pass gives final numbers.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "chart-private.h"
#include "report-measure-private.h"

#define DEFAULT_ASPECT 0.56
#define NARROW_ASPECT 0.72

/* ---- Style ---------------------------------------------------------------------------- */

void
lr_report_style_init(const lr_report_t *report, double page_width, lr_report_style_t *style)
{
	const lr_theme_t *theme = report->theme;
	/* A5 is read closer: a smaller body keeps ~60 characters a line on both. */
	double body = page_width < 500 ? 9.0 : 10.5;

	if (theme->sizes[LR_THEME_SIZE_FONT] > 0)
		body = theme->sizes[LR_THEME_SIZE_FONT];
	style->font_family = theme->font_family ? theme->font_family : "Noto Sans";
	style->body_size = body;
	style->small_size = body * 0.8;
	style->h1_size = body * 1.9;
	style->h2_size = body * 1.3;
	style->h3_size = body * 1.1;
	style->title_size = body * 2.7;
	style->card_value_size = body * 1.9;
	/* A factor of the font's own line height, which Noto Sans already makes tall enough for
	 * stacked Vietnamese marks (Ấ, Ễ): a little more air for reading. */
	style->line_spacing = 1.18;
	style->paragraph_gap = body * 0.7;
	style->text = theme->colors[LR_THEME_COLOR_TEXT];
	style->muted = theme->colors[LR_THEME_COLOR_TEXT_MUTED];
	style->accent = theme->series[0];
	style->rule = theme->colors[LR_THEME_COLOR_GRID];
	style->background = theme->colors[LR_THEME_COLOR_BACKGROUND];
	style->better = theme->colors[LR_THEME_COLOR_BETTER];
	style->worse = theme->colors[LR_THEME_COLOR_WORSE];
	style->panel = lr_color_lighten(theme->colors[LR_THEME_COLOR_GRID], 0.55);
}

/* ---- Measured blocks ---------------------------------------------------------------- */

void
lr_measured_free(lr_measured_t *measured)
{
	if (!measured)
		return;
	g_clear_object(&measured->text);
	g_clear_object(&measured->marker);
	g_clear_object(&measured->caption);
	if (measured->lines)
		g_array_unref(measured->lines);
	if (measured->links) {
		for (guint i = 0; i < measured->links->len; i++)
			g_free(g_array_index(measured->links, lr_link_span_t, i).target);
		g_array_unref(measured->links);
	}
	lr_table_layout_free(measured->table);
	lr_cards_layout_free(measured->cards);
	g_free(measured);
}

static lr_measured_t *
measured_new(const lr_block_t *block, lr_placed_kind_t kind)
{
	lr_measured_t *measured = g_new0(lr_measured_t, 1);

	measured->block = block;
	measured->kind = kind;
	measured->heading = -1;
	measured->lines = g_array_new(FALSE, FALSE, sizeof(lr_line_box_t));
	return measured;
}

double
lr_measured_lines_height(const lr_measured_t *measured, int first, int count)
{
	const lr_line_box_t *a, *b;

	if (count <= 0 || !measured->lines->len)
		return 0;
	a = &g_array_index(measured->lines, lr_line_box_t, first);
	b = &g_array_index(measured->lines, lr_line_box_t, first + count - 1);
	return b->top + b->height - a->top;
}

static int
line_count(const lr_measured_t *measured)
{
	return (int) measured->lines->len;
}

/* ---- Headings ---------------------------------------------------------------------- */

static void
add_heading_entry(lr_report_layout_t *layout, const lr_block_t *block, const char *text,
		  int level, const char *anchor)
{
	lr_heading_entry_t entry = { .block = block, .level = level, .page = -1 };

	entry.text = g_strdup(text);
	entry.anchor = g_strdup(anchor);
	g_array_append_val(layout->headings, entry);
}

static void
heading_entry_clear(gpointer data)
{
	lr_heading_entry_t *entry = data;

	g_free(entry->text);
	g_free(entry->anchor);
}

/* ---- What a figure shows, for its alternative text and the sources page ------------------- */

static bool
chart_wants(const GArray *years, int year)
{
	if (!years->len)
		return true;
	for (guint i = 0; i < years->len; i++)
		if (g_array_index(years, int, i) == year)
			return true;
	return false;
}

static bool
chart_wants_entity(const GPtrArray *entities, const char *entity)
{
	if (!entities->len)
		return true;
	for (guint i = 0; i < entities->len; i++)
		if (g_strcmp0(g_ptr_array_index(entities, i), entity) == 0)
			return true;
	return false;
}

/* "Title. Series: 2022 16,4 tỷ USD; 2023 20,5 tỷ USD. …": the figure's data in reading
 * order (series by series, categories in data order), citing each observation's source. */
static const char *chart_title(const lr_chart_t *chart, lr_language_t language);

static char *
figure_alt_text(lr_report_context_t *context, const lr_chart_t *chart, const char *caption)
{
	const lr_dataset_t *dataset = context->report->dataset;
	GString *alt = g_string_new(chart_title(chart, context->language));
	size_t count = dataset ? lr_dataset_get_observation_count(dataset) : 0;

	/* The title a sighted reader sees first, then the caption's point, then the data. */
	if (alt->len && !g_str_has_suffix(alt->str, "."))
		g_string_append_c(alt, '.');
	if (caption && *caption && strcmp(caption, chart_title(chart, context->language)) != 0) {
		g_string_append_printf(alt, " %s", caption);
		if (!g_str_has_suffix(alt->str, "."))
			g_string_append_c(alt, '.');
	}
	for (guint i = 0; i < chart->indicators->len; i++) {
		/* Charts keep indicator ids (chart-private.h, invariant 1): look them up. */
		const lr_indicator_t *indicator =
			lr_dataset_find_indicator(chart->dataset, g_ptr_array_index(chart->indicators, i));
		const char *last_entity = NULL;

		if (!indicator)
			continue;

		for (size_t k = 0; k < count; k++) {
			const lr_observation_t *o = lr_dataset_get_observation(dataset, k);
			lr_reference_t reference = { 0 };
			char *value;

			if (strcmp(o->indicator, indicator->id) != 0 ||
			    !chart_wants(chart->years, o->year) ||
			    !chart_wants_entity(chart->entities, o->entity))
				continue;
			/* The figure the chart and the prose agree on for this cell. */
			if (lr_report_find_observation(context->report, o->indicator, o->entity,
						       o->year) != o)
				continue;
			lr_report_context_cite(context, o->source);
			reference.indicator = (char *) o->indicator;
			reference.entity = (char *) o->entity;
			reference.year = o->year;
			value = lr_reference_format(context->report, &reference, context->language,
						    NULL, NULL);
			if (!value)
				continue;
			if (g_strcmp0(last_entity, o->entity) != 0) {
				g_string_append_printf(alt, " %s", lr_indicator_get_name(indicator,
										context->language));
				if (chart->entities->len != 1 || chart->indicators->len == 1)
					g_string_append_printf(
						alt, " (%s)",
						lr_dataset_get_entity_name(dataset, o->entity,
									   context->language));
				g_string_append(alt, ":");
				last_entity = o->entity;
			} else {
				g_string_append_c(alt, ';');
			}
			g_string_append_printf(alt, " %d %s", o->year, value);
			g_free(value);
		}
		if (last_entity)
			g_string_append_c(alt, '.');
	}
	return g_string_free(alt, FALSE);
}

static char *
runs_plain_text(lr_report_context_t *context, const GArray *runs)
{
	return runs ? lr_report_runs_text(context, runs, NULL, NULL) : g_strdup("");
}

/* The chart's title as the chart prints it: its own, or its first indicator's name. */
static const char *
chart_title(const lr_chart_t *chart, lr_language_t language)
{
	if (chart->title)
		return chart->title;
	if (chart->indicators->len)
		return lr_indicator_get_name(lr_dataset_find_indicator(chart->dataset,
								       g_ptr_array_index(chart->indicators, 0)),
					     language);
	return "";
}

/* ---- Measuring ------------------------------------------------------------------------ */

typedef struct {
	lr_report_layout_t *layout;
	lr_report_context_t context;
	double column;               /* the text column's width */
	int figures, tables;
	int sections, subsections;
} lr_builder_t;

static lr_measured_t *
measure_text(lr_builder_t *builder, const lr_block_t *block)
{
	const lr_report_style_t *style = &builder->layout->style;
	lr_measured_t *measured = measured_new(block, LR_PLACED_TEXT);
	double size = style->body_size;
	double width = builder->column;
	bool justify = builder->context.report->justify;

	measured->color = style->text;
	measured->space_after = style->paragraph_gap;
	if (block->kind == LR_BLOCK_LIST_ITEM) {
		double indent = size * 1.4 * block->level;
		measured->marker = lr_report_layout_plain(&builder->context,
							  block->marker ? block->marker : "•", size,
							  false, -1, PANGO_ALIGN_LEFT);
		measured->indent = indent;
		width -= indent;
		measured->space_after = style->paragraph_gap * 0.4;
	} else if (block->kind == LR_BLOCK_QUOTE) {
		measured->indent = size * 1.6;
		width -= measured->indent * 2;
		measured->color = style->muted;
	}
	measured->links = g_array_new(FALSE, FALSE, sizeof(lr_link_span_t));
	measured->text = lr_report_layout_runs(&builder->context, block->runs, size, false, width,
					       justify && block->kind == LR_BLOCK_PARAGRAPH);
	if (!measured->text) {
		lr_measured_free(measured);
		return NULL;
	}
	{
		/* The link spans, for link annotations over their glyphs. */
		PangoAttrList *scratch = pango_attr_list_new();
		char *text = lr_report_runs_text(&builder->context, block->runs, scratch,
						 measured->links);
		g_free(text);
		pango_attr_list_unref(scratch);
	}
	lr_report_line_boxes(measured->text, measured->lines);
	return measured;
}

static lr_measured_t *
measure_heading(lr_builder_t *builder, const lr_block_t *block)
{
	lr_report_layout_t *layout = builder->layout;
	const lr_report_style_t *style = &layout->style;
	lr_measured_t *measured = measured_new(block, LR_PLACED_HEADING);
	char *plain = runs_plain_text(&builder->context, block->runs);
	char *numbered;
	double size = block->level == 1 ? style->h1_size
		      : block->level == 2 ? style->h2_size
					  : style->h3_size;

	/* Sections and subsections are numbered, as a briefing's contents are. */
	if (block->level == 1) {
		builder->subsections = 0;
		numbered = g_strdup_printf("%d. %s", ++builder->sections, plain);
	} else if (block->level == 2 && builder->sections) {
		numbered = g_strdup_printf("%d.%d. %s", builder->sections, ++builder->subsections,
					   plain);
	} else {
		numbered = g_strdup(plain);
	}
	measured->text = lr_report_layout_plain(&builder->context, numbered, size, true,
						builder->column, PANGO_ALIGN_LEFT);
	if (!measured->text) {
		g_free(plain);
		g_free(numbered);
		lr_measured_free(measured);
		return NULL;
	}
	lr_report_line_boxes(measured->text, measured->lines);
	measured->color = block->level == 1 ? style->accent : style->text;
	measured->space_before = block->level == 1 ? 0 : style->body_size * 1.3;
	measured->space_after = block->level == 1 ? style->body_size * 1.4 : style->body_size * 0.6;
	if (block->level <= 2) {
		measured->heading = (int) layout->headings->len;
		add_heading_entry(layout, block, numbered, block->level, block->anchor);
	}
	g_free(plain);
	g_free(numbered);
	return measured;
}

static lr_measured_t *
measure_figure(lr_builder_t *builder, const lr_block_t *block)
{
	lr_report_layout_t *layout = builder->layout;
	const lr_report_style_t *style = &layout->style;
	lr_measured_t *measured = measured_new(block, LR_PLACED_FIGURE);
	/* A narrow column (A5) gives the chart's labels and notes the same share of its
	 * height by making it taller. */
	double aspect = block->aspect > 0		 ? block->aspect
			: builder->column < 400 ? NARROW_ASPECT
						 : DEFAULT_ASPECT;
	char *caption = block->caption ? runs_plain_text(&builder->context, block->caption)
				       : g_strdup(chart_title(block->chart, layout->language));
	char *label = g_strdup_printf("%s %d. %s",
				      lr_report_word(layout->language, LR_RWORD_FIGURE),
				      ++builder->figures, caption);
	lr_status_t status;

	measured->number = builder->figures;
	/* Check the chart draws at this size before a page depends on it. On a narrow column
	 * (A5) a chart may need more height for its labels: grow it, up to a square and a
	 * half, before giving up. */
	for (double grow = 1;; grow *= 1.25) {
		char *dump;
		measured->chart_height = round(builder->column * aspect * grow);
		dump = lr_chart_describe_layout(block->chart, builder->column,
						measured->chart_height);
		status = dump ? LR_STATUS_SUCCESS : lr_chart_status(block->chart);
		g_free(dump);
		if (status == LR_STATUS_SUCCESS || status != LR_STATUS_INVALID_ARGUMENT ||
		    aspect * grow * 1.25 > 1.5)
			break;
	}
	if (status != LR_STATUS_SUCCESS) {
		const lr_error_t *error = lr_chart_get_error(block->chart);
		lr_error_record_set(builder->context.error, status, block->file, block->line, 1,
				    "figure %d cannot be drawn at %.0f × %.0f pt: %s",
				    measured->number, builder->column, measured->chart_height,
				    error ? error->message : lr_status_to_string(status));
		g_free(caption);
		g_free(label);
		lr_measured_free(measured);
		return NULL;
	}
	measured->caption = lr_report_layout_plain(&builder->context, label, style->small_size,
						   false, builder->column, PANGO_ALIGN_LEFT);
	{
		/* "Hình 3." in bold: the number is what the prose refers to. */
		PangoAttrList *attributes = pango_layout_get_attributes(measured->caption);
		PangoAttribute *bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
		const char *dot = strchr(label, '.');
		bold->start_index = 0;
		bold->end_index = dot ? (guint) (dot - label + 1) : 0;
		pango_attr_list_insert(attributes, bold);
		pango_layout_context_changed(measured->caption);
	}
	{
		PangoRectangle logical;
		pango_layout_get_extents(measured->caption, NULL, &logical);
		measured->height = measured->chart_height + style->body_size * 0.5 +
				   logical.height / (double) PANGO_SCALE;
	}
	measured->space_before = style->body_size * 0.6;
	measured->space_after = style->body_size * 1.2;
	g_ptr_array_add(layout->figure_alts,
			figure_alt_text(&builder->context, block->chart, caption));
	g_free(caption);
	g_free(label);
	return measured;
}

static lr_measured_t *
measure_block(lr_builder_t *builder, const lr_block_t *block)
{
	const lr_report_style_t *style = &builder->layout->style;
	lr_measured_t *measured;

	switch (block->kind) {
	case LR_BLOCK_HEADING:
		return measure_heading(builder, block);
	case LR_BLOCK_PARAGRAPH:
	case LR_BLOCK_LIST_ITEM:
	case LR_BLOCK_QUOTE:
		return measure_text(builder, block);
	case LR_BLOCK_FIGURE:
		return measure_figure(builder, block);
	case LR_BLOCK_CARDS:
		measured = measured_new(block, LR_PLACED_CARDS);
		measured->cards = lr_cards_layout_new(&builder->context, block, builder->column);
		if (!measured->cards) {
			lr_measured_free(measured);
			return NULL;
		}
		measured->height = lr_cards_layout_height(measured->cards);
		measured->space_before = style->body_size * 0.4;
		measured->space_after = style->body_size * 1.2;
		return measured;
	case LR_BLOCK_TABLE:
		measured = measured_new(block, LR_PLACED_TABLE);
		measured->number = ++builder->tables;
		measured->table = lr_table_layout_new(&builder->context, block, measured->number,
						      builder->column);
		if (!measured->table) {
			lr_measured_free(measured);
			return NULL;
		}
		measured->space_before = style->body_size * 0.6;
		measured->space_after = style->body_size * 1.2;
		return measured;
	case LR_BLOCK_PAGE_BREAK:
		return measured_new(block, LR_PLACED_TEXT);
	default:
		return measured_new(block, LR_PLACED_TEXT);
	}
}

/* ---- Generated pages: contents entries and sources ----------------------------------- */

static lr_measured_t *
measure_generated_heading(lr_builder_t *builder, const char *text, const char *anchor)
{
	lr_report_layout_t *layout = builder->layout;
	const lr_report_style_t *style = &layout->style;
	lr_measured_t *measured = measured_new(NULL, LR_PLACED_HEADING);

	measured->text = lr_report_layout_plain(&builder->context, text, style->h1_size, true,
						builder->column, PANGO_ALIGN_LEFT);
	if (!measured->text) {
		lr_measured_free(measured);
		return NULL;
	}
	lr_report_line_boxes(measured->text, measured->lines);
	measured->color = style->accent;
	measured->space_after = style->body_size * 1.4;
	measured->heading = (int) layout->headings->len;
	add_heading_entry(layout, NULL, text, 1, anchor);
	return measured;
}

static lr_measured_t *
measure_contents_entry(lr_builder_t *builder, int heading)
{
	lr_report_layout_t *layout = builder->layout;
	const lr_report_style_t *style = &layout->style;
	const lr_heading_entry_t *entry = &g_array_index(layout->headings, lr_heading_entry_t,
							 heading);
	lr_measured_t *measured = measured_new(NULL, LR_PLACED_CONTENTS_ENTRY);
	double number_column = style->body_size * 3.5;

	measured->indent = entry->level == 2 ? style->body_size * 1.8 : 0;
	measured->text = lr_report_layout_plain(&builder->context, entry->text, style->body_size,
						entry->level == 1, builder->column - measured->indent -
								   number_column,
						PANGO_ALIGN_LEFT);
	if (!measured->text) {
		lr_measured_free(measured);
		return NULL;
	}
	lr_report_line_boxes(measured->text, measured->lines);
	measured->heading = heading;
	measured->color = style->text;
	measured->space_before = entry->level == 1 ? style->body_size * 0.7 : style->body_size * 0.2;
	return measured;
}

static lr_measured_t *
measure_source(lr_builder_t *builder, int index, const char *source)
{
	const lr_report_t *report = builder->context.report;
	const lr_report_style_t *style = &builder->layout->style;
	lr_measured_t *measured = measured_new(NULL, LR_PLACED_SOURCE);
	const char *label = report->dataset ? lr_dataset_get_source_label(report->dataset, source,
									   builder->layout->language)
					    : source;
	char *number = g_strdup_printf("[%d]", index + 1);
	char *text = g_strcmp0(label, source) == 0 ? g_strdup(source)
						   : g_strdup_printf("%s\n%s", label, source);

	measured->indent = style->body_size * 2.6;
	measured->marker = lr_report_layout_plain(&builder->context, number, style->body_size,
						  true, -1, PANGO_ALIGN_LEFT);
	measured->text = lr_report_layout_plain(&builder->context, text, style->body_size, false,
						builder->column - measured->indent,
						PANGO_ALIGN_LEFT);
	g_free(number);
	g_free(text);
	if (!measured->text || !measured->marker) {
		lr_measured_free(measured);
		return NULL;
	}
	{
		/* The file name in the muted colour: the label is what a reader looks for. */
		const char *text_now = pango_layout_get_text(measured->text);
		const char *newline = strchr(text_now, '\n');
		if (newline) {
			PangoAttrList *attributes = pango_layout_get_attributes(measured->text);
			PangoAttribute *muted = pango_attr_foreground_new(
				(guint16) (style->muted.red * 65535), (guint16) (style->muted.green * 65535),
				(guint16) (style->muted.blue * 65535));
			PangoAttribute *small = pango_attr_size_new_absolute(
				(int) (style->small_size * PANGO_SCALE));
			muted->start_index = small->start_index = (guint) (newline - text_now + 1);
			muted->end_index = small->end_index = G_MAXUINT;
			pango_attr_list_insert(attributes, muted);
			pango_attr_list_insert(attributes, small);
			pango_layout_context_changed(measured->text);
		}
	}
	lr_report_line_boxes(measured->text, measured->lines);
	measured->color = style->text;
	measured->space_after = style->paragraph_gap;
	return measured;
}

/* ---- Pagination ---------------------------------------------------------------------- */

typedef struct {
	lr_report_layout_t *layout;
	lr_page_plan_t *page;
	double top, bottom, y;       /* the content area and the cursor */
	int section;
} lr_paginator_t;

static void
page_plan_free(gpointer data)
{
	lr_page_plan_t *page = data;

	g_array_unref(page->placed);
	g_free(page->label);
	g_free(page);
}

static void
new_page(lr_paginator_t *p)
{
	lr_page_plan_t *page = g_new0(lr_page_plan_t, 1);

	page->placed = g_array_new(FALSE, TRUE, sizeof(lr_placed_t));
	page->section = p->section;
	page->label = g_strdup_printf("%u", p->layout->pages->len + 1);
	g_ptr_array_add(p->layout->pages, page);
	p->page = page;
	p->y = p->top;
}

static bool
at_top(const lr_paginator_t *p)
{
	return p->page && p->y <= p->top + 0.01;
}

static lr_placed_t *
place(lr_paginator_t *p, lr_placed_kind_t kind, lr_measured_t *measured, double x, double width,
      double height)
{
	lr_placed_t placed = { .kind = kind, .measured = measured, .x = x, .y = p->y,
			       .width = width, .height = height, .target = -1 };

	g_array_append_val(p->page->placed, placed);
	p->y += height;
	return &g_array_index(p->page->placed, lr_placed_t, p->page->placed->len - 1);
}

static double
room(const lr_paginator_t *p)
{
	return p->bottom - p->y;
}

static double
space_before(const lr_paginator_t *p, const lr_measured_t *m)
{
	return at_top(p) ? 0 : m->space_before;
}

/* The least of @m that must share a page with a heading before it. */
static double
start_height(const lr_report_layout_t *layout, guint index)
{
	const lr_measured_t *m;

	if (index >= layout->measured->len)
		return 0;
	m = g_ptr_array_index(layout->measured, index);
	switch (m->kind) {
	case LR_PLACED_HEADING:
		return m->space_before + lr_measured_lines_height(m, 0, line_count(m)) +
		       m->space_after + start_height(layout, index + 1);
	case LR_PLACED_TEXT:
		if (!m->block || m->block->kind == LR_BLOCK_PAGE_BREAK)
			return 0;
		/* Two lines, or all three of a three-line paragraph (it never splits 2 + 1). */
		return m->space_before +
		       lr_measured_lines_height(m, 0, line_count(m) <= 3 ? line_count(m) : 2);
	case LR_PLACED_TABLE: {
		int rows = MIN(2, lr_table_layout_row_count(m->table));
		double h = m->space_before + lr_table_layout_caption_height(m->table) +
			   lr_table_layout_header_height(m->table);
		for (int r = 0; r < rows; r++)
			h += lr_table_layout_row_height(m->table, r);
		return h;
	}
	default:
		return m->space_before + m->height;
	}
}

static void
paginate_text(lr_paginator_t *p, lr_measured_t *m, double x, double width)
{
	int total = line_count(m), first = 0;

	if (!total)
		return;
	/* The box is the text's own: list items and quotes sit indented. */
	x += m->indent;
	width -= m->block && m->block->kind == LR_BLOCK_QUOTE ? 2 * m->indent : m->indent;
	while (first < total) {
		int fit = 0, rest;
		double gap = first == 0 ? space_before(p, m) : 0;

		while (first + fit < total &&
		       gap + lr_measured_lines_height(m, first, fit + 1) <= room(p) + 0.01)
			fit++;
		rest = total - first - fit;
		/* A single line at the foot of a page (orphan) or left for the top of the next
		 * one (widow) reads badly: move a line along, or the whole start. */
		if (rest == 1 && fit >= 3)
			fit--;
		else if (rest == 1 && fit == 2 && total - first == 3)
			fit = 0;
		if (fit == 1 && total - first > 1)
			fit = 0;
		if (fit == 0) {
			if (at_top(p)) /* a line taller than a page: place it anyway */
				fit = 1;
			else {
				new_page(p);
				continue;
			}
		}
		p->y += gap;
		{
			lr_placed_t *placed = place(p, LR_PLACED_TEXT, m, x, width,
						    lr_measured_lines_height(m, first, fit));
			placed->first = first;
			placed->count = fit;
		}
		first += fit;
		if (first < total)
			new_page(p);
	}
	p->y += m->space_after;
}

static void
paginate_table(lr_paginator_t *p, lr_measured_t *m, double x, double width)
{
	lr_table_layout_t *table = m->table;
	int rows = lr_table_layout_row_count(table), first = 0;
	double caption = lr_table_layout_caption_height(table);
	double header = lr_table_layout_header_height(table);
	double footer = lr_table_layout_footer_height(table);
	bool with_caption = true;

	double whole = caption + header + footer;

	for (int r = 0; r < rows; r++)
		whole += lr_table_layout_row_height(table, r);
	/* A short table (half a page or less) is never split: it moves on whole. */
	if (!at_top(p) && whole <= (p->bottom - p->top) / 2 &&
	    space_before(p, m) + whole > room(p) + 0.01)
		new_page(p);
	if (!at_top(p)) {
		/* Start on this page only when the caption, header and two rows fit. */
		double need = space_before(p, m) + caption + header;
		for (int r = 0; r < MIN(2, rows); r++)
			need += lr_table_layout_row_height(table, r);
		if (rows <= 2)
			need += footer;
		if (need > room(p) && !at_top(p))
			new_page(p);
	}
	p->y += space_before(p, m);
	do {
		double h = (with_caption ? caption : 0) + header;
		int count = 0;
		bool last;
		lr_placed_t *placed;

		while (first + count < rows) {
			double row = lr_table_layout_row_height(table, first + count);
			bool final = first + count + 1 == rows;
			if (h + row + (final ? footer : 0) > room(p) + 0.01)
				break;
			h += row;
			count++;
		}
		/* The notes stay with at least one row; a lone last row is no continuation. */
		if (count == 0 || (first + count < rows && rows - first - count == 1 && count > 2))
			count = count == 0 ? (at_top(p) ? 1 : 0) : count - 1;
		if (count == 0) {
			new_page(p);
			continue;
		}
		h = (with_caption ? caption : 0) + header;
		for (int r = first; r < first + count; r++)
			h += lr_table_layout_row_height(table, r);
		last = first + count == rows;
		if (last)
			h += footer;
		placed = place(p, LR_PLACED_TABLE, m, x, width, h);
		placed->first = first;
		placed->count = count;
		placed->caption = with_caption;
		placed->footer = last;
		first += count;
		with_caption = false;
		if (!last)
			new_page(p);
	} while (first < rows);
	if (rows == 0) {
		lr_placed_t *placed = place(p, LR_PLACED_TABLE, m, x, width, caption + header + footer);
		placed->caption = placed->footer = true;
	}
	p->y += m->space_after;
}

static void
paginate_atomic(lr_paginator_t *p, lr_measured_t *m, lr_placed_kind_t kind, double x,
		double width)
{
	double full = p->bottom - p->top;

	if (space_before(p, m) + m->height > room(p) && !at_top(p))
		new_page(p);
	/* Taller than a page: shrink the chart so figure and caption share one. */
	if (kind == LR_PLACED_FIGURE && m->height > full) {
		double shrink = m->height - full;
		m->chart_height = MAX(m->chart_height - shrink, 40);
		m->height -= shrink;
	}
	p->y += space_before(p, m);
	place(p, kind, m, x, width, m->height);
	p->y += m->space_after;
}

static void
paginate_body(lr_paginator_t *p, guint from, guint to)
{
	lr_report_layout_t *layout = p->layout;
	double x = layout->margin_left;
	double width = layout->page_width - layout->margin_left - layout->margin_right;

	if (!p->page)
		new_page(p);
	for (guint i = from; i < to; i++) {
		lr_measured_t *m = g_ptr_array_index(layout->measured, i);

		switch (m->kind) {
		case LR_PLACED_HEADING: {
			double own = space_before(p, m) + lr_measured_lines_height(m, 0, line_count(m)) +
				     m->space_after;
			bool section = !m->block || m->block->level == 1;
			if (section && (!at_top(p) || !p->page))
				new_page(p);
			if (m->heading >= 0 && section)
				p->section = m->heading;
			p->page->section = p->section;
			/* Keep with next: the heading moves on with the start of what follows. */
			if (!at_top(p) && own + start_height(layout, i + 1) > room(p))
				new_page(p);
			p->y += space_before(p, m);
			if (m->heading >= 0) {
				lr_heading_entry_t *entry = &g_array_index(layout->headings,
									   lr_heading_entry_t,
									   m->heading);
				entry->page = (int) layout->pages->len - 1;
				entry->y = p->y;
			}
			place(p, LR_PLACED_HEADING, m, x, width,
			      lr_measured_lines_height(m, 0, line_count(m)));
			p->y += m->space_after;
			break;
		}
		case LR_PLACED_TEXT:
			if (m->block && m->block->kind == LR_BLOCK_PAGE_BREAK) {
				if (!at_top(p))
					new_page(p);
				break;
			}
			paginate_text(p, m, x, width);
			break;
		case LR_PLACED_SOURCE: {
			double h = lr_measured_lines_height(m, 0, line_count(m));
			if (h > room(p) && !at_top(p))
				new_page(p);
			place(p, LR_PLACED_SOURCE, m, x, width, h);
			p->y += m->space_after;
			break;
		}
		case LR_PLACED_TABLE:
			paginate_table(p, m, x, width);
			break;
		case LR_PLACED_FIGURE:
		case LR_PLACED_CARDS:
			paginate_atomic(p, m, m->kind, x, width);
			break;
		default:
			break;
		}
	}
}

/* Headings in document order (the contents title was measured last, after the sources): the
 * outline and the contents read them in order. Indices held elsewhere are renumbered. */
static int
compare_heading_position(gconstpointer a, gconstpointer b)
{
	const lr_heading_entry_t *x = a, *y = b;

	if (x->page != y->page)
		return (x->page > y->page) - (x->page < y->page);
	return (x->y > y->y) - (x->y < y->y);
}

static void
sort_headings(lr_report_layout_t *layout)
{
	guint count = layout->headings->len;
	int *map = g_new(int, count);
	GArray *sorted = g_array_sized_new(FALSE, TRUE, sizeof(lr_heading_entry_t), count);

	g_array_append_vals(sorted, layout->headings->data, count);
	for (guint i = 0; i < count; i++) /* remember each entry's old index in outline_id */
		g_array_index(sorted, lr_heading_entry_t, i).outline_id = (int) i;
	g_array_sort(sorted, compare_heading_position);
	for (guint i = 0; i < count; i++) {
		lr_heading_entry_t *entry = &g_array_index(sorted, lr_heading_entry_t, i);
		map[entry->outline_id] = (int) i;
		entry->outline_id = 0;
	}
	for (guint i = 0; i < layout->measured->len; i++) {
		lr_measured_t *m = g_ptr_array_index(layout->measured, i);
		if (m->heading >= 0)
			m->heading = map[m->heading];
	}
	for (guint i = 0; i < layout->pages->len; i++) {
		lr_page_plan_t *page = g_ptr_array_index(layout->pages, i);
		if (page->section >= 0)
			page->section = map[page->section];
		for (guint k = 0; k < page->placed->len; k++) {
			lr_placed_t *placed = &g_array_index(page->placed, lr_placed_t, k);
			if (placed->target >= 0)
				placed->target = map[placed->target];
		}
	}
	/* The entries' strings move to the new array; free only the old array's memory. */
	g_array_set_clear_func(layout->headings, NULL);
	g_array_unref(layout->headings);
	g_array_set_clear_func(sorted, heading_entry_clear);
	layout->headings = sorted;
	g_free(map);
}

/* ---- The whole plan ---------------------------------------------------------------------- */

static void
page_geometry(const lr_report_t *report, lr_report_layout_t *layout)
{
	double margin;

	lr_report_get_page_size(report, &layout->page_width, &layout->page_height);
	/* About 22 mm on A4 and Letter, 15 mm on A5: generous, and room for a binding. */
	margin = layout->page_width < 500 ? 42 : 62;
	layout->margin_left = margin;
	layout->margin_right = margin;
	layout->margin_top = margin + 14;    /* the running header sits above */
	layout->margin_bottom = margin + 6;  /* the footer below */
}

void
lr_report_layout_free(lr_report_layout_t *layout)
{
	if (!layout)
		return;
	g_ptr_array_unref(layout->measured);
	g_ptr_array_unref(layout->pages);
	g_array_unref(layout->headings);
	g_ptr_array_unref(layout->sources);
	g_ptr_array_unref(layout->figure_alts);
	g_free(layout);
}

static int
compare_citation_order(gconstpointer a, gconstpointer b, gpointer order)
{
	int ia = GPOINTER_TO_INT(g_hash_table_lookup(order, *(char *const *) a));
	int ib = GPOINTER_TO_INT(g_hash_table_lookup(order, *(char *const *) b));

	return (ia > ib) - (ia < ib);
}

lr_report_layout_t *
lr_report_layout_build(const lr_report_t *report, lr_error_record_t *error)
{
	lr_report_layout_t *layout = g_new0(lr_report_layout_t, 1);
	lr_builder_t builder = { .layout = layout };
	lr_paginator_t paginator = { .layout = layout, .section = -1 };
	lr_status_t status = LR_STATUS_SUCCESS;
	guint body_end, contents_first;
	int contents_heading;
	GList *keys;

	layout->language = report->language;
	layout->measured = g_ptr_array_new_with_free_func((GDestroyNotify) lr_measured_free);
	layout->pages = g_ptr_array_new_with_free_func(page_plan_free);
	layout->headings = g_array_new(FALSE, TRUE, sizeof(lr_heading_entry_t));
	g_array_set_clear_func(layout->headings, heading_entry_clear);
	layout->sources = g_ptr_array_new_with_free_func(g_free);
	layout->figure_alts = g_ptr_array_new_with_free_func(g_free);
	page_geometry(report, layout);
	layout->pango = lr_fonts_get_context(&status);
	if (!layout->pango) {
		lr_error_record_set(error, status, NULL, 0, 0, "%s", lr_fonts_get_error());
		lr_report_layout_free(layout);
		return NULL;
	}
	lr_report_style_init(report, layout->page_width, &layout->style);
	builder.column = layout->page_width - layout->margin_left - layout->margin_right;
	builder.context = (lr_report_context_t) {
		.report = report,
		.language = report->language,
		.pango = layout->pango,
		.style = &layout->style,
		.sources = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
		.error = error,
	};

	/* The body, measured: this also numbers figures and tables and collects the sources. */
	for (guint i = 0; i < report->blocks->len; i++) {
		lr_measured_t *m = measure_block(&builder, g_ptr_array_index(report->blocks, i));
		if (!m) {
			if (error && error->public.status == LR_STATUS_SUCCESS)
				lr_error_record_set(error, LR_STATUS_NO_MEMORY, NULL, 0, 0,
						    "a block could not be laid out");
			goto fail;
		}
		g_ptr_array_add(layout->measured, m);
	}
	/* A list ends with a paragraph's gap, not an item's. */
	for (guint i = 0; i < layout->measured->len; i++) {
		lr_measured_t *m = g_ptr_array_index(layout->measured, i);
		const lr_measured_t *next = i + 1 < layout->measured->len
						    ? g_ptr_array_index(layout->measured, i + 1)
						    : NULL;
		if (m->block && m->block->kind == LR_BLOCK_LIST_ITEM &&
		    (!next || !next->block || next->block->kind != LR_BLOCK_LIST_ITEM))
			m->space_after = layout->style.paragraph_gap;
	}
	keys = g_hash_table_get_keys(builder.context.sources);
	for (GList *k = keys; k; k = k->next)
		g_ptr_array_add(layout->sources, g_strdup(k->data));
	g_list_free(keys);
	g_ptr_array_sort_with_data(layout->sources, compare_citation_order,
				   builder.context.sources);

	/* The sources page: a section of its own, listed in the contents. */
	if (layout->sources->len) {
		lr_measured_t *m = measure_generated_heading(
			&builder, lr_report_word(layout->language, LR_RWORD_SOURCES), "sources");
		if (!m)
			goto fail;
		g_ptr_array_add(layout->measured, m);
		for (guint i = 0; i < layout->sources->len; i++) {
			m = measure_source(&builder, (int) i, g_ptr_array_index(layout->sources, i));
			if (!m)
				goto fail;
			g_ptr_array_add(layout->measured, m);
		}
	}
	body_end = layout->measured->len;

	/* The contents: a title and one entry per section and subsection. */
	contents_first = layout->measured->len;
	{
		lr_measured_t *m = measure_generated_heading(
			&builder, lr_report_word(layout->language, LR_RWORD_CONTENTS), "contents");
		if (!m)
			goto fail;
		m->kind = LR_PLACED_HEADING;
		contents_heading = m->heading;
		g_ptr_array_add(layout->measured, m);
		for (guint h = 0; h < layout->headings->len; h++) {
			if ((int) h == contents_heading)
				continue;
			m = measure_contents_entry(&builder, (int) h);
			if (!m)
				goto fail;
			g_ptr_array_add(layout->measured, m);
		}
	}

	paginator.top = layout->margin_top;
	paginator.bottom = layout->page_height - layout->margin_bottom;
	/* Page 1: the cover. */
	new_page(&paginator);
	g_free(paginator.page->label);
	paginator.page->label = NULL;
	paginator.y = 0;
	place(&paginator, LR_PLACED_COVER, NULL, 0, layout->page_width, layout->page_height);
	/* The contents pages. */
	paginator.section = contents_heading;
	new_page(&paginator);
	for (guint i = contents_first; i < layout->measured->len; i++) {
		lr_measured_t *m = g_ptr_array_index(layout->measured, i);
		double x = layout->margin_left;
		double width = layout->page_width - layout->margin_left - layout->margin_right;
		double h = lr_measured_lines_height(m, 0, line_count(m));
		double gap = space_before(&paginator, m);

		if (gap + h > room(&paginator) && !at_top(&paginator))
			new_page(&paginator);
		paginator.y += space_before(&paginator, m);
		if (m->kind == LR_PLACED_HEADING) {
			lr_heading_entry_t *entry = &g_array_index(layout->headings,
								   lr_heading_entry_t, m->heading);
			entry->page = (int) layout->pages->len - 1;
			entry->y = paginator.y;
			place(&paginator, LR_PLACED_CONTENTS_TITLE, m, x, width, h);
		} else {
			lr_placed_t *placed = place(&paginator, LR_PLACED_CONTENTS_ENTRY, m, x, width, h);
			placed->target = m->heading;
		}
		paginator.y += m->space_after;
	}
	/* The body and the sources. */
	paginator.page = NULL;
	paginate_body(&paginator, 0, body_end);
	if (!paginator.page)
		new_page(&paginator);
	sort_headings(layout);

	g_hash_table_unref(builder.context.sources);
	return layout;
fail:
	g_hash_table_unref(builder.context.sources);
	lr_report_layout_free(layout);
	return NULL;
}

/* ---- Description, for goldens --------------------------------------------------------- */

static const char *const placed_names[] = {
	[LR_PLACED_COVER] = "cover",
	[LR_PLACED_CONTENTS_TITLE] = "contents-title",
	[LR_PLACED_CONTENTS_ENTRY] = "contents-entry",
	[LR_PLACED_HEADING] = "heading",
	[LR_PLACED_TEXT] = "text",
	[LR_PLACED_FIGURE] = "figure",
	[LR_PLACED_CARDS] = "cards",
	[LR_PLACED_TABLE] = "table",
	[LR_PLACED_SOURCE] = "source",
};

/* The first words of a layout's text, on one line. */
static void
append_words(GString *out, PangoLayout *layout)
{
	const char *text = layout ? pango_layout_get_text(layout) : "";
	const char *end = text;
	int chars = 0;

	while (*end && chars < 48) {
		end = g_utf8_next_char(end);
		chars++;
	}
	g_string_append(out, " \"");
	for (const char *c = text; c < end; c++)
		g_string_append_c(out, *c == '\n' ? ' ' : *c);
	g_string_append(out, *end ? "…\"" : "\"");
}

char *
lr_report_layout_describe(const lr_report_layout_t *layout)
{
	GString *out = g_string_new(NULL);

	g_string_append_printf(out, "pages %u size %.1f x %.1f\n", layout->pages->len,
			       layout->page_width, layout->page_height);
	for (guint i = 0; i < layout->pages->len; i++) {
		const lr_page_plan_t *page = g_ptr_array_index(layout->pages, i);

		g_string_append_printf(out, "page %u label %s section %d\n", i + 1,
				       page->label ? page->label : "-", page->section);
		for (guint k = 0; k < page->placed->len; k++) {
			const lr_placed_t *placed = &g_array_index(page->placed, lr_placed_t, k);
			const lr_measured_t *m = placed->measured;

			g_string_append_printf(out, "  %s %.1f %.1f %.1f %.1f", placed_names[placed->kind],
					       placed->x, placed->y, placed->width, placed->height);
			if (placed->kind == LR_PLACED_TEXT || placed->kind == LR_PLACED_TABLE)
				g_string_append_printf(out, " [%d+%d]", placed->first, placed->count);
			if (m && m->number)
				g_string_append_printf(out, " #%d", m->number);
			if (placed->kind == LR_PLACED_CONTENTS_ENTRY) {
				const lr_heading_entry_t *entry = &g_array_index(
					layout->headings, lr_heading_entry_t, placed->target);
				g_string_append_printf(out, " -> page %d", entry->page + 1);
			}
			if (m && m->text)
				append_words(out, m->text);
			else if (m && m->caption)
				append_words(out, m->caption);
			g_string_append_c(out, '\n');
		}
	}
	return g_string_free(out, FALSE);
}
