/* libreport (private): the frame every chart kind shares: background, title, subtitle,
 * legend, notes and the source line, around the rectangle left for the plot.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_CHART_FRAME_PRIVATE_H
#define LR_CHART_FRAME_PRIVATE_H

#include "chart-select-private.h"

typedef struct {
	const char *label;
	lr_color_t color;
	bool line;          /* a line sample instead of a swatch */
} lr_legend_entry_t;

typedef struct {
	const char *title;          /* never NULL */
	const char *subtitle;       /* may be NULL */
	GPtrArray *notes;           /* char *, may be empty */
	const lr_legend_entry_t *legend;
	int legend_count;
} lr_frame_spec_t;

/* Lays out the frame of @chart's @table into @scene; sets @plot to the rectangle left for the
 * plot. On failure (the canvas too small, text that cannot be laid out) returns the status
 * and fills @error. */
lr_status_t lr_frame_layout(const lr_chart_t *chart, lr_scene_t *scene, const lr_table_t *table,
			    const lr_frame_spec_t *spec, lr_rect_t *plot, lr_error_record_t *error);

#endif
