/* libreport: the frame (see chart-frame-private.h). Top down: background, title, subtitle,
 * legend rows; bottom up: the source line last, notes above it; the plot gets what is left.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "chart-frame-private.h"
#include "chart-words-private.h"

/* "Nguồn: …", or NULL when no source is known: a source line of "—" says nothing. */
static char *
source_line(const lr_chart_t *chart, const lr_table_t *table)
{
	GString *line;

	if (table->sources->len == 0)
		return NULL;
	line = g_string_new(NULL);
	g_string_append_printf(line, "%s: ", lr_word(chart->language, LR_WORD_SOURCE));
	for (guint i = 0; i < table->sources->len; i++)
		g_string_append_printf(line, "%s%s", i ? "; " : "",
				       lr_dataset_get_source_label(chart->dataset,
								   g_ptr_array_index(table->sources, i),
								   chart->language));
	return g_string_free(line, FALSE);
}

/* The legend: swatch + label pairs flowing left to right, wrapping into rows. Returns the
 * status; *@top moves below the legend. */
static lr_status_t
layout_legend(const lr_chart_t *chart, lr_scene_t *scene, const lr_frame_spec_t *spec,
	      double margin, double inner_width, double *top)
{
	const lr_theme_t *theme = chart->theme;
	double font = scene->font_size, small = theme->sizes[LR_THEME_SIZE_SMALL];
	double x = margin, row_height = 0, swatch = font * 0.8, gap = font * 0.5;
	lr_text_t text;

	for (int i = 0; i < spec->legend_count; i++) {
		const lr_legend_entry_t *entry = &spec->legend[i];
		double item_width;
		lr_status_t status = lr_scene_measure(scene, entry->label, small, false,
						      inner_width - swatch - gap, 2, PANGO_ALIGN_LEFT,
						      &text);
		if (status)
			return status;
		item_width = swatch + gap * 0.6 + text.width;
		if (x > margin && x + item_width > margin + inner_width) {
			x = margin;
			*top += row_height + font * 0.3;
			row_height = 0;
		}
		if (entry->line)
			lr_scene_add_line(scene, "legend-key", x, *top + text.baseline - swatch * 0.35,
					  x + swatch, *top + text.baseline - swatch * 0.35, entry->color,
					  font * theme->sizes[LR_THEME_SIZE_SERIES_LINE]);
		else
			lr_scene_add_rect(scene, "legend-key", x, *top + text.baseline - swatch * 0.8,
					  swatch, swatch, entry->color);
		row_height = MAX(row_height, text.height);
		lr_scene_add_text(scene, "legend-label", &text, x + swatch + gap * 0.6, *top,
				  theme->colors[LR_THEME_COLOR_TEXT]);
		x += item_width + gap * 2;
	}
	*top += row_height + font * 0.6;
	return LR_STATUS_SUCCESS;
}

/* Notes and the source line, from @bottom up. Returns the status; *@bottom moves above them. */
static lr_status_t
layout_bottom(const lr_chart_t *chart, lr_scene_t *scene, const lr_table_t *table,
	      const lr_frame_spec_t *spec, double margin, double inner_width, double *bottom)
{
	const lr_theme_t *theme = chart->theme;
	double font = scene->font_size, small = theme->sizes[LR_THEME_SIZE_SMALL];
	GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);
	lr_text_t *measured;
	lr_status_t status = LR_STATUS_SUCCESS;
	double y = *bottom;
	char *source;
	guint count;

	for (guint i = 0; spec->notes && i < spec->notes->len; i++)
		g_ptr_array_add(texts, g_strdup(g_ptr_array_index(spec->notes, i)));
	source = source_line(chart, table);
	if (source)
		g_ptr_array_add(texts, source);
	count = texts->len;
	if (count == 0) {
		g_ptr_array_unref(texts);
		return LR_STATUS_SUCCESS;
	}
	measured = g_new0(lr_text_t, count);
	for (guint i = 0; i < count && status == LR_STATUS_SUCCESS; i++)
		status = lr_scene_measure(scene, g_ptr_array_index(texts, i), small, false,
					  inner_width, 2, PANGO_ALIGN_LEFT, &measured[i]);
	if (status == LR_STATUS_SUCCESS) {
		for (guint i = count; i-- > 0;)
			y -= measured[i].height + (i + 1 < count ? font * 0.15 : 0);
		*bottom = y - font * 0.8;
		for (guint i = 0; i < count; i++) {
			double h = measured[i].height;
			lr_scene_add_text(scene, source && i + 1 == count ? "source" : "note", &measured[i],
					  margin, y, theme->colors[LR_THEME_COLOR_TEXT_MUTED]);
			y += h + font * 0.15;
		}
	}
	for (guint i = 0; i < count; i++)
		lr_text_clear(&measured[i]);
	g_free(measured);
	g_ptr_array_unref(texts);
	return status;
}

lr_status_t
lr_frame_layout(const lr_chart_t *chart, lr_scene_t *scene, const lr_table_t *table,
		const lr_frame_spec_t *spec, lr_rect_t *plot, lr_error_record_t *error)
{
	const lr_theme_t *theme = chart->theme;
	double font = scene->font_size;
	double margin = font * theme->sizes[LR_THEME_SIZE_MARGIN];
	double inner_width = scene->width - 2 * margin;
	double top = margin, bottom = scene->height - margin;
	lr_status_t status;
	lr_text_t text;
	lr_item_t *item;

	if (inner_width < font * 4)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					   "the canvas (%g × %g) is too small for a chart",
					   scene->width, scene->height);

	lr_scene_add_rect(scene, "background", 0, 0, scene->width, scene->height,
			  theme->colors[LR_THEME_COLOR_BACKGROUND]);

	status = lr_scene_measure(scene, spec->title, theme->sizes[LR_THEME_SIZE_TITLE], true,
				  inner_width, 2, PANGO_ALIGN_LEFT, &text);
	if (status)
		goto fail;
	item = lr_scene_add_text(scene, "title", &text, margin, top, theme->colors[LR_THEME_COLOR_TEXT]);
	top += item->height + font * 0.3;

	if (spec->subtitle && spec->subtitle[0]) {
		status = lr_scene_measure(scene, spec->subtitle, theme->sizes[LR_THEME_SIZE_SUBTITLE],
					  false, inner_width, 2, PANGO_ALIGN_LEFT, &text);
		if (status)
			goto fail;
		item = lr_scene_add_text(scene, "subtitle", &text, margin, top,
					 theme->colors[LR_THEME_COLOR_TEXT_MUTED]);
		top += item->height;
	}
	top += font * 0.6;

	if (spec->legend_count > 0) {
		status = layout_legend(chart, scene, spec, margin, inner_width, &top);
		if (status)
			goto fail;
	}
	status = layout_bottom(chart, scene, table, spec, margin, inner_width, &bottom);
	if (status)
		goto fail;

	plot->x = margin;
	plot->y = top;
	plot->width = inner_width;
	plot->height = bottom - top;
	if (plot->height < font * 3)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					   "the canvas (%g × %g) is too small: no room left for the plot",
					   scene->width, scene->height);
	return LR_STATUS_SUCCESS;
fail:
	return lr_error_record_set(error, status, NULL, 0, 0, "text could not be laid out: %s",
				   lr_status_to_string(status));
}
