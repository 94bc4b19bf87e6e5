/* libreport: where lines may break. Vietnamese words are syllables separated by spaces, and
 * the house rule is that lines break at spaces only, never with a hyphen. Pango follows
 * UAX #14, which also breaks after a hyphen or a slash inside a word ("NĐ-|CP", "e-|invoice",
 * "71/|193"); text copied out of a PDF then loses the hyphen, and a figure splits in two.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "text-breaks-private.h"

static bool
is_space(gunichar c)
{
	return g_unichar_isspace(c) || c == 0x2028;
}

/* A character that ends a word part: letters, digits and marks never offer a break. */
static bool
offers_break(gunichar c)
{
	return !g_unichar_isalnum(c) && !g_unichar_ismark(c);
}

void
lr_text_forbid_inner_breaks(PangoLayout *layout)
{
	const char *text = pango_layout_get_text(layout);
	PangoAttrList *current = pango_layout_get_attributes(layout);
	PangoAttrList *attributes = NULL;
	const char *p = text;

	while (*p) {
		const char *start, *last = NULL;
		bool inner = false;

		while (*p && is_space(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		start = p;
		while (*p && !is_space(g_utf8_get_char(p))) {
			/* Punctuation with more of the word after it: "NĐ-CP", "4.0", "71/193". */
			if (last && offers_break(g_utf8_get_char(last)))
				inner = true;
			last = p;
			p = g_utf8_next_char(p);
		}
		if (!inner)
			continue;
		if (!attributes)
			attributes = current ? pango_attr_list_copy(current) : pango_attr_list_new();
		{
			PangoAttribute *whole = pango_attr_allow_breaks_new(FALSE);
			whole->start_index = (guint) (start - text);
			whole->end_index = (guint) (p - text);
			pango_attr_list_insert(attributes, whole);
		}
	}
	if (attributes) {
		int width = pango_layout_get_width(layout);
		PangoAttrList *original = current ? pango_attr_list_ref(current) : NULL;
		PangoRectangle logical;

		/* A copy: Pango ignores a list it already holds, even when changed in place. */
		pango_layout_set_attributes(layout, attributes);
		pango_attr_list_unref(attributes);
		/* A word wider than the line (a URL in a narrow cell) may break after all: text
		 * that fits beats the rule. */
		pango_layout_get_extents(layout, NULL, &logical);
		if (width > 0 && logical.width > width)
			pango_layout_set_attributes(layout, original);
		if (original)
			pango_attr_list_unref(original);
	}
}
