/* libreport: the indicator dataset, loaded from CSV files or built in memory.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#if !defined(LR_H_INSIDE) && !defined(LR_COMPILATION)
#error "Only <lreport/lreport.h> can be included directly."
#endif

#ifndef LR_DATASET_H
#define LR_DATASET_H

#include <stdbool.h>
#include <lreport/lr-common.h>

LR_BEGIN_DECLS

/**
 * lr_dataset_t:
 *
 * A set of indicators and their observations (see data/README.md for the file schema).
 * Reference counted (atomically): lr_dataset_reference() and lr_dataset_destroy(). Charts
 * keep a reference to the dataset they draw.
 *
 * Growing after charts exist: charts keep indicator ids and entity names, not pointers into
 * the dataset, and look them up each time they are laid out, so lr_dataset_add_indicator()
 * and lr_dataset_add_observation() may be called after charts of the dataset were created,
 * and the next draw sees the new rows. The pointers returned by lr_dataset_get_indicator(),
 * lr_dataset_find_indicator() and lr_dataset_get_observation() are valid until the next add
 * (the arrays move as they grow); the strings they point to live as long as the dataset.
 *
 * Threads: drawing does not change a dataset, so several threads may draw charts of one
 * dataset at once, as long as nobody adds to it meanwhile.
 *
 * Since: 0.1
 */
typedef struct lr_dataset lr_dataset_t;

/**
 * lr_indicator_kind_t: what an indicator's values are (the `kind` column).
 * Since: 0.1
 */
typedef enum {
	LR_INDICATOR_VALUE = 0, /* an amount or count */
	LR_INDICATOR_RANK,      /* a position in a ranking, 1 = best */
	LR_INDICATOR_SHARE,     /* a percentage of a whole, 0–100 */
	LR_INDICATOR_GROWTH     /* a percentage change */
} lr_indicator_kind_t;

/**
 * lr_direction_t: which direction is an improvement (the `better` column).
 * Since: 0.1
 */
typedef enum {
	LR_DIRECTION_HIGHER = 0,
	LR_DIRECTION_LOWER,
	LR_DIRECTION_NEUTRAL
} lr_direction_t;

/**
 * lr_observation_status_t: how certain a figure is (the `status` column).
 * Since: 0.1
 */
typedef enum {
	LR_OBSERVATION_ACTUAL = 0,
	LR_OBSERVATION_ESTIMATE,
	LR_OBSERVATION_FORECAST,
	LR_OBSERVATION_TARGET
} lr_observation_status_t;

/**
 * lr_indicator_t:
 * @id: stable identifier: lower-case ASCII letters, digits and '_', starting with a letter
 * @name_vi: the Vietnamese name, as a chart title says it
 * @name_en: the English name
 * @unit_vi: the Vietnamese unit written after a number ("tỷ USD", "%"); "" for none
 * @unit_en: the English unit
 * @kind: what the values are: amounts, ranks, shares or growth rates
 * @better: which direction is an improvement
 * @pillar: the theme it belongs to ("overall", "economy" …; see data/README.md)
 * @note: anything a reader of the data should know, or ""
 * @reserved: for fields of later versions; zero
 *
 * One indicator. Strings are UTF-8 (NFC); optional ones are "" when absent, never NULL.
 * When passed to lr_dataset_add_indicator() the strings are copied; when returned by the
 * dataset the struct belongs to it (see lr_dataset_t for how long the pointer is valid).
 * @reserved must be zero (initialise the struct with `{ .id = …, … }` or memset), so that
 * later versions can add fields in its place without breaking programs built today.
 *
 * Since: 0.1 (@reserved since 0.2)
 */
typedef struct {
	const char *id;
	const char *name_vi;
	const char *name_en;
	const char *unit_vi;
	const char *unit_en;
	lr_indicator_kind_t kind;
	lr_direction_t better;
	const char *pillar;
	const char *note;
	void *reserved[4];
} lr_indicator_t;

/**
 * lr_observation_t:
 * @indicator: the id of its indicator
 * @entity: who or where the figure is about (a country, a group, a province, an organisation)
 * @year: the year the figure refers to
 * @period: "" for a whole year; "H1", "Q3", "9M" (first nine months), "MM-DD" (a date)
 * @value: the figure; NaN when only a range is known
 * @low: the range's lower end, or NaN
 * @high: the range's upper end, or NaN
 * @total: the N of "x/N" (for a rank, how many were ranked), 0 when absent
 * @status: actual, estimate, forecast or target
 * @source: where the figure comes from (e.g. an article's file name), or "" / NULL: provenance,
 *   printed in a chart's source line, not a requirement
 * @quote: the phrase of the source that states it, or "" / NULL
 * @note: anything a reader should know, or ""
 * @reserved: for fields of later versions; zero
 *
 * One figure. @value, @low and @high are NaN when absent (a range has @low and @high; its
 * @value may be NaN). @total is the N of "x/N", 0 when absent. @period is "" for a whole year.
 * @source and @quote say where the figure comes from, when it comes from a document.
 * Ranks (the value, low and high of a rank indicator) and @total are at most
 * LR_RANK_MAX. Ownership, and @reserved, as for lr_indicator_t.
 *
 * Since: 0.1 (@reserved since 0.2)
 */
typedef struct {
	const char *indicator;
	const char *entity;
	int year;
	const char *period;
	double value;
	double low;
	double high;
	int total;
	lr_observation_status_t status;
	const char *source;
	const char *quote;
	const char *note;
	void *reserved[4];
} lr_observation_t;

/**
 * LR_RANK_MAX: the largest rank, and the largest N of "x/N", a dataset accepts (1,000,000:
 * far beyond any ranking of economies, and small enough that every rank is an int).
 * Since: 0.2
 */
#define LR_RANK_MAX 1000000

/**
 * lr_dataset_create:
 *
 * Returns: a new empty dataset to fill with lr_dataset_add_indicator() and
 * lr_dataset_add_observation(). Never NULL: when memory runs out an inert dataset whose
 * status is LR_STATUS_NO_MEMORY is returned. Free with lr_dataset_destroy().
 * Since: 0.1
 */
LR_EXTERN lr_dataset_t *
lr_dataset_create(void);

/**
 * lr_dataset_load:
 * @directory: a folder holding indicators.csv and observations.csv, and optionally
 *   sources.csv and entities.csv (citations and English entity names)
 *
 * Loads and validates the files. Each must be a regular file of at most LR_FILE_SIZE_MAX
 * bytes (a FIFO, a device or a larger file is refused with LR_STATUS_READ_ERROR). Every error found is recorded (not just the first; up to LR_ERROR_COUNT_MAX, then reading stops):
 * read them with lr_dataset_get_error_count() and lr_dataset_get_error(). A dataset with
 * errors has the first error's status and should not be drawn.
 *
 * Returns: a new dataset, never NULL. Free with lr_dataset_destroy().
 * Since: 0.1
 */
LR_EXTERN lr_dataset_t *
lr_dataset_load(const char *directory);

/**
 * lr_dataset_load_files:
 * @indicators_path: the indicators CSV file
 * @observations_path: the observations CSV file
 *
 * As lr_dataset_load(), with the two files named separately.
 * Since: 0.1
 */
LR_EXTERN lr_dataset_t *
lr_dataset_load_files(const char *indicators_path, const char *observations_path);

/**
 * lr_dataset_load_from_memory:
 * @name: what errors call the data (e.g. an upload's name), copied; NULL for "<memory>"
 * @indicators: the text of an indicators.csv file, UTF-8; need not end in a NUL
 * @indicators_length: its length in bytes
 * @observations: the text of an observations.csv file, likewise
 * @observations_length: its length in bytes
 *
 * As lr_dataset_load_files(), from text in memory, so that a server never writes a temporary
 * file: the same rules and the same errors, whose file is "@name/indicators.csv" or
 * "@name/observations.csv" with the line and column in that text. Each text may be at most
 * LR_FILE_SIZE_MAX bytes (else LR_STATUS_INVALID_ARGUMENT). The texts are not kept: the
 * caller may free them when this returns. A NULL text is the error LR_STATUS_NULL_POINTER.
 *
 * Returns: a new dataset, never NULL. Free with lr_dataset_destroy().
 * Since: 0.3
 */
LR_EXTERN lr_dataset_t *
lr_dataset_load_from_memory(const char *name, const char *indicators, size_t indicators_length,
			    const char *observations, size_t observations_length);

/**
 * lr_dataset_reference:
 * @dataset: a dataset, or NULL
 *
 * Returns: @dataset, with one more reference.
 * Since: 0.1
 */
LR_EXTERN lr_dataset_t *
lr_dataset_reference(lr_dataset_t *dataset);

/**
 * lr_dataset_destroy:
 * @dataset: a dataset, or NULL (ignored)
 *
 * Drops a reference; the last one frees the dataset and every string it returned.
 * Since: 0.1
 */
LR_EXTERN void
lr_dataset_destroy(lr_dataset_t *dataset);

/**
 * lr_dataset_status:
 * @dataset: a dataset
 *
 * Returns: LR_STATUS_SUCCESS, or the first error recorded; LR_STATUS_NULL_POINTER for NULL.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_dataset_status(const lr_dataset_t *dataset);

/**
 * lr_dataset_get_error_count:
 * @dataset: a dataset, or NULL (0)
 *
 * Returns: how many errors loading or building the dataset met.
 * Since: 0.1
 */
LR_EXTERN size_t
lr_dataset_get_error_count(const lr_dataset_t *dataset);

/**
 * lr_dataset_get_error:
 * @dataset: a dataset
 * @index: 0 to lr_dataset_get_error_count() - 1
 *
 * Returns: the error, owned by @dataset (valid until it is destroyed), or NULL when @index
 * is out of range. Errors come in file order, indicators file first.
 * Since: 0.1
 */
LR_EXTERN const lr_error_t *
lr_dataset_get_error(const lr_dataset_t *dataset, size_t index);

/**
 * lr_dataset_add_indicator:
 * @dataset: a dataset
 * @indicator: the indicator; its strings are validated (UTF-8), normalised to NFC and copied.
 *   Each is at most LR_LABEL_LENGTH_MAX bytes, the note LR_NOTE_LENGTH_MAX (since 0.3)
 *
 * Returns: LR_STATUS_SUCCESS; LR_STATUS_INVALID_DATA for a malformed or duplicate id or a
 * field out of range, LR_STATUS_INVALID_UTF8 for bad text, LR_STATUS_NULL_POINTER for a NULL
 * @indicator or a missing name. A failure is also recorded as an error of @dataset.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_dataset_add_indicator(lr_dataset_t *dataset, const lr_indicator_t *indicator);

/**
 * lr_dataset_add_observation:
 * @dataset: a dataset
 * @observation: the figure; strings are validated, normalised to NFC and copied. @source
 *   and @quote may be NULL for data that does not come from an article
 *
 * Applies the rules of data/README.md (known indicator, finite numbers, rank within 1..N
 * and at most LR_RANK_MAX, no duplicate, @reserved zero; since 0.3 strings of at most
 * LR_LABEL_LENGTH_MAX bytes, @quote and @note LR_NOTE_LENGTH_MAX).
 *
 * Returns: LR_STATUS_SUCCESS or the error, which is also recorded on @dataset.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_dataset_add_observation(lr_dataset_t *dataset, const lr_observation_t *observation);

/**
 * lr_dataset_get_indicator_count:
 * Returns: the number of indicators (0 for NULL).
 * Since: 0.1
 */
LR_EXTERN size_t
lr_dataset_get_indicator_count(const lr_dataset_t *dataset);

/**
 * lr_dataset_get_indicator:
 * Returns: the @index-th indicator in file (or insertion) order, owned by @dataset (valid
 * until the next add); NULL when out of range.
 * Since: 0.1
 */
LR_EXTERN const lr_indicator_t *
lr_dataset_get_indicator(const lr_dataset_t *dataset, size_t index);

/**
 * lr_dataset_find_indicator:
 * Returns: the indicator with this id, owned by @dataset (valid until the next add), or NULL.
 * Since: 0.1
 */
LR_EXTERN const lr_indicator_t *
lr_dataset_find_indicator(const lr_dataset_t *dataset, const char *id);

/**
 * lr_dataset_get_observation_count:
 * Returns: the number of observations (0 for NULL).
 * Since: 0.1
 */
LR_EXTERN size_t
lr_dataset_get_observation_count(const lr_dataset_t *dataset);

/**
 * lr_dataset_get_observation:
 * Returns: the @index-th observation in file (or insertion) order, owned by @dataset (valid
 * until the next add); NULL when out of range.
 * Since: 0.1
 */
LR_EXTERN const lr_observation_t *
lr_dataset_get_observation(const lr_dataset_t *dataset, size_t index);

/**
 * lr_dataset_get_observation_line:
 * Returns: the line of observations.csv the @index-th observation was read from, 0 when it
 * was added through the API or @index is out of range.
 * Since: 0.1
 */
LR_EXTERN unsigned
lr_dataset_get_observation_line(const lr_dataset_t *dataset, size_t index);

/**
 * lr_dataset_set_entity_name:
 * @dataset: a dataset
 * @entity: an entity as the observations name it (Vietnamese)
 * @name_en: its English name; both copied
 *
 * Returns: LR_STATUS_SUCCESS, LR_STATUS_NULL_POINTER or LR_STATUS_INVALID_UTF8; since 0.3
 * LR_STATUS_INVALID_ARGUMENT, also recorded as an error of @dataset, for a text above
 * LR_LABEL_LENGTH_MAX bytes.
 * lr_dataset_load() fills these from entities.csv when the folder has one.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_dataset_set_entity_name(lr_dataset_t *dataset, const char *entity, const char *name_en);

/**
 * lr_dataset_get_entity_name:
 * Returns: @entity's name in @language: its English name when one is known, otherwise
 * @entity itself. Owned by @dataset or the caller (for @entity); never NULL for non-NULL @entity.
 * Since: 0.1
 */
LR_EXTERN const char *
lr_dataset_get_entity_name(const lr_dataset_t *dataset, const char *entity, lr_language_t language);

/**
 * lr_dataset_set_source_label:
 * @dataset: a dataset
 * @source: a source file name as the observations give it
 * @label_vi, @label_en: the citation to print after "Nguồn:" / "Source:"; copied
 *
 * Returns: as lr_dataset_set_entity_name().
 * lr_dataset_load() fills these from sources.csv when the folder has one.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_dataset_set_source_label(lr_dataset_t *dataset, const char *source, const char *label_vi,
			    const char *label_en);

/**
 * lr_dataset_get_source_label:
 * Returns: the citation of @source in @language, or @source itself when it has none.
 * Since: 0.1
 */
LR_EXTERN const char *
lr_dataset_get_source_label(const lr_dataset_t *dataset, const char *source, lr_language_t language);

/**
 * lr_warning_func_t:
 * @warning: the warning, valid during the call only
 * @closure: the caller's pointer
 *
 * Receives one warning of a check (see lr_dataset_check_glyphs()).
 * Since: 0.3
 */
typedef void (*lr_warning_func_t)(const lr_error_t *warning, void *closure);

/**
 * lr_dataset_check_glyphs:
 * @dataset: a dataset
 * @func: called for each warning, in the order the texts were read; NULL to only count them
 * @closure: passed to @func
 * @count: (out) (optional): the number of warnings, or NULL
 *
 * Finds the characters that none of the bundled fonts can draw, which a chart would show as
 * a box with the character's code in it: in the texts charts print (indicator ids, names,
 * units and pillars; entities and their English names; periods; sources and their labels).
 * Characters that are never drawn (line ends, tabs, zero-width joiners, variation selectors)
 * do not count. Each text with such a character gives one warning, of status
 * LR_STATUS_MISSING_GLYPH, naming the character and the column, at the file, line and column
 * of the field where that text was first read (no file for text added through the API). The
 * dataset stays valid: these are warnings, for `lreport validate`.
 *
 * Returns: LR_STATUS_SUCCESS; LR_STATUS_FONT_ERROR when the fonts cannot be loaded;
 * LR_STATUS_NULL_POINTER for a NULL @dataset.
 * Since: 0.3
 */
LR_EXTERN lr_status_t
lr_dataset_check_glyphs(const lr_dataset_t *dataset, lr_warning_func_t func, void *closure,
			size_t *count);

/**
 * lr_indicator_kind_to_string:
 * Returns: "value", "rank", "share" or "growth" (static); "unknown" for another value.
 * Since: 0.1
 */
LR_EXTERN const char *
lr_indicator_kind_to_string(lr_indicator_kind_t kind);

/**
 * lr_observation_status_to_string:
 * Returns: "actual", "estimate", "forecast" or "target" (static); "unknown" for another value.
 * Since: 0.1
 */
LR_EXTERN const char *
lr_observation_status_to_string(lr_observation_status_t status);

/**
 * lr_direction_to_string:
 * Returns: "higher", "lower" or "neutral" (static); "unknown" for another value.
 * Since: 0.2
 */
LR_EXTERN const char *
lr_direction_to_string(lr_direction_t direction);

/**
 * lr_indicator_kind_from_string, lr_direction_from_string, lr_observation_status_from_string:
 * @text: a name as the CSV columns `kind`, `better` and `status` spell it (see the
 *   _to_string() functions)
 * @value: (out): where to store the value
 *
 * Returns: LR_STATUS_SUCCESS; LR_STATUS_INVALID_ARGUMENT for another text (@value
 * unchanged); LR_STATUS_NULL_POINTER when an argument is NULL.
 * Since: 0.2
 */
LR_EXTERN lr_status_t
lr_indicator_kind_from_string(const char *text, lr_indicator_kind_t *value);
LR_EXTERN lr_status_t
lr_direction_from_string(const char *text, lr_direction_t *value);
LR_EXTERN lr_status_t
lr_observation_status_from_string(const char *text, lr_observation_status_t *value);

/**
 * lr_indicator_get_name:
 * Returns: the indicator's name in @language (owned by the indicator).
 * Since: 0.1
 */
LR_EXTERN const char *
lr_indicator_get_name(const lr_indicator_t *indicator, lr_language_t language);

/**
 * lr_indicator_get_unit:
 * Returns: the indicator's unit in @language, "" when it has none (owned by the indicator).
 * Since: 0.1
 */
LR_EXTERN const char *
lr_indicator_get_unit(const lr_indicator_t *indicator, lr_language_t language);

LR_END_DECLS

#endif /* LR_DATASET_H */
