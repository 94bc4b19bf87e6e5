/* libreport (private): data selection. What a chart's request means in its dataset, as a
 * series × category table of observations, built in time linear in the observations.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_CHART_SELECT_PRIVATE_H
#define LR_CHART_SELECT_PRIVATE_H

#include <stdbool.h>
#include "chart-private.h"

/* Which way a table dimension runs. */
typedef enum {
	LR_DIMENSION_YEAR,
	LR_DIMENSION_ENTITY,
	LR_DIMENSION_INDICATOR
} lr_dimension_t;

/* The request's data as a series × category grid of observations (NULL where missing). The
 * indicator and observation pointers are the dataset's: valid while it is not added to. */
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
	char *highlight;                        /* the entity the chart's highlight names, as the
						 * dataset spells it (matched loosely), or NULL */
} lr_table_t;

#define LR_TABLE_CELL(table, series, category) \
	((table)->cells[(series) * (table)->category_count + (category)])

/* Selects the data @chart asks for. @for_ranking: x is always years, series are indicators
 * or entities, and every indicator must be a rank. Entities (asked for or highlighted) match
 * the dataset's spelling or English name without regard to diacritics or case; an unknown
 * entity or indicator fails with the closest names suggested. On failure returns the status,
 * fills @error and leaves @table cleared. */
lr_status_t lr_chart_select(const lr_chart_t *chart, bool for_ranking, lr_table_t *table,
			    lr_error_record_t *error);
void lr_table_clear(lr_table_t *table);

/* The indicator @id names: its id, or (loosely, see chart-match-private.h) its id or name in
 * either language. Unknown: NULL, and @error says so with the closest indicators. */
const lr_indicator_t *lr_select_find_indicator(const lr_dataset_t *dataset, const char *id,
					       lr_error_record_t *error);

/* The central value of an observation: value, or the middle of its range. */
double lr_observation_central(const lr_observation_t *observation);

#endif
