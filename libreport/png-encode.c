/* libreport: PNG encoding of a cairo image surface, fast enough for slides (the whole write of
 * a 1600×900 chart in about 6 ms, where cairo_surface_write_to_png takes 35–40 ms).
 *
 * Where the time goes: a 1600×900 RGB image is 4.3 MB of rows, and zlib — the compressor
 * behind every PNG library, libpng and libspng alike — deflates them at level 1 in 7.5–9 ms
 * on this 2-core machine whatever the filter; everything else (drawing, converting pixels,
 * filtering, writing) takes under 2 ms. So the rows are deflated in parallel, one horizontal
 * strip per core, as pigz does: every strip but the last ends with Z_SYNC_FLUSH (which ends on
 * a byte boundary), the raw streams are joined behind one zlib header, and the strips'
 * Adler-32 checksums are combined with adler32_combine(). The result is one ordinary zlib
 * stream, which libpng writes as the IDAT chunk of a file whose signature, IHDR and IEND it
 * also writes. Measured (benchmark in bench/, real charts of data/charts.ini, 1600×900):
 *
 *   zlib level 1, UP filter, 1 strip     7.6–8.8 ms   1.21–1.30× cairo's file size
 *   zlib level 1, UP filter, 2 strips    4.2–4.9 ms   same size within 0.3 %
 *   (libspng level 1, UP, one thread: 9.3 ms; no filter is 3 ms faster but up to 1.7× larger;
 *    level 4 and up reach cairo's size at 12–17 ms.)
 *
 * Filter UP (each byte minus the one above) turns the flat areas of a chart into zeros; the
 * first row of the image uses no filter. Opaque images are written as RGB8, others as
 * un-premultiplied RGBA8.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <string.h>

#include <png.h>
#include <zlib.h>

#include "output-private.h"

#define PNG_LEVEL 1
/* Below this many rows a strip is not worth a thread. */
#define MIN_STRIP_ROWS 64
#define MAX_STRIPS 4

/* Returns the AND of the row's pixels, so the caller learns whether all were opaque
 * without a separate pass over the image. */
static guint32
row_to_rgb(const guint32 *row, int width, guint8 *out)
{
	guint32 all = 0xffffffffu;

	for (int x = 0; x < width; x++) {
		guint32 pixel = row[x];

		all &= pixel;
		out[0] = (guint8) (pixel >> 16);
		out[1] = (guint8) (pixel >> 8);
		out[2] = (guint8) pixel;
		out += 3;
	}
	return all;
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
	for (int x = 0; x < width; x++) {
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

typedef struct {
	const guint8 *data;
	int stride, width, first_row, end_row;
	gboolean opaque, last;
	gboolean ignore_alpha; /* RGB24: the alpha byte is undefined */
	gboolean translucent;  /* an RGB strip met a pixel that is not opaque: redo as RGBA */
	GByteArray *deflated; /* raw deflate data of this strip's filtered rows */
	uLong adler;          /* Adler-32 of those filtered rows */
	z_off_t length;       /* their length */
	int zlib_status;      /* Z_OK, or the failure */
} strip_t;

static void
convert_row(strip_t *strip, int y, guint8 *out)
{
	const guint32 *pixels = (const guint32 *) (const void *) (strip->data + (gsize) y * strip->stride);

	if (!strip->opaque)
		row_to_rgba(pixels, strip->width, out);
	else if ((row_to_rgb(pixels, strip->width, out) >> 24) != 0xff && !strip->ignore_alpha)
		strip->translucent = TRUE;
}

/* Filters and deflates the strip's rows; runs in a worker thread (or the caller's). */
static gpointer
deflate_strip(gpointer user_data)
{
	strip_t *strip = user_data;
	gsize row_bytes = (gsize) strip->width * (strip->opaque ? 3 : 4);
	guint8 *previous = g_malloc(row_bytes), *current = g_malloc(row_bytes);
	guint8 *filtered = g_malloc(row_bytes + 1);
	guint8 chunk[1 << 16];
	z_stream stream;

	memset(&stream, 0, sizeof stream);
	strip->deflated = g_byte_array_sized_new(1 << 16);
	strip->adler = adler32(0, NULL, 0);
	strip->length = 0;
	/* Raw deflate (negative window bits): the zlib header and checksum are added once. */
	strip->zlib_status = deflateInit2(&stream, PNG_LEVEL, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
	if (strip->first_row > 0 && !strip->opaque)
		convert_row(strip, strip->first_row - 1, previous);
	for (int y = strip->first_row; strip->zlib_status == Z_OK && !strip->translucent &&
				       y < strip->end_row; y++) {
		int flush = y + 1 < strip->end_row ? Z_NO_FLUSH : strip->last ? Z_FINISH : Z_SYNC_FLUSH;
		guint8 *swap;

		if (strip->opaque && y > 0) {
			/* The common case in one pass: RGB of this row minus RGB of the row above,
			 * straight from cairo's pixels. */
			const guint32 *above = (const guint32 *) (const void *) (strip->data + (gsize) (y - 1) * strip->stride);
			const guint32 *pixels = (const guint32 *) (const void *) (strip->data + (gsize) y * strip->stride);
			guint8 *out = filtered + 1;
			guint32 all = 0xffffffffu;

			filtered[0] = 2; /* Up */
			for (int x = 0; x < strip->width; x++) {
				guint32 pixel = pixels[x], up = above[x];

				all &= pixel;
				out[0] = (guint8) ((pixel >> 16) - (up >> 16));
				out[1] = (guint8) ((pixel >> 8) - (up >> 8));
				out[2] = (guint8) (pixel - up);
				out += 3;
			}
			if ((all >> 24) != 0xff && !strip->ignore_alpha)
				strip->translucent = TRUE;
		} else {
			convert_row(strip, y, current);
		}
		if (strip->opaque && y > 0) {
			/* filtered above */
		} else if (y == 0) {
			filtered[0] = 0; /* None: there is no row above */
			memcpy(filtered + 1, current, row_bytes);
		} else {
			filtered[0] = 2; /* Up */
			for (gsize i = 0; i < row_bytes; i++)
				filtered[i + 1] = (guint8) (current[i] - previous[i]);
		}
		strip->adler = adler32(strip->adler, filtered, (uInt) (row_bytes + 1));
		strip->length += (z_off_t) (row_bytes + 1);
		stream.next_in = filtered;
		stream.avail_in = (uInt) (row_bytes + 1);
		do {
			int code;
			stream.next_out = chunk;
			stream.avail_out = sizeof chunk;
			code = deflate(&stream, flush);
			if (code == Z_STREAM_ERROR) {
				strip->zlib_status = code;
				break;
			}
			g_byte_array_append(strip->deflated, chunk, (guint) (sizeof chunk - stream.avail_out));
		} while (stream.avail_out == 0);
		swap = previous;
		previous = current;
		current = swap;
	}
	deflateEnd(&stream);
	g_free(previous);
	g_free(current);
	g_free(filtered);
	return NULL;
}

/* The zlib stream of the whole image: header, the strips' deflate data, Adler-32. */
static GByteArray *
deflate_image(const guint8 *data, int stride, int width, int height, gboolean *opaque,
	      gboolean ignore_alpha, lr_error_record_t *error)
{
	int strips = (int) MIN(MIN((guint) MAX_STRIPS, g_get_num_processors()),
			       (guint) MAX(1, height / MIN_STRIP_ROWS));
	strip_t strip[MAX_STRIPS];
	GThread *threads[MAX_STRIPS] = { NULL };
	GByteArray *stream;
	uLong adler;
	static const guint8 header[2] = { 0x78, 0x01 }; /* deflate, 32 KiB window, fastest */
	guint8 trailer[4];
	int failed = Z_OK;

	gboolean translucent = FALSE;

again:
	for (int i = 0; i < strips; i++)
		strip[i] = (strip_t) {
			.data = data, .stride = stride, .width = width, .opaque = *opaque,
			.ignore_alpha = ignore_alpha,
			.first_row = height * i / strips, .end_row = height * (i + 1) / strips,
			.last = i == strips - 1,
		};
	/* Strips after the first go to threads; if a thread cannot start, the caller does it. */
	for (int i = 1; i < strips; i++)
		threads[i] = g_thread_try_new("lr-png", deflate_strip, &strip[i], NULL);
	deflate_strip(&strip[0]);
	for (int i = 1; i < strips; i++) {
		if (threads[i])
			g_thread_join(threads[i]);
		else
			deflate_strip(&strip[i]);
	}

	/* Charts are almost always opaque, so RGB is tried first; one translucent pixel and
	 * the image is encoded again as RGBA. */
	for (int i = 0; i < strips; i++)
		translucent |= strip[i].translucent;
	if (translucent) {
		for (int i = 0; i < strips; i++)
			g_byte_array_unref(strip[i].deflated);
		*opaque = FALSE;
		translucent = FALSE;
		goto again;
	}

	stream = g_byte_array_new();
	g_byte_array_append(stream, header, sizeof header);
	adler = adler32(0, NULL, 0);
	for (int i = 0; i < strips; i++) {
		if (strip[i].zlib_status != Z_OK && strip[i].zlib_status != Z_STREAM_END)
			failed = strip[i].zlib_status;
		g_byte_array_append(stream, strip[i].deflated->data, strip[i].deflated->len);
		adler = adler32_combine(adler, strip[i].adler, strip[i].length);
		g_byte_array_unref(strip[i].deflated);
	}
	trailer[0] = (guint8) (adler >> 24);
	trailer[1] = (guint8) (adler >> 16);
	trailer[2] = (guint8) (adler >> 8);
	trailer[3] = (guint8) adler;
	g_byte_array_append(stream, trailer, sizeof trailer);
	if (failed != Z_OK) {
		g_byte_array_unref(stream);
		lr_error_record_set(error, failed == Z_MEM_ERROR ? LR_STATUS_NO_MEMORY : LR_STATUS_WRITE_ERROR,
				    NULL, 0, 0, "cannot encode PNG: zlib error %d", failed);
		return NULL;
	}
	return stream;
}

static void
append_png_bytes(png_structp png, png_bytep data, png_size_t length)
{
	g_byte_array_append(png_get_io_ptr(png), data, (guint) length);
}

static void
flush_nothing(png_structp png)
{
	(void) png;
}

static void
on_png_error(png_structp png, png_const_charp message)
{
	lr_error_record_t *error = png_get_error_ptr(png);

	lr_error_record_set(error, LR_STATUS_WRITE_ERROR, NULL, 0, 0, "cannot encode PNG: %s", message);
	png_longjmp(png, 1);
}

static void
on_png_warning(png_structp png, png_const_charp message)
{
	(void) png;
	(void) message;
}

/* libpng writes the file around the IDAT data deflated above: signature, IHDR with its CRC,
 * the IDAT chunk, IEND. Only these: no gAMA, tIME or text that could vary between runs. */
static GByteArray *
write_png_file(int width, int height, gboolean opaque, const GByteArray *idat,
	       lr_error_record_t *error)
{
	GByteArray *volatile file = g_byte_array_sized_new(idat->len + 128);
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, error, on_png_error,
						  on_png_warning);
	png_infop info = png ? png_create_info_struct(png) : NULL;

	if (!png || !info) {
		png_destroy_write_struct(&png, &info);
		g_byte_array_unref(file);
		lr_error_record_set(error, LR_STATUS_NO_MEMORY, NULL, 0, 0, "cannot encode PNG: out of memory");
		return NULL;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		g_byte_array_unref(file);
		return NULL;
	}
	png_set_write_fn(png, file, append_png_bytes, flush_nothing);
	png_set_IHDR(png, info, (png_uint_32) width, (png_uint_32) height, 8,
		     opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
		     PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
	png_write_info(png, info);
	png_write_chunk(png, (png_const_bytep) "IDAT", idat->data, idat->len);
	png_write_chunk(png, (png_const_bytep) "IEND", NULL, 0);
	png_destroy_write_struct(&png, &info);
	return file;
}

GByteArray *
lr_output_encode_png(cairo_surface_t *surface, lr_error_record_t *error)
{
	cairo_format_t format;
	const guint8 *data;
	int width, height, stride;
	gboolean opaque;
	GByteArray *idat, *file;

	if (!surface) {
		lr_error_record_set(error, LR_STATUS_NULL_POINTER, NULL, 0, 0, "cannot encode PNG: no surface");
		return NULL;
	}
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		lr_error_record_set(error, LR_STATUS_CAIRO_ERROR, NULL, 0, 0, "cannot encode PNG: %s",
		     cairo_status_to_string(cairo_surface_status(surface)));
		return NULL;
	}
	if (cairo_surface_get_type(surface) != CAIRO_SURFACE_TYPE_IMAGE) {
		lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0, "cannot encode PNG: not an image surface");
		return NULL;
	}
	format = cairo_image_surface_get_format(surface);
	if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24) {
		lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				    "cannot encode PNG: image format %d is not ARGB32 or RGB24", format);
		return NULL;
	}
	cairo_surface_flush(surface);
	width = cairo_image_surface_get_width(surface);
	height = cairo_image_surface_get_height(surface);
	stride = cairo_image_surface_get_stride(surface);
	data = cairo_image_surface_get_data(surface);
	if (width < 1 || height < 1 || !data) {
		lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0, "cannot encode PNG: the image is empty");
		return NULL;
	}
	opaque = TRUE;
	/* RGB24 leaves the alpha byte undefined: every pixel counts as opaque. */
	idat = deflate_image(data, stride, width, height, &opaque, format == CAIRO_FORMAT_RGB24, error);
	if (!idat)
		return NULL;
	file = write_png_file(width, height, opaque, idat, error);
	g_byte_array_unref(idat);
	return file;
}
