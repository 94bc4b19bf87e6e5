/* libreport (private): the report's document model and the contracts between its modules.
 *
 * The flow runs one way (see DESIGN.md):
 *
 *   report-spec.c   Markdown spec (cmark-gfm) → blocks, through the builders below
 *   report-ref.c    {{references}}: parsed at load, checked against the dataset, formatted
 *   report.c        the object, the public API, the builders
 *   report-table.c, report-cards.c   a data or Markdown table / a row of key-figure cards:
 *                   expanded from the dataset in the report's language, measured, drawn
 *   report-layout.c measures every block at the column width and paginates: the page plan
 *   report-page.c   draws one page of the plan (running header, footer, blocks, tags, links)
 *   report-pdf.c    the PDF (outline, metadata, page labels) or PNG pages; report-pdf-tags.c
 *                   adds what cairo cannot (/Lang, figures' /Alt) with qpdf
 *
 * Invariants:
 * 1. The model is what the spec or the caller said: text is NFC, references stay references
 *    and charts stay specifications until layout, so the language may change after load.
 * 2. Layout never writes into the report's model: it builds a plan (lr_report_layout_t),
 *    owned by the report as a cache and dropped whenever the model changes.
 * 3. Lengths are in points (1/72 in), y down, the page's top-left corner at 0, 0.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_REPORT_PRIVATE_H
#define LR_REPORT_PRIVATE_H

#include <stdbool.h>
#include <lreport/lreport.h>
#include <lreport/lr-report.h>
#include "common-private.h"
#include "text-private.h"
#include "theme-private.h"

/* ---- Inline text ------------------------------------------------------------------- */

typedef enum {
	LR_STYLE_BOLD = 1 << 0,
	LR_STYLE_ITALIC = 1 << 1,
	LR_STYLE_CODE = 1 << 2
} lr_style_flags_t;

/* What a {{reference}} prints. */
typedef enum {
	LR_REF_VALUE = 0,  /* the figure as the charts print it: "71/193", "20,5 tỷ USD", "16,5%" */
	LR_REF_NUMBER,     /* the number alone, no unit: "20,5" */
	LR_REF_CHANGE,     /* against the entity's previous year: "tăng 15 bậc", "+23%" */
	LR_REF_PREVIOUS,   /* the previous year's value: "86/193" */
	LR_REF_PREVIOUS_YEAR, /* the previous year with data: "2022" */
	LR_REF_YEAR,       /* the year referred to (useful with the latest): "2024" */
	LR_REF_TOTAL       /* the N of a rank: "193" */
} lr_ref_form_t;

/* {{indicator}}, {{indicator 2024}}, {{indicator "Hà Nội" 2024 change}} … (report-ref.c). */
typedef struct {
	char *indicator;
	char *entity;      /* NFC, or NULL for the indicator's default entity */
	int year;          /* 0: the latest year with data */
	lr_ref_form_t form;
	char *file;        /* where the reference is, for errors; NULL from the API */
	unsigned line, column;
} lr_reference_t;

typedef enum {
	LR_RUN_TEXT = 0,
	LR_RUN_REFERENCE,
	LR_RUN_LINE_BREAK  /* a hard break inside a paragraph */
} lr_run_kind_t;

/* A stretch of inline text with one style. A paragraph is a GArray of runs. */
typedef struct {
	lr_run_kind_t kind;
	char *text;             /* LR_RUN_TEXT: NFC UTF-8 */
	unsigned style;         /* lr_style_flags_t */
	char *link;             /* a URL or "#anchor", or NULL */
	lr_reference_t *reference; /* LR_RUN_REFERENCE */
} lr_run_t;

/* A new empty run array (elements lr_run_t, cleared by lr_run_clear). */
GArray *lr_runs_new(void);
/* Appends a text run (copied; normalised to NFC here). */
void lr_runs_append_text(GArray *runs, const char *text, gssize length, unsigned style,
			 const char *link);
/* Appends a reference run; takes @reference over. */
void lr_runs_append_reference(GArray *runs, lr_reference_t *reference, unsigned style,
			      const char *link);
void lr_runs_append_break(GArray *runs);
void lr_run_clear(lr_run_t *run);
void lr_reference_free(lr_reference_t *reference);

/* ---- Blocks ------------------------------------------------------------------------ */

typedef enum {
	LR_BLOCK_HEADING = 0,
	LR_BLOCK_PARAGRAPH,
	LR_BLOCK_LIST_ITEM,
	LR_BLOCK_QUOTE,        /* a block quote's paragraph: indented, muted */
	LR_BLOCK_FIGURE,       /* a chart and its caption */
	LR_BLOCK_CARDS,        /* a row of key-figure cards */
	LR_BLOCK_TABLE,        /* a data table or a Markdown table */
	LR_BLOCK_PAGE_BREAK,
	LR_BLOCK_KIND_LAST
} lr_block_kind_t;

/* One key-figure card, as specified; report-cards.c looks the figures up at layout. */
typedef struct {
	char *indicator;
	char *entity;   /* NULL: the default entity */
	int year;       /* 0: the latest */
	char *label;    /* NULL: the indicator's name */
	unsigned line, column;
} lr_card_spec_t;

/* A table: from the dataset (indicators × years, or entities × years), or literal cells
 * from a Markdown table. */
typedef struct {
	bool from_data;
	/* from_data */
	GPtrArray *indicators;  /* char * ids */
	GPtrArray *entities;    /* char *, NFC; empty: the default entity */
	GArray *years;          /* int; empty: every year with data */
	/* Markdown */
	int column_count;
	GArray *alignments;     /* int per column: -1 left, 0 centre, 1 right (default left) */
	GPtrArray *header;      /* GArray of runs per column */
	GPtrArray *rows;        /* GPtrArray (of column_count GArray of runs) per row */
	/* both */
	GArray *caption;        /* runs after "Bảng N.", or NULL */
} lr_table_spec_t;

typedef struct {
	lr_block_kind_t kind;
	char *file;             /* the spec the block is from (NULL from the C API) */
	unsigned line;
	/* heading (level 1–3), paragraph, list item (level = nesting, 1 first), quote */
	int level;
	GArray *runs;
	char *marker;           /* list item: "•", "–", "3." */
	char *anchor;           /* heading: its link destination ("section-3"), set at add */
	/* figure */
	lr_chart_t *chart;      /* owned */
	GArray *caption;        /* runs, or NULL for the chart's own title */
	double aspect;          /* height / width of the chart; 0: the default (0.56) */
	/* cards */
	GPtrArray *cards;       /* lr_card_spec_t * */
	/* table */
	lr_table_spec_t *table;
} lr_block_t;

/* ---- The report object ------------------------------------------------------------- */

typedef struct lr_report_layout lr_report_layout_t;

struct lr_report {
	lr_status_t status;
	GPtrArray *errors;          /* lr_error_record_t *: every specification error */
	lr_error_record_t last_error; /* of the last layout, draw or write */
	lr_dataset_t *dataset;      /* may be NULL */
	lr_theme_t *theme;
	lr_language_t language;
	lr_page_size_t page_size;
	bool justify;
	char *title, *subtitle, *author, *date, *subject, *keywords;
	char *default_entity;       /* for references and cards without one: "Việt Nam" */
	char *base_dir;             /* the spec's folder: a `data:` folder is relative to it */
	GPtrArray *blocks;          /* lr_block_t * */
	int heading_count;          /* to name anchors */
	lr_report_layout_t *layout; /* cache; NULL when stale */
};

/* Records a specification error (every one is kept; the first is the status). Returns
 * @status. @file may be NULL. */
lr_status_t lr_report_record_error(lr_report_t *report, lr_status_t status, const char *file,
				   unsigned line, unsigned column, const char *format, ...)
	G_GNUC_PRINTF(6, 7);

/* Builders (report.c). They take ownership of the arrays passed, mark the layout stale and
 * return the block added (NULL when the report is in error). */
lr_block_t *lr_report_append_block(lr_report_t *report, lr_block_kind_t kind);
lr_block_t *lr_report_append_heading(lr_report_t *report, int level, GArray *runs);
lr_block_t *lr_report_append_text(lr_report_t *report, lr_block_kind_t kind, int level,
				  GArray *runs, const char *marker);
lr_block_t *lr_report_append_figure(lr_report_t *report, lr_chart_t *chart, GArray *caption);
lr_block_t *lr_report_append_card(lr_report_t *report, lr_card_spec_t *card);
lr_block_t *lr_report_append_table(lr_report_t *report, lr_table_spec_t *table);
void lr_card_spec_free(lr_card_spec_t *card);
lr_table_spec_t *lr_table_spec_new(bool from_data);
void lr_table_spec_free(lr_table_spec_t *table);

/* ---- Spec reading (report-spec.c, report-ref.c) --------------------------------------- */

/* Reads a spec from memory into @report: the front matter (when @front_matter) sets the
 * metadata, the body appends blocks. Every error is recorded with @file and its line and
 * column. The report's base_dir resolves a `data:` folder; *@data_dir receives it (g_free)
 * when the front matter names one and @data_dir is not NULL. Returns the report's status. */
lr_status_t lr_report_read_spec(lr_report_t *report, const char *text, size_t length,
				const char *file, bool front_matter, char **data_dir);

/* Gives the report a dataset if it has none yet: the folder @data_dir (relative to the spec's
 * folder; NULL: the spec's folder when it holds indicators.csv, else $LREPORT_DATA_DIR).
 * report-spec.c calls it after the front matter and before the body, whose charts and
 * references need the data. Dataset errors are recorded at @file:@line. */
lr_status_t lr_report_ensure_dataset(lr_report_t *report, const char *data_dir, const char *file,
				     unsigned line);

/* Parses the inside of {{…}} (@text, @length bytes, at @line/@column of @file) into a
 * reference, or returns NULL after recording the error. Checks it against the report's
 * dataset when it has one (unknown indicator or entity, no data). */
lr_reference_t *lr_reference_parse(lr_report_t *report, const char *text, size_t length,
				   const char *file, unsigned line, unsigned column);

/* The reference's text in @language (g_free), or NULL with @error set. When @source is not
 * NULL it receives the observation's source file (owned by the dataset) or NULL. */
char *lr_reference_format(const lr_report_t *report, const lr_reference_t *reference,
			  lr_language_t language, const char **source, lr_error_record_t *error);

/* The observation an (indicator, entity, year) triple means: entity NULL is the default
 * entity, year 0 the latest with a value; prefers actual figures over estimates. NULL when
 * there is none. */
const lr_observation_t *lr_report_find_observation(const lr_report_t *report,
						   const char *indicator, const char *entity,
						   int year);
/* The same entity's observation of the nearest earlier year, or NULL. */
const lr_observation_t *lr_report_find_previous(const lr_report_t *report,
						const lr_observation_t *observation);
/* The dataset's name of @entity (NFC or NFD, the dataset's name or its English one, else
 * loosely: without diacritics, case or punctuation) among the observations of @indicator
 * (NULL: of any indicator), owned by the dataset; NULL when none has it. (report-ref.c) */
const char *lr_report_resolve_entity(const lr_report_t *report, const char *indicator,
				     const char *entity);
/* "; did you mean 'Hà Nội'?" for an entity with no figure of @indicators (@count of them;
 * 0: of any) close to one that has, else "" (g_free). For error messages. (report-ref.c) */
char *lr_report_suggest_entity(const lr_report_t *report, const char *const *indicators,
			       size_t count, const char *entity);
/* " (did you mean 'egdi_rank'?)" for an unknown indicator id close to a known one (at most
 * two edits), else "" (g_free). For error messages. (report-ref.c) */
char *lr_report_suggest_indicator(const lr_report_t *report, const char *id);

/* ---- Layout: what block modules share ---------------------------------------------- */

/* Sizes and colours of pages, from the theme (lr_report_style_init() fills it). */
typedef struct {
	const char *font_family;
	double body_size, small_size, h1_size, h2_size, h3_size, title_size, card_value_size;
	double line_spacing;        /* Pango line spacing factor for body text */
	double paragraph_gap;       /* space after a paragraph */
	lr_color_t text, muted, accent, rule, background, better, worse, panel;
} lr_report_style_t;

/* The page style of @report's theme for pages @page_width points wide (report-layout.c). */
void lr_report_style_init(const lr_report_t *report, double page_width, lr_report_style_t *style);

/* What measuring and drawing a block needs. */
typedef struct {
	const lr_report_t *report;
	lr_language_t language;
	PangoContext *pango;
	const lr_report_style_t *style;
	GHashTable *sources;        /* source files cited (char * → GINT_TO_POINTER(order)) */
	lr_error_record_t *error;
} lr_report_context_t;

/* Notes that a source file was cited (keeps the first-use order). */
void lr_report_context_cite(lr_report_context_t *context, const char *source);

/* Text in the report's fonts: @runs laid out at @width with @size and @flags (bold),
 * references formatted in the context's language. Returns NULL with the context's error
 * set. (report-page.c) */
PangoLayout *lr_report_layout_runs(lr_report_context_t *context, const GArray *runs,
				   double size, bool bold, double width, bool justify);
/* Plain text (NFC, no markup) in the report's fonts; width <= 0: one line. */
PangoLayout *lr_report_layout_plain(lr_report_context_t *context, const char *utf8,
				    double size, bool bold, double width, PangoAlignment align);

/* A table or a card row measured at one width (report-table.c, report-cards.c). The
 * paginator splits tables between body rows and repeats the header row. */
typedef struct lr_table_layout lr_table_layout_t;
lr_table_layout_t *lr_table_layout_new(lr_report_context_t *context, const lr_block_t *block,
				       int number, double width);
double lr_table_layout_caption_height(const lr_table_layout_t *table);  /* "Bảng 2. …" */
double lr_table_layout_header_height(const lr_table_layout_t *table);
int lr_table_layout_row_count(const lr_table_layout_t *table);
double lr_table_layout_row_height(const lr_table_layout_t *table, int row);
double lr_table_layout_footer_height(const lr_table_layout_t *table);   /* notes, sources */
/* Draws the caption (if @caption), the header row, body rows [@first, @first + @count) and
 * the footer (if @footer), from (@x, @y) down; with structure tags Table/TR/TH/TD. */
void lr_table_layout_draw(const lr_table_layout_t *table, cairo_t *cr, double x, double y,
			  bool caption, int first, int count, bool footer);
/* One line per row for describe_layout (g_free). */
char *lr_table_layout_describe(const lr_table_layout_t *table);
void lr_table_layout_free(lr_table_layout_t *table);

typedef struct lr_cards_layout lr_cards_layout_t;
lr_cards_layout_t *lr_cards_layout_new(lr_report_context_t *context, const lr_block_t *block,
				       double width);
double lr_cards_layout_height(const lr_cards_layout_t *cards);
void lr_cards_layout_draw(const lr_cards_layout_t *cards, cairo_t *cr, double x, double y);
char *lr_cards_layout_describe(const lr_cards_layout_t *cards);
void lr_cards_layout_free(lr_cards_layout_t *cards);

/* ---- The page plan (report-layout.c) ----------------------------------------------- */

typedef enum {
	LR_PLACED_COVER = 0,
	LR_PLACED_CONTENTS_TITLE,
	LR_PLACED_CONTENTS_ENTRY,  /* one line of the contents: heading → page */
	LR_PLACED_HEADING,
	LR_PLACED_TEXT,            /* lines [first, first + count) of a paragraph, item or quote */
	LR_PLACED_FIGURE,
	LR_PLACED_CARDS,
	LR_PLACED_TABLE,           /* rows [first, first + count), header repeated */
	LR_PLACED_SOURCE           /* one entry of the sources page */
} lr_placed_kind_t;

typedef struct lr_measured lr_measured_t; /* a block measured at the column width */

typedef struct {
	lr_placed_kind_t kind;
	lr_measured_t *measured;   /* the block's measure (owned by the layout), or NULL */
	int first, count;          /* lines or rows */
	bool caption, footer;      /* table: with its caption / its notes */
	double x, y, width, height;
	int target;                /* contents entry: the heading's index in layout->headings */
} lr_placed_t;

typedef struct {
	GArray *placed;            /* lr_placed_t */
	int section;               /* index into headings of the section the page is in, -1 */
	char *label;               /* the page label: "1", "2" … (cover: none) */
} lr_page_plan_t;

typedef struct {
	const lr_block_t *block;   /* NULL for generated headings (contents, sources) */
	char *text;                /* plain, references formatted */
	int level;
	char *anchor;
	int page;                  /* 0-based page index */
	double y;                  /* of the heading's top on its page */
	int outline_id;            /* for report-pdf.c */
} lr_heading_entry_t;

struct lr_report_layout {
	double page_width, page_height;
	double margin_top, margin_bottom, margin_left, margin_right;
	lr_report_style_t style;
	lr_language_t language;
	PangoContext *pango;       /* of the thread that laid out (not owned) */
	GPtrArray *measured;       /* lr_measured_t * (owned) */
	GPtrArray *pages;          /* lr_page_plan_t * */
	GArray *headings;          /* lr_heading_entry_t, in document order */
	GPtrArray *sources;        /* char * source files cited, in first-use order */
	GPtrArray *figure_alts;    /* char *: alternative text of each figure, in order */
};

/* Lays @report out; on failure returns NULL with @error set. */
lr_report_layout_t *lr_report_layout_build(const lr_report_t *report, lr_error_record_t *error);
void lr_report_layout_free(lr_report_layout_t *layout);
char *lr_report_layout_describe(const lr_report_layout_t *layout);

/* Draws page @index of @layout (report-page.c). On a PDF surface it emits structure tags,
 * link destinations and links. */
lr_status_t lr_report_page_draw(const lr_report_t *report, const lr_report_layout_t *layout,
				int index, cairo_t *cr, lr_error_record_t *error);

/* ---- Output (report-pdf.c, report-pdf-tags.c) -------------------------------------- */

/* The PDF bytes of the whole report (g_byte_array_unref), or NULL with @error set. */
GByteArray *lr_report_render_pdf(const lr_report_t *report, const lr_report_layout_t *layout,
				 lr_error_record_t *error);
/* Rewrites @pdf in place to add what cairo 1.16's tag API cannot: the catalog's /Lang
 * (@lang, "vi" or "en"), /Alt on the structure tree's Figure elements, in document order,
 * from @alts (char *), one Document element around the tree with /MarkInfo (cairo cannot
 * hold a Document tag across pages), and a page-label entry for an unlabelled cover. The
 * output is deterministic. Returns LR_STATUS_SUCCESS or an error. */
lr_status_t lr_pdf_add_accessibility(GByteArray *pdf, const char *lang, const GPtrArray *alts,
				     lr_error_record_t *error);
/* Writes PNG pages at @dpi: @path "x/b.png" gives "x/b-01.png" … */
lr_status_t lr_report_write_png_pages(const lr_report_t *report,
				      const lr_report_layout_t *layout, const char *path,
				      double dpi, lr_error_record_t *error);

/* Words the report prints, in @language. */
typedef enum {
	LR_RWORD_CONTENTS,   /* "Mục lục" / "Contents" */
	LR_RWORD_SOURCES,    /* "Nguồn tài liệu" / "Sources" */
	LR_RWORD_FIGURE,     /* "Hình" / "Figure" */
	LR_RWORD_TABLE,      /* "Bảng" / "Table" */
	LR_RWORD_PAGE_OF,    /* "Trang %d/%d" / "Page %d of %d" */
	LR_RWORD_SINCE,      /* "so với %d" / "since %d" */
	LR_RWORD_ESTIMATE,   /* "ước tính" / "estimate" */
	LR_RWORD_FORECAST,
	LR_RWORD_TARGET,
	LR_RWORD_RANGE,      /* "khoảng" / "range" */
	LR_RWORD_SOURCE,     /* "Nguồn" / "Source" */
	LR_RWORD_NOTE_ESTIMATE, /* table footnote: "* Ước tính hoặc dự báo." */
	LR_RWORD_NOTE_RANGE,    /* "Khoảng giá trị theo nguồn." */
	LR_RWORD_NO_DATA,    /* "–" explanation: "không có số liệu" */
	LR_RWORD_INDICATOR,  /* table header of the first column: "Chỉ tiêu" / "Indicator" */
	LR_RWORD_UNIT,       /* "Đơn vị" / "Unit" */
	LR_RWORD_LAST
} lr_report_word_t;

const char *lr_report_word(lr_language_t language, lr_report_word_t word);

#endif
