/* lreport: how a chart is written. Reads --size (with units), --scale and --dpi into the
 * library's lr_write_options_t for one format, checking them as usage errors in the unit the
 * user wrote, and writes the chart to a file or to standard output (-o -).
 *
 * Sizes: a bare number is the format's own unit (pixels for PNG, points for PDF and SVG), as
 * before units existed. A physical unit (pt, mm, cm, in) sizes the layout in points; a PNG
 * then gets points × dpi / 72 pixels and records that dpi (a pHYs chunk), so a word processor
 * places it at the size asked for. `px` on a vector format counts CSS pixels (96 per inch).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "lreport-commands.h"

/* Mirrors the library's limits (output.c), so they are refused here as usage errors, in the
 * user's unit, before any drawing. */
#define MAX_SIDE 32767.0
#define MIN_SCALE 0.1
#define MAX_SCALE 16.0
#define MAX_DPI 100000.0

typedef enum { UNIT_NONE, UNIT_PX, UNIT_PT, UNIT_MM, UNIT_CM, UNIT_IN } unit_t;

static const struct {
	const char *name;
	unit_t unit;
	double points; /* points per unit; 0 for pixels */
} units[] = {
	{ "px", UNIT_PX, 0 }, { "pt", UNIT_PT, 1 }, { "mm", UNIT_MM, 72 / 25.4 },
	{ "cm", UNIT_CM, 72 / 2.54 }, { "in", UNIT_IN, 72 },
};

static double
points_per(unit_t unit)
{
	for (size_t i = 0; i < G_N_ELEMENTS(units); i++)
		if (units[i].unit == unit)
			return units[i].points;
	return 0;
}

/* One side: a plain decimal number ("16", "16.5", ".5": no sign, exponent or hex, which
 * strtod would take) and an optional unit. Returns the rest of @text, or NULL. */
static const char *
parse_length(const char *text, double *value, unit_t *unit)
{
	const char *p = text;
	char *number;

	while (g_ascii_isdigit(*p))
		p++;
	if (*p == '.') {
		p++;
		while (g_ascii_isdigit(*p))
			p++;
	}
	if (p == text || (p == text + 1 && *text == '.'))
		return NULL;
	number = g_strndup(text, (gsize) (p - text));
	*value = g_ascii_strtod(number, NULL);
	g_free(number);
	*unit = UNIT_NONE;
	for (size_t i = 0; i < G_N_ELEMENTS(units); i++) {
		if (g_ascii_strncasecmp(p, units[i].name, 2) == 0) {
			*unit = units[i].unit;
			return p + 2;
		}
	}
	return p;
}

bool
lreport_size_parse(const char *text, lreport_size_t *size)
{
	const char *p;
	unit_t width_unit, height_unit = UNIT_NONE;

	memset(size, 0, sizeof *size);
	if (!text)
		return false;
	p = parse_length(text, &size->width, &width_unit);
	if (!p)
		return false;
	if (*p == 'x' || *p == 'X')
		p++;
	else if (strncmp(p, "×", strlen("×")) == 0)
		p += strlen("×");
	else
		return false;
	if (*p == '\0') {
		size->auto_height = true;
	} else {
		p = parse_length(p, &size->height, &height_unit);
		if (!p || *p != '\0')
			return false;
	}
	/* "16x9cm": one unit for both sides. */
	if (width_unit == UNIT_NONE)
		width_unit = height_unit;
	if (height_unit == UNIT_NONE)
		height_unit = width_unit;
	/* One unit kind per size: points and pixels do not mix without a resolution. */
	if ((width_unit == UNIT_PX) != (height_unit == UNIT_PX))
		return false;
	size->physical = width_unit != UNIT_NONE && width_unit != UNIT_PX;
	size->pixels = width_unit == UNIT_PX;
	size->width_points = size->width * points_per(width_unit);
	size->height_points = size->height * points_per(height_unit);
	return isfinite(size->width) && isfinite(size->height);
}

static const char *
format_name(lr_file_format_t format)
{
	return format == LR_FORMAT_PNG ? "PNG" : format == LR_FORMAT_PDF ? "PDF" : "SVG";
}

char *
lreport_write_options_resolve(const lreport_output_request_t *request, lr_file_format_t format,
			      lr_write_options_t *options)
{
	const char *text = request->size, *name = request->size_name ? request->size_name : "--size";
	bool png = format == LR_FORMAT_PNG;
	double scale = request->scale > 0 ? request->scale : 1;
	lreport_size_t size = { 0 };

	lr_write_options_init(options);
	options->format = format;
	options->width = png ? 1600 : 720;
	options->height = png ? 900 : 405;
	options->scale = 1;
	options->dpi = 0;
	if (request->scale != 0 && !(request->scale >= MIN_SCALE && request->scale <= MAX_SCALE))
		return g_strdup_printf("--scale %g: expected a number from 0.1 to 16", request->scale);
	if (request->dpi != 0 && !(request->dpi >= 1 && request->dpi <= MAX_DPI))
		return g_strdup_printf("--dpi %g: expected 1 to 100000 pixels per inch", request->dpi);
	if (!png && request->scale != 0 && request->scale != 1)
		return g_strdup_printf("--scale applies to PNG only: a %s is sized in points "
				       "(use --size, e.g. --size 16cmx9cm)", format_name(format));
	if (!png && request->dpi != 0)
		return g_strdup_printf("--dpi applies to PNG only: a %s is sized in points "
				       "(use --size, e.g. --size 16cmx9cm)", format_name(format));
	if (text && !lreport_size_parse(text, &size))
		return g_strdup_printf("%s '%s': expected WIDTHxHEIGHT, e.g. 1600x900 (%s), "
				       "16cmx9cm, 6inx4in, 720ptx405pt or 800pxx450px",
				       name, text, png ? "pixels" : "points");
	if (!text) {
		options->scale = scale;
		options->dpi = png ? request->dpi : 0;
		goto check;
	}
	if (size.width <= 0 || (!size.auto_height && size.height <= 0))
		return g_strdup_printf("%s '%s': the width and height must be more than 0, "
				       "e.g. %s", name, text, png ? "1600x900 (pixels)" : "720x405 (points)");
	options->height = size.auto_height ? 0 : size.height;
	if (size.physical) {
		double dpi = request->dpi > 0 ? request->dpi : LREPORT_DEFAULT_DPI;
		options->width = size.width_points;
		options->height = size.auto_height ? 0 : size.height_points;
		if (png) {
			/* The layout in points, the pixels at the resolution; --scale multiplies both
			 * pixels and resolution, so the physical size stays. */
			options->scale = dpi * scale / 72;
			options->dpi = dpi * scale;
			if (options->scale < MIN_SCALE || options->scale > MAX_SCALE)
				return g_strdup_printf("%s '%s' at %g dpi: expected a resolution "
						       "from 8 to 1152 dpi for a physical size",
						       name, text, options->dpi);
		}
	} else if (size.pixels && !png) {
		options->width = size.width * 72 / 96;
		options->height = size.auto_height ? 0 : size.height * 72 / 96;
	} else {
		options->width = size.width;
		options->scale = png ? scale : 1;
		options->dpi = png ? request->dpi : 0;
	}
check:
	if (png) {
		double width = ceil(options->width * options->scale);
		double height = ceil(options->height * options->scale);
		if (width > MAX_SIDE || height > MAX_SIDE) {
			char *at = size.physical ? g_strdup_printf(" at %g dpi", options->dpi)
				   : options->scale != 1 ? g_strdup_printf(" at --scale %g", options->scale)
							 : g_strdup("");
			char *message = g_strdup_printf(
				"%s%s%s%s%.0f x %.0f pixels%s is too large: a PNG has at most %.0f "
				"pixels a side", text ? name : "", text ? " '" : "", text ? text : "",
				text ? "': " : "", width, height, at, MAX_SIDE);
			g_free(at);
			return message;
		}
		if (width < 1 || (options->height != 0 && height < 1))
			return g_strdup_printf("%s '%s': %.2f x %.2f pixels: a PNG needs at least "
					       "one pixel a side", name, text ? text : "", width, height);
	} else if (options->width > MAX_SIDE || options->height > MAX_SIDE) {
		return g_strdup_printf("%s '%s': %g x %g points is too large: a %s is at most "
				       "%.0f points (%.1f cm) a side", name, text, options->width,
				       options->height, format_name(format), MAX_SIDE,
				       MAX_SIDE * 2.54 / 72);
	} else if (options->width < 1 || (options->height != 0 && options->height < 1)) {
		return g_strdup_printf("%s '%s': %g x %g points: a %s needs at least 1 point "
				       "a side", name, text, options->width, options->height,
				       format_name(format));
	}
	return NULL;
}

bool
lreport_format_parse(const char *text, lr_file_format_t *format)
{
	return text && lr_file_format_from_string(text, format) == LR_STATUS_SUCCESS &&
	       *format != LR_FORMAT_AUTO;
}

lr_file_format_t
lreport_format_from_path(const char *path)
{
	const char *dot = strrchr(path, '.');
	lr_file_format_t format;

	if (!dot || strchr(dot, '/') || !lreport_format_parse(dot + 1, &format)) {
		char *lower = dot ? g_ascii_strdown(dot + 1, -1) : NULL;
		bool ok = lower && lreport_format_parse(lower, &format);
		g_free(lower);
		return ok ? format : LR_FORMAT_AUTO;
	}
	return format;
}

static lr_status_t
write_stdout(void *closure, const unsigned char *data, size_t length)
{
	(void) closure;
	return fwrite(data, 1, length, stdout) == length ? LR_STATUS_SUCCESS : LR_STATUS_WRITE_ERROR;
}

char *
lreport_chart_write(lr_chart_t *chart, const char *output, const lr_write_options_t *options)
{
	const lr_error_t *error;
	lr_status_t status;

	if (strcmp(output, "-") == 0) {
		status = lr_chart_write_to_stream(chart, write_stdout, NULL, options);
		if (status == LR_STATUS_SUCCESS && fflush(stdout) != 0)
			status = LR_STATUS_WRITE_ERROR;
		if (status == LR_STATUS_WRITE_ERROR && ferror(stdout))
			return g_strdup("-: cannot write to standard output");
	} else {
		/* LR_FORMAT_AUTO would look at the extension again; the format is decided. */
		status = lr_chart_write_with_options(chart, output, options);
	}
	if (status == LR_STATUS_SUCCESS)
		return NULL;
	/* This write's error (lr_chart_get_error() after a failed call), so it names this file
	 * even when an earlier write of the chart failed. */
	error = lr_chart_get_error(chart);
	return g_strdup_printf("%s: %s", output, error ? error->message : lr_status_to_string(status));
}
