/* libreport (private): a block measured at the column width, shared by the paginator
 * (report-layout.c) and the page painter (report-page.c).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_REPORT_MEASURE_PRIVATE_H
#define LR_REPORT_MEASURE_PRIVATE_H

#include "report-private.h"

/* One line of a text layout: its top and height within the layout, in points. */
typedef struct {
	double top, height, baseline;
} lr_line_box_t;

struct lr_measured {
	const lr_block_t *block;      /* NULL for generated content */
	lr_placed_kind_t kind;
	/* text: headings, paragraphs, list items, quotes, contents entries, sources */
	PangoLayout *text;
	GArray *lines;                /* lr_line_box_t */
	PangoLayout *marker;          /* list item marker, contents page number */
	double indent;                /* text's x offset in the column */
	double space_before, space_after;
	lr_color_t color;
	/* the heading's index in layout->headings, or -1 */
	int heading;
	/* atomic blocks: figure (chart + caption), cards */
	double height;
	double chart_height;
	PangoLayout *caption;
	int number;                   /* figure or table number */
	lr_table_layout_t *table;
	lr_cards_layout_t *cards;
	/* link runs of the text: byte ranges and targets */
	GArray *links;                /* lr_link_span_t */
};

typedef struct {
	int start, end;               /* byte offsets in the layout's text */
	char *target;                 /* a URL, or "#anchor" */
} lr_link_span_t;

/* Builds the text of @runs (references formatted) with its Pango attributes; @links receives
 * link spans when not NULL. (report-page.c) */
char *lr_report_runs_text(lr_report_context_t *context, const GArray *runs,
			  PangoAttrList *attributes, GArray *links);

/* Fills @lines from @layout. */
void lr_report_line_boxes(PangoLayout *layout, GArray *lines);

/* Heights of lines [first, first + count) of @measured. */
double lr_measured_lines_height(const lr_measured_t *measured, int first, int count);

void lr_measured_free(lr_measured_t *measured);

#endif
