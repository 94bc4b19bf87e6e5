/* libreport: data selection (see chart-select-private.h). Turns a chart's request — its
 * indicators, entities and years — into the series × category table the layouts draw.
 *
 * Invariant: time is linear in the dataset's observations and the request's size. Every
 * "have we seen this entity / year / source, and where is it" question is a hash lookup, so a
 * dataset of a million entities selects in about a second, not in hours.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "chart-select-private.h"
#include "chart-words-private.h"

double
lr_observation_central(const lr_observation_t *observation)
{
	if (!isnan(observation->value))
		return observation->value;
	return (observation->low + observation->high) / 2;
}

static int
compare_ints(gconstpointer a, gconstpointer b)
{
	int x = *(const int *) a, y = *(const int *) b;
	return (x > y) - (x < y);
}

static char *
join_strings(const GPtrArray *items, const char *separator)
{
	GString *out = g_string_new(NULL);
	for (guint i = 0; i < items->len; i++)
		g_string_append_printf(out, "%s%s", i ? separator : "",
				       (const char *) g_ptr_array_index(items, i));
	return g_string_free(out, FALSE);
}

static char *
join_years(const GArray *years)
{
	GString *out = g_string_new(NULL);
	for (guint i = 0; i < years->len; i++)
		g_string_append_printf(out, "%s%d", i ? ", " : "", g_array_index(years, int, i));
	return g_string_free(out, FALSE);
}

/* Of several observations of one cell, the most certain wins; ties go to file order. */
static bool
prefer(const lr_observation_t *candidate, const lr_observation_t *current)
{
	return !current || candidate->status < current->status;
}

void
lr_table_clear(lr_table_t *table)
{
	if (table->series_labels)
		g_strfreev(table->series_labels);
	if (table->series_keys)
		g_strfreev(table->series_keys);
	if (table->category_labels)
		g_strfreev(table->category_labels);
	if (table->category_keys)
		g_strfreev(table->category_keys);
	g_free(table->category_years);
	g_free(table->series_indicators);
	g_free(table->cells);
	if (table->sources)
		g_ptr_array_unref(table->sources);
	g_free(table->series_prefix);
	memset(table, 0, sizeof *table);
}

static char *
dimension_label(const lr_chart_t *chart, lr_dimension_t dimension, const char *entity, int year,
		const lr_indicator_t *indicator)
{
	switch (dimension) {
	case LR_DIMENSION_YEAR:
		return g_strdup_printf("%d", year);
	case LR_DIMENSION_ENTITY:
		return lr_words_capitalize(lr_dataset_get_entity_name(chart->dataset, entity,
								      chart->language));
	case LR_DIMENSION_INDICATOR:
	default:
		return g_strdup(lr_indicator_get_name(indicator, chart->language));
	}
}

/* The position + 1 of @key in @table (0: absent), for tables mapping to positions. */
static int
position_of(GHashTable *table, gconstpointer key)
{
	return GPOINTER_TO_INT(g_hash_table_lookup(table, key));
}

/* Where each observation of the grid goes: series and category by key. */
static void
place_observations(const lr_chart_t *chart, lr_table_t *table, const GPtrArray *matches,
		   const GPtrArray *entities)
{
	GHashTable *series = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *categories = table->category_dimension == LR_DIMENSION_YEAR
		? g_hash_table_new(g_direct_hash, g_direct_equal)
		: g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *sources = g_hash_table_new(g_str_hash, g_str_equal);
	const char *first_entity = g_ptr_array_index(entities, 0);

	/* Inserted last to first, so that a key listed twice maps to its first position. */
	for (int s = table->series_count; s-- > 0;)
		g_hash_table_insert(series, table->series_keys[s], GINT_TO_POINTER(s + 1));
	for (int c = table->category_count; c-- > 0;)
		g_hash_table_insert(categories,
				    table->category_dimension == LR_DIMENSION_YEAR
				    ? GINT_TO_POINTER(table->category_years[c])
				    : (gpointer) table->category_keys[c],
				    GINT_TO_POINTER(c + 1));

	for (guint m = 0; m < matches->len; m++) {
		const lr_observation_t *observation = g_ptr_array_index(matches, m);
		int s = position_of(series, table->series_dimension == LR_DIMENSION_ENTITY
				    ? observation->entity : observation->indicator) - 1;
		int c = position_of(categories, table->category_dimension == LR_DIMENSION_YEAR
				    ? GINT_TO_POINTER(observation->year)
				    : (gconstpointer) observation->entity) - 1;
		const lr_observation_t **cell;

		/* Rows outside the grid: the fixed dimension's other values. */
		if (s < 0 || c < 0)
			continue;
		if (table->series_dimension != LR_DIMENSION_ENTITY &&
		    table->category_dimension != LR_DIMENSION_ENTITY &&
		    strcmp(observation->entity, first_entity) != 0)
			continue;
		if (table->category_dimension != LR_DIMENSION_YEAR &&
		    observation->year != table->category_years[0])
			continue;
		cell = &LR_TABLE_CELL(table, s, c);
		if (*cell && lr_observation_central(*cell) != lr_observation_central(observation) &&
		    (*cell)->status == observation->status)
			table->sources_disagree = true;
		if (prefer(observation, *cell))
			*cell = observation;
	}
	for (int i = 0; i < table->series_count * table->category_count; i++) {
		const lr_observation_t *observation = table->cells[i];
		if (!observation)
			continue;
		table->statuses |= 1u << observation->status;
		table->has_ranges |= !isnan(observation->low);
		if (observation->source[0] && g_hash_table_add(sources, (gpointer) observation->source))
			g_ptr_array_add(table->sources, (gpointer) observation->source);
	}
	(void) chart;
	g_hash_table_unref(series);
	g_hash_table_unref(categories);
	g_hash_table_unref(sources);
}

lr_status_t
lr_chart_select(const lr_chart_t *chart, bool for_ranking, lr_table_t *table,
		lr_error_record_t *error)
{
	size_t count = lr_dataset_get_observation_count(chart->dataset);
	int indicator_count = (int) chart->indicators->len;
	const lr_indicator_t **indicators = g_new0(const lr_indicator_t *, MAX(indicator_count, 1));
	GHashTable *wanted = g_hash_table_new(g_str_hash, g_str_equal);      /* id */
	GHashTable *wanted_years = g_hash_table_new(g_direct_hash, g_direct_equal);
	GHashTable *entity_seen = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *year_seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *entities = g_ptr_array_new();       /* borrowed from the dataset or chart */
	GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
	GPtrArray *matches = g_ptr_array_new();
	lr_status_t status = LR_STATUS_SUCCESS;

	memset(table, 0, sizeof *table);
	if (indicator_count == 0) {
		status = lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					     "no indicator chosen (add one with --indicator ID)");
		goto out;
	}
	/* Looked up now, not when added: the dataset may have grown since (invariant 1). */
	for (int k = 0; k < indicator_count; k++) {
		const char *id = g_ptr_array_index(chart->indicators, k);
		indicators[k] = lr_dataset_find_indicator(chart->dataset, id);
		if (!indicators[k]) {
			status = lr_error_record_set(error, LR_STATUS_UNKNOWN_INDICATOR, NULL, 0, 0,
						     "unknown indicator '%s'", id);
			goto out;
		}
		g_hash_table_add(wanted, (gpointer) indicators[k]->id);
	}
	for (guint y = 0; y < chart->years->len; y++)
		g_hash_table_add(wanted_years, GINT_TO_POINTER(g_array_index(chart->years, int, y)));
	for (guint r = 0; r < chart->year_ranges->len; r += 2)
		for (int year = g_array_index(chart->year_ranges, int, r);
		     year <= g_array_index(chart->year_ranges, int, r + 1); year++)
			g_hash_table_add(wanted_years, GINT_TO_POINTER(year));

	/* Whole-year observations of the chosen indicators, entities and years. */
	for (size_t i = 0; i < count; i++) {
		const lr_observation_t *observation = lr_dataset_get_observation(chart->dataset, i);
		if (observation->period[0] || !g_hash_table_contains(wanted, observation->indicator))
			continue;
		if (chart->entities->len && !g_hash_table_contains(chart->entity_set, observation->entity))
			continue;
		if ((chart->years->len || chart->year_ranges->len) &&
		    !g_hash_table_contains(wanted_years, GINT_TO_POINTER(observation->year)))
			continue;
		g_ptr_array_add(matches, (gpointer) observation);
		if (g_hash_table_add(entity_seen, (gpointer) observation->entity))
			g_ptr_array_add(entities, (gpointer) observation->entity);
		if (g_hash_table_add(year_seen, GINT_TO_POINTER(observation->year)))
			g_array_append_val(years, observation->year);
	}

	/* Requested entities and years that have no data are errors, named precisely. */
	for (guint e = 0; e < chart->entities->len; e++) {
		const char *entity = g_ptr_array_index(chart->entities, e);
		if (!g_hash_table_contains(entity_seen, entity)) {
			status = lr_error_record_set(error, LR_STATUS_UNKNOWN_ENTITY, NULL, 0, 0,
						     "no data for entity '%s' in the chosen indicators and years",
						     entity);
			goto out;
		}
	}
	for (guint y = 0; y < chart->years->len; y++) {
		int year = g_array_index(chart->years, int, y);
		if (!g_hash_table_contains(year_seen, GINT_TO_POINTER(year))) {
			status = lr_error_record_set(error, LR_STATUS_NO_DATA, NULL, 0, 0,
						     "no data for the year %d in the chosen indicators", year);
			goto out;
		}
	}
	for (guint r = 0; r < chart->year_ranges->len; r += 2) {
		int first = g_array_index(chart->year_ranges, int, r);
		int last = g_array_index(chart->year_ranges, int, r + 1);
		bool any = false;
		for (int year = first; year <= last && !any; year++)
			any = g_hash_table_contains(year_seen, GINT_TO_POINTER(year));
		if (!any) {
			status = lr_error_record_set(error, LR_STATUS_NO_DATA, NULL, 0, 0,
						     "no data from %d to %d in the chosen indicators",
						     first, last);
			goto out;
		}
	}
	if (matches->len == 0) {
		status = lr_error_record_set(error, LR_STATUS_NO_DATA, NULL, 0, 0,
					     "no whole-year observation matches the request");
		goto out;
	}
	/* Entities in the order asked for; otherwise in data order. */
	if (chart->entities->len) {
		g_ptr_array_set_size(entities, 0);
		for (guint e = 0; e < chart->entities->len; e++)
			g_ptr_array_add(entities, g_ptr_array_index(chart->entities, e));
	}
	g_array_sort(years, compare_ints);

	if (for_ranking) {
		for (int k = 0; k < indicator_count; k++) {
			const lr_indicator_t *indicator = indicators[k];
			if (indicator->kind != LR_INDICATOR_RANK) {
				status = lr_error_record_set(error, LR_STATUS_UNSUPPORTED, NULL, 0, 0,
							     "'%s' is a %s indicator, not a rank: draw it as a bar chart",
							     indicator->id,
							     lr_indicator_kind_to_string(indicator->kind));
				goto out;
			}
		}
		if (years->len < 2) {
			char *list = join_years(years);
			status = lr_error_record_set(error, LR_STATUS_UNSUPPORTED, NULL, 0, 0,
						     "a ranking chart needs at least two years; the request has only %s",
						     list);
			g_free(list);
			goto out;
		}
		if (indicator_count > 1 && entities->len > 1) {
			status = lr_error_record_set(error, LR_STATUS_UNSUPPORTED, NULL, 0, 0,
						     "several indicators and several entities at once: choose one "
						     "entity (--entity) or one indicator");
			goto out;
		}
		table->series_dimension = indicator_count > 1 ? LR_DIMENSION_INDICATOR : LR_DIMENSION_ENTITY;
		table->category_dimension = LR_DIMENSION_YEAR;
	} else if (indicator_count > 1) {
		if (years->len > 1 && entities->len > 1) {
			status = lr_error_record_set(error, LR_STATUS_UNSUPPORTED, NULL, 0, 0,
						     "several indicators over several years and entities: choose "
						     "one entity (--entity) or one year (--year)");
			goto out;
		}
		table->series_dimension = LR_DIMENSION_INDICATOR;
		table->category_dimension = years->len > 1 ? LR_DIMENSION_YEAR
				: entities->len > 1 ? LR_DIMENSION_ENTITY : LR_DIMENSION_YEAR;
	} else if (years->len > 1 && entities->len > 1) {
		table->series_dimension = LR_DIMENSION_ENTITY;
		table->category_dimension = LR_DIMENSION_YEAR;
	} else {
		table->series_dimension = LR_DIMENSION_INDICATOR;
		table->category_dimension = years->len > 1 ? LR_DIMENSION_YEAR : LR_DIMENSION_ENTITY;
	}

	/* Bars over years keep time honest: a year without data is an empty band, not a
	 * year silently skipped (ranking charts use a linear year axis instead). */
	if (!for_ranking && table->category_dimension == LR_DIMENSION_YEAR && years->len > 1 &&
	    chart->years->len == 0) {
		int first = g_array_index(years, int, 0), last = g_array_index(years, int, years->len - 1);
		if (last - first < 40) {
			g_array_set_size(years, 0);
			for (int year = first; year <= last; year++)
				g_array_append_val(years, year);
		}
	}

	table->series_count = table->series_dimension == LR_DIMENSION_INDICATOR ? indicator_count
			    : (int) entities->len;
	table->category_count = table->category_dimension == LR_DIMENSION_YEAR ? (int) years->len
			      : table->category_dimension == LR_DIMENSION_ENTITY ? (int) entities->len
			      : indicator_count;
	table->series_labels = g_new0(char *, table->series_count + 1);
	table->series_keys = g_new0(char *, table->series_count + 1);
	table->series_indicators = g_new0(const lr_indicator_t *, table->series_count);
	table->category_labels = g_new0(char *, table->category_count + 1);
	table->category_keys = g_new0(char *, table->category_count + 1);
	table->category_years = g_new0(int, table->category_count);
	table->cells = g_new0(const lr_observation_t *, (gsize) table->series_count * table->category_count);
	table->sources = g_ptr_array_new();

	for (int s = 0; s < table->series_count; s++) {
		const lr_indicator_t *indicator = indicators[table->series_dimension ==
							     LR_DIMENSION_INDICATOR ? s : 0];
		const char *entity = table->series_dimension == LR_DIMENSION_ENTITY
			? g_ptr_array_index(entities, s) : g_ptr_array_index(entities, 0);
		table->series_indicators[s] = indicator;
		table->series_labels[s] = dimension_label(chart, table->series_dimension, entity, 0, indicator);
		table->series_keys[s] = g_strdup(table->series_dimension == LR_DIMENSION_ENTITY ? entity
						 : indicator->id);
	}
	if (table->series_dimension == LR_DIMENSION_INDICATOR && table->series_count > 1)
		table->series_prefix = lr_words_strip_common_prefix(table->series_labels,
								    table->series_count,
								    chart->language);
	for (int c = 0; c < table->category_count; c++) {
		int year = table->category_dimension == LR_DIMENSION_YEAR ? g_array_index(years, int, c)
			 : g_array_index(years, int, 0);
		const char *entity = table->category_dimension == LR_DIMENSION_ENTITY
			? g_ptr_array_index(entities, c) : g_ptr_array_index(entities, 0);
		table->category_years[c] = year;
		table->category_labels[c] = dimension_label(chart, table->category_dimension, entity, year,
							    indicators[0]);
		table->category_keys[c] = table->category_dimension == LR_DIMENSION_ENTITY
			? g_strdup(entity) : g_strdup(table->category_labels[c]);
	}

	place_observations(chart, table, matches, entities);
	if (entities->len > 1 && table->series_dimension != LR_DIMENSION_ENTITY &&
	    table->category_dimension != LR_DIMENSION_ENTITY) {
		char *list = join_strings(entities, ", ");
		status = lr_error_record_set(error, LR_STATUS_UNSUPPORTED, NULL, 0, 0,
					     "the request covers several entities (%s): choose one with --entity",
					     list);
		g_free(list);
	}
out:
	if (status != LR_STATUS_SUCCESS)
		lr_table_clear(table);
	g_free(indicators);
	g_hash_table_unref(wanted);
	g_hash_table_unref(wanted_years);
	g_hash_table_unref(entity_seen);
	g_hash_table_unref(year_seen);
	g_ptr_array_unref(entities);
	g_array_unref(years);
	g_ptr_array_unref(matches);
	return status;
}
