/* lreport (the CLI): tables for people and for programs, and year lists.
 *
 * JSON is written here rather than through json-glib: json-glib prints every double with 17
 * significant digits (0.4795 becomes 0.47949999999999998), and `show` promises the stored
 * value exactly. Writing is only string escaping (RFC 8259 §7) and the shortest number that
 * reads back the same.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "lreport-table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum { CELL_EMPTY = 0, CELL_STRING, CELL_NUMBER, CELL_INT, CELL_YEARS } cell_kind_t;

typedef struct {
	cell_kind_t kind;
	char *shown;   /* the text form */
	char *machine; /* the TSV form; JSON too for numbers */
} cell_t;

struct lreport_table {
	size_t columns;
	char **keys;
	char **headers; /* NULL: no header line in text; a NULL entry: a column text leaves out */
	GArray *cells;  /* of cell_t, row after row */
};

bool
lreport_table_format_from_string(const char *text, lreport_table_format_t *format)
{
	static const char *const names[] = { "text", "tsv", "json" };

	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		if (text && strcmp(text, names[i]) == 0) {
			*format = (lreport_table_format_t) i;
			return true;
		}
	return false;
}

static void
clear_cell(gpointer data)
{
	cell_t *cell = data;

	g_free(cell->shown);
	g_free(cell->machine);
}

lreport_table_t *
lreport_table_new(size_t count, const char *const *keys, const char *const *headers)
{
	lreport_table_t *table = g_new0(lreport_table_t, 1);

	table->columns = count;
	table->keys = g_new0(char *, count + 1);
	for (size_t i = 0; i < count; i++)
		table->keys[i] = g_strdup(keys[i]);
	if (headers) {
		/* Not a strv: entries may be NULL. */
		table->headers = g_new0(char *, count);
		for (size_t i = 0; i < count; i++)
			table->headers[i] = g_strdup(headers[i]);
	}
	table->cells = g_array_new(FALSE, TRUE, sizeof(cell_t));
	g_array_set_clear_func(table->cells, clear_cell);
	return table;
}

void
lreport_table_free(lreport_table_t *table)
{
	if (!table)
		return;
	g_strfreev(table->keys);
	for (size_t i = 0; table->headers && i < table->columns; i++)
		g_free(table->headers[i]);
	g_free(table->headers);
	g_array_unref(table->cells);
	g_free(table);
}

void
lreport_table_add_row(lreport_table_t *table)
{
	g_array_set_size(table->cells, table->cells->len + table->columns);
}

static cell_t *
current_cell(lreport_table_t *table, size_t column)
{
	cell_t *cell;

	g_assert(column < table->columns && table->cells->len >= table->columns);
	cell = &g_array_index(table->cells, cell_t, table->cells->len - table->columns + column);
	clear_cell(cell);
	return cell;
}

void
lreport_table_set_string(lreport_table_t *table, size_t column, const char *text)
{
	cell_t *cell = current_cell(table, column);

	cell->kind = CELL_STRING;
	cell->shown = g_strdup(text ? text : "");
	cell->machine = g_strdup(cell->shown);
}

/* The shortest "%.*g" of @value that g_ascii_strtod() reads back as @value. */
static char *
exact_number(double value)
{
	char buffer[G_ASCII_DTOSTR_BUF_SIZE];

	for (int precision = 1; precision <= 17; precision++) {
		char format[8];
		g_snprintf(format, sizeof format, "%%.%dg", precision);
		g_ascii_formatd(buffer, sizeof buffer, format, value);
		if (g_ascii_strtod(buffer, NULL) == value)
			break;
	}
	return g_strdup(buffer);
}

void
lreport_table_set_number(lreport_table_t *table, size_t column, double value, const char *shown)
{
	cell_t *cell = current_cell(table, column);

	if (isnan(value) || isinf(value)) {
		cell->kind = CELL_EMPTY;
		cell->shown = g_strdup(shown ? shown : "");
		return;
	}
	cell->kind = CELL_NUMBER;
	cell->machine = exact_number(value);
	cell->shown = g_strdup(shown ? shown : cell->machine);
}

void
lreport_table_set_int(lreport_table_t *table, size_t column, gint64 value)
{
	cell_t *cell = current_cell(table, column);

	cell->kind = CELL_INT;
	cell->machine = g_strdup_printf("%" G_GINT64_FORMAT, value);
	cell->shown = g_strdup(cell->machine);
}

void
lreport_table_set_years(lreport_table_t *table, size_t column, const GArray *years)
{
	cell_t *cell = current_cell(table, column);
	GString *text = g_string_new(NULL);

	for (guint i = 0; i < years->len; i++)
		g_string_append_printf(text, "%s%d", i ? "," : "", g_array_index(years, int, i));
	cell->kind = CELL_YEARS;
	cell->machine = g_string_free(text, FALSE);
	cell->shown = g_strdup(cell->machine);
}

size_t
lreport_display_width(const char *text)
{
	size_t width = 0;

	for (const char *p = text; p && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_iszerowidth(c) || g_unichar_type(c) == G_UNICODE_CONTROL)
			continue;
		width += g_unichar_iswide(c) ? 2 : 1;
	}
	return width;
}

int
lreport_exact_decimals(double value)
{
	char buffer[G_ASCII_DTOSTR_BUF_SIZE];

	if (!isfinite(value))
		return 0;
	for (int decimals = 0; decimals < 17; decimals++) {
		char format[8];
		g_snprintf(format, sizeof format, "%%.%df", decimals);
		g_ascii_formatd(buffer, sizeof buffer, format, value);
		if (g_ascii_strtod(buffer, NULL) == value)
			return decimals;
	}
	return 17;
}

static const cell_t *
cell_at(const lreport_table_t *table, size_t row, size_t column)
{
	return &g_array_index(table->cells, cell_t, row * table->columns + column);
}

static const char *
shown_text(const cell_t *cell)
{
	return cell->shown ? cell->shown : "";
}

static bool
shown_in_text(const lreport_table_t *table, size_t column)
{
	return !table->headers || table->headers[column];
}

/* Aligned columns: the widest cell (or header) of each, two spaces between; no padding after
 * the last, so lines carry no trailing blanks. */
static void
print_text(const lreport_table_t *table, FILE *out)
{
	size_t rows = table->cells->len / table->columns;
	size_t *widths = g_new0(size_t, table->columns);
	size_t last = 0;

	for (size_t c = 0; c < table->columns; c++) {
		if (!shown_in_text(table, c))
			continue;
		last = c;
		if (table->headers)
			widths[c] = lreport_display_width(table->headers[c]);
		for (size_t r = 0; r < rows; r++)
			widths[c] = MAX(widths[c], lreport_display_width(shown_text(cell_at(table, r, c))));
	}
	for (size_t r = table->headers ? 0 : 1; r <= rows; r++) {
		GString *line = g_string_new(NULL);
		bool started = false;
		for (size_t c = 0; c < table->columns; c++) {
			const char *text;
			bool right;
			size_t pad;
			if (!shown_in_text(table, c))
				continue;
			text = r == 0 ? table->headers[c] : shown_text(cell_at(table, r - 1, c));
			/* Numbers line up on the right, like a spreadsheet. */
			right = r > 0 && (cell_at(table, r - 1, c)->kind == CELL_NUMBER ||
					  cell_at(table, r - 1, c)->kind == CELL_INT);
			pad = widths[c] - lreport_display_width(text);
			if (started)
				g_string_append(line, "  ");
			started = true;
			if (right)
				for (size_t i = 0; i < pad; i++)
					g_string_append_c(line, ' ');
			g_string_append(line, text);
			if (!right && c < last)
				for (size_t i = 0; i < pad; i++)
					g_string_append_c(line, ' ');
		}
		while (line->len && line->str[line->len - 1] == ' ')
			g_string_truncate(line, line->len - 1);
		fprintf(out, "%s\n", line->str);
		g_string_free(line, TRUE);
	}
	g_free(widths);
}

static void
print_tsv_field(const char *text, FILE *out)
{
	for (const char *p = text; *p; p++) {
		switch (*p) {
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\\': fputs("\\\\", out); break;
		default: fputc(*p, out);
		}
	}
}

static void
print_tsv(const lreport_table_t *table, FILE *out)
{
	size_t rows = table->cells->len / table->columns;

	for (size_t c = 0; c < table->columns; c++) {
		fputs(c ? "\t" : "", out);
		print_tsv_field(table->keys[c], out);
	}
	fputc('\n', out);
	for (size_t r = 0; r < rows; r++) {
		for (size_t c = 0; c < table->columns; c++) {
			const cell_t *cell = cell_at(table, r, c);
			fputs(c ? "\t" : "", out);
			print_tsv_field(cell->machine ? cell->machine : "", out);
		}
		fputc('\n', out);
	}
}

static void
print_json_string(const char *text, FILE *out)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *) text; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out); /* UTF-8 passes through: the CLI only prints valid UTF-8 */
	}
	fputc('"', out);
}

static void
print_json(const lreport_table_t *table, FILE *out)
{
	size_t rows = table->cells->len / table->columns;

	fputs("[", out);
	for (size_t r = 0; r < rows; r++) {
		fputs(r ? ",\n  {" : "\n  {", out);
		for (size_t c = 0; c < table->columns; c++) {
			const cell_t *cell = cell_at(table, r, c);
			fputs(c ? ", " : "", out);
			print_json_string(table->keys[c], out);
			fputs(": ", out);
			switch (cell->kind) {
			case CELL_EMPTY:
				fputs("null", out);
				break;
			case CELL_STRING:
				print_json_string(cell->machine, out);
				break;
			case CELL_NUMBER:
			case CELL_INT:
				fputs(cell->machine, out);
				break;
			case CELL_YEARS:
				fprintf(out, "[%s]", cell->machine);
				break;
			}
		}
		fputs("}", out);
	}
	fputs(rows ? "\n]\n" : "]\n", out);
}

void
lreport_table_print(const lreport_table_t *table, lreport_table_format_t format, FILE *out)
{
	switch (format) {
	case LREPORT_TABLE_TEXT:
		print_text(table, out);
		break;
	case LREPORT_TABLE_TSV:
		print_tsv(table, out);
		break;
	case LREPORT_TABLE_JSON:
		print_json(table, out);
		break;
	}
}

static bool
parse_year(const char *text, int *year)
{
	gint64 value;

	if (!g_ascii_string_to_signed(text, 10, 1900, 2100, &value, NULL))
		return false;
	*year = (int) value;
	return true;
}

bool
lreport_parse_years(char *const *texts, GArray *years, char **error)
{
	for (char *const *text = texts; text && *text; text++) {
		char **items = g_strsplit(*text, ",", -1);
		for (char **item = items; *item; item++) {
			lreport_years_t range;
			char *dash;
			bool ok;
			g_strstrip(*item);
			dash = strchr(*item, '-');
			if (dash) {
				*dash = '\0';
				ok = parse_year(g_strstrip(*item), &range.first) &&
				     parse_year(g_strstrip(dash + 1), &range.last) && range.first <= range.last;
			} else {
				ok = parse_year(*item, &range.first);
				range.last = range.first;
			}
			if (!ok) {
				*error = g_strdup_printf("--year '%s': expected a year from 1900 to 2100 (2024), "
							 "a range (2022-2024) or a comma list (2022,2024)",
							 *text);
				g_strfreev(items);
				return false;
			}
			g_array_append_val(years, range);
		}
		g_strfreev(items);
	}
	return true;
}

bool
lreport_years_contain(const GArray *years, int year)
{
	if (years->len == 0)
		return true;
	for (guint i = 0; i < years->len; i++) {
		const lreport_years_t *range = &g_array_index(years, lreport_years_t, i);
		if (range->first <= year && year <= range->last)
			return true;
	}
	return false;
}
