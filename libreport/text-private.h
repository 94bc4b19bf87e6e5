/* libreport (private): fonts and text. Every string a chart shows goes through here.
 *
 * Invariants:
 * 1. Fonts come only from the bundled folder, through a private fontconfig configuration,
 *    so output does not depend on what else the machine has.
 * 2. Text is validated UTF-8, normalised to NFC, and set with pango_layout_set_text()
 *    (never markup), language "vi".
 * 3. Layout is independent of the output surface: no metric hinting, no glyph position
 *    rounding, 72 units per inch. So PNG, PDF and SVG of one chart have one layout.
 * 4. A measured box covers both the logical extents and the ink, so stacked Vietnamese
 *    diacritics (Ấ, Ễ, Ặ) are never outside the box that layout code avoids overlapping.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_TEXT_PRIVATE_H
#define LR_TEXT_PRIVATE_H

#include <stdbool.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <lreport/lr-common.h>

/* The fonts of the calling thread: a PangoContext over the private font map. Created on
 * first use in each thread and freed when the thread ends (Pango objects are not thread-safe,
 * so threads never share them). Returns NULL and sets *@status when the fonts cannot load. */
PangoContext *
lr_fonts_get_context(lr_status_t *status);

/* The folder the fonts were loaded from, for messages (static or thread-owned). */
const char *
lr_fonts_get_directory(void);

/* After lr_fonts_get_context() failed in this thread: why, naming the folder actually tried
 * and, for a font that does not load, its file (owned by the thread, valid until the next
 * failure in it). */
const char *
lr_fonts_get_error(void);

/* The first character of @utf8 (@length bytes, valid UTF-8) that no bundled font has and
 * that would show as a box: its byte *@offset and *@missing; *@offset = @length and
 * *@missing = 0 when every character can be drawn. Characters that are never drawn (line
 * ends, ZWJ, variation selectors) do not count. LR_STATUS_FONT_ERROR when the fonts do not
 * load. */
lr_status_t
lr_fonts_find_missing_char(const char *utf8, gsize length, gsize *offset, gunichar *missing);

typedef struct {
	const char *family;   /* font family, e.g. "Noto Sans" */
	double size;          /* in user units */
	bool bold;
	double max_width;     /* wrap at spaces to this width; <= 0: one line */
	int max_lines;        /* with max_width: at most this many lines, the last ends in "…"; 0: no limit */
	PangoAlignment align; /* of wrapped lines */
} lr_text_style_t;

typedef struct {
	PangoLayout *layout;   /* laid out at a fixed size (text.c), drawn scaled by @scale */
	double scale;          /* 0 (a layout of the caller's own): drawn as it is */
	double size;           /* the font size asked for, in user units (0 for a caller's layout) */
	/* The box: union of logical and ink extents, relative to the layout origin. */
	double box_x, box_y, width, height;
	double baseline; /* of the first line, from the top of the box */
	int lines;
	bool ellipsized;
} lr_text_t;

/* Lays out @utf8 (validated and normalised here). On failure returns the status and
 * leaves @text cleared. Release with lr_text_clear(). */
lr_status_t
lr_text_layout(PangoContext *context, const char *utf8, const lr_text_style_t *style,
	       lr_text_t *text);

void
lr_text_clear(lr_text_t *text);

/* Draws @text with the top-left corner of its box at (@x, @y), in the current source. */
void
lr_text_draw(cairo_t *cr, const lr_text_t *text, double x, double y);

/* How many glyphs of the layout the font lacks (drawn as hex boxes). */
int
lr_text_count_unknown_glyphs(const lr_text_t *text);

#endif
