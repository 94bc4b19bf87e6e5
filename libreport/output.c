/* libreport: output. Turns a drawing callback into a PNG, PDF or SVG file. Each format is
 * rendered into memory first (a cairo image surface encoded with libspng, or cairo's PDF and
 * SVG surfaces streamed into a byte array) and only then written, through a temporary file in
 * the target's folder that is renamed over the target, so a failure at any step leaves the
 * old file, if any, untouched and no stray file behind (see the invariants in
 * output-private.h). Nothing in the output depends on the clock or on process state: PDF
 * dates come from SOURCE_DATE_EPOCH or are fixed, and the process-wide surface numbers that
 * cairo writes into SVG ids are renumbered.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <spng.h>

#include "output-private.h"

/* cairo image surfaces and pixman address at most 32767 pixels a side. */
#define MAX_DEVICE_PIXELS 32767
#define MIN_SCALE 0.1
#define MAX_SCALE 16.0

/* Without SOURCE_DATE_EPOCH the PDF still must not carry the time of the run. */
#define FIXED_PDF_DATE "2000-01-01T00:00:00Z"
/* The last second GDateTime (and the four-digit years of a PDF date) can express. */
#define MAX_SOURCE_DATE_EPOCH G_GUINT64_CONSTANT(253402300799)

#define PDF_CREATOR "libreport"

/* PNG encoder settings, measured on a representative 1600 x 900 chart (white background,
 * 21 bars in 3 colours, grid lines, 30 anti-aliased Pango strings in Noto Sans; 208
 * distinct colours), gcc -O2, libspng 0.7.3 with the system zlib, 2-core machine shared with
 * other jobs, median of 9 encodes each (times move by ~10% between runs):
 *
 *   cairo_surface_write_to_png:                       32.7 ms   23522 bytes (1.00)
 *   draw of the chart itself (text layouts cached):    0.5 ms
 *   ARGB32 -> RGB8 with the alpha check:               0.8 ms
 *   ARGB32 -> 8-bit palette indices:                   0.9 ms
 *
 *   RGB8 (3 bytes a pixel)
 *   level strategy    filter      ms    bytes  ratio
 *   1     Z_RLE       NONE     11.0   339727  14.44
 *   1     Z_RLE       SUB       9.6    92741   3.94
 *   1     Z_RLE       UP        9.2    49036   2.08
 *   1     Z_RLE       PAETH    15.1    44397   1.89
 *   1     Z_RLE       ALL      41.7    42067   1.79
 *   1-6   Z_RLE       any      (the level does not matter to Z_RLE: same bytes, same times)
 *   1     Z_FILTERED  NONE      5.8    55430   2.36
 *   1     Z_FILTERED  UP       15.5    40906   1.74
 *   1     Z_FILTERED  PAETH    24.6    40757   1.73
 *   1     Z_FILTERED  ALL      59.5    39719   1.69
 *   1     default     NONE      5.8    55430   2.36
 *   1     default     SUB       9.4    59430   2.53
 *   1     default     UP        9.4    40906   1.74
 *   1     default     PAETH    23.0    40757   1.73
 *   1     default     ALL      61.6    39719   1.69
 *   2     default     NONE      5.8    54815   2.33
 *   2     default     UP        8.9    40689   1.73
 *   3     default     NONE      5.7    49245   2.09
 *   3     default     UP        9.1    40231   1.71
 *   3     default     PAETH    15.2    39136   1.66
 *   4     Z_FILTERED  UP       14.5    25150   1.07
 *   4     default     NONE     11.5    51925   2.21
 *   4     default     SUB      14.4    37615   1.60
 *   4     default     UP       14.5    24470   1.04   <- RGB8 / RGBA8 choice
 *   4     default     PAETH    20.4    24188   1.03
 *   4     default     ALL      44.6    23168   0.98
 *   5     default     UP       14.4    24251   1.03
 *   5     default     ALL      44.9    22940   0.98
 *   6     default     NONE     13.3    36161   1.54
 *   6     default     UP       15.5    23986   1.02
 *   6     default     ALL      46.2    22874   0.97
 *
 * Levels 1 to 3 are zlib's greedy matcher, which leaves flat-colour images 1.7 to 2.4 times
 * larger than cairo's file; level 4 is the first with lazy matching and the fastest within
 * 1.5 times the size, at 14.5 ms. No RGB8 setting reaches the 6 ms goal: deflate alone over
 * 4.3 MB costs more than that. What does is writing fewer bytes: a chart is large flat areas
 * and the anti-aliasing ramps between a few colours, so it almost always has at most 256
 * colours and an 8-bit palette image carries the same pixels, losslessly, in a third of the
 * bytes:
 *
 *   palette (1 byte a pixel)
 *   level strategy    filter      ms    bytes  ratio
 *   1     Z_RLE       NONE      3.8    32772   1.39
 *   1     Z_RLE       UP        5.4    19077   0.81
 *   1     default     NONE      3.1    23221   0.99
 *   1     default     UP        5.2    20185   0.86
 *   2     default     NONE      3.1    21374   0.91
 *   2     Z_FILTERED  NONE      3.2    21374   0.91
 *   2     default     UP        5.2    20113   0.86
 *   3     default     NONE      3.2    21253   0.90
 *   3     default     UP        5.1    19833   0.84
 *   4     default     NONE      6.8    38074   1.62
 *   4     default     UP        7.9    13318   0.57
 *   6     default     NONE      6.8    14125   0.60
 *   6     default     UP        8.4    12809   0.54
 *
 * Level 2, default strategy, no filtering (the PNG specification's advice for palette
 * images) encodes in 3.1 ms at 0.91 times cairo's size; with the 0.9 ms conversion and the
 * draw the whole 1600 x 900 PNG write takes about 5 ms. Images with more than 256 colours
 * (gradients, photographs) and images with transparency take the RGB8 / RGBA8 settings. */
#define PNG_PALETTE_LEVEL 2
#define PNG_PALETTE_STRATEGY 0 /* Z_DEFAULT_STRATEGY */
#define PNG_PALETTE_FILTER SPNG_FILTER_CHOICE_NONE
#define PNG_TRUECOLOR_LEVEL 4
#define PNG_TRUECOLOR_STRATEGY 0 /* Z_DEFAULT_STRATEGY */
#define PNG_TRUECOLOR_FILTER SPNG_FILTER_CHOICE_UP

/* Open addressing with four slots per palette entry keeps the probe chains short. */
#define PALETTE_HASH_BITS 10
#define PALETTE_HASH_SIZE (1u << PALETTE_HASH_BITS)

typedef enum {
	PIXELS_CONVERTED,
	PIXELS_TOO_MANY_COLOURS,
	PIXELS_NOT_OPAQUE
} pixels_result_t;

/* Fills @error, when given, and returns @status; @file is the file the error is about. */
static lr_status_t G_GNUC_PRINTF(4, 5)
fail(lr_error_record_t *error, lr_status_t status, const char *file, const char *format, ...)
{
	va_list args;
	char *message;

	if (!error)
		return lr_error(status);
	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	lr_error_record_set(error, status, file, 0, 0, "%s", message);
	g_free(message);
	return status;
}

lr_file_format_t
lr_output_format_from_path(const char *path)
{
	const char *slash, *dot;

	if (!path)
		return LR_FORMAT_AUTO;
	slash = strrchr(path, '/');
	dot = strrchr(slash ? slash : path, '.');
	if (!dot)
		return LR_FORMAT_AUTO;
	if (g_ascii_strcasecmp(dot, ".png") == 0)
		return LR_FORMAT_PNG;
	if (g_ascii_strcasecmp(dot, ".pdf") == 0)
		return LR_FORMAT_PDF;
	if (g_ascii_strcasecmp(dot, ".svg") == 0)
		return LR_FORMAT_SVG;
	return LR_FORMAT_AUTO;
}

/* ---- PNG ---- */

/* Maps every pixel to a palette index, colours numbered in order of first appearance so the
 * same image always gives the same file. Gives up at the 257th colour or the first pixel that
 * is not opaque. Charts are long runs of one colour, so the hash table is only consulted when
 * the colour changes. */
static pixels_result_t
pixels_to_palette(const guint8 *data, int stride, int width, int height, guint32 alpha_mask,
		  guint8 *out, struct spng_plte *plte)
{
	guint32 keys[PALETTE_HASH_SIZE] = { 0 };
	guint8 values[PALETTE_HASH_SIZE];
	guint32 count = 0;
	/* Differs from the first pixel in every bit, so that pixel gets looked up. */
	guint32 last = ~(((const guint32 *) (const void *) data)[0] | alpha_mask);
	guint8 last_index = 0;
	int x, y;

	for (y = 0; y < height; y++) {
		const guint32 *row = (const guint32 *) (const void *) (data + (gsize) y * stride);

		for (x = 0; x < width; x++) {
			guint32 pixel = row[x] | alpha_mask;

			if (pixel != last) {
				guint32 slot;

				/* An opaque pixel is 0xffRRGGBB, which also makes 0 a free
				 * slot's key. */
				if (pixel < 0xff000000u)
					return PIXELS_NOT_OPAQUE;
				slot = (pixel * 2654435761u) >> (32 - PALETTE_HASH_BITS);
				while (keys[slot] != pixel) {
					if (keys[slot] == 0) {
						if (count == 256)
							return PIXELS_TOO_MANY_COLOURS;
						keys[slot] = pixel;
						values[slot] = (guint8) count;
						plte->entries[count].red = (guint8) (pixel >> 16);
						plte->entries[count].green = (guint8) (pixel >> 8);
						plte->entries[count].blue = (guint8) pixel;
						plte->entries[count].alpha = 255;
						count++;
						break;
					}
					slot = (slot + 1) & (PALETTE_HASH_SIZE - 1);
				}
				last = pixel;
				last_index = values[slot];
			}
			*out++ = last_index;
		}
	}
	plte->n_entries = count;
	return PIXELS_CONVERTED;
}

/* Opaque pixels are stored unpremultiplied already, so RGB is a plain copy; the alpha bytes
 * are ANDed together per row rather than tested per pixel, to keep the loop branch-free. */
static pixels_result_t
pixels_to_rgb(const guint8 *data, int stride, int width, int height, guint32 alpha_mask,
	      guint8 *out)
{
	int x, y;

	for (y = 0; y < height; y++) {
		const guint32 *row = (const guint32 *) (const void *) (data + (gsize) y * stride);
		guint32 all = 0xffffffffu;

		for (x = 0; x < width; x++) {
			guint32 pixel = row[x];

			all &= pixel;
			out[0] = (guint8) (pixel >> 16);
			out[1] = (guint8) (pixel >> 8);
			out[2] = (guint8) pixel;
			out += 3;
		}
		if (((all | alpha_mask) >> 24) != 0xff)
			return PIXELS_NOT_OPAQUE;
	}
	return PIXELS_CONVERTED;
}

/* PNG stores straight alpha; cairo premultiplies. Rounds as cairo's own PNG writer does. */
static void
pixels_to_rgba(const guint8 *data, int stride, int width, int height, guint8 *out)
{
	int x, y;

	for (y = 0; y < height; y++) {
		const guint32 *row = (const guint32 *) (const void *) (data + (gsize) y * stride);

		for (x = 0; x < width; x++) {
			guint32 pixel = row[x];
			guint32 alpha = pixel >> 24;

			if (alpha == 0) {
				out[0] = out[1] = out[2] = 0;
			} else if (alpha == 255) {
				out[0] = (guint8) (pixel >> 16);
				out[1] = (guint8) (pixel >> 8);
				out[2] = (guint8) pixel;
			} else {
				out[0] = (guint8) ((((pixel >> 16) & 0xff) * 255 + alpha / 2) / alpha);
				out[1] = (guint8) ((((pixel >> 8) & 0xff) * 255 + alpha / 2) / alpha);
				out[2] = (guint8) (((pixel & 0xff) * 255 + alpha / 2) / alpha);
			}
			out[3] = (guint8) alpha;
			out += 4;
		}
	}
}

static lr_status_t
spng_fail(lr_error_record_t *error, int code)
{
	return fail(error, code == SPNG_EMEM ? LR_STATUS_NO_MEMORY : LR_STATUS_WRITE_ERROR, NULL,
		    "cannot encode PNG: %s", spng_strerror(code));
}

/* Encodes @pixels (in the layout @color_type names) with one of the measured settings. */
static lr_status_t
encode_pixels(const guint8 *pixels, gsize length, int width, int height, guint8 color_type,
	      const struct spng_plte *plte, GByteArray **out, lr_error_record_t *error)
{
	struct spng_ihdr ihdr = { 0 };
	gboolean palette = color_type == SPNG_COLOR_TYPE_INDEXED;
	spng_ctx *ctx;
	void *png;
	size_t png_length = 0;
	int code;

	ctx = spng_ctx_new(SPNG_CTX_ENCODER);
	if (!ctx)
		return fail(error, LR_STATUS_NO_MEMORY, NULL, "cannot encode PNG: out of memory");
	ihdr.width = (uint32_t) width;
	ihdr.height = (uint32_t) height;
	ihdr.bit_depth = 8;
	ihdr.color_type = color_type;
	/* Only IHDR, PLTE, IDAT and IEND are written: no gAMA, tIME or text that could vary. */
	code = spng_set_option(ctx, SPNG_ENCODE_TO_BUFFER, 1);
	if (!code)
		code = spng_set_option(ctx, SPNG_IMG_COMPRESSION_LEVEL,
				       palette ? PNG_PALETTE_LEVEL : PNG_TRUECOLOR_LEVEL);
	if (!code)
		code = spng_set_option(ctx, SPNG_IMG_COMPRESSION_STRATEGY,
				       palette ? PNG_PALETTE_STRATEGY : PNG_TRUECOLOR_STRATEGY);
	if (!code)
		code = spng_set_option(ctx, SPNG_FILTER_CHOICE,
				       palette ? PNG_PALETTE_FILTER : PNG_TRUECOLOR_FILTER);
	if (!code)
		code = spng_set_ihdr(ctx, &ihdr);
	if (!code && palette)
		code = spng_set_plte(ctx, (struct spng_plte *) plte);
	if (!code)
		code = spng_encode_image(ctx, pixels, length, SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE);
	if (code) {
		spng_ctx_free(ctx);
		return spng_fail(error, code);
	}
	png = spng_get_png_buffer(ctx, &png_length, &code);
	spng_ctx_free(ctx);
	if (!png)
		return spng_fail(error, code ? code : SPNG_EMEM);
	*out = g_byte_array_sized_new((guint) png_length);
	g_byte_array_append(*out, png, (guint) png_length);
	/* libspng allocated it with its default allocator, malloc. */
	free(png);
	return LR_STATUS_SUCCESS;
}

static lr_status_t
encode_png(cairo_surface_t *surface, GByteArray **out, lr_error_record_t *error)
{
	struct spng_plte *plte;
	cairo_format_t format;
	const guint8 *data;
	guint8 *pixels;
	int width, height, stride;
	gsize count;
	guint32 alpha_mask;
	pixels_result_t result;
	lr_status_t status;

	*out = NULL;
	if (!surface)
		return fail(error, LR_STATUS_NULL_POINTER, NULL, "cannot encode PNG: no surface");
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
		return fail(error, LR_STATUS_CAIRO_ERROR, NULL, "cannot encode PNG: %s",
			    cairo_status_to_string(cairo_surface_status(surface)));
	if (cairo_surface_get_type(surface) != CAIRO_SURFACE_TYPE_IMAGE)
		return fail(error, LR_STATUS_INVALID_ARGUMENT, NULL,
			    "cannot encode PNG: not an image surface");
	format = cairo_image_surface_get_format(surface);
	if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
		return fail(error, LR_STATUS_INVALID_ARGUMENT, NULL,
			    "cannot encode PNG: image format %d is not ARGB32 or RGB24", format);
	cairo_surface_flush(surface);
	width = cairo_image_surface_get_width(surface);
	height = cairo_image_surface_get_height(surface);
	stride = cairo_image_surface_get_stride(surface);
	data = cairo_image_surface_get_data(surface);
	if (width < 1 || height < 1 || !data)
		return fail(error, LR_STATUS_INVALID_ARGUMENT, NULL,
			    "cannot encode PNG: the image is empty");
	count = (gsize) width * (gsize) height;
	/* RGB24 leaves the alpha byte undefined: every pixel counts as opaque. */
	alpha_mask = format == CAIRO_FORMAT_RGB24 ? 0xff000000u : 0;

	/* The plte struct is 1 KiB; heap, not stack, keeps the frame small for threads. */
	plte = g_try_new0(struct spng_plte, 1);
	pixels = g_try_malloc(count);
	if (!plte || !pixels) {
		g_free(plte);
		g_free(pixels);
		return fail(error, LR_STATUS_NO_MEMORY, NULL, "cannot encode PNG: out of memory");
	}
	result = pixels_to_palette(data, stride, width, height, alpha_mask, pixels, plte);
	if (result == PIXELS_CONVERTED) {
		status = encode_pixels(pixels, count, width, height, SPNG_COLOR_TYPE_INDEXED,
				       plte, out, error);
		g_free(plte);
		g_free(pixels);
		return status;
	}
	g_free(plte);
	g_free(pixels);

	pixels = g_try_malloc_n(count, 4);
	if (!pixels)
		return fail(error, LR_STATUS_NO_MEMORY, NULL, "cannot encode PNG: out of memory");
	if (result == PIXELS_TOO_MANY_COLOURS)
		result = pixels_to_rgb(data, stride, width, height, alpha_mask, pixels);
	if (result == PIXELS_CONVERTED) {
		status = encode_pixels(pixels, count * 3, width, height,
				       SPNG_COLOR_TYPE_TRUECOLOR, NULL, out, error);
	} else {
		pixels_to_rgba(data, stride, width, height, pixels);
		status = encode_pixels(pixels, count * 4, width, height,
				       SPNG_COLOR_TYPE_TRUECOLOR_ALPHA, NULL, out, error);
	}
	g_free(pixels);
	return status;
}

GByteArray *
lr_output_encode_png(cairo_surface_t *surface, lr_error_record_t *error)
{
	GByteArray *bytes;

	encode_png(surface, &bytes, error);
	return bytes;
}

/* ---- rendering ---- */

/* Runs @draw over the whole canvas and turns a failure, the callback's or cairo's, into an
 * error naming @path. */
static lr_status_t
run_draw(const char *path, cairo_t *cr, double width, double height, lr_draw_func_t draw,
	 void *data, lr_error_record_t *error)
{
	lr_rect_t rect = { 0, 0, width, height };
	lr_status_t status;

	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return fail(error, LR_STATUS_CAIRO_ERROR, path, "cannot draw '%s': %s", path,
			    cairo_status_to_string(cairo_status(cr)));
	status = draw(data, cr, &rect);
	if (status != LR_STATUS_SUCCESS)
		return fail(error, status, path, "cannot draw '%s': %s", path,
			    lr_status_to_string(status));
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return fail(error, LR_STATUS_CAIRO_ERROR, path, "cannot draw '%s': %s", path,
			    cairo_status_to_string(cairo_status(cr)));
	return LR_STATUS_SUCCESS;
}

static lr_status_t
render_png(const char *path, double width, double height, double scale, lr_draw_func_t draw,
	   void *data, GByteArray **out, lr_error_record_t *error)
{
	cairo_surface_t *surface;
	cairo_t *cr;
	lr_status_t status;

	surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int) ceil(width * scale),
					     (int) ceil(height * scale));
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		status = fail(error, LR_STATUS_CAIRO_ERROR, path, "cannot draw '%s': %s", path,
			      cairo_status_to_string(cairo_surface_status(surface)));
		cairo_surface_destroy(surface);
		return status;
	}
	cr = cairo_create(surface);
	cairo_scale(cr, scale, scale);
	status = run_draw(path, cr, width, height, draw, data, error);
	cairo_destroy(cr);
	if (status == LR_STATUS_SUCCESS)
		status = encode_png(surface, out, error);
	cairo_surface_destroy(surface);
	return status;
}

static cairo_status_t
append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* The PDF date as cairo wants it, ISO 8601 in UTC, into @date (at least 32 bytes). Follows
 * the reproducible-builds.org rule: a malformed SOURCE_DATE_EPOCH is an error, not ignored. */
static lr_status_t
pdf_date(char *date, const char *path, lr_error_record_t *error)
{
	const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
	guint64 seconds;
	GDateTime *time;
	char *text;

	if (!epoch || !*epoch) {
		g_strlcpy(date, FIXED_PDF_DATE, 32);
		return LR_STATUS_SUCCESS;
	}
	if (!g_ascii_string_to_unsigned(epoch, 10, 0, MAX_SOURCE_DATE_EPOCH, &seconds, NULL))
		return fail(error, LR_STATUS_INVALID_ARGUMENT, path,
			    "cannot write '%s': SOURCE_DATE_EPOCH '%s' is not a number of "
			    "seconds from 0 to %" G_GUINT64_FORMAT,
			    path, epoch, MAX_SOURCE_DATE_EPOCH);
	time = g_date_time_new_from_unix_utc((gint64) seconds);
	text = time ? g_date_time_format(time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
	if (time)
		g_date_time_unref(time);
	if (!text)
		return fail(error, LR_STATUS_INVALID_ARGUMENT, path,
			    "cannot write '%s': SOURCE_DATE_EPOCH '%s' is out of range", path,
			    epoch);
	g_strlcpy(date, text, 32);
	g_free(text);
	return LR_STATUS_SUCCESS;
}

/* cairo 1.16 numbers the SVG page group and embedded images with a process-wide surface
 * counter (<g id="surface6"> in one run, "surface16" in the next), so the same chart would
 * give different bytes. Renumbers those ids, and the per-document ones for good measure, in
 * order of first appearance. They only ever appear as id="..." or as #... in references;
 * cairo writes text as glyph outlines, so no user string can look like one. */
typedef struct {
	GHashTable *ids;      /* "surface16" -> its new number + 1 */
	GHashTable *counters; /* "surface" -> how many of them have been numbered */
} svg_ids_t;

static gboolean
renumber_id(const GMatchInfo *match, GString *result, gpointer user_data)
{
	svg_ids_t *state = user_data;
	char *prefix = g_match_info_fetch(match, 1);
	char *name = g_match_info_fetch(match, 2);
	char *digits = g_match_info_fetch(match, 3);
	char *old_id = g_strconcat(name, digits, NULL);
	guint number = GPOINTER_TO_UINT(g_hash_table_lookup(state->ids, old_id));

	if (number == 0) {
		number = GPOINTER_TO_UINT(g_hash_table_lookup(state->counters, name)) + 1;
		g_hash_table_insert(state->counters, g_strdup(name), GUINT_TO_POINTER(number));
		g_hash_table_insert(state->ids, old_id, GUINT_TO_POINTER(number));
		old_id = NULL;
	}
	g_string_append_printf(result, "%s%s%u", prefix, name, number - 1);
	g_free(old_id);
	g_free(digits);
	g_free(name);
	g_free(prefix);
	return FALSE;
}

/* Takes @svg; returns the renumbered document. */
static GByteArray *
renumber_svg_ids(GByteArray *svg)
{
	svg_ids_t state;
	GRegex *regex;
	char *text;
	gsize length;

	regex = g_regex_new("(id=\"|#)(surface|image|source|pattern|linear|radial|clip|mask|filter)"
			    "([0-9]+)",
			    G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, NULL);
	g_assert(regex);
	state.ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	state.counters = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	text = g_regex_replace_eval(regex, (const char *) svg->data, (gssize) svg->len, 0, 0,
				    renumber_id, &state, NULL);
	g_hash_table_destroy(state.counters);
	g_hash_table_destroy(state.ids);
	g_regex_unref(regex);
	if (!text)
		return svg;
	length = strlen(text);
	g_byte_array_unref(svg);
	return g_byte_array_new_take((guint8 *) text, length);
}

static lr_status_t
render_vector(const char *path, lr_file_format_t format, double width, double height,
	      lr_draw_func_t draw, void *data, GByteArray **out, lr_error_record_t *error)
{
	GByteArray *bytes = g_byte_array_new();
	cairo_surface_t *surface;
	cairo_status_t cairo_status_value;
	cairo_t *cr;
	char date[32];
	lr_status_t status;

	if (format == LR_FORMAT_PDF) {
		status = pdf_date(date, path, error);
		if (status != LR_STATUS_SUCCESS) {
			g_byte_array_unref(bytes);
			return status;
		}
		surface = cairo_pdf_surface_create_for_stream(append_bytes, bytes, width, height);
		/* cairo 1.16 stamps CreationDate with the current time unless told otherwise;
		 * it has no ModDate of its own, but a reader may show one if only that is
		 * set, so both get the same date. */
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, PDF_CREATOR);
	} else {
		surface = cairo_svg_surface_create_for_stream(append_bytes, bytes, width, height);
		cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1);
		/* Points, so the SVG and the PDF of a chart have the same physical size. */
		cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
	}
	cr = cairo_create(surface);
	status = run_draw(path, cr, width, height, draw, data, error);
	cairo_destroy(cr);
	/* Finishing writes the document; a surface in error reports it here too. */
	cairo_surface_finish(surface);
	cairo_status_value = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (status == LR_STATUS_SUCCESS && cairo_status_value != CAIRO_STATUS_SUCCESS)
		status = fail(error, LR_STATUS_CAIRO_ERROR, path, "cannot write '%s': %s", path,
			      cairo_status_to_string(cairo_status_value));
	if (status != LR_STATUS_SUCCESS) {
		g_byte_array_unref(bytes);
		return status;
	}
	*out = format == LR_FORMAT_SVG ? renumber_svg_ids(bytes) : bytes;
	return LR_STATUS_SUCCESS;
}

/* ---- writing ---- */

/* Writes all of @bytes to @fd, retrying short writes and interrupted calls; returns 0 or
 * an errno value. */
static int
write_all(int fd, const guint8 *bytes, gsize length)
{
	while (length > 0) {
		ssize_t written = write(fd, bytes, MIN(length, (gsize) G_MAXSSIZE));

		if (written < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		if (written == 0)
			return EIO;
		bytes += written;
		length -= (gsize) written;
	}
	return 0;
}

lr_status_t
lr_output_write_bytes(const char *path, const guint8 *bytes, gsize length,
		      lr_error_record_t *error)
{
	char *folder, *name, *temp_name, *temp_path;
	int fd, code = 0;

	if (!path || (!bytes && length > 0))
		return fail(error, LR_STATUS_NULL_POINTER, path, "cannot write a file: no %s",
			    path ? "bytes" : "path");
	/* Not g_file_set_contents_full(): its messages name the temporary file instead of
	 * @path, and the reason is only available as text. Same steps, with errno at hand. */
	folder = g_path_get_dirname(path);
	name = g_path_get_basename(path);
	/* In the target's folder, so the rename cannot cross file systems; hidden, and short
	 * enough to stay within NAME_MAX whatever the target's name. */
	temp_name = g_strdup_printf(".%.100s.XXXXXX", name);
	temp_path = g_build_filename(folder, temp_name, NULL);
	g_free(temp_name);
	g_free(name);
	g_free(folder);

	/* 0666 less the umask, as for any new file, rather than mkstemp's 0600. */
	fd = g_mkstemp_full(temp_path, O_WRONLY | O_CLOEXEC, 0666);
	if (fd < 0) {
		code = errno;
		g_free(temp_path);
		return fail(error, LR_STATUS_WRITE_ERROR, path, "cannot write '%s': %s", path,
			    g_strerror(code));
	}
	code = write_all(fd, bytes, length);
	/* Data on disk before the rename, so a crash leaves the old file or the new one, never
	 * an empty one (the rename may reach the disk before the data otherwise). */
	if (!code && fsync(fd) != 0)
		code = errno;
	if (close(fd) != 0 && !code && errno != EINTR)
		code = errno;
	if (!code && rename(temp_path, path) != 0)
		code = errno;
	if (code)
		unlink(temp_path);
	g_free(temp_path);
	if (code)
		return fail(error, LR_STATUS_WRITE_ERROR, path, "cannot write '%s': %s", path,
			    g_strerror(code));
	return LR_STATUS_SUCCESS;
}

lr_status_t
lr_output_write(const char *path, lr_file_format_t format, double width, double height,
		double scale, lr_draw_func_t draw, void *data, lr_error_record_t *error)
{
	GByteArray *bytes = NULL;
	double device_width, device_height;
	lr_status_t status;

	if (!path || !draw)
		return fail(error, LR_STATUS_NULL_POINTER, path, "cannot write a file: no %s",
			    path ? "draw function" : "path");
	if (format == LR_FORMAT_AUTO) {
		format = lr_output_format_from_path(path);
		if (format == LR_FORMAT_AUTO)
			return fail(error, LR_STATUS_INVALID_ARGUMENT, path,
				    "unknown output format for '%s': expected .png, .pdf or .svg",
				    path);
	} else if (format != LR_FORMAT_PNG && format != LR_FORMAT_PDF &&
		   format != LR_FORMAT_SVG) {
		return fail(error, LR_STATUS_INVALID_ARGUMENT, path,
			    "unknown output format %d for '%s'", (int) format, path);
	}
	if (!isfinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE)
		return fail(error, LR_STATUS_INVALID_ARGUMENT, NULL,
			    "invalid scale %g for '%s': expected 0.1 to 16", scale, path);
	/* Only PNG has pixels; PDF and SVG are sized in points, which the scale leaves alone. */
	device_width = format == LR_FORMAT_PNG ? ceil(width * scale) : width;
	device_height = format == LR_FORMAT_PNG ? ceil(height * scale) : height;
	if (!isfinite(width) || !isfinite(height) || width < 1 || height < 1 ||
	    device_width > MAX_DEVICE_PIXELS || device_height > MAX_DEVICE_PIXELS)
		return fail(error, LR_STATUS_INVALID_ARGUMENT, NULL,
			    "invalid size %g x %g at scale %g for '%s': expected 1 to %d "
			    "device pixels a side",
			    width, height, scale, path, MAX_DEVICE_PIXELS);

	if (format == LR_FORMAT_PNG)
		status = render_png(path, width, height, scale, draw, data, &bytes, error);
	else
		status = render_vector(path, format, width, height, draw, data, &bytes, error);
	if (status != LR_STATUS_SUCCESS)
		return status;
	status = lr_output_write_bytes(path, bytes->data, bytes->len, error);
	g_byte_array_unref(bytes);
	return status;
}
