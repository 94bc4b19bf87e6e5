/* lreport: the command-line face of libreport. Validates and lists the indicator dataset,
 * draws bar and ranking charts, and renders the chart set the dataset's charts.ini describes.
 * Uses only the public API (and GLib for option parsing).
 *
 * Exit status: 0 success, 1 bad data or a failed render, 2 wrong usage.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
/* realpath() */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <lreport/lreport.h>

#include "lreport-commands.h"
#include "lreport-table.h"

#define EXIT_DATA 1
#define EXIT_USAGE 2

static const char *program = "lreport";

static void
print_usage(FILE *out)
{
	fprintf(out,
		"Usage: lreport [--help] [--version] COMMAND [OPTIONS]\n"
		"\n"
		"Charts and checks for the indicator dataset (Vietnamese first).\n"
		"\n"
		"Commands:\n"
		"  validate [SPEC...]   check the dataset and report specs; every error as file:line:column\n"
		"  list                 list the indicators, their kind, unit and years\n"
		"  show ID              show an indicator's observations, formatted (--lang vi|en)\n"
		"  bar                  draw a bar chart        (lreport bar --help)\n"
		"  rank                 draw a ranking chart    (lreport rank --help)\n"
		"  charts               render the chart set in the dataset's charts.ini\n"
		"  report [SPEC]        render a report spec as a PDF or PNG pages (lreport report --help)\n"
		"\n"
		"Every command takes --data DIR (default: the bundled dataset, or $LREPORT_DATA_DIR).\n"
		"Exit status: 0 success, 1 invalid data or failed output, 2 wrong usage.\n");
}

/* Whether this program runs from the build folder it was compiled in: only then may the
 * source tree's dataset serve. An installed lreport never uses a build tree that happens to
 * be on the machine; without its installed data, its errors name the installed folder. */
static bool
running_from_build_tree(void)
{
	char *self = realpath("/proc/self/exe", NULL), *root = realpath(LR_BUILD_ROOT, NULL);
	bool inside = self && root && g_str_has_prefix(self, root) && self[strlen(root)] == '/';

	free(self);
	free(root);
	return inside;
}

/* The bundled dataset: $LREPORT_DATA_DIR, the installed copy, or (from the build folder
 * only) the source tree's. */
static const char *
default_data_directory(void)
{
	static const char *directory;
	const char *from_env = g_getenv("LREPORT_DATA_DIR");

	if (from_env && *from_env)
		return from_env;
	if (!directory) {
		char *probe = g_build_filename(LR_INSTALLED_DATA_DIR, "indicators.csv", NULL);
		bool installed = g_file_test(probe, G_FILE_TEST_IS_REGULAR);
		g_free(probe);
		directory = installed || !running_from_build_tree() ? LR_INSTALLED_DATA_DIR
								    : LR_SOURCE_DATA_DIR;
	}
	return directory;
}

/* How many errors a command prints before a count of the rest: a file with an error on every
 * row should not bury the first (and usually only) mistake under thousands of lines.
 * `lreport validate` lists them all. */
size_t lreport_errors_shown_max = 20;

void
lreport_print_errors(FILE *out, size_t count, const lr_error_t *(*get)(const void *, size_t),
		     const void *object)
{
	size_t shown = lreport_errors_shown_max && count > lreport_errors_shown_max
			       ? lreport_errors_shown_max
			       : count;

	for (size_t i = 0; i < shown; i++) {
		const lr_error_t *error = get(object, i);
		if (error->file && error->line)
			fprintf(out, "%s:%u:%u: error: %s\n", error->file, error->line, error->column,
				error->message);
		else if (error->file)
			fprintf(out, "%s: error: %s\n", error->file, error->message);
		else
			fprintf(out, "%s: error: %s\n", program, error->message);
	}
	if (shown < count)
		fprintf(out, "%s: ... and %zu more errors, not shown (`lreport validate` lists them "
			     "all)\n", program, count - shown);
}

static const lr_error_t *
get_dataset_error(const void *dataset, size_t index)
{
	return lr_dataset_get_error(dataset, index);
}

void
lreport_print_dataset_errors(const lr_dataset_t *dataset)
{
	lreport_print_errors(stderr, lr_dataset_get_error_count(dataset), get_dataset_error, dataset);
}

lr_dataset_t *
lreport_load_dataset(const char *directory)
{
	lr_dataset_t *dataset = lr_dataset_load(directory ? directory : default_data_directory());

	if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS) {
		lreport_print_dataset_errors(dataset);
		fprintf(stderr, "%s: %zu error%s in the dataset\n", program,
			lr_dataset_get_error_count(dataset),
			lr_dataset_get_error_count(dataset) == 1 ? "" : "s");
		lr_dataset_destroy(dataset);
		return NULL;
	}
	return dataset;
}

/* Parses options for a subcommand; prints its help or the error. Returns -1 to go on, or an
 * exit status. */
static int
parse_options(GOptionContext *context, int *argc, char ***argv)
{
	GError *error = NULL;

	if (!g_option_context_parse(context, argc, argv, &error)) {
		fprintf(stderr, "%s: %s\n(see --help)\n", program, error->message);
		g_error_free(error);
		return EXIT_USAGE;
	}
	return -1;
}

static int
compare_strings(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* The report specs given, or else every spec (*.md but README.md) in the dataset folder. */
static int
validate_specs(int count, char **specs, const char *data)
{
	const char *folder = data ? data : default_data_directory();
	GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
	int status = EXIT_SUCCESS;

	if (count > 0) {
		for (int i = 0; i < count; i++)
			g_ptr_array_add(found, g_strdup(specs[i]));
	} else {
		GDir *dir = g_dir_open(folder, 0, NULL);
		const char *name;
		while (dir && (name = g_dir_read_name(dir)))
			if (g_str_has_suffix(name, ".md") && strcmp(name, "README.md") != 0)
				g_ptr_array_add(found, g_build_filename(folder, name, NULL));
		if (dir)
			g_dir_close(dir);
		g_ptr_array_sort(found, compare_strings);
	}
	g_setenv("LREPORT_DATA_DIR", default_data_directory(), FALSE);
	for (guint i = 0; i < found->len; i++)
		if (lreport_validate_spec(g_ptr_array_index(found, i), data) != EXIT_SUCCESS)
			status = EXIT_DATA;
	g_ptr_array_unref(found);
	return status;
}

static void
print_warning(const lr_error_t *warning, void *closure)
{
	if (warning->file && warning->line)
		fprintf(stderr, "%s:%u:%u: warning: %s\n", warning->file, warning->line,
			warning->column, warning->message);
	else
		fprintf(stderr, "%s: warning: %s\n", warning->file ? warning->file : program,
			warning->message);
	(void) closure;
}

static int
command_validate(int argc, char **argv)
{
	char *data = NULL;
	GOptionEntry entries[] = {
		{ "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "Dataset folder", "DIR" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	GOptionContext *context = g_option_context_new(
		"[SPEC...] - check the dataset and report specs (default: the folder's *.md); list every error");
	lr_dataset_t *dataset;
	int status;
	GHashTable *sources, *entities;

	g_option_context_add_main_entries(context, entries, NULL);
	status = parse_options(context, &argc, &argv);
	g_option_context_free(context);
	if (status >= 0)
		goto out;
	lreport_errors_shown_max = 0; /* validate lists every error */
	dataset = lreport_load_dataset(data);
	if (!dataset) {
		status = EXIT_DATA;
		goto out;
	}
	sources = g_hash_table_new(g_str_hash, g_str_equal);
	entities = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; i < lr_dataset_get_observation_count(dataset); i++) {
		const lr_observation_t *o = lr_dataset_get_observation(dataset, i);
		g_hash_table_add(sources, (gpointer) o->source);
		g_hash_table_add(entities, (gpointer) o->entity);
	}
	/* Characters that would print as boxes: warnings, the dataset stays valid. */
	if (lr_dataset_check_glyphs(dataset, print_warning, NULL, NULL) != LR_STATUS_SUCCESS)
		fprintf(stderr, "%s: warning: the fonts could not be loaded, so the characters "
			"they cannot draw were not checked\n", program);
	printf("%s: %zu indicators, %zu observations, %u entities, %u sources: valid\n",
	       data ? data : default_data_directory(), lr_dataset_get_indicator_count(dataset),
	       lr_dataset_get_observation_count(dataset), g_hash_table_size(entities),
	       g_hash_table_size(sources));
	g_hash_table_unref(sources);
	g_hash_table_unref(entities);
	lr_dataset_destroy(dataset);
	status = validate_specs(argc - 1, argv + 1, data);
out:
	g_free(data);
	return status;
}

static int
parse_language(const char *code, lr_language_t *language)
{
	if (!code) {
		*language = LR_LANGUAGE_VI;
		return -1;
	}
	if (lr_language_from_string(code, language) != LR_STATUS_SUCCESS) {
		fprintf(stderr, "%s: unknown language '%s': expected vi or en\n", program, code);
		return EXIT_USAGE;
	}
	return -1;
}

/* --format and --year of `list` and `show`; returns -1 to go on, or an exit status. */
static int
parse_listing_options(const char *format_name, lreport_table_format_t *format, char **year_texts,
		      GArray *years)
{
	char *message = NULL;

	*format = LREPORT_TABLE_TEXT;
	if (format_name && !lreport_table_format_from_string(format_name, format)) {
		fprintf(stderr, "%s: --format '%s': expected text, tsv or json\n", program, format_name);
		return EXIT_USAGE;
	}
	if (!lreport_parse_years(year_texts, years, &message)) {
		fprintf(stderr, "%s: %s\n", program, message);
		g_free(message);
		return EXIT_USAGE;
	}
	return -1;
}

static int
compare_ints(gconstpointer a, gconstpointer b)
{
	return *(const int *) a - *(const int *) b;
}

static int
command_list(int argc, char **argv)
{
	char *data = NULL, *lang = NULL, *format_name = NULL, **year_texts = NULL;
	GOptionEntry entries[] = {
		{ "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "Dataset folder", "DIR" },
		{ "lang", 0, 0, G_OPTION_ARG_FILENAME, &lang, "Language of names: vi (default) or en", "LANG" },
		{ "format", 'f', 0, G_OPTION_ARG_FILENAME, &format_name, "Output: text (default), tsv or json", "FORMAT" },
		{ "year", 'y', 0, G_OPTION_ARG_FILENAME_ARRAY, &year_texts, "Only indicators with data in these years: 2024, 2022-2024 or 2022,2024 (repeatable)", "Y" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	static const char *const keys[] = { "id", "kind", "years", "unit", "name" };
	static const char *const headers_vi[] = { "MÃ", "LOẠI", "NĂM", "ĐƠN VỊ", "TÊN" };
	static const char *const headers_en[] = { "ID", "KIND", "YEARS", "UNIT", "NAME" };
	GOptionContext *context = g_option_context_new("- list the indicators and their years");
	GArray *chosen = g_array_new(FALSE, FALSE, sizeof(lreport_years_t));
	lreport_table_format_t format;
	lr_language_t language;
	lr_dataset_t *dataset;
	lreport_table_t *table;
	GHashTable *years_of; /* indicator id -> GArray of years */
	int status;

	g_option_context_add_main_entries(context, entries, NULL);
	status = parse_options(context, &argc, &argv);
	g_option_context_free(context);
	if (status < 0)
		status = parse_language(lang, &language);
	if (status < 0)
		status = parse_listing_options(format_name, &format, year_texts, chosen);
	if (status >= 0)
		goto out;
	dataset = lreport_load_dataset(data);
	if (!dataset) {
		status = EXIT_DATA;
		goto out;
	}
	/* One pass over the observations, not one per indicator. */
	years_of = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
	for (size_t k = 0; k < lr_dataset_get_observation_count(dataset); k++) {
		const lr_observation_t *o = lr_dataset_get_observation(dataset, k);
		GArray *years = g_hash_table_lookup(years_of, o->indicator);
		bool seen = false;
		if (!lreport_years_contain(chosen, o->year))
			continue;
		if (!years) {
			years = g_array_new(FALSE, FALSE, sizeof(int));
			g_hash_table_insert(years_of, (gpointer) o->indicator, years);
		}
		for (guint y = 0; y < years->len && !seen; y++)
			seen = g_array_index(years, int, y) == o->year;
		if (!seen)
			g_array_append_val(years, o->year);
	}
	table = lreport_table_new(G_N_ELEMENTS(keys), keys,
				  language == LR_LANGUAGE_VI ? headers_vi : headers_en);
	for (size_t i = 0; i < lr_dataset_get_indicator_count(dataset); i++) {
		const lr_indicator_t *indicator = lr_dataset_get_indicator(dataset, i);
		GArray *years = g_hash_table_lookup(years_of, indicator->id);
		if (!years && chosen->len > 0)
			continue; /* no data in the years asked for */
		lreport_table_add_row(table);
		lreport_table_set_string(table, 0, indicator->id);
		lreport_table_set_string(table, 1, lr_indicator_kind_to_string(indicator->kind));
		if (years) {
			g_array_sort(years, compare_ints);
			lreport_table_set_years(table, 2, years);
		} else {
			GArray *none = g_array_new(FALSE, FALSE, sizeof(int));
			lreport_table_set_years(table, 2, none);
			g_array_unref(none);
		}
		lreport_table_set_string(table, 3, lr_indicator_get_unit(indicator, language));
		lreport_table_set_string(table, 4, lr_indicator_get_name(indicator, language));
	}
	lreport_table_print(table, format, stdout);
	lreport_table_free(table);
	g_hash_table_unref(years_of);
	lr_dataset_destroy(dataset);
	status = EXIT_SUCCESS;
out:
	g_array_unref(chosen);
	g_strfreev(year_texts);
	g_free(format_name);
	g_free(data);
	g_free(lang);
	return status;
}

/* The value of @o as a reader sees it, with every decimal the dataset stores. */
static char *
format_exact(const lr_indicator_t *indicator, const lr_observation_t *o, lr_language_t language)
{
	const char *unit = lr_indicator_get_unit(indicator, language);
	lr_number_format_t format;

	if (indicator->kind == LR_INDICATOR_RANK && !isnan(o->value))
		return lr_format_rank((int) o->value, o->total);
	lr_number_format_init(&format, language);
	if (strcmp(unit, "%") == 0)
		format.flags |= LR_NUMBER_PERCENT;
	else if (unit[0])
		format.unit = unit;
	if (!isnan(o->low)) {
		format.decimals = MIN(15, MAX(lreport_exact_decimals(o->low), lreport_exact_decimals(o->high)));
		return lr_format_range(o->low, o->high, &format);
	}
	if (isnan(o->value))
		return NULL;
	format.decimals = MIN(15, lreport_exact_decimals(o->value));
	return lr_format_number(o->value, &format);
}

static int
command_show(int argc, char **argv)
{
	char *data = NULL, *lang = NULL, *format_name = NULL, **year_texts = NULL;
	GOptionEntry entries[] = {
		{ "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "Dataset folder", "DIR" },
		{ "lang", 0, 0, G_OPTION_ARG_FILENAME, &lang, "Number format and names: vi (default) or en", "LANG" },
		{ "format", 'f', 0, G_OPTION_ARG_FILENAME, &format_name, "Output: text (default), tsv or json", "FORMAT" },
		{ "year", 'y', 0, G_OPTION_ARG_FILENAME_ARRAY, &year_texts, "Only these years: 2024, 2022-2024 or 2022,2024 (repeatable)", "Y" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	/* TSV and JSON carry every field, values exact and machine-readable; text the ones a
	 * reader checks, formatted in the language asked for. */
	static const char *const keys[] = { "indicator", "year", "period", "entity", "entity_name",
		"value", "low", "high", "total", "formatted", "status", "source", "quote" };
	static const char *const headers_vi[] = { NULL, "NĂM", "KỲ", NULL, "ĐỐI TƯỢNG", NULL, NULL,
		NULL, NULL, "GIÁ TRỊ", "TÌNH TRẠNG", "NGUỒN", NULL };
	static const char *const headers_en[] = { NULL, "YEAR", "PERIOD", NULL, "ENTITY", NULL, NULL,
		NULL, NULL, "VALUE", "STATUS", "SOURCE", NULL };
	GOptionContext *context = g_option_context_new("ID - show an indicator's observations");
	GArray *chosen = g_array_new(FALSE, FALSE, sizeof(lreport_years_t));
	const lr_indicator_t *indicator;
	lreport_table_format_t format;
	lr_language_t language;
	lr_dataset_t *dataset = NULL;
	lreport_table_t *table;
	int status;

	g_option_context_add_main_entries(context, entries, NULL);
	status = parse_options(context, &argc, &argv);
	g_option_context_free(context);
	if (status < 0)
		status = parse_language(lang, &language);
	if (status < 0)
		status = parse_listing_options(format_name, &format, year_texts, chosen);
	if (status >= 0)
		goto out;
	if (argc != 2) {
		fprintf(stderr, "%s show: expected one indicator id (see `lreport list`)\n", program);
		status = EXIT_USAGE;
		goto out;
	}
	dataset = lreport_load_dataset(data);
	if (!dataset) {
		status = EXIT_DATA;
		goto out;
	}
	indicator = lr_dataset_find_indicator(dataset, argv[1]);
	if (!indicator) {
		fprintf(stderr, "%s show: unknown indicator '%s' (see `lreport list`)\n", program, argv[1]);
		status = EXIT_DATA;
		goto out;
	}
	table = lreport_table_new(G_N_ELEMENTS(keys), keys,
				  language == LR_LANGUAGE_VI ? headers_vi : headers_en);
	for (size_t i = 0; i < lr_dataset_get_observation_count(dataset); i++) {
		const lr_observation_t *o = lr_dataset_get_observation(dataset, i);
		char *value;
		if (strcmp(o->indicator, indicator->id) != 0 || !lreport_years_contain(chosen, o->year))
			continue;
		value = format_exact(indicator, o, language);
		lreport_table_add_row(table);
		lreport_table_set_string(table, 0, o->indicator);
		lreport_table_set_int(table, 1, o->year);
		lreport_table_set_string(table, 2, o->period);
		lreport_table_set_string(table, 3, o->entity);
		lreport_table_set_string(table, 4, lr_dataset_get_entity_name(dataset, o->entity, language));
		lreport_table_set_number(table, 5, o->value, NULL);
		lreport_table_set_number(table, 6, o->low, NULL);
		lreport_table_set_number(table, 7, o->high, NULL);
		if (o->total > 0)
			lreport_table_set_int(table, 8, o->total);
		lreport_table_set_string(table, 9, value ? value : "");
		lreport_table_set_string(table, 10, lr_observation_status_to_string(o->status));
		lreport_table_set_string(table, 11, o->source);
		lreport_table_set_string(table, 12, o->quote);
		lr_free(value);
	}
	if (format == LREPORT_TABLE_TEXT)
		printf("%s\n", lr_indicator_get_name(indicator, language));
	lreport_table_print(table, format, stdout);
	lreport_table_free(table);
	status = EXIT_SUCCESS;
out:
	lr_dataset_destroy(dataset);
	g_array_unref(chosen);
	g_strfreev(year_texts);
	g_free(format_name);
	g_free(data);
	g_free(lang);
	return status;
}

/* Options shared by `bar` and `rank`. */
typedef struct {
	char **indicators, **entities, **years;
	char *layout, *sort, *highlight, *lang, *title, *subtitle, *size, *data, *output, *theme;
	char *labels, *decimals;
	char *format;
	gboolean horizontal;
	double scale, dpi;
} chart_options_t;

static void
chart_options_clear(chart_options_t *options)
{
	g_strfreev(options->indicators);
	g_strfreev(options->entities);
	g_strfreev(options->years);
	g_free(options->layout);
	g_free(options->sort);
	g_free(options->highlight);
	g_free(options->lang);
	g_free(options->title);
	g_free(options->subtitle);
	g_free(options->size);
	g_free(options->data);
	g_free(options->output);
	g_free(options->theme);
	g_free(options->labels);
	g_free(options->decimals);
	g_free(options->format);
}

/* Applies options to a chart; returns -1 on success or an exit status after a message. */
static int
configure_chart(lr_chart_t *chart, const chart_options_t *options, bool bar)
{
	lr_language_t language;

	for (char **id = options->indicators; id && *id; id++)
		lr_chart_add_indicator(chart, *id);
	for (char **entity = options->entities; entity && *entity; entity++)
		lr_chart_add_entity(chart, *entity);
	if (options->years) {
		GArray *years = g_array_new(FALSE, FALSE, sizeof(lreport_years_t));
		char *message = NULL;
		if (!lreport_parse_years(options->years, years, &message)) {
			fprintf(stderr, "%s: %s\n", program, message);
			g_free(message);
			g_array_unref(years);
			return EXIT_USAGE;
		}
		for (guint i = 0; i < years->len; i++) {
			const lreport_years_t *range = &g_array_index(years, lreport_years_t, i);
			if (range->first == range->last)
				lr_chart_add_year(chart, range->first);
			else
				lr_chart_add_year_range(chart, range->first, range->last);
		}
		g_array_unref(years);
	}
	if (parse_language(options->lang, &language) >= 0)
		return EXIT_USAGE;
	lr_chart_set_language(chart, language);
	if (options->title)
		lr_chart_set_title(chart, options->title);
	if (options->subtitle)
		lr_chart_set_subtitle(chart, options->subtitle);
	if (options->highlight)
		lr_chart_set_highlight(chart, options->highlight);
	if (options->theme) {
		lr_theme_preset_t preset;
		lr_theme_t *theme;
		if (lr_theme_preset_from_string(options->theme, &preset) != LR_STATUS_SUCCESS) {
			fprintf(stderr, "%s: --theme '%s': expected default or print\n", program, options->theme);
			return EXIT_USAGE;
		}
		theme = lr_theme_create_preset(preset);
		lr_chart_set_theme(chart, theme);
		lr_theme_destroy(theme);
	}
	if (bar) {
		if (options->layout) {
			lr_bar_layout_t layout;
			if (lr_bar_layout_from_string(options->layout, &layout) != LR_STATUS_SUCCESS) {
				fprintf(stderr, "%s: --layout '%s': expected grouped, stacked or percent\n",
					program, options->layout);
				return EXIT_USAGE;
			}
			lr_chart_set_bar_layout(chart, layout);
		}
		if (options->sort) {
			lr_sort_t sort;
			if (lr_sort_from_string(options->sort, &sort) != LR_STATUS_SUCCESS) {
				fprintf(stderr, "%s: --sort '%s': expected none, asc or desc\n", program,
					options->sort);
				return EXIT_USAGE;
			}
			lr_chart_set_sort(chart, sort);
		}
		if (options->horizontal)
			lr_chart_set_orientation(chart, LR_ORIENTATION_HORIZONTAL);
		if (options->labels) {
			lr_value_labels_t labels;
			if (lr_value_labels_from_string(options->labels, &labels) != LR_STATUS_SUCCESS) {
				fprintf(stderr, "%s: --labels '%s': expected fit, all or none\n", program,
					options->labels);
				return EXIT_USAGE;
			}
			lr_chart_set_value_labels(chart, labels);
		}
		if (options->decimals) {
			gint64 decimals;
			if (!g_ascii_string_to_signed(options->decimals, 10, 0, LR_CHART_DECIMALS_MAX,
						      &decimals, NULL)) {
				fprintf(stderr, "%s: --decimals '%s': expected a whole number from 0 to %d\n",
					program, options->decimals, LR_CHART_DECIMALS_MAX);
				return EXIT_USAGE;
			}
			lr_chart_set_decimals(chart, (int) decimals);
		}
	}
	return -1;
}

static void
print_chart_error(const lr_chart_t *chart, const char *output)
{
	const lr_error_t *error = lr_chart_get_error(chart);
	fprintf(stderr, "%s: %s%s%s\n", program, output ? output : "", output ? ": " : "",
		error ? error->message : lr_status_to_string(lr_chart_status(chart)));
}

/* The format and write options of `-o FILE` (or "-": standard output, then --format is
 * required; --format also overrides the extension), checked before any data is read.
 * Returns -1 to go on, or EXIT_USAGE after a message. */
static int
prepare_output(const chart_options_t *options, lr_write_options_t *write)
{
	const char *output = options->output;
	lreport_output_request_t request = { options->size, options->scale, options->dpi, NULL };
	lr_file_format_t format;
	char *message;

	if (options->format) {
		if (!lreport_format_parse(options->format, &format)) {
			fprintf(stderr, "%s: --format '%s': expected png, pdf or svg\n", program,
				options->format);
			return EXIT_USAGE;
		}
	} else if (strcmp(output, "-") == 0) {
		fprintf(stderr, "%s: -o - (standard output) needs --format png, pdf or svg\n", program);
		return EXIT_USAGE;
	} else if ((format = lreport_format_from_path(output)) == LR_FORMAT_AUTO) {
		fprintf(stderr, "%s: %s: unknown output format: expected .png, .pdf or .svg "
				"(or --format)\n", program, output);
		return EXIT_USAGE;
	}
	message = lreport_write_options_resolve(&request, format, write);
	if (message) {
		fprintf(stderr, "%s: %s\n", program, message);
		g_free(message);
		return EXIT_USAGE;
	}
	return -1;
}

static int
command_chart(int argc, char **argv, lr_chart_kind_t kind)
{
	chart_options_t options = { 0 };
	bool bar = kind == LR_CHART_BAR;
	GOptionEntry common[] = {
		{ "indicator", 'i', 0, G_OPTION_ARG_FILENAME_ARRAY, &options.indicators, "Indicator to draw (repeatable)", "ID" },
		{ "entity", 'e', 0, G_OPTION_ARG_FILENAME_ARRAY, &options.entities, "Entity to include (repeatable)", "NAME" },
		{ "year", 'y', 0, G_OPTION_ARG_FILENAME_ARRAY, &options.years, "Years to include: 2024, 2022-2024 or 2022,2024 (repeatable)", "Y" },
		{ "lang", 0, 0, G_OPTION_ARG_FILENAME, &options.lang, "Language: vi (default) or en", "LANG" },
		{ "title", 't', 0, G_OPTION_ARG_FILENAME, &options.title, "Title (default: from the dataset)", "TEXT" },
		{ "subtitle", 0, 0, G_OPTION_ARG_FILENAME, &options.subtitle, "Subtitle (default: unit and years)", "TEXT" },
		{ "highlight", 0, 0, G_OPTION_ARG_FILENAME, &options.highlight, "Entity to set apart", "ENTITY" },
		{ "size", 's', 0, G_OPTION_ARG_FILENAME, &options.size, "Size: pixels for PNG (1600x900), points for PDF/SVG (720x405); or with units: 16cmx9cm, 6inx4in, 720ptx405pt, 800pxx450px", "WxH" },
		{ "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale, "PNG pixel density, e.g. 2 for slides", "N" },
		{ "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &options.dpi, "PNG resolution recorded in the file (default 300 for a physical --size)", "N" },
		{ "format", 'f', 0, G_OPTION_ARG_FILENAME, &options.format, "png, pdf or svg (default: from -o's extension; needed for -o -)", "FMT" },
		{ "theme", 0, 0, G_OPTION_ARG_FILENAME, &options.theme, "Theme: default or print (greyscale)", "NAME" },
		{ "data", 0, 0, G_OPTION_ARG_FILENAME, &options.data, "Dataset folder (default: bundled)", "DIR" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output, "Output file: .png, .pdf or .svg; - for standard output", "FILE" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	GOptionEntry bar_entries[] = {
		{ "layout", 0, 0, G_OPTION_ARG_FILENAME, &options.layout, "grouped (default), stacked or percent", "L" },
		{ "horizontal", 0, 0, G_OPTION_ARG_NONE, &options.horizontal, "Horizontal bars", NULL },
		{ "sort", 0, 0, G_OPTION_ARG_FILENAME, &options.sort, "Category order: none (default), asc or desc", "ORDER" },
		{ "labels", 0, 0, G_OPTION_ARG_FILENAME, &options.labels, "Value labels: fit (default: those with room, a note says how many were left out), all (or fail), none", "WHICH" },
		{ "decimals", 0, 0, G_OPTION_ARG_FILENAME, &options.decimals, "Decimals of value labels, 0-4 (default: as many as the data has)", "N" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	GOptionContext *context = g_option_context_new(bar ? "- draw a bar chart" : "- draw a ranking chart");
	lr_dataset_t *dataset = NULL;
	lr_chart_t *chart = NULL;
	lr_write_options_t write;
	char *message;
	int status;

	g_option_context_add_main_entries(context, common, NULL);
	if (bar)
		g_option_context_add_main_entries(context, bar_entries, NULL);
	status = parse_options(context, &argc, &argv);
	g_option_context_free(context);
	if (status >= 0)
		goto out;
	if (argc > 1) {
		fprintf(stderr, "%s: unexpected argument '%s'\n", program, argv[1]);
		status = EXIT_USAGE;
		goto out;
	}
	if (!options.output || !options.indicators) {
		fprintf(stderr, "%s %s: %s is required\n", program, bar ? "bar" : "rank",
			options.output ? "--indicator" : "-o FILE");
		status = EXIT_USAGE;
		goto out;
	}
	status = prepare_output(&options, &write);
	if (status >= 0)
		goto out;
	dataset = lreport_load_dataset(options.data);
	if (!dataset) {
		status = EXIT_DATA;
		goto out;
	}
	chart = lr_chart_create(kind, dataset);
	status = configure_chart(chart, &options, bar);
	if (status >= 0)
		goto out;
	if (lr_chart_status(chart) != LR_STATUS_SUCCESS) {
		print_chart_error(chart, NULL);
		status = EXIT_DATA;
		goto out;
	}
	message = lreport_chart_write(chart, options.output, &write);
	if (message) {
		fprintf(stderr, "%s: %s\n", program, message);
		g_free(message);
		status = EXIT_DATA;
	} else {
		status = EXIT_SUCCESS;
	}
out:
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
	chart_options_clear(&options);
	return status;
}

int
main(int argc, char **argv)
{
	const char *command;

	/* Messages from GLib's option parser follow the user's language; numbers in charts
	 * never do (libreport formats them itself). */
	setlocale(LC_ALL, "");
	/* Arguments are UTF-8 whatever the locale (cron, systemd and containers run with none,
	 * where GOption would convert them from ASCII and fail): options are read as bytes
	 * (G_OPTION_ARG_FILENAME) and every argument is checked here instead. */
	for (int i = 1; i < argc; i++) {
		const char *bad;
		char *shown;
		if (!g_utf8_validate(argv[i], -1, &bad)) {
			shown = g_strescape(argv[i], NULL);
			fprintf(stderr, "%s: argument %d is not valid UTF-8 (byte 0x%02X at offset %d "
					"of '%s'): give text in UTF-8\n", program, i,
				(unsigned char) *bad, (int) (bad - argv[i]), shown);
			g_free(shown);
			return EXIT_USAGE;
		}
	}
	/* A report spec without `data:` uses the bundled dataset, as every command does: the
	 * library finds it through LREPORT_DATA_DIR, so name it there when the user has not. */
	if (!g_getenv("LREPORT_DATA_DIR") || !*g_getenv("LREPORT_DATA_DIR"))
		g_setenv("LREPORT_DATA_DIR", default_data_directory(), TRUE);
	if (argc < 2) {
		print_usage(stderr);
		return EXIT_USAGE;
	}
	command = argv[1];
	if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0 || strcmp(command, "help") == 0) {
		print_usage(stdout);
		return EXIT_SUCCESS;
	}
	if (strcmp(command, "--version") == 0) {
		printf("lreport %s\n", lr_version_string());
		return EXIT_SUCCESS;
	}
	/* Subcommands see argv without the program name, as "lreport COMMAND ...". */
	argc--;
	argv++;
	if (strcmp(command, "validate") == 0)
		return command_validate(argc, argv);
	if (strcmp(command, "list") == 0)
		return command_list(argc, argv);
	if (strcmp(command, "show") == 0)
		return command_show(argc, argv);
	if (strcmp(command, "bar") == 0)
		return command_chart(argc, argv, LR_CHART_BAR);
	if (strcmp(command, "rank") == 0)
		return command_chart(argc, argv, LR_CHART_RANK);
	if (strcmp(command, "charts") == 0)
		return lreport_command_charts(argc, argv, default_data_directory());
	if (strcmp(command, "report") == 0)
		return lreport_command_report(argc, argv, default_data_directory());
	fprintf(stderr, "%s: unknown command '%s'\n\n", program, command);
	print_usage(stderr);
	return EXIT_USAGE;
}
