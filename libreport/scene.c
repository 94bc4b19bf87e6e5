/* libreport: the scene (see scene-private.h): building, drawing and describing the flat list
 * of positioned items a chart is laid out into.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "common-private.h"
#include "scene-private.h"

static void
item_free(gpointer data)
{
	lr_item_t *item = data;

	lr_text_clear(&item->text);
	g_free(item->string);
	if (item->points)
		g_array_unref(item->points);
	g_free(item);
}

void
lr_scene_init(lr_scene_t *scene, PangoContext *context, const lr_theme_t *theme, double width,
	      double height)
{
	memset(scene, 0, sizeof *scene);
	scene->width = width;
	scene->height = height;
	scene->items = g_ptr_array_new_with_free_func(item_free);
	scene->context = context;
	scene->theme = theme;
	scene->font_size = lr_theme_font_size(theme, width, height);
}

void
lr_scene_clear(lr_scene_t *scene)
{
	if (scene->items)
		g_ptr_array_unref(scene->items);
	memset(scene, 0, sizeof *scene);
}

static lr_item_t *
add_item(lr_scene_t *scene, lr_item_kind_t kind, const char *role)
{
	lr_item_t *item = g_new0(lr_item_t, 1);

	item->kind = kind;
	item->role = role;
	g_ptr_array_add(scene->items, item);
	return item;
}

lr_item_t *
lr_scene_add_text(lr_scene_t *scene, const char *role, lr_text_t *layout, double x, double y,
		  lr_color_t color)
{
	lr_item_t *item = add_item(scene, LR_ITEM_TEXT, role);

	item->text = *layout;
	memset(layout, 0, sizeof *layout);
	item->x = x;
	item->y = y;
	item->width = item->text.width;
	item->height = item->text.height;
	item->fill = color;
	item->has_fill = true;
	item->string = g_strdup(item->text.layout ? pango_layout_get_text(item->text.layout) : "");
	return item;
}

lr_item_t *
lr_scene_add_text_rotated(lr_scene_t *scene, const char *role, lr_text_t *layout, double x,
			  double y, lr_color_t color)
{
	lr_item_t *item = lr_scene_add_text(scene, role, layout, x, y, color);

	item->rotated = true;
	item->width = item->text.height;
	item->height = item->text.width;
	return item;
}

double
lr_scene_angled_extent(double width, double height)
{
	return (width + height) * G_SQRT2 / 2;
}

double
lr_scene_angled_reach(double width, double height)
{
	return (width + height / 2) * G_SQRT2 / 2;
}

lr_item_t *
lr_scene_add_text_angled(lr_scene_t *scene, const char *role, lr_text_t *layout, double x_end,
			 double y_top, lr_color_t color)
{
	double width = layout->width, height = layout->height;
	lr_item_t *item = lr_scene_add_text(scene, role, layout, 0, y_top, color);

	item->angled = true;
	item->x = x_end - lr_scene_angled_reach(width, height);
	item->width = item->height = lr_scene_angled_extent(width, height);
	return item;
}

lr_item_t *
lr_scene_add_rect(lr_scene_t *scene, const char *role, double x, double y, double width,
		  double height, lr_color_t fill)
{
	lr_item_t *item = add_item(scene, LR_ITEM_RECT, role);

	/* Normalise so width and height are never negative (bars below zero). */
	if (width < 0) {
		x += width;
		width = -width;
	}
	if (height < 0) {
		y += height;
		height = -height;
	}
	item->x = x;
	item->y = y;
	item->width = width;
	item->height = height;
	item->fill = fill;
	item->has_fill = true;
	return item;
}

lr_item_t *
lr_scene_add_line(lr_scene_t *scene, const char *role, double x0, double y0, double x1,
		  double y1, lr_color_t color, double line_width)
{
	lr_item_t *item = add_item(scene, LR_ITEM_LINE, role);

	item->points = g_array_new(FALSE, FALSE, sizeof(double));
	item->stroke = color;
	item->line_width = line_width;
	lr_scene_line_to(item, x0, y0);
	lr_scene_line_to(item, x1, y1);
	return item;
}

void
lr_scene_line_to(lr_item_t *line, double x, double y)
{
	double *points;
	double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

	g_array_append_val(line->points, x);
	g_array_append_val(line->points, y);
	/* Keep the bounding box current, for dumps. */
	points = (double *) (void *) line->points->data;
	for (guint i = 0; i + 1 < line->points->len; i += 2) {
		x0 = MIN(x0, points[i]);
		x1 = MAX(x1, points[i]);
		y0 = MIN(y0, points[i + 1]);
		y1 = MAX(y1, points[i + 1]);
	}
	line->x = x0;
	line->y = y0;
	line->width = x1 - x0;
	line->height = y1 - y0;
}

lr_item_t *
lr_scene_add_circle(lr_scene_t *scene, const char *role, double x, double y, double radius,
		    lr_color_t fill)
{
	lr_item_t *item = add_item(scene, LR_ITEM_CIRCLE, role);

	item->x = x;
	item->y = y;
	item->width = 2 * radius;
	item->height = 2 * radius;
	item->fill = fill;
	item->has_fill = true;
	return item;
}

void
lr_item_set_style(lr_item_t *item, const lr_item_style_t *style)
{
	item->fill = style->fill;
	item->has_fill = style->has_fill;
	item->stroke = style->stroke;
	item->line_width = style->line_width;
	item->dash = style->dash;
	item->hatch = style->hatch;
}

void
lr_item_set_outline(lr_item_t *item, lr_color_t color, double line_width, lr_dash_t dash)
{
	item->stroke = color;
	item->line_width = line_width;
	item->dash = dash;
}

lr_scene_mark_t
lr_scene_mark(const lr_scene_t *scene)
{
	return scene->items->len;
}

void
lr_scene_rollback(lr_scene_t *scene, lr_scene_mark_t mark)
{
	if (mark < scene->items->len)
		g_ptr_array_set_size(scene->items, (gint) mark);
}

lr_status_t
lr_scene_measure(lr_scene_t *scene, const char *utf8, double size_factor, bool bold,
		 double max_width, int max_lines, PangoAlignment align, lr_text_t *text)
{
	lr_text_style_t style = {
		.family = scene->theme->font_family,
		/* Never below the legibility floor, whatever the canvas or the theme. */
		.size = MAX(scene->font_size * size_factor, LR_CHART_TEXT_SIZE_MIN),
		.bold = bold,
		.max_width = max_width,
		.max_lines = max_lines,
		.align = align,
	};
	return lr_text_layout(scene->context, utf8, &style, text);
}

static void
set_color(cairo_t *cr, lr_color_t color)
{
	cairo_set_source_rgb(cr, color.red, color.green, color.blue);
}

static void
set_dash(cairo_t *cr, lr_dash_t dash, double line_width)
{
	double dashes[2];

	switch (dash) {
	case LR_DASH_DASHED:
		dashes[0] = 4 * line_width;
		dashes[1] = 3 * line_width;
		cairo_set_dash(cr, dashes, 2, 0);
		break;
	case LR_DASH_DOTTED:
		dashes[0] = 0;
		dashes[1] = 2.5 * line_width;
		cairo_set_dash(cr, dashes, 2, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		break;
	case LR_DASH_NONE:
	default:
		cairo_set_dash(cr, NULL, 0, 0);
		break;
	}
}

static void
draw_hatch(cairo_t *cr, const lr_item_t *item, double spacing)
{
	cairo_save(cr);
	cairo_rectangle(cr, item->x, item->y, item->width, item->height);
	cairo_clip(cr);
	for (double d = -item->height; d < item->width; d += spacing) {
		cairo_move_to(cr, item->x + d, item->y + item->height);
		cairo_line_to(cr, item->x + d + item->height, item->y);
	}
	set_color(cr, item->stroke);
	cairo_set_line_width(cr, spacing / 4);
	cairo_stroke(cr);
	cairo_restore(cr);
}

void
lr_scene_draw(const lr_scene_t *scene, cairo_t *cr)
{
	for (guint i = 0; i < scene->items->len; i++) {
		const lr_item_t *item = g_ptr_array_index(scene->items, i);
		const double *points;

		cairo_save(cr);
		/* The path is not part of the saved state: a text item leaves its current point,
		 * from which a marker's arc would draw a stray line. */
		cairo_new_path(cr);
		switch (item->kind) {
		case LR_ITEM_TEXT:
			set_color(cr, item->fill);
			if (item->rotated) {
				/* The text's box, turned about its bottom-left corner. */
				cairo_translate(cr, item->x, item->y + item->height);
				cairo_rotate(cr, -G_PI / 2);
				lr_text_draw(cr, &item->text, 0, 0);
			} else if (item->angled) {
				/* About the middle of the text's end (see lr_scene_add_text_angled). */
				double w = item->text.width, h = item->text.height;
				cairo_translate(cr, item->x + lr_scene_angled_reach(w, h),
						item->y + h * G_SQRT2 / 4);
				cairo_rotate(cr, -G_PI / 4);
				lr_text_draw(cr, &item->text, -w, -h / 2);
			} else {
				lr_text_draw(cr, &item->text, item->x, item->y);
			}
			break;
		case LR_ITEM_RECT:
			cairo_rectangle(cr, item->x, item->y, item->width, item->height);
			if (item->has_fill) {
				set_color(cr, item->fill);
				cairo_fill_preserve(cr);
			}
			cairo_new_path(cr);
			if (item->hatch)
				draw_hatch(cr, item, scene->font_size * 0.45);
			if (item->line_width > 0) {
				double inset = item->line_width / 2;
				cairo_rectangle(cr, item->x + inset, item->y + inset,
						MAX(0, item->width - item->line_width),
						MAX(0, item->height - item->line_width));
				set_color(cr, item->stroke);
				cairo_set_line_width(cr, item->line_width);
				set_dash(cr, item->dash, item->line_width);
				cairo_stroke(cr);
			}
			break;
		case LR_ITEM_LINE:
			points = (const double *) (const void *) item->points->data;
			cairo_move_to(cr, points[0], points[1]);
			for (guint p = 2; p + 1 < item->points->len; p += 2)
				cairo_line_to(cr, points[p], points[p + 1]);
			set_color(cr, item->stroke);
			cairo_set_line_width(cr, item->line_width);
			cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
			set_dash(cr, item->dash, item->line_width);
			cairo_stroke(cr);
			break;
		case LR_ITEM_CIRCLE:
			cairo_arc(cr, item->x, item->y, item->width / 2, 0, 2 * G_PI);
			if (item->has_fill) {
				set_color(cr, item->fill);
				cairo_fill_preserve(cr);
			}
			if (item->line_width > 0) {
				set_color(cr, item->stroke);
				cairo_set_line_width(cr, item->line_width);
				cairo_stroke_preserve(cr);
			}
			cairo_new_path(cr);
			break;
		}
		cairo_restore(cr);
	}
}

static void
append_color(GString *out, const char *name, lr_color_t color)
{
	g_string_append_printf(out, " %s=#%02X%02X%02X", name,
			       (unsigned) lround(CLAMP(color.red, 0, 1) * 255),
			       (unsigned) lround(CLAMP(color.green, 0, 1) * 255),
			       (unsigned) lround(CLAMP(color.blue, 0, 1) * 255));
}

/* The paint of an item, as lr_scene_describe() writes it. */
static void
append_paint(GString *out, const lr_item_t *item)
{
	char width[G_ASCII_DTOSTR_BUF_SIZE];

	if (item->has_fill)
		append_color(out, "fill", item->fill);
	if (item->line_width > 0 || item->kind == LR_ITEM_LINE) {
		append_color(out, "stroke", item->stroke);
		g_ascii_formatd(width, sizeof width, "%.2f", round(item->line_width * 100) / 100 + 0.0);
		g_string_append_printf(out, " width=%s", width);
	}
}

char *
lr_scene_describe(const lr_scene_t *scene)
{
	GString *out = g_string_new(NULL);
	char numbers[4][G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append_printf(out, "canvas %g %g\n", scene->width, scene->height);
	for (guint i = 0; i < scene->items->len; i++) {
		const lr_item_t *item = g_ptr_array_index(scene->items, i);
		double values[4] = { item->x, item->y, item->width, item->height };

		/* Rounded to 0.1 and written locale-independently, so goldens are stable. */
		for (int v = 0; v < 4; v++)
			g_ascii_formatd(numbers[v], sizeof numbers[v], "%.1f",
					round(values[v] * 10) / 10 + 0.0);
		g_string_append_printf(out, "%s %s %s %s %s", item->role, numbers[0], numbers[1],
				       numbers[2], numbers[3]);
		if (item->kind == LR_ITEM_TEXT) {
			/* One item a line: a line break in the text is written \n. */
			g_string_append(out, " \"");
			for (const char *p = item->string; *p; p++) {
				if (*p == '\n')
					g_string_append(out, "\\n");
				else if (*p == '\\')
					g_string_append(out, "\\\\");
				else
					g_string_append_c(out, *p);
			}
			g_string_append_printf(out, "\"%s%s", item->text.ellipsized ? " ellipsized" : "",
					       item->rotated ? " rotated" : "");
		}
		if (item->kind == LR_ITEM_TEXT && item->angled) {
			char along[G_ASCII_DTOSTR_BUF_SIZE], across[G_ASCII_DTOSTR_BUF_SIZE];
			g_ascii_formatd(along, sizeof along, "%.1f", round(item->text.width * 10) / 10 + 0.0);
			g_ascii_formatd(across, sizeof across, "%.1f", round(item->text.height * 10) / 10 + 0.0);
			g_string_append_printf(out, " angle=45 along=%s across=%s", along, across);
		}
		if (item->dash == LR_DASH_DASHED)
			g_string_append(out, " dashed");
		if (item->hatch)
			g_string_append(out, " hatched");
		append_paint(out, item);
		g_string_append_c(out, '\n');
	}
	return g_string_free(out, FALSE);
}

bool
lr_boxes_overlap(double ax, double ay, double aw, double ah, double bx, double by, double bw,
		 double bh, double slack)
{
	return ax + aw > bx + slack && bx + bw > ax + slack && ay + ah > by + slack &&
	       by + bh > ay + slack;
}

bool
lr_scene_text_collides(const lr_scene_t *scene, double x, double y, double width, double height)
{
	for (guint i = 0; i < scene->items->len; i++) {
		const lr_item_t *item = g_ptr_array_index(scene->items, i);
		if (item->kind == LR_ITEM_TEXT &&
		    lr_boxes_overlap(x, y, width, height, item->x, item->y, item->width,
				     item->height, 0.01))
			return true;
	}
	return false;
}
