/* libreport (private): chart options as spec files write them, shared by every reader of
 * chart specifications: charts.ini (lr_chart_set_load(), chart-spec.c) and the report
 * spec's ```chart blocks (the report engine).
 *
 * The keys: kind, indicator, entity, year (the three lists ';'-separated), layout,
 * horizontal, sort, labels, decimals, highlight, theme, title, subtitle, title_vi, title_en, subtitle_vi,
 * subtitle_en. Values are those of the _from_string() functions of the public headers.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_CHART_SPEC_PRIVATE_H
#define LR_CHART_SPEC_PRIVATE_H

#include <lreport/lreport.h>
#include "common-private.h"

/* Where an option was written, for its errors: @file may be NULL; lines and columns are
 * 1-based (columns in characters), 0 when not known. */
typedef struct {
	const char *file;
	unsigned line;
	unsigned key_column;    /* where the key starts */
	unsigned value_column;  /* where the value starts */
} lr_spec_location_t;

/* One option of a stream, with where it was written. */
typedef struct {
	const char *key;
	const char *value;
	lr_spec_location_t at;
} lr_spec_option_t;

/* Whether @key is one of the keys above. */
bool lr_chart_option_is_known(const char *key);

/* Applies @key = @value to @chart through its public setters. @language picks which of
 * title_vi / title_en (subtitle_…) applies; the other is accepted and ignored; "kind" must
 * name @chart's kind. On an error (unknown key, a value none of those expected, or an error
 * the setter recorded on @chart) returns the status and fills @error with @at's position,
 * pointing at the key or the value (or the list item) that is wrong, and saying what was
 * expected. @error may be NULL. */
lr_status_t lr_chart_apply_option(lr_chart_t *chart, const char *key, const char *value,
				  lr_language_t language, const lr_spec_location_t *at,
				  lr_error_record_t *error);

/* Makes the chart @options describe: its "kind" (required; the first one), then every other
 * option in order, in @language, then lr_chart_validate(). Returns the chart, or NULL with
 * @error filled at the option (or, for a request the data cannot satisfy or a missing kind,
 * at @at, the start of the block). */
lr_chart_t *lr_chart_create_from_options(lr_dataset_t *dataset, lr_language_t language,
					 const lr_spec_option_t *options, size_t count,
					 const lr_spec_location_t *at, lr_error_record_t *error);

/* Whether @name may name output files in a folder: not empty, no '/' or '\\', not "." or
 * "..", no "..", no control characters. */
bool lr_chart_name_is_safe(const char *name);

#endif
