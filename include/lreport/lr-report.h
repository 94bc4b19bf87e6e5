/* libreport: reports. A multi-page document (cover, contents, sections, key figures, charts,
 * tables, sources) read from a Markdown spec or built in code, written as a tagged PDF or as
 * PNG pages, or drawn page by page onto any cairo context.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#if !defined(LR_H_INSIDE) && !defined(LR_COMPILATION)
#error "Only <lreport/lreport.h> can be included directly."
#endif

#ifndef LR_REPORT_H
#define LR_REPORT_H

#include <stddef.h>
#include <cairo.h>
#include <lreport/lr-common.h>
#include <lreport/lr-dataset.h>
#include <lreport/lr-theme.h>
#include <lreport/lr-chart.h>

LR_BEGIN_DECLS

/**
 * lr_report_t:
 *
 * A document: its metadata (title, subtitle, issuing body, date, language, page size), a
 * dataset that its figures, tables and references draw from, and a list of blocks
 * (headings, paragraphs, lists, figures, key figures, tables). The cover, the contents page
 * and the sources page are generated from them.
 *
 * Errors follow the chart's model. Errors in the specification (a spec file's mistakes, an
 * unknown indicator, a bad argument to an adder) are sticky: the first is the report's
 * status and later adders do nothing; a spec file's errors are all recorded, in file order,
 * so they can be listed at once (lr_report_get_error_count()). Layout, drawing and writing
 * errors are returned by the call that met them and do not change the report's status.
 *
 * The report keeps a reference to its dataset and theme, and never changes either. Reports
 * are independent: different threads may lay out and write different reports at once. One
 * report is used by one thread at a time; it may move between threads (its page plan is then
 * laid out again in the new thread, since Pango objects are not shared across threads).
 * Since: 0.2
 */
typedef struct lr_report lr_report_t;

/** lr_page_size_t: the paper. Since: 0.2 */
typedef enum {
	LR_PAGE_A4 = 0, /* 210 × 297 mm, portrait (the default) */
	LR_PAGE_A5,     /* 148 × 210 mm */
	LR_PAGE_LETTER  /* 8.5 × 11 in */
} lr_page_size_t;

/**
 * lr_page_size_from_string:
 * @name: "a4", "a5" or "letter" (case-insensitive)
 * @size: (out): where to store the size
 * Returns: LR_STATUS_SUCCESS, or LR_STATUS_INVALID_ARGUMENT for another name.
 * Since: 0.2
 */
LR_EXTERN lr_status_t
lr_page_size_from_string(const char *name, lr_page_size_t *size);

/** lr_page_size_to_string: Returns: "a4", "a5", "letter", or NULL for another value. Since: 0.2 */
LR_EXTERN const char *
lr_page_size_to_string(lr_page_size_t size);

/**
 * lr_report_create:
 * @dataset: the data for figures, key figures, tables and references (referenced); NULL
 *   for a report of text only
 *
 * Returns: a new empty report (Vietnamese, A4, the default theme), never NULL: an inert one
 * with an error status when @dataset has errors or memory runs out. Free with
 * lr_report_destroy().
 * Since: 0.2
 */
LR_EXTERN lr_report_t *
lr_report_create(lr_dataset_t *dataset);

/**
 * lr_report_load:
 * @path: a report spec: Markdown with a front-matter block (see data/README.md)
 * @dataset: the data (referenced), or NULL to load the folder the front matter names
 *   (`data:`, relative to the spec's folder), else the bundled dataset
 *
 * Reads and checks the whole spec: every mistake (an unknown key or indicator, a bad value,
 * a reference with no data, an unterminated fence, invalid UTF-8) is recorded with the
 * spec's file name, line and column.
 *
 * Returns: a new report, never NULL; check lr_report_status(). Free with lr_report_destroy().
 * Since: 0.2
 */
LR_EXTERN lr_report_t *
lr_report_load(const char *path, lr_dataset_t *dataset);

/**
 * lr_report_load_from_memory:
 * @text: the spec's bytes (need not be NUL-terminated)
 * @length: their number
 * @name: the name errors give as the file (copied), e.g. "briefing.md"; NULL for "<memory>"
 * @dataset: as for lr_report_load(), but a `data:` folder is relative to the current one
 *
 * As lr_report_load(), from memory.
 * Since: 0.2
 */
LR_EXTERN lr_report_t *
lr_report_load_from_memory(const char *text, size_t length, const char *name,
			   lr_dataset_t *dataset);

/** lr_report_destroy: frees @report and drops its references. NULL is ignored. Since: 0.2 */
LR_EXTERN void
lr_report_destroy(lr_report_t *report);

/** lr_report_status: Returns: LR_STATUS_SUCCESS or the first specification error. Since: 0.2 */
LR_EXTERN lr_status_t
lr_report_status(const lr_report_t *report);

/** lr_report_get_error_count: Returns: how many specification errors are recorded. Since: 0.2 */
LR_EXTERN size_t
lr_report_get_error_count(const lr_report_t *report);

/**
 * lr_report_get_error:
 * @report: a report
 * @index: 0 for the first error
 * Returns: the error, owned by @report and valid until it is destroyed, or NULL when
 * @index is out of range.
 * Since: 0.2
 */
LR_EXTERN const lr_error_t *
lr_report_get_error(const lr_report_t *report, size_t index);

/**
 * lr_report_get_last_error:
 * Returns: the error of the last layout, draw or write call that failed on @report (owned by
 * @report, valid until the next such call), or NULL when the last one succeeded.
 * Since: 0.2
 */
LR_EXTERN const lr_error_t *
lr_report_get_last_error(const lr_report_t *report);

/* Metadata. Text is UTF-8, NFC or NFD, copied, at most LR_LABEL_LENGTH_MAX bytes (since 0.3;
 * longer text is the error LR_STATUS_INVALID_ARGUMENT); NULL clears. The title and subtitle are on
 * the cover and the title in every running header; all of them go into the PDF's metadata. */

/** lr_report_set_title: the report's title. Since: 0.2 */
LR_EXTERN void
lr_report_set_title(lr_report_t *report, const char *title);

/** lr_report_set_subtitle: the line under the title on the cover. Since: 0.2 */
LR_EXTERN void
lr_report_set_subtitle(lr_report_t *report, const char *subtitle);

/** lr_report_set_author: the issuing body (the PDF's author). Since: 0.2 */
LR_EXTERN void
lr_report_set_author(lr_report_t *report, const char *author);

/** lr_report_set_date: the date printed on the cover, as written ("Tháng 2 năm 2025"). Since: 0.2 */
LR_EXTERN void
lr_report_set_date(lr_report_t *report, const char *date);

/** lr_report_set_subject: the PDF's subject. Since: 0.2 */
LR_EXTERN void
lr_report_set_subject(lr_report_t *report, const char *subject);

/** lr_report_set_keywords: the PDF's keywords, comma-separated. Since: 0.2 */
LR_EXTERN void
lr_report_set_keywords(lr_report_t *report, const char *keywords);

/**
 * lr_report_set_language:
 * The language of the generated words (contents, captions "Hình 3.", "Trang 3/12"), of
 * numbers, of charts and of the PDF's /Lang. Default Vietnamese.
 * Since: 0.2
 */
LR_EXTERN void
lr_report_set_language(lr_report_t *report, lr_language_t language);

/** lr_report_get_language: Since: 0.2 */
LR_EXTERN lr_language_t
lr_report_get_language(const lr_report_t *report);

/** lr_report_set_page_size: A4 (default), A5 or Letter, portrait. Since: 0.2 */
LR_EXTERN void
lr_report_set_page_size(lr_report_t *report, lr_page_size_t size);

/**
 * lr_report_set_theme:
 * @report: a report
 * @theme: the theme for pages and charts alike (referenced); NULL restores the default.
 * A figure's chart is drawn with the report's theme.
 * Since: 0.2
 */
LR_EXTERN void
lr_report_set_theme(lr_report_t *report, lr_theme_t *theme);

/**
 * lr_report_set_justify:
 * @report: a report
 * @justify: true (default) for justified body text, false for ragged right. Lines break at
 * spaces only, never with a hyphen, either way.
 * Since: 0.2
 */
LR_EXTERN void
lr_report_set_justify(lr_report_t *report, bool justify);

/* Content, appended in order. */

/**
 * lr_report_add_heading:
 * @report: a report
 * @level: 1 for a section (a new page, in the contents and the outline), 2 for a
 *   subsection (in the contents and the outline, nested)
 * @text: plain UTF-8 text, at most LR_LABEL_LENGTH_MAX bytes (since 0.3)
 * Since: 0.2
 */
LR_EXTERN void
lr_report_add_heading(lr_report_t *report, int level, const char *text);

/**
 * lr_report_add_paragraph:
 * @report: a report
 * @text: plain UTF-8 text, never parsed as markup (for styles and references use
 *   lr_report_add_markdown())
 * Since: 0.2
 */
LR_EXTERN void
lr_report_add_paragraph(lr_report_t *report, const char *text);

/**
 * lr_report_add_markdown:
 * @report: a report
 * @markdown: a spec body (no front matter): Markdown with fenced `chart`, `figures` and
 *   `table` blocks and {{references}}, as in a spec file
 *
 * Errors are located by line and column within @markdown, under the file name "<markdown>".
 * Since: 0.2
 */
LR_EXTERN void
lr_report_add_markdown(lr_report_t *report, const char *markdown);

/**
 * lr_report_add_chart:
 * @report: a report
 * @chart: the chart, which the report takes over (it destroys it, also when this call fails:
 *   do not use @chart afterwards). Its theme and language are replaced by the report's; its
 *   dataset should be the report's.
 * @caption: text after "Hình N." / "Figure N.", or NULL for the chart's title; at most
 *   LR_LABEL_LENGTH_MAX bytes (since 0.3)
 *
 * Adds a figure: the chart, drawn as vectors at the column's width, with its caption and its
 * alternative text (generated from its data) for the PDF.
 * Since: 0.2
 */
LR_EXTERN void
lr_report_add_chart(lr_report_t *report, lr_chart_t *chart, const char *caption);

/**
 * lr_report_add_key_figure:
 * @report: a report
 * @indicator: an indicator of the report's dataset
 * @entity: the entity, or NULL for the indicator's only one (or "Việt Nam")
 * @year: the year, or 0 for the latest with data
 * @label: the card's label, or NULL for the indicator's name (the label and @entity at most
 *   LR_LABEL_LENGTH_MAX bytes each, since 0.3)
 *
 * Adds a card (the value in large type, its label, the change against the previous year with
 * its direction, and whether it is an estimate or target) to the row of cards that ends the
 * report so far, or starts a row. Rows wrap to the column's width.
 * Since: 0.2
 */
LR_EXTERN void
lr_report_add_key_figure(lr_report_t *report, const char *indicator, const char *entity,
			 int year, const char *label);

/**
 * lr_report_add_table:
 * @report: a report
 * @indicators: indicator ids, @indicator_count of them (at least one)
 * @indicator_count: how many @indicators
 * @entities: entity names, or NULL (with @entity_count 0) for the default entity; several
 *   entities with one indicator make entity rows
 * @entity_count: how many @entities
 * @years: the columns, or NULL (with @year_count 0) for every year with data
 * @year_count: how many @years
 * @title: the table's caption after "Bảng N." / "Table N.", or NULL for none (it and each
 *   entity at most LR_LABEL_LENGTH_MAX bytes, since 0.3)
 *
 * Adds a data table: rows of indicators (or entities) × year columns, with the unit in each
 * row's header, numbers in the report's language aligned on the decimal separator, estimates
 * and ranges marked with a footnote and the sources under it. A table longer than a page
 * continues on the next with its header row repeated.
 * Since: 0.2
 */
LR_EXTERN void
lr_report_add_table(lr_report_t *report, const char *const *indicators, size_t indicator_count,
		    const char *const *entities, size_t entity_count, const int *years,
		    size_t year_count, const char *title);

/** lr_report_add_page_break: the next block starts a new page. Since: 0.2 */
LR_EXTERN void
lr_report_add_page_break(lr_report_t *report);

/* Output. Each lays the report out first (cached until the report changes). */

/**
 * lr_report_get_page_count:
 * Returns: the number of pages (cover and contents included), or 0 on error (see
 * lr_report_get_last_error()).
 * Since: 0.2
 */
LR_EXTERN int
lr_report_get_page_count(lr_report_t *report);

/**
 * lr_report_get_page_size:
 * @report: a report
 * @width, @height: (out): the page in points (1/72 in)
 * Since: 0.2
 */
LR_EXTERN void
lr_report_get_page_size(const lr_report_t *report, double *width, double *height);

/**
 * lr_report_draw_page:
 * @report: a report
 * @index: 0 for the cover
 * @cr: any cairo context; the page is drawn with its top-left corner at the user-space
 *   origin, in points (scale @cr for another size); the state is saved and restored
 *
 * Draws one page, as in the PDF (on a PDF surface, with its tags and links).
 * Returns: LR_STATUS_SUCCESS or the error (readable with lr_report_get_last_error()).
 * Since: 0.2
 */
LR_EXTERN lr_status_t
lr_report_draw_page(lr_report_t *report, int index, cairo_t *cr);

/**
 * lr_report_write:
 * @report: a report
 * @path: a .pdf file, or a .png name from which page files are named: "out/b.png" gives
 *   "out/b-01.png", "out/b-02.png", … (two digits, more for 100 pages or more)
 * @format: LR_FORMAT_PDF, LR_FORMAT_PNG, or LR_FORMAT_AUTO for @path's extension
 * @dpi: the resolution of PNG pages (e.g. 150); ignored for PDF (pass 0)
 *
 * Writes the report. A PDF has a nested outline from the headings, metadata, page labels,
 * internal links, structure tags (the document is tagged), /Lang and alternative text on
 * every figure (cairo 1.16's tag API cannot write those two: qpdf adds them, through its C
 * API, after cairo has written the PDF). Every file is written to a temporary file and renamed; on failure no new file
 * is left. The same report gives the same bytes (dates from SOURCE_DATE_EPOCH when set).
 * Returns: LR_STATUS_SUCCESS or the error (readable with lr_report_get_last_error()).
 * Since: 0.2
 */
LR_EXTERN lr_status_t
lr_report_write(lr_report_t *report, const char *path, lr_file_format_t format, double dpi);

/**
 * lr_report_describe_layout:
 * Returns: the page plan as text, one line per page and per placed block: its kind, page,
 * box in points and, for text, its first words; for layout goldens and debugging. Free with
 * lr_free(). NULL on error.
 * Since: 0.2
 */
LR_EXTERN char *
lr_report_describe_layout(lr_report_t *report);

LR_END_DECLS

#endif /* LR_REPORT_H */
