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
 * store the value; the layout is computed when the chart is drawn or measured.
 *
 * Errors are sticky, as in cairo: the first error (an unknown indicator, an invalid argument)
 * is kept, later calls do nothing, lr_chart_status() and lr_chart_get_error() report it.
 * Charts are independent: different threads may draw different charts at once.
 */
typedef struct lr_chart lr_chart_t;

/** lr_chart_kind_t: what is drawn. */
typedef enum {
	LR_CHART_BAR = 0, /* bars: over years, across entities, grouped or stacked */
	LR_CHART_RANK     /* ranking lines: rank 1 on top, one line per indicator or entity */
} lr_chart_kind_t;

/** lr_rect_t: a rectangle in the user space of a cairo context. */
typedef struct {
	double x, y, width, height;
} lr_rect_t;

/** lr_bar_layout_t: how several series share a category. */
typedef enum {
	LR_BAR_GROUPED = 0, /* side by side */
	LR_BAR_STACKED,     /* on top of each other */
	LR_BAR_PERCENT      /* stacked, scaled so each category sums to 100% */
} lr_bar_layout_t;

/** lr_orientation_t: which way bars grow. */
typedef enum {
	LR_ORIENTATION_VERTICAL = 0,
	LR_ORIENTATION_HORIZONTAL /* categories down the side: suits long Vietnamese labels */
} lr_orientation_t;

/** lr_sort_t: the order of categories. Years are never sorted by value. */
typedef enum {
	LR_SORT_NONE = 0, /* data order */
	LR_SORT_ASCENDING,
	LR_SORT_DESCENDING
} lr_sort_t;

/** lr_file_format_t: an output format. */
typedef enum {
	LR_FORMAT_AUTO = 0, /* from the file name's extension */
	LR_FORMAT_PNG,
	LR_FORMAT_PDF,
	LR_FORMAT_SVG
} lr_file_format_t;

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

/** lr_chart_destroy: frees @chart and drops its references. NULL is ignored. */
LR_EXTERN void
lr_chart_destroy(lr_chart_t *chart);

/** lr_chart_status: Returns: LR_STATUS_SUCCESS or the first error; NULL_POINTER for NULL. */
LR_EXTERN lr_status_t
lr_chart_status(const lr_chart_t *chart);

/**
 * lr_chart_get_error:
 * Returns: the first error, owned by @chart (valid until the next call on it), or NULL when
 * there is none.
 */
LR_EXTERN const lr_error_t *
lr_chart_get_error(const lr_chart_t *chart);

/**
 * lr_chart_add_indicator:
 * @id: an indicator of the chart's dataset
 *
 * Adds an indicator to draw. Several indicators are several series (grouped or stacked
 * bars, several ranking lines). An unknown id sets LR_STATUS_UNKNOWN_INDICATOR.
 */
LR_EXTERN void
lr_chart_add_indicator(lr_chart_t *chart, const char *id);

/**
 * lr_chart_add_entity:
 * @entity: an entity name (NFC or NFD UTF-8, copied)
 *
 * Restricts the chart to these entities, in the order added. With none added, every entity
 * with data for the chosen indicators and years is used, in data order. Several entities across one year are
 * categories of a bar chart; several entities in a ranking chart make a bump chart.
 */
LR_EXTERN void
lr_chart_add_entity(lr_chart_t *chart, const char *entity);

/**
 * lr_chart_add_year:
 * Restricts the chart to these years. With none added, every year with data is used.
 */
LR_EXTERN void
lr_chart_add_year(lr_chart_t *chart, int year);

/** lr_chart_set_language: the language of labels and numbers (default Vietnamese). */
LR_EXTERN void
lr_chart_set_language(lr_chart_t *chart, lr_language_t language);

/**
 * lr_chart_set_title:
 * @title: UTF-8 text (copied), or NULL for the default: the indicator's name
 */
LR_EXTERN void
lr_chart_set_title(lr_chart_t *chart, const char *title);

/**
 * lr_chart_set_subtitle:
 * @subtitle: UTF-8 text (copied), or NULL for the default: the unit and years shown
 */
LR_EXTERN void
lr_chart_set_subtitle(lr_chart_t *chart, const char *subtitle);

/** lr_chart_set_theme: draws with @theme (referenced); NULL restores the default theme. */
LR_EXTERN void
lr_chart_set_theme(lr_chart_t *chart, lr_theme_t *theme);

/** lr_chart_set_bar_layout: grouped (default), stacked or percent. Bar charts only. */
LR_EXTERN void
lr_chart_set_bar_layout(lr_chart_t *chart, lr_bar_layout_t layout);

/** lr_chart_set_orientation: vertical (default) or horizontal bars. Bar charts only. */
LR_EXTERN void
lr_chart_set_orientation(lr_chart_t *chart, lr_orientation_t orientation);

/** lr_chart_set_sort: category order by value of the first series (default: data order). */
LR_EXTERN void
lr_chart_set_sort(lr_chart_t *chart, lr_sort_t sort);

/**
 * lr_chart_set_highlight:
 * @entity: the entity whose bar stands out (copied), or NULL for none
 */
LR_EXTERN void
lr_chart_set_highlight(lr_chart_t *chart, const char *entity);

/**
 * lr_chart_draw:
 * @chart: a chart
 * @cr: a cairo context; its state is saved and restored, drawing is clipped to @rect
 * @rect: where to draw, in @cr's user space
 *
 * Lays the chart out for @rect and draws it. Text stays text on vector surfaces.
 *
 * Returns: LR_STATUS_SUCCESS or the error (also kept by @chart): LR_STATUS_NO_DATA when
 * nothing matches, LR_STATUS_UNKNOWN_ENTITY, LR_STATUS_INVALID_ARGUMENT for an empty or
 * non-finite @rect, LR_STATUS_UNSUPPORTED (a ranking chart of a non-rank indicator or
 * of a single year), LR_STATUS_CAIRO_ERROR when @cr is in error.
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
 * @width, @height: size in pixels for PNG, in points for PDF and SVG
 * @scale: PNG pixel density (2 doubles the pixels, for sharp slides); 1 for PDF and SVG
 *
 * Output is reproducible: the same chart gives the same bytes. PDF files take their date
 * from SOURCE_DATE_EPOCH when it is set.
 *
 * Returns: LR_STATUS_SUCCESS or the error (also kept by @chart), e.g. LR_STATUS_WRITE_ERROR
 * with the system's reason when the file cannot be written.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_chart_write(lr_chart_t *chart, const char *path, lr_file_format_t format,
	       double width, double height, double scale);

/**
 * lr_chart_describe_layout:
 * @width, @height: the canvas size
 *
 * Lays the chart out and describes every element as text, one per line: its role, its
 * rectangle and, for text, its string ("bar", "tick", "label", "title" …). Meant for tests
 * (layout goldens that survive font-rendering changes) and for debugging.
 *
 * Returns: a newly allocated UTF-8 string (free with lr_free()), or NULL on error (see
 * lr_chart_status()).
 * Since: 0.1
 */
LR_EXTERN char *
lr_chart_describe_layout(lr_chart_t *chart, double width, double height);

LR_END_DECLS

#endif /* LR_CHART_H */
