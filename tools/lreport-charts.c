/* lreport charts: renders the chart set a charts.ini describes, in every language and format
 * asked, with -j N threads. Uses only the public API.
 *
 * Order: every file's line on stdout and every message on stderr comes out in the order of
 * the list (language, chart, format), whatever -j is: each chart is one job whose output is
 * kept until the jobs before it have printed theirs. One chart is one job, because a chart is
 * used by one thread at a time (lr-chart.h); the dataset and themes are shared.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "lreport-commands.h"

#define MAX_FORMATS 3
#define MAX_JOBS 256

typedef struct {
	lr_chart_t *chart;                      /* owned by its set */
	size_t format_count;
	lr_write_options_t options[MAX_FORMATS];
	char *paths[MAX_FORMATS];
	bool usable;                            /* false: its options were in error */
	/* Results, written by the worker, read by the main thread once @done. */
	GString *out, *err;
	int rendered, failed;
	bool done;
} job_t;

typedef struct {
	GMutex lock;
	GCond finished;
} batch_t;

static void
job_run(job_t *job)
{
	for (size_t f = 0; f < job->format_count; f++) {
		char *message = lreport_chart_write(job->chart, job->paths[f], &job->options[f]);
		if (message) {
			g_string_append_printf(job->err, "lreport: %s\n", message);
			job->failed++;
			g_free(message);
		} else {
			g_string_append_printf(job->out, "%s\n", job->paths[f]);
			job->rendered++;
		}
	}
}

static void
worker(gpointer data, gpointer user_data)
{
	job_t *job = data;
	batch_t *batch = user_data;

	job_run(job);
	g_mutex_lock(&batch->lock);
	job->done = true;
	g_cond_broadcast(&batch->finished);
	g_mutex_unlock(&batch->lock);
}

static const lr_error_t *
get_set_error(const void *set, size_t index)
{
	return lr_chart_set_get_error(set, index);
}

/* A number option of charts.ini (scale, dpi): 0 when absent; -1 after a located error. */
static double
file_number(const lr_chart_set_t *set, size_t index, const char *key, const char *spec,
	    double low, double high, GString *err)
{
	unsigned line, column;
	const char *text = lr_chart_set_get_file_option(set, index, key, &line, &column);
	char *end;
	double value;

	if (!text)
		return 0;
	value = g_ascii_strtod(text, &end);
	if (*end || end == text || !(value >= low && value <= high)) {
		g_string_append_printf(err, "%s:%u:%u: error: [chart %s] %s: expected a number from "
				       "%g to %g, found '%s'\n", spec, line, column,
				       lr_chart_set_get_name(set, index), key, low, high, text);
		return -1;
	}
	return value;
}

typedef struct {
	const char *size;
	double scale, dpi;
	lr_theme_t *theme;
	char **formats;
	lr_file_format_t format_values[MAX_FORMATS];
	size_t format_count;
	const char *out_dir, *spec;
} plan_t;

/* Fills @job for chart @index of @set; a located error for options of charts.ini that do not
 * work goes to @err (and the chart is not rendered). */
static void
job_plan(job_t *job, const plan_t *plan, lr_chart_set_t *set, size_t index,
	 lr_language_t language, GString *err)
{
	lreport_output_request_t request = { 0 };
	unsigned size_line = 0, size_column = 0;
	double file_scale, file_dpi;

	job->chart = lr_chart_set_get_chart(set, index);
	job->out = g_string_new(NULL);
	job->err = g_string_new(NULL);
	job->format_count = plan->format_count;
	for (size_t f = 0; f < plan->format_count; f++) {
		char *base = g_strdup_printf("%s-%s.%s", lr_chart_set_get_name(set, index),
					     lr_language_to_string(language), plan->formats[f]);
		job->paths[f] = g_build_filename(plan->out_dir, base, NULL);
		g_free(base);
	}
	if (plan->theme)
		lr_chart_set_theme(job->chart, plan->theme);
	/* The command line overrides charts.ini: it is this run's request. */
	request.size = plan->size ? plan->size
				  : lr_chart_set_get_file_option(set, index, "size", &size_line,
								 &size_column);
	file_scale = file_number(set, index, "scale", plan->spec, 0.1, 16, err);
	file_dpi = file_number(set, index, "dpi", plan->spec, 1, 100000, err);
	if (file_scale < 0 || file_dpi < 0)
		return;
	if (size_line)
		request.size_name = "size";
	request.scale = plan->scale ? plan->scale : file_scale;
	request.dpi = plan->dpi ? plan->dpi : file_dpi;
	for (size_t f = 0; f < plan->format_count; f++) {
		lreport_output_request_t for_format = request;
		char *message;
		/* Pixel density is for the PNG of a chart; its PDF and SVG are sized in points. */
		if (plan->format_values[f] != LR_FORMAT_PNG)
			for_format.scale = for_format.dpi = 0;
		message = lreport_write_options_resolve(&for_format, plan->format_values[f],
							&job->options[f]);
		if (message) {
			/* The command line's values were checked alone: this is charts.ini's. */
			if (size_line)
				g_string_append_printf(err, "%s:%u:%u: error: [chart %s] %s (%s)\n",
						       plan->spec, size_line, size_column,
						       lr_chart_set_get_name(set, index), message,
						       plan->formats[f]);
			else
				g_string_append_printf(err, "%s: error: [chart %s] %s (%s)\n",
						       plan->spec, lr_chart_set_get_name(set, index),
						       message, plan->formats[f]);
			g_free(message);
			return;
		}
	}
	job->usable = true;
}

static void
job_clear(job_t *job)
{
	for (size_t f = 0; f < job->format_count; f++)
		g_free(job->paths[f]);
	if (job->out)
		g_string_free(job->out, TRUE);
	if (job->err)
		g_string_free(job->err, TRUE);
}

/* Checks the command line's --size, --scale, --dpi against every format asked, as usage
 * errors. Returns -1 to go on, or EXIT status. */
static int
check_request(const plan_t *plan)
{
	bool any_png = false;

	for (size_t f = 0; f < plan->format_count; f++) {
		lreport_output_request_t request = { plan->size, plan->scale, plan->dpi, NULL };
		lr_write_options_t options;
		char *message;
		if (plan->format_values[f] == LR_FORMAT_PNG)
			any_png = true;
		else
			request.scale = request.dpi = 0;
		message = lreport_write_options_resolve(&request, plan->format_values[f], &options);
		if (message) {
			fprintf(stderr, "lreport charts: %s (%s)\n", message, plan->formats[f]);
			g_free(message);
			return LREPORT_EXIT_USAGE;
		}
	}
	if (!any_png && (plan->scale || plan->dpi)) {
		fprintf(stderr, "lreport charts: %s applies to PNG only, and --formats has no png: "
				"PDF and SVG are sized in points (use --size)\n",
			plan->scale ? "--scale" : "--dpi");
		return LREPORT_EXIT_USAGE;
	}
	return -1;
}

int
lreport_command_charts(int argc, char **argv, const char *default_data_dir)
{
	char *data = NULL, *spec = NULL, *out_dir = NULL, *formats_text = NULL, *lang_text = NULL;
	char *size = NULL, *theme_name = NULL;
	double scale = 0, dpi = 0;
	int jobs = 0;
	GOptionEntry entries[] = {
		{ "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "Dataset folder (default: bundled)", "DIR" },
		{ "spec", 0, 0, G_OPTION_ARG_FILENAME, &spec, "Chart list (default: DIR/charts.ini)", "FILE" },
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir, "Output folder (created)", "DIR" },
		{ "formats", 0, 0, G_OPTION_ARG_FILENAME, &formats_text, "Comma-separated: png,pdf,svg (default: png,pdf)", "LIST" },
		{ "lang", 0, 0, G_OPTION_ARG_FILENAME, &lang_text, "Languages: vi, en or vi,en (default)", "LIST" },
		{ "size", 's', 0, G_OPTION_ARG_FILENAME, &size, "Every chart's size (as for `lreport bar`; overrides charts.ini)", "WxH" },
		{ "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "PNG pixel density, e.g. 2 for slides (overrides charts.ini)", "N" },
		{ "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, "PNG resolution (default 300 for a physical --size)", "N" },
		{ "theme", 0, 0, G_OPTION_ARG_FILENAME, &theme_name, "Every chart's theme: default or print", "NAME" },
		{ "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Charts rendered at once (default: the core count)", "N" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	GOptionContext *context = g_option_context_new("- render the chart set described in charts.ini");
	GError *gerror = NULL;
	plan_t plan = { 0 };
	lr_dataset_t *dataset = NULL;
	char **languages = NULL;
	lr_language_t language_values[2];
	size_t language_count = 0;
	GPtrArray *sets = g_ptr_array_new_with_free_func((GDestroyNotify) lr_chart_set_destroy);
	GArray *job_list = g_array_new(FALSE, TRUE, sizeof(job_t));
	const char *directory;
	int status = LREPORT_EXIT_USAGE, rendered = 0, failed = 0;

	g_option_context_add_main_entries(context, entries, NULL);
	g_option_context_set_description(context,
		"--size, --scale, --dpi and --theme apply to every chart and override the chart's own\n"
		"size=, scale=, dpi= and theme= in charts.ini; --scale and --dpi apply to PNG files.\n"
		"Output lines and messages come in the list's order whatever -j is.\n");
	if (!g_option_context_parse(context, &argc, &argv, &gerror)) {
		fprintf(stderr, "lreport: %s\n(see --help)\n", gerror->message);
		g_error_free(gerror);
		goto out;
	}
	if (argc > 1) {
		fprintf(stderr, "lreport charts: unexpected argument '%s'\n", argv[1]);
		goto out;
	}
	if (!out_dir) {
		fprintf(stderr, "lreport charts: --out DIR is required\n");
		goto out;
	}
	/* Every value is checked before anything is read or rendered: one message, exit 2. */
	plan.formats = g_strsplit(formats_text ? formats_text : "png,pdf", ",", -1);
	for (char **format = plan.formats; *format; format++) {
		lr_file_format_t value;
		if (!lreport_format_parse(*format, &value)) {
			fprintf(stderr, "lreport charts: --formats '%s': unknown format '%s': expected a "
					"comma-separated list of png, pdf and svg\n",
				formats_text, *format);
			goto out;
		}
		for (size_t f = 0; f < plan.format_count; f++)
			if (plan.format_values[f] == value) {
				fprintf(stderr, "lreport charts: --formats '%s': '%s' is given twice\n",
					formats_text, *format);
				goto out;
			}
		plan.format_values[plan.format_count++] = value;
	}
	languages = g_strsplit(lang_text ? lang_text : "vi,en", ",", -1);
	for (char **language = languages; *language; language++) {
		lr_language_t value;
		if (lr_language_from_string(*language, &value) != LR_STATUS_SUCCESS) {
			fprintf(stderr, "lreport charts: --lang '%s': unknown language '%s': expected "
					"vi, en or vi,en\n", lang_text, *language);
			goto out;
		}
		for (size_t l = 0; l < language_count; l++)
			if (language_values[l] == value) {
				fprintf(stderr, "lreport charts: --lang '%s': '%s' is given twice\n",
					lang_text, *language);
				goto out;
			}
		language_values[language_count++] = value;
	}
	if (theme_name) {
		lr_theme_preset_t preset;
		if (lr_theme_preset_from_string(theme_name, &preset) != LR_STATUS_SUCCESS) {
			fprintf(stderr, "lreport charts: --theme '%s': expected default or print\n",
				theme_name);
			goto out;
		}
		plan.theme = lr_theme_create_preset(preset);
	}
	if (jobs == 0)
		jobs = (int) g_get_num_processors();
	if (jobs < 1 || jobs > MAX_JOBS) {
		fprintf(stderr, "lreport charts: -j %d: expected 1 to %d charts at once\n", jobs,
			MAX_JOBS);
		goto out;
	}
	plan.size = size;
	plan.scale = scale;
	plan.dpi = dpi;
	plan.out_dir = out_dir;
	status = check_request(&plan);
	if (status >= 0)
		goto out;

	directory = data ? data : default_data_dir;
	status = LREPORT_EXIT_DATA;
	dataset = lreport_load_dataset(directory);
	if (!dataset)
		goto out;
	if (!spec)
		spec = g_build_filename(directory, "charts.ini", NULL);
	plan.spec = spec;
	if (g_mkdir_with_parents(out_dir, 0777) != 0) {
		fprintf(stderr, "lreport: cannot create '%s': %s\n", out_dir, g_strerror(errno));
		goto out;
	}
	for (size_t l = 0; l < language_count; l++) {
		lr_chart_set_t *set = lr_chart_set_load(spec, dataset, language_values[l]);
		GString *err = g_string_new(NULL);
		g_ptr_array_add(sets, set);
		/* The list's errors once, not once per language; each counts once per language. */
		if (l == 0)
			lreport_print_errors(stderr, lr_chart_set_get_error_count(set), get_set_error, set);
		failed += (int) lr_chart_set_get_error_count(set);
		for (size_t i = 0; i < lr_chart_set_get_count(set); i++) {
			job_t job = { 0 };
			job_plan(&job, &plan, set, i, language_values[l], err);
			if (!job.usable)
				failed++;
			g_array_append_val(job_list, job);
		}
		if (l == 0)
			fputs(err->str, stderr);
		g_string_free(err, TRUE);
	}
	fflush(stderr);

	if (jobs == 1 || job_list->len < 2) {
		for (guint i = 0; i < job_list->len; i++) {
			job_t *job = &g_array_index(job_list, job_t, i);
			if (!job->usable)
				continue;
			job_run(job);
			fputs(job->out->str, stdout);
			fflush(stdout);
			fputs(job->err->str, stderr);
		}
	} else {
		batch_t batch;
		GThreadPool *pool;
#ifdef __GLIBC__
		/* Each chart allocates and frees megabytes (pixels, PDF streams). In threads glibc
		 * serves them from per-thread heaps that it shrinks after every chart (madvise) and
		 * maps large blocks afresh (mmap/munmap): page faults and TLB shootdowns across the
		 * cores, which made -j 2 spend about twice the system time of -j 1. A batch is a
		 * short process: keep the memory for the next chart instead. */
		mallopt(M_MMAP_THRESHOLD, 32 << 20);
		mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
		g_mutex_init(&batch.lock);
		g_cond_init(&batch.finished);
		pool = g_thread_pool_new(worker, &batch, MIN(jobs, (int) job_list->len), FALSE, NULL);
		for (guint i = 0; i < job_list->len; i++) {
			job_t *job = &g_array_index(job_list, job_t, i);
			if (job->usable)
				g_thread_pool_push(pool, job, NULL);
		}
		/* Print each job's lines once it and every job before it are done. */
		for (guint i = 0; i < job_list->len; i++) {
			job_t *job = &g_array_index(job_list, job_t, i);
			if (!job->usable)
				continue;
			g_mutex_lock(&batch.lock);
			while (!job->done)
				g_cond_wait(&batch.finished, &batch.lock);
			g_mutex_unlock(&batch.lock);
			fputs(job->out->str, stdout);
			fflush(stdout);
			fputs(job->err->str, stderr);
		}
		g_thread_pool_free(pool, FALSE, TRUE);
		g_mutex_clear(&batch.lock);
		g_cond_clear(&batch.finished);
	}
	for (guint i = 0; i < job_list->len; i++) {
		job_t *job = &g_array_index(job_list, job_t, i);
		rendered += job->rendered;
		failed += job->failed;
		/* A chart whose options were in error: all its files count as failed. */
		if (!job->usable)
			failed += (int) job->format_count - 1;
	}
	fprintf(stderr, "lreport: %d file%s rendered into %s, %d failed\n", rendered,
		rendered == 1 ? "" : "s", out_dir, failed);
	status = failed ? LREPORT_EXIT_DATA : EXIT_SUCCESS;
out:
	g_option_context_free(context);
	for (guint i = 0; i < job_list->len; i++)
		job_clear(&g_array_index(job_list, job_t, i));
	g_array_unref(job_list);
	g_ptr_array_unref(sets);
	lr_theme_destroy(plan.theme);
	g_strfreev(plan.formats);
	g_strfreev(languages);
	lr_dataset_destroy(dataset);
	g_free(data);
	g_free(spec);
	g_free(out_dir);
	g_free(formats_text);
	g_free(lang_text);
	g_free(size);
	g_free(theme_name);
	return status;
}
