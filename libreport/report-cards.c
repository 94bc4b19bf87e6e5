/* libreport: key-figure cards. Each card shows one figure of the dataset in large type, as
 * the references print it ("71/193", "20,5 tỷ USD", "16,5%"), its label, whether it is an
 * estimate, a forecast or a target, and the change against the previous year with data,
 * coloured by whether it is an improvement. Cards fill rows of equal widths: at most four
 * (three on narrow columns, two on A5-like ones), balanced (five cards are 3 + 2, not 4 + 1;
 * seven in threes 3 + 2 + 2, not 3 + 3 + 1); the cards of a row share its height, their
 * change lines on one baseline at the bottom.
 *
 * Invariants:
 * 1. Values and changes come from lr_reference_format(), so a card says what a {{reference}}
 *    to the same figure says in the prose.
 * 2. Every text box lies inside its card's padded box: a value too wide for its card puts a
 *    long unit on a second line, then takes a smaller size.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "report-private.h"

#define UP_ARROW "\xe2\x86\x91"   /* U+2191, from the DejaVu fallback */
#define DOWN_ARROW "\xe2\x86\x93" /* U+2193 */
#define MAX_PER_ROW 4

typedef enum {
	CHANGE_NONE = 0,  /* no earlier figure: no change line */
	CHANGE_BETTER,
	CHANGE_WORSE,
	CHANGE_NEUTRAL    /* no change, or the indicator has no better direction */
} change_kind_t;

static const char *const change_names[] = { "none", "better", "worse", "neutral" };

typedef struct {
	lr_text_t value, unit, tag, label, change;  /* unit, tag and change may be empty */
	char *value_text, *unit_text, *tag_text, *label_text, *change_text;
	double value_size;
	change_kind_t change_kind;
	lr_color_t change_color;
	int row;
	double x, y, width, height;                 /* the card, from the block's origin */
	double value_y, unit_y, tag_y, label_y, change_y; /* text tops, from the card's */
	double content_height;                      /* without the change line */
} card_t;

struct lr_cards_layout {
	lr_report_style_t style;
	double width, gap, bar, pad_x, pad_y, height;
	int per_row, rows;
	GArray *cards;                              /* card_t */
};

static void
set_source(cairo_t *cr, lr_color_t color)
{
	cairo_set_source_rgb(cr, color.red, color.green, color.blue);
}

static bool
plain_text(lr_report_context_t *context, const lr_report_style_t *style, const char *utf8,
	   double size, bool bold, double width, lr_text_t *text)
{
	lr_text_style_t text_style = {
		.family = style->font_family, .size = size, .bold = bold, .max_width = width,
		.align = PANGO_ALIGN_LEFT,
	};
	lr_status_t status = lr_text_layout(context->pango, utf8, &text_style, text);

	if (status != LR_STATUS_SUCCESS) {
		lr_error_record_set(context->error, status, NULL, 0, 0,
				    "key figures: cannot lay out the text \"%s\"", utf8);
		return false;
	}
	return true;
}

/* How many rows @count cards take at @width: a row holds four, three below ~420 pt, two
 * below ~300 pt. */
static int
cards_rows(double width, int count)
{
	int most = width < 300 ? 2 : width < 420 ? 3 : MAX_PER_ROW;

	return MAX(1, (count + most - 1) / most);
}

/* The first card of @row when @count cards share @rows rows as evenly as they can, the
 * fuller rows first. */
static int
row_start(int count, int rows, int row)
{
	int base = count / rows, extra = count % rows;

	return row * base + MIN(row, extra);
}

static char *
format_reference(lr_report_context_t *context, const lr_block_t *block,
		 const lr_card_spec_t *spec, lr_ref_form_t form, const char **source)
{
	lr_reference_t reference = {
		.indicator = spec->indicator, .entity = spec->entity, .year = spec->year,
		.form = form, .file = block->file, .line = spec->line, .column = spec->column,
	};
	return lr_reference_format(context->report, &reference, context->language, source,
				   context->error);
}

/* The change line: "↑15 bậc so với 2022" for ranks, "↑23% so với 2023" for values (the arrow
 * says the direction, so the figure's sign is dropped and both read alike), its kind from the
 * indicator's better direction. */
static bool
card_change(lr_report_context_t *context, const lr_block_t *block, const lr_card_spec_t *spec,
	    const lr_indicator_t *indicator, const lr_observation_t *o, card_t *card)
{
	const lr_observation_t *previous = lr_report_find_previous(context->report, o);
	double now, before;
	char *change, *since;

	if (!previous)
		return true;
	lr_report_context_cite(context, previous->source);
	now = isnan(o->value) ? (o->low + o->high) / 2 : o->value;
	before = isnan(previous->value) ? (previous->low + previous->high) / 2 : previous->value;
	/* The word is a format of one %d (report-words.c). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	since = g_strdup_printf(lr_report_word(context->language, LR_RWORD_SINCE), previous->year);
#pragma GCC diagnostic pop
	if (indicator->kind == LR_INDICATOR_RANK) {
		int gained = (int) before - (int) now;
		/* "=" alone says little: an unchanged rank is said in words. */
		char *text = lr_format_rank_change(gained, context->language,
						   gained ? LR_RANK_CHANGE_ARROW
							  : LR_RANK_CHANGE_WORDS);
		change = g_strdup(text ? text : "");
		lr_free(text);
	} else if (now == before) {
		/* "0 điểm phần trăm" reads as a figure: say it is unchanged, as ranks do. */
		char *text = lr_format_rank_change(0, context->language, LR_RANK_CHANGE_WORDS);
		change = g_strdup(text ? text : "");
		lr_free(text);
	} else {
		char *text = format_reference(context, block, spec, LR_REF_CHANGE, NULL);
		const char *magnitude = text;

		if (!text) {
			g_free(since);
			return false;
		}
		if (*magnitude == '+' || *magnitude == '-')
			magnitude++;
		else if (g_str_has_prefix(magnitude, "\xe2\x88\x92")) /* U+2212 minus */
			magnitude += 3;
		change = g_strdup_printf("%s%s", now > before ? UP_ARROW : DOWN_ARROW, magnitude);
		g_free(text);
	}
	card->change_text = g_strdup_printf("%s %s", change, since);
	g_free(change);
	g_free(since);
	if (now == before || indicator->better == LR_DIRECTION_NEUTRAL)
		card->change_kind = CHANGE_NEUTRAL;
	else if ((now > before) == (indicator->better == LR_DIRECTION_HIGHER))
		card->change_kind = CHANGE_BETTER;
	else
		card->change_kind = CHANGE_WORSE;
	card->change_color = card->change_kind == CHANGE_BETTER  ? context->style->better
			     : card->change_kind == CHANGE_WORSE ? context->style->worse
								 : context->style->muted;
	return true;
}

static bool
unit_may_split(const lr_indicator_t *indicator, lr_language_t language)
{
	const char *unit = lr_indicator_get_unit(indicator, language);
	return unit[0] && strcmp(unit, "%") != 0 && indicator->kind != LR_INDICATOR_RANK;
}

/* The value at the largest size that fits @inner: whole, else (or when @split) the number
 * with its unit on a smaller second line, else smaller type. */
static bool
card_value(lr_cards_layout_t *cards, lr_report_context_t *context, const lr_block_t *block,
	   const lr_card_spec_t *spec, const lr_indicator_t *indicator, double inner,
	   bool split, card_t *card)
{
	const lr_report_style_t *style = &cards->style;
	const char *unit = lr_indicator_get_unit(indicator, context->language);
	double size = style->card_value_size;

	lr_text_clear(&card->value);
	if (!plain_text(context, style, card->value_text, size, true, 0, &card->value))
		return false;
	if ((split || card->value.width > inner) && !card->unit_text &&
	    unit_may_split(indicator, context->language)) {
		char *number = format_reference(context, block, spec, LR_REF_NUMBER, NULL);
		if (!number)
			return false;
		lr_text_clear(&card->value);
		g_free(card->value_text);
		card->value_text = number;
		card->unit_text = g_strdup(unit);
		if (!plain_text(context, style, card->value_text, size, true, 0, &card->value) ||
		    !plain_text(context, style, unit, style->body_size, true, inner, &card->unit))
			return false;
	}
	while (card->value.width > inner && size > 0.55 * style->card_value_size) {
		size *= 0.9;
		lr_text_clear(&card->value);
		if (!plain_text(context, style, card->value_text, size, true, 0, &card->value))
			return false;
	}
	if (card->value.width > inner) { /* still too wide: wrap at its spaces */
		lr_text_clear(&card->value);
		if (!plain_text(context, style, card->value_text, size, true, inner, &card->value))
			return false;
	}
	card->value_size = size;
	return true;
}

static void card_place(const lr_cards_layout_t *cards, card_t *card);

static bool
card_build(lr_cards_layout_t *cards, lr_report_context_t *context, const lr_block_t *block,
	   const lr_card_spec_t *spec, double inner, card_t *card)
{
	const lr_report_t *report = context->report;
	const lr_report_style_t *style = &cards->style;
	const lr_indicator_t *indicator =
		report->dataset ? lr_dataset_find_indicator(report->dataset, spec->indicator) : NULL;
	const lr_observation_t *o;
	const char *source = NULL;

	if (!indicator) {
		lr_error_record_set(context->error, LR_STATUS_UNKNOWN_INDICATOR, block->file,
				    spec->line, spec->column, "key figure: unknown indicator '%s'",
				    spec->indicator);
		return false;
	}
	o = lr_report_find_observation(report, spec->indicator, spec->entity, spec->year);
	card->value_text = o ? format_reference(context, block, spec, LR_REF_VALUE, &source) : NULL;
	if (!card->value_text) {
		lr_error_record_set(context->error, LR_STATUS_NO_DATA, block->file, spec->line,
				    spec->column, "key figure: no figure of '%s'%s%s", spec->indicator,
				    spec->entity ? " for " : "", spec->entity ? spec->entity : "");
		return false;
	}
	lr_report_context_cite(context, source ? source : o->source);
	if (spec->label)
		card->label_text = g_strdup(spec->label);
	else if (report->default_entity && strcmp(o->entity, report->default_entity) != 0)
		/* The indicator's name alone would pass another entity's figure off as ours. */
		card->label_text = g_strdup_printf(
			"%s — %s", lr_indicator_get_name(indicator, context->language),
			lr_dataset_get_entity_name(report->dataset, o->entity, context->language));
	else
		card->label_text = g_strdup(lr_indicator_get_name(indicator, context->language));
	if (o->status == LR_OBSERVATION_ESTIMATE)
		card->tag_text = g_strdup(lr_report_word(context->language, LR_RWORD_ESTIMATE));
	else if (o->status == LR_OBSERVATION_FORECAST)
		card->tag_text = g_strdup(lr_report_word(context->language, LR_RWORD_FORECAST));
	else if (o->status == LR_OBSERVATION_TARGET)
		card->tag_text = g_strdup(lr_report_word(context->language, LR_RWORD_TARGET));
	if (!card_change(context, block, spec, indicator, o, card) ||
	    !card_value(cards, context, block, spec, indicator, inner, false, card) ||
	    !plain_text(context, style, card->label_text, style->small_size, false, inner,
			&card->label) ||
	    (card->tag_text && !plain_text(context, style, card->tag_text, style->small_size * 0.9,
					   true, 0, &card->tag)) ||
	    (card->change_text && !plain_text(context, style, card->change_text, style->small_size,
					      true, inner, &card->change)))
		return false;
	card_place(cards, card);
	return true;
}

/* Top to bottom: value, its unit, the status tag, the label; the change line goes at the
 * bottom of the row, placed once the row's height is known. */
static void
card_place(const lr_cards_layout_t *cards, card_t *card)
{
	const lr_report_style_t *style = &cards->style;
	double y = cards->pad_y;

	card->value_y = y;
	y += card->value.height;
	if (card->unit.layout) {
		card->unit_y = y;
		y += card->unit.height;
	}
	if (card->tag.layout) {
		y += 0.3 * style->small_size;
		card->tag_y = y + 0.15 * style->small_size; /* inside its pill */
		y += card->tag.height + 0.3 * style->small_size;
	}
	y += 0.35 * style->small_size;
	card->label_y = y;
	y += card->label.height;
	card->content_height = y;
	card->height = y + cards->pad_y;
	if (card->change.layout)
		card->height += 0.5 * style->small_size + card->change.height;
}

static void
card_clear(card_t *card)
{
	lr_text_clear(&card->value);
	lr_text_clear(&card->unit);
	lr_text_clear(&card->tag);
	lr_text_clear(&card->label);
	lr_text_clear(&card->change);
	g_free(card->value_text);
	g_free(card->unit_text);
	g_free(card->tag_text);
	g_free(card->label_text);
	g_free(card->change_text);
}

lr_cards_layout_t *
lr_cards_layout_new(lr_report_context_t *context, const lr_block_t *block, double width)
{
	lr_cards_layout_t *cards;
	int count;
	double card_width, inner, y = 0;

	if (!context || !context->report || !context->style || !block || !block->cards ||
	    !block->cards->len || !(width > 0)) {
		lr_error_record_set(context ? context->error : NULL, LR_STATUS_INVALID_ARGUMENT,
				    block ? block->file : NULL, block ? block->line : 0, 0,
				    "key figures: no card or no width");
		return NULL;
	}
	cards = g_new0(lr_cards_layout_t, 1);
	cards->style = *context->style;
	cards->width = width;
	cards->gap = 0.9 * cards->style.body_size;
	cards->bar = 3;
	cards->pad_x = 0.9 * cards->style.body_size;
	cards->pad_y = 0.8 * cards->style.body_size;
	cards->cards = g_array_new(FALSE, TRUE, sizeof(card_t));
	count = (int) block->cards->len;
	cards->rows = cards_rows(width, count);
	cards->per_row = (count + cards->rows - 1) / cards->rows;
	card_width = (width - (cards->per_row - 1) * cards->gap) / cards->per_row;
	inner = card_width - cards->bar - 2 * cards->pad_x;
	g_array_set_size(cards->cards, (guint) count);

	for (int i = 0; i < count; i++) {
		card_t *card = &g_array_index(cards->cards, card_t, i);
		while (card->row + 1 < cards->rows &&
		       row_start(count, cards->rows, card->row + 1) <= i)
			card->row++;
		card->width = card_width;
		card->x = (i - row_start(count, cards->rows, card->row)) * (card_width + cards->gap);
		if (!card_build(cards, context, block, g_ptr_array_index(block->cards, i), inner,
				card)) {
			lr_cards_layout_free(cards);
			return NULL;
		}
	}
	/* One height per row; change lines share the row's bottom. */
	for (int row = 0; row < cards->rows; row++) {
		int start = row_start(count, cards->rows, row);
		int end = row_start(count, cards->rows, row + 1);
		double height = 0;
		bool split = false;

		/* A unit that had to go on its own line takes the row's other units along, so the
		 * row's values read alike ("450 / nghìn thành viên" beside "95 / nghìn tổ"). */
		for (int i = start; i < end; i++)
			split |= g_array_index(cards->cards, card_t, i).unit_text != NULL;
		for (int i = start; split && i < end; i++) {
			card_t *card = &g_array_index(cards->cards, card_t, i);
			const lr_card_spec_t *spec = g_ptr_array_index(block->cards, i);
			const lr_indicator_t *indicator =
				lr_dataset_find_indicator(context->report->dataset, spec->indicator);

			if (card->unit_text || !unit_may_split(indicator, context->language))
				continue;
			if (!card_value(cards, context, block, spec, indicator, inner, true, card)) {
				lr_cards_layout_free(cards);
				return NULL;
			}
			card_place(cards, card);
		}
		for (int i = start; i < end; i++)
			height = MAX(height, g_array_index(cards->cards, card_t, i).height);
		for (int i = start; i < end; i++) {
			card_t *card = &g_array_index(cards->cards, card_t, i);
			card->y = y;
			card->height = height;
			card->change_y = height - cards->pad_y - card->change.height;
		}
		y += height + (row + 1 < cards->rows ? cards->gap : 0);
	}
	cards->height = y;
	return cards;
}

double
lr_cards_layout_height(const lr_cards_layout_t *cards)
{
	return cards ? cards->height : 0;
}

static void
draw_text(cairo_t *cr, const lr_text_t *text, lr_color_t color, double x, double y)
{
	if (!text->layout)
		return;
	cairo_tag_begin(cr, "P", NULL);
	set_source(cr, color);
	lr_text_draw(cr, text, x, y);
	cairo_tag_end(cr, "P");
}

static void
rounded_rectangle(cairo_t *cr, double x, double y, double width, double height, double radius)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
	cairo_arc(cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
	cairo_arc(cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
	cairo_arc(cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
	cairo_close_path(cr);
}

void
lr_cards_layout_draw(const lr_cards_layout_t *cards, cairo_t *cr, double x, double y)
{
	const lr_report_style_t *style;

	if (!cards || !cr)
		return;
	style = &cards->style;
	cairo_save(cr);
	cairo_new_path(cr);
	for (guint i = 0; i < cards->cards->len; i++) {
		const card_t *card = &g_array_index(cards->cards, card_t, i);
		double cx = x + card->x, cy = y + card->y, tx = cx + cards->bar + cards->pad_x;

		set_source(cr, style->panel);
		cairo_rectangle(cr, cx, cy, card->width, card->height);
		cairo_fill(cr);
		set_source(cr, style->accent);
		cairo_rectangle(cr, cx, cy, cards->bar, card->height);
		cairo_fill(cr);

		draw_text(cr, &card->value, style->text, tx, cy + card->value_y);
		draw_text(cr, &card->unit, style->text, tx, cy + card->unit_y);
		if (card->tag.layout) {
			double pad = 0.35 * style->small_size;
			rounded_rectangle(cr, tx, cy + card->tag_y - 0.15 * style->small_size,
					  card->tag.width + 2 * pad,
					  card->tag.height + 0.3 * style->small_size,
					  0.5 * (card->tag.height + 0.3 * style->small_size));
			set_source(cr, style->muted);
			cairo_set_line_width(cr, 0.6);
			cairo_stroke(cr);
			draw_text(cr, &card->tag, style->muted, tx + pad, cy + card->tag_y);
		}
		draw_text(cr, &card->label, style->muted, tx, cy + card->label_y);
		draw_text(cr, &card->change, card->change_color, tx, cy + card->change_y);
	}
	cairo_restore(cr);
}

static void
describe_text(GString *out, const char *name, const lr_text_t *text, const char *plain,
	      double x, double y)
{
	if (!text->layout)
		return;
	g_string_append_printf(out, " | %s %.1f,%.1f %.1fx%.1f \"%s\"", name, x, y, text->width,
			       text->height, plain);
}

char *
lr_cards_layout_describe(const lr_cards_layout_t *cards)
{
	GString *out;

	if (!cards)
		return NULL;
	out = g_string_new(NULL);
	for (guint i = 0; i < cards->cards->len; i++) {
		const card_t *card = &g_array_index(cards->cards, card_t, i);
		double tx = card->x + cards->bar + cards->pad_x;

		g_string_append_printf(out, "card %u row %d %.1f,%.1f %.1fx%.1f inner %.1f+%.1f", i,
				       card->row, card->x, card->y, card->width, card->height, tx,
				       card->width - cards->bar - 2 * cards->pad_x);
		describe_text(out, "value", &card->value, card->value_text, tx,
			      card->y + card->value_y);
		describe_text(out, "unit", &card->unit, card->unit_text, tx, card->y + card->unit_y);
		describe_text(out, "tag", &card->tag, card->tag_text, tx + 0.35 * cards->style.small_size,
			      card->y + card->tag_y);
		describe_text(out, "label", &card->label, card->label_text, tx,
			      card->y + card->label_y);
		describe_text(out, "change", &card->change, card->change_text, tx,
			      card->y + card->change_y);
		g_string_append_printf(out, " | %s", change_names[card->change_kind]);
		if (card->change_kind != CHANGE_NONE)
			g_string_append_printf(out, " #%02x%02x%02x",
					       (int) lround(card->change_color.red * 255),
					       (int) lround(card->change_color.green * 255),
					       (int) lround(card->change_color.blue * 255));
		g_string_append_c(out, '\n');
	}
	return g_string_free(out, FALSE);
}

void
lr_cards_layout_free(lr_cards_layout_t *cards)
{
	if (!cards)
		return;
	for (guint i = 0; i < cards->cards->len; i++)
		card_clear(&g_array_index(cards->cards, card_t, i));
	g_array_unref(cards->cards);
	g_free(cards);
}
