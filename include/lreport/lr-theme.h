/* libreport: the visual theme shared by every chart (fonts, sizes, colours, lines).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#if !defined(LR_H_INSIDE) && !defined(LR_COMPILATION)
#error "Only <lreport/lreport.h> can be included directly."
#endif

#ifndef LR_THEME_H
#define LR_THEME_H

#include <stdbool.h>
#include <lreport/lr-common.h>

LR_BEGIN_DECLS

/**
 * lr_theme_t:
 *
 * Every visual constant of a chart lives here, so a publication can restyle all charts in
 * one place. Reference counted.
 *
 * Immutable once shared (HarfBuzz's model for fonts): lr_chart_set_theme() makes the theme
 * immutable, as lr_theme_make_immutable() does, so charts that share it — in any thread —
 * can never see it change. The setters then fail with LR_STATUS_IMMUTABLE and change
 * nothing; to restyle, create (or copy the settings into) a new theme and set it.
 *
 * Since: 0.1
 */
typedef struct lr_theme lr_theme_t;

/**
 * lr_theme_color_t: the colour roles of a theme.
 * @LR_THEME_COLOR_BACKGROUND: the canvas
 * @LR_THEME_COLOR_TEXT: titles, labels
 * @LR_THEME_COLOR_TEXT_MUTED: subtitles, axis labels, source line, notes
 * @LR_THEME_COLOR_GRID: grid lines
 * @LR_THEME_COLOR_AXIS: the zero baseline and axis lines
 * @LR_THEME_COLOR_CONTEXT: bars that are not highlighted when one entity is highlighted
 * @LR_THEME_COLOR_HIGHLIGHT: the highlighted bar
 * @LR_THEME_COLOR_BETTER: a change for the better (ranking charts)
 * @LR_THEME_COLOR_WORSE: a change for the worse
 *
 * Since: 0.1
 */
typedef enum {
	LR_THEME_COLOR_BACKGROUND = 0,
	LR_THEME_COLOR_TEXT,
	LR_THEME_COLOR_TEXT_MUTED,
	LR_THEME_COLOR_GRID,
	LR_THEME_COLOR_AXIS,
	LR_THEME_COLOR_CONTEXT,
	LR_THEME_COLOR_HIGHLIGHT,
	LR_THEME_COLOR_BETTER,
	LR_THEME_COLOR_WORSE,
	LR_THEME_COLOR_LAST
} lr_theme_color_t;

/**
 * lr_theme_size_t: the numeric settings of a theme.
 * @LR_THEME_SIZE_FONT: body text size in canvas units (points for PDF/SVG, pixels for PNG
 *   before scaling); 0 (the default) picks one from the canvas size
 * @LR_THEME_SIZE_TITLE: title size as a multiple of the body size
 * @LR_THEME_SIZE_SUBTITLE: subtitle size, multiple of the body size
 * @LR_THEME_SIZE_SMALL: source line, notes and axis labels, multiple of the body size
 * @LR_THEME_SIZE_MARGIN: space around the chart, in body sizes
 * @LR_THEME_SIZE_GRID_LINE: grid line width, in body sizes
 * @LR_THEME_SIZE_AXIS_LINE: baseline width, in body sizes
 * @LR_THEME_SIZE_SERIES_LINE: line width of ranking lines, in body sizes
 * @LR_THEME_SIZE_MARKER: marker radius of ranking points, in body sizes
 * @LR_THEME_SIZE_BAR_GAP: gap between category bands, as a fraction of a band (0–0.9)
 * @LR_THEME_SIZE_MAX_LABEL_LINES: most lines a category label wraps to before an ellipsis
 *
 * Since: 0.1
 */
typedef enum {
	LR_THEME_SIZE_FONT = 0,
	LR_THEME_SIZE_TITLE,
	LR_THEME_SIZE_SUBTITLE,
	LR_THEME_SIZE_SMALL,
	LR_THEME_SIZE_MARGIN,
	LR_THEME_SIZE_GRID_LINE,
	LR_THEME_SIZE_AXIS_LINE,
	LR_THEME_SIZE_SERIES_LINE,
	LR_THEME_SIZE_MARKER,
	LR_THEME_SIZE_BAR_GAP,
	LR_THEME_SIZE_MAX_LABEL_LINES,
	LR_THEME_SIZE_LAST
} lr_theme_size_t;

/**
 * LR_THEME_SERIES_COLORS: the number of series colours a theme holds. A chart never gives two
 * series a reader must tell apart the same colour: a ranking chart with more series than this
 * greys all but the highlighted one, or refuses with a message saying how to narrow it.
 * Since: 0.1
 */
#define LR_THEME_SERIES_COLORS 8

/**
 * lr_theme_create:
 *
 * Returns: the default theme: the bundled Noto Sans, a white background and the Okabe–Ito
 * colour-blind-safe palette. Never NULL (an inert theme with LR_STATUS_NO_MEMORY when memory
 * runs out). Free with lr_theme_destroy().
 * Since: 0.1
 */
LR_EXTERN lr_theme_t *
lr_theme_create(void);

/**
 * lr_theme_create_print:
 *
 * Returns: a theme for greyscale printing: greys of distinct lightness, with hatching for
 * estimates, so every series stays distinguishable without colour.
 * Since: 0.1
 */
LR_EXTERN lr_theme_t *
lr_theme_create_print(void);

/**
 * lr_theme_preset_t: the built-in themes, by the names the CLI and charts.ini use.
 * @LR_THEME_PRESET_DEFAULT: "default", lr_theme_create()
 * @LR_THEME_PRESET_PRINT: "print", lr_theme_create_print()
 * Since: 0.2
 */
typedef enum {
	LR_THEME_PRESET_DEFAULT = 0,
	LR_THEME_PRESET_PRINT
} lr_theme_preset_t;

/**
 * lr_theme_preset_from_string:
 * @name: "default" or "print"
 * @preset: (out): where to store the preset
 *
 * Returns: LR_STATUS_SUCCESS, LR_STATUS_INVALID_ARGUMENT for another name (@preset
 * unchanged), LR_STATUS_NULL_POINTER.
 * Since: 0.2
 */
LR_EXTERN lr_status_t
lr_theme_preset_from_string(const char *name, lr_theme_preset_t *preset);

/**
 * lr_theme_preset_to_string:
 * Returns: "default" or "print"; "unknown" for another value (static, never NULL).
 * Since: 0.2
 */
LR_EXTERN const char *
lr_theme_preset_to_string(lr_theme_preset_t preset);

/**
 * lr_theme_create_preset:
 * @preset: which built-in theme
 *
 * Returns: a new theme, as lr_theme_create() or lr_theme_create_print(); for an unknown
 * @preset an inert theme whose status is LR_STATUS_INVALID_ARGUMENT. Never NULL.
 * Since: 0.2
 */
LR_EXTERN lr_theme_t *
lr_theme_create_preset(lr_theme_preset_t preset);

/**
 * lr_theme_make_immutable:
 * @theme: a theme, or NULL (ignored)
 *
 * From now on the setters fail with LR_STATUS_IMMUTABLE. There is no way back. Charts do
 * this to every theme they are given.
 * Since: 0.2
 */
LR_EXTERN void
lr_theme_make_immutable(lr_theme_t *theme);

/**
 * lr_theme_is_immutable:
 * @theme: a theme
 *
 * Returns: whether @theme can no longer change (true for NULL and inert themes).
 * Since: 0.2
 */
LR_EXTERN bool
lr_theme_is_immutable(const lr_theme_t *theme);

/**
 * lr_theme_reference:
 * Returns: @theme with one more reference (NULL stays NULL).
 * Since: 0.1
 */
LR_EXTERN lr_theme_t *
lr_theme_reference(lr_theme_t *theme);

/**
 * lr_theme_destroy: drops a reference; the last one frees the theme. NULL is ignored.
 * Since: 0.1
 */
LR_EXTERN void
lr_theme_destroy(lr_theme_t *theme);

/**
 * lr_theme_status:
 * Returns: LR_STATUS_SUCCESS or the theme's first error (LR_STATUS_NULL_POINTER for NULL).
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_theme_status(const lr_theme_t *theme);

/**
 * lr_theme_set_color:
 * @theme: a theme
 * @role: which colour
 * @red, @green, @blue: components, 0–1
 *
 * Returns: LR_STATUS_SUCCESS, or LR_STATUS_INVALID_ARGUMENT for an unknown role or a
 * component outside 0–1, LR_STATUS_IMMUTABLE once a chart uses the theme (the theme is then
 * unchanged).
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_theme_set_color(lr_theme_t *theme, lr_theme_color_t role, double red, double green, double blue);

/**
 * lr_theme_set_series_color:
 * @theme: a theme
 * @index: 0 to LR_THEME_SERIES_COLORS - 1
 * @red, @green, @blue: components, 0–1
 *
 * Returns: as lr_theme_set_color().
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_theme_set_series_color(lr_theme_t *theme, unsigned index, double red, double green, double blue);

/**
 * lr_theme_set_size:
 * @theme: a theme
 * @which: which setting
 * @value: the new value, finite and not negative
 *
 * Returns: LR_STATUS_SUCCESS, or LR_STATUS_INVALID_ARGUMENT or LR_STATUS_IMMUTABLE (theme
 * unchanged).
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_theme_set_size(lr_theme_t *theme, lr_theme_size_t which, double value);

/**
 * lr_theme_get_size:
 * Returns: the setting, or NaN for an unknown one or a NULL theme.
 * Since: 0.1
 */
LR_EXTERN double
lr_theme_get_size(const lr_theme_t *theme, lr_theme_size_t which);

/**
 * lr_theme_set_font_family:
 * @theme: a theme
 * @family: a family name the bundled fonts (or LREPORT_FONTS_DIR's) provide, copied
 *
 * Returns: LR_STATUS_SUCCESS, LR_STATUS_NULL_POINTER, LR_STATUS_INVALID_UTF8 or
 * LR_STATUS_IMMUTABLE; since 0.3 LR_STATUS_INVALID_ARGUMENT for a name above
 * LR_LABEL_LENGTH_MAX bytes.
 * Since: 0.1
 */
LR_EXTERN lr_status_t
lr_theme_set_font_family(lr_theme_t *theme, const char *family);

/**
 * lr_theme_get_font_family:
 * Returns: the family name, owned by @theme.
 * Since: 0.1
 */
LR_EXTERN const char *
lr_theme_get_font_family(const lr_theme_t *theme);

LR_END_DECLS

#endif /* LR_THEME_H */
