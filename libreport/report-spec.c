/* libreport: the report spec reader. A spec is Markdown (CommonMark with GitHub tables, parsed
 * by cmark-gfm) behind a front-matter block; fenced `chart`, `figures` and `table` blocks and
 * {{references}} bring in the dataset (the syntax is documented at the end of data/README.md).
 * Everything becomes blocks through report.c's builders; every mistake is recorded with the
 * file, line and column where the writer can fix it, and reading goes on to find the rest.
 *
 * Invariants:
 * 1. Line numbers are the file's: the front matter is blanked out (its bytes become spaces)
 *    before cmark-gfm sees the text, so cmark's block lines are the file's lines.
 * 2. Columns count characters, 1-based. cmark-gfm's inline positions are wrong after the
 *    first line of a paragraph, so a reference's or an image's position is found in the
 *    block's raw source lines: the n-th "{{" of the block's text is the n-th "{{" of its lines.
 * 3. Text is text: HTML stays literal, nothing is ever markup. Text is validated as UTF-8
 *    before parsing; runs are NFC (lr_runs_append_text normalises).
 * 4. cmark-gfm is not thread-safe where extensions register themselves and where inline
 *    extensions edit a global table of special characters. Registration runs once under
 *    g_once, and only the `table` extension (a block extension: no special characters) is
 *    attached, so parsers in different threads share nothing mutable.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "report-private.h"

#define LR_BULLET "\xe2\x80\xa2"       /* U+2022 • */
#define LR_EN_DASH "\xe2\x80\x93"      /* U+2013 – : second-level bullets */

typedef struct {
	lr_report_t *report;
	const char *file;
	const char *text;   /* as parsed: the front matter blanked (invariant 1) */
	size_t length;
	GArray *lines;      /* size_t: where each line starts; [0] is line 1 */
	int quote_depth;
} reader_t;

typedef struct {
	unsigned line, column;
} mark_t;

/* ---- Words of enumerated keys ------------------------------------------------------------ */

/* Words of enumerated keys. The chart's come from the library's own _from_string() and
 * _to_string() pairs, so a ```chart block, charts.ini and the CLI accept the same words;
 * the booleans are this reader's. */
static bool
word_lookup(const char *key, const char *word, int *value)
{
	lr_chart_kind_t kind;
	lr_bar_layout_t layout;
	lr_sort_t sort;
	lr_value_labels_t labels;

	if (strcmp(key, "kind") == 0 && lr_chart_kind_from_string(word, &kind) == LR_STATUS_SUCCESS)
		return *value = (int) kind, true;
	if (strcmp(key, "layout") == 0 &&
	    lr_bar_layout_from_string(word, &layout) == LR_STATUS_SUCCESS)
		return *value = (int) layout, true;
	if (strcmp(key, "sort") == 0 && lr_sort_from_string(word, &sort) == LR_STATUS_SUCCESS)
		return *value = (int) sort, true;
	if (strcmp(key, "labels") == 0 &&
	    lr_value_labels_from_string(word, &labels) == LR_STATUS_SUCCESS)
		return *value = (int) labels, true;
	if (strcmp(key, "horizontal") == 0 || strcmp(key, "justify") == 0) {
		if (strcmp(word, "true") == 0 || strcmp(word, "false") == 0)
			return *value = word[0] == 't', true;
	}
	return false;
}

/* "grouped, stacked or percent" (g_free). */
static char *
word_choices(const char *key)
{
	GPtrArray *words = g_ptr_array_new();
	GString *text = g_string_new(NULL);

	if (strcmp(key, "kind") == 0)
		for (int v = LR_CHART_BAR; v <= LR_CHART_RANK; v++)
			g_ptr_array_add(words, (gpointer) lr_chart_kind_to_string((lr_chart_kind_t) v));
	else if (strcmp(key, "layout") == 0)
		for (int v = LR_BAR_GROUPED; v <= LR_BAR_PERCENT; v++)
			g_ptr_array_add(words,
					(gpointer) lr_bar_layout_to_string((lr_bar_layout_t) v));
	else if (strcmp(key, "sort") == 0)
		for (int v = LR_SORT_NONE; v <= LR_SORT_DESCENDING; v++)
			g_ptr_array_add(words, (gpointer) lr_sort_to_string((lr_sort_t) v));
	else if (strcmp(key, "labels") == 0)
		for (int v = LR_VALUE_LABELS_FIT; v <= LR_VALUE_LABELS_NONE; v++)
			g_ptr_array_add(words, (gpointer) lr_value_labels_to_string((lr_value_labels_t) v));
	else {
		g_ptr_array_add(words, (gpointer) "true");
		g_ptr_array_add(words, (gpointer) "false");
	}
	for (unsigned i = 0; i < words->len; i++)
		g_string_append_printf(text, "%s%s",
				       i == 0 ? "" : i + 1 == words->len ? " or " : ", ",
				       (const char *) g_ptr_array_index(words, i));
	g_ptr_array_unref(words);
	return g_string_free(text, FALSE);
}

/* "a, b or c" of a NULL-free list (g_free). */
static char *
key_choices(const char *const *keys, size_t count)
{
	GString *text = g_string_new(NULL);

	for (size_t i = 0; i < count; i++)
		g_string_append_printf(text, "%s%s", i == 0 ? "" : i + 1 == count ? " or " : ", ",
				       keys[i]);
	return g_string_free(text, FALSE);
}

static bool
in_list(const char *const *keys, size_t count, const char *key)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(keys[i], key) == 0)
			return true;
	return false;
}

/* ---- Lines, columns, errors -------------------------------------------------------------- */

/* Line starts of @text: LF, CRLF and a lone CR end a line, as for cmark-gfm. */
static GArray *
index_lines(const char *text, size_t length)
{
	GArray *lines = g_array_new(FALSE, FALSE, sizeof(size_t));
	size_t start = 0;

	g_array_append_val(lines, start);
	for (size_t i = 0; i < length; i++) {
		if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
			i++;
		else if (text[i] != '\n' && text[i] != '\r')
			continue;
		start = i + 1;
		if (start < length)
			g_array_append_val(lines, start);
	}
	return lines;
}

/* Line @line (1-based) without its line end; NULL past the end. */
static const char *
line_at(const reader_t *reader, unsigned line, size_t *length)
{
	size_t start, end;

	if (line < 1 || line > reader->lines->len)
		return NULL;
	start = g_array_index(reader->lines, size_t, line - 1);
	end = start;
	while (end < reader->length && reader->text[end] != '\n' && reader->text[end] != '\r')
		end++;
	*length = end - start;
	return reader->text + start;
}

static unsigned
column_of(const char *line_start, size_t bytes)
{
	return (unsigned) g_utf8_strlen(line_start, (gssize) bytes) + 1;
}

static void
spec_error(const reader_t *reader, lr_status_t status, unsigned line, unsigned column,
	   const char *format, ...) G_GNUC_PRINTF(5, 6);

static void
spec_error(const reader_t *reader, lr_status_t status, unsigned line, unsigned column,
	   const char *format, ...)
{
	va_list args;
	char *message;

	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	lr_report_record_error(reader->report, status, reader->file, line, column, "%s", message);
	g_free(message);
}

static void
set_origin(const reader_t *reader, lr_block_t *block, unsigned line)
{
	if (!block)
		return;
	if (!block->file)
		block->file = g_strdup(reader->file);
	block->line = line;
}

/* Where each @token ("{{", "![") is in lines [@first, @last], in order (invariant 2). */
static GArray *
find_marks(const reader_t *reader, unsigned first, unsigned last, const char *token)
{
	GArray *marks = g_array_new(FALSE, FALSE, sizeof(mark_t));
	size_t token_length = strlen(token);

	for (unsigned line = first; line <= last; line++) {
		size_t length;
		const char *text = line_at(reader, line, &length);
		if (!text)
			break;
		for (size_t i = 0; i + token_length <= length; i++)
			if (memcmp(text + i, token, token_length) == 0) {
				mark_t mark = { line, column_of(text, i) };
				g_array_append_val(marks, mark);
				i += token_length - 1;
			}
	}
	return marks;
}

/* ---- Inline text -------------------------------------------------------------------------- */

typedef struct {
	const reader_t *reader;
	GArray *runs;
	GString *pending;     /* text of one style and link, not yet scanned for references */
	unsigned style;
	char *link;
	GArray *refs;         /* mark_t of each "{{" of the block */
	GArray *images;       /* mark_t of each "![" */
	unsigned next_ref, next_image;
	mark_t fallback;      /* the block's start, when the marks run out */
} inlines_t;

static void
inlines_init(inlines_t *state, const reader_t *reader, cmark_node *block)
{
	unsigned first = (unsigned) MAX(cmark_node_get_start_line(block), 1);
	unsigned last = (unsigned) MAX(cmark_node_get_end_line(block), (int) first);

	memset(state, 0, sizeof *state);
	state->reader = reader;
	state->pending = g_string_new(NULL);
	state->refs = find_marks(reader, first, last, "{{");
	state->images = find_marks(reader, first, last, "![");
	state->fallback.line = first;
	state->fallback.column = (unsigned) MAX(cmark_node_get_start_column(block), 1);
}

static void
inlines_clear(inlines_t *state)
{
	g_string_free(state->pending, TRUE);
	g_free(state->link);
	g_array_unref(state->refs);
	g_array_unref(state->images);
}

static mark_t
take_mark(GArray *marks, unsigned *next, mark_t fallback)
{
	if (*next < marks->len)
		return g_array_index(marks, mark_t, (*next)++);
	(*next)++;
	return fallback;
}

static void
skip_marks(inlines_t *state, const char *text)
{
	for (const char *p = text ? strstr(text, "{{") : NULL; p; p = strstr(p + 2, "{{"))
		take_mark(state->refs, &state->next_ref, state->fallback);
}

/* Appends @text to @runs, references resolved; @marks locate each "{{" (invariant 2). */
static void
append_scanned(const reader_t *reader, GArray *runs, const char *text, unsigned style,
	       const char *link, GArray *marks, unsigned *next, mark_t fallback)
{
	const char *p = text;

	for (;;) {
		const char *open = strstr(p, "{{"), *close, *again;
		mark_t mark;
		lr_reference_t *reference;
		if (!open)
			break;
		mark = take_mark(marks, next, fallback);
		lr_runs_append_text(runs, p, open - p, style, link);
		close = strstr(open + 2, "}}");
		again = strstr(open + 2, "{{");
		if (!close || (again && again < close)) {
			spec_error(reader, LR_STATUS_PARSE_ERROR, mark.line, mark.column,
				   "unclosed '{{': a reference is {{INDICATOR [\"ENTITY\"] [YEAR] "
				   "[FORM]}}, ended by '}}'");
			lr_runs_append_text(runs, open, again ? again - open : -1, style, link);
			if (!again)
				return;
			p = again;
			continue;
		}
		reference = lr_reference_parse(reader->report, open + 2,
					       (size_t) (close - open - 2), reader->file, mark.line,
					       mark.column + 2);
		if (reference)
			lr_runs_append_reference(runs, reference, style, link);
		p = close + 2;
	}
	lr_runs_append_text(runs, p, -1, style, link);
}

static void
flush(inlines_t *state)
{
	if (!state->pending->len)
		return;
	append_scanned(state->reader, state->runs, state->pending->str, state->style, state->link,
		       state->refs, &state->next_ref, state->fallback);
	g_string_truncate(state->pending, 0);
}

/* Text nodes are joined before scanning: cmark-gfm splits them at punctuation, and ids have
 * '_' in them. */
static void
add_text(inlines_t *state, const char *text, unsigned style, const char *link)
{
	if (!text || !*text)
		return;
	if (state->pending->len && (state->style != style || g_strcmp0(state->link, link) != 0))
		flush(state);
	if (!state->pending->len) {
		state->style = style;
		g_free(state->link);
		state->link = g_strdup(link);
	}
	g_string_append(state->pending, text);
}

/* The plain text of @node's descendants, for counting what an image's alt text holds. */
static void
collect_text(cmark_node *node, GString *text)
{
	for (cmark_node *child = cmark_node_first_child(node); child;
	     child = cmark_node_next(child)) {
		const char *literal = cmark_node_get_literal(child);
		if (literal)
			g_string_append(text, literal);
		collect_text(child, text);
	}
}

static void
walk_inlines(inlines_t *state, cmark_node *node, unsigned style, const char *link)
{
	for (cmark_node *child = cmark_node_first_child(node); child;
	     child = cmark_node_next(child)) {
		switch (cmark_node_get_type(child)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE: /* literal, never interpreted (invariant 3) */
			add_text(state, cmark_node_get_literal(child), style, link);
			break;
		case CMARK_NODE_SOFTBREAK:
			add_text(state, " ", style, link);
			break;
		case CMARK_NODE_LINEBREAK:
			flush(state);
			lr_runs_append_break(state->runs);
			break;
		case CMARK_NODE_CODE:
			flush(state);
			skip_marks(state, cmark_node_get_literal(child));
			lr_runs_append_text(state->runs, cmark_node_get_literal(child), -1,
					    style | LR_STYLE_CODE, link);
			break;
		case CMARK_NODE_EMPH:
			walk_inlines(state, child, style | LR_STYLE_ITALIC, link);
			break;
		case CMARK_NODE_STRONG:
			walk_inlines(state, child, style | LR_STYLE_BOLD, link);
			break;
		case CMARK_NODE_LINK:
			walk_inlines(state, child, style, cmark_node_get_url(child));
			/* The destination follows the text in the source: its "{{" are not ours. */
			flush(state);
			skip_marks(state, cmark_node_get_url(child));
			skip_marks(state, cmark_node_get_title(child));
			break;
		case CMARK_NODE_IMAGE: {
			mark_t mark = take_mark(state->images, &state->next_image, state->fallback);
			GString *alt = g_string_new(NULL);
			flush(state);
			collect_text(child, alt);
			skip_marks(state, alt->str);
			skip_marks(state, cmark_node_get_url(child));
			skip_marks(state, cmark_node_get_title(child));
			g_string_free(alt, TRUE);
			spec_error(state->reader, LR_STATUS_UNSUPPORTED, mark.line, mark.column,
				   "images are not supported; draw data with a ```chart block");
			break;
		}
		default:
			walk_inlines(state, child, style, link);
			break;
		}
	}
}

/* The runs of a block's inline content (paragraph, heading). */
static GArray *
block_runs(const reader_t *reader, cmark_node *node)
{
	inlines_t state;
	GArray *runs = lr_runs_new();

	inlines_init(&state, reader, node);
	state.runs = runs;
	walk_inlines(&state, node, 0, NULL);
	flush(&state);
	inlines_clear(&state);
	return runs;
}

/* Plain text with references (a caption), which starts at @line:@column. */
static GArray *
plain_runs(const reader_t *reader, const char *text, unsigned line, unsigned column)
{
	GArray *runs = lr_runs_new(), *marks = g_array_new(FALSE, FALSE, sizeof(mark_t));
	unsigned next = 0;
	mark_t fallback = { line, column };

	for (const char *p = strstr(text, "{{"); p; p = strstr(p + 2, "{{")) {
		mark_t mark = { line, column + (unsigned) g_utf8_strlen(text, p - text) };
		g_array_append_val(marks, mark);
	}
	append_scanned(reader, runs, text, 0, NULL, marks, &next, fallback);
	g_array_unref(marks);
	return runs;
}

/* Literal lines (an HTML block, an indented code block) as runs with hard breaks. */
static GArray *
literal_runs(const char *literal, unsigned style)
{
	GArray *runs = lr_runs_new();
	char *copy = g_strdup(literal ? literal : "");
	char **lines;
	size_t length = strlen(copy);

	while (length && (copy[length - 1] == '\n' || copy[length - 1] == '\r'))
		copy[--length] = '\0';
	lines = g_strsplit(copy, "\n", -1);
	for (int i = 0; lines[i]; i++) {
		if (i > 0)
			lr_runs_append_break(runs);
		lr_runs_append_text(runs, lines[i], -1, style, NULL);
	}
	g_strfreev(lines);
	g_free(copy);
	return runs;
}

/* ---- Fenced data blocks ------------------------------------------------------------------- */

typedef struct {
	char *key;
	char *value;        /* trimmed */
	unsigned line, key_column, value_column;
} entry_t;

typedef struct {
	char *text;         /* trimmed, NFC */
	unsigned column;
} item_t;

static void
entry_clear(gpointer data)
{
	entry_t *entry = data;

	g_free(entry->key);
	g_free(entry->value);
}

static void
item_clear(gpointer data)
{
	g_free(((item_t *) data)->text);
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The key=value lines of a fenced block's @literal, whose first line is @first_line. Blank
 * lines and '#' comments are skipped; a line without '=' is an error. */
static GArray *
read_entries(const reader_t *reader, const char *literal, unsigned first_line, const char *kind,
	     bool *failed)
{
	GArray *entries = g_array_new(FALSE, TRUE, sizeof(entry_t));
	char **lines = g_strsplit(literal ? literal : "", "\n", -1);

	g_array_set_clear_func(entries, entry_clear);
	for (int i = 0; lines[i]; i++) {
		unsigned line = first_line + (unsigned) i;
		const char *text = lines[i], *raw, *equals;
		size_t length = strlen(text), raw_length = 0, prefix = 0, start = 0, end;
		entry_t entry = { 0 };
		if (length && text[length - 1] == '\r')
			length--;
		/* The literal lost the container's indentation or '>' marks; the raw line keeps
		 * them. */
		raw = line_at(reader, line, &raw_length);
		if (raw && raw_length >= length &&
		    memcmp(raw + raw_length - length, text, length) == 0)
			prefix = raw_length - length;
		else
			raw = NULL;
		while (start < length && is_blank(text[start]))
			start++;
		if (start == length || text[start] == '#')
			continue;
		equals = memchr(text + start, '=', length - start);
		if (!equals) {
			spec_error(reader, LR_STATUS_PARSE_ERROR, line,
				   (raw ? column_of(raw, prefix) - 1 : 0) + column_of(text, start),
				   "expected key=value in a ```%s block", kind);
			*failed = true;
			continue;
		}
		end = (size_t) (equals - text);
		while (end > start && is_blank(text[end - 1]))
			end--;
		entry.key = g_strndup(text + start, end - start);
		entry.line = line;
		entry.key_column = (raw ? column_of(raw, prefix) - 1 : 0) + column_of(text, start);
		start = (size_t) (equals - text) + 1;
		while (start < length && is_blank(text[start]))
			start++;
		if (start == length) /* no value: point just after the '=' */
			start = (size_t) (equals - text) + 1;
		end = length;
		while (end > start && is_blank(text[end - 1]))
			end--;
		entry.value = g_strndup(text + start, end - start);
		entry.value_column =
			(raw ? column_of(raw, prefix) - 1 : 0) + column_of(text, start);
		g_array_append_val(entries, entry);
	}
	g_strfreev(lines);
	return entries;
}

/* The ';'-separated items of @entry's value, trimmed, NFC, empty ones dropped. */
static GArray *
entry_items(const entry_t *entry)
{
	GArray *items = g_array_new(FALSE, TRUE, sizeof(item_t));
	const char *value = entry->value, *p = value;

	g_array_set_clear_func(items, item_clear);
	while (*p) {
		const char *end = strchr(p, ';');
		size_t length;
		item_t item;
		if (!end)
			end = p + strlen(p);
		while (p < end && is_blank(*p))
			p++;
		length = (size_t) (end - p);
		while (length && is_blank(p[length - 1]))
			length--;
		if (length) {
			item.text = lr_utf8_normalize(p, (gssize) length, NULL);
			item.column =
				entry->value_column + (unsigned) g_utf8_strlen(value, p - value);
			g_array_append_val(items, item);
		}
		p = *end ? end + 1 : end;
	}
	return items;
}

/* Unknown and repeated keys. Keys in @lists may repeat (their values add up). */
static bool
check_keys(const reader_t *reader, GArray *entries, const char *kind, const char *const *keys,
	   size_t key_count, const char *const *lists, size_t list_count)
{
	bool ok = true;

	for (unsigned i = 0; i < entries->len; i++) {
		const entry_t *entry = &g_array_index(entries, entry_t, i);
		if (!in_list(keys, key_count, entry->key)) {
			char *choices = key_choices(keys, key_count);
			spec_error(reader, LR_STATUS_INVALID_DATA, entry->line, entry->key_column,
				   "unknown key '%s' in a ```%s block; expected %s", entry->key,
				   kind, choices);
			g_free(choices);
			ok = false;
			continue;
		}
		if (!*entry->value) {
			spec_error(reader, LR_STATUS_INVALID_DATA, entry->line, entry->value_column,
				   "'%s=' has no value", entry->key);
			ok = false;
			continue;
		}
		if (in_list(lists, list_count, entry->key))
			continue;
		for (unsigned j = 0; j < i; j++) {
			const entry_t *earlier = &g_array_index(entries, entry_t, j);
			if (strcmp(earlier->key, entry->key) == 0) {
				spec_error(reader, LR_STATUS_INVALID_DATA, entry->line,
					   entry->key_column,
					   "'%s' is given twice (first on line %u)", entry->key,
					   earlier->line);
				ok = false;
				break;
			}
		}
	}
	return ok;
}

static bool
parse_year(const reader_t *reader, const char *text, unsigned line, unsigned column, int *year)
{
	if (strlen(text) != 4 || !g_ascii_isdigit(text[0]) || !g_ascii_isdigit(text[1]) ||
	    !g_ascii_isdigit(text[2]) || !g_ascii_isdigit(text[3])) {
		spec_error(reader, LR_STATUS_INVALID_DATA, line, column,
			   "'%s' is not a year; expected four digits (2024)", text);
		return false;
	}
	*year = atoi(text);
	return true;
}

static bool
parse_word(const reader_t *reader, const entry_t *entry, int *value)
{
	char *choices;

	if (word_lookup(entry->key, entry->value, value))
		return true;
	choices = word_choices(entry->key);
	spec_error(reader, LR_STATUS_INVALID_DATA, entry->line, entry->value_column,
		   "'%s' is not a value of %s; expected %s", entry->value, entry->key, choices);
	g_free(choices);
	return false;
}

/* The dataset's name of @entity among the figures of @indicators (any of them). */
static const char *
resolve_entity(const reader_t *reader, GPtrArray *indicators, const char *entity)
{
	for (unsigned i = 0; i < indicators->len; i++) {
		const char *name = lr_report_resolve_entity(
			reader->report, g_ptr_array_index(indicators, i), entity);
		if (name)
			return name;
	}
	return indicators->len ? NULL : lr_report_resolve_entity(reader->report, NULL, entity);
}

static void
unknown_entity(const reader_t *reader, GPtrArray *indicators, const char *entity, unsigned line,
	       unsigned column)
{
	GString *ids = g_string_new(NULL), *known = g_string_new(NULL);
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	size_t count = lr_dataset_get_observation_count(reader->report->dataset);
	char *hint;

	for (unsigned i = 0; i < indicators->len; i++)
		g_string_append_printf(ids, "%s%s", i ? ", " : "",
				       (const char *) g_ptr_array_index(indicators, i));

	/* The entities these indicators have, so the writer sees the spelling expected. */
	for (size_t k = 0; k < count; k++) {
		const lr_observation_t *o = lr_dataset_get_observation(reader->report->dataset, k);
		bool wanted = !indicators->len;
		for (unsigned i = 0; i < indicators->len && !wanted; i++)
			wanted = strcmp(o->indicator, g_ptr_array_index(indicators, i)) == 0;
		if (!wanted || g_hash_table_contains(seen, o->entity))
			continue;
		g_hash_table_add(seen, (gpointer) o->entity);
		if (g_hash_table_size(seen) <= 12)
			g_string_append_printf(known, "%s%s", known->len ? ", " : "", o->entity);
	}
	/* Loose matching found nothing: the closest names, as the command line suggests them. */
	hint = lr_report_suggest_entity(reader->report, (const char *const *) indicators->pdata,
					indicators->len, entity);
	spec_error(reader, LR_STATUS_UNKNOWN_ENTITY, line, column,
		   "'%s' has no figure of %s%s%s: %s%s", entity,
		   ids->len ? ids->str : "any indicator", hint,
		   hint[0] ? " Expected one of" : "; expected one of", known->str,
		   g_hash_table_size(seen) > 12 ? " …" : "");
	g_free(hint);
	g_hash_table_unref(seen);
	g_string_free(known, TRUE);
	g_string_free(ids, TRUE);
}

/* Checks that @id is an indicator; records the error otherwise. */
static const lr_indicator_t *
known_indicator(const reader_t *reader, const char *id, unsigned line, unsigned column)
{
	const lr_indicator_t *indicator = lr_dataset_find_indicator(reader->report->dataset, id);

	if (!indicator) {
		char *hint = lr_report_suggest_indicator(reader->report, id);
		spec_error(reader, LR_STATUS_UNKNOWN_INDICATOR, line, column,
			   "unknown indicator '%s'%s; expected an id of indicators.csv", id, hint);
		g_free(hint);
	}
	return indicator;
}

/* Records the chart's first error at the key that caused it, once. */
static void
check_chart(const reader_t *reader, lr_chart_t *chart, bool *failed, unsigned line,
	    unsigned column)
{
	const lr_error_t *error;

	if (*failed || lr_chart_status(chart) == LR_STATUS_SUCCESS)
		return;
	error = lr_chart_get_error(chart);
	spec_error(reader, lr_chart_status(chart), line, column, "%s",
		   error && error->message ? error->message
					   : lr_status_to_string(lr_chart_status(chart)));
	*failed = true;
}

static const char *const chart_keys[] = {
	"kind", "indicator", "entity", "year", "layout", "horizontal", "sort", "labels",
	"decimals", "highlight", "title", "subtitle", "title_vi", "title_en", "subtitle_vi",
	"subtitle_en", "caption", "aspect",
};
static const char *const list_keys[] = { "indicator", "entity", "year" };

static const entry_t *
find_entry(GArray *entries, const char *key)
{
	for (unsigned i = 0; i < entries->len; i++)
		if (strcmp(g_array_index(entries, entry_t, i).key, key) == 0)
			return &g_array_index(entries, entry_t, i);
	return NULL;
}

/* title or subtitle: the one in the report's language wins over the plain key. */
static const entry_t *
localized_entry(const reader_t *reader, GArray *entries, const char *key)
{
	char *name = g_strdup_printf("%s_%s", key,
				     reader->report->language == LR_LANGUAGE_EN ? "en" : "vi");
	const entry_t *entry = find_entry(entries, name);

	g_free(name);
	return entry ? entry : find_entry(entries, key);
}

static void
read_chart(const reader_t *reader, GArray *entries, unsigned line, unsigned column)
{
	lr_report_t *report = reader->report;
	int kind = LR_CHART_BAR, value;
	bool failed = !check_keys(reader, entries, "chart", chart_keys, G_N_ELEMENTS(chart_keys),
				  list_keys, G_N_ELEMENTS(list_keys));
	bool chart_failed = false;
	const entry_t *entry, *caption;
	GPtrArray *indicators = g_ptr_array_new();
	GArray *caption_runs = NULL;
	lr_chart_t *chart;
	lr_block_t *block;
	double aspect = 0;

	if (!report->dataset) {
		/* Once: a report without data has said so already (lr_report_ensure_dataset). */
		if (reader->report->status == LR_STATUS_SUCCESS)
			spec_error(reader, LR_STATUS_NO_DATA, line, column,
				   "a ```chart block needs the dataset, and the report has none");
		g_ptr_array_unref(indicators);
		return;
	}
	entry = find_entry(entries, "kind");
	if (entry && !parse_word(reader, entry, &kind))
		failed = true;
	chart = lr_chart_create((lr_chart_kind_t) kind, report->dataset);
	check_chart(reader, chart, &chart_failed, line, column);
	/* Indicators first: entities are checked against them. */
	for (unsigned i = 0; i < entries->len; i++) {
		const entry_t *e = &g_array_index(entries, entry_t, i);
		GArray *items;
		if (strcmp(e->key, "indicator") != 0)
			continue;
		items = entry_items(e);
		for (unsigned k = 0; k < items->len; k++) {
			const item_t *item = &g_array_index(items, item_t, k);
			const lr_indicator_t *indicator =
				known_indicator(reader, item->text, e->line, item->column);
			if (!indicator) {
				failed = true;
				continue;
			}
			if (kind == LR_CHART_RANK && indicator->kind != LR_INDICATOR_RANK) {
				spec_error(reader, LR_STATUS_UNSUPPORTED, e->line, item->column,
					   "'%s' is not a ranking (its kind is %s); a rank chart "
					   "draws indicators of kind rank, such as egdi_rank",
					   item->text,
					   lr_indicator_kind_to_string(indicator->kind));
				failed = true;
				continue;
			}
			g_ptr_array_add(indicators, (gpointer) indicator->id);
			lr_chart_add_indicator(chart, indicator->id);
			check_chart(reader, chart, &chart_failed, e->line, item->column);
		}
		g_array_unref(items);
	}
	if (!find_entry(entries, "indicator")) {
		spec_error(reader, LR_STATUS_INVALID_DATA, line, column,
			   "a ```chart block needs indicator=ID (one or more, ';'-separated)");
		failed = true;
	}
	for (unsigned i = 0; i < entries->len; i++) {
		const entry_t *e = &g_array_index(entries, entry_t, i);
		bool bar_only = strcmp(e->key, "layout") == 0 ||
				strcmp(e->key, "horizontal") == 0 || strcmp(e->key, "sort") == 0 ||
				strcmp(e->key, "labels") == 0 || strcmp(e->key, "decimals") == 0;
		if (bar_only && kind == LR_CHART_RANK) {
			spec_error(reader, LR_STATUS_INVALID_DATA, e->line, e->key_column,
				   "%s= is for bar charts (kind=bar); this one is kind=rank",
				   e->key);
			failed = true;
		} else if (strcmp(e->key, "entity") == 0 || strcmp(e->key, "highlight") == 0) {
			GArray *items = entry_items(e);
			bool highlight = strcmp(e->key, "highlight") == 0;
			if (highlight && items->len != 1) {
				spec_error(reader, LR_STATUS_INVALID_DATA, e->line, e->value_column,
					   "highlight= takes one entity");
				failed = true;
				g_array_set_size(items, 0);
			}
			for (unsigned k = 0; k < items->len; k++) {
				const item_t *item = &g_array_index(items, item_t, k);
				const char *name = resolve_entity(reader, indicators, item->text);
				if (!name) {
					unknown_entity(reader, indicators, item->text, e->line,
						       item->column);
					failed = true;
				} else if (!highlight) {
					lr_chart_add_entity(chart, name);
				} else {
					lr_chart_set_highlight(chart, name);
				}
				check_chart(reader, chart, &chart_failed, e->line, item->column);
			}
			g_array_unref(items);
		} else if (strcmp(e->key, "year") == 0) {
			GArray *items = entry_items(e);
			for (unsigned k = 0; k < items->len; k++) {
				const item_t *item = &g_array_index(items, item_t, k);
				int year;
				if (!parse_year(reader, item->text, e->line, item->column, &year)) {
					failed = true;
					continue;
				}
				lr_chart_add_year(chart, year);
				check_chart(reader, chart, &chart_failed, e->line, item->column);
			}
			g_array_unref(items);
		} else if (strcmp(e->key, "layout") == 0 && parse_word(reader, e, &value)) {
			lr_chart_set_bar_layout(chart, (lr_bar_layout_t) value);
			check_chart(reader, chart, &chart_failed, e->line, e->value_column);
		} else if (strcmp(e->key, "horizontal") == 0 && parse_word(reader, e, &value)) {
			lr_chart_set_orientation(chart, value ? LR_ORIENTATION_HORIZONTAL
							      : LR_ORIENTATION_VERTICAL);
			check_chart(reader, chart, &chart_failed, e->line, e->value_column);
		} else if (strcmp(e->key, "sort") == 0 && parse_word(reader, e, &value)) {
			lr_chart_set_sort(chart, (lr_sort_t) value);
			check_chart(reader, chart, &chart_failed, e->line, e->value_column);
		} else if (strcmp(e->key, "labels") == 0 && parse_word(reader, e, &value)) {
			lr_chart_set_value_labels(chart, (lr_value_labels_t) value);
			check_chart(reader, chart, &chart_failed, e->line, e->value_column);
		} else if (strcmp(e->key, "decimals") == 0) {
			gint64 decimals;
			/* As charts.ini's decimals (chart-spec.c): a whole number 0–4. */
			if (!g_ascii_string_to_signed(e->value, 10, 0, LR_CHART_DECIMALS_MAX,
						      &decimals, NULL)) {
				spec_error(reader, LR_STATUS_INVALID_DATA, e->line, e->value_column,
					   "'%s' is not a value of decimals; expected a whole number "
					   "from 0 to %d",
					   e->value, LR_CHART_DECIMALS_MAX);
				failed = true;
			} else {
				lr_chart_set_decimals(chart, (int) decimals);
				check_chart(reader, chart, &chart_failed, e->line, e->value_column);
			}
		} else if (strcmp(e->key, "aspect") == 0) {
			char *end = NULL;
			aspect = g_ascii_strtod(e->value, &end);
			if (!*e->value || *end || !(aspect >= 0.2 && aspect <= 2)) {
				spec_error(reader, LR_STATUS_INVALID_DATA, e->line, e->value_column,
					   "'%s' is not an aspect; expected the height over the "
					   "width, from 0.2 to 2 (default 0.56)",
					   e->value);
				failed = true;
			}
		} else if (bar_only) {
			failed = true; /* parse_word recorded it */
		}
	}
	entry = localized_entry(reader, entries, "title");
	if (entry) {
		char *title = lr_utf8_normalize(entry->value, -1, NULL);
		lr_chart_set_title(chart, title);
		g_free(title);
		check_chart(reader, chart, &chart_failed, entry->line, entry->value_column);
	}
	entry = localized_entry(reader, entries, "subtitle");
	if (entry) {
		char *subtitle = lr_utf8_normalize(entry->value, -1, NULL);
		lr_chart_set_subtitle(chart, subtitle);
		g_free(subtitle);
		check_chart(reader, chart, &chart_failed, entry->line, entry->value_column);
	}
	lr_chart_set_language(chart, report->language);
	/* What the public API cannot tell before layout (no data for these years, a ranking of
	 * one year) shows when the chart is laid out once, at the default figure size. */
	if (!failed && !chart_failed) {
		char *described = lr_chart_describe_layout(chart, 480, 480 * 0.56);
		if (!described) {
			const lr_error_t *error = lr_chart_get_error(chart);
			spec_error(reader, lr_chart_status(chart), line, column,
				   "this chart cannot be drawn: %s",
				   error && error->message ? error->message : "unknown error");
			chart_failed = true;
		}
		lr_free(described);
	}
	caption = find_entry(entries, "caption");
	if (caption)
		caption_runs = plain_runs(reader, caption->value, caption->line,
					  caption->value_column);
	g_ptr_array_unref(indicators);
	if (failed || chart_failed) {
		lr_chart_destroy(chart);
		if (caption_runs)
			g_array_unref(caption_runs);
		return;
	}
	block = lr_report_append_figure(report, chart, caption_runs);
	if (block)
		block->aspect = aspect;
	set_origin(reader, block, line);
}

static const char *const figures_keys[] = { "indicator", "entity", "year", "label" };

/* Checks a card for data; appends it to @cards or frees it. */
static bool
finish_card(const reader_t *reader, lr_card_spec_t *card, GPtrArray *cards)
{
	if (!lr_report_find_observation(reader->report, card->indicator, card->entity,
					card->year)) {
		char year[16] = "";
		if (card->year)
			g_snprintf(year, sizeof year, " in %d", card->year);
		spec_error(reader, LR_STATUS_NO_DATA, card->line, card->column,
			   "no figure of %s for %s%s for this card", card->indicator,
			   card->entity ? card->entity : reader->report->default_entity, year);
		lr_card_spec_free(card);
		return false;
	}
	g_ptr_array_add(cards, card);
	return true;
}

static void
read_figures(const reader_t *reader, GArray *entries, unsigned line, unsigned column)
{
	bool failed = !check_keys(reader, entries, "figures", figures_keys,
				  G_N_ELEMENTS(figures_keys), figures_keys,
				  G_N_ELEMENTS(figures_keys));
	GPtrArray *cards = g_ptr_array_new_with_free_func((GDestroyNotify) lr_card_spec_free);
	lr_card_spec_t *card = NULL;
	bool card_ok = false, has_entity = false, has_year = false, has_label = false;

	if (!reader->report->dataset) {
		/* Once: a report without data has said so already (lr_report_ensure_dataset). */
		if (reader->report->status == LR_STATUS_SUCCESS)
			spec_error(reader, LR_STATUS_NO_DATA, line, column,
				   "a ```figures block needs the dataset, and the report has none");
		g_ptr_array_unref(cards);
		return;
	}
	for (unsigned i = 0; i <= entries->len; i++) {
		const entry_t *e = i < entries->len ? &g_array_index(entries, entry_t, i) : NULL;
		bool *seen = NULL;
		if (e && !in_list(figures_keys, G_N_ELEMENTS(figures_keys), e->key))
			continue; /* reported by check_keys */
		if (!e || strcmp(e->key, "indicator") == 0) {
			if (card && card_ok)
				failed |= !finish_card(reader, card, cards);
			else
				lr_card_spec_free(card);
			card = NULL;
			if (!e)
				break;
			card = g_new0(lr_card_spec_t, 1);
			card->indicator = g_strdup(e->value);
			card->line = e->line;
			card->column = e->value_column;
			card_ok = known_indicator(reader, e->value, e->line, e->value_column) !=
				  NULL;
			failed |= !card_ok;
			has_entity = has_year = has_label = false;
			continue;
		}
		if (!card) {
			spec_error(reader, LR_STATUS_INVALID_DATA, e->line, e->key_column,
				   "%s= before any indicator=; each card starts with indicator=ID",
				   e->key);
			failed = true;
			continue;
		}
		seen = strcmp(e->key, "entity") == 0 ? &has_entity
		       : strcmp(e->key, "year") == 0 ? &has_year
						     : &has_label;
		if (*seen) {
			spec_error(reader, LR_STATUS_INVALID_DATA, e->line, e->key_column,
				   "'%s' is given twice for this card (each card starts with "
				   "indicator=)",
				   e->key);
			failed = true;
			card_ok = false;
			continue;
		}
		*seen = true;
		if (seen == &has_entity) {
			const char *name = card_ok ? lr_report_resolve_entity(reader->report,
									      card->indicator,
									      e->value)
						   : NULL;
			if (card_ok && !name) {
				GPtrArray *one = g_ptr_array_new();
				g_ptr_array_add(one, card->indicator);
				unknown_entity(reader, one, e->value, e->line, e->value_column);
				g_ptr_array_unref(one);
				failed = true;
				card_ok = false;
			}
			card->entity = g_strdup(name);
		} else if (seen == &has_year) {
			if (!parse_year(reader, e->value, e->line, e->value_column, &card->year)) {
				failed = true;
				card_ok = false;
			}
		} else {
			card->label = lr_utf8_normalize(e->value, -1, NULL);
		}
	}
	if (!cards->len && !failed) {
		spec_error(reader, LR_STATUS_INVALID_DATA, line, column,
			   "a ```figures block needs at least one indicator=ID");
		failed = true;
	}
	/* One row per block, all its cards or none. Not lr_report_append_card(): it would join
	 * this row to one just before it, and two ```figures blocks in a row are two rows. */
	if (!failed) {
		lr_block_t *block = lr_report_append_block(reader->report, LR_BLOCK_CARDS);
		if (block) {
			block->cards = cards;
			cards = NULL;
		}
		set_origin(reader, block, line);
	}
	if (cards)
		g_ptr_array_unref(cards);
}

static const char *const table_keys[] = { "indicator", "entity", "year", "caption" };

/* Whether any cell (indicator × entity × year) of a data table has a figure. */
static bool
table_has_data(const lr_report_t *report, const lr_table_spec_t *table)
{
	for (unsigned i = 0; i < table->indicators->len; i++)
		for (unsigned e = 0; e < MAX(table->entities->len, 1u); e++)
			for (unsigned y = 0; y < MAX(table->years->len, 1u); y++) {
				const char *entity = table->entities->len
							     ? g_ptr_array_index(table->entities, e)
							     : NULL;
				int year = table->years->len ? g_array_index(table->years, int, y)
							     : 0;
				const char *id = g_ptr_array_index(table->indicators, i);
				if (lr_report_find_observation(report, id, entity, year))
					return true;
			}
	return false;
}

static void
read_data_table(const reader_t *reader, GArray *entries, unsigned line, unsigned column)
{
	lr_report_t *report = reader->report;
	bool failed = !check_keys(reader, entries, "table", table_keys, G_N_ELEMENTS(table_keys),
				  list_keys, G_N_ELEMENTS(list_keys));
	lr_table_spec_t *table = lr_table_spec_new(true);
	const entry_t *caption = find_entry(entries, "caption");
	lr_block_t *block;

	if (!report->dataset) {
		/* Once: a report without data has said so already (lr_report_ensure_dataset). */
		if (reader->report->status == LR_STATUS_SUCCESS)
			spec_error(reader, LR_STATUS_NO_DATA, line, column,
				   "a ```table block needs the dataset, and the report has none");
		lr_table_spec_free(table);
		return;
	}
	for (unsigned i = 0; i < entries->len; i++) {
		const entry_t *e = &g_array_index(entries, entry_t, i);
		GArray *items;
		if (strcmp(e->key, "indicator") != 0)
			continue;
		items = entry_items(e);
		for (unsigned k = 0; k < items->len; k++) {
			const item_t *item = &g_array_index(items, item_t, k);
			if (known_indicator(reader, item->text, e->line, item->column))
				g_ptr_array_add(table->indicators, g_strdup(item->text));
			else
				failed = true;
		}
		g_array_unref(items);
	}
	if (!find_entry(entries, "indicator")) {
		spec_error(reader, LR_STATUS_INVALID_DATA, line, column,
			   "a ```table block needs indicator=ID (one or more, ';'-separated)");
		failed = true;
	}
	for (unsigned i = 0; i < entries->len; i++) {
		const entry_t *e = &g_array_index(entries, entry_t, i);
		bool is_entity = strcmp(e->key, "entity") == 0;
		GArray *items;
		if (!is_entity && strcmp(e->key, "year") != 0)
			continue;
		items = entry_items(e);
		for (unsigned k = 0; k < items->len; k++) {
			const item_t *item = &g_array_index(items, item_t, k);
			int year;
			if (is_entity) {
				const char *name = resolve_entity(reader, table->indicators,
								  item->text);
				bool several = table->indicators->len > 1;
				if (!name) {
					unknown_entity(reader, table->indicators, item->text,
						       e->line, item->column);
					failed = true;
				} else if (several && table->entities->len == 1) {
					spec_error(reader, LR_STATUS_INVALID_DATA, e->line,
						   item->column,
						   "a table's rows are indicators or entities: "
						   "with several entities, give one indicator");
					failed = true;
				} else {
					g_ptr_array_add(table->entities, g_strdup(name));
				}
			} else if (parse_year(reader, item->text, e->line, item->column, &year)) {
				g_array_append_val(table->years, year);
			} else {
				failed = true;
			}
		}
		g_array_unref(items);
	}
	/* An empty table is a mistake in the spec, not something to print. */
	if (!failed && !table_has_data(report, table)) {
		spec_error(reader, LR_STATUS_NO_DATA, line, column,
			   "this table has no figure: no observation matches its indicators, "
			   "entities and years");
		failed = true;
	}
	if (caption)
		table->caption = plain_runs(reader, caption->value, caption->line,
					    caption->value_column);
	if (failed) {
		lr_table_spec_free(table);
		return;
	}
	block = lr_report_append_table(report, table);
	set_origin(reader, block, line);
}

/* Whether raw line @line closes a fence of @count @fence characters (after the containers'
 * indentation and '>' marks). */
static bool
closes_fence(const reader_t *reader, unsigned line, char fence, int count)
{
	size_t length, i = 0;
	const char *text = line_at(reader, line, &length);
	int run = 0;

	if (!text)
		return false;
	while (i < length && (is_blank(text[i]) || text[i] == '>'))
		i++;
	while (i < length && text[i] == fence) {
		i++;
		run++;
	}
	while (i < length && is_blank(text[i]))
		i++;
	return run >= count && i == length;
}

static void
read_code_block(const reader_t *reader, cmark_node *node, int list_level)
{
	int fence_length = 0, fence_offset = 0;
	char fence_char = 0;
	unsigned line = (unsigned) cmark_node_get_start_line(node);
	unsigned end_line = (unsigned) cmark_node_get_end_line(node);
	const char *info = cmark_node_get_fence_info(node);
	size_t raw_length = 0, info_length = 0, at = 0;
	const char *raw = line_at(reader, line, &raw_length);
	unsigned fence_column, info_column;
	char *kind;
	GArray *entries;
	bool failed = false;

	if (!cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char)) {
		/* Indented by four spaces: most likely a mistake for a paragraph; show it as
		 * code. */
		lr_block_t *block = lr_report_append_text(
			reader->report, reader->quote_depth ? LR_BLOCK_QUOTE : LR_BLOCK_PARAGRAPH,
			MAX(reader->quote_depth, 1),
			literal_runs(cmark_node_get_literal(node), LR_STYLE_CODE), NULL);
		set_origin(reader, block, line);
		return;
	}
	/* The fence's and the info string's columns, from the raw line. */
	while (raw && at < raw_length && raw[at] != fence_char)
		at++;
	fence_column = raw ? column_of(raw, at) : 1;
	while (raw && at < raw_length && raw[at] == fence_char)
		at++;
	while (raw && at < raw_length && is_blank(raw[at]))
		at++;
	info_column = raw ? column_of(raw, at) : 1;
	while (info && info[info_length] && !is_blank(info[info_length]))
		info_length++;
	kind = g_strndup(info ? info : "", info_length);
	if (end_line <= line || !closes_fence(reader, end_line, fence_char, fence_length)) {
		spec_error(reader, LR_STATUS_PARSE_ERROR, line, fence_column,
			   "this %.*s%s block is never closed; expected a line of %d '%c' after "
			   "its content",
			   fence_length,
			   fence_char == '~' ? "~~~~~~~~~~~~~~~~" : "````````````````", kind,
			   fence_length, fence_char);
		g_free(kind);
		return;
	}
	if (strcmp(kind, "chart") != 0 && strcmp(kind, "figures") != 0 &&
	    strcmp(kind, "table") != 0) {
		if (*kind)
			spec_error(reader, LR_STATUS_INVALID_DATA, line, info_column,
				   "unknown block kind '%s'; expected chart, figures or table",
				   kind);
		else
			spec_error(reader, LR_STATUS_INVALID_DATA, line, fence_column,
				   "a fenced block without a kind; expected chart, figures or "
				   "table after the fence");
		g_free(kind);
		return;
	}
	entries = read_entries(reader, cmark_node_get_literal(node), line + 1, kind, &failed);
	if (strcmp(kind, "chart") == 0)
		read_chart(reader, entries, line, fence_column);
	else if (strcmp(kind, "figures") == 0)
		read_figures(reader, entries, line, fence_column);
	else
		read_data_table(reader, entries, line, fence_column);
	g_array_unref(entries);
	g_free(kind);
}

/* ---- Blocks ------------------------------------------------------------------------------- */

static void read_children(reader_t *reader, cmark_node *node, int list_level);
static void read_block(reader_t *reader, cmark_node *node, int list_level);

static void
read_markdown_table(const reader_t *reader, cmark_node *node)
{
	lr_table_spec_t *table = lr_table_spec_new(false);
	int columns = cmark_gfm_extensions_get_table_columns(node);
	const uint8_t *alignments = cmark_gfm_extensions_get_table_alignments(node);
	inlines_t state;
	lr_block_t *block;

	inlines_init(&state, reader, node);
	table->column_count = columns;
	for (int i = 0; i < columns; i++) {
		/* cmark-gfm: 'l', 'c', 'r', or 0 for none (left). */
		int alignment = !alignments	      ? -1
				: alignments[i] == 'c' ? 0
				: alignments[i] == 'r' ? 1
						       : -1;
		g_array_append_val(table->alignments, alignment);
	}
	for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
		bool header = cmark_gfm_extensions_get_table_row_is_header(row);
		GPtrArray *cells = header ? table->header
					  : g_ptr_array_new_with_free_func(
						    (GDestroyNotify) g_array_unref);
		int count = 0;
		for (cmark_node *cell = cmark_node_first_child(row); cell && count < columns;
		     cell = cmark_node_next(cell), count++) {
			state.runs = lr_runs_new();
			walk_inlines(&state, cell, 0, NULL);
			flush(&state);
			g_ptr_array_add(cells, state.runs);
		}
		for (; count < columns; count++)
			g_ptr_array_add(cells, lr_runs_new());
		if (!header)
			g_ptr_array_add(table->rows, cells);
	}
	inlines_clear(&state);
	block = lr_report_append_table(reader->report, table);
	set_origin(reader, block, (unsigned) cmark_node_get_start_line(node));
}

static void
read_list(reader_t *reader, cmark_node *list, int level)
{
	bool bullet = cmark_node_get_list_type(list) == CMARK_BULLET_LIST;
	bool paren = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM;
	int number = cmark_node_get_list_start(list);

	for (cmark_node *item = cmark_node_first_child(list); item;
	     item = cmark_node_next(item), number++) {
		char *marker = bullet ? g_strdup(level % 2 ? LR_BULLET : LR_EN_DASH)
				      : g_strdup_printf("%d%s", number, paren ? ")" : ".");
		bool first = true;
		for (cmark_node *child = cmark_node_first_child(item); child;
		     child = cmark_node_next(child)) {
			lr_block_t *block;
			if (cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH) {
				/* An item's later paragraphs continue it, without a marker. */
				block = lr_report_append_text(reader->report, LR_BLOCK_LIST_ITEM,
							      level, block_runs(reader, child),
							      first ? marker : NULL);
				set_origin(reader, block,
					   (unsigned) cmark_node_get_start_line(child));
			} else {
				if (first) {
					block = lr_report_append_text(reader->report,
								      LR_BLOCK_LIST_ITEM, level,
								      lr_runs_new(), marker);
					set_origin(reader, block,
						   (unsigned) cmark_node_get_start_line(item));
				}
				first = false;
				read_block(reader, child, level);
				continue;
			}
			first = false;
		}
		if (first) { /* an empty item still shows its marker */
			lr_block_t *block = lr_report_append_text(
				reader->report, LR_BLOCK_LIST_ITEM, level, lr_runs_new(), marker);
			set_origin(reader, block, (unsigned) cmark_node_get_start_line(item));
		}
		g_free(marker);
	}
}

/* Reads @node itself (a block). */
static void
read_block(reader_t *reader, cmark_node *node, int list_level)
{
	unsigned line = (unsigned) cmark_node_get_start_line(node);
	lr_block_t *block;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
		block = lr_report_append_text(
			reader->report, reader->quote_depth ? LR_BLOCK_QUOTE : LR_BLOCK_PARAGRAPH,
			MAX(reader->quote_depth, 1), block_runs(reader, node), NULL);
		set_origin(reader, block, line);
		break;
	case CMARK_NODE_HEADING: {
		int level = cmark_node_get_heading_level(node);
		GArray *runs = block_runs(reader, node);
		if (level > 3) {
			spec_error(reader, LR_STATUS_INVALID_DATA, line,
				   (unsigned) MAX(cmark_node_get_start_column(node), 1),
				   "a level-%d heading; expected # (section), ## (subsection) or "
				   "### (minor heading)",
				   level);
			g_array_unref(runs);
			break;
		}
		block = lr_report_append_heading(reader->report, level, runs);
		set_origin(reader, block, line);
		break;
	}
	case CMARK_NODE_BLOCK_QUOTE:
		reader->quote_depth++;
		read_children(reader, node, list_level);
		reader->quote_depth--;
		break;
	case CMARK_NODE_LIST:
		read_list(reader, node, list_level + 1);
		break;
	case CMARK_NODE_CODE_BLOCK:
		read_code_block(reader, node, list_level);
		break;
	case CMARK_NODE_HTML_BLOCK: /* literal text (invariant 3) */
		block = lr_report_append_text(
			reader->report, reader->quote_depth ? LR_BLOCK_QUOTE : LR_BLOCK_PARAGRAPH,
			MAX(reader->quote_depth, 1), literal_runs(cmark_node_get_literal(node), 0),
			NULL);
		set_origin(reader, block, line);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		block = lr_report_append_block(reader->report, LR_BLOCK_PAGE_BREAK);
		set_origin(reader, block, line);
		break;
	default:
		if (g_strcmp0(cmark_node_get_type_string(node), "table") == 0)
			read_markdown_table(reader, node);
		else
			read_children(reader, node, list_level);
		break;
	}
}

static void
read_children(reader_t *reader, cmark_node *node, int list_level)
{
	for (cmark_node *child = cmark_node_first_child(node); child;
	     child = cmark_node_next(child))
		read_block(reader, child, list_level);
}

static gpointer
register_extensions(gpointer data)
{
	cmark_gfm_core_extensions_ensure_registered();
	return NULL;
}

static void
read_body(reader_t *reader)
{
	static GOnce once = G_ONCE_INIT;
	cmark_syntax_extension *table;
	cmark_parser *parser;
	cmark_node *document;

	g_once(&once, register_extensions, NULL);
	/* No CMARK_OPT_SMART: quotes and dashes stay as written. */
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	table = cmark_find_syntax_extension("table");
	if (table)
		cmark_parser_attach_syntax_extension(parser, table);
	cmark_parser_feed(parser, reader->text, reader->length);
	document = cmark_parser_finish(parser);
	if (document)
		read_children(reader, document, 0);
	else
		spec_error(reader, LR_STATUS_NO_MEMORY, 1, 1, "the Markdown parser failed");
	cmark_node_free(document);
	cmark_parser_free(parser);
}

/* ---- Front matter ------------------------------------------------------------------------- */

static const char *const front_keys[] = {
	"title", "subtitle", "author", "date", "language", "page", "data", "entity", "subject",
	"keywords", "justify",
};
enum { FRONT_TITLE = 0, FRONT_DATA = 6, FRONT_ENTITY = 7 }; /* indices in front_keys */

static bool
is_front_fence(const char *text, size_t length)
{
	while (length && is_blank(text[length - 1]))
		length--;
	return length == 3 && memcmp(text, "---", 3) == 0;
}

typedef struct {
	char *value;
	unsigned line, column;
} front_value_t;

/* Reads the front matter and blanks it in @text (invariant 1). Returns false when the body
 * cannot be read (the front matter does not end). */
static bool
read_front_matter(reader_t *reader, char *text, char **data_dir)
{
	lr_report_t *report = reader->report;
	front_value_t values[G_N_ELEMENTS(front_keys)] = { { 0 } };
	const front_value_t *data, *entity;
	unsigned line = 1, end_line = 0;
	size_t length;
	const char *first = line_at(reader, 1, &length);

	if (!first || !is_front_fence(first, length)) {
		spec_error(reader, LR_STATUS_PARSE_ERROR, 1, 1,
			   "a spec starts with its front matter: expected '---', then 'title: …' "
			   "and the other 'key: value' lines, then '---'");
		lr_report_ensure_dataset(report, NULL, reader->file, 1);
		return true;
	}
	for (line = 2; line <= reader->lines->len; line++) {
		const char *raw = line_at(reader, line, &length), *colon;
		size_t start = 0, end;
		char *key, *value;
		size_t k;
		if (is_front_fence(raw, length)) {
			end_line = line;
			break;
		}
		while (start < length && is_blank(raw[start]))
			start++;
		if (start == length || raw[start] == '#')
			continue;
		colon = memchr(raw + start, ':', length - start);
		if (!colon) {
			spec_error(reader, LR_STATUS_PARSE_ERROR, line, column_of(raw, start),
				   "expected 'key: value' in the front matter (or '---' to end "
				   "it)");
			continue;
		}
		end = (size_t) (colon - raw);
		while (end > start && is_blank(raw[end - 1]))
			end--;
		key = g_strndup(raw + start, end - start);
		for (k = 0; k < G_N_ELEMENTS(front_keys) && strcmp(front_keys[k], key) != 0; k++)
			;
		if (k == G_N_ELEMENTS(front_keys)) {
			char *choices = key_choices(front_keys, G_N_ELEMENTS(front_keys));
			spec_error(reader, LR_STATUS_INVALID_DATA, line, column_of(raw, start),
				   "unknown front-matter key '%s'; expected %s", key, choices);
			g_free(choices);
			g_free(key);
			continue;
		}
		if (values[k].value) {
			spec_error(reader, LR_STATUS_INVALID_DATA, line, column_of(raw, start),
				   "'%s' is given twice (first on line %u)", key, values[k].line);
			g_free(key);
			continue;
		}
		g_free(key);
		start = (size_t) (colon - raw) + 1;
		while (start < length && is_blank(raw[start]))
			start++;
		if (start == length) /* no value: point just after the ':' */
			start = (size_t) (colon - raw) + 1;
		end = length;
		while (end > start && is_blank(raw[end - 1]))
			end--;
		/* YAML habit: a quoted value. */
		if (end - start >= 2 && (raw[start] == '"' || raw[start] == '\'') &&
		    raw[end - 1] == raw[start]) {
			start++;
			end--;
		}
		value = g_strndup(raw + start, end - start);
		values[k].line = line;
		values[k].column = column_of(raw, start);
		if (!*value) {
			spec_error(reader, LR_STATUS_INVALID_DATA, line, column_of(raw, start),
				   "'%s:' has no value", front_keys[k]);
			g_free(value);
			continue;
		}
		values[k].value = value;
	}
	if (!end_line) {
		spec_error(reader, LR_STATUS_PARSE_ERROR, 1, 1,
			   "the front matter opened here is never closed; expected a '---' line "
			   "after its 'key: value' lines");
		for (size_t k = 0; k < G_N_ELEMENTS(front_keys); k++)
			g_free(values[k].value);
		return false;
	}
	/* Blank it out: line numbers stay the file's (invariant 1). */
	for (size_t i = 0; i < g_array_index(reader->lines, size_t, end_line - 1) + 3; i++)
		if (text[i] != '\n' && text[i] != '\r')
			text[i] = ' ';
	for (size_t k = 0; k < G_N_ELEMENTS(front_keys); k++) {
		const front_value_t *v = &values[k];
		const char *key = front_keys[k];
		int flag;
		if (!v->value)
			continue;
		if (strcmp(key, "title") == 0) {
			lr_report_set_title(report, v->value);
		} else if (strcmp(key, "subtitle") == 0) {
			lr_report_set_subtitle(report, v->value);
		} else if (strcmp(key, "author") == 0) {
			lr_report_set_author(report, v->value);
		} else if (strcmp(key, "date") == 0) {
			lr_report_set_date(report, v->value);
		} else if (strcmp(key, "subject") == 0) {
			lr_report_set_subject(report, v->value);
		} else if (strcmp(key, "keywords") == 0) {
			lr_report_set_keywords(report, v->value);
		} else if (strcmp(key, "language") == 0) {
			lr_language_t language;
			if (lr_language_from_string(v->value, &language) == LR_STATUS_SUCCESS) {
				lr_report_set_language(report, language);
			} else {
				spec_error(reader, LR_STATUS_INVALID_DATA, v->line, v->column,
					   "'%s' is not a language; expected vi or en", v->value);
			}
		} else if (strcmp(key, "page") == 0) {
			lr_page_size_t size;
			if (lr_page_size_from_string(v->value, &size) == LR_STATUS_SUCCESS) {
				lr_report_set_page_size(report, size);
			} else {
				spec_error(reader, LR_STATUS_INVALID_DATA, v->line, v->column,
					   "'%s' is not a page size; expected a4, a5 or letter",
					   v->value);
			}
		} else if (strcmp(key, "justify") == 0) {
			if (word_lookup("justify", v->value, &flag)) {
				lr_report_set_justify(report, flag != 0);
			} else {
				spec_error(reader, LR_STATUS_INVALID_DATA, v->line, v->column,
					   "'%s' is not a value of justify; expected true or false",
					   v->value);
			}
		} else if (strcmp(key, "entity") == 0) {
			g_free(report->default_entity);
			report->default_entity = lr_utf8_normalize(v->value, -1, NULL);
		} else if (strcmp(key, "data") == 0 && data_dir) {
			g_free(*data_dir);
			*data_dir = g_path_is_absolute(v->value) || !report->base_dir
					    ? g_strdup(v->value)
					    : g_build_filename(report->base_dir, v->value, NULL);
		}
	}
	if (!values[FRONT_TITLE].value)
		spec_error(reader, LR_STATUS_INVALID_DATA, 1, 1,
			   "the front matter has no title; expected 'title: …' between the '---' "
			   "lines");
	/* The body's charts and references need the data: load it now. */
	data = &values[FRONT_DATA];
	entity = &values[FRONT_ENTITY];
	lr_report_ensure_dataset(report, data->value, reader->file,
				 data->value ? data->line : end_line);
	if (entity->value && report->dataset) {
		/* Keep the dataset's own name: an English one would not match later. */
		const char *name = lr_report_resolve_entity(report, NULL, report->default_entity);
		if (name) {
			char *copy = g_strdup(name);
			g_free(report->default_entity);
			report->default_entity = copy;
		} else {
			char *hint = lr_report_suggest_entity(report, NULL, 0, report->default_entity);
			spec_error(reader, LR_STATUS_UNKNOWN_ENTITY, entity->line, entity->column,
				   "the dataset has no figure of '%s'%s%s",
				   entity->value, hint,
				   hint[0] ? " Expected an entity of observations.csv"
					   : "; expected an entity of observations.csv");
			g_free(hint);
		}
	}
	for (size_t k = 0; k < G_N_ELEMENTS(front_keys); k++)
		g_free(values[k].value);
	return true;
}

/* ---- Entry point -------------------------------------------------------------------------- */

lr_status_t
lr_report_read_spec(lr_report_t *report, const char *text, size_t length, const char *file,
		    bool front_matter, char **data_dir)
{
	reader_t reader = { .report = report, .file = file };
	const char *end;
	char *copy;

	if (!report)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!text) {
		return lr_report_record_error(report, LR_STATUS_NULL_POINTER, file, 0, 0,
					      "the spec text is NULL");
	}
	/* A byte-order mark, as editors on Windows write: not text. */
	if (length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		length -= 3;
	}
	if (!g_utf8_validate(text, (gssize) length, &end)) {
		unsigned line = 1;
		size_t line_start = 0, bad = (size_t) (end - text);
		for (size_t i = 0; i < bad; i++)
			if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n')) {
				line++;
				line_start = i + 1;
			}
		return lr_report_record_error(report, LR_STATUS_INVALID_UTF8, file, line,
					      column_of(text + line_start, bad - line_start),
					      "invalid UTF-8 (byte 0x%02X%s); a spec is UTF-8 text",
					      (unsigned char) text[bad],
					      text[bad] ? "" : ", a NUL");
	}
	copy = g_strndup(text, length);
	reader.text = copy;
	reader.length = length;
	reader.lines = index_lines(copy, length);
	if (!front_matter || read_front_matter(&reader, copy, data_dir))
		read_body(&reader);
	g_array_unref(reader.lines);
	g_free(copy);
	return report->status;
}
