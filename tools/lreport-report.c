/* lreport report: renders a report spec (Markdown) as a PDF or as PNG pages; and the spec
 * checks `lreport validate` runs. Uses only the public API.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <lreport/lreport.h>

#include "lreport-commands.h"

static const lr_error_t *
get_report_error(const void *report, size_t index)
{
	return lr_report_get_error(report, index);
}

static void
print_report_errors(const lr_report_t *report)
{
	lreport_print_errors(stderr, lr_report_get_error_count(report), get_report_error, report);
}

static void
print_last_error(const lr_report_t *report, const char *what)
{
	const lr_error_t *error = lr_report_get_last_error(report);

	if (!error) {
		fprintf(stderr, "lreport report: %s failed\n", what);
		return;
	}
	if (error->file && error->line)
		fprintf(stderr, "%s:%u:%u: error: %s\n", error->file, error->line, error->column,
			error->message);
	else
		fprintf(stderr, "lreport report: %s: %s\n", what, error->message);
}

/* The spec a bare `lreport report --lang en` means: the dataset folder's briefing. */
static char *
default_spec(const char *data_dir, lr_language_t language)
{
	return g_strdup_printf("%s/briefing-%s.md", data_dir, language == LR_LANGUAGE_EN ? "en" : "vi");
}

lr_report_t *
lreport_load_report(const char *spec, const char *data_dir, lr_dataset_t **dataset_out)
{
	lr_dataset_t *dataset = NULL;
	lr_report_t *report;

	/* --data wins over the spec's own `data:`; without either the spec's folder serves. */
	if (data_dir) {
		dataset = lr_dataset_load(data_dir);
		if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS) {
			lreport_print_dataset_errors(dataset);
			lr_dataset_destroy(dataset);
			return NULL;
		}
	}
	report = lr_report_load(spec, dataset);
	if (dataset_out)
		*dataset_out = dataset;
	else
		lr_dataset_destroy(dataset);
	return report;
}

int
lreport_validate_spec(const char *spec, const char *data_dir)
{
	lr_report_t *report = lreport_load_report(spec, data_dir, NULL);
	int status;

	if (!report)
		return LREPORT_EXIT_DATA;
	if (lr_report_status(report) != LR_STATUS_SUCCESS) {
		print_report_errors(report);
		fprintf(stderr, "lreport: %zu error%s in %s\n", lr_report_get_error_count(report),
			lr_report_get_error_count(report) == 1 ? "" : "s", spec);
		status = LREPORT_EXIT_DATA;
	} else if (lr_report_get_page_count(report) == 0) {
		print_last_error(report, "layout");
		status = LREPORT_EXIT_DATA;
	} else {
		printf("%s: %d pages: valid\n", spec, lr_report_get_page_count(report));
		status = EXIT_SUCCESS;
	}
	lr_report_destroy(report);
	return status;
}

int
lreport_command_report(int argc, char **argv, const char *default_data_dir)
{
	char *lang = NULL, *data = NULL, *theme_name = NULL, *output = NULL, *page = NULL;
	double dpi = 150;
	GOptionEntry entries[] = {
		{ "lang", 0, 0, G_OPTION_ARG_FILENAME, &lang, "Language: vi or en (default: the spec's)", "LANG" },
		{ "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "Dataset folder (default: the spec's 'data:', or its folder)", "DIR" },
		{ "theme", 0, 0, G_OPTION_ARG_FILENAME, &theme_name, "Theme: default or print (greyscale)", "NAME" },
		{ "page", 0, 0, G_OPTION_ARG_FILENAME, &page, "Paper: a4, a5 or letter (default: the spec's)", "SIZE" },
		{ "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, "Resolution of PNG pages (default 150)", "N" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output: FILE.pdf, or FILE.png for FILE-01.png …", "FILE" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	GOptionContext *context = g_option_context_new("[SPEC] - render a report spec as a PDF or PNG pages");
	GError *gerror = NULL;
	lr_language_t language = LR_LANGUAGE_VI;
	lr_page_size_t page_size = LR_PAGE_A4;
	lr_file_format_t format;
	lr_report_t *report = NULL;
	lr_theme_t *theme = NULL;
	char *spec = NULL;
	int status = LREPORT_EXIT_USAGE;

	g_option_context_add_main_entries(context, entries, NULL);
	g_option_context_set_description(context,
		"SPEC defaults to briefing-LANG.md in the dataset folder. Exit status: 0 success,\n"
		"1 a bad spec or a failed write (nothing is written), 2 wrong usage.\n");
	if (!g_option_context_parse(context, &argc, &argv, &gerror)) {
		fprintf(stderr, "lreport report: %s\n(see --help)\n", gerror->message);
		g_error_free(gerror);
		goto out;
	}
	if (argc > 2) {
		fprintf(stderr, "lreport report: one spec at a time ('%s' is extra)\n", argv[2]);
		goto out;
	}
	if (lang && lr_language_from_string(lang, &language) != LR_STATUS_SUCCESS) {
		fprintf(stderr, "lreport report: unknown language '%s': expected vi or en\n", lang);
		goto out;
	}
	if (page && lr_page_size_from_string(page, &page_size) != LR_STATUS_SUCCESS) {
		fprintf(stderr, "lreport report: unknown page size '%s': expected a4, a5 or letter\n",
			page);
		goto out;
	}
	if (theme_name) {
		if (strcmp(theme_name, "print") == 0)
			theme = lr_theme_create_print();
		else if (strcmp(theme_name, "default") == 0)
			theme = lr_theme_create();
		else {
			fprintf(stderr, "lreport report: --theme '%s': expected default or print\n",
				theme_name);
			goto out;
		}
	}
	if (!output) {
		fprintf(stderr, "lreport report: no output file: give -o FILE.pdf or -o FILE.png\n");
		goto out;
	}
	format = g_str_has_suffix(output, ".pdf") || g_str_has_suffix(output, ".PDF") ? LR_FORMAT_PDF
		 : g_str_has_suffix(output, ".png") || g_str_has_suffix(output, ".PNG") ? LR_FORMAT_PNG
											 : LR_FORMAT_AUTO;
	if (format == LR_FORMAT_AUTO) {
		fprintf(stderr, "lreport report: '%s': the output must end in .pdf or .png\n", output);
		goto out;
	}
	if (format == LR_FORMAT_PNG && !(dpi >= 18 && dpi <= 1200)) {
		fprintf(stderr, "lreport report: --dpi %g: expected 18 to 1200\n", dpi);
		goto out;
	}
	spec = argc == 2 ? g_strdup(argv[1]) : default_spec(data ? data : default_data_dir, language);
	/* A spec that names no dataset, away from one, uses the bundled dataset. */
	g_setenv("LREPORT_DATA_DIR", default_data_dir, FALSE);

	status = LREPORT_EXIT_DATA;
	report = lreport_load_report(spec, data, NULL);
	if (!report)
		goto out;
	if (lang)
		lr_report_set_language(report, language);
	if (page)
		lr_report_set_page_size(report, page_size);
	if (theme)
		lr_report_set_theme(report, theme);
	if (lr_report_status(report) != LR_STATUS_SUCCESS) {
		print_report_errors(report);
		fprintf(stderr, "lreport: %zu error%s in %s; nothing written\n",
			lr_report_get_error_count(report),
			lr_report_get_error_count(report) == 1 ? "" : "s", spec);
		goto out;
	}
	if (lr_report_write(report, output, format, dpi) != LR_STATUS_SUCCESS) {
		print_last_error(report, output);
		goto out;
	}
	fprintf(stderr, "lreport: %s: %d pages\n", output, lr_report_get_page_count(report));
	status = EXIT_SUCCESS;
out:
	g_option_context_free(context);
	lr_report_destroy(report);
	lr_theme_destroy(theme);
	g_free(spec);
	g_free(lang);
	g_free(data);
	g_free(theme_name);
	g_free(page);
	g_free(output);
	return status;
}
