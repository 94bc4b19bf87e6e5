/* libreport: Unicode normalisation to NFC, in time linear in the text.
 *
 * GLib's g_utf8_normalize() (2.74) composes in place and shifts the rest of the buffer
 * down by one character at every composition, so a text with k decomposed letters and n
 * characters costs k·n: a 1 MB Vietnamese label took 10 s to load. This is the algorithm of
 * UAX #15 done with one pass each, using GLib's character tables:
 *
 * 1. Canonical decomposition of every character (g_unichar_fully_decompose, Hangul included).
 * 2. Canonical ordering: each run of non-starters is sorted by combining class, stably
 *    (insertion sort for the usual runs of 1–3 marks, a counting sort for long ones).
 * 3. Canonical composition: each character is composed onto the last starter unless a
 *    character between them blocks it; a composition overwrites the starter and drops the
 *    character, an output index that only moves forward.
 *
 * The result equals g_utf8_normalize(text, length, G_NORMALIZE_NFC), which tests/test-text.c
 * checks for every code point and for random strings of the tricky ones.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <stdbool.h>
#include <string.h>

#include "common-private.h"

/* Below U+0300 no character is a combining mark and all that decompose are primary
 * composites (the first composition exclusion is U+0958), so text of them is already NFC. */

/* Below U+00C0 (À) no character has a canonical decomposition. */
#define FIRST_DECOMPOSABLE 0xC0

/* Longer runs of non-starters than this are sorted by counting; shorter ones by insertion. */
#define SHORT_RUN 16

static void
sort_run(gunichar *chars, guint8 *classes, gsize length, gunichar *spare_chars, guint8 *spare_classes)
{
	gsize counts[256] = { 0 }, position = 0;

	if (length <= SHORT_RUN) {
		for (gsize i = 1; i < length; i++) {
			gunichar c = chars[i];
			guint8 cc = classes[i];
			gsize j = i;

			for (; j > 0 && classes[j - 1] > cc; j--) {
				chars[j] = chars[j - 1];
				classes[j] = classes[j - 1];
			}
			chars[j] = c;
			classes[j] = cc;
		}
		return;
	}
	/* Counting sort: stable, and linear in the run (a run can be a whole hostile field). */
	for (gsize i = 0; i < length; i++)
		counts[classes[i]]++;
	for (unsigned cc = 0; cc < 256; cc++) {
		gsize count = counts[cc];
		counts[cc] = position;
		position += count;
	}
	for (gsize i = 0; i < length; i++) {
		gsize to = counts[classes[i]]++;
		spare_chars[to] = chars[i];
		spare_classes[to] = classes[i];
	}
	memcpy(chars, spare_chars, length * sizeof *chars);
	memcpy(classes, spare_classes, length);
}

char *
lr_utf8_normalize(const char *text, gssize length, gsize *bad_offset)
{
	const char *end, *p;
	gsize bytes, count = 0, capacity, out = 0;
	gunichar *chars, *spare_chars;
	guint8 *classes, *spare_classes;
	gssize starter = -1;
	bool plain = true;
	char *result;

	if (!g_utf8_validate(text, length, &end)) {
		if (bad_offset)
			*bad_offset = (gsize) (end - text);
		return NULL;
	}
	bytes = (gsize) (end - text);
	/* U+0300 is the first character whose UTF-8 lead byte is 0xCC or above. */
	for (p = text; p < end && plain; p++)
		plain = (guchar) *p < 0xCC;
	if (plain)
		return g_strndup(text, bytes);

	/* A canonical decomposition is at most 4 characters (G_UNICHAR_MAX_DECOMPOSITION_LENGTH
	 * bounds the compatibility ones); a character takes at least one byte. */
	capacity = bytes * 4 + 1;
	chars = g_new(gunichar, capacity);
	classes = g_new(guint8, capacity);

	/* 1. Decompose. */
	for (p = text; p < end; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c < FIRST_DECOMPOSABLE) {
			chars[count] = c;
			classes[count++] = 0;
			continue;
		}
		{
			gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
			gsize n = g_unichar_fully_decompose(c, FALSE, parts, G_N_ELEMENTS(parts));

			if (count + n > capacity) { /* not reached with Unicode's tables; stay safe */
				capacity = (count + n) * 2;
				chars = g_renew(gunichar, chars, capacity);
				classes = g_renew(guint8, classes, capacity);
			}
			for (gsize i = 0; i < n; i++) {
				chars[count] = parts[i];
				classes[count++] = (guint8) g_unichar_combining_class(parts[i]);
			}
		}
	}

	/* 2. Order each run of non-starters. */
	spare_chars = g_new(gunichar, count + 1);
	spare_classes = g_new(guint8, count + 1);
	for (gsize i = 0; i < count;) {
		gsize run = i;

		while (run < count && classes[run] != 0)
			run++;
		if (run - i > 1)
			sort_run(chars + i, classes + i, run - i, spare_chars, spare_classes);
		i = run == i ? i + 1 : run;
	}
	g_free(spare_chars);
	g_free(spare_classes);

	/* 3. Compose. Between the last starter and the end of the output there are only
	 * non-starters, in order of class, so the last one alone says whether a character is
	 * blocked: it is unless it follows the starter directly or the last class is lower. */
	for (gsize i = 0; i < count; i++) {
		gunichar c = chars[i], composed;
		guint8 cc = classes[i];

		if (starter >= 0) {
			bool adjacent = out == (gsize) starter + 1;
			guint8 last = classes[out - 1];

			if ((adjacent || (last != 0 && last < cc)) &&
			    g_unichar_compose(chars[starter], c, &composed)) {
				chars[starter] = composed;
				continue;
			}
		}
		chars[out] = c;
		classes[out++] = cc;
		if (cc == 0)
			starter = (gssize) out - 1;
	}
	result = g_ucs4_to_utf8(chars, (glong) out, NULL, NULL, NULL);
	g_free(chars);
	g_free(classes);
	return result;
}
