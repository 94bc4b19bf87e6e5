/* lreport (the CLI): tables printed for people (aligned text) or for programs (TSV, JSON),
 * and the year lists options take.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LREPORT_TABLE_H
#define LREPORT_TABLE_H

#include <stdbool.h>
#include <stdio.h>

#include <glib.h>

typedef enum {
	LREPORT_TABLE_TEXT = 0, /* columns padded by display width, for a terminal */
	LREPORT_TABLE_TSV,      /* a header row, then rows; \t \n \r \\ escaped in fields */
	LREPORT_TABLE_JSON      /* an array of objects, numbers as JSON numbers */
} lreport_table_format_t;

/* "text", "tsv" or "json"; false for anything else. */
bool lreport_table_format_from_string(const char *text, lreport_table_format_t *format);

typedef struct lreport_table lreport_table_t;

/* A table of @count columns: @keys name them in TSV headers and JSON objects, @headers in the
 * text form (NULL: no header line; a NULL entry: a column only TSV and JSON carry). */
lreport_table_t *lreport_table_new(size_t count, const char *const *keys, const char *const *headers);
void lreport_table_free(lreport_table_t *table);

/* Starts a row; the setters below fill its cells (a cell not set is empty / null). */
void lreport_table_add_row(lreport_table_t *table);
void lreport_table_set_string(lreport_table_t *table, size_t column, const char *text);
/* A number: @shown in text, the exact value (shortest round-trip, '.') in TSV and JSON.
 * NaN is empty in TSV and null in JSON. */
void lreport_table_set_number(lreport_table_t *table, size_t column, double value, const char *shown);
void lreport_table_set_int(lreport_table_t *table, size_t column, gint64 value);
/* A list of years: "2022,2024" in text and TSV, [2022, 2024] in JSON. */
void lreport_table_set_years(lreport_table_t *table, size_t column, const GArray *years);

void lreport_table_print(const lreport_table_t *table, lreport_table_format_t format, FILE *out);

/* Columns a string takes on a terminal: wide (CJK, emoji) characters count 2, combining
 * marks and other zero-width characters 0. */
size_t lreport_display_width(const char *text);

/* The fewest decimals (0–17) that print @value so that it reads back exactly. */
int lreport_exact_decimals(double value);

/* A year (@first == @last) or a range of years, both ends included. */
typedef struct {
	int first, last;
} lreport_years_t;

/* Appends to @years (of lreport_years_t) the items of @texts: each "2024", "2022-2024" or a
 * comma list of those. On a malformed item returns false with *@error set to a message naming
 * it. */
bool lreport_parse_years(char *const *texts, GArray *years, char **error);

/* Whether @year is in one of @years (of lreport_years_t); every year is when it is empty. */
bool lreport_years_contain(const GArray *years, int year);

#endif
