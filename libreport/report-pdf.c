/* libreport: a laid-out report as one PDF or as PNG pages. Pages are drawn by report-page.c
 * from the page plan; this file wraps them in the document: metadata (dates from
 * SOURCE_DATE_EPOCH, as output.c does for charts, so the same report gives the same bytes),
 * page labels and the nested outline from the headings. What cairo 1.16 cannot write (the
 * Document element, /Lang, /MarkInfo, figures' /Alt) is added by report-pdf-tags.c. PNG
 * pages share the plan: one image surface per page at the dpi asked.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <lreport/lr-version.h>

#include "output-private.h"
#include "report-private.h"

/* As output.c: without SOURCE_DATE_EPOCH the PDF still must not carry the time of the run. */
#define FIXED_PDF_DATE "2000-01-01T00:00:00Z"
#define MAX_SOURCE_DATE_EPOCH G_GUINT64_CONSTANT(253402300799)
#define PDF_CREATOR "libreport " LR_VERSION_STRING

#define MIN_DPI 18.0
#define MAX_DPI 1200.0
/* cairo image surfaces and pixman address at most 32767 pixels a side. */
#define MAX_DEVICE_PIXELS 32767

static cairo_status_t
append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* The PDF date, ISO 8601 in UTC, into @date (32 bytes). A malformed SOURCE_DATE_EPOCH is an
 * error, as reproducible-builds.org asks (output.c's rule, which charts follow). */
static lr_status_t
pdf_date(char *date, lr_error_record_t *error)
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
					   "cannot write the report: SOURCE_DATE_EPOCH '%s' is not a "
					   "number of seconds from 0 to %" G_GUINT64_FORMAT,
					   epoch, MAX_SOURCE_DATE_EPOCH);
	time = g_date_time_new_from_unix_utc((gint64) seconds);
	text = time ? g_date_time_format(time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
	if (time)
		g_date_time_unref(time);
	if (!text)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					   "cannot write the report: SOURCE_DATE_EPOCH '%s' is out "
					   "of range", epoch);
	g_strlcpy(date, text, 32);
	g_free(text);
	return LR_STATUS_SUCCESS;
}

static void
set_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t key, const char *value)
{
	if (value && *value)
		cairo_pdf_surface_set_metadata(surface, key, value);
}

static lr_status_t
cairo_fail(cairo_status_t status, const char *what, lr_error_record_t *error)
{
	return lr_error_record_set(error, LR_STATUS_CAIRO_ERROR, NULL, 0, 0, "cannot %s: %s", what,
				   cairo_status_to_string(status));
}

/* The nested outline: each heading under the nearest earlier heading of a lower level
 * (level 1 at the root). Every heading's page has been drawn by now, so its destination
 * exists. */
static void
add_outline(cairo_surface_t *surface, const lr_report_layout_t *layout)
{
	/* parents[l]: outline id of the latest heading of level l + 1. */
	int parents[8] = { 0 };

	if (!layout->headings)
		return;
	for (guint i = 0; i < layout->headings->len; i++) {
		lr_heading_entry_t *heading = &g_array_index(layout->headings, lr_heading_entry_t, i);
		int level = CLAMP(heading->level, 1, (int) G_N_ELEMENTS(parents));
		int parent = CAIRO_PDF_OUTLINE_ROOT;
		char *attributes;

		for (int l = level - 2; l >= 0; l--) {
			if (parents[l]) {
				parent = parents[l];
				break;
			}
		}
		/* Anchors are ours ("section-3"), but quote them as cairo's attribute syntax
		 * asks, in case one ever holds a quote or a backslash. */
		if (heading->anchor && *heading->anchor) {
			GString *dest = g_string_new("dest='");

			for (const char *c = heading->anchor; *c; c++) {
				if (*c == '\'' || *c == '\\')
					g_string_append_c(dest, '\\');
				g_string_append_c(dest, *c);
			}
			g_string_append_c(dest, '\'');
			attributes = g_string_free(dest, FALSE);
		} else {
			attributes = g_strdup_printf("page=%d pos=[0 %.2f]", heading->page + 1,
						     heading->y);
		}
		heading->outline_id = cairo_pdf_surface_add_outline(
			surface, parent, heading->text ? heading->text : "", attributes,
			level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		g_free(attributes);
		parents[level - 1] = heading->outline_id;
		/* A new section closes the subsections of the previous one. */
		for (int l = level; l < (int) G_N_ELEMENTS(parents); l++)
			parents[l] = 0;
	}
}

GByteArray *
lr_report_render_pdf(const lr_report_t *report, const lr_report_layout_t *layout,
		     lr_error_record_t *error)
{
	GByteArray *bytes;
	cairo_surface_t *surface;
	cairo_status_t cairo_status_value;
	cairo_t *cr;
	char date[32];
	lr_status_t status = LR_STATUS_SUCCESS;

	if (!report || !layout) {
		lr_error_record_set(error, LR_STATUS_NULL_POINTER, NULL, 0, 0,
				    "cannot write the report: no %s", report ? "layout" : "report");
		return NULL;
	}
	if (!layout->pages || layout->pages->len == 0) {
		lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				    "cannot write the report: it has no pages");
		return NULL;
	}
	if (pdf_date(date, error) != LR_STATUS_SUCCESS)
		return NULL;

	bytes = g_byte_array_new();
	surface = cairo_pdf_surface_create_for_stream(append_bytes, bytes, layout->page_width,
						      layout->page_height);
	/* 1.5 for object streams (qpdf packs the many small structure objects into them). */
	cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
	/* cairo 1.16 stamps CreationDate with the time of the run unless it is set. */
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, PDF_CREATOR);
	set_metadata(surface, CAIRO_PDF_METADATA_TITLE, report->title);
	set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, report->author);
	set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, report->subject);
	set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, report->keywords);

	cr = cairo_create(surface);
	/* No cairo_tag_begin(cr, "Document"): cairo 1.16 fails the surface ("invalid tag
	 * name, attributes, or nesting", or an assertion at finish) when an element is open
	 * across a first page with nothing drawn on it. report-pdf-tags.c wraps the tree's
	 * top-level elements in a Document element instead. */
	for (guint i = 0; i < layout->pages->len && status == LR_STATUS_SUCCESS; i++) {
		const lr_page_plan_t *page = g_ptr_array_index(layout->pages, i);

		/* The label of the page about to be drawn. None for the cover (report-pdf-tags.c
		 * gives it an empty one): given "" for the cover, cairo 1.16 writes one empty
		 * label for every page. */
		if (page->label && *page->label)
			cairo_pdf_surface_set_page_label(surface, page->label);
		status = lr_report_page_draw(report, layout, (int) i, cr, error);
		if (status == LR_STATUS_SUCCESS && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
			status = cairo_fail(cairo_status(cr), "draw the report's page", error);
		cairo_show_page(cr);
	}
	if (status == LR_STATUS_SUCCESS)
		add_outline(surface, layout);
	cairo_destroy(cr);
	/* Finishing writes the document; a surface in error reports it here too. */
	cairo_surface_finish(surface);
	cairo_status_value = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (status == LR_STATUS_SUCCESS && cairo_status_value != CAIRO_STATUS_SUCCESS)
		status = cairo_fail(cairo_status_value, "write the report's PDF", error);
	if (status == LR_STATUS_SUCCESS)
		status = lr_pdf_add_accessibility(bytes,
						  layout->language == LR_LANGUAGE_EN ? "en" : "vi",
						  layout->figure_alts, error);
	if (status != LR_STATUS_SUCCESS) {
		g_byte_array_unref(bytes);
		return NULL;
	}
	return bytes;
}

/* ---- PNG pages ---- */

/* "dir/b.png", page 3 of 120 → "dir/b-003.png": two digits, more when the count needs them. */
static char *
page_file_name(const char *path, guint page, guint count)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	int digits = 2;
	char *name;

	for (guint n = count; n >= 100; n /= 10)
		digits++;
	if (!dot || dot == (slash ? slash + 1 : path))
		dot = path + strlen(path);
	name = g_strdup_printf("%.*s-%0*u%s", (int) (dot - path), path, digits, page + 1, dot);
	return name;
}

/* Renders page @index at @dpi onto @surface (the pages' one, reused: a fresh 8.7 MB surface
 * per A4 page at 150 dpi costs its zeroing and page faults) and encodes it; NULL with @error
 * set on failure. */
static GByteArray *
render_png_page(const lr_report_t *report, const lr_report_layout_t *layout, guint index,
		cairo_surface_t *surface, double dpi, lr_error_record_t *error)
{
	cairo_t *cr = cairo_create(surface);
	GByteArray *png = NULL;
	lr_status_t status;

	/* Paper is white whatever the theme's background does with transparency, and nothing
	 * of the previous page shows through. */
	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
	cairo_scale(cr, dpi / 72.0, dpi / 72.0);
	status = lr_report_page_draw(report, layout, (int) index, cr, error);
	if (status == LR_STATUS_SUCCESS && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		status = cairo_fail(cairo_status(cr), "draw a PNG page", error);
	cairo_destroy(cr);
	if (status == LR_STATUS_SUCCESS) {
		cairo_surface_flush(surface);
		png = lr_output_encode_png(surface, 0, error);
	}
	return png;
}

static void
sync_file(const char *path)
{
	int fd = g_open(path, O_RDONLY | O_CLOEXEC, 0);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

lr_status_t
lr_report_write_png_pages(const lr_report_t *report, const lr_report_layout_t *layout,
			  const char *path, double dpi, lr_error_record_t *error)
{
	GPtrArray *staged, *final;
	cairo_surface_t *surface;
	char *folder, *base, *stage_dir;
	double width_pixels, height_pixels;
	lr_status_t status = LR_STATUS_SUCCESS;
	guint count, renamed = 0;

	if (!report || !layout || !path)
		return lr_error_record_set(error, LR_STATUS_NULL_POINTER, path, 0, 0,
					   "cannot write PNG pages: no %s",
					   !report ? "report" : !layout ? "layout" : "path");
	if (!isfinite(dpi) || dpi < MIN_DPI || dpi > MAX_DPI)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, path, 0, 0,
					   "invalid resolution %g dpi for '%s': expected %g to %g",
					   dpi, path, MIN_DPI, MAX_DPI);
	count = layout->pages ? layout->pages->len : 0;
	if (count == 0)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, path, 0, 0,
					   "cannot write '%s': the report has no pages", path);
	width_pixels = ceil(layout->page_width * dpi / 72.0 - 1e-9);
	height_pixels = ceil(layout->page_height * dpi / 72.0 - 1e-9);
	if (!(width_pixels >= 1 && height_pixels >= 1 && width_pixels <= MAX_DEVICE_PIXELS &&
	      height_pixels <= MAX_DEVICE_PIXELS))
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, path, 0, 0,
					   "invalid page size %g x %g pixels for '%s': expected 1 "
					   "to %d a side",
					   width_pixels, height_pixels, path, MAX_DEVICE_PIXELS);

	surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int) width_pixels,
					     (int) height_pixels);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		status = cairo_fail(cairo_surface_status(surface), "draw PNG pages", error);
		cairo_surface_destroy(surface);
		return status;
	}

	/* Every page is written into a hidden folder next to the targets first and only moved
	 * into place when all of them are there: a failure to draw, encode or write page 7
	 * leaves neither new pages nor damaged old ones. Should a rename itself fail (same
	 * folder, so rarely), the pages already moved are removed: no mix of old and new. */
	folder = g_path_get_dirname(path);
	base = g_path_get_basename(path);
	stage_dir = g_strdup_printf("%s/.%.100s.XXXXXX", folder, base);
	g_free(base);
	if (!g_mkdtemp(stage_dir)) {
		int code = errno;

		status = lr_error_record_set(error, LR_STATUS_WRITE_ERROR, path, 0, 0,
					     "cannot write '%s': %s", path, g_strerror(code));
		cairo_surface_destroy(surface);
		g_free(stage_dir);
		g_free(folder);
		return status;
	}
	staged = g_ptr_array_new_with_free_func(g_free);
	final = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < count && status == LR_STATUS_SUCCESS; i++) {
		char *name = page_file_name(path, i, count);
		char *file_base = g_path_get_basename(name);
		char *stage = g_build_filename(stage_dir, file_base, NULL);
		GByteArray *png = render_png_page(report, layout, i, surface, dpi, error);

		g_free(file_base);
		if (!png) {
			status = error && error->public.status ? error->public.status
							       : LR_STATUS_WRITE_ERROR;
		} else {
			lr_error_record_t stage_error = { 0 };

			status = lr_output_write_bytes(stage, png->data, png->len, &stage_error);
			if (status != LR_STATUS_SUCCESS) {
				/* Named after the page's own file, not the staging folder; the
				 * reason is what follows the quoted name. */
				const char *reason = stage_error.message
							     ? strstr(stage_error.message, "': ")
							     : NULL;

				status = lr_error_record_set(error, status, name, 0, 0,
							     "cannot write '%s': %s", name,
							     reason ? reason + 3 : "failed");
			}
			lr_error_record_clear(&stage_error);
			g_byte_array_unref(png);
		}
		g_ptr_array_add(staged, stage);
		g_ptr_array_add(final, name);
	}
	for (guint i = 0; i < count && status == LR_STATUS_SUCCESS; i++) {
		/* A good old page is replaced only by one that is on disk (as output.c does). */
		if (g_file_test(g_ptr_array_index(final, i), G_FILE_TEST_EXISTS))
			sync_file(g_ptr_array_index(staged, i));
		if (rename(g_ptr_array_index(staged, i), g_ptr_array_index(final, i)) != 0) {
			int code = errno;

			status = lr_error_record_set(error, LR_STATUS_WRITE_ERROR,
						     g_ptr_array_index(final, i), 0, 0,
						     "cannot write '%s': %s",
						     (char *) g_ptr_array_index(final, i),
						     g_strerror(code));
		} else {
			renamed++;
		}
	}
	if (status != LR_STATUS_SUCCESS) {
		/* Pages already moved into place are this call's: take them away again. */
		for (guint i = 0; i < renamed; i++)
			g_unlink(g_ptr_array_index(final, i));
		for (guint i = renamed; i < staged->len; i++)
			g_unlink(g_ptr_array_index(staged, i));
	}
	g_rmdir(stage_dir);
	cairo_surface_destroy(surface);
	g_ptr_array_unref(final);
	g_ptr_array_unref(staged);
	g_free(stage_dir);
	g_free(folder);
	return status;
}
