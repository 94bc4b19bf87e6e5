/* libreport: what cairo 1.16's tag API cannot write into a tagged PDF, added afterwards with
 * qpdf's C API:
 * - the document language (/Lang on the catalog, which screen readers use to pick a voice);
 * - the alternative text of every Figure structure element (/Alt: the chart described from
 *   its data): cairo gives structure elements no attributes;
 * - one Document element holding the whole tree: cairo 1.16 fails when an element is open
 *   across an empty first page, so report-pdf.c opens none and the top-level elements are
 *   wrapped here;
 * - /MarkInfo << /Marked true >>, which cairo 1.16 writes only for some trees, and without
 *   which readers (pdfinfo's "Tagged:") take the PDF as untagged;
 * - /ViewerPreferences /DisplayDocTitle, so a window shows the title, not the file name;
 * - a page-label tree that starts at page 0 (see fix_page_labels()).
 * The PDF is read back from memory, the tree walked in document order and the file written
 * again. qpdf's writer is told to be deterministic (the /ID is a hash of the content, never
 * of the time or a random number); object streams are generated (PDF 1.5), so the extra
 * pass also makes the file smaller.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "report-private.h"

/* Structure trees are shallow (Document > Sect > Figure); anything deeper than this is a
 * damaged or hostile tree, not ours. */
#define MAX_TREE_DEPTH 64

typedef struct {
	qpdf_data qpdf;
	const GPtrArray *alts;
	guint figures;        /* Figure elements met so far */
	GHashTable *visited;  /* object ids of indirect elements, against cycles */
} alt_walk_t;

/* The message of qpdf's pending error (or a generic one), copied. */
static char *
qpdf_message(qpdf_data qpdf)
{
	if (qpdf_has_error(qpdf)) {
		qpdf_error e = qpdf_get_error(qpdf);

		return g_strdup(qpdf_get_error_full_text(qpdf, e));
	}
	return g_strdup("unknown qpdf error");
}

static lr_status_t
qpdf_fail(qpdf_data qpdf, const char *what, lr_error_record_t *error)
{
	char *message = qpdf_message(qpdf);
	lr_status_t status = lr_error_record_set(error, LR_STATUS_WRITE_ERROR, NULL, 0, 0,
						 "cannot add accessibility to the PDF: %s: %s",
						 what, message);

	g_free(message);
	return status;
}

/* Visits @node (a structure element, an array of kids, or a marked-content reference) and
 * its descendants in document order, setting /Alt on Figure elements. Returns FALSE on a
 * qpdf error. */
static gboolean
walk_element(alt_walk_t *walk, qpdf_oh node, int depth)
{
	qpdf_data qpdf = walk->qpdf;
	qpdf_oh kids;

	if (depth > MAX_TREE_DEPTH)
		return TRUE;
	if (qpdf_oh_is_array(qpdf, node)) {
		int count = qpdf_oh_get_array_n_items(qpdf, node);

		for (int i = 0; i < count; i++) {
			if (!walk_element(walk, qpdf_oh_get_array_item(qpdf, node, i), depth + 1))
				return FALSE;
		}
		return !qpdf_has_error(qpdf);
	}
	/* Integers are marked-content ids; /MCR and /OBJR dictionaries have no /S. */
	if (!qpdf_oh_is_dictionary(qpdf, node) || !qpdf_oh_has_key(qpdf, node, "/S"))
		return !qpdf_has_error(qpdf);
	if (qpdf_oh_is_indirect(qpdf, node)) {
		gpointer id = GINT_TO_POINTER(qpdf_oh_get_object_id(qpdf, node));

		if (g_hash_table_contains(walk->visited, id))
			return TRUE;
		g_hash_table_add(walk->visited, id);
	}
	if (qpdf_oh_is_name_and_equals(qpdf, qpdf_oh_get_key(qpdf, node, "/S"), "/Figure")) {
		/* Counted past the end too, so the error can say how many there were. */
		if (walk->figures < walk->alts->len) {
			const char *alt = g_ptr_array_index(walk->alts, walk->figures);

			qpdf_oh_replace_key(qpdf, node, "/Alt",
					    qpdf_oh_new_unicode_string(qpdf, alt ? alt : ""));
		}
		walk->figures++;
	}
	if (qpdf_has_error(qpdf))
		return FALSE;
	if (!qpdf_oh_has_key(qpdf, node, "/K"))
		return TRUE;
	kids = qpdf_oh_get_key(qpdf, node, "/K");
	return walk_element(walk, kids, depth + 1);
}

/* Sets @dictionary's @key (a dictionary, created when missing) to hold @flag true. */
static void
set_flag(qpdf_data qpdf, qpdf_oh dictionary, const char *key, const char *flag)
{
	qpdf_oh inner = qpdf_oh_get_key(qpdf, dictionary, key);

	if (!qpdf_oh_is_dictionary(qpdf, inner)) {
		inner = qpdf_oh_new_dictionary(qpdf);
		qpdf_oh_replace_key(qpdf, dictionary, key, inner);
	}
	qpdf_oh_replace_key(qpdf, inner, flag, qpdf_oh_new_bool(qpdf, QPDF_TRUE));
}

/* cairo 1.16 writes the page-label number tree only from the first labelled page: with an
 * unlabelled cover it has no entry for page 0, which the tree must have (ISO 32000-1,
 * 12.4.2; readers then invent a label "0" for the cover), and with no label at all it writes
 * an empty tree, which some readers fail on. The cover gets an explicit empty label; an
 * empty tree is dropped. */
static void
fix_page_labels(qpdf_data qpdf, qpdf_oh root)
{
	qpdf_oh labels = qpdf_oh_get_key(qpdf, root, "/PageLabels");
	qpdf_oh nums, first;

	if (!qpdf_oh_is_dictionary(qpdf, labels))
		return;
	nums = qpdf_oh_get_key(qpdf, labels, "/Nums");
	if (!qpdf_oh_is_array(qpdf, nums) || qpdf_oh_get_array_n_items(qpdf, nums) == 0) {
		if (!qpdf_oh_has_key(qpdf, labels, "/Kids"))
			qpdf_oh_remove_key(qpdf, root, "/PageLabels");
		return;
	}
	first = qpdf_oh_get_array_item(qpdf, nums, 0);
	if (qpdf_oh_is_integer(qpdf, first) && qpdf_oh_get_int_value(qpdf, first) > 0) {
		qpdf_oh_insert_item(qpdf, nums, 0, qpdf_oh_new_dictionary(qpdf));
		qpdf_oh_insert_item(qpdf, nums, 0, qpdf_oh_new_integer(qpdf, 0));
	}
}

/* Makes the structure tree's top-level elements the kids of one Document element (unless
 * the tree already is a single Document), and marks the document as tagged. Returns FALSE
 * on a qpdf error. */
static gboolean
wrap_in_document(qpdf_data qpdf, qpdf_oh tree)
{
	qpdf_oh kids, document;
	int count;

	if (!qpdf_oh_has_key(qpdf, tree, "/K"))
		return !qpdf_has_error(qpdf);
	set_flag(qpdf, qpdf_get_root(qpdf), "/MarkInfo", "/Marked");
	kids = qpdf_oh_get_key(qpdf, tree, "/K");
	if (qpdf_oh_is_dictionary(qpdf, kids)) {
		if (qpdf_oh_is_name_and_equals(qpdf, qpdf_oh_get_key(qpdf, kids, "/S"),
					       "/Document"))
			return !qpdf_has_error(qpdf);
		kids = qpdf_oh_wrap_in_array(qpdf, kids);
	}
	if (!qpdf_oh_is_array(qpdf, kids))
		return !qpdf_has_error(qpdf);
	count = qpdf_oh_get_array_n_items(qpdf, kids);
	if (count == 1 &&
	    qpdf_oh_is_name_and_equals(qpdf,
				       qpdf_oh_get_key_if_dict(qpdf,
							       qpdf_oh_get_array_item(qpdf, kids, 0),
							       "/S"),
				       "/Document"))
		return !qpdf_has_error(qpdf);

	document = qpdf_oh_new_dictionary(qpdf);
	qpdf_oh_replace_key(qpdf, document, "/Type", qpdf_oh_new_name(qpdf, "/StructElem"));
	qpdf_oh_replace_key(qpdf, document, "/S", qpdf_oh_new_name(qpdf, "/Document"));
	qpdf_oh_replace_key(qpdf, document, "/P", tree);
	qpdf_oh_replace_key(qpdf, document, "/K", kids);
	document = qpdf_make_indirect_object(qpdf, document);
	/* Each element names its parent; the parent tree (marked content → element) only
	 * names leaves, which do not move. */
	for (int i = 0; i < count; i++) {
		qpdf_oh kid = qpdf_oh_get_array_item(qpdf, kids, i);

		if (qpdf_oh_is_dictionary(qpdf, kid) && qpdf_oh_has_key(qpdf, kid, "/S"))
			qpdf_oh_replace_key(qpdf, kid, "/P", document);
	}
	qpdf_oh_replace_key(qpdf, tree, "/K", document);
	return !qpdf_has_error(qpdf);
}

lr_status_t
lr_pdf_add_accessibility(GByteArray *pdf, const char *lang, const GPtrArray *alts,
			 lr_error_record_t *error)
{
	static const GPtrArray no_alts = { 0 };
	qpdf_data qpdf;
	qpdf_oh root, tree;
	alt_walk_t walk;
	lr_status_t status = LR_STATUS_SUCCESS;
	guint8 *input;
	gsize input_length;

	if (!pdf || !lang)
		return lr_error_record_set(error, LR_STATUS_NULL_POINTER, NULL, 0, 0,
					   "cannot add accessibility to the PDF: no %s",
					   pdf ? "language" : "PDF");
	if (!*lang)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					   "cannot add accessibility to the PDF: empty language");
	if (!alts)
		alts = &no_alts;

	/* qpdf reads the buffer in place for as long as it lives, and the result replaces
	 * @pdf's contents: so it reads a copy. */
	input_length = pdf->len;
	input = g_malloc(MAX(input_length, 1));
	memcpy(input, pdf->data, input_length);
	qpdf = qpdf_init();
	qpdf_silence_errors(qpdf);
	qpdf_set_suppress_warnings(qpdf, QPDF_TRUE);
	if (qpdf_read_memory(qpdf, "report.pdf", (const char *) input, input_length, NULL) &
	    QPDF_ERRORS) {
		status = qpdf_fail(qpdf, "cannot read cairo's output", error);
		goto done;
	}

	root = qpdf_get_root(qpdf);
	qpdf_oh_replace_key(qpdf, root, "/Lang", qpdf_oh_new_unicode_string(qpdf, lang));
	set_flag(qpdf, root, "/ViewerPreferences", "/DisplayDocTitle");
	fix_page_labels(qpdf, root);
	if (qpdf_has_error(qpdf)) {
		status = qpdf_fail(qpdf, "cannot set /Lang and the page labels", error);
		goto done;
	}

	walk.qpdf = qpdf;
	walk.alts = alts;
	walk.figures = 0;
	walk.visited = g_hash_table_new(g_direct_hash, g_direct_equal);
	tree = qpdf_oh_get_key(qpdf, root, "/StructTreeRoot");
	if (qpdf_oh_is_dictionary(qpdf, tree) && qpdf_oh_has_key(qpdf, tree, "/K") &&
	    !walk_element(&walk, qpdf_oh_get_key(qpdf, tree, "/K"), 0))
		status = qpdf_fail(qpdf, "cannot set /Alt on the figures", error);
	g_hash_table_destroy(walk.visited);
	if (status == LR_STATUS_SUCCESS && qpdf_oh_is_dictionary(qpdf, tree) &&
	    !wrap_in_document(qpdf, tree))
		status = qpdf_fail(qpdf, "cannot add the Document element", error);
	if (status != LR_STATUS_SUCCESS)
		goto done;
	if (walk.figures != alts->len) {
		status = lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					     "cannot add accessibility to the PDF: it has %u "
					     "Figure elements for %u alternative texts",
					     walk.figures, alts->len);
		goto done;
	}

	if (qpdf_init_write_memory(qpdf) & QPDF_ERRORS) {
		status = qpdf_fail(qpdf, "cannot start writing", error);
		goto done;
	}
	/* The /ID from the content, not the clock. Object streams pack cairo's many small
	 * structure-tree objects: the 17-page briefing goes from 159 to 112 KB. Streams are
	 * copied as cairo compressed them (decoding them again bought nothing). */
	qpdf_set_deterministic_ID(qpdf, QPDF_TRUE);
	qpdf_set_object_stream_mode(qpdf, qpdf_o_generate);
	qpdf_set_compress_streams(qpdf, QPDF_TRUE);
	qpdf_set_decode_level(qpdf, qpdf_dl_none);
	if (qpdf_write(qpdf) & QPDF_ERRORS) {
		status = qpdf_fail(qpdf, "cannot write", error);
		goto done;
	}
	g_byte_array_set_size(pdf, 0);
	g_byte_array_append(pdf, qpdf_get_buffer(qpdf), (guint) qpdf_get_buffer_length(qpdf));

done:
	qpdf_cleanup(&qpdf);
	g_free(input);
	return status;
}
