/* libreport (private): writing a drawing to a PNG, PDF or SVG file.
 *
 * Invariants:
 * 1. Every format draws through the same callback into a rectangle of the same size in user
 *    units, so PNG, PDF and SVG of one chart share one layout.
 * 2. Files appear whole or not at all: the bytes are written to a temporary file in the
 *    target's folder and renamed over the target; on any failure the temporary file is
 *    removed and the target is untouched.
 * 3. Same input, same bytes: PDF metadata dates come from SOURCE_DATE_EPOCH when it is set
 *    (and a fixed date otherwise), nothing else varies between runs.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_OUTPUT_PRIVATE_H
#define LR_OUTPUT_PRIVATE_H

#include <cairo.h>
#include <lreport/lreport.h>
#include "common-private.h"

/* Draws into @rect on @cr; returns LR_STATUS_SUCCESS or an error. */
typedef lr_status_t (*lr_draw_func_t)(void *data, cairo_t *cr, const lr_rect_t *rect);

/* The format @path's extension names (.png, .pdf, .svg, any case), or LR_FORMAT_AUTO when
 * it names none of them. */
lr_file_format_t
lr_output_format_from_path(const char *path);

/* What to render: @format is resolved (PNG, PDF or SVG, never AUTO); @scale multiplies PNG
 * pixels (1 for vector formats); @dpi is the PNG resolution to record (0: none). */
typedef struct {
	lr_file_format_t format;
	double width;
	double height;
	double scale;
	double dpi;
} lr_output_request_t;

/* Checks @request (size, scale, dpi, format; AUTO is taken from @path's extension, and an
 * error without a path) and renders @draw into memory. @name names the output in messages
 * (a path, or "the stream"). On success stores the file's bytes in @out (g_byte_array_unref
 * when done). Errors as lr_output_write(). */
lr_status_t
lr_output_render(const char *name, const char *path, const lr_output_request_t *request,
		 lr_draw_func_t draw, void *data, GByteArray **out, lr_error_record_t *error);

/* Renders @draw at @width x @height (pixels for PNG, then multiplied by @scale; points for
 * PDF and SVG) and writes @path atomically. @format LR_FORMAT_AUTO means from the extension.
 * On failure fills @error (message names the file and the system's reason) and returns its
 * status: LR_STATUS_INVALID_ARGUMENT (size not finite, below 1 or above 32767 device pixels,
 * scale not in 0.1..16, unknown extension), LR_STATUS_WRITE_ERROR, LR_STATUS_CAIRO_ERROR,
 * or whatever @draw returned. */
lr_status_t
lr_output_write(const char *path, lr_file_format_t format, double width, double height,
		double scale, lr_draw_func_t draw, void *data, lr_error_record_t *error);

/* Encodes an image surface (CAIRO_FORMAT_ARGB32 or RGB24) as PNG into memory (png-encode.c),
 * tuned for flat-colour charts: RGB8 when every pixel is opaque (un-premultiplied RGBA8
 * otherwise), UP-filtered rows deflated at level 1 (ISA-L igzip, or zlib) in strips of a
 * fixed 128 rows shared by up to 4 worker threads, libpng for the file around them.
 * The bytes depend on the pixels, the deflate back end and its version only, never on the
 * number of threads or cores (see png-encode.c for what is known about ISA-L's CPU-specific
 * code). @dpi > 0 records that resolution (pHYs, rounded to pixels per metre).
 * Returns the bytes (g_byte_array_unref when done) or NULL on failure with @error
 * filled. */
GByteArray *
lr_output_encode_png(cairo_surface_t *surface, double dpi, lr_error_record_t *error);

/* The deflate that compresses PNG rows. */
typedef enum {
	LR_PNG_DEFLATE_DEFAULT, /* ISA-L when built with it (-Ddeflate), zlib otherwise */
	LR_PNG_DEFLATE_ZLIB,
	LR_PNG_DEFLATE_ISAL,
} lr_png_deflate_t;

/* For tests and benchmarks, process-wide: the back end later encodes use; FALSE (and no
 * change) when the library was built without it. */
gboolean
lr_output_png_set_deflate(lr_png_deflate_t backend);

/* The back end encodes use now (never LR_PNG_DEFLATE_DEFAULT). */
lr_png_deflate_t
lr_output_png_get_deflate(void);

/* For tests and benchmarks, process-wide: how many threads later encodes use, 1 to 4, or 0
 * for as many as the machine has cores (at most 4). The bytes do not change. */
void
lr_output_png_set_workers(int workers);

/* Writes @bytes to @path atomically (temporary file + rename). */
lr_status_t
lr_output_write_bytes(const char *path, const guint8 *bytes, gsize length,
		      lr_error_record_t *error);

#endif
