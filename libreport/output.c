/* libreport: output. Turns a drawing callback into a PNG, PDF or SVG file. Each format is
 * rendered into memory first (a cairo image surface encoded by png-encode.c, or cairo's PDF and
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "output-private.h"

/* cairo image surfaces and pixman address at most 32767 pixels a side. */
#define MAX_DEVICE_PIXELS 32767
#define MIN_SCALE 0.1
#define MAX_SCALE 16.0
#define MAX_DPI 100000

/* Without SOURCE_DATE_EPOCH the PDF still must not carry the time of the run. */
#define FIXED_PDF_DATE "2000-01-01T00:00:00Z"
/* The last second GDateTime (and the four-digit years of a PDF date) can express. */
#define MAX_SOURCE_DATE_EPOCH G_GUINT64_CONSTANT(253402300799)

#define PDF_CREATOR "libreport"


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

/* ---- rendering ---- */

/* Runs @draw over the whole canvas and turns a failure, the callback's or cairo's, into an
 * error naming @name (a quoted path, or "the stream"). */
static lr_status_t
run_draw(const char *name, cairo_t *cr, double width, double height, lr_draw_func_t draw,
	 void *data, lr_error_record_t *error)
{
	lr_rect_t rect = { 0, 0, width, height };
	lr_status_t status;

	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return lr_error_record_set(error, LR_STATUS_CAIRO_ERROR, NULL, 0, 0, "cannot draw %s: %s", name,
			    cairo_status_to_string(cairo_status(cr)));
	status = draw(data, cr, &rect);
	if (status != LR_STATUS_SUCCESS)
		return lr_error_record_set(error, status, NULL, 0, 0, "cannot draw %s: %s", name,
			    lr_status_to_string(status));
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return lr_error_record_set(error, LR_STATUS_CAIRO_ERROR, NULL, 0, 0, "cannot draw %s: %s", name,
			    cairo_status_to_string(cairo_status(cr)));
	return LR_STATUS_SUCCESS;
}

/* Each thread keeps the pixels of its last PNG for the next one (up to 16 MiB: a 1600×900
 * chart takes 5.5 MiB). A fresh 5.5 MiB allocation per chart costs page faults and zeroing
 * (~0.5 ms), and glibc keeps freed blocks of that size around, so a process drawing charts of
 * different kinds came to hold two or three of them. */
#define MAX_KEPT_PIXELS (16u << 20)

typedef struct {
	guint8 *data;
	gsize size;
} pixel_buffer_t;

static void
pixel_buffer_free(gpointer data)
{
	pixel_buffer_t *buffer = data;

	if (buffer)
		g_free(buffer->data);
	g_free(buffer);
}

static GPrivate kept_pixels = G_PRIVATE_INIT(pixel_buffer_free);

/* A transparent ARGB32 surface of @width × @height pixels, on the thread's kept buffer when
 * it is small enough. */
static cairo_surface_t *
create_image_surface(int width, int height)
{
	int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width);
	gsize size = (gsize) stride * (gsize) height;
	pixel_buffer_t *buffer = g_private_get(&kept_pixels);

	if (stride <= 0 || size > MAX_KEPT_PIXELS)
		return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
	if (!buffer) {
		buffer = g_new0(pixel_buffer_t, 1);
		g_private_set(&kept_pixels, buffer);
	}
	if (buffer->size < size) {
		g_free(buffer->data);
		buffer->data = g_try_malloc(size);
		buffer->size = buffer->data ? size : 0;
		if (!buffer->data)
			return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
	}
	memset(buffer->data, 0, size);
	return cairo_image_surface_create_for_data(buffer->data, CAIRO_FORMAT_ARGB32, width, height,
						   stride);
}

static lr_status_t
render_png(const char *name, double width, double height, double scale, double dpi,
	   lr_draw_func_t draw, void *data, GByteArray **out, lr_error_record_t *error)
{
	cairo_surface_t *surface;
	cairo_t *cr;
	lr_status_t status;

	surface = create_image_surface((int) ceil(width * scale), (int) ceil(height * scale));
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		status = lr_error_record_set(error, LR_STATUS_CAIRO_ERROR, NULL, 0, 0, "cannot draw %s: %s", name,
			      cairo_status_to_string(cairo_surface_status(surface)));
		cairo_surface_destroy(surface);
		return status;
	}
	cr = cairo_create(surface);
	cairo_scale(cr, scale, scale);
	status = run_draw(name, cr, width, height, draw, data, error);
	cairo_destroy(cr);
	if (status == LR_STATUS_SUCCESS) {
		/* png-encode.c */
		*out = lr_output_encode_png(surface, dpi, error);
		if (!*out)
			status = error && error->public.status ? error->public.status : LR_STATUS_WRITE_ERROR;
	}
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
pdf_date(char *date, const char *name, lr_error_record_t *error)
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
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
			    "cannot write %s: SOURCE_DATE_EPOCH '%s' is not a number of "
			    "seconds from 0 to %" G_GUINT64_FORMAT,
			    name, epoch, MAX_SOURCE_DATE_EPOCH);
	time = g_date_time_new_from_unix_utc((gint64) seconds);
	text = time ? g_date_time_format(time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
	if (time)
		g_date_time_unref(time);
	if (!text)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
			    "cannot write %s: SOURCE_DATE_EPOCH '%s' is out of range", name,
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

	/* No G_REGEX_OPTIMIZE: GLib 2.74 then compiles with PCRE2's JIT, whose word-wide reads
	 * past the end of the subject memcheck reports as uninitialised; one pass over a
	 * chart's SVG is fast enough interpreted. */
	regex = g_regex_new("(id=\"|#)(surface|image|source|pattern|linear|radial|clip|mask|filter)"
			    "([0-9]+)",
			    G_REGEX_RAW, 0, NULL);
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

/* WeasyPrint 57 (and other renderers built on CairoSVG's model) draws nothing for a <use>
 * of a <symbol>, and cairo 1.16 writes every glyph as
 *   <symbol overflow="visible" id="glyph0-1"> <path .../> </symbol>
 * drawn by <use xlink:href="#glyph0-1" x=".." y=".."/>, so such renderers show charts
 * without a word of text. A <symbol> with overflow="visible" and no viewBox places its content
 * exactly as a <g> would (the <use>'s x and y become a translation, nothing is clipped), and a
 * <g> inside <defs> is never drawn except through <use>: rewriting those tags keeps the picture
 * and brings the text back everywhere. Only cairo's own tags are touched (the exact opening
 * tag it writes, with an id), so nothing else in the document can change. Takes @svg. */
#define SYMBOL_OPEN "<symbol overflow=\"visible\" id=\""
#define SYMBOL_CLOSE "</symbol>"

static GByteArray *
symbols_to_groups(GByteArray *svg)
{
	const char *text = (const char *) svg->data, *end = text + svg->len, *at;
	GByteArray *out;

	at = g_strstr_len(text, (gssize) svg->len, SYMBOL_OPEN);
	if (!at)
		return svg;
	out = g_byte_array_sized_new(svg->len);
	while (at) {
		const char *id = at + strlen(SYMBOL_OPEN);
		const char *quote = memchr(id, '"', (gsize) (end - id));
		const char *close;

		/* An id, then the tag's end: anything else is not cairo's glyph; copy it as is. */
		if (!quote || quote + 1 >= end || quote[1] != '>') {
			at = g_strstr_len(id, end - id, SYMBOL_OPEN);
			continue;
		}
		/* A glyph's outline holds no element that could itself end in </symbol>. */
		close = g_strstr_len(quote, end - quote, SYMBOL_CLOSE);
		if (!close)
			break;
		g_byte_array_append(out, (const guint8 *) text, (guint) (at - text));
		g_byte_array_append(out, (const guint8 *) "<g id=\"", 7);
		g_byte_array_append(out, (const guint8 *) id, (guint) (close - id));
		g_byte_array_append(out, (const guint8 *) "</g>", 4);
		text = close + strlen(SYMBOL_CLOSE);
		at = g_strstr_len(text, end - text, SYMBOL_OPEN);
	}
	g_byte_array_append(out, (const guint8 *) text, (guint) (end - text));
	g_byte_array_unref(svg);
	return out;
}

static lr_status_t
render_vector(const char *name, lr_file_format_t format, double width, double height,
	      lr_draw_func_t draw, void *data, GByteArray **out, lr_error_record_t *error)
{
	GByteArray *bytes = g_byte_array_new();
	cairo_surface_t *surface;
	cairo_status_t cairo_status_value;
	cairo_t *cr;
	char date[32];
	lr_status_t status;

	if (format == LR_FORMAT_PDF) {
		status = pdf_date(date, name, error);
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
	status = run_draw(name, cr, width, height, draw, data, error);
	cairo_destroy(cr);
	/* Finishing writes the document; a surface in error reports it here too. */
	cairo_surface_finish(surface);
	cairo_status_value = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (status == LR_STATUS_SUCCESS && cairo_status_value != CAIRO_STATUS_SUCCESS)
		status = lr_error_record_set(error, LR_STATUS_CAIRO_ERROR, NULL, 0, 0, "cannot write %s: %s", name,
			      cairo_status_to_string(cairo_status_value));
	if (status != LR_STATUS_SUCCESS) {
		g_byte_array_unref(bytes);
		return status;
	}
	*out = format == LR_FORMAT_SVG ? renumber_svg_ids(symbols_to_groups(bytes)) : bytes;
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

/* ---- temporary files ----
 *
 * A file is written as "NAME.lreport-PID-XXXXXX" beside its target and renamed over it.
 * Visible, so a user sees what a killed run (kill -9, power loss) left; ours by its pattern;
 * and removed by the next write into that folder once stale: its process is gone (it never
 * is for a file of a live writer), or it is older than STALE_TEMP_SECONDS (pid reuse, or
 * another machine sharing the folder). Each process cleans a folder once. */
#define TEMP_TAG ".lreport-"
#define STALE_TEMP_SECONDS (15 * 60)

/* Whether @name is a temporary of ours, "NAME.lreport-PID-XXXXXX"; sets *@pid. */
static gboolean
parse_temp_name(const char *name, long *pid)
{
	gsize length = strlen(name);
	const char *tag, *end;
	char *stop;

	if (length < strlen(TEMP_TAG) + 9)
		return FALSE;
	end = name + length - 7; /* the '-' before XXXXXX */
	if (*end != '-')
		return FALSE;
	tag = g_strrstr_len(name, end - name, TEMP_TAG);
	if (!tag || !g_ascii_isdigit(tag[strlen(TEMP_TAG)]))
		return FALSE;
	*pid = strtol(tag + strlen(TEMP_TAG), &stop, 10);
	return stop == end && *pid > 0;
}

static GHashTable *cleaned_folders; /* folders this process has cleaned; under the lock */
G_LOCK_DEFINE_STATIC(cleaned_folders);

/* Removes the stale temporaries of ours in @folder, once per process. */
static void
clean_stale_temporaries(const char *folder)
{
	GDir *dir;
	const char *name;
	gboolean first;
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;

	G_LOCK(cleaned_folders);
	if (!cleaned_folders)
		cleaned_folders = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	first = g_hash_table_add(cleaned_folders, g_strdup(folder));
	G_UNLOCK(cleaned_folders);
	if (!first || !(dir = g_dir_open(folder, 0, NULL)))
		return;
	while ((name = g_dir_read_name(dir))) {
		long pid;
		char *temp;
		struct stat st;

		if (!parse_temp_name(name, &pid) || pid == (long) getpid())
			continue;
		temp = g_build_filename(folder, name, NULL);
		if (lstat(temp, &st) == 0 && S_ISREG(st.st_mode) &&
		    ((kill((pid_t) pid, 0) != 0 && errno == ESRCH) ||
		     now - (gint64) st.st_mtime > STALE_TEMP_SECONDS))
			unlink(temp);
		g_free(temp);
	}
	g_dir_close(dir);
}

lr_status_t
lr_output_write_bytes(const char *path, const guint8 *bytes, gsize length,
		      lr_error_record_t *error)
{
	char *folder, *name, *temp_name, *temp_path;
	int fd, code = 0;

	if (!path || (!bytes && length > 0))
		return lr_error_record_set(error, LR_STATUS_NULL_POINTER, path, 0, 0, "cannot write a file: no %s",
			    path ? "bytes" : "path");
	/* Not g_file_set_contents_full(): its messages name the temporary file instead of
	 * @path, and the reason is only available as text. Same steps, with errno at hand. */
	folder = g_path_get_dirname(path);
	name = g_path_get_basename(path);
	clean_stale_temporaries(folder);
	/* In the target's folder, so the rename cannot cross file systems; short enough to stay
	 * within NAME_MAX whatever the target's name (see "temporary files" above). */
	temp_name = g_strdup_printf("%.100s" TEMP_TAG "%ld-XXXXXX", name, (long) getpid());
	temp_path = g_build_filename(folder, temp_name, NULL);
	g_free(temp_name);
	g_free(name);
	g_free(folder);

	/* 0666 less the umask, as for any new file, rather than mkstemp's 0600. */
	fd = g_mkstemp_full(temp_path, O_WRONLY | O_CLOEXEC, 0666);
	if (fd < 0) {
		code = errno;
		g_free(temp_path);
		return lr_error_record_set(error, LR_STATUS_WRITE_ERROR, path, 0, 0, "cannot write '%s': %s", path,
			    g_strerror(code));
	}
	code = write_all(fd, bytes, length);
	/* When a good file is being replaced, its data must be on disk before the rename, or a
	 * system crash could leave neither. A new file has nothing to lose, and the ~1 ms of
	 * fsync() is a sixth of a chart's budget (GLib's g_file_set_contents does the same). */
	if (!code && g_file_test(path, G_FILE_TEST_EXISTS) && fsync(fd) != 0)
		code = errno;
	if (close(fd) != 0 && !code && errno != EINTR)
		code = errno;
	if (!code && rename(temp_path, path) != 0)
		code = errno;
	if (code)
		unlink(temp_path);
	g_free(temp_path);
	if (code)
		return lr_error_record_set(error, LR_STATUS_WRITE_ERROR, path, 0, 0, "cannot write '%s': %s", path,
			    g_strerror(code));
	return LR_STATUS_SUCCESS;
}

lr_status_t
lr_output_render(const char *name, const char *path, const lr_output_request_t *request,
		 lr_draw_func_t draw, void *data, GByteArray **out, lr_error_record_t *error)
{
	lr_output_request_t checked;
	double device_width, device_height;
	lr_status_t status;

	*out = NULL;
	if (!request || !draw)
		return lr_error_record_set(error, LR_STATUS_NULL_POINTER, path, 0, 0,
			    "cannot write %s: no %s", name, request ? "draw function" : "options");
	checked = *request;
	if (checked.format == LR_FORMAT_AUTO) {
		checked.format = lr_output_format_from_path(path);
		if (checked.format == LR_FORMAT_AUTO)
			return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, path, 0, 0,
				    path ? "unknown output format for %s: expected .png, .pdf or .svg"
					 : "unknown output format for %s: expected png, pdf or svg",
				    name);
	} else if (checked.format != LR_FORMAT_PNG && checked.format != LR_FORMAT_PDF &&
		   checked.format != LR_FORMAT_SVG) {
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, path, 0, 0,
			    "unknown output format %d for %s", (int) checked.format, name);
	}
	if (!isfinite(checked.scale) || checked.scale < MIN_SCALE || checked.scale > MAX_SCALE)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
			    "invalid scale %g for %s: expected 0.1 to 16", checked.scale, name);
	if (!isfinite(checked.dpi) || checked.dpi < 0 || checked.dpi > MAX_DPI)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
			    "invalid resolution %g dpi for %s: expected 1 to %d, or 0 for none",
			    checked.dpi, name, MAX_DPI);
	/* Only PNG has pixels; PDF and SVG are sized in points, which the scale leaves alone. */
	device_width = checked.format == LR_FORMAT_PNG ? ceil(checked.width * checked.scale)
						       : checked.width;
	device_height = checked.format == LR_FORMAT_PNG ? ceil(checked.height * checked.scale)
							: checked.height;
	if (!isfinite(checked.width) || !isfinite(checked.height) || checked.width < 1 ||
	    checked.height < 1 || device_width > MAX_DEVICE_PIXELS ||
	    device_height > MAX_DEVICE_PIXELS)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
			    "invalid size %g x %g at scale %g for %s: expected 1 to %d "
			    "device pixels a side",
			    checked.width, checked.height, checked.scale, name, MAX_DEVICE_PIXELS);

	if (checked.format == LR_FORMAT_PNG)
		status = render_png(name, checked.width, checked.height, checked.scale, checked.dpi,
				    draw, data, out, error);
	else
		status = render_vector(name, checked.format, checked.width, checked.height, draw,
				       data, out, error);
	if (status == LR_STATUS_SUCCESS && !*out)
		status = lr_error_record_set(error, LR_STATUS_WRITE_ERROR, path, 0, 0,
					     "cannot write %s", name);
	return status;
}

lr_status_t
lr_output_write(const char *path, lr_file_format_t format, double width, double height,
		double scale, lr_draw_func_t draw, void *data, lr_error_record_t *error)
{
	lr_output_request_t request = { format, width, height, scale, 0 };
	GByteArray *bytes = NULL;
	lr_status_t status;
	char *name;

	if (!path || !draw)
		return lr_error_record_set(error, LR_STATUS_NULL_POINTER, path, 0, 0, "cannot write a file: no %s",
			    path ? "draw function" : "path");
	name = g_strdup_printf("'%s'", path);
	status = lr_output_render(name, path, &request, draw, data, &bytes, error);
	g_free(name);
	if (status != LR_STATUS_SUCCESS)
		return status;
	status = lr_output_write_bytes(path, bytes->data, bytes->len, error);
	g_byte_array_unref(bytes);
	return status;
}
