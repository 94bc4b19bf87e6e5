/* libreport: ranking chart layout. Rank over years with rank 1 at the top: one line per
 * indicator (one entity in several indices) or per entity (a bump chart), points labelled
 * "x/N", the change from first to last point written at the line's end in words a reader
 * cannot misread ("↑15 bậc" is an improvement: a lower rank number), gaps in the data shown
 * as dashed connectors, and direct labels that move apart with leader lines or give way to a
 * legend when there is no room.
 *
 * Invariants:
 * 1. No two series a reader must tell apart share a colour: up to the palette's size every
 *    series has its own; beyond it the highlighted series is the only coloured (and directly
 *    labelled) one and the rest are grey context; with no highlight the chart is refused
 *    with a message saying how to narrow it.
 * 2. Sizes come from the chart's space, not from the number of series: a marker is at most
 *    0.45 of the distance between neighbouring ranks and years; a rank is written inside its
 *    marker only when it fits there at LR_CHART_TEXT_SIZE_MIN or more, else beside its point.
 * 3. The time axis marks the years that have data, placed by time (2018, 2022, 2023 are not
 *    evenly spaced); a year without data gets no label.
 * 4. The rank axis spans the data (padded to round ticks), not 1..N: eight countries between
 *    rank 40 and 120 of 193 would otherwise crowd into a third of the plot. The subtitle says
 *    what rank 1 means and out of how many; an axis that reaches the top marks rank 1 as a
 *    tick, one that does not says over its labels which way rank 1 is ("↑ hạng 1").
 * 5. A canvas too small is refused with the smallest size that holds the chart, grown only
 *    on the side that fell short.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "chart-frame-private.h"
#include "chart-words-private.h"
#include "ticks-private.h"

typedef struct {
	const lr_chart_t *chart;
	lr_scene_t *scene;
	lr_error_record_t *error;
	lr_table_t table;
	bool bump;                  /* many series: rank inside larger markers */
	bool numbers_in_markers;    /* bump: the ranks fit inside the markers legibly */
	double number_size;         /* their size factor (of the body size) */
	bool *emphasised;           /* per series: coloured and labelled directly */
	int emphasised_count;
	double year_gap;            /* smallest distance between two data years, in years */
	bool constant_total;        /* every point has the same N */
	int total;                  /* that N */
	double rank_min, rank_max;  /* data extent */
	double domain_top, domain_bottom; /* rank at the plot's top and bottom edge */
	lr_ticks_t ticks;
	double x_first, x_last;     /* pixel x of the first and last year */
	double y_top, y_bottom;     /* pixel y of domain_top and domain_bottom */
	int year_first, year_last;
	/* Why the canvas was too small: too narrow for the years, too low for the ranks. */
	bool short_width, short_height;
} rank_layout_t;

typedef struct {
	int series;
	int last_category;          /* category of the series' last point */
	double desired_y;           /* centre the label wants: its last point's y */
	double y;                   /* where it ends up (top of the block) */
	double height;
	double anchor;              /* from the block's top to the name's first line centre */
	lr_text_t name, change;
} end_label_t;

static bool
is_highlighted(const rank_layout_t *rank, int s)
{
	return rank->table.highlight && rank->table.series_dimension == LR_DIMENSION_ENTITY &&
	       strcmp(rank->table.series_keys[s], rank->table.highlight) == 0;
}

/* Whether any series is grey context (a highlight among several series). */
static bool
has_context(const rank_layout_t *rank)
{
	return rank->emphasised_count < rank->table.series_count;
}

/* The @k-th series to draw: the highlighted one last, so it sits on top. */
static int
drawing_order(const rank_layout_t *rank, int k)
{
	int S = rank->table.series_count, highlighted = -1;

	for (int s = 0; s < S; s++)
		if (is_highlighted(rank, s))
			highlighted = s;
	if (highlighted < 0)
		return k;
	if (k == S - 1)
		return highlighted;
	return k < highlighted ? k : k + 1;
}

static double
year_to_x(const rank_layout_t *rank, int year)
{
	if (rank->year_last == rank->year_first)
		return rank->x_first;
	return rank->x_first + (double) (year - rank->year_first) / (rank->year_last - rank->year_first) *
				       (rank->x_last - rank->x_first);
}

static double
rank_to_y(const rank_layout_t *rank, double value)
{
	return rank->y_top + (value - rank->domain_top) / (rank->domain_bottom - rank->domain_top) *
				     (rank->y_bottom - rank->y_top);
}

static lr_color_t
series_color(const rank_layout_t *rank, int s)
{
	const lr_theme_t *theme = rank->chart->theme;
	if (rank->table.highlight && rank->table.series_dimension == LR_DIMENSION_ENTITY)
		return is_highlighted(rank, s) ? theme->colors[LR_THEME_COLOR_HIGHLIGHT]
					       : theme->colors[LR_THEME_COLOR_CONTEXT];
	/* choose_emphasis() refused more series than colours (invariant 1). */
	return lr_theme_series_color(theme, (unsigned) s);
}

/* Which series are coloured and labelled (invariant 1). Fails when there are more series
 * than colours and nothing to set apart. */
static lr_status_t
choose_emphasis(rank_layout_t *rank)
{
	const lr_table_t *table = &rank->table;
	int S = table->series_count;
	bool highlight = table->highlight && table->series_dimension == LR_DIMENSION_ENTITY;

	rank->emphasised = g_new0(bool, S);
	rank->emphasised_count = 0;
	for (int s = 0; s < S; s++) {
		/* Up to the palette, a highlight greys the rest but every series keeps its label. */
		rank->emphasised[s] = !highlight || is_highlighted(rank, s) || S <= LR_THEME_SERIES_COLORS;
		rank->emphasised_count += rank->emphasised[s];
	}
	if (!highlight && S > LR_THEME_SERIES_COLORS) {
		const char *example = table->series_keys[0];
		if (table->series_dimension == LR_DIMENSION_ENTITY)
			return lr_error_record_set(
				rank->error, LR_STATUS_UNSUPPORTED, NULL, 0, 0,
				"%d series are more than the %d colours a reader can tell apart: keep at "
				"most %d (--entity NAME, repeated) or set one apart with --highlight '%s'",
				S, LR_THEME_SERIES_COLORS, LR_THEME_SERIES_COLORS, example);
		return lr_error_record_set(rank->error, LR_STATUS_UNSUPPORTED, NULL, 0, 0,
					   "%d indicators are more than the %d colours a reader can tell "
					   "apart: draw at most %d (--indicator ID, repeated)",
					   S, LR_THEME_SERIES_COLORS, LR_THEME_SERIES_COLORS);
	}
	return LR_STATUS_SUCCESS;
}

static void
compute_extent(rank_layout_t *rank)
{
	const lr_table_t *table = &rank->table;
	bool first = true;

	rank->rank_min = INFINITY;
	rank->rank_max = -INFINITY;
	rank->constant_total = true;
	rank->total = 0;
	for (int i = 0; i < table->series_count * table->category_count; i++) {
		const lr_observation_t *o = table->cells[i];
		double v;
		if (!o)
			continue;
		v = lr_observation_central(o);
		rank->rank_min = MIN(rank->rank_min, v);
		rank->rank_max = MAX(rank->rank_max, v);
		if (first)
			rank->total = o->total;
		else if (o->total != rank->total)
			rank->constant_total = false;
		first = false;
	}
	if (rank->total == 0)
		rank->constant_total = false;
}

static void
choose_rank_scale(rank_layout_t *rank, double axis_length)
{
	double font = rank->scene->font_size;
	int target = (int) CLAMP(axis_length / (font * 4.5), 3, 6);
	double spread = rank->rank_max - rank->rank_min;
	double pad = MAX(1, ceil(spread * 0.08));
	double low = MAX(1, rank->rank_min - pad), high = rank->rank_max + pad;

	if (rank->constant_total)
		high = MAX(rank->rank_max, MIN(high, rank->total));

	if (!lr_ticks_extended(low, high, target, true, &rank->ticks)) {
		rank->ticks.count = 2;
		rank->ticks.values[0] = low;
		rank->ticks.values[1] = high;
	}
	/* The range shows the movement, not 1..N (invariant 4): from just above the best rank to
	 * just below the worst, widened to the ticks. Rank 0 does not exist, nor does a rank
	 * below the N every point is out of. */
	rank->domain_top = MAX(0.5, MIN(low, rank->ticks.values[0]));
	rank->domain_bottom = MAX(high, rank->ticks.values[rank->ticks.count - 1]);
	if (rank->constant_total)
		rank->domain_bottom = MIN(rank->domain_bottom, MAX(high, rank->total) + 0.5);
	/* When the axis reaches the top, rank 1 is a tick of its own (50, 100 … or 2, 4, 6
	 * leave the best rank unmarked). Every other rank: the odd ones (1, 3, 5); else 1
	 * beside the ticks when their labels stay apart, else in place of the first. */
	if (rank->domain_top < 1.5 && rank->ticks.count >= 2) {
		double step = rank->ticks.values[1] - rank->ticks.values[0];
		double pixels_per_rank = axis_length / (rank->domain_bottom - rank->domain_top);
		double label = font * rank->chart->theme->sizes[LR_THEME_SIZE_SMALL] * 1.5;
		int first = 0;
		while (first < rank->ticks.count && rank->ticks.values[first] < 1)
			first++;
		if (first < rank->ticks.count && rank->ticks.values[first] != 1) {
			if (step == 2 && fmod(rank->ticks.values[first], 2) == 0) {
				for (int i = 0; i < rank->ticks.count; i++)
					rank->ticks.values[i] -= 1;
			} else if ((rank->ticks.values[first] - 1) * pixels_per_rank >= label &&
				   rank->ticks.count < LR_TICKS_MAX) {
				memmove(&rank->ticks.values[first + 1], &rank->ticks.values[first],
					(size_t) (rank->ticks.count - first) * sizeof rank->ticks.values[0]);
				rank->ticks.values[first] = 1;
				rank->ticks.count++;
			} else {
				rank->ticks.values[first] = 1;
			}
		}
	}
}

static char *
default_title(const rank_layout_t *rank)
{
	const lr_table_t *table = &rank->table;
	lr_language_t language = rank->chart->language;
	const lr_observation_t *any = NULL;

	if (table->series_dimension == LR_DIMENSION_ENTITY || table->series_count == 1)
		return g_strdup(lr_indicator_get_name(table->series_indicators[0], language));
	for (int i = 0; i < table->series_count * table->category_count && !any; i++)
		any = table->cells[i];
	if (language == LR_LANGUAGE_EN)
		return g_strdup_printf("%s in international rankings",
				       lr_dataset_get_entity_name(rank->chart->dataset, any->entity, language));
	return g_strdup_printf("Thứ hạng của %s trong các bảng xếp hạng quốc tế", any->entity);
}

static char *
default_subtitle(const rank_layout_t *rank)
{
	lr_language_t language = rank->chart->language;
	const char *axis = lr_word(language, LR_WORD_RANK_AXIS);

	if (rank->constant_total)
		return g_strdup_printf(language == LR_LANGUAGE_EN ? "%s, out of %d" : "%s, trên %d",
				       axis, rank->total);
	return g_strdup(axis);
}

/* A connector from category @from to @to skips data when a year between them has points
 * of other series but none of this one. Indices published every other year are not gaps. */
static bool
connector_skips_data(const rank_layout_t *rank, int s, int from, int to)
{
	(void) s;
	return to - from > 1;
}

static bool
series_has_gap(const rank_layout_t *rank, int s)
{
	const lr_table_t *table = &rank->table;
	int previous = -1;

	for (int c = 0; c < table->category_count; c++) {
		if (!LR_TABLE_CELL(table, s, c))
			continue;
		if (previous >= 0 && connector_skips_data(rank, s, previous, c))
			return true;
		previous = c;
	}
	return false;
}

static GPtrArray *
notes_for(const rank_layout_t *rank)
{
	GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
	unsigned uncertain = rank->table.statuses & ~(1u << LR_OBSERVATION_ACTUAL);
	bool gap = false;

	for (int s = 0; s < rank->table.series_count; s++)
		gap |= series_has_gap(rank, s);
	if (gap)
		g_ptr_array_add(notes, g_strdup(lr_word(rank->chart->language, LR_WORD_GAP_NOTE)));
	if (!rank->bump && !rank->constant_total)
		g_ptr_array_add(notes, g_strdup(lr_word(rank->chart->language, LR_WORD_RANK_N_NOTE)));
	if (uncertain) {
		char *list = lr_words_uncertain_list(rank->chart->language, uncertain);
		g_ptr_array_add(notes, g_strconcat(lr_word(rank->chart->language, LR_WORD_HOLLOW_NOTE), list, ".", NULL));
		g_free(list);
	}
	if (rank->table.sources_disagree)
		g_ptr_array_add(notes, g_strdup(lr_word(rank->chart->language, LR_WORD_DISAGREE_NOTE)));
	return notes;
}

static char *
point_label(const rank_layout_t *rank, const lr_observation_t *o)
{
	char *text, *copy;
	int total = rank->bump || rank->constant_total ? 0 : o->total;

	text = lr_format_rank((int) lr_observation_central(o), total);
	copy = g_strdup(text ? text : "?");
	lr_free(text);
	return copy;
}

/* First and last point of a series; false when it has fewer than one. */
static bool
series_ends(const rank_layout_t *rank, int s, int *first, int *last)
{
	*first = -1;
	*last = -1;
	for (int c = 0; c < rank->table.category_count; c++)
		if (LR_TABLE_CELL(&rank->table, s, c)) {
			if (*first < 0)
				*first = c;
			*last = c;
		}
	return *first >= 0;
}

static lr_status_t
measure_end_labels(rank_layout_t *rank, end_label_t *labels, double max_width, int *count)
{
	const lr_table_t *table = &rank->table;
	const lr_chart_t *chart = rank->chart;
	double small = chart->theme->sizes[LR_THEME_SIZE_SMALL];
	lr_status_t status;

	*count = 0;
	for (int s = 0; s < table->series_count; s++) {
		end_label_t *label = &labels[*count];
		int first, last;
		const lr_observation_t *a, *b;
		char *change, *line;

		if (!rank->emphasised[s] || !series_ends(rank, s, &first, &last))
			continue;
		a = LR_TABLE_CELL(table, s, first);
		b = LR_TABLE_CELL(table, s, last);
		memset(label, 0, sizeof *label);
		label->series = s;
		label->last_category = last;
		status = lr_scene_measure(rank->scene, table->series_labels[s], small, true, max_width,
					  rank->bump ? 1 : 3, PANGO_ALIGN_LEFT, &label->name);
		if (status)
			return status;
		{
			int gained = (int) (lr_observation_central(a) - lr_observation_central(b));
			char *value = point_label(rank, b);
			/* Arrows for a move, words for none: "giữ nguyên so với 2019", not "=". */
			change = first != last ? lr_format_rank_change(gained, chart->language,
								       gained ? LR_RANK_CHANGE_ARROW
									      : LR_RANK_CHANGE_WORDS) : NULL;
			/* "71/193 (2024) · ↑15 bậc so với 2022": the latest rank, then the change. */
			if (change)
				line = g_strdup_printf(chart->language == LR_LANGUAGE_EN ?
						       "%s (%d) · %s since %d" : "%s (%d) · %s so với %d",
						       value, table->category_years[last], change,
						       table->category_years[first]);
			else
				line = g_strdup_printf("%s (%d)", value, table->category_years[last]);
			g_free(value);
			status = lr_scene_measure(rank->scene, line, small, false, max_width, 1,
						  PANGO_ALIGN_LEFT, &label->change);
			/* Too long for one line: the rank on one, the change on the next, rather than
			 * "↑8 places since 20…" (the year it is since is the point of the line). */
			if (status == LR_STATUS_SUCCESS && label->change.ellipsized && change) {
				char *split = g_strdup_printf(chart->language == LR_LANGUAGE_EN ?
							      "%.*s\n%s since %d" : "%.*s\n%s so với %d",
							      (int) (strstr(line, " · ") - line), line,
							      change, table->category_years[first]);
				lr_text_clear(&label->change);
				status = lr_scene_measure(rank->scene, split, small, false, max_width, 3,
							  PANGO_ALIGN_LEFT, &label->change);
				g_free(split);
			}
			g_free(line);
			lr_free(change);
			if (status) {
				lr_text_clear(&label->name);
				return status;
			}
		}
		label->height = label->name.height + label->change.height;
		label->anchor = label->name.height / MAX(1, pango_layout_get_line_count(label->name.layout)) / 2;
		(*count)++;
	}
	return LR_STATUS_SUCCESS;
}

static int
compare_desired(gconstpointer a, gconstpointer b)
{
	const end_label_t *x = a, *y = b;
	return x->desired_y < y->desired_y ? -1 : x->desired_y > y->desired_y;
}

/* Spreads labels vertically so none overlap and all stay within [top, bottom]. Returns
 * false when their total height does not fit. */
static bool
spread_labels(end_label_t *labels, int count, double gap, double top, double bottom)
{
	double total = 0;

	for (int i = 0; i < count; i++)
		total += labels[i].height + (i ? gap : 0);
	if (total > bottom - top)
		return false;
	qsort(labels, (size_t) count, sizeof *labels, compare_desired);
	for (int i = 0; i < count; i++) {
		labels[i].y = labels[i].desired_y - labels[i].anchor;
		labels[i].y = MAX(labels[i].y, top);
		if (i > 0)
			labels[i].y = MAX(labels[i].y, labels[i - 1].y + labels[i - 1].height + gap);
	}
	/* Push back up from the bottom where the pile overflows. */
	for (int i = count - 1; i >= 0; i--) {
		double limit = i == count - 1 ? bottom : labels[i + 1].y - gap;
		if (labels[i].y + labels[i].height > limit)
			labels[i].y = limit - labels[i].height;
	}
	return true;
}

static void
clear_end_labels(end_label_t *labels, int count)
{
	for (int i = 0; i < count; i++) {
		lr_text_clear(&labels[i].name);
		lr_text_clear(&labels[i].change);
	}
}

/* Whether the ranks fit inside markers of radius @marker at LR_CHART_TEXT_SIZE_MIN or more
 * (invariant 2), and at what size: at most 0.9 of the small text, 1.4 radii tall, the widest
 * number within 1.7 radii. Bump charts only; other charts label beside the points. */
static lr_status_t
choose_numbers(rank_layout_t *rank, double marker)
{
	const lr_table_t *table = &rank->table;
	double font = rank->scene->font_size;
	double size = rank->chart->theme->sizes[LR_THEME_SIZE_SMALL] * 0.9 * font;
	double widest = 0;

	rank->numbers_in_markers = false;
	if (!rank->bump)
		return LR_STATUS_SUCCESS;
	for (int i = 0; i < table->series_count * table->category_count; i++) {
		const lr_observation_t *o = table->cells[i];
		char *label;
		lr_text_t text;
		lr_status_t status;
		if (!o)
			continue;
		label = point_label(rank, o);
		status = lr_scene_measure(rank->scene, label, size / font, true, 0, 0,
					  PANGO_ALIGN_CENTER, &text);
		g_free(label);
		if (status)
			return status;
		widest = MAX(widest, text.width);
		lr_text_clear(&text);
	}
	size = MIN(size, 1.4 * marker);
	if (widest > 0)
		size = MIN(size, (rank->chart->theme->sizes[LR_THEME_SIZE_SMALL] * 0.9 * font) *
				 1.7 * marker / widest);
	rank->numbers_in_markers = size >= LR_CHART_TEXT_SIZE_MIN;
	rank->number_size = size / font;
	return LR_STATUS_SUCCESS;
}

/* Whether a box covers the marker of a point other than series @s' in category @c. */
static bool
covers_marker(const rank_layout_t *rank, double x, double y, double width, double height,
	      double marker, int s, int c)
{
	const lr_table_t *table = &rank->table;

	for (int t = 0; t < table->series_count; t++) {
		if (!rank->emphasised[t] && table->series_count > LR_THEME_SERIES_COLORS)
			continue; /* drawn without markers */
		for (int k = 0; k < table->category_count; k++) {
			const lr_observation_t *o = LR_TABLE_CELL(table, t, k);
			double mx, my;
			if (!o || (t == s && k == c))
				continue;
			mx = year_to_x(rank, table->category_years[k]);
			my = rank_to_y(rank, lr_observation_central(o));
			if (lr_boxes_overlap(x, y, width, height, mx - marker, my - marker, 2 * marker,
					     2 * marker, 0))
				return true;
		}
	}
	return false;
}

static lr_status_t
layout_attempt(rank_layout_t *rank, bool use_legend, bool *labels_fit)
{
	const lr_chart_t *chart = rank->chart;
	lr_scene_t *scene = rank->scene;
	const lr_theme_t *theme = chart->theme;
	const lr_table_t *table = &rank->table;
	int S = table->series_count, C = table->category_count;
	double font = scene->font_size, small = theme->sizes[LR_THEME_SIZE_SMALL];
	double marker = font * theme->sizes[LR_THEME_SIZE_MARKER] * (rank->bump ? 2.0 : 1.0);
	double line_width = font * theme->sizes[LR_THEME_SIZE_SERIES_LINE];
	lr_frame_spec_t frame = { 0 };
	lr_legend_entry_t *legend = NULL;
	end_label_t *labels = g_new0(end_label_t, S);
	int label_count = 0;
	char *title = chart->title ? g_strdup(chart->title) : default_title(rank);
	char *subtitle = chart->subtitle ? g_strdup(chart->subtitle) : default_subtitle(rank);
	double tick_width = 0, tick_height = 0, label_width = 0, year_label_height = 0;
	double end_gap = font * 0.8, first_label_half = 0, label_gap = font * 0.3;
	lr_status_t status;
	lr_rect_t plot;
	lr_text_t text, caption = { 0 };

	*labels_fit = true;
	frame.title = title;
	frame.subtitle = subtitle;
	frame.notes = notes_for(rank);
	if (use_legend) {
		int count = 0;
		legend = g_new0(lr_legend_entry_t, S);
		for (int s = 0; s < S; s++) {
			if (!rank->emphasised[s])
				continue;
			legend[count].label = table->series_labels[s];
			legend[count].color = series_color(rank, s);
			legend[count].line = true;
			count++;
		}
		frame.legend = legend;
		frame.legend_count = count;
	}
	status = lr_frame_layout(chart, scene, table, &frame, &plot, rank->error);
	if (status) {
		/* The frame refuses a canvas too narrow for any chart (as chart-frame.c
		 * judges it), else one with no room left for the plot. */
		bool narrow = scene->width - 2 * font * theme->sizes[LR_THEME_SIZE_MARGIN] < font * 4;
		rank->short_width = status == LR_STATUS_INVALID_ARGUMENT && narrow;
		rank->short_height = status == LR_STATUS_INVALID_ARGUMENT && !narrow;
		goto out;
	}

	/* Year labels along the bottom. */
	for (int c = 0; c < C; c++) {
		char year[16];
		g_snprintf(year, sizeof year, "%d", table->category_years[c]);
		status = lr_scene_measure(scene, year, small, false, 0, 0, PANGO_ALIGN_CENTER, &text);
		if (status)
			goto out;
		year_label_height = MAX(year_label_height, text.height);
		lr_text_clear(&text);
	}

	/* Room for a label above the top point and below the bottom one (ranks are written
	 * beside their points unless they fit inside the markers). */
	rank->y_top = plot.y + font * small * 1.6 + marker;
	rank->y_bottom = plot.y + plot.height - year_label_height - font * 0.5 - marker - font * small * 1.6;
	choose_rank_scale(rank, rank->y_bottom - rank->y_top);
	/* An axis that does not reach rank 1 (eight countries between 40 and 120 of 193) says
	 * where it is, over the rank labels: "↑ hạng 1". Room for it above the top tick. */
	if (rank->domain_top >= 1.5) {
		status = lr_scene_measure(scene, chart->language == LR_LANGUAGE_EN ? "↑ rank 1"
										   : "↑ hạng 1",
					  small, false, 0, 0, PANGO_ALIGN_LEFT, &caption);
		if (status)
			goto out;
		rank->y_top = MAX(rank->y_top, plot.y + caption.height * 1.5 + font * 0.15);
		choose_rank_scale(rank, rank->y_bottom - rank->y_top);
		if (rank->domain_top < 1.5)
			lr_text_clear(&caption);
	}
	/* Markers of neighbouring ranks must not cover each other: at most 0.45 of the distance
	 * between two ranks in radius (invariant 2); never thinner than the line. */
	marker = MAX(line_width, MIN(marker, 0.45 * fabs(rank_to_y(rank, 2) - rank_to_y(rank, 1))));
	status = choose_numbers(rank, marker);
	if (status)
		goto out;

	/* Tick labels (ranks) on the left. */
	for (int i = 0; i < rank->ticks.count; i++) {
		char number[32];
		g_snprintf(number, sizeof number, "%d", (int) rank->ticks.values[i]);
		status = lr_scene_measure(scene, number, small, false, 0, 0, PANGO_ALIGN_LEFT, &text);
		if (status)
			goto out;
		tick_width = MAX(tick_width, text.width);
		tick_height = MAX(tick_height, text.height);
		lr_text_clear(&text);
	}

	/* End labels on the right, unless the legend names the series. */
	if (!use_legend) {
		status = measure_end_labels(rank, labels, plot.width * 0.3, &label_count);
		if (status)
			goto out;
		for (int i = 0; i < label_count; i++)
			label_width = MAX(label_width, MAX(labels[i].name.width, labels[i].change.width));
	}

	/* Half of the widest first-year point label must fit left of the first point. */
	for (int s = 0; s < S && !rank->numbers_in_markers; s++) {
		int first, last;
		char *label;
		if (!rank->emphasised[s] || !series_ends(rank, s, &first, &last))
			continue;
		label = point_label(rank, LR_TABLE_CELL(table, s, first));
		status = lr_scene_measure(scene, label, small, false, 0, 0, PANGO_ALIGN_LEFT, &text);
		g_free(label);
		if (status)
			goto out;
		first_label_half = MAX(first_label_half, text.width / 2);
		lr_text_clear(&text);
	}

	rank->year_first = table->category_years[0];
	rank->year_last = table->category_years[C - 1];
	rank->x_first = plot.x + tick_width + font * 0.8 + MAX(marker, first_label_half);
	rank->x_last = plot.x + plot.width - (use_legend ? marker + font : label_width + end_gap + marker);
	rank->short_width = rank->x_last - rank->x_first <
			    font * 3 * MIN(rank->year_last - rank->year_first, 12);
	rank->short_height = rank->y_bottom - rank->y_top < font * 3;
	/* Neighbouring rank labels must stand apart, too. */
	for (int i = 1; i < rank->ticks.count; i++)
		if (rank->ticks.values[i - 1] >= rank->domain_top - 1e-9 &&
		    rank->ticks.values[i] <= rank->domain_bottom + 1e-9 &&
		    fabs(rank_to_y(rank, rank->ticks.values[i]) - rank_to_y(rank, rank->ticks.values[i - 1])) <
			    tick_height * 1.1)
			rank->short_height = true;
	if (rank->short_width || rank->short_height) {
		/* lr_rank_layout() adds the size that fits. */
		status = lr_error_record_set(rank->error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					     "the canvas (%g × %g) is too small for this ranking chart",
					     scene->width, scene->height);
		goto out;
	}
	/* Neighbouring years' markers must not cover each other either. */
	if (rank->year_last > rank->year_first) {
		double year_width = (rank->x_last - rank->x_first) / (rank->year_last - rank->year_first);
		double limit = MAX(line_width, 0.45 * year_width * rank->year_gap);
		if (marker > limit) {
			marker = limit;
			status = choose_numbers(rank, marker);
			if (status)
				goto out;
		}
	}

	/* Grid and rank ticks. */
	for (int i = 0; i < rank->ticks.count; i++) {
		double value = rank->ticks.values[i], y = rank_to_y(rank, value);
		char number[32];
		if (value < rank->domain_top - 1e-9 || value > rank->domain_bottom + 1e-9)
			continue;
		lr_scene_add_line(scene, "gridline", rank->x_first - marker, y,
				  rank->x_last + marker, y, theme->colors[LR_THEME_COLOR_GRID],
				  font * theme->sizes[LR_THEME_SIZE_GRID_LINE]);
		g_snprintf(number, sizeof number, "%d", (int) value);
		status = lr_scene_measure(scene, number, small, false, 0, 0, PANGO_ALIGN_LEFT, &text);
		if (status)
			goto out;
		lr_scene_add_text(scene, "tick-label", &text, plot.x + tick_width - text.width,
				  y - text.height / 2, theme->colors[LR_THEME_COLOR_TEXT_MUTED]);
	}
	if (caption.layout)
		lr_scene_add_text(scene, "rank-axis-note", &caption, plot.x,
				  rank->y_top - caption.height * 1.5 - font * 0.15,
				  theme->colors[LR_THEME_COLOR_TEXT_MUTED]);
	/* The years that have data, where they fall in time (invariant 3); when two are too
	 * close to both be read, the later one gives way (the last year always shows). */
	{
		double right_edge = -INFINITY, gap = font * 0.6;
		lr_text_t *years = g_new0(lr_text_t, C);
		bool *shown = g_new0(bool, C);
		for (int c = 0; c < C && status == LR_STATUS_SUCCESS; c++) {
			char label[16];
			g_snprintf(label, sizeof label, "%d", table->category_years[c]);
			status = lr_scene_measure(scene, label, small, false, 0, 0, PANGO_ALIGN_CENTER,
						  &years[c]);
		}
		for (int c = 0; c < C && status == LR_STATUS_SUCCESS; c++) {
			double x = year_to_x(rank, table->category_years[c]) - years[c].width / 2;
			if (x < right_edge + gap && c < C - 1)
				continue;
			if (x < right_edge + gap) /* the last: it replaces the one before */
				for (int k = c - 1; k >= 0; k--)
					if (shown[k]) {
						shown[k] = false;
						break;
					}
			shown[c] = true;
			right_edge = x + years[c].width;
		}
		for (int c = 0; c < C && status == LR_STATUS_SUCCESS; c++)
			if (shown[c])
				lr_scene_add_text(scene, "year-label", &years[c],
						  year_to_x(rank, table->category_years[c]) - years[c].width / 2,
						  plot.y + plot.height - year_label_height,
						  theme->colors[LR_THEME_COLOR_TEXT_MUTED]);
		for (int c = 0; c < C; c++)
			lr_text_clear(&years[c]);
		g_free(years);
		g_free(shown);
		if (status)
			goto out;
	}

	/* Lines, the highlighted series (if any) last, on top. A thin casing in the background
	 * colour under each coloured line separates it where lines cross; grey context lines get
	 * none, so that many of them crossing still show where they cross. */
	{
		double casing = line_width * (has_context(rank) ? 2.6 : 1.8);
		for (int k = 0; k < S; k++) {
			int s = drawing_order(rank, k);
			int previous = -1;
			for (int c = 0; c < C; c++) {
				const lr_observation_t *o = LR_TABLE_CELL(table, s, c);
				if (!o)
					continue;
				if (previous >= 0) {
					const lr_observation_t *p = LR_TABLE_CELL(table, s, previous);
					double x0 = year_to_x(rank, table->category_years[previous]);
					double y0 = rank_to_y(rank, lr_observation_central(p));
					double x1 = year_to_x(rank, table->category_years[c]);
					double y1 = rank_to_y(rank, lr_observation_central(o));
					bool gap = connector_skips_data(rank, s, previous, c);
					lr_item_t *line;
					double width = rank->emphasised[s] || !has_context(rank)
						? line_width : line_width * 0.6;
					if (!has_context(rank) || is_highlighted(rank, s))
						lr_scene_add_line(scene, "line-casing", x0, y0, x1, y1,
								  theme->colors[LR_THEME_COLOR_BACKGROUND],
								  casing);
					line = lr_scene_add_line(scene, gap ? "line-gap" : "line", x0, y0, x1,
								 y1, series_color(rank, s), width);
					lr_item_set_outline(line, line->stroke, width,
							    gap ? LR_DASH_DASHED : LR_DASH_NONE);
				}
				previous = c;
			}
		}
	}

	/* Direct labels at the right, spread apart, with leader lines when moved. */
	if (!use_legend) {
		double x_label = rank->x_last + marker + end_gap;
		double label_bottom = plot.y + plot.height - year_label_height - font * 0.2;

		for (int i = 0; i < label_count; i++) {
			const lr_observation_t *o = LR_TABLE_CELL(table, labels[i].series, labels[i].last_category);
			labels[i].desired_y = rank_to_y(rank, lr_observation_central(o));
		}
		/* Blocks of several lines that touch read as one: a clear gap where there is room,
		 * else the tightest that still separates them. */
		if (!spread_labels(labels, label_count, font * 0.8, plot.y, label_bottom) &&
		    !spread_labels(labels, label_count, font * 0.25, plot.y, label_bottom)) {
			*labels_fit = false;
			goto out;
		}
		for (int i = 0; i < label_count; i++) {
			end_label_t *label = &labels[i];
			int s = label->series;
			const lr_observation_t *o = LR_TABLE_CELL(table, s, label->last_category);
			double px = year_to_x(rank, table->category_years[label->last_category]);
			double py = rank_to_y(rank, lr_observation_central(o));
			double name_height = label->name.height;
			double centre = label->y + label->anchor;
			int first, last, gained = 0;
			lr_color_t change_color = theme->colors[LR_THEME_COLOR_TEXT_MUTED];

			if (fabs(centre - py) > font * 0.3 || px < rank->x_last - 1)
				/* Moved away from its line's end (or the line ends early): connect them. */
				lr_scene_add_line(scene, "leader", px + marker + font * 0.15, py,
						  x_label - font * 0.2, centre,
						  theme->colors[LR_THEME_COLOR_TEXT_MUTED],
						  font * theme->sizes[LR_THEME_SIZE_GRID_LINE] * 1.5);
			lr_scene_add_text(scene, "end-label", &label->name, x_label, label->y,
					  lr_color_readable_on(series_color(rank, s),
							       theme->colors[LR_THEME_COLOR_BACKGROUND]));
			if (series_ends(rank, s, &first, &last) && first != last)
				gained = (int) (lr_observation_central(LR_TABLE_CELL(table, s, first)) -
						lr_observation_central(LR_TABLE_CELL(table, s, last)));
			if (gained > 0)
				change_color = theme->colors[LR_THEME_COLOR_BETTER];
			else if (gained < 0)
				change_color = theme->colors[LR_THEME_COLOR_WORSE];
			if (label->change.layout)
				lr_scene_add_text(scene, "change-label", &label->change, x_label,
						  label->y + name_height, change_color);
		}
	}
	/* Markers first, then their labels, so no marker covers a label; the highlighted
	 * series' markers come last, on top. */
	for (int k = 0; k < S; k++) {
		int s = drawing_order(rank, k);
		for (int c = 0; c < C; c++) {
			const lr_observation_t *o = LR_TABLE_CELL(table, s, c);
			lr_color_t color = series_color(rank, s);
			lr_item_t *circle;
			/* Many grey context lines: their markers would only add clutter. */
			if (!o || (!rank->emphasised[s] && S > LR_THEME_SERIES_COLORS))
				continue;
			circle = lr_scene_add_circle(scene, "marker", year_to_x(rank, table->category_years[c]),
						     rank_to_y(rank, lr_observation_central(o)), marker, color);
			if (o->status != LR_OBSERVATION_ACTUAL) {
				/* Hollow: the background inside the series' ring. */
				lr_item_style_t hollow = {
					.fill = theme->colors[LR_THEME_COLOR_BACKGROUND], .has_fill = true,
					.stroke = color, .line_width = line_width,
				};
				lr_item_set_style(circle, &hollow);
			}
		}
	}
	/* Labels in reverse drawing order: the highlighted series claims its places first. */
	for (int k = S - 1; k >= 0; k--) {
		int s = drawing_order(rank, k);
		for (int c = 0; c < C; c++) {
			const lr_observation_t *o = LR_TABLE_CELL(table, s, c);
			double x, y;
			lr_color_t color = series_color(rank, s);
			char *label;
			bool placed = false;
			int first, last;
			/* Grey context: its ranks are the axis' to tell (invariant 1). */
			if (!o || !rank->emphasised[s])
				continue;
			x = year_to_x(rank, table->category_years[c]);
			y = rank_to_y(rank, lr_observation_central(o));
			label = point_label(rank, o);
			if (!rank->numbers_in_markers && !use_legend && series_ends(rank, s, &first, &last) &&
			    c == last) {
				/* The end label already says it. */
				g_free(label);
				continue;
			}
			if (rank->numbers_in_markers) {
				/* The rank sits inside the marker, at the size choose_numbers() found. */
				status = lr_scene_measure(scene, label, rank->number_size, true, 0, 0,
							  PANGO_ALIGN_CENTER, &text);
				g_free(label);
				if (status)
					goto out;
				/* Close ranks put markers on top of each other: a number that would
				 * collide is left out (the end label still gives the last rank). */
				if (lr_scene_text_collides(scene, x - text.width / 2, y - text.height / 2,
							   text.width, text.height))
					lr_text_clear(&text);
				else
					lr_scene_add_text(scene, "point-label", &text, x - text.width / 2,
							  y - text.height / 2,
							  o->status != LR_OBSERVATION_ACTUAL ? color
											     : lr_color_text_on(color));
				continue;
			}
			status = lr_scene_measure(scene, label, small, true, 0, 0, PANGO_ALIGN_CENTER, &text);
			g_free(label);
			if (status)
				goto out;
			/* Above the point, else below, else to the left, else to the right; never on
			 * another label (nor so close that "49" and "52" read as "4952") nor on
			 * another point's marker. */
			for (int attempt = 0; attempt < 4 && !placed; attempt++) {
				double lx = x - text.width / 2, ly;
				if (attempt == 0)
					ly = y - marker - font * 0.15 - text.height;
				else if (attempt == 1)
					ly = y + marker + font * 0.15;
				else {
					lx = attempt == 2 ? x - marker - font * 0.3 - text.width
							  : x + marker + font * 0.3;
					ly = y - text.height / 2;
				}
				if (lx >= 0 && ly >= plot.y && lx + text.width <= scene->width &&
				    ly + text.height <= plot.y + plot.height - year_label_height &&
				    !lr_scene_text_collides(scene, lx - label_gap, ly, text.width + 2 * label_gap,
							    text.height) &&
				    !covers_marker(rank, lx, ly, text.width, text.height, marker, s, c)) {
					lr_scene_add_text(scene, "point-label", &text, lx, ly,
							  lr_color_readable_on(color, theme->colors[LR_THEME_COLOR_BACKGROUND]));
					placed = true;
				}
			}
			if (!placed)
				lr_text_clear(&text);
		}
	}

out:
	lr_text_clear(&caption);
	clear_end_labels(labels, label_count);
	g_free(labels);
	g_free(legend);
	g_free(title);
	g_free(subtitle);
	g_ptr_array_unref(frame.notes);
	return status;
}

/* One layout at @scene's size; *@short_width / *@short_height say why it was too small. */
static lr_status_t
layout_once(const lr_chart_t *chart, lr_scene_t *scene, lr_error_record_t *error,
	    bool *short_width, bool *short_height)
{
	rank_layout_t rank = { .chart = chart, .scene = scene, .error = error };
	lr_scene_mark_t start = lr_scene_mark(scene);
	lr_status_t status;
	bool labels_fit = false;

	*short_width = *short_height = false; /* a selection or emphasis error is not of size */
	status = lr_chart_select(chart, true, &rank.table, error);
	if (status)
		return status;
	rank.bump = rank.table.series_count > 3;
	compute_extent(&rank);
	rank.year_gap = INFINITY;
	for (int c = 1; c < rank.table.category_count; c++)
		rank.year_gap = MIN(rank.year_gap, rank.table.category_years[c] - rank.table.category_years[c - 1]);
	status = choose_emphasis(&rank);
	if (status) {
		g_free(rank.emphasised);
		lr_table_clear(&rank.table);
		return status;
	}

	status = layout_attempt(&rank, false, &labels_fit);
	if (status == LR_STATUS_SUCCESS && !labels_fit) {
		/* No room for direct labels: start over with a legend rather than overlap. */
		lr_scene_rollback(scene, start);
		status = layout_attempt(&rank, true, &labels_fit);
	}
	lr_table_clear(&rank.table);
	g_free(rank.emphasised);
	*short_width = status != LR_STATUS_SUCCESS && rank.short_width;
	*short_height = status != LR_STATUS_SUCCESS && rank.short_height;
	if (status != LR_STATUS_SUCCESS && !error->message)
		lr_error_record_set(error, status, NULL, 0, 0, "ranking chart layout failed: %s",
				    lr_status_to_string(status));
	return status;
}

/* Whether the chart lays out on a canvas of @width × @height. */
static bool
fits_at(const lr_chart_t *chart, PangoContext *context, double width, double height)
{
	lr_error_record_t error = { 0 };
	lr_scene_t probe;
	bool short_width, short_height;
	lr_status_t status;

	if (width > 32767 || height > 32767)
		return false;
	lr_scene_init(&probe, context, chart->theme, width, height);
	status = layout_once(chart, &probe, &error, &short_width, &short_height);
	lr_scene_clear(&probe);
	lr_error_record_clear(&error);
	return status == LR_STATUS_SUCCESS;
}

/* The smallest canvas, grown only where @scene fell short (so that the font, which follows
 * the smaller side, stays), that holds the chart: found by growing in steps of a quarter,
 * then halving the last step. False when none up to the largest canvas does. */
static bool
size_that_fits(const lr_chart_t *chart, const lr_scene_t *scene, bool grow_width,
	       bool grow_height, double *width, double *height)
{
	double low = 1, high = 0;

	for (double k = 1.25; k < 64 && !high; k *= 1.25) {
		if (fits_at(chart, scene->context, grow_width ? ceil(scene->width * k) : scene->width,
			    grow_height ? ceil(scene->height * k) : scene->height))
			high = k;
		else
			low = k;
	}
	if (!high)
		return false;
	for (int i = 0; i < 12; i++) {
		double middle = (low + high) / 2;
		if (fits_at(chart, scene->context, grow_width ? ceil(scene->width * middle) : scene->width,
			    grow_height ? ceil(scene->height * middle) : scene->height))
			high = middle;
		else
			low = middle;
	}
	*width = grow_width ? ceil(scene->width * high) : scene->width;
	*height = grow_height ? ceil(scene->height * high) : scene->height;
	return true;
}

lr_status_t
lr_rank_layout(const lr_chart_t *chart, lr_scene_t *scene, lr_error_record_t *error)
{
	bool short_width, short_height;
	double width, height;
	lr_status_t status = layout_once(chart, scene, error, &short_width, &short_height);

	if (status == LR_STATUS_SUCCESS || !(short_width || short_height))
		return status;
	/* Too small: say what size would do, as bar charts do. Growing the side that fell
	 * short first; when that is not enough, both. */
	if (!size_that_fits(chart, scene, short_width, short_height, &width, &height) &&
	    !size_that_fits(chart, scene, true, true, &width, &height)) {
		lr_error_record_clear(error);
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					   "the canvas (%g × %g) is too small for this ranking chart, "
					   "and so is any up to 32767 × 32767: choose fewer years "
					   "(--year) or entities (--entity)",
					   scene->width, scene->height);
	}
	lr_error_record_clear(error);
	return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				   "the canvas (%g × %g) is too small for this ranking chart: it "
				   "needs at least %g × %g",
				   scene->width, scene->height, width, height);
}
