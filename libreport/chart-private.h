/* libreport (private): the chart specification, as chart.c's setters store it and the layouts
 * read it.
 *
 * Layering (each file calls only the ones after it):
 *   chart.c         the object and its public entry points; validates and lays out through
 *   chart-bar.c, chart-rank.c   the kinds' layouts, which use
 *   chart-frame.c   background, title, subtitle, legend, notes, source line
 *   chart-select.c  the series × category table a request selects from the dataset
 *   chart-words.c   the words charts print, label wording (shared prefixes, capitals)
 *   number.c, ticks.c, scene.c, text.c, theme.c, dataset.c
 * chart-spec.c (charts.ini and spec options) sits beside chart.c and uses only its setters.
 *
 * Invariants:
 * 1. The specification holds no pointer into the dataset: indicators are kept as copied ids
 *    and looked up at layout, so a dataset may grow after a chart of it exists.
 * 2. The theme a chart holds is immutable (lr_theme_make_immutable()), so charts that share
 *    it, in any thread, see the same values.
 * 3. Layouts take the specification const and write their errors to a record; only chart.c
 *    writes into the chart (the sticky status, and the last call's error).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_CHART_PRIVATE_H
#define LR_CHART_PRIVATE_H

#include <lreport/lreport.h>
#include "common-private.h"
#include "scene-private.h"

struct lr_chart {
	lr_chart_kind_t kind;
	lr_status_t status;        /* sticky: the first specification error */
	lr_error_record_t error;   /* its message */
	lr_error_record_t last;    /* the last draw, write, describe or validate call's error */
	lr_dataset_t *dataset;
	lr_theme_t *theme;         /* immutable */
	GPtrArray *indicators;     /* char *, ids (copied), in the order added */
	GPtrArray *entities;       /* char *, NFC, in the order added */
	GHashTable *entity_set;    /* the same strings (borrowed), for duplicate checks */
	GArray *years;             /* int */
	GArray *year_ranges;       /* int pairs: first, last */
	lr_language_t language;
	char *title;
	char *subtitle;
	char *highlight;
	lr_bar_layout_t bar_layout;
	lr_orientation_t orientation;
	lr_sort_t sort;
};

/* The kinds' layouts, called with a scene set up for the canvas. On failure they return the
 * status and fill @error; they never write into @chart. */
lr_status_t lr_bar_layout(const lr_chart_t *chart, lr_scene_t *scene, lr_error_record_t *error);
lr_status_t lr_rank_layout(const lr_chart_t *chart, lr_scene_t *scene, lr_error_record_t *error);

#endif
