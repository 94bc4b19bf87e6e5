/* libreport: chart specifications as people write them. Options (key = value, with where
 * they were written) become calls of the chart's public setters, with every error located
 * and saying what was expected; charts.ini, a list of [chart NAME] groups of options, is read
 * by a small line reader (GKeyFile does not say where a key is) into a lr_chart_set_t.
 *
 * The report engine reads its ```chart blocks into the same options and calls
 * lr_chart_create_from_options(), so both formats share one set of keys and one mapping of
 * names to values (the public _from_string() functions).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <string.h>

#include "chart-spec-private.h"

static const char *const known_keys[] = {
	"kind", "indicator", "entity", "year", "layout", "horizontal", "sort", "highlight", "theme",
	"labels", "decimals", "title", "subtitle", "title_vi", "title_en", "subtitle_vi", "subtitle_en",
};

/* Keys of a charts.ini group that say how the chart's files are written, not what the chart
 * is: kept with the chart for the program that writes them (lr_chart_set_get_file_option). */
static const char *const file_keys[] = { "size", "scale", "dpi" };

static int
file_key_index(const char *key)
{
	for (unsigned i = 0; key && i < G_N_ELEMENTS(file_keys); i++)
		if (strcmp(key, file_keys[i]) == 0)
			return (int) i;
	return -1;
}

bool
lr_chart_option_is_known(const char *key)
{
	for (unsigned i = 0; key && i < G_N_ELEMENTS(known_keys); i++)
		if (strcmp(key, known_keys[i]) == 0)
			return true;
	return false;
}

static lr_status_t
spec_error(lr_error_record_t *error, lr_status_t status, const lr_spec_location_t *at,
	   unsigned column, const char *format, ...) G_GNUC_PRINTF(5, 6);

static lr_status_t
spec_error(lr_error_record_t *error, lr_status_t status, const lr_spec_location_t *at,
	   unsigned column, const char *format, ...)
{
	va_list args;
	char *message;

	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	lr_error_record_set(error, status, at ? at->file : NULL, at ? at->line : 0,
			    at && at->line ? column : 0, "%s", message);
	g_free(message);
	return status;
}

/* The column of byte @offset of @value, which starts at @at's value column. */
static unsigned
value_column(const lr_spec_location_t *at, const char *value, size_t offset)
{
	if (!at || !at->value_column)
		return 0;
	if (!g_utf8_validate(value, (gssize) offset, NULL))
		return at->value_column + (unsigned) offset;
	return at->value_column + (unsigned) g_utf8_strlen(value, (gssize) offset);
}

/* The error a setter recorded on @chart, moved to the option's position. */
static lr_status_t
check_chart(lr_chart_t *chart, const char *key, const lr_spec_location_t *at, unsigned column,
	    lr_error_record_t *error)
{
	const lr_error_t *chart_error = lr_chart_get_error(chart);

	if (lr_chart_status(chart) == LR_STATUS_SUCCESS)
		return LR_STATUS_SUCCESS;
	return spec_error(error, lr_chart_status(chart), at, column, "%s: %s", key,
			  chart_error ? chart_error->message : lr_status_to_string(lr_chart_status(chart)));
}

/* What the items of a list option are. */
typedef enum { ITEM_INDICATOR, ITEM_ENTITY, ITEM_YEAR } item_kind_t;

static lr_status_t
add_item(lr_chart_t *chart, item_kind_t kind, const char *key, const char *item,
	 const lr_spec_location_t *at, unsigned column, lr_error_record_t *error)
{
	gint64 year;

	switch (kind) {
	case ITEM_INDICATOR:
		lr_chart_add_indicator(chart, item);
		break;
	case ITEM_ENTITY:
		lr_chart_add_entity(chart, item);
		break;
	case ITEM_YEAR:
	default: {
		/* A year, or a range of the years with data (2021-2024). */
		const char *dash = strchr(item, '-');
		char *first_text = g_strndup(item, dash ? (gsize) (dash - item) : strlen(item));
		gint64 last = 0;
		bool ok = g_ascii_string_to_signed(first_text, 10, 1900, 2100, &year, NULL) &&
			  (!dash || (g_ascii_string_to_signed(dash + 1, 10, 1900, 2100, &last, NULL) &&
				     year <= last));
		g_free(first_text);
		if (!ok)
			return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, column,
					  "%s: expected a year from 1900 to 2100 like 2024, or a range "
					  "like 2022-2024, found '%s'",
					  key, item);
		if (dash)
			lr_chart_add_year_range(chart, (int) year, (int) last);
		else
			lr_chart_add_year(chart, (int) year);
		break;
	}
	}
	return check_chart(chart, key, at, column, error);
}

/* Adds each ';'-separated item of @value (spaces around items dropped, empty items skipped,
 * so "a;b;" is two). */
static lr_status_t
add_items(lr_chart_t *chart, item_kind_t kind, const char *key, const char *value,
	  const lr_spec_location_t *at, lr_error_record_t *error)
{
	const char *start = value;
	bool any = false;

	while (*start) {
		const char *end = strchr(start, ';');
		const char *item_start = start, *item_end;
		char *item;
		lr_status_t status;

		if (!end)
			end = start + strlen(start);
		item_end = end;
		while (item_start < item_end && g_ascii_isspace(*item_start))
			item_start++;
		while (item_end > item_start && g_ascii_isspace(item_end[-1]))
			item_end--;
		if (item_end > item_start) {
			item = g_strndup(item_start, (gsize) (item_end - item_start));
			status = add_item(chart, kind, key, item, at,
					  value_column(at, value, (size_t) (item_start - value)), error);
			g_free(item);
			if (status != LR_STATUS_SUCCESS)
				return status;
			any = true;
		}
		start = *end ? end + 1 : end;
	}
	if (!any)
		return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, value_column(at, value, 0),
				  "%s: expected one or more values separated by ';'", key);
	return LR_STATUS_SUCCESS;
}

/* "title_vi" → true when @language is Vietnamese; *@applies false for the other language. */
static bool
language_key(const char *key, const char *stem, lr_language_t language, bool *applies)
{
	size_t length = strlen(stem);

	if (strncmp(key, stem, length) != 0 || key[length] != '_')
		return false;
	*applies = strcmp(key + length + 1, lr_language_to_string(language)) == 0;
	return true;
}

lr_status_t
lr_chart_apply_option(lr_chart_t *chart, const char *key, const char *value,
		      lr_language_t language, const lr_spec_location_t *at, lr_error_record_t *error)
{
	unsigned key_column = at ? at->key_column : 0, column = value_column(at, value ? value : "", 0);
	bool applies = true;

	if (!chart || !key || !value)
		return spec_error(error, LR_STATUS_NULL_POINTER, at, key_column,
				  "an option needs a chart, a key and a value");
	if (lr_chart_status(chart) != LR_STATUS_SUCCESS)
		return check_chart(chart, key, at, key_column, error);
	if (!lr_chart_option_is_known(key))
		return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, key_column,
				  "unknown key '%s'; expected kind, indicator, entity, year, layout, "
				  "horizontal, sort, labels, decimals, highlight, theme, title, subtitle, "
				  "title_vi, "
				  "title_en, subtitle_vi or subtitle_en", key);
	if (strcmp(key, "kind") == 0) {
		lr_chart_kind_t kind;
		if (lr_chart_kind_from_string(value, &kind) != LR_STATUS_SUCCESS)
			return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, column,
					  "kind: expected bar or rank, found '%s'", value);
		/* The kind is the chart's from its creation: a second one must agree. */
		if (kind != lr_chart_get_kind(chart))
			return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, column,
					  "kind: this chart is already a %s chart",
					  lr_chart_kind_to_string(lr_chart_get_kind(chart)));
		return LR_STATUS_SUCCESS;
	}
	if (strcmp(key, "indicator") == 0)
		return add_items(chart, ITEM_INDICATOR, key, value, at, error);
	if (strcmp(key, "entity") == 0)
		return add_items(chart, ITEM_ENTITY, key, value, at, error);
	if (strcmp(key, "year") == 0)
		return add_items(chart, ITEM_YEAR, key, value, at, error);
	if (strcmp(key, "layout") == 0) {
		lr_bar_layout_t layout;
		if (lr_bar_layout_from_string(value, &layout) != LR_STATUS_SUCCESS)
			return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, column,
					  "layout: expected grouped, stacked or percent, found '%s'", value);
		lr_chart_set_bar_layout(chart, layout);
	} else if (strcmp(key, "horizontal") == 0) {
		bool horizontal = strcmp(value, "true") == 0 || strcmp(value, "1") == 0;
		if (!horizontal && strcmp(value, "false") != 0 && strcmp(value, "0") != 0)
			return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, column,
					  "horizontal: expected true or false, found '%s'", value);
		lr_chart_set_orientation(chart, horizontal ? LR_ORIENTATION_HORIZONTAL
							   : LR_ORIENTATION_VERTICAL);
	} else if (strcmp(key, "sort") == 0) {
		lr_sort_t sort;
		if (lr_sort_from_string(value, &sort) != LR_STATUS_SUCCESS)
			return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, column,
					  "sort: expected none, asc or desc, found '%s'", value);
		lr_chart_set_sort(chart, sort);
	} else if (strcmp(key, "labels") == 0) {
		lr_value_labels_t labels;
		if (lr_value_labels_from_string(value, &labels) != LR_STATUS_SUCCESS)
			return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, column,
					  "labels: expected fit, all or none, found '%s'", value);
		lr_chart_set_value_labels(chart, labels);
	} else if (strcmp(key, "decimals") == 0) {
		gint64 decimals;
		if (!g_ascii_string_to_signed(value, 10, 0, LR_CHART_DECIMALS_MAX, &decimals, NULL))
			return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, column,
					  "decimals: expected a whole number from 0 to %d, found '%s'",
					  LR_CHART_DECIMALS_MAX, value);
		lr_chart_set_decimals(chart, (int) decimals);
	} else if (strcmp(key, "highlight") == 0) {
		lr_chart_set_highlight(chart, value);
	} else if (strcmp(key, "theme") == 0) {
		lr_theme_preset_t preset;
		lr_theme_t *theme;
		if (lr_theme_preset_from_string(value, &preset) != LR_STATUS_SUCCESS)
			return spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, column,
					  "theme: expected default or print, found '%s'", value);
		theme = lr_theme_create_preset(preset);
		lr_chart_set_theme(chart, theme);
		lr_theme_destroy(theme);
	} else if (strcmp(key, "title") == 0 || (language_key(key, "title", language, &applies) && applies)) {
		lr_chart_set_title(chart, value);
	} else if (strcmp(key, "subtitle") == 0 ||
		   (language_key(key, "subtitle", language, &applies) && applies)) {
		lr_chart_set_subtitle(chart, value);
	}
	/* Else a title or subtitle in the other language: accepted, not used. */
	return check_chart(chart, key, at, column, error);
}

lr_chart_t *
lr_chart_create_from_options(lr_dataset_t *dataset, lr_language_t language,
			     const lr_spec_option_t *options, size_t count,
			     const lr_spec_location_t *at, lr_error_record_t *error)
{
	const lr_spec_option_t *kind_option = NULL;
	lr_chart_kind_t kind;
	lr_chart_t *chart;

	for (size_t i = 0; i < count && !kind_option; i++)
		if (strcmp(options[i].key, "kind") == 0)
			kind_option = &options[i];
	if (!kind_option) {
		spec_error(error, LR_STATUS_INVALID_ARGUMENT, at, at ? at->key_column : 0,
			   "no kind: expected kind=bar or kind=rank");
		return NULL;
	}
	if (lr_chart_kind_from_string(kind_option->value, &kind) != LR_STATUS_SUCCESS) {
		spec_error(error, LR_STATUS_INVALID_ARGUMENT, &kind_option->at,
			   kind_option->at.value_column, "kind: expected bar or rank, found '%s'",
			   kind_option->value);
		return NULL;
	}
	chart = lr_chart_create(kind, dataset);
	lr_chart_set_language(chart, language);
	if (check_chart(chart, "chart", at, at ? at->key_column : 0, error) != LR_STATUS_SUCCESS)
		goto fail;
	for (size_t i = 0; i < count; i++)
		if (lr_chart_apply_option(chart, options[i].key, options[i].value, language,
					  &options[i].at, error) != LR_STATUS_SUCCESS)
			goto fail;
	/* A request the data cannot satisfy is the block's error, found before any drawing. */
	if (lr_chart_validate(chart) != LR_STATUS_SUCCESS) {
		spec_error(error, lr_chart_status(chart), at, at ? at->key_column : 0, "%s",
			   lr_chart_get_error(chart)->message);
		goto fail;
	}
	return chart;
fail:
	lr_chart_destroy(chart);
	return NULL;
}

bool
lr_chart_name_is_safe(const char *name)
{
	if (!name || !name[0] || strcmp(name, ".") == 0 || strstr(name, ".."))
		return false;
	for (const unsigned char *p = (const unsigned char *) name; *p; p++)
		if (*p == '/' || *p == '\\' || *p < 0x20 || *p == 0x7f)
			return false;
	return g_utf8_validate(name, -1, NULL);
}

/* ---- charts.ini ------------------------------------------------------------------------ */

struct lr_chart_set {
	lr_status_t status;
	GPtrArray *errors;      /* lr_error_record_t * */
	GPtrArray *names;       /* char * */
	GPtrArray *charts;      /* lr_chart_t * */
	GArray *file_options;   /* file_options_t, one per chart */
};

/* A chart's size, scale and dpi values (file_keys order), where they were written. */
typedef struct {
	char *value[G_N_ELEMENTS(file_keys)];
	unsigned line[G_N_ELEMENTS(file_keys)], column[G_N_ELEMENTS(file_keys)];
} file_options_t;

static void
file_options_clear(gpointer data)
{
	file_options_t *options = data;

	for (unsigned i = 0; i < G_N_ELEMENTS(file_keys); i++)
		g_free(options->value[i]);
}

static lr_chart_set_t inert_set = { .status = LR_STATUS_NO_MEMORY };

static void
chart_free(gpointer data)
{
	lr_chart_destroy(data);
}

/* Takes over @error (leaving it zeroed) as one of @set's errors. */
static void
set_add_error(lr_chart_set_t *set, lr_error_record_t *error)
{
	lr_error_record_t *stored = g_new(lr_error_record_t, 1);

	*stored = *error;
	memset(error, 0, sizeof *error);
	if (set->status == LR_STATUS_SUCCESS)
		set->status = stored->public.status;
	lr_error_list_add(set->errors, stored);
}

static void
set_error(lr_chart_set_t *set, lr_status_t status, const char *file, unsigned line,
	  unsigned column, const char *format, ...) G_GNUC_PRINTF(6, 7);

static void
set_error(lr_chart_set_t *set, lr_status_t status, const char *file, unsigned line,
	  unsigned column, const char *format, ...)
{
	lr_error_record_t error = { 0 };
	va_list args;
	char *message;

	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	lr_error_record_set(&error, status, file, line, column, "%s", message);
	g_free(message);
	set_add_error(set, &error);
}

/* The group being read: its name and options. */
typedef struct {
	char *name;                 /* NULL: none yet, or one that is in error */
	bool skip;                  /* a bad header: its keys are not reported again */
	bool bad;                   /* an error in its options: no chart is made */
	lr_spec_location_t at;      /* the [chart NAME] line */
	GArray *options;            /* lr_spec_option_t, strings in @strings */
	GPtrArray *strings;
	GHashTable *keys;           /* key → first line */
	file_options_t file;        /* its size, scale, dpi */
} group_t;

static void
group_reset(group_t *group)
{
	g_free(group->name);
	group->name = NULL;
	group->skip = false;
	group->bad = false;
	g_array_set_size(group->options, 0);
	g_ptr_array_set_size(group->strings, 0);
	g_hash_table_remove_all(group->keys);
	file_options_clear(&group->file);
	memset(&group->file, 0, sizeof group->file);
}

static void
group_finish(lr_chart_set_t *set, group_t *group, lr_dataset_t *dataset, lr_language_t language)
{
	lr_error_record_t error = { 0 };
	lr_chart_t *chart;

	if (!group->name || group->bad) {
		group_reset(group);
		return;
	}
	chart = lr_chart_create_from_options(dataset, language,
					     (const lr_spec_option_t *) (void *) group->options->data,
					     group->options->len, &group->at, &error);
	if (chart) {
		g_ptr_array_add(set->names, g_strdup(group->name));
		g_ptr_array_add(set->charts, chart);
		g_array_append_val(set->file_options, group->file);
		memset(&group->file, 0, sizeof group->file);
	} else {
		/* Name the chart: the message may come from its data, not from a line of it. */
		char *message = g_strdup_printf("[chart %s] %s", group->name, error.message);
		set_error(set, error.public.status, error.public.file, error.public.line,
			  error.public.column, "%s", message);
		g_free(message);
		lr_error_record_clear(&error);
	}
	group_reset(group);
}

static unsigned
column_of(const char *line, const char *position)
{
	return 1 + (unsigned) g_utf8_strlen(line, (gssize) (position - line));
}

static void
read_group_header(lr_chart_set_t *set, group_t *group, GHashTable *names, const char *path,
		  unsigned number, const char *line, const char *start, const char *end)
{
	const char *close = end;
	char *inside, *name;

	while (close > start && g_ascii_isspace(close[-1]))
		close--;
	group->at = (lr_spec_location_t) { path, number, column_of(line, start), column_of(line, start) };
	if (close - start < 2 || close[-1] != ']') {
		set_error(set, LR_STATUS_PARSE_ERROR, path, number, column_of(line, start),
			  "a group header must end with ']': expected [chart NAME]");
		group->skip = true;
		return;
	}
	inside = g_strndup(start + 1, (gsize) (close - 1 - (start + 1)));
	if (!g_str_has_prefix(inside, "chart ")) {
		set_error(set, LR_STATUS_PARSE_ERROR, path, number, column_of(line, start),
			  "unknown group '[%s]': expected [chart NAME]", inside);
		group->skip = true;
		g_free(inside);
		return;
	}
	name = g_strstrip(g_strdup(inside + strlen("chart ")));
	g_free(inside);
	if (!lr_chart_name_is_safe(name)) {
		set_error(set, LR_STATUS_INVALID_DATA, path, number, column_of(line, start) + 7,
			  "chart name '%s': expected a name for files in the output folder: not "
			  "empty, without '/', '\\', '..' or control characters", name);
		group->skip = true;
		g_free(name);
		return;
	}
	if (g_hash_table_contains(names, name)) {
		set_error(set, LR_STATUS_INVALID_DATA, path, number, column_of(line, start) + 7,
			  "chart '%s' is already defined on line %u: its files would overwrite each other",
			  name, GPOINTER_TO_UINT(g_hash_table_lookup(names, name)));
		group->skip = true;
		g_free(name);
		return;
	}
	g_hash_table_insert(names, g_strdup(name), GUINT_TO_POINTER(number));
	group->name = name;
}

static void
read_option(lr_chart_set_t *set, group_t *group, const char *path, unsigned number,
	    const char *line, const char *start, const char *end)
{
	const char *equals = memchr(start, '=', (size_t) (end - start));
	const char *key_end, *value_start = equals ? equals + 1 : end, *value_end = end;
	lr_spec_option_t option;
	char *key, *value;

	if (!equals) {
		set_error(set, LR_STATUS_PARSE_ERROR, path, number, column_of(line, start),
			  "expected [chart NAME], key=value or a comment ('#'), found '%.*s'",
			  (int) (end - start), start);
		group->bad = true;
		return;
	}
	key_end = equals;
	while (key_end > start && g_ascii_isspace(key_end[-1]))
		key_end--;
	while (value_start < value_end && g_ascii_isspace(*value_start))
		value_start++;
	while (value_end > value_start && g_ascii_isspace(value_end[-1]))
		value_end--;
	if (group->skip)
		return;
	if (!group->name) {
		set_error(set, LR_STATUS_PARSE_ERROR, path, number, column_of(line, start),
			  "key outside a group: expected a [chart NAME] line before it");
		return;
	}
	key = g_strndup(start, (gsize) (key_end - start));
	if (!key[0]) {
		set_error(set, LR_STATUS_PARSE_ERROR, path, number, column_of(line, start),
			  "expected a key before '='");
		group->bad = true;
		g_free(key);
		return;
	}
	if (!lr_chart_option_is_known(key) && file_key_index(key) < 0) {
		set_error(set, LR_STATUS_PARSE_ERROR, path, number, column_of(line, start),
			  "unknown key '%s' in [chart %s]; expected kind, indicator, entity, year, "
			  "layout, horizontal, sort, labels, decimals, highlight, theme, title, "
			  "subtitle, title_vi, title_en, subtitle_vi, subtitle_en, size, scale or dpi",
			  key, group->name);
		group->bad = true;
		g_free(key);
		return;
	}
	if (g_hash_table_contains(group->keys, key)) {
		set_error(set, LR_STATUS_PARSE_ERROR, path, number, column_of(line, start),
			  "key '%s' is given twice in [chart %s] (first on line %u)", key, group->name,
			  GPOINTER_TO_UINT(g_hash_table_lookup(group->keys, key)));
		group->bad = true;
		g_free(key);
		return;
	}
	value = g_strndup(value_start, (gsize) (value_end - value_start));
	if (file_key_index(key) >= 0) {
		int index = file_key_index(key);
		g_hash_table_insert(group->keys, key, GUINT_TO_POINTER(number));
		g_ptr_array_add(group->strings, key);
		if (!value[0]) {
			set_error(set, LR_STATUS_PARSE_ERROR, path, number, column_of(line, value_start),
				  "%s: expected a value after '='", key);
			group->bad = true;
			g_free(value);
			return;
		}
		group->file.value[index] = value;
		group->file.line[index] = number;
		group->file.column[index] = column_of(line, value_start);
		return;
	}
	g_ptr_array_add(group->strings, key);
	g_ptr_array_add(group->strings, value);
	g_hash_table_insert(group->keys, key, GUINT_TO_POINTER(number));
	option.key = key;
	option.value = value;
	option.at = (lr_spec_location_t) { path, number, column_of(line, start),
					   column_of(line, value_start) };
	g_array_append_val(group->options, option);
}

static void
read_chart_list(lr_chart_set_t *set, const char *path, const char *contents, size_t size,
		lr_dataset_t *dataset, lr_language_t language)
{
	group_t group = {
		.options = g_array_new(FALSE, FALSE, sizeof(lr_spec_option_t)),
		.strings = g_ptr_array_new_with_free_func(g_free),
		.keys = g_hash_table_new(g_str_hash, g_str_equal),
	};
	GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	const char *line = contents, *stop = contents + size;
	unsigned number = 0;

	/* A byte-order mark from a Windows editor is not part of line 1. */
	if (size >= 3 && memcmp(contents, "\xEF\xBB\xBF", 3) == 0)
		line += 3;
	while (line < stop) {
		const char *newline = memchr(line, '\n', (size_t) (stop - line));
		const char *end = newline ? newline : stop, *start = line, *bad;

		number++;
		if (end > line && end[-1] == '\r')
			end--;
		while (start < end && g_ascii_isspace(*start))
			start++;
		if (!g_utf8_validate(line, end - line, &bad)) {
			set_error(set, LR_STATUS_INVALID_UTF8, path, number,
				  1 + (unsigned) (g_utf8_validate(line, bad - line, NULL)
						  ? g_utf8_strlen(line, bad - line) : 0),
				  "invalid UTF-8 byte (save the file as UTF-8)");
			group.bad = true;
		} else if (start == end || *start == '#' || *start == ';') {
			/* a blank line or a comment */
		} else if (*start == '[') {
			group_finish(set, &group, dataset, language);
			read_group_header(set, &group, names, path, number, line, start, end);
		} else {
			read_option(set, &group, path, number, line, start, end);
		}
		line = newline ? newline + 1 : stop;
	}
	group_finish(set, &group, dataset, language);
	group_reset(&group);
	g_array_unref(group.options);
	g_ptr_array_unref(group.strings);
	g_hash_table_unref(group.keys);
	g_hash_table_unref(names);
}

lr_chart_set_t *
lr_chart_set_load(const char *path, lr_dataset_t *dataset, lr_language_t language)
{
	lr_chart_set_t *set = g_try_new0(lr_chart_set_t, 1);
	lr_error_record_t error = { 0 };
	char *contents;
	size_t size;

	if (!set)
		return &inert_set;
	set->errors = lr_error_list_new();
	set->names = g_ptr_array_new_with_free_func(g_free);
	set->charts = g_ptr_array_new_with_free_func(chart_free);
	set->file_options = g_array_new(FALSE, TRUE, sizeof(file_options_t));
	g_array_set_clear_func(set->file_options, file_options_clear);
	if (!path || !dataset) {
		set_error(set, LR_STATUS_NULL_POINTER, NULL, 0, 0, "no %s given",
			  !path ? "chart list" : "dataset");
		return set;
	}
	if (lr_file_read(path, &contents, &size, &error) != LR_STATUS_SUCCESS) {
		set_add_error(set, &error);
		return set;
	}
	read_chart_list(set, path, contents, size, dataset, language);
	g_free(contents);
	return set;
}

void
lr_chart_set_destroy(lr_chart_set_t *set)
{
	if (!set || set == &inert_set)
		return;
	g_ptr_array_unref(set->errors);
	g_ptr_array_unref(set->names);
	g_ptr_array_unref(set->charts);
	g_array_unref(set->file_options);
	g_free(set);
}

lr_status_t
lr_chart_set_status(const lr_chart_set_t *set)
{
	return set ? set->status : LR_STATUS_NULL_POINTER;
}

size_t
lr_chart_set_get_error_count(const lr_chart_set_t *set)
{
	return set && set->errors ? set->errors->len : 0;
}

const lr_error_t *
lr_chart_set_get_error(const lr_chart_set_t *set, size_t index)
{
	return set ? lr_error_list_get(set->errors, index) : NULL;
}

size_t
lr_chart_set_get_count(const lr_chart_set_t *set)
{
	return set && set->charts ? set->charts->len : 0;
}

const char *
lr_chart_set_get_name(const lr_chart_set_t *set, size_t index)
{
	return index < lr_chart_set_get_count(set) ? g_ptr_array_index(set->names, index) : NULL;
}

lr_chart_t *
lr_chart_set_get_chart(const lr_chart_set_t *set, size_t index)
{
	return index < lr_chart_set_get_count(set) ? g_ptr_array_index(set->charts, index) : NULL;
}

const char *
lr_chart_set_get_file_option(const lr_chart_set_t *set, size_t index, const char *key,
			     unsigned *line, unsigned *column)
{
	int which = file_key_index(key);
	const file_options_t *options;

	if (line)
		*line = 0;
	if (column)
		*column = 0;
	if (which < 0 || index >= lr_chart_set_get_count(set))
		return NULL;
	options = &g_array_index(set->file_options, file_options_t, index);
	if (line)
		*line = options->value[which] ? options->line[which] : 0;
	if (column)
		*column = options->value[which] ? options->column[which] : 0;
	return options->value[which];
}
