/* libreport (private): the theme's fields, read by chart layout.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_THEME_PRIVATE_H
#define LR_THEME_PRIVATE_H

#include <stdbool.h>
#include <lreport/lreport.h>

typedef struct {
	double red, green, blue;
} lr_color_t;

struct lr_theme {
	gint references;            /* atomic; -1 for the static inert themes */
	gint immutable;             /* atomic; set once, by lr_theme_make_immutable() */
	lr_status_t status;
	char *font_family;
	lr_color_t colors[LR_THEME_COLOR_LAST];
	lr_color_t series[LR_THEME_SERIES_COLORS];
	double sizes[LR_THEME_SIZE_LAST];
	bool hatch_uncertain; /* print: hatch estimates as well as lightening them */
};

/* The body font size for a canvas: the theme's, or one picked from the canvas size. */
double
lr_theme_font_size(const lr_theme_t *theme, double width, double height);

lr_color_t
lr_theme_series_color(const lr_theme_t *theme, unsigned index);

/* @color mixed with white: 0 keeps it, 1 is white. For estimates, forecasts and targets. */
lr_color_t
lr_color_lighten(lr_color_t color, double amount);

/* @color, darkened (or lightened) just enough to read as text on @background. */
lr_color_t
lr_color_readable_on(lr_color_t color, lr_color_t background);

/* A readable text colour on top of @background: near-black or white. */
lr_color_t
lr_color_text_on(lr_color_t background);

#endif
