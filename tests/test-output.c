/* libreport tests: output (output-private.h).
 *
 * PNG files are read back with cairo's own PNG reader and compared pixel by pixel with the
 * same drawing rendered straight to an image surface; PDF and SVG are rendered twice and
 * compared byte for byte. Write failures are provoked for real: a missing folder, a target
 * that is a folder, and a full disk simulated with RLIMIT_FSIZE in a forked child. After
 * each failure the folder is listed to show that no temporary file was left behind.
 * Every test works in its own temporary folder, removed at the end.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "test-main.h"
#include "chart-test-util.h"
#include "output-private.h"

#include <check.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <pango/pangocairo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- helpers ---- */

typedef struct {
	gboolean transparent; /* leave the background clear, draw see-through shapes */
	int calls;
} chart_options_t;

/* A small chart: background, bars, a grid line, an image pattern, a clipped shape and
 * anti-aliased text from Pango with the default fonts. */
static lr_status_t
draw_chart(void *data, cairo_t *cr, const lr_rect_t *rect)
{
	chart_options_t *options = data;
	static const double colours[][3] = { { 0.12, 0.47, 0.71 }, { 1.0, 0.5, 0.05 },
					     { 0.17, 0.63, 0.17 } };
	cairo_surface_t *swatch;
	PangoLayout *layout;
	PangoFontDescription *font;
	int i;

	if (options)
		options->calls++;
	if (!options || !options->transparent) {
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
	}
	cairo_set_line_width(cr, 1);
	cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
	cairo_move_to(cr, 20, rect->height - 40.5);
	cairo_line_to(cr, rect->width - 20, rect->height - 40.5);
	cairo_stroke(cr);
	for (i = 0; i < 3; i++) {
		double alpha = options && options->transparent && i == 0 ? 0.5 : 1.0;

		cairo_set_source_rgba(cr, colours[i][0], colours[i][1], colours[i][2], alpha);
		cairo_rectangle(cr, 40 + i * 60, 60 + i * 20, 40, rect->height - 100 - i * 20);
		cairo_fill(cr);
	}

	/* A 2 x 2 image pattern: PDF and SVG embed it, which exercises their image ids. */
	swatch = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 2, 2);
	cairo_save(cr);
	cairo_rectangle(cr, rect->width - 60, 20, 40, 40);
	cairo_clip(cr);
	cairo_set_source_surface(cr, swatch, rect->width - 60, 20);
	cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_REPEAT);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(swatch);

	layout = pango_cairo_create_layout(cr);
	font = pango_font_description_from_string("Sans 12");
	pango_layout_set_font_description(layout, font);
	pango_layout_set_text(layout, "Việt Nam — 27,7 tỷ USD", -1);
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	cairo_move_to(cr, 20, 10);
	pango_cairo_show_layout(cr, layout);
	pango_font_description_free(font);
	g_object_unref(layout);
	return LR_STATUS_SUCCESS;
}

/* Opaque pseudo-random pixels: every colour there is, and nothing to compress. */
static lr_status_t
draw_noise(void *data, cairo_t *cr, const lr_rect_t *rect)
{
	int width = (int) ceil(rect->width), height = (int) ceil(rect->height);
	cairo_surface_t *noise = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
	guint32 state = 2463534242u;
	guint8 *pixels;
	int stride, x, y;

	(void) data;
	cairo_surface_flush(noise);
	pixels = cairo_image_surface_get_data(noise);
	stride = cairo_image_surface_get_stride(noise);
	for (y = 0; y < height; y++) {
		guint32 *row = (guint32 *) (void *) (pixels + (gsize) y * stride);

		for (x = 0; x < width; x++) {
			state ^= state << 13;
			state ^= state >> 17;
			state ^= state << 5;
			row[x] = state | 0xff000000u;
		}
	}
	cairo_surface_mark_dirty(noise);
	cairo_set_source_surface(cr, noise, 0, 0);
	cairo_paint(cr);
	cairo_surface_destroy(noise);
	return LR_STATUS_SUCCESS;
}

/* The chart, opaque but for its last pixel: the RGB conversion finds out on the last row. */
static lr_status_t
draw_late_hole(void *data, cairo_t *cr, const lr_rect_t *rect)
{
	lr_status_t status = draw_chart(data, cr, rect);

	cairo_save(cr);
	cairo_identity_matrix(cr);
	cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR);
	cairo_rectangle(cr, cairo_image_surface_get_width(cairo_get_target(cr)) - 1,
			cairo_image_surface_get_height(cairo_get_target(cr)) - 1, 1, 1);
	cairo_fill(cr);
	cairo_restore(cr);
	return status;
}

/* Leaves the context in error, as a drawing bug would: a restore without a save. */
static lr_status_t
draw_cairo_error(void *data, cairo_t *cr, const lr_rect_t *rect)
{
	(void) data;
	(void) rect;
	cairo_paint(cr);
	cairo_restore(cr);
	return LR_STATUS_SUCCESS;
}

/* Draws a little, then fails the way a chart without data would. */
static lr_status_t
draw_failing(void *data, cairo_t *cr, const lr_rect_t *rect)
{
	(void) data;
	cairo_rectangle(cr, 0, 0, rect->width, rect->height);
	cairo_fill(cr);
	return LR_STATUS_NO_DATA;
}

static char *
make_folder(void)
{
	GError *gerror = NULL;
	char *folder = g_dir_make_tmp("lr-test-output-XXXXXX", &gerror);

	ck_assert_msg(folder != NULL, "cannot make a folder: %s", gerror ? gerror->message : "");
	return folder;
}

static void
remove_tree(const char *path)
{
	GDir *dir = g_dir_open(path, 0, NULL);
	const char *name;

	if (dir) {
		while ((name = g_dir_read_name(dir))) {
			char *child = g_build_filename(path, name, NULL);

			remove_tree(child);
			g_free(child);
		}
		g_dir_close(dir);
		rmdir(path);
	} else {
		unlink(path);
	}
}


static void
assert_listing(const char *folder, const char *expected)
{
	char *listing = ct_list_dir(folder);

	ck_assert_str_eq(listing, expected);
	g_free(listing);
}

static GBytes *
read_file(const char *path)
{
	GError *gerror = NULL;
	char *contents;
	gsize length;

	ck_assert_msg(g_file_get_contents(path, &contents, &length, &gerror), "cannot read %s: %s",
		      path, gerror ? gerror->message : "");
	return g_bytes_new_take(contents, length);
}

static gboolean
bytes_contain(GBytes *bytes, const char *needle)
{
	gsize length, needle_length = strlen(needle), i;
	const char *data = g_bytes_get_data(bytes, &length);

	for (i = 0; i + needle_length <= length; i++)
		if (memcmp(data + i, needle, needle_length) == 0)
			return TRUE;
	return FALSE;
}

static gboolean
bytes_start_with(GBytes *bytes, const char *prefix)
{
	gsize length;
	const char *data = g_bytes_get_data(bytes, &length);

	return length >= strlen(prefix) && memcmp(data, prefix, strlen(prefix)) == 0;
}

typedef struct {
	const guint8 *data;
	gsize length, offset;
} reader_t;

static cairo_status_t
read_bytes(void *closure, unsigned char *data, unsigned int length)
{
	reader_t *reader = closure;

	if (reader->length - reader->offset < length)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, reader->data + reader->offset, length);
	reader->offset += length;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png(GBytes *png)
{
	reader_t reader = { 0 };
	cairo_surface_t *surface;

	reader.data = g_bytes_get_data(png, &reader.length);
	surface = cairo_image_surface_create_from_png_stream(read_bytes, &reader);
	ck_assert_msg(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, "cannot decode: %s",
		      cairo_status_to_string(cairo_surface_status(surface)));
	return surface;
}

/* The drawing rendered straight to an image surface, as lr_output_write() does. */
static cairo_surface_t *
render_reference(lr_draw_func_t draw, void *data, double width, double height, double scale)
{
	cairo_surface_t *surface = cairo_image_surface_create(
		CAIRO_FORMAT_ARGB32, (int) ceil(width * scale), (int) ceil(height * scale));
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, width, height };

	cairo_scale(cr, scale, scale);
	ck_assert_int_eq(draw(data, cr, &rect), LR_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	return surface;
}

/* Asserts that @decoded (from a PNG) holds exactly the pixels of @expected. cairo reads
 * opaque PNGs as RGB24, whose alpha byte means nothing, so only colours are compared then. */
static void
assert_same_pixels(cairo_surface_t *expected, cairo_surface_t *decoded)
{
	int width = cairo_image_surface_get_width(expected);
	int height = cairo_image_surface_get_height(expected);
	gboolean opaque = cairo_image_surface_get_format(decoded) == CAIRO_FORMAT_RGB24;
	gboolean check_alpha =
		opaque && cairo_image_surface_get_format(expected) == CAIRO_FORMAT_ARGB32;
	guint32 mask = opaque ? 0x00ffffffu : 0xffffffffu;
	int x, y;

	ck_assert_int_eq(cairo_image_surface_get_width(decoded), width);
	ck_assert_int_eq(cairo_image_surface_get_height(decoded), height);
	cairo_surface_flush(decoded);
	for (y = 0; y < height; y++) {
		const guint8 *a_row = cairo_image_surface_get_data(expected) +
				      (gsize) y * cairo_image_surface_get_stride(expected);
		const guint8 *b_row = cairo_image_surface_get_data(decoded) +
				      (gsize) y * cairo_image_surface_get_stride(decoded);
		const guint32 *a = (const guint32 *) (const void *) a_row;
		const guint32 *b = (const guint32 *) (const void *) b_row;

		/* ck_assert costs a message to the parent process each: only call it on failure. */
		for (x = 0; x < width; x++) {
			if (check_alpha && a[x] >> 24 != 0xff)
				ck_abort_msg("pixel %d,%d is not opaque but read back as such", x,
					     y);
			if ((a[x] & mask) != (b[x] & mask))
				ck_abort_msg("pixel %d,%d: drawn %08x, read back %08x", x, y, a[x],
					     b[x]);
		}
	}
}

/* The PNG's colour type: 2 RGB, 6 RGBA. */
static int
png_color_type(GBytes *png)
{
	gsize length;
	const guint8 *data = g_bytes_get_data(png, &length);

	ck_assert_uint_ge(length, 33);
	ck_assert_int_eq(memcmp(data + 12, "IHDR", 4), 0);
	return data[25];
}

/* The PNG's chunk types in order, space-separated. Free with g_free(). */
static char *
png_chunks(GBytes *png)
{
	gsize length, offset = 8;
	const guint8 *data = g_bytes_get_data(png, &length);
	GString *chunks = g_string_new(NULL);

	while (offset + 12 <= length) {
		guint32 size = (guint32) data[offset] << 24 | (guint32) data[offset + 1] << 16 |
			       (guint32) data[offset + 2] << 8 | data[offset + 3];

		if (chunks->len)
			g_string_append_c(chunks, ' ');
		g_string_append_len(chunks, (const char *) data + offset + 4, 4);
		offset += 12 + (gsize) size;
	}
	ck_assert_uint_eq(offset, length);
	return g_string_free(chunks, FALSE);
}

/* Writes @path (a name in @folder) and returns its bytes; asserts success. */
static GBytes *
write_and_read(const char *folder, const char *name, lr_file_format_t format, double width,
	       double height, double scale, lr_draw_func_t draw, void *data)
{
	lr_error_record_t error = { 0 };
	char *path = g_build_filename(folder, name, NULL);
	lr_status_t status =
		lr_output_write(path, format, width, height, scale, draw, data, &error);
	GBytes *bytes;

	ck_assert_msg(status == LR_STATUS_SUCCESS, "writing %s: %s", name,
		      error.message ? error.message : "(no message)");
	ck_assert_ptr_null(error.message);
	bytes = read_file(path);
	g_free(path);
	return bytes;
}

/* ---- PNG ---- */

START_TEST(test_png_pixels_and_size)
{
	static const double scales[] = { 1, 2, 1.5 };
	char *folder = make_folder();
	unsigned i;

	for (i = 0; i < G_N_ELEMENTS(scales); i++) {
		GBytes *png = write_and_read(folder, "chart.png", LR_FORMAT_AUTO, 401, 300,
					     scales[i], draw_chart, NULL);
		cairo_surface_t *decoded = decode_png(png);
		cairo_surface_t *expected = render_reference(draw_chart, NULL, 401, 300, scales[i]);

		ck_assert_int_eq(cairo_image_surface_get_width(decoded),
				 (int) ceil(401 * scales[i]));
		ck_assert_int_eq(cairo_image_surface_get_height(decoded),
				 (int) ceil(300 * scales[i]));
		/* Opaque: RGB8. */
		ck_assert_int_eq(png_color_type(png), 2);
		assert_same_pixels(expected, decoded);
		cairo_surface_destroy(expected);
		cairo_surface_destroy(decoded);
		g_bytes_unref(png);
	}
	assert_listing(folder, "chart.png");
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_png_noise)
{
	char *folder = make_folder();
	GBytes *png = write_and_read(folder, "noise.PNG", LR_FORMAT_AUTO, 97, 61, 1, draw_noise,
				     NULL);
	cairo_surface_t *decoded = decode_png(png);
	cairo_surface_t *expected = render_reference(draw_noise, NULL, 97, 61, 1);

	ck_assert_int_eq(png_color_type(png), 2);
	assert_same_pixels(expected, decoded);
	cairo_surface_destroy(expected);
	cairo_surface_destroy(decoded);
	g_bytes_unref(png);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_png_transparent_is_rgba)
{
	chart_options_t options = { .transparent = TRUE };
	char *folder = make_folder();
	GBytes *png = write_and_read(folder, "clear.png", LR_FORMAT_AUTO, 300, 200, 1, draw_chart,
				     &options);
	cairo_surface_t *decoded = decode_png(png);
	cairo_surface_t *expected;

	/* One draw a file. */
	ck_assert_int_eq(options.calls, 1);
	expected = render_reference(draw_chart, &options, 300, 200, 1);
	ck_assert_int_eq(png_color_type(png), 6);
	ck_assert_int_eq(cairo_image_surface_get_format(decoded), CAIRO_FORMAT_ARGB32);
	/* Unpremultiplying and premultiplying again with rounding gives back every value. */
	assert_same_pixels(expected, decoded);
	cairo_surface_destroy(expected);
	cairo_surface_destroy(decoded);
	g_bytes_unref(png);

	png = write_and_read(folder, "hole.png", LR_FORMAT_AUTO, 300, 200, 2, draw_late_hole, NULL);
	decoded = decode_png(png);
	expected = render_reference(draw_late_hole, NULL, 300, 200, 2);
	ck_assert_int_eq(png_color_type(png), 6);
	assert_same_pixels(expected, decoded);
	cairo_surface_destroy(expected);
	cairo_surface_destroy(decoded);
	g_bytes_unref(png);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_png_chunks_and_reproducible)
{
	char *folder = make_folder();
	GBytes *first = write_and_read(folder, "a.png", LR_FORMAT_AUTO, 200, 100, 1, draw_chart,
				       NULL);
	GBytes *second = write_and_read(folder, "b.png", LR_FORMAT_AUTO, 200, 100, 1, draw_chart,
					NULL);
	chart_options_t options = { .transparent = TRUE };
	GBytes *clear = write_and_read(folder, "c.png", LR_FORMAT_AUTO, 20, 20, 1, draw_chart,
				       &options);
	char *chunks;

	ck_assert(g_bytes_equal(first, second));
	/* Nothing that varies between runs or machines: no tIME, gAMA, text. */
	chunks = png_chunks(first);
	ck_assert_str_eq(chunks, "IHDR IDAT IEND");
	g_free(chunks);
	chunks = png_chunks(clear);
	ck_assert_str_eq(chunks, "IHDR IDAT IEND");
	g_free(chunks);
	g_bytes_unref(first);
	g_bytes_unref(second);
	g_bytes_unref(clear);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_png_encode_surfaces)
{
	lr_error_record_t error = { 0 };
	guint32 pixels[5][8];
	cairo_surface_t *surface, *recording, *decoded;
	GByteArray *png;
	GBytes *bytes;
	int x, y;

	/* RGB24's alpha byte is undefined: the image is opaque whatever it holds, here 0. */
	for (y = 0; y < 5; y++)
		for (x = 0; x < 8; x++)
			pixels[y][x] = (guint32) (x * 30) << 16 | (guint32) (y * 50) << 8 | 0x80;
	surface = cairo_image_surface_create_for_data((unsigned char *) pixels, CAIRO_FORMAT_RGB24,
						      7, 5, sizeof pixels[0]);
	png = lr_output_encode_png(surface, 0, &error);
	ck_assert_ptr_nonnull(png);
	bytes = g_byte_array_free_to_bytes(png);
	ck_assert_int_eq(png_color_type(bytes), 2);
	decoded = decode_png(bytes);
	assert_same_pixels(surface, decoded);
	cairo_surface_destroy(decoded);
	g_bytes_unref(bytes);
	cairo_surface_destroy(surface);

	surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 4, 4);
	ck_assert_ptr_null(lr_output_encode_png(surface, 0, &error));
	ck_assert_int_eq(error.public.status, LR_STATUS_INVALID_ARGUMENT);
	lr_error_record_clear(&error);
	cairo_surface_destroy(surface);

	recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	ck_assert_ptr_null(lr_output_encode_png(recording, 0, &error));
	ck_assert_int_eq(error.public.status, LR_STATUS_INVALID_ARGUMENT);
	lr_error_record_clear(&error);
	cairo_surface_destroy(recording);

	ck_assert_ptr_null(lr_output_encode_png(NULL, 0, NULL));
}
END_TEST

/* @draw on a fresh ARGB32 surface of @width × @height. */
static cairo_surface_t *
draw_surface(lr_draw_func_t draw, void *data, int width, int height)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, width, height };

	ck_assert_int_eq(draw(data, cr, &rect), LR_STATUS_SUCCESS);
	cairo_destroy(cr);
	return surface;
}

/* The PNG of @surface with @workers threads and @backend, checked to decode to its pixels. */
static GBytes *
encode_checked(cairo_surface_t *surface, lr_png_deflate_t backend, int workers)
{
	lr_error_record_t error = { 0 };
	cairo_surface_t *decoded;
	GByteArray *png;
	GBytes *bytes;

	ck_assert(lr_output_png_set_deflate(backend));
	ck_assert_int_eq(lr_output_png_get_deflate(), backend);
	lr_output_png_set_workers(workers);
	png = lr_output_encode_png(surface, 0, &error);
	ck_assert_msg(png, "%s", error.message ? error.message : "");
	bytes = g_byte_array_free_to_bytes(png);
	decoded = decode_png(bytes);
	assert_same_pixels(surface, decoded);
	cairo_surface_destroy(decoded);
	lr_output_png_set_workers(0);
	lr_output_png_set_deflate(LR_PNG_DEFLATE_DEFAULT);
	return bytes;
}

/* Same pixels, same bytes, whatever the number of threads: the strips are a fixed 128 rows
 * and only their sharing among workers varies. Heights around the strip size, an opaque
 * and a translucent image (the RGBA retry), noise, and both deflate back ends. */
START_TEST(test_png_same_bytes_any_workers)
{
	static const int heights[] = { 1, 127, 128, 129, 300, 700 };
	lr_png_deflate_t backends[] = { LR_PNG_DEFLATE_ZLIB, LR_PNG_DEFLATE_ISAL };
	chart_options_t transparent = { .transparent = TRUE };

	for (unsigned b = 0; b < G_N_ELEMENTS(backends); b++) {
		if (!lr_output_png_set_deflate(backends[b])) {
			ck_assert_int_eq(backends[b], LR_PNG_DEFLATE_ISAL); /* built without ISA-L */
			continue;
		}
		for (unsigned h = 0; h < G_N_ELEMENTS(heights); h++) {
			for (int kind = 0; kind < 3; kind++) {
				cairo_surface_t *surface =
					kind == 0   ? draw_surface(draw_chart, NULL, 333, heights[h])
					: kind == 1 ? draw_surface(draw_chart, &transparent, 257, heights[h])
						    : draw_surface(draw_noise, NULL, 101, heights[h]);
				GBytes *one = encode_checked(surface, backends[b], 1);

				for (int workers = 2; workers <= 4; workers++) {
					GBytes *more = encode_checked(surface, backends[b], workers);
					ck_assert_msg(g_bytes_equal(one, more),
						      "back end %d, height %d, kind %d: %d workers "
						      "give other bytes than one",
						      backends[b], heights[h], kind, workers);
					g_bytes_unref(more);
				}
				g_bytes_unref(one);
				cairo_surface_destroy(surface);
			}
		}
	}
}
END_TEST

/* Encodes @surface from a stack @depth × 64 KiB deeper: ISA-L's level-1 assembly once hashed
 * the address of the caller's isal_zstream (on this stack) into the output (see
 * ISAL_FIRST_CALL in png-encode.c); bits 16 and up of that address picked the slot. */
static GBytes *
encode_at_depth(cairo_surface_t *surface, lr_png_deflate_t backend, int workers, int depth)
{
	volatile guint8 *pad = g_alloca((gsize) depth * 65536 + 1);

	pad[0] = 0;
	return encode_checked(surface, backend, workers);
}

#define DEPTHS 256

typedef struct {
	cairo_surface_t *surface;
	lr_png_deflate_t backend;
	const char *what;
} depth_job_t;

/* On a thread of its own, with a stack for DEPTHS × 64 KiB. */
static void *
encode_at_every_depth(void *data)
{
	depth_job_t *job = data;
	GBytes *first = encode_at_depth(job->surface, job->backend, 1, 0);

	for (int depth = 1; depth < DEPTHS; depth++) {
		/* Every 8th with 4 workers: their stacks are other threads'. */
		GBytes *again = encode_at_depth(job->surface, job->backend, depth % 8 ? 1 : 4, depth);

		ck_assert_msg(g_bytes_equal(first, again), "%s, back end %d: stack depth %d gives other bytes",
			      job->what, job->backend, depth);
		g_bytes_unref(again);
	}
	g_bytes_unref(first);
	return NULL;
}

/* The bundled bar and ranking charts at 1600×900, each encoded from 256 stack depths (and
 * with 1 and 4 workers) by ISA-L: the same bytes each time. With libisal 2.30 and
 * without ISAL_FIRST_CALL, 3 and 1 of the 256 depths gave other bytes. */
START_TEST(test_png_same_bytes_charts)
{
	lr_dataset_t *dataset = ct_load_data();
	/* zlib keeps no address-dependent state: test_png_same_bytes_any_workers covers it. */
	lr_png_deflate_t backends[] = { LR_PNG_DEFLATE_ISAL };
	lr_chart_t *charts[2] = { lr_chart_create(LR_CHART_BAR, dataset),
				  lr_chart_create(LR_CHART_RANK, dataset) };
	const char *names[2] = { "bar chart", "ranking chart" };

	lr_chart_add_indicator(charts[0], "ecommerce_revenue");
	lr_chart_add_indicator(charts[1], "egdi_rank");
	lr_chart_add_indicator(charts[1], "gii_rank");
	lr_chart_add_indicator(charts[1], "gci_rank");
	for (unsigned c = 0; c < G_N_ELEMENTS(charts); c++) {
		cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1600, 900);
		cairo_t *cr = cairo_create(surface);
		lr_rect_t rect = { 0, 0, 1600, 900 };

		ck_assert_int_eq(lr_chart_draw(charts[c], cr, &rect), LR_STATUS_SUCCESS);
		cairo_destroy(cr);
		for (unsigned b = 0; b < G_N_ELEMENTS(backends); b++) {
			depth_job_t job = { surface, backends[b], names[c] };
			pthread_attr_t attributes;
			pthread_t thread;

			if (!lr_output_png_set_deflate(backends[b]))
				continue; /* built without ISA-L */
			lr_output_png_set_deflate(LR_PNG_DEFLATE_DEFAULT);
			ck_assert_int_eq(pthread_attr_init(&attributes), 0);
			ck_assert_int_eq(pthread_attr_setstacksize(&attributes, (DEPTHS + 64) * 65536), 0);
			ck_assert_int_eq(pthread_create(&thread, &attributes, encode_at_every_depth, &job), 0);
			ck_assert_int_eq(pthread_join(thread, NULL), 0);
			pthread_attr_destroy(&attributes);
		}
		cairo_surface_destroy(surface);
	}
	lr_chart_destroy(charts[0]);
	lr_chart_destroy(charts[1]);
	lr_dataset_destroy(dataset);
}
END_TEST

/* The zlib fallback, forced: it and ISA-L give different bytes of the same pixels (checked in
 * encode_checked), zlib's no larger. */
START_TEST(test_png_zlib_fallback)
{
	cairo_surface_t *surface = draw_surface(draw_chart, NULL, 800, 450);
	GBytes *zlib = encode_checked(surface, LR_PNG_DEFLATE_ZLIB, 0);

	if (lr_output_png_set_deflate(LR_PNG_DEFLATE_ISAL)) {
		GBytes *isal = encode_checked(surface, LR_PNG_DEFLATE_ISAL, 0);

		ck_assert(!g_bytes_equal(zlib, isal));
		ck_assert_uint_le(g_bytes_get_size(zlib), g_bytes_get_size(isal));
		g_bytes_unref(isal);
	}
	g_bytes_unref(zlib);
	cairo_surface_destroy(surface);
}
END_TEST

/* ---- PDF and SVG ---- */

/* The CreationDate value, without cairo 1.16's missing "D:" or a later cairo's "D:". */
static gboolean
pdf_has_dates(GBytes *pdf, const char *digits)
{
	char *bare = g_strdup_printf("/CreationDate (%s)", digits);
	char *prefixed = g_strdup_printf("/CreationDate (D:%s)", digits);
	char *mod_bare = g_strdup_printf("/ModDate (%s)", digits);
	char *mod_prefixed = g_strdup_printf("/ModDate (D:%s)", digits);
	gboolean found = (bytes_contain(pdf, bare) || bytes_contain(pdf, prefixed)) &&
			 (bytes_contain(pdf, mod_bare) || bytes_contain(pdf, mod_prefixed));

	g_free(bare);
	g_free(prefixed);
	g_free(mod_bare);
	g_free(mod_prefixed);
	return found;
}

START_TEST(test_pdf_reproducible)
{
	char *folder = make_folder();
	GBytes *first, *second;

	g_unsetenv("SOURCE_DATE_EPOCH");
	first = write_and_read(folder, "chart.pdf", LR_FORMAT_AUTO, 400, 300, 1, draw_chart, NULL);
	/* Across a second boundary, where cairo's own date would change. */
	g_usleep(1100 * 1000);
	second = write_and_read(folder, "chart.pdf", LR_FORMAT_AUTO, 400, 300, 1, draw_chart, NULL);
	ck_assert(bytes_start_with(first, "%PDF-"));
	ck_assert(g_bytes_equal(first, second));
	ck_assert(pdf_has_dates(first, "20000101000000Z"));
	ck_assert(bytes_contain(first, "/Creator (libreport)"));
	ck_assert(bytes_contain(first, "/MediaBox [ 0 0 400 300 ]"));
	g_bytes_unref(first);
	g_bytes_unref(second);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_pdf_source_date_epoch)
{
	lr_error_record_t error = { 0 };
	char *folder = make_folder();
	char *path = g_build_filename(folder, "bad.pdf", NULL);
	GBytes *pdf, *again;

	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
	pdf = write_and_read(folder, "chart.pdf", LR_FORMAT_AUTO, 200, 100, 1, draw_chart, NULL);
	again = write_and_read(folder, "chart.pdf", LR_FORMAT_AUTO, 200, 100, 1, draw_chart, NULL);
	ck_assert(pdf_has_dates(pdf, "20231114221320Z"));
	ck_assert(!pdf_has_dates(pdf, "20000101000000Z"));
	ck_assert(g_bytes_equal(pdf, again));
	g_bytes_unref(pdf);
	g_bytes_unref(again);

	g_setenv("SOURCE_DATE_EPOCH", "0", TRUE);
	pdf = write_and_read(folder, "chart.pdf", LR_FORMAT_AUTO, 200, 100, 1, draw_chart, NULL);
	ck_assert(pdf_has_dates(pdf, "19700101000000Z"));
	g_bytes_unref(pdf);

	/* reproducible-builds.org: a malformed value is an error, not silently ignored. */
	g_setenv("SOURCE_DATE_EPOCH", "yesterday", TRUE);
	ck_assert_int_eq(lr_output_write(path, LR_FORMAT_AUTO, 200, 100, 1, draw_chart, NULL,
					 &error),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_ptr_nonnull(strstr(error.message, "SOURCE_DATE_EPOCH"));
	lr_error_record_clear(&error);
	assert_listing(folder, "chart.pdf");
	g_unsetenv("SOURCE_DATE_EPOCH");

	g_free(path);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_svg)
{
	char *folder = make_folder();
	GBytes *first = write_and_read(folder, "chart.Svg", LR_FORMAT_AUTO, 400, 300, 2, draw_chart,
				       NULL);
	GBytes *second = write_and_read(folder, "chart.Svg", LR_FORMAT_AUTO, 400, 300, 2,
					draw_chart, NULL);

	ck_assert(bytes_start_with(first, "<?xml"));
	ck_assert(bytes_contain(first, "<svg"));
	ck_assert(bytes_contain(first, "</svg>"));
	/* Points, and the scale does not apply to vector output. */
	ck_assert(bytes_contain(first, "width=\"400pt\" height=\"300pt\""));
	/* cairo numbers surfaces with a process-wide counter; output.c renumbers them. */
	ck_assert(g_bytes_equal(first, second));
	ck_assert(bytes_contain(first, "<g id=\"surface0\""));
	/* Glyphs are groups, not <symbol>s, which WeasyPrint 57 does not draw. */
	ck_assert(bytes_contain(first, "<g id=\"glyph0-1\">"));
	ck_assert(!bytes_contain(first, "<symbol"));
	ck_assert(!bytes_contain(first, "</symbol>"));
	ck_assert(bytes_contain(first, "xlink:href=\"#glyph0-1\""));
	g_bytes_unref(first);
	g_bytes_unref(second);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_explicit_format)
{
	char *folder = make_folder();
	GBytes *png = write_and_read(folder, "chart.out", LR_FORMAT_PNG, 50, 40, 1, draw_chart,
				     NULL);
	GBytes *pdf = write_and_read(folder, "chart.png", LR_FORMAT_PDF, 50, 40, 1, draw_chart,
				     NULL);

	ck_assert(bytes_start_with(png, "\x89PNG\r\n\x1a\n"));
	ck_assert(bytes_start_with(pdf, "%PDF-"));
	g_bytes_unref(png);
	g_bytes_unref(pdf);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

/* ---- arguments ---- */

START_TEST(test_format_from_path)
{
	ck_assert_int_eq(lr_output_format_from_path("a.png"), LR_FORMAT_PNG);
	ck_assert_int_eq(lr_output_format_from_path("dir/A.PNG"), LR_FORMAT_PNG);
	ck_assert_int_eq(lr_output_format_from_path("x.Pdf"), LR_FORMAT_PDF);
	ck_assert_int_eq(lr_output_format_from_path("/tmp/x.y.sVg"), LR_FORMAT_SVG);
	ck_assert_int_eq(lr_output_format_from_path("x.jpg"), LR_FORMAT_AUTO);
	ck_assert_int_eq(lr_output_format_from_path("x.png.bak"), LR_FORMAT_AUTO);
	ck_assert_int_eq(lr_output_format_from_path("png"), LR_FORMAT_AUTO);
	ck_assert_int_eq(lr_output_format_from_path("out.png/chart"), LR_FORMAT_AUTO);
	ck_assert_int_eq(lr_output_format_from_path("x.pngg"), LR_FORMAT_AUTO);
	ck_assert_int_eq(lr_output_format_from_path(""), LR_FORMAT_AUTO);
	ck_assert_int_eq(lr_output_format_from_path(NULL), LR_FORMAT_AUTO);
}
END_TEST

START_TEST(test_bad_extension)
{
	static const char *const names[] = { "x.jpg", "chart", "x.png.bak", "out.png/chart" };
	lr_error_record_t error = { 0 };
	char *folder = make_folder();
	unsigned i;

	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		char *path = g_build_filename(folder, names[i], NULL);
		char *expected = g_strdup_printf(
			"unknown output format for '%s': expected .png, .pdf or .svg", path);

		ck_assert_int_eq(lr_output_write(path, LR_FORMAT_AUTO, 100, 100, 1, draw_chart,
						 NULL, &error),
				 LR_STATUS_INVALID_ARGUMENT);
		ck_assert_str_eq(error.message, expected);
		ck_assert_int_eq(error.public.status, LR_STATUS_INVALID_ARGUMENT);
		lr_error_record_clear(&error);
		g_free(expected);
		g_free(path);
	}
	ck_assert_int_eq(lr_output_write("x.png", (lr_file_format_t) 42, 100, 100, 1, draw_chart,
					 NULL, &error),
			 LR_STATUS_INVALID_ARGUMENT);
	lr_error_record_clear(&error);
	assert_listing(folder, "");
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_bad_sizes)
{
	static const struct {
		const char *name;
		double width, height, scale;
	} cases[] = {
		{ "a.png", 0, 100, 1 },
		{ "a.png", 100, 0.5, 1 },
		{ "a.png", -10, 100, 1 },
		{ "a.png", NAN, 100, 1 },
		{ "a.png", 100, INFINITY, 1 },
		{ "a.png", 32768, 100, 1 },
		{ "a.png", 20000, 100, 2 },
		{ "a.png", 100, 3000, 11 },
		{ "a.png", 100, 100, 0.05 },
		{ "a.png", 100, 100, 17 },
		{ "a.png", 100, 100, NAN },
		{ "a.png", 100, 100, -1 },
		{ "a.pdf", 32768, 100, 1 },
		{ "a.svg", 100, 0, 1 },
		{ "a.pdf", 100, 100, 0 },
	};
	chart_options_t options = { 0 };
	lr_error_record_t error = { 0 };
	char *folder = make_folder();
	unsigned i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *path = g_build_filename(folder, cases[i].name, NULL);

		ck_assert_msg(lr_output_write(path, LR_FORMAT_AUTO, cases[i].width, cases[i].height,
					      cases[i].scale, draw_chart, &options, &error) ==
				      LR_STATUS_INVALID_ARGUMENT,
			      "case %u", i);
		ck_assert_ptr_nonnull(error.message);
		lr_error_record_clear(&error);
		g_free(path);
	}
	/* Checked before anything is drawn. */
	ck_assert_int_eq(options.calls, 0);
	assert_listing(folder, "");
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_size_limits_accepted)
{
	char *folder = make_folder();
	GBytes *wide = write_and_read(folder, "wide.png", LR_FORMAT_AUTO, 32767, 1, 1, draw_chart,
				      NULL);
	GBytes *tiny = write_and_read(folder, "tiny.png", LR_FORMAT_AUTO, 1, 1, 0.1, draw_chart,
				      NULL);
	GBytes *big = write_and_read(folder, "big.pdf", LR_FORMAT_AUTO, 32767, 32767, 16,
				     draw_chart, NULL);
	cairo_surface_t *decoded = decode_png(wide);

	ck_assert_int_eq(cairo_image_surface_get_width(decoded), 32767);
	ck_assert_int_eq(cairo_image_surface_get_height(decoded), 1);
	cairo_surface_destroy(decoded);
	decoded = decode_png(tiny);
	ck_assert_int_eq(cairo_image_surface_get_width(decoded), 1);
	ck_assert_int_eq(cairo_image_surface_get_height(decoded), 1);
	cairo_surface_destroy(decoded);
	g_bytes_unref(wide);
	g_bytes_unref(tiny);
	g_bytes_unref(big);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_null_arguments)
{
	lr_error_record_t error = { 0 };

	ck_assert_int_eq(lr_output_write(NULL, LR_FORMAT_PNG, 10, 10, 1, draw_chart, NULL, &error),
			 LR_STATUS_NULL_POINTER);
	lr_error_record_clear(&error);
	ck_assert_int_eq(lr_output_write("x.png", LR_FORMAT_PNG, 10, 10, 1, NULL, NULL, &error),
			 LR_STATUS_NULL_POINTER);
	lr_error_record_clear(&error);
	/* The error record is optional. */
	ck_assert_int_eq(lr_output_write("x.jpg", LR_FORMAT_AUTO, 10, 10, 1, draw_chart, NULL,
					 NULL),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_output_write_bytes(NULL, (const guint8 *) "x", 1, NULL),
			 LR_STATUS_NULL_POINTER);
}
END_TEST

/* ---- writing ---- */

START_TEST(test_draw_error_passed_through)
{
	static const char *const names[] = { "chart.png", "chart.pdf", "chart.svg" };
	lr_error_record_t error = { 0 };
	char *folder = make_folder();
	unsigned i;

	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		char *path = g_build_filename(folder, names[i], NULL);
		GBytes *before, *after;

		/* Into an empty folder: nothing appears. */
		ck_assert_int_eq(lr_output_write(path, LR_FORMAT_AUTO, 100, 100, 1, draw_failing,
						 NULL, &error),
				 LR_STATUS_NO_DATA);
		ck_assert_int_eq(error.public.status, LR_STATUS_NO_DATA);
		ck_assert_ptr_nonnull(strstr(error.message, path));
		lr_error_record_clear(&error);
		assert_listing(folder, "");

		/* Over a good file: it stays as it was. */
		before = write_and_read(folder, names[i], LR_FORMAT_AUTO, 100, 100, 1, draw_chart,
					NULL);
		ck_assert_int_eq(lr_output_write(path, LR_FORMAT_AUTO, 100, 100, 1, draw_failing,
						 NULL, &error),
				 LR_STATUS_NO_DATA);
		lr_error_record_clear(&error);
		after = read_file(path);
		ck_assert(g_bytes_equal(before, after));
		assert_listing(folder, names[i]);
		g_bytes_unref(before);
		g_bytes_unref(after);
		unlink(path);
		g_free(path);
	}
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_cairo_error)
{
	static const char *const names[] = { "chart.png", "chart.pdf", "chart.svg" };
	const char *restore = cairo_status_to_string(CAIRO_STATUS_INVALID_RESTORE);
	lr_error_record_t error = { 0 };
	char *folder = make_folder();
	unsigned i;

	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		char *path = g_build_filename(folder, names[i], NULL);

		ck_assert_int_eq(lr_output_write(path, LR_FORMAT_AUTO, 100, 100, 1,
						 draw_cairo_error, NULL, &error),
				 LR_STATUS_CAIRO_ERROR);
		ck_assert_ptr_nonnull(strstr(error.message, path));
		ck_assert_ptr_nonnull(strstr(error.message, restore));
		lr_error_record_clear(&error);
		assert_listing(folder, "");
		g_free(path);
	}
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_missing_folder)
{
	lr_error_record_t error = { 0 };
	char *folder = make_folder();
	char *path = g_build_filename(folder, "missing", "chart.png", NULL);
	char *expected = g_strdup_printf("cannot write '%s': %s", path, g_strerror(ENOENT));

	ck_assert_int_eq(lr_output_write(path, LR_FORMAT_AUTO, 100, 100, 1, draw_chart, NULL,
					 &error),
			 LR_STATUS_WRITE_ERROR);
	ck_assert_str_eq(error.message, expected);
	ck_assert_str_eq(error.public.file, path);
	lr_error_record_clear(&error);
	assert_listing(folder, "");
	g_free(expected);
	g_free(path);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_target_is_folder)
{
	static const char *const names[] = { "chart.png", "chart.pdf", "chart.svg" };
	lr_error_record_t error = { 0 };
	char *folder = make_folder();
	unsigned i;

	/* Tests may run as root, which ignores permissions; a folder in the way fails for
	 * everyone, and only at the rename, after the temporary file was written. */
	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		char *path = g_build_filename(folder, names[i], NULL);
		char *listing, *inside;

		ck_assert_int_eq(mkdir(path, 0755), 0);
		ck_assert_int_eq(lr_output_write(path, LR_FORMAT_AUTO, 100, 100, 1, draw_chart,
						 NULL, &error),
				 LR_STATUS_WRITE_ERROR);
		ck_assert_ptr_nonnull(strstr(error.message, path));
		ck_assert_ptr_nonnull(strstr(error.message, g_strerror(EISDIR)));
		lr_error_record_clear(&error);
		listing = ct_list_dir(folder);
		ck_assert_str_eq(listing, names[i]);
		inside = ct_list_dir(path);
		ck_assert_str_eq(inside, "");
		g_free(listing);
		g_free(inside);
		rmdir(path);
		g_free(path);
	}
	remove_tree(folder);
	g_free(folder);
}
END_TEST

/* In a child, with files limited to a few kilobytes and SIGXFSZ ignored so that write()
 * fails with EFBIG instead of killing the process: a disk that fills up mid-write. The
 * child exits 0 when the write failed as it should. */
static void
write_with_file_size_limit(const char *path)
{
	pid_t pid = fork();
	int wstatus = 0;

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct rlimit limit = { 16384, 16384 };
		lr_error_record_t error = { 0 };
		lr_status_t status;
		int code;

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &limit) != 0)
			_exit(90);
		status = lr_output_write(path, LR_FORMAT_AUTO, 300, 300, 1, draw_noise, NULL,
					 &error);
		if (status != LR_STATUS_WRITE_ERROR)
			code = 91;
		else if (!error.message || !strstr(error.message, path) ||
			 !strstr(error.message, g_strerror(EFBIG)))
			code = 92;
		else
			code = 0;
		lr_error_record_clear(&error);
		_exit(code);
	}
	ck_assert_int_eq(waitpid(pid, &wstatus, 0), pid);
	ck_assert_msg(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0,
		      "child: exited %d, status %d", WIFEXITED(wstatus), WEXITSTATUS(wstatus));
}

START_TEST(test_disk_full)
{
	char *folder = make_folder();
	char *path = g_build_filename(folder, "big.png", NULL);

	write_with_file_size_limit(path);
	ck_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
	assert_listing(folder, "");
	g_free(path);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_disk_full_keeps_old_file)
{
	char *folder = make_folder();
	char *path = g_build_filename(folder, "chart.png", NULL);
	GBytes *before, *after;

	before = write_and_read(folder, "chart.png", LR_FORMAT_AUTO, 120, 80, 1, draw_chart, NULL);
	ck_assert_uint_lt(g_bytes_get_size(before), 16384);
	write_with_file_size_limit(path);
	after = read_file(path);
	ck_assert(g_bytes_equal(before, after));
	assert_listing(folder, "chart.png");
	g_bytes_unref(before);
	g_bytes_unref(after);
	g_free(path);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_write_bytes)
{
	lr_error_record_t error = { 0 };
	char *folder = make_folder();
	char *path = g_build_filename(folder, "data.bin", NULL);
	char *missing = g_build_filename(folder, "no", "data.bin", NULL);
	char *expected = g_strdup_printf("cannot write '%s': %s", missing, g_strerror(ENOENT));
	GBytes *contents;

	ck_assert_int_eq(lr_output_write_bytes(path, (const guint8 *) "first", 5, &error),
			 LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_output_write_bytes(path, (const guint8 *) "second", 6, &error),
			 LR_STATUS_SUCCESS);
	contents = read_file(path);
	ck_assert_uint_eq(g_bytes_get_size(contents), 6);
	ck_assert_int_eq(memcmp(g_bytes_get_data(contents, NULL), "second", 6), 0);
	g_bytes_unref(contents);
	ck_assert_int_eq(lr_output_write_bytes(path, NULL, 0, &error), LR_STATUS_SUCCESS);
	contents = read_file(path);
	ck_assert_uint_eq(g_bytes_get_size(contents), 0);
	g_bytes_unref(contents);

	ck_assert_int_eq(lr_output_write_bytes(missing, (const guint8 *) "x", 1, &error),
			 LR_STATUS_WRITE_ERROR);
	ck_assert_str_eq(error.message, expected);
	lr_error_record_clear(&error);
	assert_listing(folder, "data.bin");
	g_free(expected);
	g_free(missing);
	g_free(path);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

START_TEST(test_permissions)
{
	static const struct {
		mode_t umask, expected;
	} cases[] = { { 022, 0644 }, { 077, 0600 }, { 002, 0664 } };
	char *folder = make_folder();
	char *path = g_build_filename(folder, "chart.svg", NULL);
	mode_t saved = umask(022);
	unsigned i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		lr_error_record_t error = { 0 };
		struct stat info;

		umask(cases[i].umask);
		ck_assert_int_eq(lr_output_write(path, LR_FORMAT_AUTO, 50, 50, 1, draw_chart, NULL,
						 &error),
				 LR_STATUS_SUCCESS);
		ck_assert_int_eq(stat(path, &info), 0);
		ck_assert_msg((info.st_mode & 07777) == cases[i].expected,
			      "umask %03o: mode %03o", (unsigned) cases[i].umask,
			      (unsigned) (info.st_mode & 07777));
	}
	umask(saved);
	g_free(path);
	remove_tree(folder);
	g_free(folder);
}
END_TEST

/* Pango's per-thread default font map lives until exit; releasing it keeps LeakSanitizer's
 * report to what the tests leaked. (cairo_debug_reset_static_data() and FcFini() are not
 * called: cairo asserts when a font is still cached somewhere, which made this suite fail now
 * and then. What cairo and fontconfig keep stays reachable, which LeakSanitizer ignores.) In
 * Check's fork mode every test ends its own child, so that is done after each test; with
 * CK_FORK=no only once, at the end. */
static gboolean forking = TRUE;

static void
release_fonts(void)
{
	pango_cairo_font_map_set_default(NULL);
}

static void
release_fonts_in_child(void)
{
	if (forking)
		release_fonts();
}

static Suite *
output_suite(void)
{
	Suite *suite = suite_create("output");
	TCase *png = tcase_create("png");
	TCase *vector = tcase_create("vector");
	TCase *arguments = tcase_create("arguments");
	TCase *writing = tcase_create("writing");

	tcase_add_test(png, test_png_pixels_and_size);
	tcase_add_test(png, test_png_noise);
	tcase_add_test(png, test_png_transparent_is_rgba);
	tcase_add_test(png, test_png_chunks_and_reproducible);
	tcase_add_test(png, test_png_encode_surfaces);
	tcase_add_test(png, test_png_same_bytes_any_workers);
	tcase_add_test(png, test_png_same_bytes_charts);
	tcase_add_test(png, test_png_zlib_fallback);
	tcase_add_test(vector, test_pdf_reproducible);
	tcase_add_test(vector, test_pdf_source_date_epoch);
	tcase_add_test(vector, test_svg);
	tcase_add_test(vector, test_explicit_format);
	tcase_add_test(arguments, test_format_from_path);
	tcase_add_test(arguments, test_bad_extension);
	tcase_add_test(arguments, test_bad_sizes);
	tcase_add_test(arguments, test_size_limits_accepted);
	tcase_add_test(arguments, test_null_arguments);
	tcase_add_test(writing, test_draw_error_passed_through);
	tcase_add_test(writing, test_cairo_error);
	tcase_add_test(writing, test_missing_folder);
	tcase_add_test(writing, test_target_is_folder);
	tcase_add_test(writing, test_disk_full);
	tcase_add_test(writing, test_disk_full_keeps_old_file);
	tcase_add_test(writing, test_write_bytes);
	tcase_add_test(writing, test_permissions);
	tcase_add_checked_fixture(png, NULL, release_fonts_in_child);
	tcase_add_checked_fixture(vector, NULL, release_fonts_in_child);
	tcase_add_checked_fixture(arguments, NULL, release_fonts_in_child);
	tcase_add_checked_fixture(writing, NULL, release_fonts_in_child);
	/* Sanitizer builds and a loaded machine: PDF text subsetting is not instant. */
	tcase_set_timeout(png, 60);
	tcase_set_timeout(vector, 60);
	tcase_set_timeout(arguments, 60);
	tcase_set_timeout(writing, 60);
	suite_add_tcase(suite, png);
	suite_add_tcase(suite, vector);
	suite_add_tcase(suite, arguments);
	suite_add_tcase(suite, writing);
	return suite;
}

static void
before_run(SRunner *runner)
{
	forking = srunner_fork_status(runner) != CK_NOFORK;
}

/* Without fork mode the tests ran in this process: release what they cached, for LSan. */
static void
after_run(SRunner *runner)
{
	(void) runner;
	if (!forking)
		release_fonts();
}

const lr_test_program_t lr_test_program = { output_suite, before_run, after_run };
