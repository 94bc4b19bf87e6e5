/* libreport tests: fonts and text (text-private.h).
 *
 * What is checked, and how each check can fail:
 * - coverage: every string of the real dataset (LR_DATA_DIR), the symbols charts print and the
 *   134 non-ASCII Vietnamese letters shape without a single unknown glyph (hex box), regular
 *   and bold; the letters come from Noto Sans, the minus and arrows from the DejaVu fallback.
 * - normalisation: a decomposed (NFD, or marks in a non-canonical order) string gives the very
 *   same glyphs, positions and extents as its NFC form, in Pango units, not approximately.
 * - ink: stacked capitals are rendered to a transparent image and every pixel with alpha > 0
 *   must lie inside the reported box (plus one pixel of anti-aliasing), at integer and
 *   fractional positions, in both bundled families; again 8 times larger, to check the box
 *   to a fifth of a unit; the baseline reported is where flat-bottomed letters sit. Noto
 *   Sans's ascent holds its tallest stacks, so "Ấ taller than A" is checked in DejaVu Sans,
 *   whose marks rise above the ascent, and the horn of Ữ widens the box in Noto Sans.
 * - plain text: markup-like input is shown as written, with no attribute but the library's.
 * - invalid UTF-8 is refused and leaves the lr_text_t cleared.
 * - wrapping: lines break only at spaces and never gain a hyphen; max_lines ellipsizes; the
 *   box, ink included, fits max_width (+0.5) when every word does.
 * - fonts: LREPORT_FONTS_DIR is honoured (in fresh threads, as the fonts are cached per
 *   thread), a folder without fonts is a font error, and only the bundled fonts are used.
 * - threads: four threads lay out and draw at once and get byte-identical results.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "test-main.h"
#include "common-private.h"
#include "text-private.h"

#include <lreport/lreport.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <check.h>
#include <hb-ot.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef LR_DATA_DIR
#error "LR_DATA_DIR must name the dataset folder (data/)"
#endif
#ifndef LR_FONTS_SOURCE_DIR
#error "LR_FONTS_SOURCE_DIR must name the bundled fonts folder (fonts/)"
#endif

#define N_ELEMENTS(array) ((int) (sizeof(array) / sizeof((array)[0])))

/* Vietnamese letters are UTF-8 text (NFC); decomposed text, combining marks and invisible or
 * look-alike characters are spelled as bytes, so no editor can recompose or confuse them. */
#define MINUS "\xe2\x88\x92"     /* U+2212 MINUS SIGN */
#define UP "\xe2\x86\x91"        /* U+2191 UPWARDS ARROW */
#define DOWN "\xe2\x86\x93"      /* U+2193 DOWNWARDS ARROW */
#define EN_DASH "\xe2\x80\x93"   /* U+2013 */
#define ELLIPSIS "\xe2\x80\xa6"  /* U+2026 */
#define MIDDOT "\xc2\xb7"        /* U+00B7 MIDDLE DOT */
#define HYPHEN "\xe2\x80\x90"    /* U+2010 HYPHEN */
#define A_CIRC_ACUTE "Ấ"
#define E_CIRC_TILDE "Ễ"
#define A_BREVE_DOT "Ặ"
#define O_CIRC_TILDE "Ỗ"
#define U_HORN_TILDE "Ữ"
#define A_CIRC_HOOK "Ẩ"
#define VIET_NAM "Việt Nam" /* Việt Nam, NFC */

/* Marks in a non-canonical order: circumflex (ccc 230) before dot below (ccc 220). NFC
 * reorders and composes them, so these must look exactly like their NFC forms. */
#define VIET_NAM_REORDERED "Vie\xcc\x82\xcc\xa3t Nam"  /* Việt Nam */
#define O_CIRC_DOT_REORDERED "O\xcc\x82\xcc\xa3"        /* Ộ */

/* ---------------------------------------------------------------------------------------- */
/* Helpers */

static lr_text_style_t
make_style(double size, bool bold)
{
	lr_text_style_t style = { .family = "Noto Sans", .size = size, .bold = bold,
				  .max_width = 0, .max_lines = 0, .align = PANGO_ALIGN_LEFT };
	return style;
}

static PangoContext *
context_or_fail(void)
{
	lr_status_t status = LR_STATUS_LAST;
	PangoContext *context = lr_fonts_get_context(&status);

	ck_assert_msg(context != NULL && status == LR_STATUS_SUCCESS,
		      "lr_fonts_get_context failed (status %d, folder %s)", (int) status,
		      lr_fonts_get_directory());
	return context;
}

static void
layout_or_fail(PangoContext *context, const char *utf8, const lr_text_style_t *style,
	       lr_text_t *text, const char *what)
{
	lr_status_t status = lr_text_layout(context, utf8, style, text);

	ck_assert_msg(status == LR_STATUS_SUCCESS, "%s: lr_text_layout(\"%s\") returned %d", what,
		      utf8, (int) status);
	ck_assert_msg(text->layout != NULL, "%s: no layout for \"%s\"", what, utf8);
}

static bool
is_cleared(const lr_text_t *text)
{
	/* Field by field: the struct has padding after the bools. */
	return text->layout == NULL && text->box_x == 0 && text->box_y == 0 &&
	       text->width == 0 && text->height == 0 && text->baseline == 0 &&
	       text->lines == 0 && !text->ellipsized;
}

/* The family of the font of the first run (or of the first run holding byte @index). */
static char *
run_family_at(const lr_text_t *text, int index)
{
	PangoLayoutIter *iter = pango_layout_get_iter(text->layout);
	char *family = NULL;

	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
		PangoFontDescription *description;

		if (!run || index < run->item->offset ||
		    index >= run->item->offset + run->item->length)
			continue;
		description = pango_font_describe(run->item->analysis.font);
		family = g_strdup(pango_font_description_get_family(description));
		pango_font_description_free(description);
		break;
	} while (pango_layout_iter_next_run(iter));
	pango_layout_iter_free(iter);
	return family;
}

/* Everything the layout decided, in Pango units, as text: two layouts are the same when
 * their signatures are. Fonts, glyph ids, offsets, advances, clusters, run and line extents,
 * layout extents and the box. */
static void
append_signature(GString *out, const lr_text_t *text)
{
	PangoRectangle ink, logical;
	PangoLayoutIter *iter;

	pango_layout_get_extents(text->layout, &ink, &logical);
	g_string_append_printf(out, "ink %d %d %d %d; logical %d %d %d %d; box %a %a %a %a; "
			       "baseline %a; lines %d; ellipsized %d\n",
			       ink.x, ink.y, ink.width, ink.height, logical.x, logical.y,
			       logical.width, logical.height, text->box_x, text->box_y, text->width,
			       text->height, text->baseline, text->lines, (int) text->ellipsized);
	iter = pango_layout_get_iter(text->layout);
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
		PangoFontDescription *description;
		char *font;

		if (!run) {
			PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
			g_string_append_printf(out, "end of line at %d+%d\n", line->start_index,
					       line->length);
			continue;
		}
		pango_layout_iter_get_run_extents(iter, &ink, &logical);
		description = pango_font_describe(run->item->analysis.font);
		font = pango_font_description_to_string(description);
		g_string_append_printf(out, "run [%s] %d+%d ink %d %d %d %d logical %d %d %d %d:",
				       font, run->item->offset, run->item->length, ink.x, ink.y,
				       ink.width, ink.height, logical.x, logical.y, logical.width,
				       logical.height);
		g_free(font);
		pango_font_description_free(description);
		for (int i = 0; i < run->glyphs->num_glyphs; i++) {
			const PangoGlyphInfo *glyph = &run->glyphs->glyphs[i];
			g_string_append_printf(out, " %u@%d,%d+%d/%d", glyph->glyph,
					       glyph->geometry.x_offset, glyph->geometry.y_offset,
					       glyph->geometry.width, run->glyphs->log_clusters[i]);
		}
		g_string_append_c(out, '\n');
	} while (pango_layout_iter_next_run(iter));
	pango_layout_iter_free(iter);
}

static char *
signature(const lr_text_t *text)
{
	GString *out = g_string_new(NULL);

	append_signature(out, text);
	return g_string_free(out, FALSE);
}

/* Fails with the first difference of two signatures, in context. */
static void
assert_same_signature(const char *expected, const char *got, const char *what)
{
	size_t i = 0;
	size_t from;

	if (strcmp(expected, got) == 0)
		return;
	while (expected[i] && expected[i] == got[i])
		i++;
	from = i > 80 ? i - 80 : 0;
	ck_abort_msg("%s: layouts differ at byte %zu:\n  expected ...%.160s\n  got      ...%.160s",
		     what, i, expected + from, got + from);
}

/* The glyph id the bundled fonts give @character (which must shape to one glyph). */
static PangoGlyph
glyph_of(PangoContext *context, const char *character)
{
	lr_text_style_t style = make_style(12, false);
	lr_text_t text;
	PangoLayoutRun *run;
	PangoGlyph glyph;

	layout_or_fail(context, character, &style, &text, "glyph_of");
	run = pango_layout_get_line_readonly(text.layout, 0)->runs->data;
	ck_assert_int_eq(run->glyphs->num_glyphs, 1);
	glyph = run->glyphs->glyphs[0].glyph;
	ck_assert_msg((glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0, "no glyph for %s", character);
	lr_text_clear(&text);
	return glyph;
}

/* ---------------------------------------------------------------------------------------- */
/* The strings: the real dataset's, and the ones charts make themselves */

typedef struct {
	char *what;   /* where the string comes from, for messages */
	char *string;
} labelled_t;

static void
labelled_free(gpointer data)
{
	labelled_t *item = data;

	g_free(item->what);
	g_free(item->string);
	g_free(item);
}

static void
add_string(GPtrArray *strings, GHashTable *seen, const char *string, const char *format, ...)
	G_GNUC_PRINTF(4, 5);

static void
add_string(GPtrArray *strings, GHashTable *seen, const char *string, const char *format, ...)
{
	labelled_t *item;
	va_list args;

	if (!string || !*string || g_hash_table_contains(seen, string))
		return;
	item = g_new0(labelled_t, 1);
	item->string = g_strdup(string);
	va_start(args, format);
	item->what = g_strdup_vprintf(format, args);
	va_end(args);
	g_hash_table_add(seen, item->string);
	g_ptr_array_add(strings, item);
}

/* Every distinct non-empty string of the dataset a chart may print, labelled. */
static GPtrArray *
dataset_strings(void)
{
	lr_dataset_t *dataset = lr_dataset_load(LR_DATA_DIR);
	GPtrArray *strings = g_ptr_array_new_with_free_func(labelled_free);
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	size_t indicators, observations;

	ck_assert_msg(lr_dataset_status(dataset) == LR_STATUS_SUCCESS,
		      "the dataset in %s does not load (%zu errors; first: %s)", LR_DATA_DIR,
		      lr_dataset_get_error_count(dataset),
		      lr_dataset_get_error_count(dataset) ? lr_dataset_get_error(dataset, 0)->message
							  : "-");
	indicators = lr_dataset_get_indicator_count(dataset);
	observations = lr_dataset_get_observation_count(dataset);
	ck_assert_msg(indicators > 0 && observations > 0, "the dataset is empty");

	for (size_t i = 0; i < indicators; i++) {
		const lr_indicator_t *in = lr_dataset_get_indicator(dataset, i);
		add_string(strings, seen, in->name_vi, "indicator %s name_vi", in->id);
		add_string(strings, seen, in->name_en, "indicator %s name_en", in->id);
		add_string(strings, seen, in->unit_vi, "indicator %s unit_vi", in->id);
		add_string(strings, seen, in->unit_en, "indicator %s unit_en", in->id);
		add_string(strings, seen, in->note, "indicator %s note", in->id);
	}
	for (size_t i = 0; i < observations; i++) {
		const lr_observation_t *ob = lr_dataset_get_observation(dataset, i);
		unsigned line = lr_dataset_get_observation_line(dataset, i);
		add_string(strings, seen, ob->entity, "observations.csv:%u entity", line);
		add_string(strings, seen,
			   lr_dataset_get_entity_name(dataset, ob->entity, LR_LANGUAGE_EN),
			   "observations.csv:%u entity (English name)", line);
		add_string(strings, seen, ob->quote, "observations.csv:%u quote", line);
		add_string(strings, seen, ob->note, "observations.csv:%u note", line);
		if (ob->source && *ob->source) {
			add_string(strings, seen,
				   lr_dataset_get_source_label(dataset, ob->source, LR_LANGUAGE_VI),
				   "observations.csv:%u source label (vi)", line);
			add_string(strings, seen,
				   lr_dataset_get_source_label(dataset, ob->source, LR_LANGUAGE_EN),
				   "observations.csv:%u source label (en)", line);
		}
	}
	/* The strings were copied: the dataset can go. */
	g_hash_table_destroy(seen);
	lr_dataset_destroy(dataset);
	ck_assert_uint_gt(strings->len, 100);
	return strings;
}

static bool
is_ascii(const char *string)
{
	for (; *string; string++)
		if ((unsigned char) *string >= 0x80)
			return false;
	return true;
}

/* The 134 Vietnamese letters outside ASCII, precomposed: the 12 vowels a ă â e ê i o ô ơ u ư y
 * with each of the 5 tone marks (grave, acute, hook above, tilde, dot below), the plain
 * ă â ê ô ơ ư, and đ, each in lower and upper case. Built by composing, then checked to be
 * single distinct code points, so a typing mistake cannot hide a letter. */
static GPtrArray *
vietnamese_letters(void)
{
	static const char *const vowels[] = { "a", "ă", "â", "e", "ê", "i",
					      "o", "ô", "ơ", "u", "ư", "y" };
	static const char *const tones[] = { "\xcc\x80", "\xcc\x81", "\xcc\x89", "\xcc\x83",
					     "\xcc\xa3" };
	GPtrArray *letters = g_ptr_array_new_with_free_func(g_free);
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);

	for (int upper = 0; upper < 2; upper++) {
		for (int v = 0; v < N_ELEMENTS(vowels); v++) {
			char *base = upper ? g_utf8_strup(vowels[v], -1) : g_strdup(vowels[v]);
			if (!is_ascii(base))
				g_ptr_array_add(letters, g_strdup(base));
			for (int t = 0; t < N_ELEMENTS(tones); t++) {
				char *decomposed = g_strconcat(base, tones[t], NULL);
				g_ptr_array_add(letters,
						g_utf8_normalize(decomposed, -1, G_NORMALIZE_NFC));
				g_free(decomposed);
			}
			g_free(base);
		}
		g_ptr_array_add(letters, g_strdup(upper ? "Đ" : "đ")); /* Đ đ */
	}
	for (guint i = 0; i < letters->len; i++) {
		const char *letter = g_ptr_array_index(letters, i);
		ck_assert_msg(g_utf8_strlen(letter, -1) == 1 && !is_ascii(letter),
			      "letter %u (%s) is not one precomposed code point", i, letter);
		ck_assert_msg(g_hash_table_add(seen, (gpointer) letter), "letter %s twice", letter);
	}
	g_hash_table_destroy(seen);
	ck_assert_uint_eq(letters->len, 134);
	return letters;
}

/* ---------------------------------------------------------------------------------------- */
/* 1. Coverage: no hex boxes */

static void
assert_no_unknown_glyphs(PangoContext *context, const char *string, const char *what)
{
	for (int bold = 0; bold < 2; bold++) {
		lr_text_style_t style = make_style(12, bold);
		lr_text_t text;
		int unknown;

		layout_or_fail(context, string, &style, &text, what);
		unknown = lr_text_count_unknown_glyphs(&text);
		ck_assert_msg(unknown == 0, "%s (%s): %d unknown glyph(s) in \"%s\"", what,
			      bold ? "bold" : "regular", unknown, string);
		lr_text_clear(&text);
	}
}

/* The counter itself must see a missing glyph, or the tests below would prove nothing.
 * U+E000 (private use) is in none of the bundled fonts. */
START_TEST(test_unknown_glyphs_are_counted)
{
	PangoContext *context = context_or_fail();
	lr_text_style_t style = make_style(12, false);
	lr_text_t text;

	layout_or_fail(context, "a\xee\x80\x80" "b\xee\x80\x81", &style, &text, "private use");
	ck_assert_int_eq(lr_text_count_unknown_glyphs(&text), 2);
	lr_text_clear(&text);

	layout_or_fail(context, VIET_NAM, &style, &text, "Viet Nam");
	ck_assert_int_eq(lr_text_count_unknown_glyphs(&text), 0);
	lr_text_clear(&text);

	/* A cleared text has nothing to count. */
	ck_assert_int_eq(lr_text_count_unknown_glyphs(&text), 0);
}
END_TEST

START_TEST(test_dataset_strings_have_glyphs)
{
	PangoContext *context = context_or_fail();
	GPtrArray *strings = dataset_strings();

	for (guint i = 0; i < strings->len; i++) {
		const labelled_t *item = g_ptr_array_index(strings, i);
		assert_no_unknown_glyphs(context, item->string, item->what);
	}
	g_ptr_array_unref(strings);
}
END_TEST

START_TEST(test_chart_symbols_have_glyphs)
{
	static const char *const symbols[] = {
		MINUS, UP, DOWN, EN_DASH, ELLIPSIS, MIDDOT, "%",
		MINUS "12,5%", UP "15 bậc", DOWN "3 places", "27,7" EN_DASH "28",
		"2019 " MIDDOT " 2023", "0123456789 .,;:()/+", "\xe2\x80\x9cNgu\xe1\xbb\x93n\xe2\x80\x9d",
	};
	PangoContext *context = context_or_fail();
	GPtrArray *letters = vietnamese_letters();
	GString *all = g_string_new(NULL);

	for (int i = 0; i < N_ELEMENTS(symbols); i++)
		assert_no_unknown_glyphs(context, symbols[i], "chart symbol");
	for (guint i = 0; i < letters->len; i++) {
		const char *letter = g_ptr_array_index(letters, i);
		assert_no_unknown_glyphs(context, letter, "Vietnamese letter");
		g_string_append(all, letter);
	}
	/* And all of them in one run, as a word would have them. */
	assert_no_unknown_glyphs(context, all->str, "all Vietnamese letters");
	g_string_free(all, TRUE);
	g_ptr_array_unref(letters);
}
END_TEST

/* The letters come from Noto Sans itself, never from the fallback (which would mix two
 * designs in one word); the symbols Noto Sans lacks come from DejaVu Sans. */
/* Emoji and symbols come from the bundled fallback (Symbola, fonts/README.md): no hex box,
 * regular and bold, and a Vietnamese word around them stays in Noto Sans. */
#define EMOJI_LABEL "Doanh thu 📈 📉 📊 ✅ ❌ ⚠ ★ 🚀 💡 🔥 👍 😀 ❤ ➡ 🏆 ⭐ 💰 🌏 Hà Nội"

START_TEST(test_emoji_have_glyphs)
{
	PangoContext *context = context_or_fail();

	for (int bold = 0; bold < 2; bold++) {
		lr_text_style_t style = make_style(12, bold);
		lr_text_t text;
		char *family;

		layout_or_fail(context, EMOJI_LABEL, &style, &text, "emoji");
		ck_assert_int_eq(lr_text_count_unknown_glyphs(&text), 0);
		ck_assert_int_eq(pango_layout_get_unknown_glyphs_count(text.layout), 0);
		family = run_family_at(&text, (int) strlen("Doanh thu "));
		ck_assert_msg(g_strcmp0(family, "Symbola") == 0, "📈 is set in %s", family);
		g_free(family);
		family = run_family_at(&text, 0);
		ck_assert_str_eq(family, "Noto Sans");
		g_free(family);
		lr_text_clear(&text);
	}
}
END_TEST

/* What no bundled font has is found, at its byte offset; what is never drawn is not. */
START_TEST(test_find_missing_char)
{
	static const struct {
		const char *text;
		gsize offset;      /* strlen(text) when nothing is missing */
		gunichar missing;
	} cases[] = {
		{ EMOJI_LABEL, sizeof EMOJI_LABEL - 1, 0 },
		{ "Việt Nam\n2024\t\xe2\x80\x8d\xef\xb8\x8f", 22, 0 }, /* line end, tab, ZWJ, VS16 */
		{ "a\xf0\x9f\xa6\xa0", 1, 0x1F9A0 },                   /* U+1F9A0 microbe */
		{ "ệ\xee\x80\x80", 3, 0xE000 },                        /* private use */
		{ "x\001", 1, 1 },                                      /* a control character */
	};

	context_or_fail();
	for (int i = 0; i < N_ELEMENTS(cases); i++) {
		gsize offset = 99;
		gunichar missing = 99;

		ck_assert_int_eq(lr_fonts_find_missing_char(cases[i].text, strlen(cases[i].text),
							    &offset, &missing), LR_STATUS_SUCCESS);
		ck_assert_msg(offset == cases[i].offset && missing == cases[i].missing,
			      "case %d: offset %zu, U+%04X; expected %zu, U+%04X", i, offset,
			      (unsigned) missing, cases[i].offset, (unsigned) cases[i].missing);
	}
}
END_TEST

/* An emoji label drawn into a PDF comes back from pdftotext as written (the old output gave
 * "01F 4C8", the hex box's digits). */
START_TEST(test_emoji_pdf_text)
{
	PangoContext *context = context_or_fail();
	lr_text_style_t style = make_style(12, false);
	char *folder = g_dir_make_tmp("lreport-emoji-XXXXXX", NULL);
	char *pdf = g_build_filename(folder, "emoji.pdf", NULL);
	char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
	char *out = NULL, *err = NULL, *program = g_find_program_in_path("pdftotext");
	cairo_surface_t *surface = cairo_pdf_surface_create(pdf, 800, 100);
	cairo_t *cr = cairo_create(surface);
	lr_text_t text;
	int wait = 0;

	ck_assert_msg(program != NULL, "pdftotext (poppler-utils) is needed for this test");
	layout_or_fail(context, EMOJI_LABEL, &style, &text, "emoji");
	lr_text_draw(cr, &text, 10, 10);
	lr_text_clear(&text);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	ck_assert_int_eq(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(surface);
	ck_assert(g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
			       &wait, NULL));
	ck_assert_msg(wait == 0, "pdftotext failed: %s", err);
	g_strstrip(out);
	ck_assert_str_eq(out, EMOJI_LABEL);
	g_unlink(pdf);
	g_rmdir(folder);
	g_free(out);
	g_free(err);
	g_free(program);
	g_free(pdf);
	g_free(folder);
}
END_TEST

START_TEST(test_font_fallback)
{
	static const struct {
		const char *string;
		const char *family;
	} cases[] = {
		{ VIET_NAM, "Noto Sans" }, { "%", "Noto Sans" }, { EN_DASH, "Noto Sans" },
		{ ELLIPSIS, "Noto Sans" }, { MINUS, "DejaVu Sans" }, { UP, "DejaVu Sans" },
		{ DOWN, "DejaVu Sans" },
	};
	PangoContext *context = context_or_fail();
	GPtrArray *letters = vietnamese_letters();

	for (int bold = 0; bold < 2; bold++) {
		lr_text_style_t style = make_style(12, bold);

		for (int i = 0; i < N_ELEMENTS(cases); i++) {
			lr_text_t text;
			char *family;

			layout_or_fail(context, cases[i].string, &style, &text, "fallback");
			family = run_family_at(&text, 0);
			ck_assert_msg(g_strcmp0(family, cases[i].family) == 0,
				      "\"%s\" (%s) is set in %s, expected %s", cases[i].string,
				      bold ? "bold" : "regular", family, cases[i].family);
			g_free(family);
			lr_text_clear(&text);
		}
		for (guint i = 0; i < letters->len; i++) {
			const char *letter = g_ptr_array_index(letters, i);
			lr_text_t text;
			char *family;

			layout_or_fail(context, letter, &style, &text, "letter");
			family = run_family_at(&text, 0);
			ck_assert_msg(g_strcmp0(family, "Noto Sans") == 0,
				      "letter %s (%s) is set in %s", letter, bold ? "bold" : "regular",
				      family);
			g_free(family);
			lr_text_clear(&text);
		}
	}
	g_ptr_array_unref(letters);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* 2. NFD and NFC give one layout */

/* Lays @string out as given and as @variant (another normalisation of it) and fails unless
 * the two layouts are identical, in several styles. */
static void
assert_variant_same(PangoContext *context, const char *string, const char *variant,
		    const char *what)
{
	static const struct {
		double size;
		bool bold;
		double max_width;
	} styles[] = { { 12, false, 0 }, { 12, true, 0 }, { 17.3, false, 90 } };
	char *nfc = g_utf8_normalize(string, -1, G_NORMALIZE_NFC);

	for (int s = 0; s < N_ELEMENTS(styles); s++) {
		lr_text_style_t style = make_style(styles[s].size, styles[s].bold);
		lr_text_t a, b;
		char *sig_a, *sig_b;
		char *message;

		style.max_width = styles[s].max_width;
		layout_or_fail(context, string, &style, &a, what);
		layout_or_fail(context, variant, &style, &b, what);
		/* The layout holds the NFC text whatever came in. */
		ck_assert_msg(strcmp(pango_layout_get_text(a.layout), nfc) == 0 &&
				      strcmp(pango_layout_get_text(b.layout), nfc) == 0,
			      "%s: the layout text is not the NFC form", what);
		sig_a = signature(&a);
		sig_b = signature(&b);
		message = g_strdup_printf("%s, style %d (\"%s\")", what, s, string);
		assert_same_signature(sig_a, sig_b, message);
		g_free(message);
		g_free(sig_a);
		g_free(sig_b);
		lr_text_clear(&a);
		lr_text_clear(&b);
	}
	g_free(nfc);
}

/* True when the string has a character that decomposes (any Vietnamese diacritic does). */
static bool
has_diacritics(const char *string)
{
	for (const char *p = string; *p; p = g_utf8_next_char(p)) {
		gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
		if (g_unichar_fully_decompose(g_utf8_get_char(p), FALSE, decomposed,
					      G_N_ELEMENTS(decomposed)) > 1)
			return true;
	}
	return false;
}

START_TEST(test_nfd_same_as_nfc_dataset)
{
	PangoContext *context = context_or_fail();
	GPtrArray *strings = dataset_strings();
	guint decomposed = 0;

	for (guint i = 0; i < strings->len; i++) {
		const labelled_t *item = g_ptr_array_index(strings, i);
		char *nfd = g_utf8_normalize(item->string, -1, G_NORMALIZE_NFD);

		ck_assert_ptr_nonnull(nfd);
		if (has_diacritics(item->string)) {
			ck_assert_msg(strcmp(nfd, item->string) != 0,
				      "%s: NFD form of \"%s\" is the same bytes", item->what,
				      item->string);
			decomposed++;
		}
		assert_variant_same(context, item->string, nfd, item->what);
		g_free(nfd);
	}
	/* A Vietnamese dataset: most strings have diacritics, so most comparisons mean something. */
	ck_assert_msg(decomposed * 3 > strings->len, "only %u of %u strings have diacritics",
		      decomposed, strings->len);
	g_ptr_array_unref(strings);
}
END_TEST

START_TEST(test_nfd_same_as_nfc_list)
{
	static const char *const strings[] = {
		A_CIRC_ACUTE, E_CIRC_TILDE, A_BREVE_DOT, O_CIRC_TILDE, U_HORN_TILDE,
		"ữ",
		"ỗ",
		VIET_NAM,
		"Chính phủ điện tử",
		A_CIRC_ACUTE " " E_CIRC_TILDE " " A_BREVE_DOT " " O_CIRC_TILDE " " U_HORN_TILDE,
		"Người dân được hưởng",
	};
	PangoContext *context = context_or_fail();

	for (int i = 0; i < N_ELEMENTS(strings); i++) {
		char *nfd = g_utf8_normalize(strings[i], -1, G_NORMALIZE_NFD);

		ck_assert_msg(strcmp(nfd, strings[i]) != 0 && strlen(nfd) > strlen(strings[i]),
			      "NFD of \"%s\" is not decomposed", strings[i]);
		assert_variant_same(context, strings[i], nfd, "fixed list (NFD)");
		g_free(nfd);
	}
	/* Marks typed in a non-canonical order are reordered before shaping. */
	assert_variant_same(context, VIET_NAM, VIET_NAM_REORDERED, "non-canonical order");
	assert_variant_same(context, "Ộ", O_CIRC_DOT_REORDERED, "non-canonical order");
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* 3. Ink stays in the box */

typedef struct {
	int inked;                 /* pixels with alpha > 0 */
	int min_x, min_y, max_x, max_y; /* in device pixels */
} ink_t;

/* Draws @text with its box at (@x, @y) (user units) on a transparent image scaled by @scale,
 * with @margin units of room on every side, and fails if a pixel with alpha > 0 lies outside
 * the box grown by @slack device pixels. A pixel [px, px+1) is inked when the outline covers
 * part of it, so an outline inside the box is at most 1 pixel away: @slack 1 is anti-aliasing
 * only. */
static ink_t
draw_and_check_ink(const lr_text_t *text, double x, double y, double margin, double scale,
		   double slack, const char *what)
{
	int width = (int) ceil((x + text->width + margin) * scale);
	int height = (int) ceil((y + text->height + margin) * scale);
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
	cairo_t *cr = cairo_create(surface);
	ink_t ink = { 0, INT_MAX, INT_MAX, INT_MIN, INT_MIN };
	double left = x * scale - slack, right = (x + text->width) * scale + slack;
	double top = y * scale - slack, bottom = (y + text->height) * scale + slack;
	const unsigned char *data;
	int stride;

	ck_assert_int_eq(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
	cairo_scale(cr, scale, scale);
	cairo_set_source_rgb(cr, 0, 0, 0);
	lr_text_draw(cr, text, x, y);
	ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	data = cairo_image_surface_get_data(surface);
	stride = cairo_image_surface_get_stride(surface);
	for (int py = 0; py < height; py++) {
		const uint32_t *row = (const uint32_t *) (data + (size_t) py * stride);
		for (int px = 0; px < width; px++) {
			if ((row[px] >> 24) == 0)
				continue;
			ink.inked++;
			ink.min_x = MIN(ink.min_x, px);
			ink.min_y = MIN(ink.min_y, py);
			ink.max_x = MAX(ink.max_x, px);
			ink.max_y = MAX(ink.max_y, py);
		}
	}
	cairo_surface_destroy(surface);

	ck_assert_msg(ink.inked > 0, "%s: nothing was drawn", what);
	ck_assert_msg(ink.min_x >= left && ink.max_x + 1 <= right && ink.min_y >= top &&
			      ink.max_y + 1 <= bottom,
		      "%s (scale %g): ink covers pixels x %d..%d, y %d..%d; the box grown by %g "
		      "pixel is x %.3f..%.3f, y %.3f..%.3f (cairo %s)",
		      what, scale, ink.min_x, ink.max_x + 1, ink.min_y, ink.max_y + 1, slack, left,
		      right, top, bottom, cairo_version_string());
	return ink;
}

static const char *const stacked_strings[] = {
	A_CIRC_ACUTE, E_CIRC_TILDE, A_BREVE_DOT, O_CIRC_TILDE, U_HORN_TILDE,
	A_CIRC_ACUTE E_CIRC_TILDE A_BREVE_DOT O_CIRC_TILDE U_HORN_TILDE,
	A_CIRC_HOOK "y", "gỗ", /* Ẩy, gỗ */
};

/* Both bundled families: in Noto Sans the marks stay under the ascent but horns stick out
 * sideways; in DejaVu Sans the stacked marks rise above the ascent. */
static const char *const families[] = { "Noto Sans", "DejaVu Sans" };

/* As a PNG has it: one pixel per unit, at whole and fractional positions. Allowed: one pixel
 * of anti-aliasing, plus the half pixel by which cairo before 1.17.4 moves each glyph to a
 * whole pixel on image surfaces (the layout, and PDF/SVG output, are exact; filling outlines
 * instead would remove the half pixel but costs ~4 ms per chart). */
START_TEST(test_ink_inside_box)
{
	static const double sizes[] = { 12, 24, 64 };
	static const double offsets[][2] = { { 0, 0 }, { 0.37, 0.61 }, { 0.5, 0.25 } };
	PangoContext *context = context_or_fail();

	for (int f = 0; f < N_ELEMENTS(families); f++)
		for (int s = 0; s < N_ELEMENTS(stacked_strings); s++)
			for (int z = 0; z < N_ELEMENTS(sizes); z++)
				for (int bold = 0; bold < 2; bold++) {
					lr_text_style_t style = make_style(sizes[z], bold);
					double margin = ceil(sizes[z]) + 8;
					lr_text_t text;

					style.family = families[f];
					layout_or_fail(context, stacked_strings[s], &style, &text, "ink");
					for (int o = 0; o < N_ELEMENTS(offsets); o++) {
						char *what = g_strdup_printf(
							"\"%s\" %s %g %s at +%g,+%g", stacked_strings[s],
							families[f], sizes[z], bold ? "bold" : "regular",
							offsets[o][0], offsets[o][1]);
						draw_and_check_ink(&text, margin + offsets[o][0],
								   margin + offsets[o][1], margin, 1,
								   cairo_version() < CAIRO_VERSION_ENCODE(1, 17, 4) ? 1.5 : 1,
								   what);
						g_free(what);
					}
					lr_text_clear(&text);
				}
}
END_TEST

/* The box itself, to a tenth of a unit: drawn 8 times larger, the outlines must be inside the
 * box within 1.5 device pixels (anti-aliasing, plus the half pixel cairo may move a glyph
 * by), that is 0.19 units. */
START_TEST(test_ink_inside_box_fine)
{
	static const double sizes[] = { 12, 24 };
	PangoContext *context = context_or_fail();

	for (int f = 0; f < N_ELEMENTS(families); f++)
		for (int s = 0; s < N_ELEMENTS(stacked_strings); s++)
			for (int z = 0; z < N_ELEMENTS(sizes); z++)
				for (int bold = 0; bold < 2; bold++) {
					lr_text_style_t style = make_style(sizes[z], bold);
					lr_text_t text;
					char *what;

					style.family = families[f];
					layout_or_fail(context, stacked_strings[s], &style, &text, "ink");
					what = g_strdup_printf("\"%s\" %s %g %s", stacked_strings[s],
							       families[f], sizes[z],
							       bold ? "bold" : "regular");
					draw_and_check_ink(&text, 4.3, 4.7, 4, 8, 1.5, what);
					g_free(what);
					lr_text_clear(&text);
				}
}
END_TEST

/* The box holds both rectangles (of the layout, which is at its own size: text->scale),
 * exactly but for floating-point rounding. */
static void
assert_box_is_union(const lr_text_t *text, const char *what)
{
	PangoRectangle ink, logical;
	double x0, y0, x1, y1, k = text->scale / PANGO_SCALE;

	pango_layout_get_extents(text->layout, &ink, &logical);
	x0 = MIN(ink.x, logical.x) * k;
	y0 = MIN(ink.y, logical.y) * k;
	x1 = MAX(ink.x + ink.width, logical.x + logical.width) * k;
	y1 = MAX(ink.y + ink.height, logical.y + logical.height) * k;
	ck_assert_msg(fabs(text->box_x - x0) < 1e-9 && fabs(text->box_y - y0) < 1e-9 &&
			      fabs(text->box_x + text->width - x1) < 1e-9 &&
			      fabs(text->box_y + text->height - y1) < 1e-9,
		      "%s: box %g,%g %gx%g is not the union %g,%g..%g,%g", what, text->box_x,
		      text->box_y, text->width, text->height, x0, y0, x1, y1);
}

/* The marks count in the box. In DejaVu Sans the marks of Ấ rise above the ascent, so its box
 * is taller than A's. Noto Sans's ascent (1.069 em) is taller than its tallest stack (Ễ), so
 * there Ấ's ink only starts higher than A's and the box keeps the logical height; but the
 * horn of Ữ sticks out right of its advance, so the box is wider than the logical width. */
START_TEST(test_box_counts_marks)
{
	static const double sizes[] = { 12, 24, 64 };
	PangoContext *context = context_or_fail();

	for (int z = 0; z < N_ELEMENTS(sizes); z++)
		for (int bold = 0; bold < 2; bold++) {
			lr_text_style_t style = make_style(sizes[z], bold);
			lr_text_t a, marked, horn;
			PangoRectangle ink_a, ink_marked, logical;
			char *what = g_strdup_printf("%g %s", sizes[z], bold ? "bold" : "regular");

			/* DejaVu Sans: taller. */
			style.family = "DejaVu Sans";
			layout_or_fail(context, "A", &style, &a, what);
			layout_or_fail(context, A_CIRC_ACUTE, &style, &marked, what);
			assert_box_is_union(&a, what);
			assert_box_is_union(&marked, what);
			ck_assert_msg(marked.height > a.height,
				      "DejaVu Sans %s: box of \"" A_CIRC_ACUTE "\" is %g high, of "
				      "\"A\" %g", what, marked.height, a.height);
			ck_assert_msg(marked.box_y < 0, "DejaVu Sans %s: box of \"" A_CIRC_ACUTE
				      "\" starts at %g, not above the line", what, marked.box_y);
			/* The baseline moves down in the box by what the marks added. */
			ck_assert_double_eq_tol(marked.baseline - a.baseline, marked.height - a.height,
						1e-9);
			lr_text_clear(&a);
			lr_text_clear(&marked);

			/* Noto Sans: the ink starts higher; the box is never smaller. */
			style.family = "Noto Sans";
			layout_or_fail(context, "A", &style, &a, what);
			layout_or_fail(context, A_CIRC_ACUTE, &style, &marked, what);
			assert_box_is_union(&a, what);
			assert_box_is_union(&marked, what);
			pango_layout_get_extents(a.layout, &ink_a, NULL);
			pango_layout_get_extents(marked.layout, &ink_marked, NULL);
			ck_assert_msg(ink_marked.y < ink_a.y - ink_a.height / 5,
				      "Noto Sans %s: the marks of \"" A_CIRC_ACUTE "\" have no ink", what);
			ck_assert_double_ge(marked.height, a.height);
			ck_assert_double_le(marked.box_y, ink_marked.y * marked.scale / PANGO_SCALE);

			layout_or_fail(context, U_HORN_TILDE, &style, &horn, what);
			assert_box_is_union(&horn, what);
			pango_layout_get_extents(horn.layout, NULL, &logical);
			ck_assert_msg(horn.width > logical.width * horn.scale / PANGO_SCALE,
				      "Noto Sans %s: the horn of \"" U_HORN_TILDE "\" is not in the box "
				      "(%g wide, logical %g)", what, horn.width,
				      logical.width * horn.scale / PANGO_SCALE);
			lr_text_clear(&a);
			lr_text_clear(&marked);
			lr_text_clear(&horn);
			g_free(what);
		}
}
END_TEST

/* The baseline reported is where letters with a flat bottom end, after lr_text_draw. */
START_TEST(test_baseline_matches_ink)
{
	static const char *const strings[] = {
		"A", A_CIRC_ACUTE, E_CIRC_TILDE, A_CIRC_HOOK, A_CIRC_ACUTE E_CIRC_TILDE "E",
	};
	static const double sizes[] = { 12, 24, 64 };
	PangoContext *context = context_or_fail();

	for (int f = 0; f < N_ELEMENTS(families); f++)
		for (int s = 0; s < N_ELEMENTS(strings); s++)
			for (int z = 0; z < N_ELEMENTS(sizes); z++) {
				lr_text_style_t style = make_style(sizes[z], false);
				double margin = sizes[z] + 8;
				double x = margin + 0.3, y = margin + 0.45;
				lr_text_t text;
				ink_t ink;
				char *what;

				style.family = families[f];
				layout_or_fail(context, strings[s], &style, &text, "baseline");
				ck_assert_double_gt(text.baseline, 0);
				ck_assert_double_lt(text.baseline, text.height);
				what = g_strdup_printf("baseline of \"%s\" in %s at %g", strings[s],
						       families[f], sizes[z]);
				/* Generous slack: this is about the baseline, not the box. */
				ink = draw_and_check_ink(&text, x, y, margin, 1, 2, what);
				ck_assert_msg(fabs((ink.max_y + 1) - (y + text.baseline)) <= 1.0,
					      "%s: ink ends at y %d, baseline at %.3f", what,
					      ink.max_y + 1, y + text.baseline);
				g_free(what);
				lr_text_clear(&text);
			}
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* 4. Plain text, never markup */

static int
count_glyphs(PangoLayout *layout)
{
	PangoLayoutIter *iter = pango_layout_get_iter(layout);
	int glyphs = 0;

	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
		if (run)
			glyphs += run->glyphs->num_glyphs;
	} while (pango_layout_iter_next_run(iter));
	pango_layout_iter_free(iter);
	return glyphs;
}

START_TEST(test_plain_text)
{
	static const char *const strings[] = {
		"R&D <5%>",
		"<b>bold</b> &amp;",
		"<span foreground=\"red\">đỏ</span>",  /* đỏ */
		"a < b && c > d; &#x41; &lt;",
		"<i>" VIET_NAM "</i>",
	};
	PangoContext *context = context_or_fail();

	for (int i = 0; i < N_ELEMENTS(strings); i++) {
		lr_text_style_t style = make_style(12, i % 2);
		lr_text_t text;
		PangoAttrList *list;
		GSList *attributes;
		int characters = (int) g_utf8_strlen(strings[i], -1);

		layout_or_fail(context, strings[i], &style, &text, "plain text");
		ck_assert_str_eq(pango_layout_get_text(text.layout), strings[i]);
		ck_assert_int_eq(pango_layout_get_character_count(text.layout), characters);
		/* Every character is drawn: markup would have swallowed the tags. (None of these
		 * strings has a ligature in Noto Sans.) */
		ck_assert_int_eq(count_glyphs(text.layout), characters);
		ck_assert_int_eq(lr_text_count_unknown_glyphs(&text), 0);

		/* No attribute but the library's own line-break rules: "no hyphens" over the whole
		 * text, "no breaks" inside words with punctuation ("R&D"). Never a style. */
		list = pango_layout_get_attributes(text.layout);
		attributes = list ? pango_attr_list_get_attributes(list) : NULL;
		for (GSList *l = attributes; l; l = l->next) {
			const PangoAttribute *attribute = l->data;
			ck_assert_msg(attribute->klass->type == PANGO_ATTR_INSERT_HYPHENS ||
					      attribute->klass->type == PANGO_ATTR_ALLOW_BREAKS,
				      "\"%s\": unexpected attribute of type %d on bytes %u..%u",
				      strings[i], (int) attribute->klass->type,
				      attribute->start_index, attribute->end_index);
			ck_assert_int_eq(((const PangoAttrInt *) attribute)->value, FALSE);
		}
		g_slist_free_full(attributes, (GDestroyNotify) pango_attribute_destroy);
		lr_text_clear(&text);
	}
}
END_TEST

/* The layout holds exactly the NFC input: decomposed input is composed, nothing else. */
START_TEST(test_layout_text_is_nfc)
{
	static const struct {
		const char *input;
		const char *nfc;
	} cases[] = {
		{ "Vie\xcc\xa3\xcc\x82t Nam", VIET_NAM },
		{ VIET_NAM_REORDERED, VIET_NAM },
		{ "R&D <5%> " MINUS "1,5", "R&D <5%> " MINUS "1,5" },
		{ "A\xcc\x82\xcc\x81", A_CIRC_ACUTE },
		{ "ﬁ", "ﬁ" }, /* ﬁ: NFKC would change it, NFC must not */
	};
	PangoContext *context = context_or_fail();

	for (int i = 0; i < N_ELEMENTS(cases); i++) {
		lr_text_style_t style = make_style(12, false);
		lr_text_t text;

		layout_or_fail(context, cases[i].input, &style, &text, "nfc");
		ck_assert_str_eq(pango_layout_get_text(text.layout), cases[i].nfc);
		lr_text_clear(&text);
	}
}
END_TEST

/* lr_utf8_normalize() is our own linear NFC (GLib's is quadratic in the compositions): it
 * must equal g_utf8_normalize(NFC) on every code point, in the contexts where composition
 * and reordering happen, and on random strings of the characters that make NFC tricky. */
static void
assert_same_nfc(const char *input, gssize length, const char *what)
{
	char *ours = lr_utf8_normalize(input, length, NULL);
	char *glib = g_utf8_normalize(input, length, G_NORMALIZE_NFC);

	ck_assert_msg(ours && glib && strcmp(ours, glib) == 0,
		      "%s: NFC of \"%s\" is \"%s\", GLib says \"%s\"", what, input,
		      ours ? ours : "(null)", glib ? glib : "(null)");
	g_free(ours);
	g_free(glib);
}

/* Up to U+2FFFF: every character with a decomposition, a combining class other than 0 or a
 * part in a composition is below U+2FA1E (planes 3 to 16 hold none). */
START_TEST(test_normalize_every_code_point)
{
	for (gunichar c = 1; c <= 0x2FFFF; c++) {
		char text[32];
		int n = 0;

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		/* A starter before c (c may compose onto it), marks of classes 230 and 220 after
		 * (reordered, and composed onto c when it is a starter). */
		text[n++] = 'A';
		n += g_unichar_to_utf8(c, text + n);
		n += g_unichar_to_utf8(0x0301, text + n);
		n += g_unichar_to_utf8(0x0323, text + n);
		text[n] = '\0';
		assert_same_nfc(text, -1, "code point");
		assert_same_nfc(text + 1, -1, "code point alone");
	}
}
END_TEST

START_TEST(test_normalize_random_strings)
{
	/* Starters that compose, marks of several classes (including 0, e.g. U+0B3E and the
	 * Hangul vowels and finals), singletons, exclusions and multi-part decompositions. */
	static const gunichar alphabet[] = {
		'a', 'A', 'e', 'o', 'u', ' ', 0x00EA, 0x01A1, 0x01B0, 0x1EC7, 0x0300, 0x0301,
		0x0302, 0x0303, 0x0309, 0x0323, 0x031B, 0x0306, 0x0327, 0x0345, 0x0344, 0x0340,
		0x0958, 0x093C, 0x0915, 0x0B47, 0x0B3E, 0x0B56, 0x1100, 0x1161, 0x11A8, 0xAC00,
		0xAC01, 0x212B, 0x2126, 0x0F73, 0x0F71, 0x0F72, 0x05B0, 0x05B4, 0x0591, 0x1D15E,
		0x1D165, 0x1D16E, 0x0E49, 0x3099, 0x304B, 0x30AB, 0x1F600, 0xFB01, 0x0041, 0x030A,
	};
	GRand *random = g_rand_new_with_seed(20261203);

	for (int round = 0; round < 50000; round++) {
		GString *text = g_string_new(NULL);
		int length = g_rand_int_range(random, 1, 14);

		for (int i = 0; i < length; i++)
			g_string_append_unichar(text, alphabet[g_rand_int_range(random, 0,
									     N_ELEMENTS(alphabet))]);
		assert_same_nfc(text->str, (gssize) text->len, "random");
		g_string_free(text, TRUE);
	}
	g_rand_free(random);
}
END_TEST

/* Long inputs: a decomposed Vietnamese field, and a run of 40,000 marks of mixed classes
 * (the counting sort), each compared whole. */
START_TEST(test_normalize_long_strings)
{
	GString *text = g_string_new(NULL);
	char *nfd;

	for (int i = 0; i < 3000; i++)
		g_string_append(text, "Tổng số mục tiêu chuyển đổi số đã hoàn thành ");
	nfd = g_utf8_normalize(text->str, -1, G_NORMALIZE_NFD);
	assert_same_nfc(nfd, -1, "long NFD");
	assert_same_nfc(text->str, -1, "long NFC");
	g_free(nfd);
	g_string_assign(text, "e");
	for (int i = 0; i < 40000; i++)
		g_string_append_unichar(text, (gunichar[]) { 0x0301, 0x0323, 0x0302, 0x0345,
							      0x031B }[i % 5]);
	assert_same_nfc(text->str, -1, "long run of marks");
	g_string_free(text, TRUE);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* 5. Invalid UTF-8 */

START_TEST(test_invalid_utf8)
{
	static const struct {
		const char *bytes;
		gsize bad_offset;
	} cases[] = {
		{ "\xc3\x28", 0 },                   /* a lead byte followed by ASCII */
		{ "\xe1\xba", 0 },                   /* a truncated sequence (of Ấ) */
		{ "Vi\xe1\xbb\x87t\xc3\x28", 6 },    /* after valid multi-byte text */
		{ "ab\xff", 2 },                     /* never valid */
		{ "\xc0\xaf", 0 },                   /* overlong "/" */
		{ "x\xed\xa0\x80", 1 },              /* a surrogate */
		{ VIET_NAM " \xe1\xba", 11 },        /* truncated at the end */
	};
	PangoContext *context = context_or_fail();
	lr_text_style_t style = make_style(12, false);

	for (int i = 0; i < N_ELEMENTS(cases); i++) {
		lr_text_t text;
		gsize offset = 12345;
		char *normalized;

		memset(&text, 0xa5, sizeof text); /* garbage, as an uninitialised variable */
		ck_assert_int_eq(lr_text_layout(context, cases[i].bytes, &style, &text),
				 LR_STATUS_INVALID_UTF8);
		ck_assert_msg(is_cleared(&text), "case %d: lr_text_t not cleared", i);
		lr_text_clear(&text); /* harmless on a cleared text */
		lr_text_draw(NULL, &text, 0, 0); /* does nothing without a layout */

		normalized = lr_utf8_normalize(cases[i].bytes, -1, &offset);
		ck_assert_ptr_null(normalized);
		ck_assert_msg(offset == cases[i].bad_offset,
			      "case %d: first bad byte reported at %zu, expected %zu", i,
			      (size_t) offset, (size_t) cases[i].bad_offset);
	}
}
END_TEST

START_TEST(test_null_arguments)
{
	PangoContext *context = context_or_fail();
	lr_text_style_t style = make_style(12, false);
	lr_text_t text;

	memset(&text, 0x5a, sizeof text);
	ck_assert_int_eq(lr_text_layout(NULL, "a", &style, &text), LR_STATUS_NULL_POINTER);
	ck_assert(is_cleared(&text));
	memset(&text, 0x5a, sizeof text);
	ck_assert_int_eq(lr_text_layout(context, NULL, &style, &text), LR_STATUS_NULL_POINTER);
	ck_assert(is_cleared(&text));
	memset(&text, 0x5a, sizeof text);
	ck_assert_int_eq(lr_text_layout(context, "a", NULL, &text), LR_STATUS_NULL_POINTER);
	ck_assert(is_cleared(&text));
	lr_text_clear(NULL);
}
END_TEST

/* Empty and blank text has no ink: the box is the logical line. */
START_TEST(test_blank_text)
{
	static const char *const strings[] = { "", " ", "   " };
	PangoContext *context = context_or_fail();
	lr_text_style_t style = make_style(12, false);

	for (int i = 0; i < N_ELEMENTS(strings); i++) {
		lr_text_t text;

		layout_or_fail(context, strings[i], &style, &text, "blank");
		ck_assert_int_eq(text.lines, 1);
		ck_assert_double_gt(text.height, 12 * 0.9);
		ck_assert_double_ge(text.width, 0);
		ck_assert_double_gt(text.baseline, 0);
		ck_assert_double_lt(text.baseline, text.height);
		ck_assert(!text.ellipsized);
		lr_text_clear(&text);
	}
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* 6. Wrapping */

/* "The national strategy for developing digital government, the digital economy and the
 * digital society sets 62 targets, of which 18 had been met by the end of the year; the
 * ministries, sectors and localities continue to carry out the remaining tasks." */
#define LONG_VI                                                                                  \
	"Chiến lược quốc gia phát triển " \
	"chính phủ số, kinh tế số và "         \
	"xã hội số đặt ra 62 mục "        \
	"tiêu, trong đó 18 mục tiêu đã "        \
	"hoàn thành vào cuối năm; các Bộ, " \
	"ngành và địa phương tiếp "          \
	"tục thực hiện các nhiệm vụ " \
	"còn lại ở Việt Nam"

/* Checks the lines of a wrapped layout of @input (NFC): each starts at the text's start or
 * after a space, together they are the text, and the glyphs are the characters: no hyphen
 * was added at a break. Returns the number of lines. */
static int
check_wrapped_lines(PangoContext *context, const lr_text_t *text, const char *input,
		    const char *what)
{
	const char *layout_text = pango_layout_get_text(text->layout);
	PangoGlyph hyphen_minus = glyph_of(context, "-");
	PangoGlyph hyphen = glyph_of(context, HYPHEN);
	GSList *lines = pango_layout_get_lines_readonly(text->layout);
	int count = 0;
	int expected_start = 0;

	ck_assert_str_eq(layout_text, input);
	for (GSList *l = lines; l; l = l->next, count++) {
		PangoLayoutLine *line = l->data;
		int glyphs = 0;
		int characters;
		PangoGlyph last = 0;

		ck_assert_msg(line->start_index == expected_start,
			      "%s: line %d starts at byte %d, expected %d (lines must cover the text)",
			      what, count, line->start_index, expected_start);
		if (line->start_index > 0)
			ck_assert_msg(layout_text[line->start_index - 1] == ' ',
				      "%s: line %d starts at byte %d after '%c', not after a space: "
				      "\"%.30s\"",
				      what, count, line->start_index, layout_text[line->start_index - 1],
				      layout_text + line->start_index);
		expected_start = line->start_index + line->length;
		characters = (int) g_utf8_strlen(layout_text + line->start_index, line->length);
		for (GSList *r = line->runs; r; r = r->next) {
			PangoLayoutRun *run = r->data;
			glyphs += run->glyphs->num_glyphs;
			if (run->glyphs->num_glyphs > 0)
				last = run->glyphs->glyphs[run->glyphs->num_glyphs - 1].glyph;
		}
		if (!text->ellipsized || l->next) {
			/* Noto Sans has no ligature for Vietnamese; one glyph per character, so an
			 * inserted hyphen would show as one glyph too many. */
			ck_assert_msg(glyphs == characters,
				      "%s: line %d has %d glyphs for %d characters \"%.*s\"", what, count,
				      glyphs, characters, line->length, layout_text + line->start_index);
		}
		/* The input has no hyphen, so no line may end in one (or in a space then one). */
		ck_assert_msg(last != hyphen_minus && last != hyphen,
			      "%s: line %d ends in a hyphen glyph", what, count);
		for (GSList *r = line->runs; r; r = r->next) {
			PangoLayoutRun *run = r->data;
			for (int i = 0; i < run->glyphs->num_glyphs; i++)
				ck_assert_msg(run->glyphs->glyphs[i].glyph != hyphen_minus &&
						      run->glyphs->glyphs[i].glyph != hyphen,
					      "%s: line %d holds a hyphen glyph", what, count);
		}
	}
	ck_assert_int_eq(expected_start, (int) strlen(layout_text));
	ck_assert_int_eq(count, text->lines);
	return count;
}

START_TEST(test_wrap_at_spaces)
{
	static const double widths[] = { 60, 90, 150, 233.3, 400 };
	PangoContext *context = context_or_fail();

	ck_assert_ptr_null(strchr(LONG_VI, '-'));
	ck_assert_ptr_null(strstr(LONG_VI, HYPHEN));
	for (int w = 0; w < N_ELEMENTS(widths); w++)
		for (int bold = 0; bold < 2; bold++)
			for (int align = PANGO_ALIGN_LEFT; align <= PANGO_ALIGN_RIGHT; align++) {
				lr_text_style_t style = make_style(12, bold);
				lr_text_t text, one_line;
				char *what = g_strdup_printf("wrap at %g (%s, align %d)", widths[w],
							     bold ? "bold" : "regular", align);
				PangoRectangle logical;
				int lines;

				layout_or_fail(context, LONG_VI, &style, &one_line, what);
				ck_assert_int_eq(one_line.lines, 1);
				style.max_width = widths[w];
				style.align = (PangoAlignment) align;
				layout_or_fail(context, LONG_VI, &style, &text, what);
				lines = check_wrapped_lines(context, &text, LONG_VI, what);
				/* Several lines, and about as many as the one-line width needs. */
				ck_assert_msg(lines >= ceil(one_line.width / widths[w]) && lines >= 2,
					      "%s: %d lines for a text %g wide", what, lines,
					      one_line.width);
				ck_assert(!text.ellipsized);
				/* No line is wider than asked (words are far shorter than 60). */
				for (int i = 0; i < lines; i++) {
					pango_layout_line_get_extents(
						pango_layout_get_line_readonly(text.layout, i), NULL,
						&logical);
					ck_assert_msg(logical.width * text.scale <= ceil(widths[w] * PANGO_SCALE),
						      "%s: line %d is %g wide", what, i,
						      logical.width * text.scale / PANGO_SCALE);
				}
				ck_assert_double_gt(text.height, one_line.height * (lines - 0.5));
				g_free(what);
				lr_text_clear(&one_line);
				lr_text_clear(&text);
			}
}
END_TEST

/* The widest box of a single word of @string in @style (one line each). */
static double
widest_word(PangoContext *context, const char *string, const lr_text_style_t *style)
{
	char **words = g_strsplit(string, " ", -1);
	lr_text_style_t one_line = *style;
	double widest = 0;

	one_line.max_width = 0;
	one_line.max_lines = 0;
	for (char **word = words; *word; word++) {
		lr_text_t text;

		layout_or_fail(context, *word, &one_line, &text, "word");
		widest = MAX(widest, text.width);
		lr_text_clear(&text);
	}
	g_strfreev(words);
	return widest;
}

/* The box of wrapped text fits the width asked for (within half a unit), whatever the size,
 * weight, alignment and line limit, when every word fits with room to spare for a horn. Lines
 * are wrapped by their advances; a line ending in ơ or ư has a horn that sticks out of its
 * advance (about 0.045 em), and that ink is in the box too. */
START_TEST(test_box_within_max_width)
{
	static const double sizes[] = { 12, 16, 20, 24 };
	static const double widths[] = { 90, 96.5, 150, 233.3, 315.5 };
	PangoContext *context = context_or_fail();
	int checked = 0;

	for (int z = 0; z < N_ELEMENTS(sizes); z++)
		for (int bold = 0; bold < 2; bold++) {
			lr_text_style_t word_style = make_style(sizes[z], bold);
			double widest = widest_word(context, LONG_VI, &word_style);

			for (int align = PANGO_ALIGN_LEFT; align <= PANGO_ALIGN_RIGHT; align++)
				for (int w = 0; w < N_ELEMENTS(widths); w++)
					for (int max_lines = 0; max_lines <= 2; max_lines += 2) {
						lr_text_style_t style = make_style(sizes[z], bold);
						lr_text_t text;

						if (widest + 0.1 * sizes[z] > widths[w])
							continue; /* a word could overflow */
						style.max_width = widths[w];
						style.max_lines = max_lines;
						style.align = (PangoAlignment) align;
						layout_or_fail(context, LONG_VI, &style, &text, "box width");
						ck_assert_msg(text.width <= widths[w] + 0.5,
							      "size %g %s, align %d, max_width %g, "
							      "max_lines %d: box %g wide (%d lines)",
							      sizes[z], bold ? "bold" : "regular", align,
							      widths[w], max_lines, text.width, text.lines);
						ck_assert_int_eq(text.ellipsized, max_lines > 0);
						checked++;
						lr_text_clear(&text);
					}
		}
	/* Most cases are checked: the longest word is about 4 em wide. */
	ck_assert_int_ge(checked, N_ELEMENTS(sizes) * 2 * 3 * N_ELEMENTS(widths) * 2 * 2 / 3);
}
END_TEST

/* A word longer than the width is not broken (nor hyphenated): it overflows its line. */
START_TEST(test_long_word_not_broken)
{
	static const char *const input = "Nghêêng nghêng";
	PangoContext *context = context_or_fail();
	lr_text_style_t style = make_style(12, false);
	lr_text_t text;

	style.max_width = 10;
	layout_or_fail(context, input, &style, &text, "long word");
	ck_assert_int_eq(check_wrapped_lines(context, &text, input, "long word"), 2);
	lr_text_clear(&text);
}
END_TEST

START_TEST(test_max_lines_ellipsis)
{
	static const double widths[] = { 80, 150, 233.3 };
	PangoContext *context = context_or_fail();
	PangoGlyph ellipsis = glyph_of(context, ELLIPSIS);

	for (int w = 0; w < N_ELEMENTS(widths); w++)
		for (int bold = 0; bold < 2; bold++)
			for (int max_lines = 1; max_lines <= 3; max_lines++) {
				lr_text_style_t style = make_style(12, bold);
				lr_text_t text, free_text;
				char *what = g_strdup_printf("max %d lines at %g (%s)", max_lines,
							     widths[w], bold ? "bold" : "regular");
				PangoLayoutLine *last;
				bool has_ellipsis = false;

				style.max_width = widths[w];
				layout_or_fail(context, LONG_VI, &style, &free_text, what);
				ck_assert_int_gt(free_text.lines, max_lines);
				style.max_lines = max_lines;
				layout_or_fail(context, LONG_VI, &style, &text, what);
				ck_assert_msg(text.lines == max_lines && text.ellipsized,
					      "%s: %d lines, ellipsized %d", what, text.lines,
					      (int) text.ellipsized);
				ck_assert_msg(text.width <= widths[w] + 0.5, "%s: box %g wide", what,
					      text.width);
				ck_assert_double_lt(text.height, free_text.height);
				/* The last line ends in "…" and the lines before it wrap as usual. */
				check_wrapped_lines(context, &text, LONG_VI, what);
				last = pango_layout_get_line_readonly(text.layout, max_lines - 1);
				for (GSList *r = last->runs; r; r = r->next) {
					PangoLayoutRun *run = r->data;
					for (int i = 0; i < run->glyphs->num_glyphs; i++)
						if (run->glyphs->glyphs[i].glyph == ellipsis)
							has_ellipsis = true;
				}
				ck_assert_msg(has_ellipsis, "%s: no ellipsis on the last line", what);
				ck_assert_int_eq(lr_text_count_unknown_glyphs(&text), 0);
				g_free(what);
				lr_text_clear(&text);
				lr_text_clear(&free_text);
			}
}
END_TEST

/* A text that fits is not touched by max_lines. */
START_TEST(test_max_lines_fits)
{
	PangoContext *context = context_or_fail();
	lr_text_style_t style = make_style(12, false);
	lr_text_t text, plain;

	layout_or_fail(context, VIET_NAM, &style, &plain, "fits");
	style.max_width = 200;
	style.max_lines = 2;
	layout_or_fail(context, VIET_NAM, &style, &text, "fits");
	ck_assert_int_eq(text.lines, 1);
	ck_assert(!text.ellipsized);
	ck_assert_double_eq_tol(text.width, plain.width, 1e-9);
	ck_assert_double_eq_tol(text.height, plain.height, 1e-9);
	lr_text_clear(&text);
	lr_text_clear(&plain);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* 7. Fonts: the folder, per thread */

typedef struct {
	lr_status_t status;
	bool has_context;
	char *directory;  /* lr_fonts_get_directory() in the thread */
	char *family;     /* of "Việt Nam" */
	char *bold_family;
	int bold_weight;
	char *minus_family;
	char *other_family; /* asking for a family the folder lacks */
	lr_status_t retry_status; /* after LREPORT_FONTS_DIR is set to @retry_directory */
	const char *retry_directory;
} fonts_probe_t;

static char *
probe_family(PangoContext *context, const char *string, const char *family, bool bold,
	     int *weight)
{
	lr_text_style_t style = make_style(12, bold);
	lr_text_t text;
	PangoFontDescription *description;
	PangoLayoutRun *run;
	char *result;

	style.family = family;
	if (lr_text_layout(context, string, &style, &text) != LR_STATUS_SUCCESS)
		return g_strdup("(layout failed)");
	run = pango_layout_get_line_readonly(text.layout, 0)->runs->data;
	description = pango_font_describe(run->item->analysis.font);
	result = g_strdup(pango_font_description_get_family(description));
	if (weight)
		*weight = (int) pango_font_description_get_weight(description);
	pango_font_description_free(description);
	lr_text_clear(&text);
	return result;
}

/* Runs in a new thread, which has no fonts yet: they are loaded from LREPORT_FONTS_DIR as it
 * is now. Asserts nothing (Check wants failures in the main thread); it records. */
static gpointer
fonts_probe_thread(gpointer data)
{
	fonts_probe_t *probe = data;
	PangoContext *context = lr_fonts_get_context(&probe->status);

	probe->has_context = context != NULL;
	if (context) {
		/* The same context on the next call: it is cached for the thread. */
		lr_status_t again;
		if (lr_fonts_get_context(&again) != context || again != LR_STATUS_SUCCESS)
			probe->has_context = false;
		probe->directory = g_strdup(lr_fonts_get_directory());
		probe->family = probe_family(context, VIET_NAM, "Noto Sans", false, NULL);
		probe->bold_family = probe_family(context, VIET_NAM, "Noto Sans", true,
						  &probe->bold_weight);
		probe->minus_family = probe_family(context, MINUS, "Noto Sans", false, NULL);
		probe->other_family = probe_family(context, VIET_NAM, "Liberation Serif", false,
						   NULL);
	} else if (probe->retry_directory) {
		/* A failure is not cached: once the folder is right, the same thread succeeds.
		 * The main thread is blocked in g_thread_join meanwhile. */
		g_setenv("LREPORT_FONTS_DIR", probe->retry_directory, TRUE);
		probe->has_context = lr_fonts_get_context(&probe->retry_status) != NULL;
		if (probe->has_context)
			probe->directory = g_strdup(lr_fonts_get_directory());
	}
	return NULL;
}

static void
fonts_probe_clear(fonts_probe_t *probe)
{
	g_free(probe->directory);
	g_free(probe->family);
	g_free(probe->bold_family);
	g_free(probe->minus_family);
	g_free(probe->other_family);
	memset(probe, 0, sizeof *probe);
}

/* Sets LREPORT_FONTS_DIR to @directory (NULL: unset) and runs the probe in a new thread. */
static void
run_fonts_probe(const char *directory, fonts_probe_t *probe)
{
	GThread *thread;

	if (directory)
		g_setenv("LREPORT_FONTS_DIR", directory, TRUE);
	else
		g_unsetenv("LREPORT_FONTS_DIR");
	thread = g_thread_new("fonts-probe", fonts_probe_thread, probe);
	g_thread_join(thread);
}

static char *saved_fonts_dir;

static void
save_fonts_env(void)
{
	saved_fonts_dir = g_strdup(g_getenv("LREPORT_FONTS_DIR"));
}

static void
restore_fonts_env(void)
{
	if (saved_fonts_dir)
		g_setenv("LREPORT_FONTS_DIR", saved_fonts_dir, TRUE);
	else
		g_unsetenv("LREPORT_FONTS_DIR");
	g_clear_pointer(&saved_fonts_dir, g_free);
}

static void
assert_bundled_fonts(const fonts_probe_t *probe, const char *directory, const char *what)
{
	char *expected = g_canonicalize_filename(directory, NULL);

	ck_assert_msg(probe->status == LR_STATUS_SUCCESS && probe->has_context,
		      "%s: fonts did not load (status %d)", what, (int) probe->status);
	ck_assert_msg(g_strcmp0(probe->directory, expected) == 0, "%s: fonts from %s, not %s",
		      what, probe->directory, expected);
	ck_assert_msg(g_strcmp0(probe->family, "Noto Sans") == 0, "%s: text set in %s", what,
		      probe->family);
	ck_assert_msg(g_strcmp0(probe->bold_family, "Noto Sans") == 0 &&
			      probe->bold_weight == PANGO_WEIGHT_BOLD,
		      "%s: bold text set in %s weight %d", what, probe->bold_family,
		      probe->bold_weight);
	/* Only the bundled fonts exist for the library, whatever the machine has. */
	ck_assert_msg(g_strcmp0(probe->other_family, "Noto Sans") == 0 ||
			      g_strcmp0(probe->other_family, "DejaVu Sans") == 0,
		      "%s: a family the folder lacks resolved to %s", what, probe->other_family);
	g_free(expected);
}

START_TEST(test_fonts_default_in_new_thread)
{
	fonts_probe_t probe = { 0 };

	save_fonts_env();
	run_fonts_probe(LR_FONTS_SOURCE_DIR, &probe);
	restore_fonts_env();
	assert_bundled_fonts(&probe, LR_FONTS_SOURCE_DIR, "LREPORT_FONTS_DIR=fonts/");
	ck_assert_msg(g_strcmp0(probe.minus_family, "DejaVu Sans") == 0,
		      "the minus sign is set in %s", probe.minus_family);
	fonts_probe_clear(&probe);
}
END_TEST

/* A relative LREPORT_FONTS_DIR is made absolute against the working directory (fontconfig
 * would resolve it against its own folder). */
START_TEST(test_fonts_relative_directory)
{
	fonts_probe_t probe = { 0 };
	char *cwd = g_get_current_dir();
	char *source = g_canonicalize_filename(LR_FONTS_SOURCE_DIR, NULL);
	GString *relative = g_string_new(NULL);

	/* Up to the root, then down: "../../work/main/fonts". */
	for (const char *p = cwd; *p; p++)
		if (*p == '/' && p[1] != '\0')
			g_string_append(relative, "../");
	if (strcmp(cwd, "/") != 0)
		g_string_append(relative, "../");
	g_string_append(relative, source + 1);

	save_fonts_env();
	run_fonts_probe(relative->str, &probe);
	restore_fonts_env();
	assert_bundled_fonts(&probe, LR_FONTS_SOURCE_DIR, relative->str);
	fonts_probe_clear(&probe);
	g_string_free(relative, TRUE);
	g_free(source);
	g_free(cwd);
}
END_TEST

/* A folder with just the font files and no fonts.conf works too. */
START_TEST(test_fonts_folder_without_conf)
{
	static const char *const files[] = { "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
					     "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" };
	fonts_probe_t probe = { 0 };
	char *folder = g_dir_make_tmp("lreport-fonts-XXXXXX", NULL);

	ck_assert_ptr_nonnull(folder);
	for (int i = 0; i < N_ELEMENTS(files); i++) {
		char *target = g_build_filename(LR_FONTS_SOURCE_DIR, files[i], NULL);
		char *link = g_build_filename(folder, files[i], NULL);
		char *contents;
		gsize length;

		/* A copy, not a link, so fontconfig sees plain files. */
		ck_assert(g_file_get_contents(target, &contents, &length, NULL));
		ck_assert(g_file_set_contents(link, contents, (gssize) length, NULL));
		g_free(contents);
		g_free(target);
		g_free(link);
	}
	save_fonts_env();
	run_fonts_probe(folder, &probe);
	restore_fonts_env();
	for (int i = 0; i < N_ELEMENTS(files); i++) {
		char *link = g_build_filename(folder, files[i], NULL);
		g_unlink(link);
		g_free(link);
	}
	g_rmdir(folder);
	assert_bundled_fonts(&probe, folder, "fonts without fonts.conf");
	fonts_probe_clear(&probe);
	g_free(folder);
}
END_TEST

START_TEST(test_fonts_missing)
{
	fonts_probe_t probe = { 0 };
	char *empty = g_dir_make_tmp("lreport-nofonts-XXXXXX", NULL);
	char *missing = g_build_filename(empty, "does-not-exist", NULL);
	char *broken = g_dir_make_tmp("lreport-badconf-XXXXXX", NULL);
	char *broken_conf = g_build_filename(broken, "fonts.conf", NULL);
	char *text_file = g_build_filename(empty, "README.txt", NULL);
	char *original;

	ck_assert_ptr_nonnull(empty);
	ck_assert_ptr_nonnull(broken);
	ck_assert(g_file_set_contents(broken_conf, "<fontconfig><dir>", -1, NULL));
	save_fonts_env();
	original = g_strdup(saved_fonts_dir);

	/* A folder without fonts (a stray file does not count). */
	ck_assert(g_file_set_contents(text_file, "not a font\n", -1, NULL));
	run_fonts_probe(empty, &probe);
	ck_assert_msg(!probe.has_context && probe.status == LR_STATUS_FONT_ERROR,
		      "empty folder: status %d, context %d", (int) probe.status,
		      (int) probe.has_context);
	fonts_probe_clear(&probe);

	/* A folder that does not exist. */
	run_fonts_probe(missing, &probe);
	ck_assert_msg(!probe.has_context && probe.status == LR_STATUS_FONT_ERROR,
		      "missing folder: status %d, context %d", (int) probe.status,
		      (int) probe.has_context);
	fonts_probe_clear(&probe);

	/* A configuration fontconfig cannot parse. */
	run_fonts_probe(broken, &probe);
	ck_assert_msg(!probe.has_context && probe.status == LR_STATUS_FONT_ERROR,
		      "broken fonts.conf: status %d, context %d", (int) probe.status,
		      (int) probe.has_context);
	fonts_probe_clear(&probe);

	/* A failure is not remembered: the same thread loads the fonts once the folder is right. */
	probe.retry_directory = LR_FONTS_SOURCE_DIR;
	run_fonts_probe(empty, &probe);
	ck_assert_int_eq(probe.status, LR_STATUS_FONT_ERROR);
	ck_assert_msg(probe.has_context && probe.retry_status == LR_STATUS_SUCCESS,
		      "retry: status %d", (int) probe.retry_status);
	fonts_probe_clear(&probe);

	/* The env is as it was, and the main thread is not affected by any of this. */
	restore_fonts_env();
	ck_assert_str_eq(g_getenv("LREPORT_FONTS_DIR") ? g_getenv("LREPORT_FONTS_DIR") : "(unset)",
			 original ? original : "(unset)");
	context_or_fail();

	g_unlink(text_file);
	g_unlink(broken_conf);
	g_rmdir(empty);
	g_rmdir(broken);
	g_free(text_file);
	g_free(broken_conf);
	g_free(broken);
	g_free(missing);
	g_free(empty);
	g_free(original);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* 8. Threads */

#define N_THREADS 4

static const char *const thread_strings[] = {
	VIET_NAM, A_CIRC_ACUTE E_CIRC_TILDE A_BREVE_DOT O_CIRC_TILDE U_HORN_TILDE,
	"Vie\xcc\xa3\xcc\x82t Nam", MINUS "12,5% " UP "15 bậc " DOWN "3",
	"R&D <5%>", LONG_VI,
};

typedef struct {
	GMutex mutex;
	GCond cond;
	int waiting;
	int generation;
} barrier_t;

static void
barrier_wait(barrier_t *barrier)
{
	int generation;

	g_mutex_lock(&barrier->mutex);
	generation = barrier->generation;
	if (++barrier->waiting == N_THREADS) {
		barrier->waiting = 0;
		barrier->generation++;
		g_cond_broadcast(&barrier->cond);
	} else {
		while (generation == barrier->generation)
			g_cond_wait(&barrier->cond, &barrier->mutex);
	}
	g_mutex_unlock(&barrier->mutex);
}

typedef struct {
	barrier_t *barrier;
	PangoContext *context;
	GByteArray *result; /* signatures and pixels of every string in every style */
	char *error;
} worker_t;

/* Lays out and draws every thread string in a few styles; everything that could differ
 * between threads goes into the result. Returns NULL on success, or what went wrong. */
static char *
layout_and_draw_all(PangoContext *context, GByteArray *result)
{
	for (int i = 0; i < N_ELEMENTS(thread_strings); i++)
		for (int variant = 0; variant < 4; variant++) {
			lr_text_style_t style = make_style(variant < 2 ? 12 : 23.5, variant % 2);
			lr_text_t text;
			cairo_surface_t *surface;
			cairo_t *cr;
			GString *sig;
			int width, height;
			lr_status_t status;

			if (variant >= 2) {
				style.max_width = 140;
				style.max_lines = variant == 3 ? 2 : 0;
			}
			status = lr_text_layout(context, thread_strings[i], &style, &text);
			if (status != LR_STATUS_SUCCESS)
				return g_strdup_printf("layout of \"%s\": status %d", thread_strings[i],
						       (int) status);
			sig = g_string_new(NULL);
			append_signature(sig, &text);
			g_byte_array_append(result, (const guint8 *) sig->str, (guint) sig->len);
			g_string_free(sig, TRUE);

			width = (int) ceil(text.width) + 4;
			height = (int) ceil(text.height) + 4;
			surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
			cr = cairo_create(surface);
			cairo_set_source_rgb(cr, 0.1, 0.2, 0.7);
			lr_text_draw(cr, &text, 1.25, 2.5);
			status = cairo_status(cr) == CAIRO_STATUS_SUCCESS ? LR_STATUS_SUCCESS
									  : LR_STATUS_CAIRO_ERROR;
			cairo_destroy(cr);
			cairo_surface_flush(surface);
			if (status == LR_STATUS_SUCCESS) {
				const guint8 *data = cairo_image_surface_get_data(surface);
				int stride = cairo_image_surface_get_stride(surface);
				for (int y = 0; y < height; y++)
					g_byte_array_append(result, data + (size_t) y * stride,
							    (guint) width * 4);
			}
			cairo_surface_destroy(surface);
			lr_text_clear(&text);
			if (status != LR_STATUS_SUCCESS)
				return g_strdup_printf("drawing \"%s\" failed", thread_strings[i]);
		}
	return NULL;
}

static gpointer
worker_thread(gpointer data)
{
	worker_t *worker = data;
	lr_status_t status;

	barrier_wait(worker->barrier); /* all start together */
	worker->context = lr_fonts_get_context(&status);
	if (!worker->context)
		worker->error = g_strdup_printf("no fonts: status %d", (int) status);
	else
		worker->error = layout_and_draw_all(worker->context, worker->result);
	/* All stay alive until all are done, so that their contexts coexist. */
	barrier_wait(worker->barrier);
	return NULL;
}

START_TEST(test_threads_identical)
{
	barrier_t barrier = { 0 };
	worker_t workers[N_THREADS] = { { 0 } };
	GThread *threads[N_THREADS];
	GByteArray *expected = g_byte_array_new();
	PangoContext *main_context = context_or_fail();
	char *error;

	error = layout_and_draw_all(main_context, expected);
	ck_assert_msg(error == NULL, "main thread: %s", error);
	ck_assert_uint_gt(expected->len, 1000);

	g_mutex_init(&barrier.mutex);
	g_cond_init(&barrier.cond);
	for (int i = 0; i < N_THREADS; i++) {
		char name[16];
		workers[i].barrier = &barrier;
		workers[i].result = g_byte_array_new();
		snprintf(name, sizeof name, "text-%d", i);
		threads[i] = g_thread_new(name, worker_thread, &workers[i]);
	}
	for (int i = 0; i < N_THREADS; i++)
		g_thread_join(threads[i]);
	g_mutex_clear(&barrier.mutex);
	g_cond_clear(&barrier.cond);

	for (int i = 0; i < N_THREADS; i++) {
		ck_assert_msg(workers[i].error == NULL, "thread %d: %s", i, workers[i].error);
		/* Each thread had its own context, none the main thread's. */
		ck_assert_ptr_ne(workers[i].context, main_context);
		for (int j = 0; j < i; j++)
			ck_assert_ptr_ne(workers[i].context, workers[j].context);
		ck_assert_msg(workers[i].result->len == expected->len &&
				      memcmp(workers[i].result->data, expected->data, expected->len) == 0,
			      "thread %d laid out or drew differently from the main thread", i);
		g_byte_array_unref(workers[i].result);
	}
	g_byte_array_unref(expected);
}
END_TEST

/* ---------------------------------------------------------------------------------------- */


/* ---------------------------------------------------------------------------------------- */
/* Combining marks: the font positions them itself */

/* Every combining mark U+0300–U+0323 has a glyph in both weights of Noto Sans, and the font's
 * own mark positioning (its GPOS 'mark'/'mkmk' lookups) places it: shaped after a base that
 * has no precomposed forms ("ɛ" U+025B + mark, so no composition can hide the mark), the mark's offset
 * differs from what HarfBuzz gives with those features switched off. */
START_TEST(test_marks_positioned_by_font)
{
	static const char *const files[] = { "NotoSans-Regular.ttf", "NotoSans-Bold.ttf" };
	/* The marks Vietnamese stacks (grave, acute, circumflex, tilde, breve, hook above, dot
	 * below), as offsets from U+0300 plus one, so the string holds no NUL. (The horn, U+031B,
	 * is drawn in place: ơ and ư are precomposed in NFC and in the font.) */
	static const char vietnamese_marks[] = { 0x01, 0x02, 0x03, 0x04, 0x07, 0x0A, 0x24, 0 };

	for (int f = 0; f < N_ELEMENTS(files); f++) {
		char *path = g_build_filename(LR_FONTS_SOURCE_DIR, files[f], NULL);
		hb_blob_t *blob = hb_blob_create_from_file(path);
		hb_face_t *face = hb_face_create(blob, 0);
		hb_font_t *font = hb_font_create(face);
		hb_tag_t tags[128];
		unsigned tag_count = G_N_ELEMENTS(tags);
		bool has_mark = false;
		int positioned = 0;

		ck_assert_msg(hb_blob_get_length(blob) > 0, "cannot read %s", path);
		hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GPOS, 0, &tag_count, tags);
		for (unsigned t = 0; t < tag_count; t++)
			has_mark |= tags[t] == HB_TAG('m', 'a', 'r', 'k');
		ck_assert_msg(has_mark, "%s has no GPOS mark feature", files[f]);
		for (hb_codepoint_t mark = 0x0300; mark <= 0x0323; mark++) {
			hb_codepoint_t glyph;
			hb_feature_t off[2] = {
				{ HB_TAG('m', 'a', 'r', 'k'), 0, 0, (unsigned) -1 },
				{ HB_TAG('m', 'k', 'm', 'k'), 0, 0, (unsigned) -1 },
			};
			hb_glyph_position_t with, without;
			unsigned count;

			ck_assert_msg(hb_font_get_nominal_glyph(font, mark, &glyph),
				      "%s has no glyph for U+%04X", files[f], mark);
			for (int pass = 0; pass < 2; pass++) {
				hb_buffer_t *buffer = hb_buffer_create();
				hb_glyph_position_t *positions;
				hb_buffer_add_utf32(buffer, (const uint32_t[]) { 0x025B, mark }, 2, 0, 2);
				hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
				hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
				hb_buffer_set_language(buffer, hb_language_from_string("vi", -1));
				hb_shape(font, buffer, pass ? off : NULL, pass ? 2 : 0);
				positions = hb_buffer_get_glyph_positions(buffer, &count);
				ck_assert_uint_eq(count, 2);
				ck_assert_msg(positions[1].x_advance == 0,
					      "%s: U+%04X is not a zero-width mark", files[f], mark);
				if (pass)
					without = positions[1];
				else
					with = positions[1];
				hb_buffer_destroy(buffer);
			}
			if (with.x_offset != without.x_offset || with.y_offset != without.y_offset)
				positioned++;
			else if (strchr(vietnamese_marks, (int) (mark - 0x0300 + 1)))
				ck_abort_msg("%s: U+%04X after ɛ is not moved by the font's mark "
					     "positioning", files[f], mark);
		}
		/* A second mark stacks on the first through 'mkmk': ɛ + circumflex + acute. */
		{
			hb_feature_t no_mkmk = { HB_TAG('m', 'k', 'm', 'k'), 0, 0, (unsigned) -1 };
			hb_glyph_position_t third[2];
			for (int pass = 0; pass < 2; pass++) {
				hb_buffer_t *buffer = hb_buffer_create();
				unsigned n;
				hb_glyph_position_t *positions;
				hb_buffer_add_utf32(buffer, (const uint32_t[]) { 0x025B, 0x0302, 0x0301 }, 3, 0, 3);
				hb_buffer_guess_segment_properties(buffer);
				hb_shape(font, buffer, pass ? &no_mkmk : NULL, pass ? 1 : 0);
				positions = hb_buffer_get_glyph_positions(buffer, &n);
				ck_assert_uint_eq(n, 3);
				third[pass] = positions[2];
				hb_buffer_destroy(buffer);
			}
			ck_assert_msg(third[0].x_offset != third[1].x_offset ||
				      third[0].y_offset != third[1].y_offset,
				      "%s: a mark on a mark is not placed by 'mkmk'", files[f]);
		}
		/* All Vietnamese marks, and most others (a few, such as U+0315 comma above
		 * right, are drawn where they stand by design). */
		ck_assert_msg(positioned >= 30, "%s: only %d of 36 marks positioned", files[f], positioned);
		hb_font_destroy(font);
		hb_face_destroy(face);
		hb_blob_destroy(blob);
		g_free(path);
	}
}
END_TEST

/* ---------------------------------------------------------------------------------------- */
/* The layout cache (text.c): a string in a style is laid out once per thread and shared. */

static void
assert_same_measures(const lr_text_t *a, const lr_text_t *b, const char *what)
{
	ck_assert_msg(a->box_x == b->box_x && a->box_y == b->box_y && a->width == b->width &&
			      a->height == b->height && a->baseline == b->baseline &&
			      a->lines == b->lines && a->ellipsized == b->ellipsized &&
			      a->scale == b->scale && a->size == b->size,
		      "%s: measures differ (%g x %g vs %g x %g)", what, a->width, a->height,
		      b->width, b->height);
}

START_TEST(test_layout_cache)
{
	PangoContext *context = context_or_fail();
	const char *title = "Thứ hạng của " VIET_NAM " trong các bảng xếp hạng quốc tế";
	lr_text_style_t style = make_style(18.7, true), wrapped = style;
	lr_text_t first, again, other_size, narrow, filler;
	cairo_surface_t *surface;
	cairo_t *cr;

	wrapped.max_width = 150;
	wrapped.max_lines = 2;
	layout_or_fail(context, title, &style, &first, "first");
	layout_or_fail(context, title, &style, &again, "again");
	ck_assert_msg(first.layout == again.layout, "the same string and style were laid out twice");
	assert_same_measures(&first, &again, "cached");

	/* Another size scales the same layout: every measure in proportion. */
	style.size = 37.4;
	layout_or_fail(context, title, &style, &other_size, "other size");
	ck_assert_ptr_eq(other_size.layout, first.layout);
	ck_assert_double_eq_tol(other_size.width, first.width * 2, 1e-9);
	ck_assert_double_eq_tol(other_size.height, first.height * 2, 1e-9);

	/* A wrap width is part of the style: another layout, wrapped. */
	layout_or_fail(context, title, &wrapped, &narrow, "wrapped");
	ck_assert_ptr_ne(narrow.layout, first.layout);
	ck_assert_int_eq(narrow.lines, 2);
	ck_assert(narrow.ellipsized);

	/* More strings than the cache keeps: it starts again, and the texts laid out before
	 * stay whole (they hold their layouts) and are measured the same when laid out anew. */
	style.size = 18.7;
	for (int i = 0; i < 1200; i++) {
		char label[32];

		g_snprintf(label, sizeof label, "%d/193", i);
		layout_or_fail(context, label, &style, &filler, "filler");
		lr_text_clear(&filler);
	}
	surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 600, 100);
	cr = cairo_create(surface);
	lr_text_draw(cr, &first, 0, 0);
	lr_text_draw(cr, &narrow, 0, 50);
	ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	lr_text_clear(&again);
	layout_or_fail(context, title, &style, &again, "after the cache started again");
	assert_same_measures(&first, &again, "laid out anew");

	lr_text_clear(&first);
	lr_text_clear(&again);
	lr_text_clear(&other_size);
	lr_text_clear(&narrow);
}
END_TEST

static Suite *
text_suite(void)
{
	Suite *suite = suite_create("text");
	TCase *tc;

	tc = tcase_create("marks");
	tcase_add_test(tc, test_marks_positioned_by_font);
	suite_add_tcase(suite, tc);

	tc = tcase_create("cache");
	tcase_add_test(tc, test_layout_cache);
	suite_add_tcase(suite, tc);

	tc = tcase_create("coverage");
	tcase_add_test(tc, test_unknown_glyphs_are_counted);
	tcase_add_test(tc, test_dataset_strings_have_glyphs);
	tcase_add_test(tc, test_chart_symbols_have_glyphs);
	tcase_add_test(tc, test_font_fallback);
	tcase_add_test(tc, test_emoji_have_glyphs);
	tcase_add_test(tc, test_find_missing_char);
	tcase_add_test(tc, test_emoji_pdf_text);
	suite_add_tcase(suite, tc);

	tc = tcase_create("normalization");
	tcase_add_test(tc, test_nfd_same_as_nfc_dataset);
	tcase_add_test(tc, test_nfd_same_as_nfc_list);
	tcase_add_test(tc, test_layout_text_is_nfc);
	tcase_add_test(tc, test_normalize_every_code_point);
	tcase_add_test(tc, test_normalize_random_strings);
	tcase_add_test(tc, test_normalize_long_strings);
	suite_add_tcase(suite, tc);

	tc = tcase_create("ink");
	tcase_add_test(tc, test_ink_inside_box);
	tcase_add_test(tc, test_ink_inside_box_fine);
	tcase_add_test(tc, test_box_counts_marks);
	tcase_add_test(tc, test_baseline_matches_ink);
	suite_add_tcase(suite, tc);

	tc = tcase_create("input");
	tcase_add_test(tc, test_plain_text);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_blank_text);
	suite_add_tcase(suite, tc);

	tc = tcase_create("wrapping");
	tcase_add_test(tc, test_wrap_at_spaces);
	tcase_add_test(tc, test_long_word_not_broken);
	tcase_add_test(tc, test_box_within_max_width);
	tcase_add_test(tc, test_max_lines_ellipsis);
	tcase_add_test(tc, test_max_lines_fits);
	suite_add_tcase(suite, tc);

	tc = tcase_create("fonts");
	tcase_add_test(tc, test_fonts_default_in_new_thread);
	tcase_add_test(tc, test_fonts_relative_directory);
	tcase_add_test(tc, test_fonts_folder_without_conf);
	tcase_add_test(tc, test_fonts_missing);
	suite_add_tcase(suite, tc);

	tc = tcase_create("threads");
	tcase_add_test(tc, test_threads_identical);
	suite_add_tcase(suite, tc);

	return suite;
}

const lr_test_program_t lr_test_program = { text_suite, NULL, NULL };
