/* libreport: the theme. Every visual constant of a chart is here and nowhere else: fonts,
 * sizes, colours, margins, line widths. The default palette is Okabe–Ito (colour-blind safe);
 * the print theme uses greys of distinct lightness with hatching.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "common-private.h"
#include "theme-private.h"

static lr_theme_t inert_theme = { .references = -1, .status = LR_STATUS_NO_MEMORY,
				  .immutable = 1, .font_family = (char *) "Noto Sans" };

static lr_color_t
rgb(unsigned hex)
{
	return (lr_color_t) { ((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0,
			      (hex & 0xFF) / 255.0 };
}

static lr_theme_t *
theme_new(void)
{
	lr_theme_t *theme = g_try_new0(lr_theme_t, 1);

	if (!theme)
		return NULL;
	theme->references = 1;
	theme->font_family = g_strdup("Noto Sans");
	theme->colors[LR_THEME_COLOR_BACKGROUND] = rgb(0xFFFFFF);
	theme->colors[LR_THEME_COLOR_TEXT] = rgb(0x1A1A1A);
	theme->colors[LR_THEME_COLOR_TEXT_MUTED] = rgb(0x5E5E5E);
	theme->colors[LR_THEME_COLOR_GRID] = rgb(0xE2E2E2);
	theme->colors[LR_THEME_COLOR_AXIS] = rgb(0x333333);
	theme->colors[LR_THEME_COLOR_CONTEXT] = rgb(0xB9BEC4);
	theme->colors[LR_THEME_COLOR_HIGHLIGHT] = rgb(0xD55E00);
	theme->colors[LR_THEME_COLOR_BETTER] = rgb(0x007A5A);
	theme->colors[LR_THEME_COLOR_WORSE] = rgb(0xC23B00);
	/* Okabe & Ito (2008), ordered so neighbours contrast; yellow, weakest on white, last. */
	theme->series[0] = rgb(0x0072B2);
	theme->series[1] = rgb(0xE69F00);
	theme->series[2] = rgb(0x009E73);
	theme->series[3] = rgb(0xD55E00);
	theme->series[4] = rgb(0x56B4E9);
	theme->series[5] = rgb(0xCC79A7);
	theme->series[6] = rgb(0x000000);
	theme->series[7] = rgb(0xF0E442);
	theme->sizes[LR_THEME_SIZE_FONT] = 0; /* from the canvas */
	theme->sizes[LR_THEME_SIZE_TITLE] = 1.45;
	theme->sizes[LR_THEME_SIZE_SUBTITLE] = 1.0;
	theme->sizes[LR_THEME_SIZE_SMALL] = 0.82;
	theme->sizes[LR_THEME_SIZE_MARGIN] = 1.4;
	theme->sizes[LR_THEME_SIZE_GRID_LINE] = 0.06;
	theme->sizes[LR_THEME_SIZE_AXIS_LINE] = 0.1;
	theme->sizes[LR_THEME_SIZE_SERIES_LINE] = 0.2;
	theme->sizes[LR_THEME_SIZE_MARKER] = 0.36;
	theme->sizes[LR_THEME_SIZE_BAR_GAP] = 0.3;
	theme->sizes[LR_THEME_SIZE_MAX_LABEL_LINES] = 3;
	return theme;
}

lr_theme_t *
lr_theme_create(void)
{
	lr_theme_t *theme = theme_new();
	return theme ? theme : &inert_theme;
}

lr_theme_t *
lr_theme_create_print(void)
{
	lr_theme_t *theme = theme_new();
	static const unsigned greys[LR_THEME_SERIES_COLORS] = {
		0x1F1F1F, 0x8C8C8C, 0x545454, 0xC4C4C4, 0x3A3A3A, 0xA8A8A8, 0x707070, 0xDCDCDC,
	};

	if (!theme)
		return &inert_theme;
	for (unsigned i = 0; i < LR_THEME_SERIES_COLORS; i++)
		theme->series[i] = rgb(greys[i]);
	theme->colors[LR_THEME_COLOR_CONTEXT] = rgb(0xC8C8C8);
	theme->colors[LR_THEME_COLOR_HIGHLIGHT] = rgb(0x1F1F1F);
	theme->colors[LR_THEME_COLOR_BETTER] = rgb(0x1F1F1F);
	theme->colors[LR_THEME_COLOR_WORSE] = rgb(0x6E6E6E);
	theme->hatch_uncertain = true;
	return theme;
}

lr_theme_t *
lr_theme_create_preset(lr_theme_preset_t preset)
{
	static lr_theme_t inert_invalid = { .references = -1, .status = LR_STATUS_INVALID_ARGUMENT,
					    .immutable = 1, .font_family = (char *) "Noto Sans" };

	switch (preset) {
	case LR_THEME_PRESET_DEFAULT:
		return lr_theme_create();
	case LR_THEME_PRESET_PRINT:
		return lr_theme_create_print();
	default:
		lr_error(LR_STATUS_INVALID_ARGUMENT);
		return &inert_invalid;
	}
}

static const char *const preset_names[] = { "default", "print" };

LR_DEFINE_ENUM_NAMES(theme_preset, lr_theme_preset_t, preset_names)

void
lr_theme_make_immutable(lr_theme_t *theme)
{
	if (theme && g_atomic_int_get(&theme->references) > 0)
		g_atomic_int_set(&theme->immutable, 1);
}

bool
lr_theme_is_immutable(const lr_theme_t *theme)
{
	return !theme || g_atomic_int_get(&theme->references) <= 0 ||
	       g_atomic_int_get(&theme->immutable);
}

/* Whether setters may change @theme: a real theme nobody has made immutable. */
static bool
writable(lr_theme_t *theme)
{
	return !lr_theme_is_immutable(theme);
}

/* What a setter returns when @theme is not writable. */
static lr_status_t
theme_write_status(const lr_theme_t *theme)
{
	if (g_atomic_int_get(&theme->references) <= 0)
		return theme->status;
	return lr_error(LR_STATUS_IMMUTABLE);
}

lr_theme_t *
lr_theme_reference(lr_theme_t *theme)
{
	if (theme && g_atomic_int_get(&theme->references) > 0)
		g_atomic_int_inc(&theme->references);
	return theme;
}

void
lr_theme_destroy(lr_theme_t *theme)
{
	if (!theme || g_atomic_int_get(&theme->references) <= 0)
		return;
	if (!g_atomic_int_dec_and_test(&theme->references))
		return;
	g_free(theme->font_family);
	g_free(theme);
}

lr_status_t
lr_theme_status(const lr_theme_t *theme)
{
	return theme ? theme->status : LR_STATUS_NULL_POINTER;
}

static bool
valid_component(double value)
{
	return isfinite(value) && value >= 0 && value <= 1;
}

lr_status_t
lr_theme_set_color(lr_theme_t *theme, lr_theme_color_t role, double red, double green, double blue)
{
	if (!theme)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!writable(theme))
		return theme_write_status(theme);
	if ((unsigned) role >= LR_THEME_COLOR_LAST || !valid_component(red) ||
	    !valid_component(green) || !valid_component(blue))
		return lr_error(LR_STATUS_INVALID_ARGUMENT);
	theme->colors[role] = (lr_color_t) { red, green, blue };
	return LR_STATUS_SUCCESS;
}

lr_status_t
lr_theme_set_series_color(lr_theme_t *theme, unsigned index, double red, double green, double blue)
{
	if (!theme)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!writable(theme))
		return theme_write_status(theme);
	if (index >= LR_THEME_SERIES_COLORS || !valid_component(red) || !valid_component(green) ||
	    !valid_component(blue))
		return lr_error(LR_STATUS_INVALID_ARGUMENT);
	theme->series[index] = (lr_color_t) { red, green, blue };
	return LR_STATUS_SUCCESS;
}

lr_status_t
lr_theme_set_size(lr_theme_t *theme, lr_theme_size_t which, double value)
{
	if (!theme)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!writable(theme))
		return theme_write_status(theme);
	if ((unsigned) which >= LR_THEME_SIZE_LAST || !isfinite(value) || value < 0)
		return lr_error(LR_STATUS_INVALID_ARGUMENT);
	if (which == LR_THEME_SIZE_BAR_GAP && value > 0.9)
		return lr_error(LR_STATUS_INVALID_ARGUMENT);
	if (which == LR_THEME_SIZE_MAX_LABEL_LINES && (value < 1 || value > 10 || value != floor(value)))
		return lr_error(LR_STATUS_INVALID_ARGUMENT);
	if (which != LR_THEME_SIZE_FONT && which != LR_THEME_SIZE_BAR_GAP && value > 100)
		return lr_error(LR_STATUS_INVALID_ARGUMENT);
	theme->sizes[which] = value;
	return LR_STATUS_SUCCESS;
}

double
lr_theme_get_size(const lr_theme_t *theme, lr_theme_size_t which)
{
	if (!theme || (unsigned) which >= LR_THEME_SIZE_LAST)
		return NAN;
	return theme->sizes[which];
}

lr_status_t
lr_theme_set_font_family(lr_theme_t *theme, const char *family)
{
	if (!theme || !family)
		return lr_error(LR_STATUS_NULL_POINTER);
	if (!writable(theme))
		return theme_write_status(theme);
	if (!g_utf8_validate(family, -1, NULL))
		return lr_error(LR_STATUS_INVALID_UTF8);
	if (strlen(family) > LR_LABEL_LENGTH_MAX)
		return lr_error(LR_STATUS_INVALID_ARGUMENT);
	g_free(theme->font_family);
	theme->font_family = g_strdup(family);
	return LR_STATUS_SUCCESS;
}

const char *
lr_theme_get_font_family(const lr_theme_t *theme)
{
	return theme ? theme->font_family : NULL;
}

double
lr_theme_font_size(const lr_theme_t *theme, double width, double height)
{
	double size;

	if (theme->sizes[LR_THEME_SIZE_FONT] > 0)
		return theme->sizes[LR_THEME_SIZE_FONT];
	/* Scale with the canvas, judged on a 16:9 equivalent, so a 1600×900 slide gets ~23 px
	 * text and a 720×405 pt print chart ~10 pt; never below legible print size. */
	size = MIN(width, height * 16.0 / 9.0) / 70.0;
	return CLAMP(size, 8.0, 48.0);
}

lr_color_t
lr_theme_series_color(const lr_theme_t *theme, unsigned index)
{
	return theme->series[index % LR_THEME_SERIES_COLORS];
}

lr_color_t
lr_color_lighten(lr_color_t color, double amount)
{
	return (lr_color_t) { color.red + (1 - color.red) * amount,
			      color.green + (1 - color.green) * amount,
			      color.blue + (1 - color.blue) * amount };
}

lr_color_t
lr_color_text_on(lr_color_t background)
{
	/* Relative luminance (sRGB approximated by gamma 2.2) against a mid threshold. */
	double luminance = 0.2126 * pow(background.red, 2.2) + 0.7152 * pow(background.green, 2.2) +
			   0.0722 * pow(background.blue, 2.2);
	return luminance > 0.28 ? (lr_color_t) { 0.1, 0.1, 0.1 } : (lr_color_t) { 1, 1, 1 };
}

static double
relative_luminance(lr_color_t color)
{
	return 0.2126 * pow(color.red, 2.2) + 0.7152 * pow(color.green, 2.2) +
	       0.0722 * pow(color.blue, 2.2);
}

lr_color_t
lr_color_readable_on(lr_color_t color, lr_color_t background)
{
	double bright = relative_luminance(background);

	/* WCAG contrast of at least 3:1 (large or bold text): Okabe–Ito's yellow and sky blue
	 * are fine as lines and bars but too pale as text on white, so text takes a darker
	 * shade of the same hue. */
	for (int step = 0; step < 20; step++) {
		double dark = relative_luminance(color);
		double ratio = (MAX(bright, dark) + 0.05) / (MIN(bright, dark) + 0.05);
		if (ratio >= 3.0)
			break;
		color = bright > dark ? (lr_color_t) { color.red * 0.88, color.green * 0.88, color.blue * 0.88 }
				      : lr_color_lighten(color, 0.15);
	}
	return color;
}
