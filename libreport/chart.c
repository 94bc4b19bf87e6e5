/* libreport: the chart object. Holds the specification, selects the data a request means,
 * lays out what every chart kind shares (title, subtitle, legend, notes, source line), and
 * connects layout to drawing and to the output files.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "chart-private.h"
#include "output-private.h"

static lr_chart_t inert_chart = { .status = LR_STATUS_NO_MEMORY };

lr_status_t
lr_chart_fail(lr_chart_t *chart, lr_status_t status, const char *format, ...)
{
	va_list args;
	char *message;

	if (chart == &inert_chart || chart->status != LR_STATUS_SUCCESS)
		return chart->status;
	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	lr_error_record_set(&chart->error, status, NULL, 0, 0, "%s", message);
	g_free(message);
	chart->status = status;
	return status;
}

lr_chart_t *
lr_chart_create(lr_chart_kind_t kind, lr_dataset_t *dataset)
{
	lr_chart_t *chart = g_try_new0(lr_chart_t, 1);

	if (!chart)
		return &inert_chart;
	chart->kind = kind;
	chart->theme = lr_theme_create();
	chart->indicators = g_ptr_array_new();
	chart->entities = g_ptr_array_new_with_free_func(g_free);
	chart->years = g_array_new(FALSE, FALSE, sizeof(int));
	chart->language = LR_LANGUAGE_VI;
	if ((unsigned) kind > LR_CHART_RANK)
		lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown chart kind %d", (int) kind);
	else if (!dataset)
		lr_chart_fail(chart, LR_STATUS_NULL_POINTER, "no dataset given");
	else if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS)
		lr_chart_fail(chart, lr_dataset_status(dataset),
			      "the dataset has errors; run `lreport validate` to list them");
	chart->dataset = lr_dataset_reference(dataset);
	return chart;
}

void
lr_chart_destroy(lr_chart_t *chart)
{
	if (!chart || chart == &inert_chart)
		return;
	lr_error_record_clear(&chart->error);
	lr_dataset_destroy(chart->dataset);
	lr_theme_destroy(chart->theme);
	g_ptr_array_unref(chart->indicators);
	g_ptr_array_unref(chart->entities);
	g_array_unref(chart->years);
	g_free(chart->title);
	g_free(chart->subtitle);
	g_free(chart->highlight);
	g_free(chart);
}

lr_status_t
lr_chart_status(const lr_chart_t *chart)
{
	return chart ? chart->status : LR_STATUS_NULL_POINTER;
}

const lr_error_t *
lr_chart_get_error(const lr_chart_t *chart)
{
	if (!chart || chart->status == LR_STATUS_SUCCESS)
		return NULL;
	if (chart == &inert_chart) {
		static const lr_error_t no_memory = { LR_STATUS_NO_MEMORY, "out of memory", NULL, 0, 0 };
		return &no_memory;
	}
	return &chart->error.public;
}

/* Setters do nothing on an errored chart (errors are sticky). */
static bool
usable(const lr_chart_t *chart)
{
	return chart && chart != &inert_chart && chart->status == LR_STATUS_SUCCESS;
}

/* Copies optional text in NFC; false (and the chart's error) when it is not UTF-8. */
static bool
set_text(lr_chart_t *chart, char **field, const char *text, const char *what)
{
	char *normalized = NULL;

	if (text) {
		normalized = lr_utf8_normalize(text, -1, NULL);
		if (!normalized) {
			lr_chart_fail(chart, LR_STATUS_INVALID_UTF8, "%s: text is not valid UTF-8", what);
			return false;
		}
	}
	g_free(*field);
	*field = normalized;
	return true;
}

void
lr_chart_add_indicator(lr_chart_t *chart, const char *id)
{
	const lr_indicator_t *indicator;

	if (!usable(chart))
		return;
	if (!id) {
		lr_chart_fail(chart, LR_STATUS_NULL_POINTER, "indicator id is NULL");
		return;
	}
	indicator = lr_dataset_find_indicator(chart->dataset, id);
	if (!indicator) {
		lr_chart_fail(chart, LR_STATUS_UNKNOWN_INDICATOR,
			      "unknown indicator '%s' (`lreport list` shows the indicators)", id);
		return;
	}
	for (guint i = 0; i < chart->indicators->len; i++)
		if (g_ptr_array_index(chart->indicators, i) == indicator)
			return;
	g_ptr_array_add(chart->indicators, (gpointer) indicator);
}

void
lr_chart_add_entity(lr_chart_t *chart, const char *entity)
{
	char *normalized = NULL;

	if (!usable(chart))
		return;
	if (!entity) {
		lr_chart_fail(chart, LR_STATUS_NULL_POINTER, "entity is NULL");
		return;
	}
	if (!set_text(chart, &normalized, entity, "entity"))
		return;
	for (guint i = 0; i < chart->entities->len; i++)
		if (strcmp(g_ptr_array_index(chart->entities, i), normalized) == 0) {
			g_free(normalized);
			return;
		}
	g_ptr_array_add(chart->entities, normalized);
}

void
lr_chart_add_year(lr_chart_t *chart, int year)
{
	if (!usable(chart))
		return;
	if (year < 1900 || year > 2100) {
		lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT, "year %d is outside 1900-2100", year);
		return;
	}
	for (guint i = 0; i < chart->years->len; i++)
		if (g_array_index(chart->years, int, i) == year)
			return;
	g_array_append_val(chart->years, year);
}

void
lr_chart_set_language(lr_chart_t *chart, lr_language_t language)
{
	if (!usable(chart))
		return;
	if ((unsigned) language > LR_LANGUAGE_EN)
		lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown language %d", (int) language);
	else
		chart->language = language;
}

void
lr_chart_set_title(lr_chart_t *chart, const char *title)
{
	if (usable(chart))
		set_text(chart, &chart->title, title, "title");
}

void
lr_chart_set_subtitle(lr_chart_t *chart, const char *subtitle)
{
	if (usable(chart))
		set_text(chart, &chart->subtitle, subtitle, "subtitle");
}

void
lr_chart_set_highlight(lr_chart_t *chart, const char *entity)
{
	if (usable(chart))
		set_text(chart, &chart->highlight, entity, "highlight");
}

void
lr_chart_set_theme(lr_chart_t *chart, lr_theme_t *theme)
{
	if (!usable(chart))
		return;
	if (theme && lr_theme_status(theme) != LR_STATUS_SUCCESS) {
		lr_chart_fail(chart, lr_theme_status(theme), "the theme is in error");
		return;
	}
	/* Reference first: @theme may be the one the chart holds the last reference to. */
	theme = theme ? lr_theme_reference(theme) : lr_theme_create();
	lr_theme_destroy(chart->theme);
	chart->theme = theme;
}

void
lr_chart_set_bar_layout(lr_chart_t *chart, lr_bar_layout_t layout)
{
	if (!usable(chart))
		return;
	if ((unsigned) layout > LR_BAR_PERCENT)
		lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown bar layout %d", (int) layout);
	else
		chart->bar_layout = layout;
}

void
lr_chart_set_orientation(lr_chart_t *chart, lr_orientation_t orientation)
{
	if (!usable(chart))
		return;
	if ((unsigned) orientation > LR_ORIENTATION_HORIZONTAL)
		lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown orientation %d",
			      (int) orientation);
	else
		chart->orientation = orientation;
}

void
lr_chart_set_sort(lr_chart_t *chart, lr_sort_t sort)
{
	if (!usable(chart))
		return;
	if ((unsigned) sort > LR_SORT_DESCENDING)
		lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown sort order %d", (int) sort);
	else
		chart->sort = sort;
}

/* ---- data selection ---------------------------------------------------------------- */

double
lr_observation_central(const lr_observation_t *observation)
{
	if (!isnan(observation->value))
		return observation->value;
	return (observation->low + observation->high) / 2;
}

static bool
contains_int(const GArray *array, int value)
{
	for (guint i = 0; i < array->len; i++)
		if (g_array_index(array, int, i) == value)
			return true;
	return false;
}

static int
index_of_string(const GPtrArray *array, const char *text)
{
	for (guint i = 0; i < array->len; i++)
		if (strcmp(g_ptr_array_index(array, i), text) == 0)
			return (int) i;
	return -1;
}

static int
compare_ints(gconstpointer a, gconstpointer b)
{
	return *(const int *) a - *(const int *) b;
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

static char *capitalize(const char *text);

/* Indicators of one chart often share their first words ("Số mục tiêu chuyển đổi số quốc
 * gia đã hoàn thành", "… có khả năng hoàn thành cao"). The shared words are cut from the
 * labels (which then start with a capital) and returned, to serve as the default title.
 * NULL when too little is shared. */
static char *
strip_common_prefix(char **labels, int count, lr_language_t language)
{
	char **first = g_strsplit(labels[0], " ", -1);
	int shared = g_strv_length(first);
	/* Vietnamese words are written as syllables, and a cut could split one ("phần cứng",
	 * hardware, into "phần" + "cứng"): cut Vietnamese only after three shared syllables and
	 * when every label keeps at least two. */
	int min_shared = language == LR_LANGUAGE_VI ? 3 : 2;
	int min_left = language == LR_LANGUAGE_VI ? 2 : 1;
	char *prefix = NULL;

	for (int i = 1; i < count; i++) {
		char **words = g_strsplit(labels[i], " ", -1);
		int k = 0;
		while (k < shared && words[k] && strcmp(words[k], first[k]) == 0)
			k++;
		shared = k;
		g_strfreev(words);
	}
	for (int i = 0; i < count; i++) {
		char **words = g_strsplit(labels[i], " ", -1);
		if ((int) g_strv_length(words) - shared < min_left)
			shared = 0;
		g_strfreev(words);
	}
	if (shared >= min_shared && first[shared]) {
		char *saved = first[shared];
		first[shared] = NULL;
		prefix = g_strjoinv(" ", first);
		first[shared] = saved;
		for (int i = 0; i < count; i++) {
			const char *rest = labels[i];
			for (int k = 0; k < shared; k++)
				rest = strchr(rest, ' ') + 1;
			{
				char *label = capitalize(rest);
				g_free(labels[i]);
				labels[i] = label;
			}
		}
	}
	g_strfreev(first);
	return prefix;
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

/* Entities are written as in running text ("thế giới"); a label starts a line ("Thế giới"). */
static char *
capitalize(const char *text)
{
	gunichar first = g_utf8_get_char(text);
	char head[8];
	int length;

	if (!*text || g_unichar_isupper(first))
		return g_strdup(text);
	length = g_unichar_to_utf8(g_unichar_totitle(first), head);
	head[length] = '\0';
	return g_strconcat(head, g_utf8_next_char(text), NULL);
}

static char *
dimension_label(const lr_chart_t *chart, lr_dimension_t dimension, const char *entity, int year,
		const lr_indicator_t *indicator)
{
	switch (dimension) {
	case LR_DIMENSION_YEAR:
		return g_strdup_printf("%d", year);
	case LR_DIMENSION_ENTITY:
		return capitalize(lr_dataset_get_entity_name(chart->dataset, entity, chart->language));
	case LR_DIMENSION_INDICATOR:
	default:
		return g_strdup(lr_indicator_get_name(indicator, chart->language));
	}
}

lr_status_t
lr_chart_build_table(lr_chart_t *chart, bool for_ranking, lr_table_t *table)
{
	size_t count = lr_dataset_get_observation_count(chart->dataset);
	GPtrArray *entities = g_ptr_array_new();       /* borrowed from the dataset */
	GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
	GPtrArray *matches = g_ptr_array_new();
	int indicator_count = (int) chart->indicators->len;
	lr_status_t status = LR_STATUS_SUCCESS;

	memset(table, 0, sizeof *table);
	if (indicator_count == 0) {
		status = lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT,
				       "no indicator chosen (add one with --indicator ID)");
		goto out;
	}

	/* Whole-year observations of the chosen indicators, entities and years. */
	for (size_t i = 0; i < count; i++) {
		const lr_observation_t *observation = lr_dataset_get_observation(chart->dataset, i);
		bool wanted = false;
		for (int k = 0; k < indicator_count && !wanted; k++)
			wanted = strcmp(((const lr_indicator_t *) g_ptr_array_index(chart->indicators, k))->id,
					observation->indicator) == 0;
		if (!wanted || observation->period[0])
			continue;
		if (chart->entities->len && index_of_string(chart->entities, observation->entity) < 0)
			continue;
		if (chart->years->len && !contains_int(chart->years, observation->year))
			continue;
		g_ptr_array_add(matches, (gpointer) observation);
		if (index_of_string(entities, observation->entity) < 0)
			g_ptr_array_add(entities, (gpointer) observation->entity);
		if (!contains_int(years, observation->year))
			g_array_append_val(years, observation->year);
	}

	/* Requested entities and years that have no data are errors, named precisely. */
	for (guint e = 0; e < chart->entities->len; e++) {
		const char *entity = g_ptr_array_index(chart->entities, e);
		if (index_of_string(entities, entity) < 0) {
			status = lr_chart_fail(chart, LR_STATUS_UNKNOWN_ENTITY,
					       "no data for entity '%s' in the chosen indicators and years",
					       entity);
			goto out;
		}
	}
	for (guint y = 0; y < chart->years->len; y++) {
		int year = g_array_index(chart->years, int, y);
		if (!contains_int(years, year)) {
			status = lr_chart_fail(chart, LR_STATUS_NO_DATA,
					       "no data for the year %d in the chosen indicators", year);
			goto out;
		}
	}
	if (matches->len == 0) {
		status = lr_chart_fail(chart, LR_STATUS_NO_DATA,
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
			const lr_indicator_t *indicator = g_ptr_array_index(chart->indicators, k);
			if (indicator->kind != LR_INDICATOR_RANK) {
				status = lr_chart_fail(chart, LR_STATUS_UNSUPPORTED,
						       "'%s' is a %s indicator, not a rank: draw it as a bar chart",
						       indicator->id, lr_indicator_kind_to_string(indicator->kind));
				goto out;
			}
		}
		if (years->len < 2) {
			char *list = join_years(years);
			status = lr_chart_fail(chart, LR_STATUS_UNSUPPORTED,
					       "a ranking chart needs at least two years; the request has only %s",
					       list);
			g_free(list);
			goto out;
		}
		if (indicator_count > 1 && entities->len > 1) {
			status = lr_chart_fail(chart, LR_STATUS_UNSUPPORTED,
					       "several indicators and several entities at once: choose one "
					       "entity (--entity) or one indicator");
			goto out;
		}
		table->series_dimension = indicator_count > 1 ? LR_DIMENSION_INDICATOR : LR_DIMENSION_ENTITY;
		table->category_dimension = LR_DIMENSION_YEAR;
	} else if (indicator_count > 1) {
		if (years->len > 1 && entities->len > 1) {
			status = lr_chart_fail(chart, LR_STATUS_UNSUPPORTED,
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
		const lr_indicator_t *indicator = table->series_dimension == LR_DIMENSION_INDICATOR
			? g_ptr_array_index(chart->indicators, s) : g_ptr_array_index(chart->indicators, 0);
		const char *entity = table->series_dimension == LR_DIMENSION_ENTITY
			? g_ptr_array_index(entities, s) : g_ptr_array_index(entities, 0);
		table->series_indicators[s] = indicator;
		table->series_labels[s] = dimension_label(chart, table->series_dimension, entity, 0, indicator);
		table->series_keys[s] = g_strdup(table->series_dimension == LR_DIMENSION_ENTITY ? entity
						 : indicator->id);
	}
	if (table->series_dimension == LR_DIMENSION_INDICATOR && table->series_count > 1)
		table->series_prefix = strip_common_prefix(table->series_labels, table->series_count,
							   chart->language);
	for (int c = 0; c < table->category_count; c++) {
		int year = table->category_dimension == LR_DIMENSION_YEAR ? g_array_index(years, int, c)
			 : g_array_index(years, int, 0);
		const char *entity = table->category_dimension == LR_DIMENSION_ENTITY
			? g_ptr_array_index(entities, c) : g_ptr_array_index(entities, 0);
		table->category_years[c] = year;
		table->category_labels[c] = dimension_label(chart, table->category_dimension, entity, year,
							    g_ptr_array_index(chart->indicators, 0));
		table->category_keys[c] = table->category_dimension == LR_DIMENSION_ENTITY
			? g_strdup(entity) : g_strdup(table->category_labels[c]);
	}

	/* Place each observation in its cell. */
	for (guint m = 0; m < matches->len; m++) {
		const lr_observation_t *observation = g_ptr_array_index(matches, m);
		int s = -1, c = -1;
		const lr_observation_t **cell;

		for (int i = 0; i < table->series_count && s < 0; i++) {
			bool same = table->series_dimension == LR_DIMENSION_ENTITY
				? strcmp(table->series_keys[i], observation->entity) == 0
				: strcmp(table->series_keys[i], observation->indicator) == 0;
			if (same)
				s = i;
		}
		for (int i = 0; i < table->category_count && c < 0; i++) {
			bool same = table->category_dimension == LR_DIMENSION_YEAR
				? table->category_years[i] == observation->year
				: strcmp(table->category_keys[i], observation->entity) == 0;
			if (same)
				c = i;
		}
		/* Rows outside the grid: the fixed dimension's other values. */
		if (s < 0 || c < 0)
			continue;
		if (table->series_dimension != LR_DIMENSION_ENTITY &&
		    table->category_dimension != LR_DIMENSION_ENTITY &&
		    strcmp(observation->entity, g_ptr_array_index(entities, 0)) != 0)
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
		if (observation->source[0] && index_of_string(table->sources, observation->source) < 0)
			g_ptr_array_add(table->sources, (gpointer) observation->source);
	}
	if (entities->len > 1 && table->series_dimension != LR_DIMENSION_ENTITY &&
	    table->category_dimension != LR_DIMENSION_ENTITY) {
		char *list = join_strings(entities, ", ");
		status = lr_chart_fail(chart, LR_STATUS_UNSUPPORTED,
				       "the request covers several entities (%s): choose one with --entity",
				       list);
		g_free(list);
	}
out:
	if (status != LR_STATUS_SUCCESS)
		lr_table_clear(table);
	g_ptr_array_unref(entities);
	g_array_unref(years);
	g_ptr_array_unref(matches);
	return status;
}

/* ---- words and numbers ------------------------------------------------------------- */

const char *
lr_chart_word(const lr_chart_t *chart, lr_word_t word)
{
	static const char *const words[LR_WORD_LAST][2] = {
		[LR_WORD_SOURCE] = { "Nguồn", "Source" },
		[LR_WORD_NOTE_UNCERTAIN] = { "Cột nhạt, viền đứt: ", "Pale bars with dashed outlines: " },
		[LR_WORD_ESTIMATE] = { "ước tính", "estimates" },
		[LR_WORD_FORECAST] = { "dự báo", "forecasts" },
		[LR_WORD_TARGET] = { "mục tiêu", "targets" },
		[LR_WORD_RANGE_NOTE] = { "Phần nhạt phía trên: khoảng giá trị nguồn đưa ra (thấp–cao).",
					 "Paler extension: the range the source gives (low–high)." },
		[LR_WORD_DISAGREE_NOTE] = { "Các nguồn đưa số liệu khác nhau; biểu đồ dùng số liệu của nguồn đầu tiên.",
					    "Sources differ; the chart shows the first source's figure." },
		[LR_WORD_RANK_AXIS] = { "Thứ hạng (1 = cao nhất)", "Rank (1 = best)" },
		[LR_WORD_GAP_NOTE] = { "Nét đứt: không có số liệu các năm ở giữa.",
				       "Dashed lines: no data for the years between." },
		[LR_WORD_PERCENT_SUBTITLE] = { "Tỷ trọng trong tổng (%)", "Share of the total (%)" },
		[LR_WORD_RANK_N_NOTE] = { "x/N: hạng x trong N nền kinh tế được xếp hạng.",
					  "x/N: rank x of N economies ranked." },
		[LR_WORD_HOLLOW_NOTE] = { "Điểm rỗng: ", "Hollow points: " },
		[LR_WORD_NO_DATA] = { "không có số liệu", "no data" },
		[LR_WORD_NOTE_HATCHED] = { "Cột gạch chéo, viền đứt: ", "Hatched bars with dashed outlines: " },
	};
	return words[word][chart->language == LR_LANGUAGE_EN ? 1 : 0];
}

char *
lr_chart_uncertain_list(const lr_chart_t *chart, unsigned statuses)
{
	static const lr_word_t words[] = { LR_WORD_ESTIMATE, LR_WORD_FORECAST, LR_WORD_TARGET };
	GString *list = g_string_new(NULL);

	for (int i = 0; i < 3; i++)
		if (statuses & (1u << (i + 1)))
			g_string_append_printf(list, "%s%s", list->len ? ", " : "",
					       lr_chart_word(chart, words[i]));
	return g_string_free(list, FALSE);
}

char *
lr_chart_format_value(const lr_chart_t *chart, const lr_indicator_t *indicator, double value,
		      int decimals, bool with_unit)
{
	lr_number_format_t format;
	const char *unit = lr_indicator_get_unit(indicator, chart->language);
	char *text, *copy;

	lr_number_format_init(&format, chart->language);
	format.decimals = CLAMP(decimals, 0, 6);
	/* Labels of one chart share their decimals (8,0 beside 2,9, not 8). */
	format.flags &= ~(unsigned) LR_NUMBER_TRIM_ZEROS;
	if (strcmp(unit, "%") == 0)
		format.flags |= with_unit ? LR_NUMBER_PERCENT : 0;
	else if (with_unit && unit[0])
		format.unit = unit;
	text = lr_format_number(value, &format);
	copy = g_strdup(text ? text : "");
	lr_free(text);
	return copy;
}

char *
lr_chart_format_observation(const lr_chart_t *chart, const lr_indicator_t *indicator,
			    const lr_observation_t *observation, int decimals)
{
	lr_number_format_t format;
	char *text, *copy;

	if (indicator->kind == LR_INDICATOR_RANK && !isnan(observation->value)) {
		text = lr_format_rank((int) observation->value, observation->total);
	} else if (!isnan(observation->low)) {
		const char *unit = lr_indicator_get_unit(indicator, chart->language);
		lr_number_format_init(&format, chart->language);
		format.decimals = CLAMP(decimals, 0, 6);
		format.flags &= ~(unsigned) LR_NUMBER_TRIM_ZEROS;
		if (strcmp(unit, "%") == 0)
			format.flags |= LR_NUMBER_PERCENT;
		text = lr_format_range(observation->low, observation->high, &format);
	} else {
		return lr_chart_format_value(chart, indicator, observation->value, decimals,
					     strcmp(lr_indicator_get_unit(indicator, chart->language), "%") == 0);
	}
	copy = g_strdup(text ? text : "");
	lr_free(text);
	return copy;
}

/* ---- the frame ---------------------------------------------------------------------- */

static lr_color_t
theme_color(const lr_chart_t *chart, lr_theme_color_t role)
{
	return chart->theme->colors[role];
}

static char *
source_line(const lr_chart_t *chart, const lr_table_t *table)
{
	GString *line = g_string_new(NULL);

	g_string_append_printf(line, "%s: ", lr_chart_word(chart, LR_WORD_SOURCE));
	for (guint i = 0; i < table->sources->len; i++)
		g_string_append_printf(line, "%s%s", i ? "; " : "",
				       lr_dataset_get_source_label(chart->dataset,
								   g_ptr_array_index(table->sources, i),
								   chart->language));
	if (table->sources->len == 0)
		g_string_append(line, "—");
	return g_string_free(line, FALSE);
}

lr_status_t
lr_chart_layout_frame(lr_chart_t *chart, lr_scene_t *scene, const lr_table_t *table,
		      const lr_frame_spec_t *spec, lr_rect_t *plot)
{
	const lr_theme_t *theme = chart->theme;
	double font = scene->font_size;
	double margin = font * theme->sizes[LR_THEME_SIZE_MARGIN];
	double inner_width = scene->width - 2 * margin;
	double top = margin, bottom = scene->height - margin;
	double small = theme->sizes[LR_THEME_SIZE_SMALL];
	lr_status_t status;
	lr_text_t text;
	char *source;
	GPtrArray *bottom_texts = g_ptr_array_new_with_free_func(g_free);

	if (inner_width < font * 4)
		return lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT,
				     "the canvas (%g × %g) is too small for a chart", scene->width,
				     scene->height);

	lr_scene_add_rect(scene, "background", 0, 0, scene->width, scene->height,
			  theme_color(chart, LR_THEME_COLOR_BACKGROUND));

	status = lr_scene_measure(scene, spec->title, theme->sizes[LR_THEME_SIZE_TITLE], true,
				  inner_width, 2, PANGO_ALIGN_LEFT, &text);
	if (status)
		goto fail;
	lr_scene_add_text(scene, "title", &text, margin, top, theme_color(chart, LR_THEME_COLOR_TEXT));
	top += ((lr_item_t *) g_ptr_array_index(scene->items, scene->items->len - 1))->height + font * 0.3;

	if (spec->subtitle && spec->subtitle[0]) {
		status = lr_scene_measure(scene, spec->subtitle, theme->sizes[LR_THEME_SIZE_SUBTITLE],
					  false, inner_width, 2, PANGO_ALIGN_LEFT, &text);
		if (status)
			goto fail;
		lr_scene_add_text(scene, "subtitle", &text, margin, top,
				  theme_color(chart, LR_THEME_COLOR_TEXT_MUTED));
		top += ((lr_item_t *) g_ptr_array_index(scene->items, scene->items->len - 1))->height;
	}
	top += font * 0.6;

	/* Legend: swatch + label pairs flowing left to right, wrapping into rows. */
	if (spec->legend_count > 0) {
		double x = margin, row_height = 0, swatch = font * 0.8, gap = font * 0.5;
		for (int i = 0; i < spec->legend_count; i++) {
			const lr_legend_entry_t *entry = &spec->legend[i];
			double item_width;
			status = lr_scene_measure(scene, entry->label, small, false,
						  inner_width - swatch - gap, 2, PANGO_ALIGN_LEFT, &text);
			if (status)
				goto fail;
			item_width = swatch + gap * 0.6 + text.width;
			if (x > margin && x + item_width > margin + inner_width) {
				x = margin;
				top += row_height + font * 0.3;
				row_height = 0;
			}
			if (entry->line) {
				lr_scene_add_line(scene, "legend-key", x, top + text.baseline - swatch * 0.35,
						  x + swatch, top + text.baseline - swatch * 0.35, entry->color,
						  font * theme->sizes[LR_THEME_SIZE_SERIES_LINE]);
			} else {
				lr_scene_add_rect(scene, "legend-key", x, top + text.baseline - swatch * 0.8,
						  swatch, swatch, entry->color);
			}
			row_height = MAX(row_height, text.height);
			lr_scene_add_text(scene, "legend-label", &text, x + swatch + gap * 0.6, top,
					  theme_color(chart, LR_THEME_COLOR_TEXT));
			x += item_width + gap * 2;
		}
		top += row_height + font * 0.6;
	}

	/* Bottom up: the source line last, notes above it. */
	source = source_line(chart, table);
	g_ptr_array_add(bottom_texts, source);
	for (guint i = 0; spec->notes && i < spec->notes->len; i++)
		g_ptr_array_insert(bottom_texts, (gint) i, g_strdup(g_ptr_array_index(spec->notes, i)));
	{
		double y = bottom;
		lr_text_t *measured = g_new0(lr_text_t, bottom_texts->len);
		for (guint i = 0; i < bottom_texts->len; i++) {
			status = lr_scene_measure(scene, g_ptr_array_index(bottom_texts, i), small, false,
						  inner_width, 2, PANGO_ALIGN_LEFT, &measured[i]);
			if (status) {
				for (guint j = 0; j < i; j++)
					lr_text_clear(&measured[j]);
				g_free(measured);
				goto fail;
			}
		}
		for (guint i = bottom_texts->len; i-- > 0;)
			y -= measured[i].height + (i + 1 < bottom_texts->len ? font * 0.15 : 0);
		bottom = y - font * 0.8;
		for (guint i = 0; i < bottom_texts->len; i++) {
			double h = measured[i].height;
			lr_scene_add_text(scene, i + 1 == bottom_texts->len ? "source" : "note",
					  &measured[i], margin, y,
					  theme_color(chart, LR_THEME_COLOR_TEXT_MUTED));
			y += h + font * 0.15;
		}
		g_free(measured);
	}
	g_ptr_array_unref(bottom_texts);

	plot->x = margin;
	plot->y = top;
	plot->width = inner_width;
	plot->height = bottom - top;
	if (plot->height < font * 3)
		return lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT,
				     "the canvas (%g × %g) is too small: no room left for the plot",
				     scene->width, scene->height);
	return LR_STATUS_SUCCESS;
fail:
	g_ptr_array_unref(bottom_texts);
	return lr_chart_fail(chart, status, "text could not be laid out: %s",
			     lr_status_to_string(status));
}

/* ---- layout, drawing, files ---------------------------------------------------------- */

static lr_status_t
layout_scene(lr_chart_t *chart, double width, double height, lr_scene_t *scene)
{
	PangoContext *context;
	lr_status_t status;

	memset(scene, 0, sizeof *scene);
	if (!chart)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!usable(chart))
		return chart->status;
	if (!isfinite(width) || !isfinite(height) || width < 1 || height < 1)
		return lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT,
				     "invalid canvas size %g × %g: expected positive, finite numbers",
				     width, height);
	context = lr_fonts_get_context(&status);
	if (!context)
		return lr_chart_fail(chart, status, "cannot load the fonts from '%s' (set LREPORT_FONTS_DIR)",
				     lr_fonts_get_directory());
	lr_scene_init(scene, context, chart->theme, width, height);
	status = chart->kind == LR_CHART_BAR ? lr_bar_layout(chart, scene) : lr_rank_layout(chart, scene);
	if (status != LR_STATUS_SUCCESS)
		lr_scene_clear(scene);
	return status;
}

lr_status_t
lr_chart_draw(lr_chart_t *chart, cairo_t *cr, const lr_rect_t *rect)
{
	cairo_path_t *path;
	lr_scene_t scene;
	lr_status_t status;

	if (!chart)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!usable(chart))
		return chart->status;
	if (!cr || !rect)
		return lr_chart_fail(chart, LR_STATUS_NULL_POINTER, "%s is NULL",
				     !cr ? "the cairo context" : "the rectangle");
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return lr_chart_fail(chart, LR_STATUS_CAIRO_ERROR, "the cairo context is in error: %s",
				     cairo_status_to_string(cairo_status(cr)));
	if (!isfinite(rect->x) || !isfinite(rect->y))
		return lr_chart_fail(chart, LR_STATUS_INVALID_ARGUMENT, "the rectangle is not finite");
	status = layout_scene(chart, rect->width, rect->height, &scene);
	if (status != LR_STATUS_SUCCESS)
		return status;
	/* The caller's current path is theirs (cairo_save() does not keep paths): set it aside,
	 * so it neither joins the clip nor is lost. */
	path = cairo_copy_path(cr);
	cairo_save(cr);
	cairo_new_path(cr);
	cairo_translate(cr, rect->x, rect->y);
	cairo_rectangle(cr, 0, 0, rect->width, rect->height);
	cairo_clip(cr);
	lr_scene_draw(&scene, cr);
	cairo_restore(cr);
	cairo_new_path(cr);
	if (path->status == CAIRO_STATUS_SUCCESS)
		cairo_append_path(cr, path);
	cairo_path_destroy(path);
	lr_scene_clear(&scene);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return lr_chart_fail(chart, LR_STATUS_CAIRO_ERROR, "drawing failed: %s",
				     cairo_status_to_string(cairo_status(cr)));
	return LR_STATUS_SUCCESS;
}

static lr_status_t
draw_for_output(void *data, cairo_t *cr, const lr_rect_t *rect)
{
	return lr_chart_draw(data, cr, rect);
}

lr_status_t
lr_chart_write(lr_chart_t *chart, const char *path, lr_file_format_t format, double width,
	       double height, double scale)
{
	lr_error_record_t error = { 0 };
	lr_status_t status;

	if (!chart)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!usable(chart))
		return chart->status;
	if (!path)
		return lr_chart_fail(chart, LR_STATUS_NULL_POINTER, "no output file named");
	status = lr_output_write(path, format, width, height, scale, draw_for_output, chart, &error);
	if (status != LR_STATUS_SUCCESS && chart->status == LR_STATUS_SUCCESS)
		lr_chart_fail(chart, status, "%s", error.message ? error.message : lr_status_to_string(status));
	lr_error_record_clear(&error);
	return status;
}

char *
lr_chart_describe_layout(lr_chart_t *chart, double width, double height)
{
	lr_scene_t scene;
	char *text, *copy;

	if (layout_scene(chart, width, height, &scene) != LR_STATUS_SUCCESS)
		return NULL;
	text = lr_scene_describe(&scene);
	lr_scene_clear(&scene);
	/* Returned to the caller, who frees with lr_free() (g_free). */
	copy = text;
	return copy;
}
