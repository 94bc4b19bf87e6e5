/* libreport (private): what the chart kinds share: the specification, the data table a
 * request selects, and the frame (background, title, subtitle, legend, notes, source line).
 *
 * Layering: chart.c selects data and lays out the frame; chart-bar.c and chart-rank.c lay
 * out the plot inside it; scene.c draws. Each kind's layout only adds items to a scene.
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
	lr_status_t status;
	lr_error_record_t error;
	lr_dataset_t *dataset;
	lr_theme_t *theme;
	GPtrArray *indicators;     /* const lr_indicator_t *, owned by dataset */
	GPtrArray *entities;       /* char *, NFC */
	GArray *years;             /* int */
	lr_language_t language;
	char *title;
	char *subtitle;
	char *highlight;
	lr_bar_layout_t bar_layout;
	lr_orientation_t orientation;
	lr_sort_t sort;
};

/* Which way a table dimension runs. */
typedef enum {
	LR_DIMENSION_YEAR,
	LR_DIMENSION_ENTITY,
	LR_DIMENSION_INDICATOR
} lr_dimension_t;

/* The request's data as a series × category grid of observations (NULL where missing). */
typedef struct {
	int series_count, category_count;
	lr_dimension_t series_dimension, category_dimension;
	char **series_labels;                   /* in the chart's language */
	char **series_keys;                     /* entity, indicator id or year, for highlight */
	char **category_labels;
	char **category_keys;
	int *category_years;                    /* when categories are years */
	const lr_indicator_t **series_indicators;
	const lr_observation_t **cells;         /* [series * category_count + category] */
	GPtrArray *sources;                     /* distinct source files, in first-use order */
	unsigned statuses;                      /* bit per lr_observation_status_t present */
	bool has_ranges;
	bool sources_disagree;                  /* two sources gave different values for a cell */
	char *series_prefix;                    /* words cut from every series label, or NULL */
} lr_table_t;

#define LR_TABLE_CELL(table, series, category) \
	((table)->cells[(series) * (table)->category_count + (category)])

/* Selects the data for @chart; on failure sets the chart's error and returns its status.
 * @for_ranking: x is always years, series are indicators or entities. */
lr_status_t lr_chart_build_table(lr_chart_t *chart, bool for_ranking, lr_table_t *table);
void lr_table_clear(lr_table_t *table);

/* The central value of an observation: value, or the middle of its range. */
double lr_observation_central(const lr_observation_t *observation);

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

/* Lays out background, title, subtitle, legend, notes and the source line; returns the
 * rectangle left for the plot. */
lr_status_t lr_chart_layout_frame(lr_chart_t *chart, lr_scene_t *scene, const lr_table_t *table,
				  const lr_frame_spec_t *spec, lr_rect_t *plot);

/* Sets the chart's sticky error; returns @status. */
lr_status_t lr_chart_fail(lr_chart_t *chart, lr_status_t status, const char *format, ...)
	G_GNUC_PRINTF(3, 4);

/* The kinds' layouts, called with a scene set up for the canvas. */
lr_status_t lr_bar_layout(lr_chart_t *chart, lr_scene_t *scene);
lr_status_t lr_rank_layout(lr_chart_t *chart, lr_scene_t *scene);

/* Numbers in the chart's language. Return newly allocated strings (g_free). */
char *lr_chart_format_value(const lr_chart_t *chart, const lr_indicator_t *indicator,
			    double value, int decimals, bool with_unit);
char *lr_chart_format_observation(const lr_chart_t *chart, const lr_indicator_t *indicator,
				  const lr_observation_t *observation, int decimals);

/* "ước tính, dự báo" for the statuses other than actual in the bit set @statuses (g_free). */
char *lr_chart_uncertain_list(const lr_chart_t *chart, unsigned statuses);

/* Words the charts print, in the chart's language. */
typedef enum {
	LR_WORD_SOURCE,            /* "Nguồn" */
	LR_WORD_NOTE_UNCERTAIN,    /* "Cột nhạt, viền đứt: …" */
	LR_WORD_ESTIMATE,
	LR_WORD_FORECAST,
	LR_WORD_TARGET,
	LR_WORD_RANGE_NOTE,
	LR_WORD_DISAGREE_NOTE,
	LR_WORD_RANK_AXIS,         /* "Thứ hạng (1 = cao nhất)" */
	LR_WORD_GAP_NOTE,
	LR_WORD_PERCENT_SUBTITLE,
	LR_WORD_RANK_N_NOTE,
	LR_WORD_HOLLOW_NOTE,
	LR_WORD_NO_DATA,
	LR_WORD_NOTE_HATCHED,
	LR_WORD_LAST
} lr_word_t;

const char *lr_chart_word(const lr_chart_t *chart, lr_word_t word);

#endif
