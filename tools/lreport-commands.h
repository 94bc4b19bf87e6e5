/* lreport (the CLI): what its command files share.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LREPORT_COMMANDS_H
#define LREPORT_COMMANDS_H

#include <stdio.h>

#include <lreport/lreport.h>

#include <stdbool.h>

#define LREPORT_EXIT_DATA 1
#define LREPORT_EXIT_USAGE 2

/* The resolution of a PNG whose --size is physical (cm, mm, in, pt) and no --dpi is given:
 * print quality. */
#define LREPORT_DEFAULT_DPI 300

/* A parsed --size (lreport-output.c). */
typedef struct {
	double width, height;               /* as written; height 0 with @auto_height */
	double width_points, height_points; /* for a physical size */
	bool physical;                      /* pt, mm, cm or in */
	bool pixels;                        /* px */
	bool auto_height;                   /* "1600x": the height the chart needs */
} lreport_size_t;

/* What the user asked for a chart's file: the --size text (NULL: the format's default),
 * --scale and --dpi (0: not given); @size_name names the size in messages (NULL: "--size"). */
typedef struct {
	const char *size;
	double scale;
	double dpi;
	const char *size_name;
} lreport_output_request_t;

/* Parses "WxH" with optional units px, pt, mm, cm, in ("16cmx9cm", "16x9cm", "1600x"). */
bool lreport_size_parse(const char *text, lreport_size_t *size);

/* Fills @options for writing in @format (PNG, PDF or SVG). Returns NULL, or a newly allocated
 * usage message (no program name) that names the option and the unit. */
char *lreport_write_options_resolve(const lreport_output_request_t *request,
				    lr_file_format_t format, lr_write_options_t *options);

/* "png", "pdf" or "svg" (not "auto"). */
bool lreport_format_parse(const char *text, lr_file_format_t *format);

/* The format of @path's extension (any case), or LR_FORMAT_AUTO. */
lr_file_format_t lreport_format_from_path(const char *path);

/* Writes @chart to @output ("-": standard output) with @options. Returns NULL, or a newly
 * allocated message naming the output. */
char *lreport_chart_write(lr_chart_t *chart, const char *output, const lr_write_options_t *options);

/* `lreport charts` (lreport-charts.c). */
int lreport_command_charts(int argc, char **argv, const char *default_data_dir);

/* Loads the dataset of @directory; on errors prints them and returns NULL (lreport.c). */
lr_dataset_t *lreport_load_dataset(const char *directory);

/* At most how many errors lreport_print_errors() prints (0: all), then a count of the rest. */
extern size_t lreport_errors_shown_max;

/* Prints the errors @get returns, as file:line:column: error: message, at most
 * lreport_errors_shown_max of them (lreport.c). */
void lreport_print_errors(FILE *out, size_t count, const lr_error_t *(*get)(const void *, size_t),
			  const void *object);

/* Prints the errors of @dataset, as lreport_print_errors() does (lreport.c). */
void lreport_print_dataset_errors(const lr_dataset_t *dataset);

/* `lreport report` (lreport-report.c). */
int lreport_command_report(int argc, char **argv, const char *default_data_dir);

/* Loads @spec with the dataset of @data_dir (NULL: the spec's own). NULL after printing the
 * dataset's errors. */
lr_report_t *lreport_load_report(const char *spec, const char *data_dir, lr_dataset_t **dataset);

/* Checks @spec (its own errors and a layout); prints errors or "SPEC: N pages: valid".
 * Returns an exit status. */
int lreport_validate_spec(const char *spec, const char *data_dir);

#endif
