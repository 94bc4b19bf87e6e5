/* libreport: forgiving name matching (see chart-match-private.h).
 *
 * Folding decomposes (NFD) and drops the combining marks, so "Việt Nam", "Viet Nam" and
 * "VIET NAM" compare equal; đ is a letter of its own in Unicode, not d plus a mark, so it is
 * mapped by hand. Distances are counted in characters of the folded strings, so a missing
 * tone mark costs nothing and a transposed pair of letters costs one.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <stdbool.h>
#include <string.h>

#include "chart-match-private.h"

#define MAX_SUGGESTIONS 3

/* ASCII folds without Unicode tables: no marks to drop, case folding is tolower() and
 * letters and digits are [A-Za-z0-9]; one allocation instead of about six. Ids and English
 * names are ASCII, and a failed lookup folds every name of the dataset (chart-select.c). */
static char *
fold_ascii(const char *text, size_t length)
{
	char *out = g_malloc(length + 1), *o = out;
	bool space = false;

	for (size_t i = 0; i < length; i++) {
		char c = text[i];
		if (!g_ascii_isalnum(c)) {
			space = o > out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		*o++ = g_ascii_tolower(c);
	}
	*o = '\0';
	return out;
}

static bool
is_ascii(const char *text, size_t *length)
{
	const char *p = text;

	for (; *p; p++)
		if ((unsigned char) *p >= 0x80)
			return false;
	*length = (size_t) (p - text);
	return true;
}

static bool
is_mark(gunichar c)
{
	GUnicodeType type = g_unichar_type(c);
	return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
	       type == G_UNICODE_ENCLOSING_MARK;
}

/* The whole-string fold: decompose, drop marks, case-fold, letters and digits kept with one
 * space between runs. Any text; fold_latin() below gives the same for Latin text, faster. */
static char *
fold_unicode(const char *utf8)
{
	char *decomposed, *folded, *p;
	GString *bare, *out;
	bool space = false;

	decomposed = g_utf8_normalize(utf8, -1, G_NORMALIZE_NFD);
	bare = g_string_new(NULL);

	for (p = decomposed; p && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (is_mark(c))
			continue;
		if (c == 0x0111 || c == 0x0110) /* đ, Đ */
			c = 'd';
		g_string_append_unichar(bare, c);
	}
	folded = g_utf8_casefold(bare->str, -1);
	out = g_string_new(NULL);
	for (p = folded; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isalnum(c)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = false;
		g_string_append_unichar(out, c);
	}
	g_free(decomposed);
	g_string_free(bare, TRUE);
	g_free(folded);
	return g_string_free(out, FALSE);
}

/* What one code point of the Latin blocks folds to, computed once from the Unicode tables as
 * fold_unicode() does: an ASCII letter or digit, or one of these. Vietnamese names are in
 * U+00C0-U+01B0 and U+1EA0-U+1EF9, precomposed or as a letter and combining marks, with
 * the dashes and quotes of pasted text (U+2013, U+201C) between words. */
enum {
	FOLD_OTHER = 0,     /* folds to something else (ø, ß → ss): the whole string goes slow */
	FOLD_DROPPED = 1,   /* a combining mark: nothing */
	FOLD_SEPARATOR = 2, /* not a letter or digit: a space between words */
};
#define LATIN_END 0x0370          /* U+0080 .. U+036F: Latin-1 to the combining marks */
#define EXTENDED_START 0x1E00     /* U+1E00 .. U+1EFF: Latin Extended Additional */
#define EXTENDED_END 0x1F00
#define PUNCTUATION_START 0x2000  /* U+2000 .. U+206F: dashes, quotes, spaces of other widths */
#define PUNCTUATION_END 0x2070

static unsigned char fold_latin_low[LATIN_END];
static unsigned char fold_latin_extended[EXTENDED_END - EXTENDED_START];
static unsigned char fold_punctuation[PUNCTUATION_END - PUNCTUATION_START];

static unsigned char
fold_code_point(gunichar c)
{
	gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH], base = 0;
	gsize count = g_unichar_fully_decompose(c, FALSE, parts, G_N_ELEMENTS(parts));
	char utf8[8], *folded;
	unsigned char result = FOLD_OTHER;
	int bases = 0;

	for (gsize i = 0; i < count; i++)
		if (!is_mark(parts[i])) {
			base = parts[i];
			bases++;
		}
	if (bases == 0)
		return FOLD_DROPPED;
	if (bases > 1)
		return FOLD_OTHER;
	if (base == 0x0111 || base == 0x0110) /* đ, Đ */
		base = 'd';
	utf8[g_unichar_to_utf8(base, utf8)] = '\0';
	folded = g_utf8_casefold(utf8, -1);
	if (g_utf8_strlen(folded, -1) == 1) {
		gunichar f = g_utf8_get_char(folded);
		if (!g_unichar_isalnum(f))
			result = FOLD_SEPARATOR;
		else if (f < 0x80)
			result = (unsigned char) f;
	}
	g_free(folded);
	return result;
}

static void
build_latin_tables(void)
{
	static gsize built;

	if (!g_once_init_enter(&built))
		return;
	for (gunichar c = 0x80; c < LATIN_END; c++)
		fold_latin_low[c] = fold_code_point(c);
	for (gunichar c = EXTENDED_START; c < EXTENDED_END; c++)
		fold_latin_extended[c - EXTENDED_START] = fold_code_point(c);
	for (gunichar c = PUNCTUATION_START; c < PUNCTUATION_END; c++)
		fold_punctuation[c - PUNCTUATION_START] = fold_code_point(c);
	g_once_init_leave(&built, 1);
}

static unsigned char
latin_fold(gunichar c)
{
	if (c < 0x80)
		return g_ascii_isalnum(c) ? (unsigned char) g_ascii_tolower((char) c) : FOLD_SEPARATOR;
	if (c < LATIN_END)
		return fold_latin_low[c];
	if (c >= EXTENDED_START && c < EXTENDED_END)
		return fold_latin_extended[c - EXTENDED_START];
	if (c >= PUNCTUATION_START && c < PUNCTUATION_END)
		return fold_punctuation[c - PUNCTUATION_START];
	return FOLD_OTHER;
}

/* fold_unicode() of Latin text from a table: one allocation, no normalisation. NULL when the
 * text holds anything else (or is not UTF-8), for fold_unicode() to do. */
static char *
fold_latin(const char *utf8)
{
	size_t size = strlen(utf8);
	char *out = g_malloc(size + 1), *o = out;
	bool space = false;

	build_latin_tables();
	for (const char *p = utf8; *p;) {
		gunichar c = g_utf8_get_char_validated(p, -1);
		unsigned char folded;

		if (c == (gunichar) -1 || c == (gunichar) -2 || (folded = latin_fold(c)) == FOLD_OTHER) {
			g_free(out);
			return NULL;
		}
		p = g_utf8_next_char(p);
		if (folded == FOLD_DROPPED)
			continue;
		if (folded == FOLD_SEPARATOR) {
			space = o > out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		*o++ = (char) folded;
	}
	*o = '\0';
	return out;
}

char *
lr_match_fold(const char *utf8)
{
	size_t length;
	char *folded;

	if (!utf8)
		utf8 = "";
	if (is_ascii(utf8, &length))
		return fold_ascii(utf8, length);
	folded = fold_latin(utf8);
	return folded ? folded : fold_unicode(utf8);
}

char *
lr_match_fold_unicode(const char *utf8)
{
	return fold_unicode(utf8 ? utf8 : "");
}

/* Characters that one string has more of than the other, counted in 64 buckets of code
 * points: an edit changes at most one character on each side and a transposition none, so
 * max(surplus of @x, surplus of @y) never exceeds the distance. Rejects most names in O(n + m)
 * instead of the O(n * m) table (a failed lookup compares the query with every name). */
static size_t
histogram_bound(const gunichar *x, size_t n, const gunichar *y, size_t m)
{
	int counts[64] = { 0 };
	size_t more_x = 0, more_y = 0;

	for (size_t i = 0; i < n; i++)
		counts[x[i] % 64]++;
	for (size_t j = 0; j < m; j++)
		counts[y[j] % 64]--;
	for (int k = 0; k < 64; k++) {
		if (counts[k] > 0)
			more_x += (size_t) counts[k];
		else
			more_y += (size_t) -counts[k];
	}
	return MAX(more_x, more_y);
}

#define SMALL_LENGTH 64 /* characters of a string whose table fits on the stack */

static size_t
decode(const char *utf8, gunichar *out)
{
	size_t n = 0;

	for (const char *p = utf8; *p; p = g_utf8_next_char(p))
		out[n++] = g_utf8_get_char(p);
	return n;
}

size_t
lr_match_distance(const char *a, const char *b, size_t limit)
{
	size_t n = (size_t) g_utf8_strlen(a, -1), m = (size_t) g_utf8_strlen(b, -1);
	gunichar small_text[2 * SMALL_LENGTH], *x, *y;
	size_t small_rows[3 * (SMALL_LENGTH + 1)], *rows, *previous2, *previous, *current;
	size_t result = limit + 1;
	void *heap = NULL;

	/* Each insertion or deletion changes the length by one. */
	if ((n > m ? n - m : m - n) > limit)
		return limit + 1;
	if (n <= SMALL_LENGTH && m <= SMALL_LENGTH) {
		x = small_text;
		rows = small_rows;
	} else {
		heap = g_malloc((n + m) * sizeof(gunichar) + 3 * (m + 1) * sizeof(size_t));
		rows = heap;
		x = (gunichar *) (rows + 3 * (m + 1));
	}
	y = x + n;
	decode(a, x);
	decode(b, y);
	if (histogram_bound(x, n, y, m) > limit)
		goto out;
	previous2 = rows;
	previous = rows + (m + 1);
	current = rows + 2 * (m + 1);
	for (size_t j = 0; j <= m; j++)
		previous2[j] = previous[j] = (size_t) j;
	for (size_t i = 1; i <= n; i++) {
		size_t row_best;
		current[0] = i;
		row_best = current[0];
		for (size_t j = 1; j <= m; j++) {
			size_t cost = x[i - 1] != y[j - 1];
			size_t best = MIN(previous[j] + 1, current[j - 1] + 1);
			best = MIN(best, previous[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
				best = MIN(best, previous2[j - 2] + 1);
			current[j] = best;
			row_best = MIN(row_best, best);
		}
		if (row_best > limit)
			goto out;
		{
			size_t *spare = previous2;
			previous2 = previous;
			previous = current;
			current = spare;
		}
	}
	result = MIN(previous[m], limit + 1);
out:
	g_free(heap);
	return result;
}

typedef struct {
	char *key;
	char *name;   /* as given, for suggestions */
	char *folded;
} name_t;

struct lr_matcher {
	GArray *names;        /* name_t, in the order added */
	GHashTable *keys;     /* key → itself, for exact matches */
	guint folded;         /* names[0 .. folded) have their folded form */
};

/* Folding is the costly part (a chart of 50,000 entities spelled exactly needs none), so
 * names are folded on the first lookup that is not exact. */
static void
fold_names(lr_matcher_t *matcher)
{
	for (; matcher->folded < matcher->names->len; matcher->folded++) {
		name_t *name = &g_array_index(matcher->names, name_t, matcher->folded);
		name->folded = lr_match_fold(name->name);
	}
}

static void
name_clear(gpointer data)
{
	name_t *name = data;
	g_free(name->key);
	g_free(name->name);
	g_free(name->folded);
}

lr_matcher_t *
lr_matcher_new(void)
{
	lr_matcher_t *matcher = g_new0(lr_matcher_t, 1);
	matcher->names = g_array_new(FALSE, FALSE, sizeof(name_t));
	g_array_set_clear_func(matcher->names, name_clear);
	matcher->keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return matcher;
}

void
lr_matcher_free(lr_matcher_t *matcher)
{
	if (!matcher)
		return;
	g_array_unref(matcher->names);
	g_hash_table_unref(matcher->keys);
	g_free(matcher);
}

void
lr_matcher_add(lr_matcher_t *matcher, const char *key, const char *name)
{
	name_t entry;

	if (!name || !name[0])
		return;
	if (!g_hash_table_contains(matcher->keys, key))
		g_hash_table_add(matcher->keys, g_strdup(key));
	entry.key = g_strdup(key);
	entry.name = g_strdup(name);
	entry.folded = NULL;
	g_array_append_val(matcher->names, entry);
}

const char *
lr_matcher_find(lr_matcher_t *matcher, const char *query)
{
	const char *found = NULL;
	char *folded;

	if (!query)
		return NULL;
	if (g_hash_table_lookup_extended(matcher->keys, query, (gpointer *) &found, NULL))
		return found;
	folded = lr_match_fold(query);
	/* A query of no letters or digits matches no name: the names need no folding. */
	if (folded[0])
		fold_names(matcher);
	for (guint i = 0; folded[0] && i < matcher->names->len && !found; i++) {
		const name_t *name = &g_array_index(matcher->names, name_t, i);
		if (strcmp(name->folded, folded) == 0)
			found = name->key;
	}
	g_free(folded);
	return found;
}

typedef struct {
	const name_t *name;
	size_t distance;
} candidate_t;

/* How far @name is from the folded @query; a name one of whose words is the query (e.g. "hue"
 * for "thua thien hue") counts as one edit. */
static size_t
name_distance(const name_t *name, const char *query, size_t limit)
{
	size_t distance = lr_match_distance(query, name->folded, limit);
	size_t length = strlen(query);

	if (distance > 1 && length >= 3) {
		const char *at = strstr(name->folded, query);
		for (; at; at = strstr(at + 1, query))
			if ((at == name->folded || at[-1] == ' ') && (at[length] == '\0' || at[length] == ' '))
				return 1;
	}
	return distance;
}

char *
lr_matcher_suggest(lr_matcher_t *matcher, const char *query)
{
	char *folded = lr_match_fold(query);
	/* At most a third of the query's letters wrong: "Ha Noi" finds "Hà Nội", "Hue" does
	 * not find "Huế" by chance but by folding, "xyz" finds nothing. */
	size_t limit = MAX(1, g_utf8_strlen(folded, -1) / 3);
	candidate_t best[MAX_SUGGESTIONS];
	int count = 0;
	GString *out;

	if (folded[0])
		fold_names(matcher);
	for (guint i = 0; folded[0] && i < matcher->names->len; i++) {
		const name_t *name = &g_array_index(matcher->names, name_t, i);
		size_t distance = name_distance(name, folded, limit);
		int at, duplicate = -1;
		if (distance > limit)
			continue;
		for (int k = 0; k < count; k++)
			if (strcmp(best[k].name->key, name->key) == 0)
				duplicate = k;
		if (duplicate >= 0) {
			if (best[duplicate].distance <= distance)
				continue;
			/* A closer name of a key already listed: take its place. */
			memmove(&best[duplicate], &best[duplicate + 1],
				(size_t) (count - duplicate - 1) * sizeof best[0]);
			count--;
		}
		for (at = count; at > 0 && best[at - 1].distance > distance; at--)
			;
		if (at >= MAX_SUGGESTIONS)
			continue;
		memmove(&best[at + 1], &best[at],
			(size_t) (MIN(count, MAX_SUGGESTIONS - 1) - at) * sizeof best[0]);
		best[at] = (candidate_t) { name, distance };
		count = MIN(count + 1, MAX_SUGGESTIONS);
	}
	g_free(folded);
	if (count == 0)
		return g_strdup("");
	out = g_string_new("; did you mean ");
	for (int k = 0; k < count; k++) {
		const name_t *name = best[k].name;
		g_string_append_printf(out, "%s'%s'", k == 0 ? "" : k + 1 == count ? " or " : ", ",
				       name->key);
		if (strcmp(name->key, name->name) != 0)
			g_string_append_printf(out, " (%s)", name->name);
	}
	g_string_append_c(out, '?');
	return g_string_free(out, FALSE);
}
