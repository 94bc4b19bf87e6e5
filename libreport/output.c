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

/* PNG encoder settings. Measured with libspng 0.7.3 and the system zlib 1.2.13, gcc -O2, on
 * this 2-core machine (shared with other jobs: times move by 10-30 % between runs, so each
 * is the fastest of 5 encodes). Two sets of 1600 x 900 images:
 *  - real: the 10 charts of data/charts.ini drawn by lr_chart_draw() (8 bar, 2 ranking;
 *    391 to 1254 distinct colours each, from the anti-aliased text in 3 or 4 colours);
 *  - synthetic: white background, 21 bars in 3 colours, grid lines, 40 Pango strings.
 * Sizes are compared with cairo_surface_write_to_png(), which took 33 to 45 ms an image
 * (libpng: zlib level 6 and a filter chosen per row).
 *
 *                                   real: mean ms  all bytes  ratio (worst)   synthetic ratio
 *   cairo_surface_write_to_png             37.5     534716   1.00                    1.00
 *   level 1 Z_RLE      NONE                11.7    4662474   8.72 (16.91)            8.93
 *   level 1 Z_RLE      SUB                  9.6    1189718   2.22  (2.82)            3.13
 *   level 1 Z_RLE      UP                   9.7     933268   1.75  (2.09)            1.91
 *   level 1 Z_RLE      PAETH               15.1     832121   1.56  (1.85)            1.81
 *   level 1 Z_RLE      ALL                 40.1     795720   1.49  (1.75)            1.72
 *   level 1 Z_FILTERED NONE                 6.0     719541   1.35  (1.62)            1.72
 *   level 1 Z_FILTERED UP                   9.3     701291   1.31  (1.43)            1.42
 *   level 1 default    NONE                 6.0     719541   1.35  (1.62)            1.72
 *   level 1 default    SUB                  9.2     792959   1.48  (1.72)            1.87
 *   level 1 default    UP                   9.3     701291   1.31  (1.43)            1.42  <-
 *   level 1 default    PAETH               16.9     694050   1.30  (1.44)            1.42
 *   level 1 default    ALL                 40.2     679812   1.27  (1.42)            1.37
 *   level 2 default    NONE                 6.9     705776   1.32  (1.59)            1.69
 *   level 2 default    UP                  10.5     692325   1.29  (1.42)            1.41
 *   level 3 default    NONE                 6.3     682765   1.28  (1.55)            1.55
 *   level 3 default    UP                   9.7     682703   1.28  (1.40)            1.39
 *   level 3 default    PAETH               15.9     675351   1.26  (1.41)            1.37
 *   level 4 default    NONE                11.8     524259   0.98  (1.07)            1.64
 *   level 4 default    UP                  16.4     546828   1.02  (1.09)            1.03
 *   level 4 default    ALL                 53.3     521355   0.98  (0.98)            0.98
 *   level 5 default    UP                  17.3     542219   1.01  (1.08)            1.02
 *   level 6 default    NONE                13.7     508531   0.95  (1.05)            1.24
 *   level 6 default    UP                  16.2     537161   1.00  (1.07)            1.01
 *   level 6 default    ALL                 46.2     513111   0.96  (0.97)            0.96
 * (Z_RLE ignores the level; Z_FILTERED gives the same bytes as default at levels 1 to 3 and
 * slightly larger ones at 4 to 6 in the same time.)
 *
 * Level 1, default strategy, UP filter is the fastest setting that keeps every image within
 * 1.5 times cairo's size: 9.3 ms, plus 0.8 ms to convert the pixels. lr_output_write() of a
 * real chart, lr_chart_draw() and the synced write included, takes 11.4 to 14.2 ms, where
 * cairo's writer alone takes 32 to 36 ms. No filter is 3 ms faster but up to 1.7 times
 * larger. Levels 4 and up use zlib's lazy matcher: cairo's size, at 12 to 17 ms. The 6 ms
 * goal for the whole write is out of reach this way: zlib 1.2.13 alone needs 5.9 ms at level
 * 1 for the 4.3 MB of RGB rows, whatever the filter. (Outside libspng, for the record:
 * libdeflate at level 2 does the real charts in 5.3 ms at 0.96 times cairo's size, zlib level
 * 1 split over two threads in 2.5 ms at 1.34 times. A palette image, a byte a pixel, would
 * encode in 2.5 ms, but every real chart has more than 256 colours.) */
#define PNG_LEVEL 1
#define PNG_STRATEGY 0 /* Z_DEFAULT_STRATEGY */
#define PNG_FILTER SPNG_FILTER_CHOICE_UP

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

/* Whether every pixel of an ARGB32 image is opaque: decides between RGB8 and RGBA8 before the
 * first row is encoded. A read-only pass, about 0.3 ms for 1600 x 900; the alpha bytes are
 * ANDed together per row rather than tested per pixel, which keeps the loop free of branches. */
static gboolean
pixels_opaque(const guint8 *data, int stride, int width, int height)
{
	int x, y;

	for (y = 0; y < height; y++) {
		const guint32 *row = (const guint32 *) (const void *) (data + (gsize) y * stride);
		guint32 all = 0xffffffffu;

		for (x = 0; x < width; x++)
			all &= row[x];
		if ((all >> 24) != 0xff)
			return FALSE;
	}
	return TRUE;
}

/* Opaque pixels are premultiplied by 1: RGB is a plain copy (RGB24's alpha byte is ignored). */
static void
row_to_rgb(const guint32 *row, int width, guint8 *out)
{
	int x;

	for (x = 0; x < width; x++) {
		guint32 pixel = row[x];

		out[0] = (guint8) (pixel >> 16);
		out[1] = (guint8) (pixel >> 8);
		out[2] = (guint8) pixel;
		out += 3;
	}
}

/* Rounds as cairo's own PNG writer does, so cairo reads back the value it had. */
static inline guint8
unpremultiply(guint32 component, guint32 alpha)
{
	return (guint8) ((component * 255 + alpha / 2) / alpha);
}

/* PNG stores straight alpha; cairo premultiplies. */
static void
row_to_rgba(const guint32 *row, int width, guint8 *out)
{
	int x;

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
			out[0] = unpremultiply((pixel >> 16) & 0xff, alpha);
			out[1] = unpremultiply((pixel >> 8) & 0xff, alpha);
			out[2] = unpremultiply(pixel & 0xff, alpha);
		}
		out[3] = (guint8) alpha;
		out += 4;
	}
}

static lr_status_t
spng_fail(lr_error_record_t *error, int code)
{
	return fail(error, code == SPNG_EMEM ? LR_STATUS_NO_MEMORY : LR_STATUS_WRITE_ERROR, NULL,
		    "cannot encode PNG: %s", spng_strerror(code));
}

/* Encodes the image row by row, converting each into one small buffer: a whole-image RGB copy
 * would be another 4 MB for a 1600 x 900 chart, and fresh memory costs page faults that took
 * longer than the encoding itself on this virtual machine. */
static lr_status_t
encode_rows(spng_ctx *ctx, const guint8 *data, int stride, int width, int height,
	    gboolean opaque, lr_error_record_t *error)
{
	gsize row_length = (gsize) width * (opaque ? 3 : 4);
	guint8 *row = g_try_malloc(row_length);
	int code, y;

	if (!row)
		return fail(error, LR_STATUS_NO_MEMORY, NULL, "cannot encode PNG: out of memory");
	code = spng_encode_image(ctx, NULL, 0, SPNG_FMT_PNG,
				 SPNG_ENCODE_PROGRESSIVE | SPNG_ENCODE_FINALIZE);
	for (y = 0; !code && y < height; y++) {
		const guint8 *line = data + (gsize) y * stride;
		const guint32 *pixels = (const guint32 *) (const void *) line;

		if (opaque)
			row_to_rgb(pixels, width, row);
		else
			row_to_rgba(pixels, width, row);
		code = spng_encode_row(ctx, row, row_length);
		/* The last row ends the image and finalizes the file. */
		if (code == SPNG_EOI && y == height - 1)
			code = 0;
	}
	g_free(row);
	return code ? spng_fail(error, code) : LR_STATUS_SUCCESS;
}

static lr_status_t
encode_png(cairo_surface_t *surface, GByteArray **out, lr_error_record_t *error)
{
	struct spng_ihdr ihdr = { 0 };
	cairo_format_t format;
	const guint8 *data;
	int width, height, stride, code;
	gboolean opaque;
	spng_ctx *ctx;
	void *png;
	size_t png_length = 0;
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
	/* RGB24 leaves the alpha byte undefined: every pixel counts as opaque. */
	opaque = format == CAIRO_FORMAT_RGB24 || pixels_opaque(data, stride, width, height);

	ctx = spng_ctx_new(SPNG_CTX_ENCODER);
	if (!ctx)
		return fail(error, LR_STATUS_NO_MEMORY, NULL, "cannot encode PNG: out of memory");
	ihdr.width = (uint32_t) width;
	ihdr.height = (uint32_t) height;
	ihdr.bit_depth = 8;
	ihdr.color_type = opaque ? SPNG_COLOR_TYPE_TRUECOLOR : SPNG_COLOR_TYPE_TRUECOLOR_ALPHA;
	/* Only IHDR, IDAT and IEND are written: no gAMA, tIME or text that could vary. */
	code = spng_set_option(ctx, SPNG_ENCODE_TO_BUFFER, 1);
	if (!code)
		code = spng_set_option(ctx, SPNG_IMG_COMPRESSION_LEVEL, PNG_LEVEL);
	if (!code)
		code = spng_set_option(ctx, SPNG_IMG_COMPRESSION_STRATEGY, PNG_STRATEGY);
	if (!code)
		code = spng_set_option(ctx, SPNG_FILTER_CHOICE, PNG_FILTER);
	if (!code)
		code = spng_set_ihdr(ctx, &ihdr);
	if (code) {
		spng_ctx_free(ctx);
		return spng_fail(error, code);
	}
	status = encode_rows(ctx, data, stride, width, height, opaque, error);
	if (status != LR_STATUS_SUCCESS) {
		spng_ctx_free(ctx);
		return status;
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
		/* cairo 1.16 stamps CreationDate with the time of the run (local time, at
		 * surface creation) unless it is set; it writes ModDate only when set. Both get
		 * the same date. cairo 1.16 writes it without the "D:" prefix the PDF reference
		 * asks for, (20231114221320Z); poppler's pdfinfo reads it all the same. */
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
