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

char *
lr_match_fold(const char *utf8)
{
	char *decomposed = g_utf8_normalize(utf8 ? utf8 : "", -1, G_NORMALIZE_NFD);
	GString *bare = g_string_new(NULL);
	char *folded, *p;
	GString *out;
	bool space = false;

	for (p = decomposed; p && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		GUnicodeType type = g_unichar_type(c);
		if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
		    type == G_UNICODE_ENCLOSING_MARK)
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

size_t
lr_match_distance(const char *a, const char *b, size_t limit)
{
	glong n, m;
	gunichar *x = g_utf8_to_ucs4_fast(a, -1, &n), *y = g_utf8_to_ucs4_fast(b, -1, &m);
	size_t *previous2 = g_new0(size_t, m + 1), *previous = g_new0(size_t, m + 1);
	size_t *current = g_new0(size_t, m + 1), result;

	if ((size_t) ABS(n - m) > limit) {
		result = limit + 1;
		goto out;
	}
	for (glong j = 0; j <= m; j++)
		previous[j] = (size_t) j;
	for (glong i = 1; i <= n; i++) {
		size_t row_best;
		current[0] = (size_t) i;
		row_best = current[0];
		for (glong j = 1; j <= m; j++) {
			size_t cost = x[i - 1] != y[j - 1];
			size_t best = MIN(previous[j] + 1, current[j - 1] + 1);
			best = MIN(best, previous[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
				best = MIN(best, previous2[j - 2] + 1);
			current[j] = best;
			row_best = MIN(row_best, best);
		}
		if (row_best > limit) {
			result = limit + 1;
			goto out;
		}
		{
			size_t *spare = previous2;
			previous2 = previous;
			previous = current;
			current = spare;
		}
	}
	result = MIN(previous[m], limit + 1);
out:
	g_free(x);
	g_free(y);
	g_free(previous2);
	g_free(previous);
	g_free(current);
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
	fold_names(matcher);
	for (guint i = 0; i < matcher->names->len && !found; i++) {
		const name_t *name = &g_array_index(matcher->names, name_t, i);
		if (folded[0] && strcmp(name->folded, folded) == 0)
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
