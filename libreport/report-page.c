/* libreport: drawing one page of a report's plan, and the report's text in Pango.
 *
 * A page draws the same on every surface; on a PDF surface cairo's tag API also records the
 * structure (H1, H2, P, L/LI, Figure, Table …), link destinations at headings and links on
 * contents entries and inline links, so the PDF is tagged and navigable.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "report-measure-private.h"
#include "text-breaks-private.h"

/* ---- Text ---------------------------------------------------------------------------- */

static void
insert_attribute(PangoAttrList *attributes, PangoAttribute *attribute, gsize start, gsize end)
{
	attribute->start_index = (guint) start;
	attribute->end_index = (guint) end;
	pango_attr_list_insert(attributes, attribute);
}

static PangoAttribute *
color_attribute(lr_color_t color)
{
	return pango_attr_foreground_new((guint16) lround(color.red * 65535),
					 (guint16) lround(color.green * 65535),
					 (guint16) lround(color.blue * 65535));
}

char *
lr_report_runs_text(lr_report_context_t *context, const GArray *runs, PangoAttrList *attributes,
		    GArray *links)
{
	GString *text = g_string_new(NULL);

	for (guint i = 0; runs && i < runs->len; i++) {
		const lr_run_t *run = &g_array_index(runs, lr_run_t, i);
		gsize start = text->len;

		switch (run->kind) {
		case LR_RUN_TEXT:
			g_string_append(text, run->text);
			break;
		case LR_RUN_REFERENCE: {
			const char *source = NULL;
			char *value = lr_reference_format(context->report, run->reference,
							  context->language, &source, context->error);
			if (!value) {
				g_string_free(text, TRUE);
				return NULL;
			}
			lr_report_context_cite(context, source);
			g_string_append(text, value);
			g_free(value);
			break;
		}
		case LR_RUN_LINE_BREAK:
			g_string_append(text, "\u2028"); /* LINE SEPARATOR: Pango breaks the line */
			break;
		}
		if (!attributes || text->len == start)
			continue;
		if (run->style & LR_STYLE_BOLD)
			insert_attribute(attributes, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start,
					 text->len);
		if (run->style & LR_STYLE_ITALIC)
			insert_attribute(attributes, pango_attr_style_new(PANGO_STYLE_ITALIC), start,
					 text->len);
		if (run->style & LR_STYLE_CODE)
			insert_attribute(attributes, color_attribute(context->style->muted), start,
					 text->len);
		if (run->link) {
			insert_attribute(attributes, color_attribute(context->style->accent), start,
					 text->len);
			insert_attribute(attributes, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE),
					 start, text->len);
			if (links) {
				lr_link_span_t span = { (int) start, (int) text->len,
							g_strdup(run->link) };
				g_array_append_val(links, span);
			}
		}
	}
	return g_string_free(text, FALSE);
}

static PangoLayout *
new_layout(lr_report_context_t *context, double size, bool bold, double width,
	   PangoAttrList *attributes)
{
	PangoLayout *layout = pango_layout_new(context->pango);
	PangoFontDescription *font = pango_font_description_new();

	pango_font_description_set_family(font, context->style->font_family);
	pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
	pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	/* Vietnamese syllables are words: break at spaces, never with a hyphen. */
	pango_attr_list_insert_before(attributes, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(layout, attributes);
	if (width > 0) {
		pango_layout_set_width(layout, (int) floor(width * PANGO_SCALE));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
	}
	/* Room above each line for stacked marks (Ấ, Ễ, Ặ) clear of the line before. */
	pango_layout_set_line_spacing(layout, (float) context->style->line_spacing);
	return layout;
}

PangoLayout *
lr_report_layout_runs(lr_report_context_t *context, const GArray *runs, double size, bool bold,
		      double width, bool justify)
{
	PangoAttrList *attributes = pango_attr_list_new();
	char *text = lr_report_runs_text(context, runs, attributes, NULL);
	PangoLayout *layout;

	if (!text) {
		pango_attr_list_unref(attributes);
		return NULL;
	}
	layout = new_layout(context, size, bold, width, attributes);
	pango_attr_list_unref(attributes);
	pango_layout_set_justify(layout, justify);
	pango_layout_set_text(layout, text, -1);
	lr_text_forbid_inner_breaks(layout);
	g_free(text);
	return layout;
}

PangoLayout *
lr_report_layout_plain(lr_report_context_t *context, const char *utf8, double size, bool bold,
		       double width, PangoAlignment align)
{
	PangoAttrList *attributes = pango_attr_list_new();
	char *normal = lr_utf8_normalize(utf8 ? utf8 : "", -1, NULL);
	PangoLayout *layout;

	if (!normal) {
		pango_attr_list_unref(attributes);
		lr_error_record_set(context->error, LR_STATUS_INVALID_UTF8, NULL, 0, 0,
				    "text is not valid UTF-8");
		return NULL;
	}
	layout = new_layout(context, size, bold, width, attributes);
	pango_attr_list_unref(attributes);
	pango_layout_set_alignment(layout, align);
	/* Plain text, never markup: "R&D <5%>" is shown as written. */
	pango_layout_set_text(layout, normal, -1);
	lr_text_forbid_inner_breaks(layout);
	g_free(normal);
	return layout;
}

void
lr_report_line_boxes(PangoLayout *layout, GArray *lines)
{
	PangoLayoutIter *iter = pango_layout_get_iter(layout);

	g_array_set_size(lines, 0);
	do {
		int y0, y1;
		lr_line_box_t box;

		pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		box.top = y0 / (double) PANGO_SCALE;
		box.height = (y1 - y0) / (double) PANGO_SCALE;
		box.baseline = pango_layout_iter_get_baseline(iter) / (double) PANGO_SCALE - box.top;
		g_array_append_val(lines, box);
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
}

/* ---- Drawing ---------------------------------------------------------------------------- */

static void
set_color(cairo_t *cr, lr_color_t color)
{
	cairo_set_source_rgb(cr, color.red, color.green, color.blue);
}

/* Link annotations over the glyphs of @links that fall in lines [first, first + count). */
static void
draw_links(cairo_t *cr, PangoLayout *layout, const GArray *links, int first, int count,
	   double x, double y_origin)
{
	PangoLayoutIter *iter;
	int index = 0;

	if (!links || !links->len)
		return;
	iter = pango_layout_get_iter(layout);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
		int y0, y1;

		if (index < first || index >= first + count)
			continue;
		pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		for (guint k = 0; k < links->len; k++) {
			const lr_link_span_t *span = &g_array_index(links, lr_link_span_t, k);
			int *ranges = NULL, n = 0;
			int start = MAX(span->start, line->start_index);
			int end = MIN(span->end, line->start_index + line->length);
			PangoRectangle logical;

			if (start >= end)
				continue;
			pango_layout_iter_get_line_extents(iter, NULL, &logical);
			pango_layout_line_get_x_ranges(line, start, end, &ranges, &n);
			for (int r = 0; r < n; r++) {
				double rx = x + (logical.x + ranges[2 * r]) / (double) PANGO_SCALE;
				double rw = (ranges[2 * r + 1] - ranges[2 * r]) / (double) PANGO_SCALE;
				double ry = y_origin + y0 / (double) PANGO_SCALE;
				double rh = (y1 - y0) / (double) PANGO_SCALE;
				char *escaped = g_strescape(span->target[0] == '#' ? span->target + 1
										    : span->target,
							    NULL);
				char *attributes = g_strdup_printf(
					span->target[0] == '#' ? "dest='%s' rect=[%.2f %.2f %.2f %.2f]"
							       : "uri='%s' rect=[%.2f %.2f %.2f %.2f]",
					escaped, rx, ry, rw, rh);
				cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes);
				cairo_tag_end(cr, CAIRO_TAG_LINK);
				g_free(attributes);
				g_free(escaped);
			}
			g_free(ranges);
		}
	} while (index++, pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
}

/* Draws lines [first, first + count) of @layout with the first one's top at @y. */
static void
draw_lines(cairo_t *cr, PangoLayout *layout, const GArray *lines, int first, int count,
	   double x, double y)
{
	PangoLayoutIter *iter = pango_layout_get_iter(layout);
	double origin = y - g_array_index(lines, lr_line_box_t, first).top;
	int index = 0;

	do {
		PangoLayoutLine *line;
		PangoRectangle logical;

		if (index < first)
			continue;
		if (index >= first + count)
			break;
		line = pango_layout_iter_get_line_readonly(iter);
		pango_layout_iter_get_line_extents(iter, NULL, &logical);
		cairo_move_to(cr, x + logical.x / (double) PANGO_SCALE,
			      origin + pango_layout_iter_get_baseline(iter) / (double) PANGO_SCALE);
		pango_cairo_show_layout_line(cr, line);
	} while (index++, pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
}

static void
draw_whole(cairo_t *cr, PangoLayout *layout, double x, double y)
{
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, layout);
}

static double
layout_height(PangoLayout *layout)
{
	PangoRectangle logical;

	pango_layout_get_extents(layout, NULL, &logical);
	return logical.height / (double) PANGO_SCALE;
}

static double
layout_width(PangoLayout *layout)
{
	PangoRectangle logical;

	pango_layout_get_extents(layout, NULL, &logical);
	return logical.width / (double) PANGO_SCALE;
}

static const lr_heading_entry_t *
heading_entry(const lr_report_layout_t *layout, int index)
{
	if (index < 0 || (guint) index >= layout->headings->len)
		return NULL;
	return &g_array_index(layout->headings, lr_heading_entry_t, index);
}

static void
draw_cover(lr_report_context_t *context, const lr_report_layout_t *layout, cairo_t *cr)
{
	const lr_report_t *report = context->report;
	const lr_report_style_t *style = &layout->style;
	double left = layout->margin_left + 18, width = layout->page_width - left -
							 layout->margin_right;
	double h = layout->page_height;
	PangoLayout *text;
	double y;

	/* A band down the left edge and a rule: the theme's colour, sparing toner in print. */
	set_color(cr, style->accent);
	cairo_rectangle(cr, 0, 0, layout->margin_left * 0.42, h);
	cairo_fill(cr);
	cairo_tag_begin(cr, "P", NULL);
	if (report->author) {
		text = lr_report_layout_plain(context, report->author, style->body_size, true, width,
					      PANGO_ALIGN_LEFT);
		if (text) {
			set_color(cr, style->muted);
			draw_whole(cr, text, left, h * 0.1);
			g_object_unref(text);
		}
	}
	cairo_tag_end(cr, "P");
	set_color(cr, style->accent);
	cairo_rectangle(cr, left, h * 0.1 + style->body_size * 2.4, width * 0.3, 3);
	cairo_fill(cr);
	y = h * 0.3;
	text = lr_report_layout_plain(context, report->title ? report->title : "", style->title_size,
				      true, width, PANGO_ALIGN_LEFT);
	if (text) {
		pango_layout_set_line_spacing(text, 1.25);
		cairo_tag_begin(cr, "H1", NULL);
		set_color(cr, style->text);
		draw_whole(cr, text, left, y);
		cairo_tag_end(cr, "H1");
		y += layout_height(text) + style->body_size * 1.2;
		g_object_unref(text);
	}
	if (report->subtitle) {
		text = lr_report_layout_plain(context, report->subtitle, style->h2_size * 1.15, false,
					      width, PANGO_ALIGN_LEFT);
		if (text) {
			cairo_tag_begin(cr, "P", NULL);
			set_color(cr, style->muted);
			draw_whole(cr, text, left, y);
			cairo_tag_end(cr, "P");
			g_object_unref(text);
		}
	}
	if (report->date) {
		text = lr_report_layout_plain(context, report->date, style->h3_size, false, width,
					      PANGO_ALIGN_LEFT);
		if (text) {
			cairo_tag_begin(cr, "P", NULL);
			set_color(cr, style->text);
			draw_whole(cr, text, left, h * 0.86);
			cairo_tag_end(cr, "P");
			g_object_unref(text);
		}
	}
}

/* Running header (the title, the section) and footer ("Trang 3/12") of every page but the
 * cover. */
static void
draw_running(lr_report_context_t *context, const lr_report_layout_t *layout,
	     const lr_page_plan_t *page, int index, cairo_t *cr)
{
	const lr_report_t *report = context->report;
	const lr_report_style_t *style = &layout->style;
	double left = layout->margin_left;
	double width = layout->page_width - layout->margin_left - layout->margin_right;
	double header_y = layout->margin_top - style->small_size * 3.4;
	double footer_y = layout->page_height - layout->margin_bottom + style->small_size * 2.2;
	const lr_heading_entry_t *section = heading_entry(layout, page->section);
	PangoLayout *text;
	char *words;

	set_color(cr, style->muted);
	text = lr_report_layout_plain(context, report->title ? report->title : "", style->small_size,
				      false, width * 0.55, PANGO_ALIGN_LEFT);
	if (text) {
		pango_layout_set_ellipsize(text, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(text, -1);
		draw_whole(cr, text, left, header_y);
		g_object_unref(text);
	}
	if (section) {
		text = lr_report_layout_plain(context, section->text, style->small_size, true,
					      width * 0.43, PANGO_ALIGN_RIGHT);
		if (text) {
			pango_layout_set_ellipsize(text, PANGO_ELLIPSIZE_END);
			pango_layout_set_height(text, -1);
			draw_whole(cr, text, left + width * 0.57, header_y);
			g_object_unref(text);
		}
	}
	set_color(cr, style->rule);
	cairo_rectangle(cr, left, header_y + style->small_size * 1.9, width, 0.6);
	cairo_fill(cr);

	/* The format is ours (report-words.c), not the user's. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	words = g_strdup_printf(lr_report_word(layout->language, LR_RWORD_PAGE_OF), index + 1,
				(int) layout->pages->len);
#pragma GCC diagnostic pop
	text = lr_report_layout_plain(context, words, style->small_size, false, width,
				      PANGO_ALIGN_RIGHT);
	g_free(words);
	if (text) {
		set_color(cr, style->muted);
		draw_whole(cr, text, left, footer_y);
		g_object_unref(text);
	}
}

static void
draw_text(lr_report_context_t *context, const lr_report_layout_t *layout,
	  const lr_placed_t *placed, cairo_t *cr)
{
	const lr_measured_t *m = placed->measured;
	const lr_block_t *block = m->block;
	const char *tag = "P";
	double x = placed->x; /* already indented by the paginator */

	if (block && block->kind == LR_BLOCK_LIST_ITEM) {
		cairo_tag_begin(cr, "L", NULL);
		cairo_tag_begin(cr, "LI", NULL);
		if (placed->first == 0 && m->marker) {
			const lr_line_box_t *line = &g_array_index(m->lines, lr_line_box_t, 0);
			double marker_x = x - layout_width(m->marker) - layout->style.body_size * 0.5;
			cairo_tag_begin(cr, "Lbl", NULL);
			set_color(cr, layout->style.accent);
			cairo_move_to(cr, marker_x,
				      placed->y + line->baseline);
			pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(m->marker, 0));
			cairo_tag_end(cr, "Lbl");
		}
		tag = "LBody";
	} else if (block && block->kind == LR_BLOCK_QUOTE) {
		set_color(cr, layout->style.rule);
		cairo_rectangle(cr, placed->x - m->indent, placed->y, 2.5, placed->height);
		cairo_fill(cr);
		tag = "BlockQuote";
	}
	cairo_tag_begin(cr, tag, NULL);
	set_color(cr, m->color);
	draw_lines(cr, m->text, m->lines, placed->first, placed->count, x, placed->y);
	cairo_tag_end(cr, tag);
	draw_links(cr, m->text, m->links, placed->first, placed->count, x,
		   placed->y - g_array_index(m->lines, lr_line_box_t, placed->first).top);
	if (block && block->kind == LR_BLOCK_LIST_ITEM) {
		cairo_tag_end(cr, "LI");
		cairo_tag_end(cr, "L");
	}
	(void) context;
}

static void
draw_heading(const lr_report_layout_t *layout, const lr_placed_t *placed, cairo_t *cr)
{
	const lr_measured_t *m = placed->measured;
	const lr_heading_entry_t *entry = heading_entry(layout, m->heading);
	int level = m->block ? m->block->level : 1;
	const char *tag = level == 1 ? "H1" : level == 2 ? "H2" : "H3";

	if (entry) {
		char *name = g_strdup_printf("name='%s'", entry->anchor);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, name);
		g_free(name);
	}
	cairo_tag_begin(cr, tag, NULL);
	set_color(cr, m->color);
	draw_lines(cr, m->text, m->lines, 0, (int) m->lines->len, placed->x, placed->y);
	cairo_tag_end(cr, tag);
	if (entry)
		cairo_tag_end(cr, CAIRO_TAG_DEST);
	if (level == 1) { /* a short rule under a section title */
		set_color(cr, layout->style.accent);
		cairo_rectangle(cr, placed->x, placed->y + placed->height + layout->style.body_size * 0.45,
				layout->style.body_size * 4, 2);
		cairo_fill(cr);
	}
}

/* "1.2. Kinh tế số ........ 7": the title, dot leaders, the page number, one link. */
static void
draw_contents_entry(lr_report_context_t *context, const lr_report_layout_t *layout,
		    const lr_placed_t *placed, cairo_t *cr)
{
	const lr_measured_t *m = placed->measured;
	const lr_heading_entry_t *entry = heading_entry(layout, placed->target);
	const lr_report_style_t *style = &layout->style;
	int last = (int) m->lines->len - 1;
	const lr_line_box_t *line = &g_array_index(m->lines, lr_line_box_t, last);
	double x = placed->x + m->indent;
	double right = placed->x + placed->width;
	double baseline = placed->y + line->top - g_array_index(m->lines, lr_line_box_t, 0).top +
			  line->baseline;
	char *number, *link;
	PangoLayout *digits;
	PangoRectangle logical;
	double text_end, number_x;

	if (!entry)
		return;
	number = g_strdup_printf("%d", entry->page + 1);
	digits = lr_report_layout_plain(context, number, style->body_size, entry->level == 1, -1,
					PANGO_ALIGN_LEFT);
	g_free(number);
	if (!digits)
		return;
	link = g_strdup_printf("dest='%s'", entry->anchor);
	cairo_tag_begin(cr, "TOCI", NULL);
	cairo_tag_begin(cr, CAIRO_TAG_LINK, link);
	g_free(link);
	set_color(cr, style->text);
	draw_lines(cr, m->text, m->lines, 0, (int) m->lines->len, x, placed->y);
	pango_layout_line_get_extents(pango_layout_get_line_readonly(m->text, last), NULL, &logical);
	text_end = x + (logical.x + logical.width) / (double) PANGO_SCALE;
	number_x = right - layout_width(digits);
	cairo_move_to(cr, number_x, baseline);
	pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(digits, 0));
	cairo_tag_end(cr, CAIRO_TAG_LINK);
	cairo_tag_end(cr, "TOCI");
	/* Dot leaders: drawn dots, not text, so copied text reads "Kinh tế số 7". */
	set_color(cr, style->muted);
	for (double dot = ceil((text_end + style->body_size * 0.6) / 4.5) * 4.5;
	     dot < number_x - style->body_size * 0.5; dot += 4.5) {
		cairo_arc(cr, dot, baseline - 0.6, 0.55, 0, 2 * G_PI);
		cairo_new_sub_path(cr);
	}
	cairo_fill(cr);
	g_object_unref(digits);
}

static lr_status_t
draw_figure(const lr_report_layout_t *layout, const lr_placed_t *placed, cairo_t *cr,
	    lr_error_record_t *error)
{
	const lr_measured_t *m = placed->measured;
	lr_rect_t rect = { placed->x, placed->y, placed->width, m->chart_height };
	lr_status_t status;

	cairo_tag_begin(cr, "Figure", NULL);
	cairo_new_path(cr);
	status = lr_chart_draw(m->block->chart, cr, &rect);
	cairo_tag_end(cr, "Figure");
	if (status != LR_STATUS_SUCCESS) {
		const lr_error_t *chart_error = lr_chart_get_error(m->block->chart);
		return lr_error_record_set(error, status, m->block->file, m->block->line, 1,
					   "figure %d could not be drawn: %s", m->number,
					   chart_error ? chart_error->message
						       : lr_status_to_string(status));
	}
	cairo_tag_begin(cr, "Caption", NULL);
	set_color(cr, layout->style.muted);
	draw_whole(cr, m->caption, placed->x,
		   placed->y + m->chart_height + layout->style.body_size * 0.5);
	cairo_tag_end(cr, "Caption");
	return LR_STATUS_SUCCESS;
}

static void
draw_source(const lr_report_layout_t *layout, const lr_placed_t *placed, cairo_t *cr)
{
	const lr_measured_t *m = placed->measured;
	const lr_line_box_t *line = &g_array_index(m->lines, lr_line_box_t, 0);

	cairo_tag_begin(cr, "P", NULL);
	set_color(cr, layout->style.accent);
	cairo_move_to(cr, placed->x, placed->y + line->baseline);
	pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(m->marker, 0));
	set_color(cr, m->color);
	draw_lines(cr, m->text, m->lines, 0, (int) m->lines->len, placed->x + m->indent, placed->y);
	cairo_tag_end(cr, "P");
}

lr_status_t
lr_report_page_draw(const lr_report_t *report, const lr_report_layout_t *layout, int index,
		    cairo_t *cr, lr_error_record_t *error)
{
	const lr_page_plan_t *page = g_ptr_array_index(layout->pages, index);
	lr_status_t status = LR_STATUS_SUCCESS;
	PangoContext *pango = lr_fonts_get_context(&status);
	lr_report_context_t context = {
		.report = report,
		.language = layout->language,
		.pango = pango,
		.style = &layout->style,
		.error = error,
	};

	if (!pango)
		return lr_error_record_set(error, status, NULL, 0, 0, "%s", lr_fonts_get_error());
	/* report.c lays the report out again in a thread other than the one that made the plan. */
	g_assert(pango == layout->pango);
	set_color(cr, layout->style.background);
	cairo_paint(cr);
	if (index > 0)
		draw_running(&context, layout, page, index, cr);
	for (guint i = 0; i < page->placed->len && status == LR_STATUS_SUCCESS; i++) {
		const lr_placed_t *placed = &g_array_index(page->placed, lr_placed_t, i);
		bool entry = placed->kind == LR_PLACED_CONTENTS_ENTRY;
		bool first_entry = entry && (i == 0 || g_array_index(page->placed, lr_placed_t,
								      i - 1).kind != LR_PLACED_CONTENTS_ENTRY);
		bool last_entry = entry && (i + 1 == page->placed->len ||
					    g_array_index(page->placed, lr_placed_t, i + 1).kind !=
						    LR_PLACED_CONTENTS_ENTRY);

		/* The contents entries of a page are one TOC of TOCI > Link items. */
		if (first_entry)
			cairo_tag_begin(cr, "TOC", NULL);
		cairo_save(cr);
		switch (placed->kind) {
		case LR_PLACED_COVER:
			draw_cover(&context, layout, cr);
			break;
		case LR_PLACED_CONTENTS_TITLE:
		case LR_PLACED_HEADING:
			draw_heading(layout, placed, cr);
			break;
		case LR_PLACED_CONTENTS_ENTRY:
			draw_contents_entry(&context, layout, placed, cr);
			break;
		case LR_PLACED_TEXT:
			draw_text(&context, layout, placed, cr);
			break;
		case LR_PLACED_FIGURE:
			status = draw_figure(layout, placed, cr, error);
			break;
		case LR_PLACED_CARDS:
			cairo_tag_begin(cr, "Div", NULL);
			lr_cards_layout_draw(placed->measured->cards, cr, placed->x, placed->y);
			cairo_tag_end(cr, "Div");
			break;
		case LR_PLACED_TABLE:
			lr_table_layout_draw(placed->measured->table, cr, placed->x, placed->y,
					     placed->caption, placed->first, placed->count,
					     placed->footer);
			break;
		case LR_PLACED_SOURCE:
			draw_source(layout, placed, cr);
			break;
		}
		cairo_restore(cr);
		if (last_entry)
			cairo_tag_end(cr, "TOC");
	}
	if (status == LR_STATUS_SUCCESS && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		status = lr_error_record_set(error, LR_STATUS_CAIRO_ERROR, NULL, 0, 0,
					     "drawing page %d failed: %s", index + 1,
					     cairo_status_to_string(cairo_status(cr)));
	return status;
}
