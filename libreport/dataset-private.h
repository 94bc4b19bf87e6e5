/* libreport (private): what the CSV loader (dataset-csv.c) uses of the model (dataset.c).
 * The dependency runs one way: dataset-csv.c calls dataset.c, never the reverse; the public
 * loaders lr_dataset_load() and lr_dataset_load_files() live in dataset-csv.c.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_DATASET_PRIVATE_H
#define LR_DATASET_PRIVATE_H

#include <lreport/lreport.h>
#include "common-private.h"

/* Where a record came from, so rule violations point at the right cell. Columns are
 * 1-based character columns of each field, indexed like the file's columns. */
typedef struct {
	const char *file;
	unsigned line;            /* the record's first line */
	const unsigned *columns;
	const unsigned *lines;    /* each field's line (a quoted field may hold line breaks),
				   * or NULL: all on @line */
} lr_source_position_t;

/* The line of @field (-1: the record's), for messages. */
static inline unsigned
lr_source_line(const lr_source_position_t *position, int field)
{
	return position->lines && field >= 0 ? position->lines[field] : position->line;
}

/* Column indices of observations.csv, in file order. */
enum {
	LR_OBS_INDICATOR, LR_OBS_ENTITY, LR_OBS_YEAR, LR_OBS_PERIOD, LR_OBS_VALUE, LR_OBS_LOW,
	LR_OBS_HIGH, LR_OBS_N, LR_OBS_STATUS, LR_OBS_SOURCE, LR_OBS_QUOTE, LR_OBS_NOTE,
	LR_OBS_COLUMNS
};

/* Column indices of indicators.csv. */
enum {
	LR_IND_ID, LR_IND_NAME_VI, LR_IND_NAME_EN, LR_IND_UNIT_VI, LR_IND_UNIT_EN, LR_IND_KIND,
	LR_IND_BETTER, LR_IND_PILLAR, LR_IND_NOTE, LR_IND_COLUMNS
};

extern const char *const lr_observation_columns[LR_OBS_COLUMNS];
extern const char *const lr_indicator_columns[LR_IND_COLUMNS];

/* Whether @dataset is the inert one lr_dataset_create() returns when memory runs out. */
bool
lr_dataset_is_inert(const lr_dataset_t *dataset);

/* Records an error on @dataset (kept in order; the first sets the status). */
void
lr_dataset_record_error(lr_dataset_t *dataset, lr_status_t status, const char *file,
			unsigned line, unsigned column, const char *format, ...) G_GNUC_PRINTF(6, 7);

/* Whether @dataset holds LR_ERROR_COUNT_MAX errors, so that readers stop reading. */
bool
lr_dataset_errors_full(const lr_dataset_t *dataset);

/* As the public adders, with the position used in error messages (NULL for API calls). */
lr_status_t
lr_dataset_add_indicator_at(lr_dataset_t *dataset, const lr_indicator_t *indicator,
			    const lr_source_position_t *position);
lr_status_t
lr_dataset_add_observation_at(lr_dataset_t *dataset, const lr_observation_t *observation,
			      const lr_source_position_t *position);

/* A label with a non-ASCII character, and where it was first met (file NULL, line and column
 * 0 for the API), so that characters no font has can be located (dataset-glyphs.c). */
typedef struct {
	const char *text;   /* NFC, owned by the dataset */
	const char *column; /* the column's name, e.g. "name_vi" */
	const char *file;
	unsigned line, column_number;
} lr_dataset_text_t;

/* Notes @text (as given; normalised here) at @field of @position before a setter without a
 * position stores it, as the CSV reader does for entities.csv and sources.csv. */
void
lr_dataset_place_text(lr_dataset_t *dataset, const char *text, const char *column,
		      const lr_source_position_t *position, int field);

/* The labels placed, in the order met. */
size_t
lr_dataset_get_text_count(const lr_dataset_t *dataset);
const lr_dataset_text_t *
lr_dataset_get_text(const lr_dataset_t *dataset, size_t index);

/* LR_STATUS_SUCCESS when @text (NULL is "") is within LR_LABEL_LENGTH_MAX bytes, or
 * LR_NOTE_LENGTH_MAX for a @note; otherwise records the error at @field of @position (NULL:
 * an API call, LR_STATUS_INVALID_ARGUMENT), naming the column @name, and returns its status. */
lr_status_t
lr_dataset_check_length(lr_dataset_t *dataset, const lr_source_position_t *position, int field,
			const char *name, const char *text, bool note);

#endif
