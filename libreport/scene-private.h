/* libreport (private): the scene, a chart laid out for one canvas size.
 *
 * Layout code (chart-bar.c, chart-rank.c and chart-frame.c) turns a chart
 * specification into a flat list of items with absolute positions; drawing, the text dump
 * used by layout goldens, and overlap checks all read the same list. So what the tests check
 * is exactly what gets drawn.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_SCENE_PRIVATE_H
#define LR_SCENE_PRIVATE_H

#include <stdbool.h>
#include <cairo.h>
#include "text-private.h"
#include "theme-private.h"

typedef enum {
	LR_ITEM_TEXT,   /* a laid-out string; x, y, width, height is its box */
	LR_ITEM_RECT,   /* a filled (and optionally outlined) rectangle */
	LR_ITEM_LINE,   /* a polyline through points */
	LR_ITEM_CIRCLE  /* a marker: centre x, y and radius width/2 */
} lr_item_kind_t;

typedef enum {
	LR_DASH_NONE = 0,
	LR_DASH_DASHED,
	LR_DASH_DOTTED
} lr_dash_t;

typedef struct {
	lr_item_kind_t kind;
	const char *role;       /* static: "title", "bar", "tick-label", "end-label" … */
	double x, y, width, height;
	lr_color_t fill;
	bool has_fill;
	lr_color_t stroke;
	double line_width;      /* 0: no outline */
	lr_dash_t dash;
	bool hatch;             /* diagonal hatching over the fill (print estimates) */
	lr_text_t text;         /* LR_ITEM_TEXT */
	bool rotated;           /* LR_ITEM_TEXT: turned a quarter left, read upwards; the box is
				 * the turned text's (width = line height) */
	bool angled;            /* LR_ITEM_TEXT: turned an eighth left (45°), read rising to the
				 * right; the box is the turned text's bounding box, its corners
				 * touch each side (text.width along, text.height across) */
	char *string;           /* LR_ITEM_TEXT: the NFC text, for dumps and tests */
	GArray *points;         /* LR_ITEM_LINE: double pairs x, y */
} lr_item_t;

/* How a shape is painted; lr_item_set_style() applies one to an item. */
typedef struct {
	lr_color_t fill;
	bool has_fill;
	lr_color_t stroke;
	double line_width;      /* 0: no outline */
	lr_dash_t dash;
	bool hatch;
} lr_item_style_t;

typedef struct {
	double width, height;   /* the canvas */
	GPtrArray *items;       /* lr_item_t *, in drawing order */
	PangoContext *context;  /* the thread's text context (not owned) */
	const lr_theme_t *theme;
	double font_size;       /* body text size for this canvas */
} lr_scene_t;

void lr_scene_init(lr_scene_t *scene, PangoContext *context, const lr_theme_t *theme,
		   double width, double height);
void lr_scene_clear(lr_scene_t *scene);

/* Adds a text item at (x, y) = top-left of its box; @layout is taken over (cleared). */
lr_item_t *lr_scene_add_text(lr_scene_t *scene, const char *role, lr_text_t *layout,
			     double x, double y, lr_color_t color);
/* The same, turned a quarter left (read bottom to top): the box at (x, y) is
 * @layout->height wide and @layout->width tall, the text's end at its top. */
lr_item_t *lr_scene_add_text_rotated(lr_scene_t *scene, const char *role, lr_text_t *layout,
				     double x, double y, lr_color_t color);
/* The same, turned 45° left (read rising to the right): the middle of the text's end at
 * (@x_end, @y_top + text height × √½ / 2), so that the turned box's top corner is at
 * @y_top and the text hangs down to the left of @x_end. The item's box is the bounding box:
 * (text.width + text.height) × √½ square; lr_scene_angled_extent() gives its side. */
lr_item_t *lr_scene_add_text_angled(lr_scene_t *scene, const char *role, lr_text_t *layout,
				    double x_end, double y_top, lr_color_t color);
/* The side of the bounding box of a text @width long and @height thick, turned 45°; how far
 * it reaches left of its end's middle. */
double lr_scene_angled_extent(double width, double height);
double lr_scene_angled_reach(double width, double height);
lr_item_t *lr_scene_add_rect(lr_scene_t *scene, const char *role, double x, double y,
			     double width, double height, lr_color_t fill);
lr_item_t *lr_scene_add_line(lr_scene_t *scene, const char *role, double x0, double y0,
			     double x1, double y1, lr_color_t color, double line_width);
void lr_scene_line_to(lr_item_t *line, double x, double y);
/* The add functions return the item added (owned by the scene), to be styled or measured. */
lr_item_t *lr_scene_add_circle(lr_scene_t *scene, const char *role, double x, double y,
			       double radius, lr_color_t fill);

/* Paints @item with @style (fill, outline, dash, hatching). */
void lr_item_set_style(lr_item_t *item, const lr_item_style_t *style);
/* An outline of @color and @line_width, dashed as @dash, keeping the item's fill. */
void lr_item_set_outline(lr_item_t *item, lr_color_t color, double line_width, lr_dash_t dash);

/* A mark of the scene's current end, and the rollback to it: the items added since are
 * dropped (a layout that tries one arrangement, then another). */
typedef guint lr_scene_mark_t;
lr_scene_mark_t lr_scene_mark(const lr_scene_t *scene);
void lr_scene_rollback(lr_scene_t *scene, lr_scene_mark_t mark);

/* Measures text in the scene's font: @size_factor times the body size, but never less than
 * LR_CHART_TEXT_SIZE_MIN (on a small canvas, small text stays legible and layouts make room or fail). */
lr_status_t lr_scene_measure(lr_scene_t *scene, const char *utf8, double size_factor, bool bold,
			     double max_width, int max_lines, PangoAlignment align,
			     lr_text_t *text);

/* Draws every item, in order, onto @cr (already translated to the canvas origin). */
void lr_scene_draw(const lr_scene_t *scene, cairo_t *cr);

/* One line per item: role, geometry rounded to 0.1, for text its string (and "rotated" for
 * turned text; "angle=45 along=L across=T" for text turned 45°, L and T its own length
 * and thickness, the box its bounding box), "dashed",
 * "hatched", then its paint: "fill=#RRGGBB" when filled, "stroke=#RRGGBB width=W" when
 * stroked (W rounded to 0.01). So a colour or line-width change fails a layout golden. */
char *lr_scene_describe(const lr_scene_t *scene);

/* True when boxes @a and @b overlap by more than @slack in both directions. */
bool lr_boxes_overlap(double ax, double ay, double aw, double ah, double bx, double by,
		      double bw, double bh, double slack);

/* True when a text box would overlap a text item already in the scene. */
bool lr_scene_text_collides(const lr_scene_t *scene, double x, double y, double width,
			    double height);

#endif
