/* libreport (private): matching the names a user types (an entity for --entity or
 * --highlight, an indicator id) against the names a dataset knows, forgivingly: without
 * diacritics, case or spacing, in either language, and suggesting the closest names when
 * nothing matches ("did you mean 'Hà Nội'?").
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_CHART_MATCH_PRIVATE_H
#define LR_CHART_MATCH_PRIVATE_H

#include <stddef.h>
#include <glib.h>

/* @utf8 folded for loose comparison: NFD with the combining marks removed, đ and Đ as d,
 * case-folded, runs of spaces and punctuation as one space, trimmed. "TP. Hồ Chí Minh" and
 * "tp ho chi minh" fold alike. Returns a new string (free with g_free). */
char *lr_match_fold(const char *utf8);

/* The same fold by way of GLib's normalisation of the whole string: what lr_match_fold()
 * does for text outside the Latin blocks its table covers, and what the tests check that
 * table against. */
char *lr_match_fold_unicode(const char *utf8);

/* The optimal-string-alignment (Damerau–Levenshtein) distance between @a and @b in
 * characters; any distance above @limit is returned as @limit + 1 (the search stops early). */
size_t lr_match_distance(const char *a, const char *b, size_t limit);

/* Things a user may name: each has a key (what a match resolves to, e.g. an entity as the
 * dataset spells it) and one or more names (the key itself, its English name …). */
typedef struct lr_matcher lr_matcher_t;

lr_matcher_t *lr_matcher_new(void);
void lr_matcher_free(lr_matcher_t *matcher);
/* Adds @name (copied, may be NULL: ignored) as a name of @key (copied). */
void lr_matcher_add(lr_matcher_t *matcher, const char *key, const char *name);
/* The key @query names: a key spelled exactly, else the first key with a name that folds to
 * the same string. NULL when none; the string belongs to @matcher. Not const: the names are
 * folded on the first inexact lookup. */
const char *lr_matcher_find(lr_matcher_t *matcher, const char *query);
/* "; did you mean 'Hà Nội'?" (up to three keys, closest first, the name matched in brackets
 * when it is not the key), or "" when no key is close. Returns a new string. */
char *lr_matcher_suggest(lr_matcher_t *matcher, const char *query);

#endif
