/* libreport: reading the dataset's CSV files with libcsv, with every problem reported at its
 * file, line and column.
 *
 * libcsv does not say where a field is, so the file is fed to it one byte at a time and the
 * reader notes the offset at which each field starts; a byte-offset → line:column table turns
 * offsets into positions people can find in an editor. The files are small (tens of kB), so
 * the per-byte calls cost well under a millisecond.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <csv.h>

#include "dataset-private.h"

typedef struct csv_reader csv_reader_t;

struct csv_reader {
	lr_dataset_t *dataset;
	const char *path;
	const char *data;
	size_t size;
	size_t offset;            /* the byte being fed to libcsv */
	gssize field_start;       /* where the field being read started, -1 before its first byte */
	GPtrArray *fields;        /* char *, the record being read */
	GArray *field_starts;     /* size_t, parallel to fields */
	GArray *line_starts;      /* size_t offset of each line's first byte */
	gssize bad_utf8;          /* offset of the record's first invalid UTF-8 byte, or -1 */
	int bad_utf8_field;
	const char *const *columns;
	int column_count;
	bool header_seen;
	bool stop;                /* LR_ERROR_COUNT_MAX errors recorded: read no further */
	void (*handle_record)(csv_reader_t *reader, char **fields, const unsigned *columns,
			      const unsigned *lines);
};

static void
locate(const csv_reader_t *reader, size_t offset, unsigned *line, unsigned *column)
{
	guint low = 0, high = reader->line_starts->len;
	size_t line_start;
	unsigned characters = 0;

	/* The last line start at or before offset. */
	while (high - low > 1) {
		guint middle = (low + high) / 2;
		if (g_array_index(reader->line_starts, size_t, middle) <= offset)
			low = middle;
		else
			high = middle;
	}
	line_start = g_array_index(reader->line_starts, size_t, low);
	/* Columns count characters, not bytes: "Việt Nam" is 8 columns wide. */
	for (size_t i = line_start; i < offset && i < reader->size; i++)
		if (((unsigned char) reader->data[i] & 0xC0) != 0x80)
			characters++;
	*line = low + 1;
	*column = characters + 1;
}

static void
error_at(csv_reader_t *reader, size_t offset, lr_status_t status, const char *format, ...)
	G_GNUC_PRINTF(4, 5);

static void
error_at(csv_reader_t *reader, size_t offset, lr_status_t status, const char *format, ...)
{
	unsigned line, column;
	va_list args;
	char *message;

	locate(reader, offset, &line, &column);
	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	lr_dataset_record_error(reader->dataset, status, reader->path, line, column, "%s", message);
	g_free(message);
}

/* The file offset of byte @content_offset of the field that starts at @start: a quoted field's
 * text begins after the opening quote, and each "" in it is one byte of text. */
static size_t
field_byte_offset(const csv_reader_t *reader, size_t start, size_t content_offset)
{
	size_t offset = start;

	if (offset >= reader->size || reader->data[offset] != '"')
		return start + content_offset;
	offset++;
	for (size_t i = 0; i < content_offset && offset < reader->size; i++)
		offset += reader->data[offset] == '"' ? 2 : 1;
	return offset;
}

static void
on_field(void *field, size_t length, void *data)
{
	csv_reader_t *reader = data;
	size_t start = reader->field_start >= 0 ? (size_t) reader->field_start : reader->offset;
	const char *end;

	/* Embedded NUL bytes count as invalid too: g_utf8_validate() with a length rejects them. */
	if (reader->bad_utf8 < 0 && field && !g_utf8_validate(field, (gssize) length, &end)) {
		reader->bad_utf8 = (gssize) field_byte_offset(reader, start,
							      (size_t) (end - (const char *) field));
		reader->bad_utf8_field = (int) reader->fields->len;
	}
	g_ptr_array_add(reader->fields, g_strndup(field ? field : "", length));
	g_array_append_val(reader->field_starts, start);
	reader->field_start = -1;
}

static char *
expected_header(const csv_reader_t *reader)
{
	GString *text = g_string_new(NULL);
	for (int i = 0; i < reader->column_count; i++)
		g_string_append_printf(text, "%s%s", i ? "," : "", reader->columns[i]);
	return g_string_free(text, FALSE);
}

static void
check_header(csv_reader_t *reader, char **fields, unsigned count, const size_t *starts)
{
	char *expected = expected_header(reader);

	for (unsigned i = 0; i < (unsigned) reader->column_count; i++) {
		if (i >= count) {
			error_at(reader, starts[count - 1], LR_STATUS_PARSE_ERROR,
				 "header: column '%s' is missing; expected the header '%s'",
				 reader->columns[i], expected);
			break;
		}
		if (strcmp(fields[i], reader->columns[i]) != 0) {
			error_at(reader, starts[i], LR_STATUS_PARSE_ERROR,
				 "header: expected column '%s' here, found '%s' (the header must be '%s')",
				 reader->columns[i], fields[i], expected);
			break;
		}
	}
	if (count > (unsigned) reader->column_count)
		error_at(reader, starts[reader->column_count], LR_STATUS_PARSE_ERROR,
			 "header: unexpected extra column '%s'; expected the header '%s'",
			 fields[reader->column_count], expected);
	g_free(expected);
}

/* Where line @line (1-based) ends: the next line's first byte, or the end of the text. */
static size_t
line_end_of(const csv_reader_t *reader, unsigned line)
{
	return line < reader->line_starts->len ? g_array_index(reader->line_starts, size_t, line)
					       : reader->size;
}

static void
on_record(int terminator, void *data)
{
	csv_reader_t *reader = data;
	unsigned count = reader->fields->len;
	const size_t *starts = (const size_t *) (void *) reader->field_starts->data;
	char **fields = (char **) reader->fields->pdata;
	unsigned line, column;
	unsigned *columns, *lines;

	if (count == 0 || reader->stop)
		return;
	if (lr_dataset_errors_full(reader->dataset)) {
		/* Recorded as the list's last error: "too many errors: reading stopped here". */
		error_at(reader, starts[0], LR_STATUS_PARSE_ERROR, "reading stopped");
		reader->stop = true;
		return;
	}
	if (!reader->header_seen) {
		reader->header_seen = true;
		/* Checked like any record: a NUL would otherwise cut a cell short unnoticed. */
		if (reader->bad_utf8 >= 0)
			error_at(reader, (size_t) reader->bad_utf8, LR_STATUS_INVALID_UTF8,
				 "header: invalid UTF-8 byte (save the file as UTF-8)");
		else
			check_header(reader, fields, count, starts);
		goto done;
	}
	if (count != (unsigned) reader->column_count) {
		error_at(reader, starts[0], LR_STATUS_PARSE_ERROR,
			 "expected %d fields, found %u (is a comma inside an unquoted field?)",
			 reader->column_count, count);
		goto done;
	}
	if (reader->bad_utf8 >= 0) {
		error_at(reader, (size_t) reader->bad_utf8, LR_STATUS_INVALID_UTF8,
			 "%s: invalid UTF-8 byte (save the file as UTF-8)",
			 reader->bad_utf8_field < reader->column_count ?
			 reader->columns[reader->bad_utf8_field] : "field");
		goto done;
	}
	columns = g_new(unsigned, count);
	lines = g_new(unsigned, count);
	locate(reader, starts[0], &line, &column);
	columns[0] = column;
	lines[0] = line;
	/* The other fields from the first, counting on along the line: locating each from the
	 * start of its line made a record of n fields cost n times its length. A field after a
	 * line break inside a quoted one is located afresh, and the fields after it count on
	 * from there, on its line. */
	{
		size_t at = starts[0], line_end = line_end_of(reader, line);
		unsigned characters = column;

		for (unsigned i = 1; i < count; i++) {
			if (starts[i] >= line_end || starts[i] < at) {
				locate(reader, starts[i], &line, &characters);
				at = starts[i];
				line_end = line_end_of(reader, line);
			} else {
				for (; at < starts[i]; at++)
					if (((unsigned char) reader->data[at] & 0xC0) != 0x80)
						characters++;
			}
			columns[i] = characters;
			lines[i] = line;
		}
	}
	reader->handle_record(reader, fields, columns, lines);
	g_free(lines);
	g_free(columns);
done:
	reader->bad_utf8 = -1;
	g_ptr_array_set_size(reader->fields, 0);
	g_array_set_size(reader->field_starts, 0);
	(void) terminator;
}

/* A number in machine form ("27.7", "-3", "1e3"); NAN for an empty field. */
static bool
parse_number(csv_reader_t *reader, const char *text, int field, const lr_source_position_t *at,
	     double *value)
{
	char *end;

	*value = NAN;
	if (!text[0])
		return true;
	for (const char *p = text; *p; p++) {
		if (!g_ascii_isdigit(*p) && !strchr(".-+eE", *p)) {
			const char *hint = strchr(text, ',') ?
				" (write '.' as the decimal point and no thousands separators)" :
				g_ascii_strncasecmp(text, "nan", 3) == 0 ||
				g_ascii_strncasecmp(text, "inf", 3) == 0 ||
				g_ascii_strncasecmp(text, "-inf", 4) == 0 ?
				" (NaN and infinite values are not allowed)" : "";
			lr_dataset_record_error(reader->dataset, LR_STATUS_INVALID_DATA, at->file,
						lr_source_line(at, field), at->columns[field],
						"%s: expected a number like 27.7, found '%s'%s",
						lr_observation_columns[field], text, hint);
			return false;
		}
	}
	*value = g_ascii_strtod(text, &end);
	if (*end || end == text || !isfinite(*value)) {
		lr_dataset_record_error(reader->dataset, LR_STATUS_INVALID_DATA, at->file,
					lr_source_line(at, field), at->columns[field], "%s: expected a finite number like 27.7, found '%s'",
					lr_observation_columns[field], text);
		return false;
	}
	return true;
}

static bool
parse_integer(csv_reader_t *reader, const char *text, int field, const lr_source_position_t *at,
	      gint64 min, gint64 max, gint64 *value)
{
	GError *error = NULL;

	if (!g_ascii_string_to_signed(text, 10, min, max, value, &error)) {
		lr_dataset_record_error(reader->dataset, LR_STATUS_INVALID_DATA, at->file,
					lr_source_line(at, field), at->columns[field],
					"%s: expected a whole number from %" G_GINT64_FORMAT " to %"
					G_GINT64_FORMAT ", found '%s'",
					lr_observation_columns[field], min, max, text);
		g_error_free(error);
		return false;
	}
	return true;
}

static void
handle_indicator(csv_reader_t *reader, char **fields, const unsigned *columns, const unsigned *lines)
{
	lr_source_position_t at = { reader->path, lines[0], columns, lines };
	lr_indicator_t indicator = {
		.id = fields[LR_IND_ID], .name_vi = fields[LR_IND_NAME_VI],
		.name_en = fields[LR_IND_NAME_EN], .unit_vi = fields[LR_IND_UNIT_VI],
		.unit_en = fields[LR_IND_UNIT_EN], .pillar = fields[LR_IND_PILLAR],
		.note = fields[LR_IND_NOTE],
	};

	if (lr_indicator_kind_from_string(fields[LR_IND_KIND], &indicator.kind) != LR_STATUS_SUCCESS) {
		lr_dataset_record_error(reader->dataset, LR_STATUS_INVALID_DATA, reader->path,
					lines[LR_IND_KIND], columns[LR_IND_KIND],
					"kind: expected value, rank, share or growth; found '%s'",
					fields[LR_IND_KIND]);
		return;
	}
	if (lr_direction_from_string(fields[LR_IND_BETTER], &indicator.better) != LR_STATUS_SUCCESS) {
		lr_dataset_record_error(reader->dataset, LR_STATUS_INVALID_DATA, reader->path,
					lines[LR_IND_BETTER], columns[LR_IND_BETTER],
					"better: expected higher, lower or neutral; found '%s'",
					fields[LR_IND_BETTER]);
		return;
	}
	lr_dataset_add_indicator_at(reader->dataset, &indicator, &at);
}

static void
handle_observation(csv_reader_t *reader, char **fields, const unsigned *columns, const unsigned *lines)
{
	lr_source_position_t at = { reader->path, lines[0], columns, lines };
	lr_observation_t observation = {
		.indicator = fields[LR_OBS_INDICATOR], .entity = fields[LR_OBS_ENTITY],
		.period = fields[LR_OBS_PERIOD], .source = fields[LR_OBS_SOURCE],
		.quote = fields[LR_OBS_QUOTE], .note = fields[LR_OBS_NOTE],
	};
	gint64 year, total = 0;

	if (!parse_integer(reader, fields[LR_OBS_YEAR], LR_OBS_YEAR, &at, 1900, 2100, &year) ||
	    !parse_number(reader, fields[LR_OBS_VALUE], LR_OBS_VALUE, &at, &observation.value) ||
	    !parse_number(reader, fields[LR_OBS_LOW], LR_OBS_LOW, &at, &observation.low) ||
	    !parse_number(reader, fields[LR_OBS_HIGH], LR_OBS_HIGH, &at, &observation.high) ||
	    (fields[LR_OBS_N][0] &&
	     !parse_integer(reader, fields[LR_OBS_N], LR_OBS_N, &at, 1, LR_RANK_MAX, &total)))
		return;
	observation.year = (int) year;
	observation.total = (int) total;
	if (lr_observation_status_from_string(fields[LR_OBS_STATUS], &observation.status) != LR_STATUS_SUCCESS) {
		lr_dataset_record_error(reader->dataset, LR_STATUS_INVALID_DATA, reader->path,
					lines[LR_OBS_STATUS], columns[LR_OBS_STATUS],
					"status: expected actual, estimate, forecast or target; found '%s'",
					fields[LR_OBS_STATUS]);
		return;
	}
	if (!fields[LR_OBS_SOURCE][0] || !fields[LR_OBS_QUOTE][0]) {
		int field = fields[LR_OBS_SOURCE][0] ? LR_OBS_QUOTE : LR_OBS_SOURCE;
		lr_dataset_record_error(reader->dataset, LR_STATUS_INVALID_DATA, reader->path,
					lines[field], columns[field],
					"%s: every figure needs its source file and the quoted phrase",
					lr_observation_columns[field]);
		return;
	}
	lr_dataset_add_observation_at(reader->dataset, &observation, &at);
}

static const char *const source_columns[] = { "source", "label_vi", "label_en", "date" };
static const char *const entity_columns[] = { "entity", "name_en" };

/* Whether every field of a sources.csv or entities.csv record is within the label limit
 * (the setters check too, but without the record's position). */
static bool
labels_fit(csv_reader_t *reader, char **fields, const unsigned *columns, const unsigned *lines)
{
	lr_source_position_t at = { reader->path, lines[0], columns, lines };

	for (int i = 0; i < reader->column_count; i++)
		if (lr_dataset_check_length(reader->dataset, &at, i, reader->columns[i], fields[i],
					    false) != LR_STATUS_SUCCESS)
			return false;
	return true;
}

static void
handle_source(csv_reader_t *reader, char **fields, const unsigned *columns, const unsigned *lines)
{
	if (!labels_fit(reader, fields, columns, lines))
		return;
	if (!fields[0][0] || !fields[1][0] || !fields[2][0]) {
		lr_dataset_record_error(reader->dataset, LR_STATUS_INVALID_DATA, reader->path,
					lines[0], columns[0], "expected a source file name and labels in both languages");
		return;
	}
	{
		lr_source_position_t at = { reader->path, lines[0], columns, lines };
		for (int i = 0; i < 3; i++)
			lr_dataset_place_text(reader->dataset, fields[i], source_columns[i], &at, i);
	}
	lr_dataset_set_source_label(reader->dataset, fields[0], fields[1], fields[2]);
}

static void
handle_entity(csv_reader_t *reader, char **fields, const unsigned *columns, const unsigned *lines)
{
	if (!labels_fit(reader, fields, columns, lines))
		return;
	if (!fields[0][0] || !fields[1][0]) {
		lr_dataset_record_error(reader->dataset, LR_STATUS_INVALID_DATA, reader->path,
					lines[fields[0][0] ? 1 : 0], columns[fields[0][0] ? 1 : 0],
					"expected an entity and its English name");
		return;
	}
	{
		lr_source_position_t at = { reader->path, lines[0], columns, lines };
		lr_dataset_place_text(reader->dataset, fields[1], "name_en", &at, 1);
	}
	lr_dataset_set_entity_name(reader->dataset, fields[0], fields[1]);
}

/* Whether @size bytes of @text are all blanks (spaces, tabs, line ends). */
static bool
is_blank(const char *text, size_t size)
{
	for (size_t i = 0; i < size; i++)
		if (!strchr(" \t\r\n", text[i]) || !text[i])
			return false;
	return true;
}

/* Reads @size bytes of CSV text (not necessarily NUL-terminated), @path naming it in
 * messages. */
static void
load_csv_text(lr_dataset_t *dataset, const char *path, const char *contents, size_t size,
	      const char *const *columns, int column_count,
	      void (*handle_record)(csv_reader_t *, char **, const unsigned *, const unsigned *))
{
	csv_reader_t reader = {
		.dataset = dataset, .path = path, .columns = columns, .column_count = column_count,
		.handle_record = handle_record, .field_start = -1, .bad_utf8 = -1,
	};
	struct csv_parser parser;
	size_t start = 0;
	bool unterminated;

	reader.data = contents;
	reader.size = size;
	reader.fields = g_ptr_array_new_with_free_func(g_free);
	reader.field_starts = g_array_new(FALSE, FALSE, sizeof(size_t));
	/* Spreadsheet programs write a byte-order mark; it carries no meaning in UTF-8, and
	 * editors do not show it, so line 1 starts after it. */
	if (size >= 3 && memcmp(contents, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	reader.line_starts = g_array_new(FALSE, FALSE, sizeof(size_t));
	g_array_append_val(reader.line_starts, start);
	if (is_blank(contents + start, size - start)) {
		char *expected = expected_header(&reader);
		error_at(&reader, start, LR_STATUS_PARSE_ERROR,
			 "the file is empty; expected the header line '%s'", expected);
		g_free(expected);
		goto out;
	}

	csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	/* libcsv grows its field buffer by one block (128 bytes) at a time: a 1 MiB quote took
	 * 8,192 reallocations, each a copy of the field where realloc cannot grow in place
	 * (ASan's always copies: 25 s of system time for test_label_limit_csv). Blocks of a
	 * sixteenth of the text, 128 bytes to 64 KiB, make that a few dozen. */
	csv_set_blk_size(&parser, CLAMP((size - start) / 16, 128, 65536));
	for (reader.offset = start; reader.offset < size && !reader.stop; reader.offset++) {
		char byte = contents[reader.offset];
		/* libcsv skips blanks before a field (and blank lines), so a field starts at its
		 * first other byte: this keeps a line of spaces from becoming the next record's
		 * start, and makes offsets into an unquoted field's text exact. */
		if (reader.field_start < 0 && byte != '\r' && byte != '\n' && byte != ' ' &&
		    byte != '\t')
			reader.field_start = (gssize) reader.offset;
		/* The line index grows as the text is read (before libcsv sees the line end, so a
		 * record's line is complete when it is handled), not over the whole file first: a
		 * file that stops at LR_ERROR_COUNT_MAX errors is never indexed to its end. libcsv
		 * ends a record at a lone CR too (old Mac files): count it as a line end, or every
		 * record of such a file is "line 1" and locate() rescans the file for each field. */
		if (byte == '\n' || (byte == '\r' && (reader.offset + 1 == size ||
							contents[reader.offset + 1] != '\n'))) {
			size_t next = reader.offset + 1;
			g_array_append_val(reader.line_starts, next);
		}
		if (csv_parse(&parser, contents + reader.offset, 1, on_field, on_record, &reader) != 1) {
			error_at(&reader, reader.offset, LR_STATUS_PARSE_ERROR,
				 "malformed quoted field: after a closing quote expected a comma or "
				 "the end of the line (write a quote inside a field as \"\")");
			csv_free(&parser);
			goto out;
		}
	}
	if (reader.stop) {
		csv_free(&parser);
		goto out;
	}
	unterminated = csv_fini(&parser, on_field, on_record, &reader) != 0;
	if (unterminated)
		error_at(&reader, reader.field_start >= 0 ? (size_t) reader.field_start : size,
			 LR_STATUS_PARSE_ERROR,
			 "unterminated quoted field: the quote opened here is never closed");
	csv_free(&parser);
	/* An unterminated quote in the first record already said why there is no header. */
	if (!reader.header_seen && !unterminated) {
		char *expected = expected_header(&reader);
		error_at(&reader, start, LR_STATUS_PARSE_ERROR,
			 "no header line; expected '%s'", expected);
		g_free(expected);
	}
out:
	g_ptr_array_unref(reader.fields);
	g_array_unref(reader.field_starts);
	g_array_unref(reader.line_starts);
}

static void
load_csv(lr_dataset_t *dataset, const char *path, const char *const *columns, int column_count,
	 void (*handle_record)(csv_reader_t *, char **, const unsigned *, const unsigned *))
{
	lr_error_record_t error = { 0 };
	char *contents = NULL;
	size_t size = 0;

	if (lr_file_read(path, &contents, &size, &error) != LR_STATUS_SUCCESS) {
		lr_dataset_record_error(dataset, error.public.status, path, 0, 0, "%s", error.message);
		lr_error_record_clear(&error);
		return;
	}
	load_csv_text(dataset, path, contents, size, columns, column_count, handle_record);
	g_free(contents);
}

static void
load_indicators_csv(lr_dataset_t *dataset, const char *path)
{
	load_csv(dataset, path, lr_indicator_columns, LR_IND_COLUMNS, handle_indicator);
}

static void
load_observations_csv(lr_dataset_t *dataset, const char *path)
{
	load_csv(dataset, path, lr_observation_columns, LR_OBS_COLUMNS, handle_observation);
}

static void
load_sources_csv(lr_dataset_t *dataset, const char *path)
{
	load_csv(dataset, path, source_columns, G_N_ELEMENTS(source_columns), handle_source);
}

static void
load_entities_csv(lr_dataset_t *dataset, const char *path)
{
	load_csv(dataset, path, entity_columns, G_N_ELEMENTS(entity_columns), handle_entity);
}

lr_dataset_t *
lr_dataset_load_files(const char *indicators_path, const char *observations_path)
{
	lr_dataset_t *dataset = lr_dataset_create();

	if (lr_dataset_is_inert(dataset))
		return dataset;
	if (!indicators_path || !observations_path) {
		lr_dataset_record_error(dataset, LR_STATUS_NULL_POINTER, NULL, 0, 0,
					"no file named to load");
		return dataset;
	}
	load_indicators_csv(dataset, indicators_path);
	load_observations_csv(dataset, observations_path);
	return dataset;
}

/* One CSV text from memory, named @name/@file in messages, as a file of it would be. */
static void
load_memory_csv(lr_dataset_t *dataset, const char *name, const char *file, const char *text,
		size_t length, const char *const *columns, int column_count,
		void (*handle_record)(csv_reader_t *, char **, const unsigned *, const unsigned *))
{
	char *path = g_build_filename(name, file, NULL);

	if (length > LR_FILE_SIZE_MAX)
		lr_dataset_record_error(dataset, LR_STATUS_INVALID_ARGUMENT, path, 0, 0,
					"'%s' is %zu bytes, above the limit of %u MiB for an input",
					path, length, LR_FILE_SIZE_MAX >> 20);
	else
		load_csv_text(dataset, path, text, length, columns, column_count, handle_record);
	g_free(path);
}

lr_dataset_t *
lr_dataset_load_from_memory(const char *name, const char *indicators, size_t indicators_length,
			    const char *observations, size_t observations_length)
{
	lr_dataset_t *dataset = lr_dataset_create();

	if (lr_dataset_is_inert(dataset))
		return dataset;
	if (!name)
		name = "<memory>";
	if (!indicators || !observations) {
		lr_dataset_record_error(dataset, LR_STATUS_NULL_POINTER, name, 0, 0,
					"no %s text given to load", !indicators ? "indicators" : "observations");
		return dataset;
	}
	load_memory_csv(dataset, name, "indicators.csv", indicators, indicators_length,
			lr_indicator_columns, LR_IND_COLUMNS, handle_indicator);
	load_memory_csv(dataset, name, "observations.csv", observations, observations_length,
			lr_observation_columns, LR_OBS_COLUMNS, handle_observation);
	return dataset;
}

lr_dataset_t *
lr_dataset_load(const char *directory)
{
	char *indicators, *observations, *sources, *entities;
	lr_dataset_t *dataset;

	if (!directory) {
		dataset = lr_dataset_create();
		if (!lr_dataset_is_inert(dataset))
			lr_dataset_record_error(dataset, LR_STATUS_NULL_POINTER, NULL, 0, 0,
						"no dataset folder named");
		return dataset;
	}
	indicators = g_build_filename(directory, "indicators.csv", NULL);
	observations = g_build_filename(directory, "observations.csv", NULL);
	dataset = lr_dataset_load_files(indicators, observations);
	/* Citations and translations are optional: a folder without them still loads. */
	sources = g_build_filename(directory, "sources.csv", NULL);
	entities = g_build_filename(directory, "entities.csv", NULL);
	if (g_file_test(sources, G_FILE_TEST_EXISTS))
		load_sources_csv(dataset, sources);
	if (g_file_test(entities, G_FILE_TEST_EXISTS))
		load_entities_csv(dataset, entities);
	g_free(indicators);
	g_free(observations);
	g_free(sources);
	g_free(entities);
	return dataset;
}
