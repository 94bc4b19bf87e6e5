/* libreport tests: the report's output (report-pdf.c, report-pdf-tags.c), white box.
 *
 * lr_pdf_add_accessibility() is given PDFs that cairo's tag API writes here (figures nested
 * at different depths, no structure at all, a tree already under a Document) and the result
 * is read back with qpdf's C API: /Lang, each Figure's /Alt in document order, one Document
 * element, /MarkInfo, the page-label tree, the same bytes twice. PNG pages are written for a
 * real report, and a failure while moving pages into place (a page's name taken by a folder)
 * must leave neither new pages nor the staging folder. What a reader gets from a whole report
 * (contents, outline, text) is tests/test-report-pdf.py's.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "test-main.h"
#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <qpdf/qpdf-c.h>

#include "report-private.h"

#if !defined(LR_DATA_DIR)
#error "LR_DATA_DIR must be defined (tests/meson.build)"
#endif

/* ---- PDFs written by cairo's tag API ---- */

static cairo_status_t
append(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

static void
tagged_text(cairo_t *cr, const char *tag, double y, const char *text)
{
	cairo_tag_begin(cr, tag, NULL);
	cairo_move_to(cr, 20, y);
	cairo_show_text(cr, text);
	cairo_tag_end(cr, tag);
}

static void
figure(cairo_t *cr, double y)
{
	cairo_tag_begin(cr, "Figure", NULL);
	cairo_rectangle(cr, 20, y, 100, 40);
	cairo_fill(cr);
	cairo_tag_end(cr, "Figure");
}

/* Three pages: a figure at the top level, one inside a Sect on page 2, one inside a Table
 * cell on page 3. With @labels, pages 2 and 3 are labelled "1" and "2". */
static GByteArray *
three_figures(bool labels)
{
	GByteArray *bytes = g_byte_array_new();
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(append, bytes, 300, 300);
	cairo_t *cr;

	/* cairo dates a PDF with the time of the run unless told: two made a second apart would
	 * differ, and test_same_bytes_twice would fail for a reason that is not the post-step's. */
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
				       "2024-01-01T00:00:00Z");
	cr = cairo_create(surface);
	tagged_text(cr, "H1", 30, "One");
	figure(cr, 50);
	cairo_show_page(cr);
	if (labels)
		cairo_pdf_surface_set_page_label(surface, "1");
	cairo_tag_begin(cr, "Sect", NULL);
	tagged_text(cr, "P", 30, "Two");
	figure(cr, 50);
	cairo_tag_end(cr, "Sect");
	cairo_show_page(cr);
	if (labels)
		cairo_pdf_surface_set_page_label(surface, "2");
	cairo_tag_begin(cr, "Table", NULL);
	cairo_tag_begin(cr, "TR", NULL);
	cairo_tag_begin(cr, "TD", NULL);
	figure(cr, 50);
	cairo_tag_end(cr, "TD");
	cairo_tag_end(cr, "TR");
	cairo_tag_end(cr, "Table");
	cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	ck_assert_int_eq(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(surface);
	return bytes;
}

static GByteArray *
untagged(void)
{
	GByteArray *bytes = g_byte_array_new();
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(append, bytes, 200, 200);
	cairo_t *cr = cairo_create(surface);

	cairo_rectangle(cr, 10, 10, 50, 50);
	cairo_fill(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	return bytes;
}

static GPtrArray *
alts(const char *first, ...)
{
	GPtrArray *array = g_ptr_array_new();
	va_list args;

	va_start(args, first);
	for (const char *alt = first; alt; alt = va_arg(args, const char *))
		g_ptr_array_add(array, (gpointer) alt);
	va_end(args);
	return array;
}

/* ---- reading the result back with qpdf ---- */

typedef struct {
	qpdf_data qpdf;
	GPtrArray *figure_alts;   /* UTF-8 (g_free) */
	GPtrArray *top_kinds;     /* names of the tree's top-level elements (g_free) */
	int documents;            /* Document elements anywhere */
} readback_t;

static void
walk(readback_t *back, qpdf_oh node, int depth)
{
	qpdf_data q = back->qpdf;

	ck_assert_int_lt(depth, 50);
	if (qpdf_oh_is_array(q, node)) {
		for (int i = 0; i < qpdf_oh_get_array_n_items(q, node); i++)
			walk(back, qpdf_oh_get_array_item(q, node, i), depth);
		return;
	}
	if (!qpdf_oh_is_dictionary(q, node) || !qpdf_oh_has_key(q, node, "/S"))
		return;
	if (depth == 0)
		g_ptr_array_add(back->top_kinds,
				g_strdup(qpdf_oh_get_name(q, qpdf_oh_get_key(q, node, "/S"))));
	if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, node, "/S"), "/Document"))
		back->documents++;
	if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, node, "/S"), "/Figure")) {
		qpdf_oh alt = qpdf_oh_get_key(q, node, "/Alt");

		g_ptr_array_add(back->figure_alts, qpdf_oh_is_string(q, alt)
							   ? g_strdup(qpdf_oh_get_utf8_value(q, alt))
							   : NULL);
	}
	if (qpdf_oh_has_key(q, node, "/K"))
		walk(back, qpdf_oh_get_key(q, node, "/K"), depth + 1);
}

static void
readback_open(readback_t *back, const GByteArray *pdf)
{
	qpdf_oh root, tree;

	memset(back, 0, sizeof *back);
	back->qpdf = qpdf_init();
	qpdf_silence_errors(back->qpdf);
	ck_assert_int_eq(qpdf_read_memory(back->qpdf, "test.pdf", (const char *) pdf->data,
					  pdf->len, NULL) & QPDF_ERRORS,
			 0);
	back->figure_alts = g_ptr_array_new_with_free_func(g_free);
	back->top_kinds = g_ptr_array_new_with_free_func(g_free);
	root = qpdf_get_root(back->qpdf);
	tree = qpdf_oh_get_key(back->qpdf, root, "/StructTreeRoot");
	if (qpdf_oh_is_dictionary(back->qpdf, tree))
		walk(back, qpdf_oh_get_key(back->qpdf, tree, "/K"), 0);
	ck_assert(!qpdf_has_error(back->qpdf));
}

static void
readback_close(readback_t *back)
{
	g_ptr_array_unref(back->figure_alts);
	g_ptr_array_unref(back->top_kinds);
	qpdf_cleanup(&back->qpdf);
}

static char *
catalog_string(readback_t *back, const char *key)
{
	qpdf_oh value = qpdf_oh_get_key(back->qpdf, qpdf_get_root(back->qpdf), key);

	return qpdf_oh_is_string(back->qpdf, value)
		       ? g_strdup(qpdf_oh_get_utf8_value(back->qpdf, value))
		       : NULL;
}

/* The page-label tree's /Nums, unparsed ("" when there is none). */
static char *
page_labels(readback_t *back)
{
	qpdf_oh labels = qpdf_oh_get_key(back->qpdf, qpdf_get_root(back->qpdf), "/PageLabels");

	if (!qpdf_oh_is_dictionary(back->qpdf, labels))
		return g_strdup("");
	return g_strdup(qpdf_oh_unparse_resolved(back->qpdf,
						 qpdf_oh_get_key(back->qpdf, labels, "/Nums")));
}

/* ---- lr_pdf_add_accessibility ---- */

START_TEST(test_alts_in_document_order)
{
	GByteArray *pdf = three_figures(false);
	GPtrArray *texts = alts("Hình 1: Xếp hạng EGDI 71/193", "Hình 2: Ấn tượng ễ ặ ữ ỗ",
				"Figure 3: plain ASCII", NULL);
	lr_error_record_t error = { 0 };
	readback_t back;
	char *lang;

	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, "vi", texts, &error), LR_STATUS_SUCCESS);
	readback_open(&back, pdf);
	ck_assert_uint_eq(back.figure_alts->len, 3);
	for (guint i = 0; i < 3; i++)
		ck_assert_str_eq(g_ptr_array_index(back.figure_alts, i),
				 g_ptr_array_index(texts, i));
	lang = catalog_string(&back, "/Lang");
	ck_assert_str_eq(lang, "vi");
	/* One Document holds the tree, and the document says it is tagged. */
	ck_assert_uint_eq(back.top_kinds->len, 1);
	ck_assert_str_eq(g_ptr_array_index(back.top_kinds, 0), "/Document");
	ck_assert_int_eq(back.documents, 1);
	ck_assert(qpdf_oh_get_bool_value(
		back.qpdf, qpdf_oh_get_key(back.qpdf,
					   qpdf_oh_get_key(back.qpdf, qpdf_get_root(back.qpdf),
							   "/MarkInfo"),
					   "/Marked")));
	ck_assert(strncmp((const char *) pdf->data, "%PDF-1.5", 8) == 0);
	g_free(lang);
	readback_close(&back);
	g_ptr_array_unref(texts);
	g_byte_array_unref(pdf);
}
END_TEST

START_TEST(test_same_bytes_twice)
{
	GByteArray *a = three_figures(true), *b = three_figures(true);
	GPtrArray *texts = alts("a", "b", "c", NULL);

	ck_assert_int_eq(lr_pdf_add_accessibility(a, "en", texts, NULL), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_pdf_add_accessibility(b, "en", texts, NULL), LR_STATUS_SUCCESS);
	ck_assert_uint_eq(a->len, b->len);
	ck_assert(memcmp(a->data, b->data, a->len) == 0);
	g_ptr_array_unref(texts);
	g_byte_array_unref(a);
	g_byte_array_unref(b);
}
END_TEST

START_TEST(test_twice_keeps_one_document)
{
	GByteArray *pdf = three_figures(false);
	GPtrArray *first = alts("a", "b", "c", NULL), *second = alts("x", "y", "z", NULL);
	readback_t back;

	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, "vi", first, NULL), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, "en", second, NULL), LR_STATUS_SUCCESS);
	readback_open(&back, pdf);
	ck_assert_int_eq(back.documents, 1);
	ck_assert_str_eq(g_ptr_array_index(back.figure_alts, 0), "x");
	ck_assert_str_eq(g_ptr_array_index(back.figure_alts, 2), "z");
	readback_close(&back);
	g_ptr_array_unref(first);
	g_ptr_array_unref(second);
	g_byte_array_unref(pdf);
}
END_TEST

START_TEST(test_count_mismatch)
{
	GByteArray *pdf = three_figures(false);
	GByteArray *before = g_byte_array_new();
	GPtrArray *two = alts("a", "b", NULL), *four = alts("a", "b", "c", "d", NULL);
	lr_error_record_t error = { 0 };

	g_byte_array_append(before, pdf->data, pdf->len);
	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, "vi", two, &error),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_ptr_nonnull(strstr(error.message, "3 Figure elements for 2"));
	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, "vi", four, &error),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_ptr_nonnull(strstr(error.message, "3 Figure elements for 4"));
	/* A failure leaves the PDF as it was. */
	ck_assert_uint_eq(pdf->len, before->len);
	ck_assert(memcmp(pdf->data, before->data, pdf->len) == 0);
	lr_error_record_clear(&error);
	g_ptr_array_unref(two);
	g_ptr_array_unref(four);
	g_byte_array_unref(before);
	g_byte_array_unref(pdf);
}
END_TEST

START_TEST(test_untagged)
{
	GByteArray *pdf = untagged();
	GPtrArray *none = alts(NULL), *one = alts("a", NULL);
	lr_error_record_t error = { 0 };
	readback_t back;
	char *lang;

	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, "en", one, &error),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, "en", none, &error), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, "en", NULL, &error), LR_STATUS_SUCCESS);
	readback_open(&back, pdf);
	lang = catalog_string(&back, "/Lang");
	ck_assert_str_eq(lang, "en");
	ck_assert_uint_eq(back.top_kinds->len, 0);
	g_free(lang);
	readback_close(&back);
	lr_error_record_clear(&error);
	g_ptr_array_unref(none);
	g_ptr_array_unref(one);
	g_byte_array_unref(pdf);
}
END_TEST

START_TEST(test_page_labels_start_at_cover)
{
	GByteArray *labelled = three_figures(true), *plain = three_figures(false);
	GPtrArray *texts = alts("a", "b", "c", NULL);
	readback_t back;
	char *nums;

	ck_assert_int_eq(lr_pdf_add_accessibility(labelled, "vi", texts, NULL), LR_STATUS_SUCCESS);
	readback_open(&back, labelled);
	nums = page_labels(&back);
	/* cairo starts the tree at page 1; page 0 gets an explicit empty label. */
	ck_assert_msg(g_str_has_prefix(nums, "[ 0 << >> 1 <<"), "labels %s", nums);
	g_free(nums);
	readback_close(&back);
	ck_assert_int_eq(lr_pdf_add_accessibility(plain, "vi", texts, NULL), LR_STATUS_SUCCESS);
	readback_open(&back, plain);
	nums = page_labels(&back);
	ck_assert_str_eq(nums, "");
	g_free(nums);
	readback_close(&back);
	g_ptr_array_unref(texts);
	g_byte_array_unref(labelled);
	g_byte_array_unref(plain);
}
END_TEST

START_TEST(test_bad_input)
{
	GByteArray *junk = g_byte_array_new();
	GByteArray *pdf = three_figures(false);
	lr_error_record_t error = { 0 };

	g_byte_array_append(junk, (const guint8 *) "not a PDF at all", 16);
	ck_assert_int_eq(lr_pdf_add_accessibility(junk, "vi", NULL, &error), LR_STATUS_WRITE_ERROR);
	ck_assert_ptr_nonnull(strstr(error.message, "cannot read"));
	ck_assert_int_eq(lr_pdf_add_accessibility(NULL, "vi", NULL, &error), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, NULL, NULL, &error), LR_STATUS_NULL_POINTER);
	ck_assert_int_eq(lr_pdf_add_accessibility(pdf, "", NULL, &error),
			 LR_STATUS_INVALID_ARGUMENT);
	lr_error_record_clear(&error);
	g_byte_array_unref(junk);
	g_byte_array_unref(pdf);
}
END_TEST

/* ---- a real report: PDF and PNG pages ---- */

static const char spec[] = "---\ntitle: Kiểm thử đầu ra\nlanguage: vi\n---\n\n"
			   "# Mục một\n\nĐoạn văn có {{egdi_rank}}.\n\n"
			   "```chart\nkind=bar\nindicator=ecommerce_revenue\n```\n\n"
			   "# Mục hai\n\nĐoạn văn thứ hai.\n";

static lr_report_t *
load_report(lr_dataset_t **data)
{
	lr_report_t *report;

	*data = lr_dataset_load(LR_DATA_DIR);
	ck_assert_int_eq(lr_dataset_status(*data), LR_STATUS_SUCCESS);
	report = lr_report_load_from_memory(spec, sizeof spec - 1, "output.md", *data);
	ck_assert_int_eq(lr_report_status(report), LR_STATUS_SUCCESS);
	return report;
}

START_TEST(test_render_pdf)
{
	lr_dataset_t *data;
	lr_report_t *report = load_report(&data);
	lr_error_record_t error = { 0 };
	lr_report_layout_t *layout = lr_report_layout_build(report, &error);
	GByteArray *pdf;
	readback_t back;

	ck_assert_ptr_nonnull(layout);
	g_setenv("SOURCE_DATE_EPOCH", "12x", TRUE);
	ck_assert_ptr_null(lr_report_render_pdf(report, layout, &error));
	ck_assert_int_eq(error.public.status, LR_STATUS_INVALID_ARGUMENT);
	g_unsetenv("SOURCE_DATE_EPOCH");
	pdf = lr_report_render_pdf(report, layout, &error);
	ck_assert_ptr_nonnull(pdf);
	readback_open(&back, pdf);
	ck_assert_uint_eq(back.figure_alts->len, layout->figure_alts->len);
	ck_assert_uint_eq(back.figure_alts->len, 1);
	ck_assert_str_eq(g_ptr_array_index(back.figure_alts, 0),
			 g_ptr_array_index(layout->figure_alts, 0));
	ck_assert_int_eq(qpdf_get_num_pages(back.qpdf), (int) layout->pages->len);
	/* Every heading has an outline item. */
	for (guint i = 0; i < layout->headings->len; i++)
		ck_assert_int_gt(g_array_index(layout->headings, lr_heading_entry_t, i).outline_id, 0);
	readback_close(&back);
	ck_assert_ptr_null(lr_report_render_pdf(NULL, layout, &error));
	ck_assert_int_eq(error.public.status, LR_STATUS_NULL_POINTER);
	lr_error_record_clear(&error);
	g_byte_array_unref(pdf);
	lr_report_layout_free(layout);
	lr_report_destroy(report);
	lr_dataset_destroy(data);
}
END_TEST

static int
count_entries(const char *folder)
{
	GDir *dir = g_dir_open(folder, 0, NULL);
	int n = 0;

	ck_assert_ptr_nonnull(dir);
	while (g_dir_read_name(dir)) /* lists hidden entries too */
		n++;
	g_dir_close(dir);
	return n;
}

START_TEST(test_png_pages)
{
	lr_dataset_t *data;
	lr_report_t *report = load_report(&data);
	lr_error_record_t error = { 0 };
	lr_report_layout_t *layout = lr_report_layout_build(report, &error);
	char *folder = g_dir_make_tmp("lreport-png-XXXXXX", NULL);
	char *path = g_build_filename(folder, "b.png", NULL);
	char *first = g_build_filename(folder, "b-01.png", NULL);
	char *second = g_build_filename(folder, "b-02.png", NULL);
	int pages = (int) layout->pages->len;
	char *contents;
	gsize length;
	guint32 width;

	ck_assert_int_ge(pages, 3);
	ck_assert_int_eq(lr_report_write_png_pages(report, layout, path, 17.9, &error),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(lr_report_write_png_pages(report, layout, path, 1200.5, &error),
			 LR_STATUS_INVALID_ARGUMENT);
	ck_assert_int_eq(count_entries(folder), 0);

	ck_assert_int_eq(lr_report_write_png_pages(report, layout, path, 36, &error),
			 LR_STATUS_SUCCESS);
	ck_assert_int_eq(count_entries(folder), pages);
	ck_assert(g_file_get_contents(first, &contents, &length, NULL));
	ck_assert_uint_ge(length, 24);
	/* The IHDR's width: 595.28 pt at 36 dpi is 298 pixels. */
	memcpy(&width, contents + 16, sizeof width);
	ck_assert_uint_eq(GUINT32_FROM_BE(width), (guint32) ceil(layout->page_width / 2 - 1e-9));
	g_free(contents);

	/* A failure while moving pages into place (rare: the staging folder is beside the
	 * targets): page 2's name is a folder. Page 1, already moved over the old one, is
	 * taken away again; nothing new and nothing staged is left. */
	g_unlink(second);
	ck_assert_int_eq(g_mkdir(second, 0755), 0);
	ck_assert(g_file_set_contents(first, "old", 3, NULL));
	ck_assert_int_eq(lr_report_write_png_pages(report, layout, path, 36, &error),
			 LR_STATUS_WRITE_ERROR);
	ck_assert_ptr_nonnull(strstr(error.message, "b-02.png"));
	ck_assert(!g_file_test(first, G_FILE_TEST_EXISTS));
	ck_assert(g_file_test(second, G_FILE_TEST_IS_DIR));
	/* b-03 … are the earlier call's; nothing hidden remains. */
	ck_assert_int_eq(count_entries(folder), pages - 1);
	ck_assert_int_eq(lr_report_write_png_pages(report, NULL, path, 36, &error),
			 LR_STATUS_NULL_POINTER);

	lr_error_record_clear(&error);
	g_rmdir(second);
	for (int i = 3; i <= pages; i++) {
		char *name = g_strdup_printf("%s/b-%02d.png", folder, i);

		ck_assert_int_eq(g_unlink(name), 0);
		g_free(name);
	}
	ck_assert_int_eq(g_rmdir(folder), 0);
	g_free(first);
	g_free(second);
	g_free(path);
	g_free(folder);
	lr_report_layout_free(layout);
	lr_report_destroy(report);
	lr_dataset_destroy(data);
}
END_TEST

static Suite *
report_output_suite(void)
{
	Suite *suite = suite_create("report-output");
	TCase *tags = tcase_create("accessibility");
	TCase *report = tcase_create("report");

	tcase_add_test(tags, test_alts_in_document_order);
	tcase_add_test(tags, test_same_bytes_twice);
	tcase_add_test(tags, test_twice_keeps_one_document);
	tcase_add_test(tags, test_count_mismatch);
	tcase_add_test(tags, test_untagged);
	tcase_add_test(tags, test_page_labels_start_at_cover);
	tcase_add_test(tags, test_bad_input);
	tcase_add_test(report, test_render_pdf);
	tcase_add_test(report, test_png_pages);
	suite_add_tcase(suite, tags);
	suite_add_tcase(suite, report);
	return suite;
}

const lr_test_program_t lr_test_program = { report_output_suite, NULL, NULL };
