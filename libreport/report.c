/* libreport: the report object, its public entry points and the builders the spec reader
 * and the C API share (see report-private.h for the flow).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "output-private.h"
#include "report-private.h"

/* A spec is prose: far below this. Bounds what a mistaken path (a video, /dev/zero) costs. */
#define SPEC_MAX_BYTES (16u << 20)

static lr_report_t inert_report = { .status = LR_STATUS_NO_MEMORY };

/* ---- Runs ----------------------------------------------------------------------------- */

static void
run_clear_func(gpointer data)
{
	lr_run_clear(data);
}

GArray *
lr_runs_new(void)
{
	GArray *runs = g_array_new(FALSE, TRUE, sizeof(lr_run_t));

	g_array_set_clear_func(runs, run_clear_func);
	return runs;
}

void
lr_runs_append_text(GArray *runs, const char *text, gssize length, unsigned style,
		    const char *link)
{
	lr_run_t run = { .kind = LR_RUN_TEXT, .style = style };
	char *normal = lr_utf8_normalize(text, length, NULL);

	if (!normal) /* callers validate; never let invalid bytes reach Pango */
		normal = g_utf8_make_valid(text, length);
	if (!*normal) {
		g_free(normal);
		return;
	}
	/* Adjacent runs of one style are one run: fewer Pango attributes, simpler dumps. */
	if (runs->len) {
		lr_run_t *last = &g_array_index(runs, lr_run_t, runs->len - 1);
		if (last->kind == LR_RUN_TEXT && last->style == style &&
		    g_strcmp0(last->link, link) == 0) {
			char *joined = g_strconcat(last->text, normal, NULL);
			g_free(last->text);
			g_free(normal);
			last->text = joined;
			return;
		}
	}
	run.text = normal;
	run.link = g_strdup(link);
	g_array_append_val(runs, run);
}

void
lr_runs_append_reference(GArray *runs, lr_reference_t *reference, unsigned style,
			 const char *link)
{
	lr_run_t run = { .kind = LR_RUN_REFERENCE, .style = style, .reference = reference };

	run.link = g_strdup(link);
	g_array_append_val(runs, run);
}

void
lr_runs_append_break(GArray *runs)
{
	lr_run_t run = { .kind = LR_RUN_LINE_BREAK };

	g_array_append_val(runs, run);
}

void
lr_run_clear(lr_run_t *run)
{
	g_free(run->text);
	g_free(run->link);
	lr_reference_free(run->reference);
	memset(run, 0, sizeof *run);
}

void
lr_reference_free(lr_reference_t *reference)
{
	if (!reference)
		return;
	g_free(reference->indicator);
	g_free(reference->entity);
	g_free(reference->file);
	g_free(reference);
}

static GArray *
runs_from_plain(const char *text)
{
	GArray *runs = lr_runs_new();

	lr_runs_append_text(runs, text, -1, 0, NULL);
	return runs;
}

/* ---- Blocks ----------------------------------------------------------------------------- */

void
lr_card_spec_free(lr_card_spec_t *card)
{
	if (!card)
		return;
	g_free(card->indicator);
	g_free(card->entity);
	g_free(card->label);
	g_free(card);
}

static void
runs_array_free(gpointer data)
{
	if (data)
		g_array_unref(data);
}

lr_table_spec_t *
lr_table_spec_new(bool from_data)
{
	lr_table_spec_t *table = g_new0(lr_table_spec_t, 1);

	table->from_data = from_data;
	table->indicators = g_ptr_array_new_with_free_func(g_free);
	table->entities = g_ptr_array_new_with_free_func(g_free);
	table->years = g_array_new(FALSE, FALSE, sizeof(int));
	table->alignments = g_array_new(FALSE, TRUE, sizeof(int));
	table->header = g_ptr_array_new_with_free_func(runs_array_free);
	table->rows = g_ptr_array_new_with_free_func((GDestroyNotify) g_ptr_array_unref);
	return table;
}

void
lr_table_spec_free(lr_table_spec_t *table)
{
	if (!table)
		return;
	g_ptr_array_unref(table->indicators);
	g_ptr_array_unref(table->entities);
	g_array_unref(table->years);
	g_array_unref(table->alignments);
	g_ptr_array_unref(table->header);
	g_ptr_array_unref(table->rows);
	if (table->caption)
		g_array_unref(table->caption);
	g_free(table);
}

static void
block_free(gpointer data)
{
	lr_block_t *block = data;

	if (!block)
		return;
	g_free(block->file);
	if (block->runs)
		g_array_unref(block->runs);
	g_free(block->marker);
	g_free(block->anchor);
	lr_chart_destroy(block->chart);
	if (block->caption)
		g_array_unref(block->caption);
	if (block->cards)
		g_ptr_array_unref(block->cards);
	lr_table_spec_free(block->table);
	g_free(block);
}

/* ---- The object ------------------------------------------------------------------------ */

static void
error_record_free(gpointer data)
{
	lr_error_record_t *record = data;

	lr_error_record_clear(record);
	g_free(record);
}

static bool
usable(const lr_report_t *report)
{
	return report && report != &inert_report && report->status == LR_STATUS_SUCCESS;
}

static void
invalidate(lr_report_t *report)
{
	lr_report_layout_free(report->layout);
	report->layout = NULL;
}

lr_status_t
lr_report_record_error(lr_report_t *report, lr_status_t status, const char *file, unsigned line,
		       unsigned column, const char *format, ...)
{
	lr_error_record_t *record;
	va_list args;
	char *message;

	if (!report || report == &inert_report)
		return lr_error(status);
	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	record = g_new0(lr_error_record_t, 1);
	lr_error_record_set(record, status, file, line, column, "%s", message);
	g_free(message);
	lr_error_list_add(report->errors, record);
	if (report->status == LR_STATUS_SUCCESS)
		report->status = status;
	return status;
}

lr_report_t *
lr_report_create(lr_dataset_t *dataset)
{
	lr_report_t *report = g_new0(lr_report_t, 1);

	report->errors = g_ptr_array_new_with_free_func(error_record_free);
	report->blocks = g_ptr_array_new_with_free_func(block_free);
	report->theme = lr_theme_create();
	report->language = LR_LANGUAGE_VI;
	report->page_size = LR_PAGE_A4;
	report->justify = true;
	report->default_entity = g_strdup("Việt Nam");
	if (dataset) {
		report->dataset = lr_dataset_reference(dataset);
		if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS) {
			const lr_error_t *first = lr_dataset_get_error(dataset, 0);
			lr_report_record_error(report, lr_dataset_status(dataset),
					       first ? first->file : NULL, first ? first->line : 0,
					       first ? first->column : 0, "the dataset has errors: %s",
					       first ? first->message : "unknown");
		}
	}
	return report;
}

void
lr_report_destroy(lr_report_t *report)
{
	if (!report || report == &inert_report)
		return;
	invalidate(report);
	g_ptr_array_unref(report->blocks);
	g_ptr_array_unref(report->errors);
	lr_error_record_clear(&report->last_error);
	lr_dataset_destroy(report->dataset);
	lr_theme_destroy(report->theme);
	g_free(report->title);
	g_free(report->subtitle);
	g_free(report->author);
	g_free(report->date);
	g_free(report->subject);
	g_free(report->keywords);
	g_free(report->default_entity);
	g_free(report->base_dir);
	g_free(report);
}

lr_status_t
lr_report_ensure_dataset(lr_report_t *report, const char *data_dir, const char *file,
			 unsigned line)
{
	char *folder = NULL;
	lr_dataset_t *dataset;

	if (!report || report == &inert_report)
		return LR_STATUS_NULL_POINTER;
	if (report->dataset)
		return LR_STATUS_SUCCESS;
	if (data_dir && *data_dir) {
		folder = g_path_is_absolute(data_dir) || !report->base_dir
				 ? g_strdup(data_dir)
				 : g_build_filename(report->base_dir, data_dir, NULL);
	} else {
		char *probe = g_build_filename(report->base_dir ? report->base_dir : ".",
					       "indicators.csv", NULL);
		if (g_file_test(probe, G_FILE_TEST_IS_REGULAR))
			folder = g_strdup(report->base_dir ? report->base_dir : ".");
		else if (g_getenv("LREPORT_DATA_DIR") && *g_getenv("LREPORT_DATA_DIR"))
			folder = g_strdup(g_getenv("LREPORT_DATA_DIR"));
		g_free(probe);
	}
	if (!folder)
		return lr_report_record_error(report, LR_STATUS_FILE_NOT_FOUND, file, line, 1,
					      "the report has no dataset: name its folder with "
					      "'data:' in the front matter (or --data)");
	dataset = lr_dataset_load(folder);
	if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS) {
		size_t count = lr_dataset_get_error_count(dataset);
		for (size_t i = 0; i < count; i++) {
			const lr_error_t *error = lr_dataset_get_error(dataset, i);
			lr_report_record_error(report, error->status, error->file, error->line,
					       error->column, "%s", error->message);
		}
		if (!count)
			lr_report_record_error(report, lr_dataset_status(dataset), file, line, 1,
					       "the dataset in '%s' could not be loaded: %s", folder,
					       lr_status_to_string(lr_dataset_status(dataset)));
		lr_dataset_destroy(dataset);
		g_free(folder);
		return report->status;
	}
	report->dataset = dataset;
	g_free(folder);
	return LR_STATUS_SUCCESS;
}

static lr_report_t *
load_text(const char *text, size_t length, const char *name, const char *base_dir,
	  lr_dataset_t *dataset)
{
	lr_report_t *report = lr_report_create(dataset);

	if (report == &inert_report)
		return report;
	report->base_dir = g_strdup(base_dir);
	lr_report_read_spec(report, text, length, name, true, NULL);
	/* A spec whose front matter named no data folder still needs one for its body. */
	return report;
}

/* Reads a regular file of at most SPEC_MAX_BYTES; anything else is refused with a reason. */
static char *
read_spec_file(const char *path, size_t *length, lr_error_record_t *error)
{
	struct stat info;
	char *contents = NULL;
	gsize size = 0;
	GError *gerror = NULL;

	if (stat(path, &info) != 0) {
		lr_error_record_set(error, errno == ENOENT ? LR_STATUS_FILE_NOT_FOUND
							   : LR_STATUS_READ_ERROR,
				    path, 0, 0, "cannot read the report spec: %s", g_strerror(errno));
		return NULL;
	}
	if (!S_ISREG(info.st_mode)) {
		lr_error_record_set(error, LR_STATUS_READ_ERROR, path, 0, 0,
				    "the report spec is not a regular file");
		return NULL;
	}
	if ((unsigned long long) info.st_size > SPEC_MAX_BYTES) {
		lr_error_record_set(error, LR_STATUS_READ_ERROR, path, 0, 0,
				    "the report spec is %lld bytes; the limit is %u",
				    (long long) info.st_size, SPEC_MAX_BYTES);
		return NULL;
	}
	if (!g_file_get_contents(path, &contents, &size, &gerror)) {
		lr_error_record_set(error, LR_STATUS_READ_ERROR, path, 0, 0,
				    "cannot read the report spec: %s", gerror->message);
		g_error_free(gerror);
		return NULL;
	}
	*length = size;
	return contents;
}

lr_report_t *
lr_report_load(const char *path, lr_dataset_t *dataset)
{
	lr_report_t *report;
	lr_error_record_t error = { 0 };
	size_t length = 0;
	char *text, *folder;

	if (!path) {
		report = lr_report_create(dataset);
		lr_report_record_error(report, LR_STATUS_NULL_POINTER, NULL, 0, 0,
				       "lr_report_load: path is NULL");
		return report;
	}
	text = read_spec_file(path, &length, &error);
	if (!text) {
		report = lr_report_create(dataset);
		lr_report_record_error(report, error.public.status, path, 0, 0, "%s",
				       error.public.message);
		lr_error_record_clear(&error);
		return report;
	}
	folder = g_path_get_dirname(path);
	report = load_text(text, length, path, folder, dataset);
	g_free(folder);
	g_free(text);
	return report;
}

lr_report_t *
lr_report_load_from_memory(const char *text, size_t length, const char *name,
			   lr_dataset_t *dataset)
{
	lr_report_t *report;

	if (!text) {
		report = lr_report_create(dataset);
		lr_report_record_error(report, LR_STATUS_NULL_POINTER, NULL, 0, 0,
				       "lr_report_load_from_memory: text is NULL");
		return report;
	}
	return load_text(text, length, name ? name : "<memory>", NULL, dataset);
}

lr_status_t
lr_report_status(const lr_report_t *report)
{
	return report ? report->status : LR_STATUS_NULL_POINTER;
}

size_t
lr_report_get_error_count(const lr_report_t *report)
{
	return report && report->errors ? report->errors->len : 0;
}

const lr_error_t *
lr_report_get_error(const lr_report_t *report, size_t index)
{
	const lr_error_record_t *record;

	if (!report || !report->errors || index >= report->errors->len)
		return NULL;
	record = g_ptr_array_index(report->errors, index);
	return &record->public;
}

const lr_error_t *
lr_report_get_last_error(const lr_report_t *report)
{
	if (!report || report->last_error.public.status == LR_STATUS_SUCCESS)
		return NULL;
	return &report->last_error.public;
}

/* ---- Setters ------------------------------------------------------------------------- */

static void
set_text(lr_report_t *report, char **field, const char *text, const char *what)
{
	char *normal = NULL;

	if (!usable(report))
		return;
	if (text && strlen(text) > LR_LABEL_LENGTH_MAX) {
		lr_report_record_error(report, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				       "the %s is %zu bytes long, above the limit of %u bytes for a "
				       "label (LR_LABEL_LENGTH_MAX)", what, strlen(text),
				       LR_LABEL_LENGTH_MAX);
		return;
	}
	if (text) {
		normal = lr_utf8_normalize(text, -1, NULL);
		if (!normal) {
			lr_report_record_error(report, LR_STATUS_INVALID_UTF8, NULL, 0, 0,
					       "the %s is not valid UTF-8", what);
			return;
		}
	}
	g_free(*field);
	*field = normal;
	invalidate(report);
}

void
lr_report_set_title(lr_report_t *report, const char *title)
{
	set_text(report, report ? &report->title : NULL, title, "title");
}

void
lr_report_set_subtitle(lr_report_t *report, const char *subtitle)
{
	set_text(report, report ? &report->subtitle : NULL, subtitle, "subtitle");
}

void
lr_report_set_author(lr_report_t *report, const char *author)
{
	set_text(report, report ? &report->author : NULL, author, "author");
}

void
lr_report_set_date(lr_report_t *report, const char *date)
{
	set_text(report, report ? &report->date : NULL, date, "date");
}

void
lr_report_set_subject(lr_report_t *report, const char *subject)
{
	set_text(report, report ? &report->subject : NULL, subject, "subject");
}

void
lr_report_set_keywords(lr_report_t *report, const char *keywords)
{
	set_text(report, report ? &report->keywords : NULL, keywords, "keywords");
}

void
lr_report_set_language(lr_report_t *report, lr_language_t language)
{
	if (!usable(report))
		return;
	if (language != LR_LANGUAGE_VI && language != LR_LANGUAGE_EN) {
		lr_report_record_error(report, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				       "lr_report_set_language: %d is not a language", (int) language);
		return;
	}
	report->language = language;
	for (guint i = 0; i < report->blocks->len; i++) {
		lr_block_t *block = g_ptr_array_index(report->blocks, i);
		if (block->chart)
			lr_chart_set_language(block->chart, language);
	}
	invalidate(report);
}

lr_language_t
lr_report_get_language(const lr_report_t *report)
{
	return report ? report->language : LR_LANGUAGE_VI;
}

void
lr_report_set_page_size(lr_report_t *report, lr_page_size_t size)
{
	if (!usable(report))
		return;
	if ((unsigned) size > LR_PAGE_LETTER) {
		lr_report_record_error(report, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				       "lr_report_set_page_size: %d is not a page size", (int) size);
		return;
	}
	report->page_size = size;
	invalidate(report);
}

void
lr_report_set_theme(lr_report_t *report, lr_theme_t *theme)
{
	if (!usable(report))
		return;
	if (theme && lr_theme_status(theme) != LR_STATUS_SUCCESS) {
		lr_report_record_error(report, lr_theme_status(theme), NULL, 0, 0,
				       "the theme is in error");
		return;
	}
	/* Reference first: @theme may be the one the report holds the last reference to. */
	theme = theme ? lr_theme_reference(theme) : lr_theme_create();
	lr_theme_destroy(report->theme);
	report->theme = theme;
	for (guint i = 0; i < report->blocks->len; i++) {
		lr_block_t *block = g_ptr_array_index(report->blocks, i);
		if (block->chart)
			lr_chart_set_theme(block->chart, theme);
	}
	invalidate(report);
}

void
lr_report_set_justify(lr_report_t *report, bool justify)
{
	if (!usable(report))
		return;
	report->justify = justify;
	invalidate(report);
}

static const char *const page_size_names[] = { "a4", "a5", "letter" };

lr_status_t
lr_page_size_from_string(const char *name, lr_page_size_t *size)
{
	if (!name || !size)
		return lr_error(LR_STATUS_NULL_POINTER);
	for (unsigned i = 0; i < G_N_ELEMENTS(page_size_names); i++) {
		if (g_ascii_strcasecmp(name, page_size_names[i]) == 0) {
			*size = (lr_page_size_t) i;
			return LR_STATUS_SUCCESS;
		}
	}
	return lr_error(LR_STATUS_INVALID_ARGUMENT);
}

const char *
lr_page_size_to_string(lr_page_size_t size)
{
	return (unsigned) size < G_N_ELEMENTS(page_size_names) ? page_size_names[size] : NULL;
}

void
lr_report_get_page_size(const lr_report_t *report, double *width, double *height)
{
	/* In points: ISO sizes from millimetres, Letter from inches. */
	static const double sizes[][2] = {
		{ 210.0 / 25.4 * 72, 297.0 / 25.4 * 72 },
		{ 148.0 / 25.4 * 72, 210.0 / 25.4 * 72 },
		{ 8.5 * 72, 11.0 * 72 },
	};
	lr_page_size_t size = report ? report->page_size : LR_PAGE_A4;

	if ((unsigned) size > LR_PAGE_LETTER)
		size = LR_PAGE_A4;
	if (width)
		*width = sizes[size][0];
	if (height)
		*height = sizes[size][1];
}

/* ---- Builders ------------------------------------------------------------------------ */

lr_block_t *
lr_report_append_block(lr_report_t *report, lr_block_kind_t kind)
{
	lr_block_t *block;

	if (!usable(report))
		return NULL;
	block = g_new0(lr_block_t, 1);
	block->kind = kind;
	g_ptr_array_add(report->blocks, block);
	invalidate(report);
	return block;
}

lr_block_t *
lr_report_append_heading(lr_report_t *report, int level, GArray *runs)
{
	lr_block_t *block = lr_report_append_block(report, LR_BLOCK_HEADING);

	if (!block) {
		if (runs)
			g_array_unref(runs);
		return NULL;
	}
	block->level = CLAMP(level, 1, 3);
	block->runs = runs ? runs : lr_runs_new();
	block->anchor = g_strdup_printf("section-%d", ++report->heading_count);
	return block;
}

lr_block_t *
lr_report_append_text(lr_report_t *report, lr_block_kind_t kind, int level, GArray *runs,
		      const char *marker)
{
	lr_block_t *block = lr_report_append_block(report, kind);

	if (!block) {
		if (runs)
			g_array_unref(runs);
		return NULL;
	}
	block->level = MAX(level, 1);
	block->runs = runs ? runs : lr_runs_new();
	block->marker = g_strdup(marker);
	return block;
}

lr_block_t *
lr_report_append_figure(lr_report_t *report, lr_chart_t *chart, GArray *caption)
{
	lr_block_t *block = usable(report) && chart ? lr_report_append_block(report, LR_BLOCK_FIGURE)
						    : NULL;

	if (!block) {
		lr_chart_destroy(chart);
		if (caption)
			g_array_unref(caption);
		return NULL;
	}
	/* One theme and one language govern pages and charts alike. */
	lr_chart_set_theme(chart, report->theme);
	lr_chart_set_language(chart, report->language);
	block->chart = chart;
	block->caption = caption;
	return block;
}

lr_block_t *
lr_report_append_card(lr_report_t *report, lr_card_spec_t *card)
{
	lr_block_t *block = NULL;

	if (!usable(report) || !card) {
		lr_card_spec_free(card);
		return NULL;
	}
	if (report->blocks->len) {
		lr_block_t *last = g_ptr_array_index(report->blocks, report->blocks->len - 1);
		if (last->kind == LR_BLOCK_CARDS)
			block = last;
	}
	if (!block) {
		block = lr_report_append_block(report, LR_BLOCK_CARDS);
		block->cards = g_ptr_array_new_with_free_func((GDestroyNotify) lr_card_spec_free);
	}
	g_ptr_array_add(block->cards, card);
	invalidate(report);
	return block;
}

lr_block_t *
lr_report_append_table(lr_report_t *report, lr_table_spec_t *table)
{
	lr_block_t *block = usable(report) && table ? lr_report_append_block(report, LR_BLOCK_TABLE)
						    : NULL;

	if (!block) {
		lr_table_spec_free(table);
		return NULL;
	}
	block->table = table;
	return block;
}

/* ---- The public adders ---------------------------------------------------------------- */

static bool
check_text(lr_report_t *report, const char *text, const char *function)
{
	if (!usable(report))
		return false;
	if (!text) {
		lr_report_record_error(report, LR_STATUS_NULL_POINTER, NULL, 0, 0, "%s: text is NULL",
				       function);
		return false;
	}
	if (!g_utf8_validate(text, -1, NULL)) {
		lr_report_record_error(report, LR_STATUS_INVALID_UTF8, NULL, 0, 0,
				       "%s: text is not valid UTF-8", function);
		return false;
	}
	return true;
}

/* As check_text(), for text set on one line or a few: headings and captions. */
static bool
check_label(lr_report_t *report, const char *text, const char *function)
{
	if (!check_text(report, text, function))
		return false;
	if (strlen(text) > LR_LABEL_LENGTH_MAX) {
		lr_report_record_error(report, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				       "%s: the text is %zu bytes long, above the limit of %u bytes "
				       "for a label (LR_LABEL_LENGTH_MAX)", function, strlen(text),
				       LR_LABEL_LENGTH_MAX);
		return false;
	}
	return true;
}

void
lr_report_add_heading(lr_report_t *report, int level, const char *text)
{
	if (!check_label(report, text, "lr_report_add_heading"))
		return;
	if (level < 1 || level > 3) {
		lr_report_record_error(report, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				       "lr_report_add_heading: level %d is not 1, 2 or 3", level);
		return;
	}
	lr_report_append_heading(report, level, runs_from_plain(text));
}

void
lr_report_add_paragraph(lr_report_t *report, const char *text)
{
	if (!check_text(report, text, "lr_report_add_paragraph"))
		return;
	lr_report_append_text(report, LR_BLOCK_PARAGRAPH, 1, runs_from_plain(text), NULL);
}

void
lr_report_add_markdown(lr_report_t *report, const char *markdown)
{
	if (!check_text(report, markdown, "lr_report_add_markdown"))
		return;
	lr_report_read_spec(report, markdown, strlen(markdown), "<markdown>", false, NULL);
}

void
lr_report_add_chart(lr_report_t *report, lr_chart_t *chart, const char *caption)
{
	/* The chart is the report's from here on, whatever happens. */
	if (!usable(report)) {
		lr_chart_destroy(chart);
		return;
	}
	if (!chart) {
		lr_report_record_error(report, LR_STATUS_NULL_POINTER, NULL, 0, 0,
				       "lr_report_add_chart: chart is NULL");
		return;
	}
	if (lr_chart_status(chart) != LR_STATUS_SUCCESS) {
		const lr_error_t *error = lr_chart_get_error(chart);
		lr_report_record_error(report, lr_chart_status(chart), NULL, 0, 0,
				       "lr_report_add_chart: the chart is in error: %s",
				       error ? error->message : "unknown");
		lr_chart_destroy(chart);
		return;
	}
	if (caption && !check_label(report, caption, "lr_report_add_chart")) {
		lr_chart_destroy(chart);
		return;
	}
	lr_report_append_figure(report, chart, caption ? runs_from_plain(caption) : NULL);
}

static bool
check_indicator(lr_report_t *report, const char *indicator, const char *function)
{
	if (!check_text(report, indicator, function))
		return false;
	if (!report->dataset || !lr_dataset_find_indicator(report->dataset, indicator)) {
		lr_report_record_error(report, LR_STATUS_UNKNOWN_INDICATOR, NULL, 0, 0,
				       "%s: unknown indicator '%s'", function, indicator);
		return false;
	}
	return true;
}

void
lr_report_add_key_figure(lr_report_t *report, const char *indicator, const char *entity,
			 int year, const char *label)
{
	lr_card_spec_t *card;

	if (!check_indicator(report, indicator, "lr_report_add_key_figure"))
		return;
	if ((entity && !check_label(report, entity, "lr_report_add_key_figure")) ||
	    (label && !check_label(report, label, "lr_report_add_key_figure")))
		return;
	if (!lr_report_find_observation(report, indicator, entity, year)) {
		lr_report_record_error(report, LR_STATUS_NO_DATA, NULL, 0, 0,
				       "lr_report_add_key_figure: no figure of '%s' for %s%s%d",
				       indicator, entity ? entity : report->default_entity,
				       year ? " in " : "", year ? year : 0);
		return;
	}
	card = g_new0(lr_card_spec_t, 1);
	card->indicator = g_strdup(indicator);
	card->entity = entity ? lr_utf8_normalize(entity, -1, NULL) : NULL;
	card->year = year;
	card->label = label ? lr_utf8_normalize(label, -1, NULL) : NULL;
	lr_report_append_card(report, card);
}

void
lr_report_add_table(lr_report_t *report, const char *const *indicators, size_t indicator_count,
		    const char *const *entities, size_t entity_count, const int *years,
		    size_t year_count, const char *title)
{
	lr_table_spec_t *table;

	if (!usable(report))
		return;
	if (!indicators || !indicator_count || (entity_count && !entities) ||
	    (year_count && !years)) {
		lr_report_record_error(report, LR_STATUS_NULL_POINTER, NULL, 0, 0,
				       "lr_report_add_table: a list is NULL or there is no indicator");
		return;
	}
	for (size_t i = 0; i < indicator_count; i++)
		if (!check_indicator(report, indicators[i], "lr_report_add_table"))
			return;
	for (size_t i = 0; i < entity_count; i++)
		if (!check_label(report, entities[i], "lr_report_add_table"))
			return;
	if (title && !check_label(report, title, "lr_report_add_table"))
		return;
	table = lr_table_spec_new(true);
	for (size_t i = 0; i < indicator_count; i++)
		g_ptr_array_add(table->indicators, g_strdup(indicators[i]));
	for (size_t i = 0; i < entity_count; i++)
		g_ptr_array_add(table->entities, lr_utf8_normalize(entities[i], -1, NULL));
	for (size_t i = 0; i < year_count; i++)
		g_array_append_val(table->years, years[i]);
	table->caption = title ? runs_from_plain(title) : NULL;
	lr_report_append_table(report, table);
}

void
lr_report_add_page_break(lr_report_t *report)
{
	lr_report_append_block(report, LR_BLOCK_PAGE_BREAK);
}

/* ---- Layout and output ---------------------------------------------------------------- */

void
lr_report_context_cite(lr_report_context_t *context, const char *source)
{
	if (!context || !context->sources || !source || !*source)
		return;
	if (!g_hash_table_contains(context->sources, source))
		g_hash_table_insert(context->sources, g_strdup(source),
				    GINT_TO_POINTER(g_hash_table_size(context->sources)));
}

/* The cached page plan, laid out when missing. Errors go to last_error, not the status. */
static const lr_report_layout_t *
get_layout(lr_report_t *report)
{
	lr_error_record_clear(&report->last_error);
	if (report->status != LR_STATUS_SUCCESS) {
		const lr_error_t *first = lr_report_get_error(report, 0);
		lr_error_record_set(&report->last_error, report->status, first ? first->file : NULL,
				    first ? first->line : 0, first ? first->column : 0, "%s",
				    first ? first->message : lr_status_to_string(report->status));
		return NULL;
	}
	/* The plan holds Pango layouts of the thread that made it, and Pango objects are not
	 * shared between threads: another thread lays the report out again for itself. */
	if (report->layout) {
		lr_status_t status = LR_STATUS_SUCCESS;
		if (lr_fonts_get_context(&status) != report->layout->pango)
			invalidate(report);
	}
	if (!report->layout)
		report->layout = lr_report_layout_build(report, &report->last_error);
	return report->layout;
}

int
lr_report_get_page_count(lr_report_t *report)
{
	const lr_report_layout_t *layout;

	if (!report || report == &inert_report)
		return 0;
	layout = get_layout(report);
	return layout ? (int) layout->pages->len : 0;
}

lr_status_t
lr_report_draw_page(lr_report_t *report, int index, cairo_t *cr)
{
	const lr_report_layout_t *layout;
	lr_status_t status;

	if (!report || report == &inert_report || !cr)
		return lr_error(LR_STATUS_NULL_POINTER);
	layout = get_layout(report);
	if (!layout)
		return report->last_error.public.status;
	if (index < 0 || (guint) index >= layout->pages->len)
		return lr_error_record_set(&report->last_error, LR_STATUS_INVALID_ARGUMENT, NULL, 0,
					   0, "page %d does not exist: the report has %u pages",
					   index + 1, layout->pages->len);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return lr_error_record_set(&report->last_error, LR_STATUS_CAIRO_ERROR, NULL, 0, 0,
					   "the cairo context is in error: %s",
					   cairo_status_to_string(cairo_status(cr)));
	cairo_save(cr);
	status = lr_report_page_draw(report, layout, index, cr, &report->last_error);
	cairo_restore(cr);
	return status;
}

lr_status_t
lr_report_write(lr_report_t *report, const char *path, lr_file_format_t format, double dpi)
{
	const lr_report_layout_t *layout;
	GByteArray *bytes;
	lr_status_t status;

	if (!report || report == &inert_report || !path)
		return lr_error(LR_STATUS_NULL_POINTER);
	layout = get_layout(report);
	if (!layout)
		return report->last_error.public.status;
	if (format == LR_FORMAT_AUTO)
		format = lr_output_format_from_path(path);
	switch (format) {
	case LR_FORMAT_PDF:
		bytes = lr_report_render_pdf(report, layout, &report->last_error);
		if (!bytes)
			return report->last_error.public.status;
		status = lr_output_write_bytes(path, bytes->data, bytes->len, &report->last_error);
		g_byte_array_unref(bytes);
		return status;
	case LR_FORMAT_PNG:
		return lr_report_write_png_pages(report, layout, path, dpi, &report->last_error);
	default:
		return lr_error_record_set(&report->last_error, LR_STATUS_INVALID_ARGUMENT, path, 0,
					   0, "a report is written as .pdf or .png pages");
	}
}

char *
lr_report_describe_layout(lr_report_t *report)
{
	const lr_report_layout_t *layout;
	char *text, *copy;

	if (!report || report == &inert_report)
		return NULL;
	layout = get_layout(report);
	if (!layout)
		return NULL;
	text = lr_report_layout_describe(layout);
	/* lr_free() is free(): hand back malloc'd memory. */
	copy = strdup(text);
	g_free(text);
	return copy;
}
