/* libreport: charts. Build a chart from a dataset, draw it onto any cairo context, or write
 * it to a PNG, PDF or SVG file.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#if !defined(LR_H_INSIDE) && !defined(LR_COMPILATION)
#error "Only <lreport/lreport.h> can be included directly."
#endif

#ifndef LR_CHART_H
#define LR_CHART_H

#include <stdbool.h>
#include <cairo.h>
#include <lreport/lr-common.h>
#include <lreport/lr-dataset.h>
#include <lreport/lr-theme.h>

LR_BEGIN_DECLS

/**
 * lr_chart_t:
 *
 * A chart specification: which data, how to show it, which theme. It keeps nothing of any
 * drawing, so one chart can be drawn many times, at any size, onto any surface. Setters
 * store the value; the layout is computed when the chart is drawn, measured or validated.
 *
 * Lifecycle: a chart references its dataset and its theme. It keeps indicator ids and
 * entity names (copied), never pointers into the dataset, and looks them up each time it is
 * laid out: adding indicators or observations to the dataset after the chart exists is safe,
 * and the next draw sees them (but not while another thread draws a chart of that dataset;
 * see lr_dataset_t). The theme becomes immutable when the chart takes it (see lr_theme_t).
 *
 * Errors: the specification's errors are sticky, as in cairo: the first one (an unknown
 * indicator, a bad argument to a setter, an option of the other kind) is kept, later calls do
 * nothing, lr_chart_status() and lr_chart_get_error() report it. Errors of one call —
 * lr_chart_validate(), lr_chart_draw(), lr_chart_write(), lr_chart_describe_layout(): no data
 * for an entity, a canvas too small, a folder that does not exist — are returned by that
 * call and readable through lr_chart_status() and lr_chart_get_error() until the next such
 * call, but they do not stop the next call: a failed draw followed by a good one succeeds.
 *
 * Threads: charts are independent; different threads may draw different charts at once, also
 * charts of one dataset and with one theme. One chart is used by one thread at a time.
 *
 * Since: 0.1
 */
typedef struct lr_chart lr_chart_t;

/**
 * lr_chart_kind_t: what is drawn.
 * Since: 0.1
 */
typedef enum {
	LR_CHART_BAR = 0, /* bars: over years, across entities, grouped or stacked */
	LR_CHART_RANK     /* ranking lines: rank 1 on top, one line per indicator or entity */
} lr_chart_kind_t;

/**
 * lr_rect_t: a rectangle in the user space of a cairo context.
 * @x: the left edge
 * @y: the top edge
 * @width: the width, to the right of @x
 * @height: the height, down from @y
 * Since: 0.1
 */
typedef struct {
	double x;
	double y;
	double width;
	double height;
} lr_rect_t;

/**
 * lr_bar_layout_t: how several series share a category.
 * Since: 0.1
 */
typedef enum {
	LR_BAR_GROUPED = 0, /* side by side */
	LR_BAR_STACKED,     /* on top of each other */
	LR_BAR_PERCENT      /* stacked, scaled so each category sums to 100% */
} lr_bar_layout_t;

/**
 * lr_orientation_t: which way bars grow.
 * Since: 0.1
 */
typedef enum {
	LR_ORIENTATION_VERTICAL = 0,
	LR_ORIENTATION_HORIZONTAL /* categories down the side: suits long Vietnamese labels */
} lr_orientation_t;

/**
 * lr_sort_t: the order of categories. Years are never sorted by value.
 * Since: 0.1
 */
typedef enum {
	LR_SORT_NONE = 0, /* data order */
	LR_SORT_ASCENDING,
	LR_SORT_DESCENDING
} lr_sort_t;

/**
 * lr_value_labels_t: which bars carry their value as a label.
 * Since: 0.3
 */
typedef enum {
	LR_VALUE_LABELS_FIT = 0, /* those that fit without overlapping; a note on the chart says
				  * how many were left out; the highlighted bar's is never left out */
	LR_VALUE_LABELS_ALL,     /* every bar's, or the chart is refused (LR_STATUS_INVALID_ARGUMENT) */
	LR_VALUE_LABELS_NONE     /* none: the value axis alone gives the values */
} lr_value_labels_t;

/**
 * LR_CHART_TEXT_SIZE_MIN:
 *
 * The legibility floor: no text of a chart is set smaller than this, in canvas units
 * (pixels of a PNG at scale 1, points of a PDF or SVG). A crowded bar chart first turns and
 * shrinks its labels down to this size; when they still do not fit, it is refused with an
 * error naming the smallest canvas that would hold them. A ranking chart writes a rank inside
 * its marker only when it fits there at this size, else beside the point.
 * Since: 0.3
 */
#define LR_CHART_TEXT_SIZE_MIN 8.0

/**
 * LR_CHART_DECIMALS_MAX:
 *
 * The most decimals a value label shows, chosen from the data or set with
 * lr_chart_set_decimals().
 * Since: 0.3
 */
#define LR_CHART_DECIMALS_MAX 4

/**
 * lr_file_format_t: an output format.
 * Since: 0.1
 */
typedef enum {
	LR_FORMAT_AUTO = 0, /* from the file name's extension */
	LR_FORMAT_PNG,
	LR_FORMAT_PDF,
	LR_FORMAT_SVG
} lr_file_format_t;

/**
 * lr_chart_kind_from_string, lr_bar_layout_from_string, lr_orientation_from_string,
 * lr_sort_from_string, lr_file_format_from_string:
 * @text: the name, as the CLI and charts.ini spell it (lower case):
 *   kind "bar" | "rank"; layout "grouped" | "stacked" | "percent"; orientation "vertical" |
 *   "horizontal"; sort "none" | "asc" | "desc"; format "auto" | "png" | "pdf" | "svg"
 * @value: (out): where to store the value
 *
 * Returns: LR_STATUS_SUCCESS; LR_STATUS_INVALID_ARGUMENT for any other text (@value is then
 * unchanged); LR_STATUS_NULL_POINTER when an argument is NULL.
 * Since: 0.2
 */
LR_EXTERN lr_status_t
lr_chart_kind_from_string(const char *text, lr_chart_kind_t *value);
LR_EXTERN lr_status_t
lr_bar_layout_from_string(const char *text, lr_bar_layout_t *value);
LR_EXTERN lr_status_t
lr_orientation_from_string(const char *text, lr_orientation_t *value);
LR_EXTERN lr_status_t
lr_sort_from_string(const char *text, lr_sort_t *value);
LR_EXTERN lr_status_t
lr_file_format_from_string(const char *text, lr_file_format_t *value);

/**
 * lr_value_labels_from_string:
 * @text: "fit", "all" or "none", as the CLI's --labels and charts.ini's `labels` spell it
 * @value: (out): where to store the value
 *
 * Returns: as lr_chart_kind_from_string().
 * Since: 0.3
 */
LR_EXTERN lr_status_t
lr_value_labels_from_string(const char *text, lr_value_labels_t *value);

/**
 * lr_value_labels_to_string:
 *
 * Returns: the name lr_value_labels_from_string() reads, static; "unknown" otherwise.
 * Since: 0.3
 */
LR_EXTERN const char *
lr_value_labels_to_string(lr_value_labels_t labels);

/**
 * lr_chart_kind_to_string, lr_bar_layout_to_string, lr_orientation_to_string,
 * lr_sort_to_string, lr_file_format_to_string:
 *
 * Returns: the name the matching _from_string() function reads, static; "unknown" for a
 * value outside the enumeration. Never NULL.
 * Since: 0.2
 */
LR_EXTERN const char *
lr_chart_kind_to_string(lr_chart_kind_t kind);
LR_EXTERN const char *
lr_bar_layout_to_string(lr_bar_layout_t layout);
LR_EXTERN const char *
lr_orientation_to_string(lr_orientation_t orientation);
LR_EXTERN const char *
lr_sort_to_string(lr_sort_t sort);
LR_EXTERN const char *
lr_file_format_to_string(lr_file_format_t format);

/**
 * lr_chart_create:
 * @kind: the kind of chart
 * @dataset: the data; the chart takes a reference
 *
 * Returns: a new chart, never NULL (an inert one with an error status when @dataset is NULL
 * or has errors, or memory runs out). Free with lr_chart_destroy().
 * Since: 0.1
 */
LR_EXTERN lr_chart_t *
lr_chart_create(lr_chart_kind_t kind, lr_dataset_t *dataset);

/**
 * lr_chart_destroy:
 * @chart: a chart, or NULL (ignored)
 *
 * Frees @chart and drops its references to the dataset and the theme.
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_destroy(lr_chart_t *chart);

/**
 * lr_chart_get_kind:
 * @chart: a chart
 *
 * Returns: the kind the chart was created with (LR_CHART_BAR for NULL).
 * Since: 0.2
 */
LR_EXTERN lr_chart_kind_t
lr_chart_get_kind(const lr_chart_t *chart);

/**
 * lr_chart_status:
 * @chart: a chart
 *
 * Returns: the chart's specification error (sticky) when it has one; otherwise the result of
 * the last lr_chart_validate(), lr_chart_draw(), lr_chart_write() or
 * lr_chart_describe_layout() call (LR_STATUS_SUCCESS when it succeeded or there was none).
 * LR_STATUS_NULL_POINTER for NULL.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_chart_status(const lr_chart_t *chart);

/**
 * lr_chart_get_error:
 * @chart: a chart
 *
 * Returns: the error lr_chart_status() reports — the specification's, else the last call's —
 * owned by @chart and valid until the next call on it; NULL when there is none or @chart is
 * NULL.
 * Since: 0.1
 */
LR_EXTERN const lr_error_t *
lr_chart_get_error(const lr_chart_t *chart);

/**
 * lr_chart_add_indicator:
 * @chart: a chart
 * @id: an indicator of the chart's dataset (copied)
 *
 * Adds an indicator to draw. Several indicators are several series (grouped or stacked
 * bars, several ranking lines). An id the dataset does not have sets the sticky
 * LR_STATUS_UNKNOWN_INDICATOR; a NULL @id LR_STATUS_NULL_POINTER. Adding one twice is
 * harmless.
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_add_indicator(lr_chart_t *chart, const char *id);

/**
 * lr_chart_add_entity:
 * @chart: a chart
 * @entity: an entity name (NFC or NFD UTF-8, copied; at most LR_LABEL_LENGTH_MAX bytes, else
 *   the sticky LR_STATUS_INVALID_ARGUMENT)
 *
 * Restricts the chart to these entities, in the order added. With none added, every entity
 * with data for the chosen indicators and years is used, in data order. Several entities
 * across one year are categories of a bar chart; several entities in a ranking chart make a
 * bump chart. An entity without data is reported when the chart is laid out or validated
 * (LR_STATUS_UNKNOWN_ENTITY).
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_add_entity(lr_chart_t *chart, const char *entity);

/**
 * lr_chart_add_year:
 * @chart: a chart
 * @year: 1900 to 2100 (else the sticky LR_STATUS_INVALID_ARGUMENT)
 *
 * Restricts the chart to these years. With none added, every year with data is used.
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_add_year(lr_chart_t *chart, int year);

/**
 * lr_chart_add_year_range:
 * @chart: a chart
 * @first: 1900 to 2100
 * @last: @first to 2100 (else the sticky LR_STATUS_INVALID_ARGUMENT)
 *
 * Restricts the chart to the years from @first to @last that have data, together with any
 * added by lr_chart_add_year(). Unlike a year added alone, a year of the range without data
 * is no error (2021-2024 over data for 2021, 2023 and 2024 draws those three); a range with
 * no data at all is, when the chart is drawn (LR_STATUS_NO_DATA).
 * Since: 0.3
 */
LR_EXTERN void
lr_chart_add_year_range(lr_chart_t *chart, int first, int last);

/**
 * lr_chart_set_language:
 * @chart: a chart
 * @language: the language of labels and numbers (default Vietnamese)
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_set_language(lr_chart_t *chart, lr_language_t language);

/**
 * lr_chart_set_title:
 * @chart: a chart
 * @title: UTF-8 text (copied), or NULL for the default: the indicator's name
 *
 * Text longer than LR_LABEL_LENGTH_MAX bytes sets the sticky LR_STATUS_INVALID_ARGUMENT (since
 * 0.3), as for the subtitle and highlight.
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_set_title(lr_chart_t *chart, const char *title);

/**
 * lr_chart_set_subtitle:
 * @chart: a chart
 * @subtitle: UTF-8 text (copied, at most LR_LABEL_LENGTH_MAX bytes), or NULL for the default:
 *   the unit and years shown
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_set_subtitle(lr_chart_t *chart, const char *subtitle);

/**
 * lr_chart_set_theme:
 * @chart: a chart
 * @theme: the theme to draw with (referenced, and made immutable: see lr_theme_t), or NULL
 *   to restore the default theme
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_set_theme(lr_chart_t *chart, lr_theme_t *theme);

/**
 * lr_chart_set_bar_layout:
 * @chart: a bar chart
 * @layout: grouped (default), stacked or percent
 *
 * Bar charts only: on a ranking chart it sets the sticky LR_STATUS_UNSUPPORTED.
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_set_bar_layout(lr_chart_t *chart, lr_bar_layout_t layout);

/**
 * lr_chart_set_orientation:
 * @chart: a bar chart
 * @orientation: vertical (default) or horizontal bars
 *
 * Bar charts only: on a ranking chart it sets the sticky LR_STATUS_UNSUPPORTED.
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_set_orientation(lr_chart_t *chart, lr_orientation_t orientation);

/**
 * lr_chart_set_sort:
 * @chart: a bar chart
 * @sort: category order by value of the first series (default: data order)
 *
 * Bar charts only (a ranking chart's order is its ranks): on a ranking chart it sets the
 * sticky LR_STATUS_UNSUPPORTED.
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_set_sort(lr_chart_t *chart, lr_sort_t sort);

/**
 * lr_chart_set_value_labels:
 * @chart: a bar chart
 * @labels: LR_VALUE_LABELS_FIT (default), LR_VALUE_LABELS_ALL or LR_VALUE_LABELS_NONE
 *
 * Which bars carry a value label; see lr_value_labels_t. Bar charts only: on a ranking chart
 * it sets the sticky LR_STATUS_UNSUPPORTED; a value outside the enumeration the sticky
 * LR_STATUS_INVALID_ARGUMENT.
 * Since: 0.3
 */
LR_EXTERN void
lr_chart_set_value_labels(lr_chart_t *chart, lr_value_labels_t labels);

/**
 * lr_chart_set_decimals:
 * @chart: a bar chart
 * @decimals: 0 to LR_CHART_DECIMALS_MAX, or -1 (the default) to choose from the data: as
 *   many as the figures carry, up to LR_CHART_DECIMALS_MAX, so distinct figures read
 *   differently (0,7001 and 0,7002, not 0,70 twice)
 *
 * The decimals of value labels (ticks choose their own). Percent-stacked bars show whole
 * percentages unless set. Bar charts only: on a ranking chart it sets the sticky
 * LR_STATUS_UNSUPPORTED; another value the sticky LR_STATUS_INVALID_ARGUMENT.
 * Since: 0.3
 */
LR_EXTERN void
lr_chart_set_decimals(lr_chart_t *chart, int decimals);

/**
 * lr_chart_set_highlight:
 * @chart: a chart
 * @entity: the entity whose bar or line stands out (copied, at most LR_LABEL_LENGTH_MAX
 *   bytes), or NULL for none
 * Since: 0.1
 */
LR_EXTERN void
lr_chart_set_highlight(lr_chart_t *chart, const char *entity);

/**
 * lr_chart_validate:
 * @chart: a chart
 *
 * Checks the request against the dataset without a canvas: the indicators, that every entity
 * and year asked for has data, and what the kind needs (a ranking chart: rank indicators,
 * two years or more, not several indicators and several entities at once; a bar chart: one
 * entity unless entities are its categories or series). So a spec reader can report a bad
 * request at its line before anything is drawn. Like a draw, it does not change the chart.
 *
 * Returns: LR_STATUS_SUCCESS, or the error lr_chart_draw() would meet in the data
 * (LR_STATUS_NO_DATA, LR_STATUS_UNKNOWN_ENTITY, LR_STATUS_UNSUPPORTED,
 * LR_STATUS_INVALID_ARGUMENT when no indicator was added), readable with
 * lr_chart_get_error(); the sticky error when the chart has one.
 * Since: 0.2
 */
LR_EXTERN lr_status_t
lr_chart_validate(lr_chart_t *chart);

/**
 * lr_chart_draw:
 * @chart: a chart
 * @cr: a cairo context; its state is saved and restored, drawing is clipped to @rect
 * @rect: where to draw, in @cr's user space
 *
 * Lays the chart out for @rect and draws it. Text stays text on vector surfaces.
 *
 * Returns: LR_STATUS_SUCCESS or the error, readable with lr_chart_get_error() until the
 * next call (it does not stick): those of lr_chart_validate(), LR_STATUS_INVALID_ARGUMENT
 * for an empty or non-finite @rect or one too small for the chart, LR_STATUS_NULL_POINTER
 * for a NULL @cr or @rect, LR_STATUS_CAIRO_ERROR when @cr is in error, LR_STATUS_FONT_ERROR.
 * The sticky error when the chart has one (then nothing is drawn).
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_chart_draw(lr_chart_t *chart, cairo_t *cr, const lr_rect_t *rect);

/**
 * lr_chart_write:
 * @chart: a chart
 * @path: the output file; written to a temporary file beside it and renamed, so a failure
 *   never leaves a partial file
 * @format: the format, or LR_FORMAT_AUTO for the extension (.png, .pdf, .svg)
 * @width: width in pixels for PNG, in points for PDF and SVG
 * @height: height, likewise; 0 for "as tall as the chart needs" (see lr_write_options_t)
 * @scale: PNG pixel density (2 doubles the pixels, for sharp slides); 1 for PDF and SVG
 *
 * Output is reproducible: the same chart gives the same bytes, on every run and whatever the
 * number of threads or cores. PDF files take their date from SOURCE_DATE_EPOCH when it is
 * set. PNG bytes depend on the build's deflate (zlib, or ISA-L: see "PNG, files, and the same
 * bytes everywhere" in README.md): with ISA-L, x86-64 CPUs with SSE4.2 give the same bytes
 * (its SSE4.2, AVX, AVX2 and AVX-512 code, libisal 2.30), older ones other, equally valid,
 * bytes.
 *
 * Returns: LR_STATUS_SUCCESS or the error, readable with lr_chart_get_error() until the next
 * call (it does not stick): lr_chart_draw()'s, or LR_STATUS_WRITE_ERROR with the file's name
 * and the system's reason when it cannot be written. The sticky error when the chart has one.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_chart_write(lr_chart_t *chart, const char *path, lr_file_format_t format,
	       double width, double height, double scale);

/**
 * lr_write_func_t:
 * @closure: the closure given with the function
 * @data: the next bytes of the file
 * @length: how many
 *
 * Receives a file's bytes, in order, for lr_chart_write_to_stream(). The whole file is
 * rendered before the first call, so a failed render never sends a partial file.
 *
 * Returns: LR_STATUS_SUCCESS to go on, any other status to stop (the write then returns it).
 * Since: 0.3
 */
typedef lr_status_t (*lr_write_func_t)(void *closure, const unsigned char *data, size_t length);

/**
 * lr_write_options_t:
 * @format: the format; LR_FORMAT_AUTO takes it from the file's extension (not allowed for
 *   streams, which have none)
 * @width: width in pixels for PNG, in points for PDF and SVG
 * @height: height, likewise; 0 (since 0.3) means as tall as the chart needs: a horizontal
 *   bar chart gets a band for each category at its labels' full size (63 provinces make a
 *   tall chart, 5 categories a 16:9 one: never less than @width × 9/16); other charts
 *   the 16:9 height @width × 9/16
 * @scale: PNG only: device pixels per unit, e.g. 2 for sharp slides; 0 means 1. Any other
 *   value than 0 or 1 for PDF or SVG is an error (they are sized in points)
 * @dpi: PNG only: the resolution recorded in the file (a pHYs chunk, in pixels per inch of
 *   the written image), so word processors place it at its physical size; 0 records none.
 *   Any other value than 0 for PDF or SVG is an error
 * @reserved: for fields of later versions; zero
 *
 * How to write a chart. Initialise with lr_write_options_init() so that later fields keep
 * their defaults.
 *
 * Since: 0.3
 */
typedef struct {
	lr_file_format_t format;
	double width;
	double height;
	double scale;
	double dpi;
	void *reserved[4];
} lr_write_options_t;

/**
 * lr_write_options_init:
 * @options: (out): the options to fill
 *
 * Sets @options to the defaults: LR_FORMAT_AUTO, 1600 × 900, scale 1, no dpi.
 * Since: 0.3
 */
LR_EXTERN void
lr_write_options_init(lr_write_options_t *options);

/**
 * lr_chart_write_with_options:
 * @chart: a chart
 * @path: the output file, written as lr_chart_write() writes it (temporary file and rename)
 * @options: how to write it
 *
 * lr_chart_write() with every option, and the stricter checks of lr_write_options_t
 * (a scale or dpi on a vector format is an error, not ignored).
 *
 * Returns: as lr_chart_write().
 * Since: 0.3
 */
LR_EXTERN lr_status_t
lr_chart_write_with_options(lr_chart_t *chart, const char *path,
			    const lr_write_options_t *options);

/**
 * lr_chart_write_to_stream:
 * @chart: a chart
 * @write: receives the file's bytes
 * @closure: passed to @write
 * @options: how to write it; @options->format must be PNG, PDF or SVG
 *
 * Renders the chart into memory, then hands the whole file to @write (in one or more
 * calls), like cairo_surface_write_to_png_stream(): for servers and pipelines that never
 * touch a temporary file. Nothing is sent when rendering fails.
 *
 * Returns: LR_STATUS_SUCCESS or the error, readable with lr_chart_get_error() until the next
 * call: lr_chart_draw()'s, LR_STATUS_INVALID_ARGUMENT for bad options, or the status @write
 * returned (LR_STATUS_WRITE_ERROR when it returned an unknown value).
 * Since: 0.3
 */
LR_EXTERN lr_status_t
lr_chart_write_to_stream(lr_chart_t *chart, lr_write_func_t write, void *closure,
			 const lr_write_options_t *options);

/**
 * lr_chart_describe_layout:
 * @chart: a chart
 * @width: the canvas width
 * @height: the canvas height; 0 as in lr_write_options_t (since 0.3)
 *
 * Lays the chart out and describes every element as text, one per line: its role, its
 * rectangle, for text its string in double quotes (a line break in it written \n, a
 * backslash \\; since 0.3) ("rotated" after it for text turned a quarter to read
 * upwards, whose rectangle is the turned text's; since 0.3; "angle=45 along=L across=T" for
 * text turned 45° to read rising to the right, whose rectangle is the turned text's bounding
 * box and L × T the text's own length and thickness; since 0.3), and its paint: fill colour, stroke
 * colour and line width, dashes and hatching ("bar", "tick-label", "title" …). Meant for
 * tests (layout goldens that survive font-rendering changes) and for debugging.
 *
 * Returns: a newly allocated UTF-8 string (free with lr_free()), or NULL on error: then
 * lr_chart_status() and lr_chart_get_error() say why, until the next call.
 * Since: 0.1
 */
LR_EXTERN char *
lr_chart_describe_layout(lr_chart_t *chart, double width, double height);

/**
 * lr_chart_set_t:
 *
 * A set of named charts read from a chart list such as data/charts.ini, the file
 * `lreport charts` renders. The format, one chart a group:
 *
 *     # a comment (also ';' at the start of a line)
 *     [chart NAME]          NAME: the output file's stem; no '/', '\\', "..", control characters
 *     kind=bar              bar or rank (required)
 *     indicator=ID;ID       ';'-separated lists for indicator, entity and year
 *     layout=stacked        grouped, stacked, percent (bar charts)
 *     horizontal=true       true or false (bar charts)
 *     sort=desc             none, asc, desc (bar charts)
 *     labels=fit            value labels: fit, all, none (bar charts; since 0.3)
 *     decimals=2            decimals of value labels, 0 to LR_CHART_DECIMALS_MAX (bar charts;
 *                           since 0.3; default: from the data)
 *     highlight=Việt Nam
 *     theme=print           default or print
 *     title=…, subtitle=…, title_vi=…, title_en=…, subtitle_vi=…, subtitle_en=…
 *     size=16cmx9cm         how the chart's files are written: size, scale and dpi are kept
 *     scale=2               as written, for the program that writes the files
 *     dpi=300               (lr_chart_set_get_file_option(); `lreport charts` reads them as
 *                           its --size, --scale and --dpi, which override them)
 *
 * Values run to the end of the line (spaces around them are dropped); there are no escapes.
 * Every error is located (file, line, column) and says what was expected: an unknown group or
 * key, a key given twice, a bad value, a request the dataset cannot satisfy (checked with
 * lr_chart_validate()). Charts with errors are left out of the set; the others are usable.
 *
 * Since: 0.2
 */
typedef struct lr_chart_set lr_chart_set_t;

/**
 * lr_chart_set_load:
 * @path: the chart list; a regular file of at most LR_FILE_SIZE_MAX bytes, UTF-8
 * @dataset: the data the charts draw (each chart references it)
 * @language: the charts' language; picks title_vi or title_en (and subtitle_…)
 *
 * Returns: the set, never NULL; free with lr_chart_set_destroy(). Its errors, if any, are
 * listed by lr_chart_set_get_error_count() and lr_chart_set_get_error().
 * Since: 0.2
 */
LR_EXTERN lr_chart_set_t *
lr_chart_set_load(const char *path, lr_dataset_t *dataset, lr_language_t language);

/**
 * lr_chart_set_destroy:
 * @set: a set, or NULL (ignored)
 *
 * Frees the set and its charts.
 * Since: 0.2
 */
LR_EXTERN void
lr_chart_set_destroy(lr_chart_set_t *set);

/**
 * lr_chart_set_status:
 * @set: a set
 *
 * Returns: LR_STATUS_SUCCESS, or the first error's status; LR_STATUS_NULL_POINTER for NULL.
 * Since: 0.2
 */
LR_EXTERN lr_status_t
lr_chart_set_status(const lr_chart_set_t *set);

/**
 * lr_chart_set_get_error_count:
 * @set: a set, or NULL (0)
 *
 * Returns: how many errors reading the list met.
 * Since: 0.2
 */
LR_EXTERN size_t
lr_chart_set_get_error_count(const lr_chart_set_t *set);

/**
 * lr_chart_set_get_error:
 * @set: a set
 * @index: 0 to lr_chart_set_get_error_count() - 1
 *
 * Returns: the error (file, line and column where known), owned by @set and valid until it
 * is destroyed; NULL when @index is out of range. In file order.
 * Since: 0.2
 */
LR_EXTERN const lr_error_t *
lr_chart_set_get_error(const lr_chart_set_t *set, size_t index);

/**
 * lr_chart_set_get_count:
 * @set: a set, or NULL (0)
 *
 * Returns: how many charts the set holds (those without errors), in file order.
 * Since: 0.2
 */
LR_EXTERN size_t
lr_chart_set_get_count(const lr_chart_set_t *set);

/**
 * lr_chart_set_get_name:
 * @set: a set
 * @index: 0 to lr_chart_set_get_count() - 1
 *
 * Returns: the chart's NAME from its [chart NAME] group, owned by @set; NULL when out of range.
 * Since: 0.2
 */
LR_EXTERN const char *
lr_chart_set_get_name(const lr_chart_set_t *set, size_t index);

/**
 * lr_chart_set_get_chart:
 * @set: a set
 * @index: 0 to lr_chart_set_get_count() - 1
 *
 * Returns: the chart, owned by @set (valid until it is destroyed; draw and write it, do not
 * destroy it); NULL when out of range.
 * Since: 0.2
 */
LR_EXTERN lr_chart_t *
lr_chart_set_get_chart(const lr_chart_set_t *set, size_t index);

/**
 * lr_chart_set_get_file_option:
 * @set: a set
 * @index: 0 to lr_chart_set_get_count() - 1
 * @key: "size", "scale" or "dpi": the keys that say how a chart's files are written, which a
 *   chart itself does not hold
 * @line: (out) (optional): the line of the value in the chart list, for messages
 * @column: (out) (optional): its column (1-based, in characters)
 *
 * The set only checks that such a value is not empty; the program writing the files reads
 * it (and reports its errors at @line and @column).
 *
 * Returns: the value as written (spaces around it dropped), owned by @set; NULL when the
 * chart has no such key or @index or @key is out of range (then @line and @column are 0).
 * Since: 0.3
 */
LR_EXTERN const char *
lr_chart_set_get_file_option(const lr_chart_set_t *set, size_t index, const char *key,
			     unsigned *line, unsigned *column);

LR_END_DECLS

#endif /* LR_CHART_H */
