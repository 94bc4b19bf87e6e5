/* libreport: bar chart layout. Turns the selected data table into bars, ticks, labels and
 * notes inside the frame: vertical or horizontal, grouped, stacked or 100% stacked, with
 * estimates and ranges set apart and value labels placed inside a bar when they fit.
 *
 * The layout works along two axes — the category axis (bands) and the value axis — and maps
 * them to x/y at the end, so vertical and horizontal charts share every rule.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "chart-frame-private.h"
#include "chart-words-private.h"
#include "number-private.h"
#include "ticks-private.h"

typedef struct {
	const lr_chart_t *chart;
	lr_scene_t *scene;
	lr_table_t table;
	bool horizontal;
	lr_bar_layout_t layout;
	int *order;                 /* category drawing order */
	double *values;             /* [s * C + c] the value drawn (central or percent); NaN missing */
	double low, high;           /* data extent including 0 */
	int decimals;               /* for value labels */
	lr_ticks_t ticks;
	double domain0, domain1;    /* value axis domain */
	double axis0, axis1;        /* value axis in pixels: axis0 maps domain0 */
	double band0, band_size;    /* category axis: first band start, band size */
	lr_rect_t plot;
	/* Category labels as chosen to fit (choose_vertical_labels, choose_horizontal_labels). */
	double label_size;          /* size factor of category and value labels */
	bool rotated;               /* vertical bars: labels turned a quarter, read upwards */
	bool angled;                /* vertical bars: labels turned 45°, ending at their tick */
	bool turn_value_labels;     /* outside value labels turned a quarter (see draw_bars) */
	int step;                   /* ordered categories: every step-th labelled; 1: all */
	double min_band;            /* the band the labels would need at the legibility floor */
	/* Value labels: how many there were and how many found no room. */
	int value_label_count, value_labels_left_out;
	int note_left_out;          /* the count the note says (-1: no note) */
	lr_rect_t *boxes;           /* [position * S + s] each bar's box with its range; width
				     * < 0 for none. Outside value labels must not cover bars. */
} bar_layout_t;

/* What a layout pass tells its caller besides its status. */
typedef struct {
	bool crowded;               /* the category labels do not fit at any legible size */
	double overhead;            /* the canvas less the category axis's length */
	double min_band;            /* see bar_layout_t */
	double comfortable_band;    /* horizontal bars: a band with room around its label */
	int categories;
	int value_label_count, value_labels_left_out;
} pass_result_t;

static double
value_to_pixel(const bar_layout_t *bar, double value)
{
	return bar->axis0 + (value - bar->domain0) / (bar->domain1 - bar->domain0) * (bar->axis1 - bar->axis0);
}

/* A rectangle from category-axis position/size and value-axis pixel span. */
static lr_item_t *
add_bar_rect(bar_layout_t *bar, const char *role, double band_position, double thickness,
	     double p0, double p1, lr_color_t fill)
{
	if (bar->horizontal)
		return lr_scene_add_rect(bar->scene, role, MIN(p0, p1), band_position, fabs(p1 - p0),
					 thickness, fill);
	return lr_scene_add_rect(bar->scene, role, band_position, MIN(p0, p1), thickness,
				 fabs(p1 - p0), fill);
}

/* As many decimals as the figures carry (so distinct figures read differently), at most
 * LR_CHART_DECIMALS_MAX; whole percentages for 100% stacks; the caller's when set. */
static int
decimals_needed(const bar_layout_t *bar)
{
	int needed = 0;
	const lr_table_t *table = &bar->table;

	if (bar->chart->decimals >= 0)
		return bar->chart->decimals;
	if (bar->layout == LR_BAR_PERCENT)
		return 0;
	for (int i = 0; i < table->series_count * table->category_count; i++) {
		const lr_observation_t *o = table->cells[i];
		double values[3];
		if (!o)
			continue;
		values[0] = o->value;
		values[1] = o->low;
		values[2] = o->high;
		for (int k = 0; k < 3; k++) {
			if (isnan(values[k]))
				continue;
			for (int d = needed; d <= LR_CHART_DECIMALS_MAX; d++) {
				double scaled = values[k] * pow(10, d);
				/* Relative tolerance: CSV figures are decimal, doubles are not. */
				if (fabs(scaled - round(scaled)) < 1e-9 * MAX(1, fabs(scaled))) {
					needed = MAX(needed, d);
					break;
				}
				if (d == LR_CHART_DECIMALS_MAX)
					needed = LR_CHART_DECIMALS_MAX;
			}
		}
	}
	return needed;
}

static void
compute_values(bar_layout_t *bar)
{
	const lr_table_t *table = &bar->table;
	int S = table->series_count, C = table->category_count;

	bar->values = g_new(double, (gsize) S * C);
	bar->low = 0;
	bar->high = 0;
	for (int c = 0; c < C; c++) {
		double positive = 0, negative = 0, total = 0;
		for (int s = 0; s < S; s++) {
			const lr_observation_t *o = LR_TABLE_CELL(table, s, c);
			double v = o ? lr_observation_central(o) : NAN;
			bar->values[s * C + c] = v;
			if (!isnan(v))
				total += fabs(v);
		}
		for (int s = 0; s < S; s++) {
			const lr_observation_t *o = LR_TABLE_CELL(table, s, c);
			double *v = &bar->values[s * C + c];
			if (isnan(*v))
				continue;
			if (bar->layout == LR_BAR_PERCENT)
				*v = total > 0 ? *v / total * 100 : 0;
			if (bar->layout == LR_BAR_GROUPED) {
				double lo = !isnan(o->low) ? o->low : *v;
				double hi = !isnan(o->high) ? o->high : *v;
				bar->low = MIN(bar->low, lo);
				bar->high = MAX(bar->high, hi);
			} else if (*v >= 0) {
				positive += *v;
			} else {
				negative += *v;
			}
		}
		if (bar->layout != LR_BAR_GROUPED) {
			bar->low = MIN(bar->low, negative);
			bar->high = MAX(bar->high, positive);
		}
	}
	if (bar->layout == LR_BAR_PERCENT)
		bar->high = MAX(bar->high, 100);
	if (bar->low == 0 && bar->high == 0)
		bar->high = 1;
}

static double
category_sort_key(const bar_layout_t *bar, int c)
{
	double key = 0;
	int C = bar->table.category_count;

	if (bar->layout == LR_BAR_GROUPED)
		return isnan(bar->values[c]) ? -INFINITY : bar->values[c];
	for (int s = 0; s < bar->table.series_count; s++)
		if (!isnan(bar->values[s * C + c]))
			key += bar->values[s * C + c];
	return key;
}

static void
compute_order(bar_layout_t *bar)
{
	int C = bar->table.category_count;
	bool sortable = bar->chart->sort != LR_SORT_NONE &&
			bar->table.category_dimension != LR_DIMENSION_YEAR;

	bar->order = g_new(int, C);
	for (int c = 0; c < C; c++)
		bar->order[c] = c;
	if (!sortable)
		return;
	/* Insertion sort: stable, and C is small. */
	for (int i = 1; i < C; i++) {
		int current = bar->order[i], j = i - 1;
		double key = category_sort_key(bar, current);
		while (j >= 0) {
			double other = category_sort_key(bar, bar->order[j]);
			bool after = bar->chart->sort == LR_SORT_ASCENDING ? other > key : other < key;
			if (!after)
				break;
			bar->order[j + 1] = bar->order[j];
			j--;
		}
		bar->order[j + 1] = current;
	}
}

static bool
is_highlighted(const bar_layout_t *bar, int s, int c)
{
	const char *highlight = bar->table.highlight; /* the dataset's spelling of it */

	if (!highlight)
		return false;
	if (bar->table.category_dimension == LR_DIMENSION_ENTITY &&
	    strcmp(bar->table.category_keys[c], highlight) == 0)
		return true;
	return bar->table.series_dimension == LR_DIMENSION_ENTITY &&
	       strcmp(bar->table.series_keys[s], highlight) == 0;
}

static lr_color_t
bar_color(const bar_layout_t *bar, int s, int c)
{
	const lr_theme_t *theme = bar->chart->theme;

	if (bar->table.highlight && bar->table.series_count == 1)
		return is_highlighted(bar, s, c) ? theme->colors[LR_THEME_COLOR_HIGHLIGHT]
						 : theme->colors[LR_THEME_COLOR_CONTEXT];
	return lr_theme_series_color(theme, (unsigned) s);
}

/* Makes a bar's item look uncertain: paler fill, dashed outline in the full colour. */
static void
style_uncertain(bar_layout_t *bar, lr_item_t *item, lr_color_t color)
{
	lr_item_style_t style = {
		.fill = lr_color_lighten(color, 0.55), .has_fill = true, .stroke = color,
		.line_width = bar->scene->font_size * 0.09, .dash = LR_DASH_DASHED,
		.hatch = bar->chart->theme->hatch_uncertain,
	};
	lr_item_set_style(item, &style);
}

static char *
default_title(const bar_layout_t *bar)
{
	const lr_table_t *table = &bar->table;
	GString *title = g_string_new(NULL);
	lr_language_t language = bar->chart->language;

	if (table->series_prefix) {
		g_string_append(title, table->series_prefix);
	} else if (table->series_dimension == LR_DIMENSION_INDICATOR && table->series_count > 1) {
		for (int s = 0; s < table->series_count; s++)
			g_string_append_printf(title, "%s%s", s ? (s + 1 == table->series_count ?
				(language == LR_LANGUAGE_EN ? " and " : " và ") : ", ") : "",
				lr_indicator_get_name(table->series_indicators[s], language));
	} else {
		g_string_append(title, lr_indicator_get_name(table->series_indicators[0], language));
	}
	return g_string_free(title, FALSE);
}

static char *
default_subtitle(const bar_layout_t *bar)
{
	const lr_table_t *table = &bar->table;
	lr_language_t language = bar->chart->language;
	const char *unit = lr_indicator_get_unit(table->series_indicators[0], language);
	GString *subtitle = g_string_new(NULL);

	if (bar->layout == LR_BAR_PERCENT)
		g_string_append(subtitle, lr_word(language, LR_WORD_PERCENT_SUBTITLE));
	else if (unit[0])
		g_string_append_printf(subtitle, "%s: %s", language == LR_LANGUAGE_EN ? "Unit" : "Đơn vị",
				       unit);
	if (table->category_dimension != LR_DIMENSION_YEAR)
		g_string_append_printf(subtitle, "%s%s %d", subtitle->len ? " · " : "",
				       language == LR_LANGUAGE_EN ? "Year" : "Năm", table->category_years[0]);
	return g_string_free(subtitle, FALSE);
}

static GPtrArray *
notes_for(const bar_layout_t *bar)
{
	GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
	const lr_table_t *table = &bar->table;
	const lr_chart_t *chart = bar->chart;
	unsigned uncertain = table->statuses & ~(1u << LR_OBSERVATION_ACTUAL);

	if (uncertain) {
		char *list = lr_words_uncertain_list(chart->language, uncertain);
		lr_word_t word = chart->theme->hatch_uncertain ? LR_WORD_NOTE_HATCHED : LR_WORD_NOTE_UNCERTAIN;
		g_ptr_array_add(notes, g_strconcat(lr_word(chart->language, word), list, ".", NULL));
		g_free(list);
	}
	if (table->has_ranges && bar->layout == LR_BAR_GROUPED)
		g_ptr_array_add(notes, g_strdup(lr_word(chart->language, LR_WORD_RANGE_NOTE)));
	if (table->sources_disagree)
		g_ptr_array_add(notes, g_strdup(lr_word(chart->language, LR_WORD_DISAGREE_NOTE)));
	return notes;
}

/* No unit or "%" on ticks: the subtitle states the unit once. */
static char *
tick_label(const bar_layout_t *bar, double value)
{
	return lr_format_tick(value, bar->chart->language, bar->ticks.decimals);
}

/* Measures every tick label; returns the widest and tallest. */
static lr_status_t
measure_ticks(bar_layout_t *bar, double *max_width, double *max_height)
{
	double small = MAX(bar->chart->theme->sizes[LR_THEME_SIZE_SMALL],
			   LR_CHART_TEXT_SIZE_MIN / bar->scene->font_size);

	*max_width = 0;
	*max_height = 0;
	for (int i = 0; i < bar->ticks.count; i++) {
		lr_text_t text;
		char *label = tick_label(bar, bar->ticks.values[i]);
		lr_status_t status = lr_scene_measure(bar->scene, label, small, false, 0, 0,
						      PANGO_ALIGN_LEFT, &text);
		g_free(label);
		if (status)
			return status;
		*max_width = MAX(*max_width, text.width);
		*max_height = MAX(*max_height, text.height);
		lr_text_clear(&text);
	}
	return LR_STATUS_SUCCESS;
}

static void
choose_ticks(bar_layout_t *bar, double axis_length)
{
	double font = bar->scene->font_size;
	int target = (int) CLAMP(axis_length / (font * (bar->horizontal ? 6.0 : 3.2)), 2, 8);

	if (!lr_ticks_extended(bar->low, bar->high, target, false, &bar->ticks)) {
		bar->ticks.count = 2;
		bar->ticks.values[0] = bar->low;
		bar->ticks.values[1] = bar->high;
		bar->ticks.decimals = 1;
	}
	if (bar->layout == LR_BAR_PERCENT) {
		/* 100% stacked: the axis is 0–100 exactly. */
		lr_ticks_extended(0, 100, target, false, &bar->ticks);
	}
	/* Bars end inside the grid: extend the ticks by whole steps to cover the data. */
	while (bar->ticks.values[bar->ticks.count - 1] < bar->high - 1e-9 * fabs(bar->high) &&
	       bar->ticks.count < LR_TICKS_MAX) {
		double next = bar->ticks.values[bar->ticks.count - 1] + bar->ticks.step;
		double unit = pow(10, bar->ticks.decimals);
		bar->ticks.values[bar->ticks.count++] = round(next * unit) / unit;
	}
	while (bar->ticks.values[0] > bar->low + 1e-9 * fabs(bar->low) && bar->ticks.count < LR_TICKS_MAX) {
		double unit = pow(10, bar->ticks.decimals);
		memmove(&bar->ticks.values[1], &bar->ticks.values[0], sizeof(double) * (size_t) bar->ticks.count);
		bar->ticks.values[0] = round((bar->ticks.values[1] - bar->ticks.step) * unit) / unit;
		bar->ticks.count++;
	}
	bar->domain0 = MIN(bar->ticks.values[0], bar->low);
	bar->domain1 = MAX(bar->ticks.values[bar->ticks.count - 1], bar->high);
}

static void
clear_labels_for(lr_text_t *labels, int count)
{
	for (int c = 0; c < count; c++)
		lr_text_clear(&labels[c]);
}

/* ---- category labels ----------------------------------------------------------------- *
 *
 * A chart never overprints text. When the category labels do not fit side by side at the
 * small size, a vertical chart tries, at each size from the small size down to the
 * legibility floor (LR_CHART_TEXT_SIZE_MIN): wrapped labels side by side, then (years only)
 * every 2nd, 5th, 10th … year, then labels turned 45° (they read more easily than upright
 * ones and take less height, but need wider bands: a line's height over √½), then turned a
 * quarter, read upwards; turned labels end at their bar's tick. A horizontal chart shrinks its labels until each fits its band. When nothing
 * fits, the layout reports the band the labels would need at the floor, and the chart is
 * refused with the size that would hold it. */

/* The size factors to try, largest first: the small size (never below the floor), then 10%
 * steps down to the floor. Returns how many (at most @max). */
static int
label_sizes(const bar_layout_t *bar, double *sizes, int max)
{
	double font = bar->scene->font_size;
	double floor_size = LR_CHART_TEXT_SIZE_MIN / font;
	double first = MAX(bar->chart->theme->sizes[LR_THEME_SIZE_SMALL], floor_size);
	int count = 0;

	for (double f = first; count < max - 1 && f > floor_size * 1.0001; f -= first * 0.1)
		sizes[count++] = f;
	sizes[count++] = floor_size;
	if (count > 1 && sizes[count - 2] <= floor_size * 1.0001)
		count--;
	return count;
}

/* How vertical bars' category labels stand. */
typedef enum { LABELS_FLAT, LABELS_ANGLED, LABELS_TURNED } label_pose_t;

/* Measures every category label at @size: wrapped to @wrap_width in at most @max_lines
 * (angled or turned labels: one line, ellipsized beyond @wrap_width). */
static lr_status_t
measure_categories(bar_layout_t *bar, double size, double wrap_width, int max_lines, label_pose_t pose,
		   lr_text_t *labels)
{
	int C = bar->table.category_count;

	bool rotated = pose != LABELS_FLAT;

	clear_labels_for(labels, C);
	for (int c = 0; c < C; c++) {
		PangoAlignment align = rotated ? PANGO_ALIGN_RIGHT
				     : bar->horizontal ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
		lr_status_t status = lr_scene_measure(bar->scene, bar->table.category_labels[c], size,
						      is_highlighted(bar, 0, c), wrap_width,
						      rotated ? 1 : max_lines, align, &labels[c]);
		if (status) {
			clear_labels_for(labels, C);
			return status;
		}
	}
	return LR_STATUS_SUCCESS;
}

/* Whether category @c, at @position, is labelled when every @step-th is: whole multiples of
 * the step for consecutive years (2020, 2025, 2030), else every step-th position. */
static bool
is_labelled(const bar_layout_t *bar, int position, int step)
{
	const lr_table_t *table = &bar->table;
	int C = table->category_count, first = table->category_years[0];
	bool consecutive = table->category_dimension == LR_DIMENSION_YEAR &&
			   table->category_years[C - 1] - first == C - 1;

	if (step <= 1)
		return true;
	return consecutive ? table->category_years[bar->order[position]] % step == 0
			   : position % step == 0;
}

/* True when the labels shown (every @step-th), each centred on (or, angled, ending at) its
 * band's middle, leave a gap between neighbours and stay on the canvas. Flat and turned
 * labels part along the category axis (by width, or line height); angled ones are parallel
 * strips, parted by their line heights across, √½ of the bands between them. */
static bool
labels_fit_side_by_side(const bar_layout_t *bar, const lr_text_t *labels, int step, label_pose_t pose)
{
	int C = bar->table.category_count, previous = -1;
	double gap = bar->band_size * (pose == LABELS_TURNED ? 0.08 : 0.04), previous_extent = 0;

	for (int position = 0; position < C; position++) {
		int c = bar->order[position];
		double extent = pose == LABELS_FLAT ? labels[c].width : labels[c].height;
		double centre = bar->band0 + (position + 0.5) * bar->band_size;
		double left = centre - extent / 2, right = centre + extent / 2;
		double room = (position - previous) * bar->band_size;
		if (!is_labelled(bar, position, step))
			continue;
		if (pose == LABELS_ANGLED) {
			left = centre - lr_scene_angled_reach(labels[c].width, labels[c].height);
			right = centre + labels[c].height * G_SQRT2 / 4;
			room *= G_SQRT2 / 2;
			gap = labels[c].height * 0.15;
		}
		if (left < 0 || right > bar->scene->width)
			return false;
		if (previous >= 0 && (previous_extent + extent) / 2 + gap > room)
			return false;
		previous = position;
		previous_extent = extent;
	}
	return previous >= 0;
}

static bool
any_ellipsized(const lr_text_t *labels, int count)
{
	for (int c = 0; c < count; c++)
		if (labels[c].ellipsized)
			return true;
	return false;
}

static double
max_extent(const lr_text_t *labels, int count, bool widths)
{
	double extent = 0;

	for (int c = 0; c < count; c++)
		extent = MAX(extent, widths ? labels[c].width : labels[c].height);
	return extent;
}

/* Vertical bars: chooses how the category labels fit bands of bar->band_size (see above),
 * with turned labels at most @max_length long. Sets bar->label_size, rotated, step and
 * *@extent (the labels' height below the axis); *@fits false when nothing fits (then
 * bar->min_band says what band would). */
static lr_status_t
choose_vertical_labels(bar_layout_t *bar, double max_length, lr_text_t *labels, double *extent,
		       bool *fits)
{
	static const int steps[] = { 2, 5, 10, 20, 25, 50, 100 };
	int C = bar->table.category_count;
	int max_lines = (int) bar->chart->theme->sizes[LR_THEME_SIZE_MAX_LABEL_LINES];
	bool ordered = bar->table.category_dimension == LR_DIMENSION_YEAR;
	double sizes[16];
	int count = label_sizes(bar, sizes, G_N_ELEMENTS(sizes));
	lr_status_t status;

	/* First without cutting any label short ("…"), then, when nothing else fits, cut. */
	*fits = true;
	for (int cut = 0; cut < 2; cut++)
		for (int i = 0; i < count; i++) {
			double line = bar->scene->font_size * sizes[i] * 1.5;
			bar->label_size = sizes[i];
			bar->rotated = false;
			bar->angled = false;
			bar->step = 1;
			status = measure_categories(bar, sizes[i], bar->band_size * 0.96, max_lines,
						    LABELS_FLAT, labels);
			if (status)
				return status;
			*extent = max_extent(labels, C, false);
			if (cut || !any_ellipsized(labels, C)) {
				if (labels_fit_side_by_side(bar, labels, 1, LABELS_FLAT))
					return LR_STATUS_SUCCESS;
				for (unsigned k = 0; ordered && k < G_N_ELEMENTS(steps) && steps[k] < C; k++) {
					bar->step = steps[k];
					if (labels_fit_side_by_side(bar, labels, steps[k], LABELS_FLAT))
						return LR_STATUS_SUCCESS;
				}
			}
			bar->step = 1;
			/* Angled: as long as their bounding box is no taller than turned labels. */
			bar->angled = true;
			status = measure_categories(bar, sizes[i], MAX(line, max_length * G_SQRT2 - line), 1,
						    LABELS_ANGLED, labels);
			if (status)
				return status;
			*extent = 0;
			for (int c = 0; c < C; c++)
				*extent = MAX(*extent, lr_scene_angled_extent(labels[c].width, labels[c].height));
			if ((cut || !any_ellipsized(labels, C)) && *extent <= max_length + 1e-9 &&
			    labels_fit_side_by_side(bar, labels, 1, LABELS_ANGLED))
				return LR_STATUS_SUCCESS;
			bar->angled = false;
			bar->rotated = true;
			status = measure_categories(bar, sizes[i], max_length, 1, LABELS_TURNED, labels);
			if (status)
				return status;
			*extent = max_extent(labels, C, true);
			if ((cut || !any_ellipsized(labels, C)) &&
			    labels_fit_side_by_side(bar, labels, 1, LABELS_TURNED))
				return LR_STATUS_SUCCESS;
		}
	/* Turned, at the floor: the band the widest line needs, with its gap. */
	bar->min_band = max_extent(labels, C, false) / 0.92;
	*fits = false;
	return LR_STATUS_SUCCESS;
}

/* Horizontal bars: the largest size at which every label, wrapped to @wrap_width in as many
 * lines as its band holds, fits its band with a gap. As choose_vertical_labels. */
static lr_status_t
choose_horizontal_labels(bar_layout_t *bar, double band, double wrap_width, lr_text_t *labels,
			 double *extent, bool *fits)
{
	int C = bar->table.category_count;
	int max_lines = (int) bar->chart->theme->sizes[LR_THEME_SIZE_MAX_LABEL_LINES];
	double font = bar->scene->font_size, sizes[16];
	int count = label_sizes(bar, sizes, G_N_ELEMENTS(sizes));
	lr_status_t status;

	*fits = true;
	bar->rotated = false;
	bar->angled = false;
	bar->step = 1;
	for (int i = 0; i < count; i++) {
		int lines = (int) MAX(1, MIN(max_lines, floor(band * 0.92 / (font * sizes[i] * 1.4))));
		bar->label_size = sizes[i];
		status = measure_categories(bar, sizes[i], wrap_width, lines, LABELS_FLAT, labels);
		if (status)
			return status;
		*extent = max_extent(labels, C, true);
		if (max_extent(labels, C, false) <= band * 0.92)
			break;
		if (i + 1 == count) {
			bar->min_band = max_extent(labels, C, false) / 0.92;
			*fits = false;
		}
	}
	return LR_STATUS_SUCCESS;
}

/* True when the box (@x, @y, @w, @h) covers a bar: only the bands it spans are looked at. */
static bool
covers_a_bar(const bar_layout_t *bar, double x, double y, double w, double h)
{
	int S = bar->table.series_count, C = bar->table.category_count;
	double lo = bar->horizontal ? y : x, hi = lo + (bar->horizontal ? h : w);
	int first = (int) MAX(0, floor((lo - bar->band0) / bar->band_size));
	int last = (int) MIN(C - 1, floor((hi - bar->band0) / bar->band_size));

	for (int position = first; position <= last; position++)
		for (int s = 0; s < S; s++) {
			const lr_rect_t *box = &bar->boxes[position * S + s];
			if (box->width >= 0 && lr_boxes_overlap(x, y, w, h, box->x, box->y, box->width,
								box->height, 0.01))
				return true;
		}
	return false;
}

/* True when a value label's box is on the canvas, keeps a gap to every text (so that
 * "0,5650" and "0,5642" never read as one) and, outside its bar, covers no bar. */
static bool
label_box_free(const bar_layout_t *bar, double x, double y, double w, double h, bool inside,
	       bool turned)
{
	const lr_scene_t *scene = bar->scene;
	/* Turned labels stand side by side as columns: their boxes' line spacing already
	 * parts them, so a smaller gap across. */
	double gap_x = scene->font_size * (turned ? 0.08 : 0.3);
	double gap_y = scene->font_size * (turned ? 0.3 : 0.15);

	return x >= 0 && y >= 0 && x + w <= scene->width && y + h <= scene->height &&
	       !lr_scene_text_collides(scene, x - gap_x / 2, y - gap_y / 2, w + gap_x, h + gap_y) &&
	       (inside || !covers_a_bar(bar, x, y, w, h));
}

/* Places one value label for a bar spanning [p_start, p_end] on the value axis, at
 * [band_position, band_position + thickness] on the category axis. Inside when it fits,
 * otherwise outside beyond the end; left out (*@placed false) if it would overlap another
 * text or leave the canvas. */
static lr_status_t
place_value_label(bar_layout_t *bar, const char *label, double band_position, double thickness,
		  double p_start, double p_end, double p_outer, lr_color_t fill, bool allow_outside,
		  bool negative, bool *placed)
{
	lr_scene_t *scene = bar->scene;
	double pad = scene->font_size * 0.3;
	double length = fabs(p_end - p_start);
	lr_text_t text;
	double along, across, x, y, w, h;
	bool inside;
	lr_color_t color;
	lr_status_t status;

	*placed = false;
	status = lr_scene_measure(scene, label, bar->label_size, false, 0, 0, PANGO_ALIGN_LEFT, &text);
	if (status)
		return status;
	w = text.width;
	h = text.height;
	along = bar->horizontal ? w : h;
	across = bar->horizontal ? h : w;
	inside = along + 2 * pad <= length && across + pad <= thickness;
	if (!inside && !allow_outside) {
		lr_text_clear(&text);
		return LR_STATUS_SUCCESS;
	}
	/* Labels sit at the bar's far end: inside just short of it, outside just beyond it.
	 * For negative values "beyond" is the other way, so the label flips with the bar. */
	if (bar->horizontal) {
		if (inside)
			x = negative ? p_end + pad : p_end - pad - w;
		else
			x = negative ? p_outer - pad - w : p_outer + pad;
		y = band_position + (thickness - h) / 2;
	} else {
		if (inside)
			y = negative ? p_end - pad - h : p_end + pad;
		else
			y = negative ? p_outer + pad : p_outer - pad - h;
		x = band_position + (thickness - w) / 2;
	}
	color = inside ? lr_color_text_on(fill) : bar->chart->theme->colors[LR_THEME_COLOR_TEXT];
	/* Vertical bars whose category labels are turned: value labels beyond the bars turn too
	 * (all of them, so that they read alike), up from the bar's end. */
	if (!inside && bar->turn_value_labels) {
		x = band_position + (thickness - h) / 2;
		y = negative ? p_outer + pad : p_outer - pad - w;
		if (label_box_free(bar, x, y, h, w, false, true)) {
			lr_scene_add_text_rotated(scene, "value-label-outside", &text, x, y, color);
			*placed = true;
			return LR_STATUS_SUCCESS;
		}
	} else if (label_box_free(bar, x, y, w, h, inside, false)) {
		lr_scene_add_text(scene, inside ? "value-label" : "value-label-outside", &text, x, y,
				  color);
		*placed = true;
		return LR_STATUS_SUCCESS;
	}
	lr_text_clear(&text);
	return LR_STATUS_SUCCESS;
}

typedef struct {
	char *text;
	double band_position, thickness, p_start, p_end, p_outer;
	lr_color_t fill;
	bool allow_outside, negative, highlighted;
} pending_label_t;

static void
pending_label_free(gpointer data)
{
	pending_label_t *pending = data;

	g_free(pending->text);
	g_free(pending);
}

/* The highlighted category's labels first, so that no other label takes their place. */
static gint
compare_pending(gconstpointer a, gconstpointer b)
{
	const pending_label_t *x = *(const pending_label_t *const *) a;
	const pending_label_t *y = *(const pending_label_t *const *) b;

	return (int) y->highlighted - (int) x->highlighted;
}

static lr_status_t
draw_bars(bar_layout_t *bar)
{
	const lr_table_t *table = &bar->table;
	lr_scene_t *scene = bar->scene;
	const lr_theme_t *theme = bar->chart->theme;
	int S = table->series_count, C = table->category_count;
	double gap = theme->sizes[LR_THEME_SIZE_BAR_GAP];
	bool stacked = bar->layout != LR_BAR_GROUPED;
	/* A bar is never thicker than six lines of text: one or two categories would otherwise
	 * make slabs. The group stays centred in its band. */
	double inner = MIN(bar->band_size * (1 - gap), scene->font_size * 6 * (stacked ? 1 : S));
	double inset = (bar->band_size - inner) / 2;
	double zero = value_to_pixel(bar, 0);
	double thickness = stacked ? inner : inner / S;
	/* Deferred so labels sit above every bar; placed in priority order (g_ptr_array_sort
	 * is stable, so otherwise in drawing order). */
	GPtrArray *labels = g_ptr_array_new_with_free_func(pending_label_free);
	lr_language_t language = bar->chart->language;
	lr_status_t status = LR_STATUS_SUCCESS;

	bar->boxes = g_new(lr_rect_t, (gsize) C * S);
	for (int i = 0; i < C * S; i++)
		bar->boxes[i].width = -1;
	for (int position = 0; position < C; position++) {
		int c = bar->order[position];
		double band_start = bar->band0 + position * bar->band_size + inset;
		double positive = 0, negative = 0, total = 0;
		bool any = false;
		for (int s = 0; s < S; s++) {
			const lr_observation_t *o = LR_TABLE_CELL(table, s, c);
			double v = bar->values[s * C + c];
			double base, end, p0, p1, p_outer, band_position;
			lr_color_t color = bar_color(bar, s, c);
			lr_item_t *item;
			pending_label_t *pending;
			bool uncertain, range;

			if (!o || isnan(v))
				continue;
			any = true;
			total += v;
			band_position = stacked ? band_start : band_start + s * thickness;
			if (stacked) {
				base = v >= 0 ? positive : negative;
				end = base + v;
				if (v >= 0)
					positive = end;
				else
					negative = end;
			} else {
				base = 0;
				end = v;
			}
			range = !stacked && !isnan(o->low);
			if (range)
				end = o->low; /* the solid bar reaches the range's low end */
			p0 = value_to_pixel(bar, base);
			p1 = value_to_pixel(bar, end);
			uncertain = o->status != LR_OBSERVATION_ACTUAL;
			item = add_bar_rect(bar, "bar", band_position, thickness, p0, p1, color);
			if (uncertain)
				style_uncertain(bar, item, color);
			p_outer = p1;
			if (range) {
				double p2 = value_to_pixel(bar, o->high);
				lr_item_t *extension = add_bar_rect(bar, "range", band_position, thickness, p1,
								    p2, lr_color_lighten(color, 0.78));
				lr_item_set_outline(extension, color, scene->font_size * 0.09, LR_DASH_DASHED);
				p_outer = p2;
			}
			{
				double lo = MIN(p0, p_outer), length = fabs(p_outer - p0);
				bar->boxes[position * S + s] = bar->horizontal
					? (lr_rect_t) { lo, band_position, length, thickness }
					: (lr_rect_t) { band_position, lo, thickness, length };
			}
			if (bar->chart->value_labels == LR_VALUE_LABELS_NONE)
				continue;
			pending = g_new0(pending_label_t, 1);
			if (bar->layout == LR_BAR_PERCENT) {
				pending->text = lr_format_figure(v, language, "%", bar->decimals, true);
			} else {
				const lr_indicator_t *indicator = table->series_indicators[s];
				pending->text = lr_format_observation_figure(
					o, language, lr_indicator_get_unit(indicator, language),
					indicator->kind == LR_INDICATOR_RANK, bar->decimals);
			}
			pending->band_position = band_position;
			pending->thickness = thickness;
			pending->p_start = p0;
			pending->p_end = range ? value_to_pixel(bar, o->high) : p1;
			pending->p_outer = p_outer;
			pending->fill = uncertain ? lr_color_lighten(color, 0.55) : color;
			pending->allow_outside = !stacked;
			pending->negative = v < 0;
			pending->highlighted = is_highlighted(bar, s, c);
			if (range) {
				/* A range label goes beyond the range, never inside it. */
				pending->p_start = p_outer;
			}
			g_ptr_array_add(labels, pending);
		}
		/* Stacks get their total beyond the end, unless 100% stacked (always 100). A
		 * total never fits "inside" (p_start = p_end): it goes beyond the end. */
		if (any && bar->layout == LR_BAR_STACKED && S > 1 &&
		    bar->chart->value_labels != LR_VALUE_LABELS_NONE) {
			pending_label_t *pending = g_new0(pending_label_t, 1);
			double end = value_to_pixel(bar, total);
			pending->text = lr_format_figure(total, language,
							 lr_indicator_get_unit(table->series_indicators[0],
									       language),
							 bar->decimals, false);
			pending->band_position = band_start;
			pending->thickness = inner;
			pending->p_start = pending->p_end = pending->p_outer = end;
			pending->fill = theme->colors[LR_THEME_COLOR_BACKGROUND];
			pending->allow_outside = true;
			pending->negative = total < 0;
			pending->highlighted = is_highlighted(bar, 0, c);
			g_ptr_array_add(labels, pending);
		}
	}

	/* A band without any bar says so, instead of looking like a zero. */
	for (int position = 0; position < C && status == LR_STATUS_SUCCESS; position++) {
		int c = bar->order[position];
		bool empty = true;
		lr_text_t text;
		for (int s = 0; s < S; s++)
			empty &= !LR_TABLE_CELL(table, s, c);
		if (!empty)
			continue;
		status = lr_scene_measure(scene, lr_word(language, LR_WORD_NO_DATA), bar->label_size,
					  false, bar->horizontal ? 0 : bar->band_size * 0.9, 2,
					  PANGO_ALIGN_CENTER, &text);
		if (status)
			break;
		/* Where it does not fit (a crowded chart), the empty band speaks for itself. */
		if (bar->horizontal ? text.height > bar->band_size : text.width > bar->band_size) {
			lr_text_clear(&text);
			continue;
		}
		if (bar->horizontal)
			lr_scene_add_text(scene, "no-data", &text, zero + scene->font_size * 0.4,
					  bar->band0 + position * bar->band_size + (bar->band_size - text.height) / 2,
					  theme->colors[LR_THEME_COLOR_TEXT_MUTED]);
		else
			lr_scene_add_text(scene, "no-data", &text,
					  bar->band0 + position * bar->band_size + (bar->band_size - text.width) / 2,
					  zero - scene->font_size * 0.4 - text.height,
					  theme->colors[LR_THEME_COLOR_TEXT_MUTED]);
	}

	/* The zero baseline goes over the bars' ends. */
	if (bar->horizontal)
		lr_scene_add_line(scene, "baseline", zero, bar->plot.y, zero, bar->plot.y + bar->plot.height,
				  theme->colors[LR_THEME_COLOR_AXIS],
				  scene->font_size * theme->sizes[LR_THEME_SIZE_AXIS_LINE]);
	else
		lr_scene_add_line(scene, "baseline", bar->plot.x, zero, bar->plot.x + bar->plot.width, zero,
				  theme->colors[LR_THEME_COLOR_AXIS],
				  scene->font_size * theme->sizes[LR_THEME_SIZE_AXIS_LINE]);

	/* Beside angled category labels, outside value labels stay level when each fits across
	 * its bar; else all turn (so that they read alike). */
	bar->turn_value_labels = !bar->horizontal && bar->rotated;
	for (guint i = 0; !bar->horizontal && bar->angled && !bar->turn_value_labels &&
			  i < labels->len && status == LR_STATUS_SUCCESS; i++) {
		const pending_label_t *pending = g_ptr_array_index(labels, i);
		lr_text_t text;
		status = lr_scene_measure(scene, pending->text, bar->label_size, false, 0, 0,
					  PANGO_ALIGN_LEFT, &text);
		if (status)
			break;
		bar->turn_value_labels = pending->allow_outside &&
					 text.width + scene->font_size * 0.3 > pending->thickness;
		lr_text_clear(&text);
	}
	g_ptr_array_sort(labels, compare_pending);
	bar->value_label_count = (int) labels->len;
	bar->value_labels_left_out = 0;
	for (guint i = 0; i < labels->len && status == LR_STATUS_SUCCESS; i++) {
		pending_label_t *pending = g_ptr_array_index(labels, i);
		bool placed;
		status = place_value_label(bar, pending->text, pending->band_position, pending->thickness,
					   pending->p_start, pending->p_end, pending->p_outer,
					   pending->fill, pending->allow_outside, pending->negative,
					   &placed);
		if (!placed)
			bar->value_labels_left_out++;
	}
	g_ptr_array_unref(labels);
	g_clear_pointer(&bar->boxes, g_free);
	return status;
}

static lr_status_t
canvas_too_small(const bar_layout_t *bar, lr_error_record_t *error)
{
	return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				   "the canvas (%g × %g) is too small for this bar chart",
				   bar->scene->width, bar->scene->height);
}

/* One layout of the chart into @scene, its value-label note saying @note_left_out of
 * @note_total (no note unless @note_left_out > 0). Fills @result; a chart whose labels do not fit fails with result->crowded set. */
static lr_status_t
layout_pass(const lr_chart_t *chart, lr_scene_t *scene, int note_left_out, int note_total,
	    pass_result_t *result, lr_error_record_t *error)
{
	bar_layout_t bar = { .chart = chart, .scene = scene, .layout = chart->bar_layout,
			     .horizontal = chart->orientation == LR_ORIENTATION_HORIZONTAL,
			     .step = 1, .note_left_out = note_left_out };
	const lr_theme_t *theme = chart->theme;
	double font = scene->font_size;
	double small = MAX(theme->sizes[LR_THEME_SIZE_SMALL], LR_CHART_TEXT_SIZE_MIN / font);
	lr_legend_entry_t *legend = NULL;
	lr_frame_spec_t frame = { 0 };
	char *title = NULL, *subtitle = NULL;
	lr_text_t *labels = NULL;
	lr_status_t status;
	lr_rect_t plot;
	int C, S, max_lines = (int) theme->sizes[LR_THEME_SIZE_MAX_LABEL_LINES];
	double tick_width = 0, tick_height = 0, label_extent = 0, value_label_room, axis_length;
	bool fits = true;

	memset(result, 0, sizeof *result);
	status = lr_chart_select(chart, false, &bar.table, error);
	if (status)
		return status;
	S = bar.table.series_count;
	C = bar.table.category_count;
	result->categories = C;
	if (S > LR_THEME_SERIES_COLORS) {
		/* Colours would repeat, and a reader could not tell those series apart. */
		status = lr_error_record_set(
			error, LR_STATUS_UNSUPPORTED, NULL, 0, 0,
			"%d series are more than the %d colours a reader can tell apart: keep at most %d "
			"(%s) or draw one year (--year Y), which puts the entities along the axis",
			S, LR_THEME_SERIES_COLORS, LR_THEME_SERIES_COLORS,
			bar.table.series_dimension == LR_DIMENSION_INDICATOR ? "--indicator ID, repeated"
									      : "--entity NAME, repeated");
		lr_table_clear(&bar.table);
		return status;
	}
	compute_values(&bar);
	compute_order(&bar);
	bar.decimals = decimals_needed(&bar);
	bar.label_size = small;

	title = chart->title ? g_strdup(chart->title) : default_title(&bar);
	subtitle = chart->subtitle ? g_strdup(chart->subtitle) : default_subtitle(&bar);
	frame.title = title;
	frame.subtitle = subtitle;
	frame.notes = notes_for(&bar);
	if (note_left_out > 0)
		g_ptr_array_add(frame.notes, lr_words_labels_left_out(chart->language, note_left_out,
								     note_total));
	if (S > 1) {
		legend = g_new0(lr_legend_entry_t, S);
		for (int s = 0; s < S; s++) {
			legend[s].label = bar.table.series_labels[s];
			legend[s].color = lr_theme_series_color(theme, (unsigned) s);
		}
		frame.legend = legend;
		frame.legend_count = S;
	}
	status = lr_frame_layout(chart, scene, &bar.table, &frame, &plot, error);
	if (status)
		goto out;

	labels = g_new0(lr_text_t, C);
	/* Room beyond bar ends for outside value labels: one line of small text. */
	value_label_room = font * small * 1.45 + font * 0.3;
	if (bar.horizontal)
		value_label_room = font * small * 4.5;
	if (chart->value_labels == LR_VALUE_LABELS_NONE)
		value_label_room = font * 0.3;

	/* Two passes: tick labels set the axis width, which sets the bands, which set how the
	 * category labels fit, which sets the axis length the ticks were chosen for. */
	axis_length = bar.horizontal ? plot.width * 0.6
				     : plot.height - font * small * 1.4 * max_lines;
	for (int pass = 0; pass < 2; pass++) {
		choose_ticks(&bar, axis_length);
		status = measure_ticks(&bar, &tick_width, &tick_height);
		if (status)
			goto out;
		if (bar.horizontal) {
			double band = (plot.height - tick_height - font * 0.4) / C;
			status = choose_horizontal_labels(&bar, band, plot.width * 0.34, labels,
							  &label_extent, &fits);
			if (status)
				goto out;
			bar.plot = (lr_rect_t) { plot.x + label_extent + font * 0.6, plot.y,
						 plot.width - label_extent - font * 0.6 - tick_width / 2,
						 plot.height - tick_height - font * 0.4 };
			bar.band0 = bar.plot.y;
			bar.band_size = bar.plot.height / C;
			bar.axis0 = bar.plot.x + (bar.low < 0 ? value_label_room : 0);
			bar.axis1 = bar.plot.x + bar.plot.width - value_label_room;
			result->overhead = scene->height - bar.plot.height;
			/* Room around the tallest label, and bars of some thickness. */
			{
				int lines = 1;
				for (int c = 0; c < C; c++)
					lines = MAX(lines, labels[c].lines);
				result->comfortable_band = MAX(
					MAX(max_extent(labels, C, false) + font * 0.6,
					    lines * font * bar.label_size * 1.4 / 0.92 + 1),
					font * 0.6 * (bar.layout == LR_BAR_GROUPED ? S : 1) /
						(1 - theme->sizes[LR_THEME_SIZE_BAR_GAP]));
			}
		} else {
			bar.plot.x = plot.x + tick_width + font * 0.5;
			bar.plot.width = plot.x + plot.width - bar.plot.x;
			bar.band0 = bar.plot.x;
			bar.band_size = bar.plot.width / C;
			status = choose_vertical_labels(&bar, plot.height * 0.4, labels, &label_extent,
							&fits);
			if (status)
				goto out;
			bar.plot.y = plot.y + tick_height / 2;
			bar.plot.height = plot.height - tick_height / 2 - label_extent - font * 0.4;
			bar.axis0 = bar.plot.y + bar.plot.height - (bar.low < 0 ? value_label_room : 0);
			bar.axis1 = bar.plot.y + value_label_room;
			result->overhead = scene->width - bar.plot.width;
		}
		axis_length = fabs(bar.axis1 - bar.axis0);
	}
	if (!fits) {
		result->crowded = true;
		result->min_band = bar.min_band;
		status = canvas_too_small(&bar, error);
		goto out;
	}
	{
		/* Neighbouring tick labels must not run into each other; when even two ticks do
		 * not fit, the canvas is too small. */
		double spacing = bar.ticks.count > 1 ? fabs(value_to_pixel(&bar, bar.ticks.values[1]) -
							     value_to_pixel(&bar, bar.ticks.values[0])) : INFINITY;
		double needed = bar.horizontal ? tick_width + font * 0.3 : tick_height;
		if (spacing < needed)
			bar.plot.width = 0;
	}
	if (bar.plot.width < font * 2 || bar.plot.height < font * 2 ||
	    fabs(bar.axis1 - bar.axis0) < font) {
		status = canvas_too_small(&bar, error);
		goto out;
	}

	/* Grid lines and tick labels. */
	for (int i = 0; i < bar.ticks.count; i++) {
		double value = bar.ticks.values[i], p = value_to_pixel(&bar, value);
		char *label;
		lr_text_t text;
		if (value < bar.domain0 - 1e-9 || value > bar.domain1 + 1e-9)
			continue;
		if (value != 0) {
			if (bar.horizontal)
				lr_scene_add_line(scene, "gridline", p, bar.plot.y, p,
						  bar.plot.y + bar.plot.height,
						  theme->colors[LR_THEME_COLOR_GRID],
						  font * theme->sizes[LR_THEME_SIZE_GRID_LINE]);
			else
				lr_scene_add_line(scene, "gridline", bar.plot.x, p,
						  bar.plot.x + bar.plot.width, p,
						  theme->colors[LR_THEME_COLOR_GRID],
						  font * theme->sizes[LR_THEME_SIZE_GRID_LINE]);
		}
		label = tick_label(&bar, value);
		status = lr_scene_measure(scene, label, small, false, 0, 0, PANGO_ALIGN_LEFT, &text);
		g_free(label);
		if (status)
			goto out;
		if (bar.horizontal)
			lr_scene_add_text(scene, "tick-label", &text, p - text.width / 2,
					  bar.plot.y + bar.plot.height + font * 0.4,
					  theme->colors[LR_THEME_COLOR_TEXT_MUTED]);
		else
			lr_scene_add_text(scene, "tick-label", &text, plot.x + tick_width - text.width,
					  p - text.height / 2, theme->colors[LR_THEME_COLOR_TEXT_MUTED]);
	}

	/* Category labels: beside the band, below it, or turned with their end at the axis. */
	for (int position = 0; position < C; position++) {
		int c = bar.order[position];
		double band = bar.band0 + position * bar.band_size;
		lr_color_t color = theme->colors[LR_THEME_COLOR_TEXT];
		if (!is_labelled(&bar, position, bar.step))
			continue;
		if (bar.horizontal)
			lr_scene_add_text(scene, "category-label", &labels[c],
					  plot.x + label_extent - labels[c].width,
					  band + (bar.band_size - labels[c].height) / 2, color);
		else if (bar.rotated)
			lr_scene_add_text_rotated(scene, "category-label", &labels[c],
						  band + (bar.band_size - labels[c].height) / 2,
						  bar.plot.y + bar.plot.height + font * 0.4, color);
		else if (bar.angled)
			lr_scene_add_text_angled(scene, "category-label", &labels[c],
						 band + bar.band_size / 2,
						 bar.plot.y + bar.plot.height + font * 0.4, color);
		else
			lr_scene_add_text(scene, "category-label", &labels[c],
					  band + (bar.band_size - labels[c].width) / 2,
					  bar.plot.y + bar.plot.height + font * 0.4, color);
	}

	status = draw_bars(&bar);
	result->value_label_count = bar.value_label_count;
	result->value_labels_left_out = bar.value_labels_left_out;
out:
	if (labels) {
		clear_labels_for(labels, C);
		g_free(labels);
	}
	if (frame.notes)
		g_ptr_array_unref(frame.notes);
	g_free(legend);
	g_free(title);
	g_free(subtitle);
	g_free(bar.values);
	g_free(bar.order);
	lr_table_clear(&bar.table);
	if (status != LR_STATUS_SUCCESS && !error->message)
		lr_error_record_set(error, status, NULL, 0, 0, "bar chart layout failed: %s",
				    lr_status_to_string(status));
	return status;
}

/* The layout, again until the note on left-out value labels says what the chart shows: the
 * note takes room from the plot, which may leave out more. */
static lr_status_t
layout_with_note(const lr_chart_t *chart, lr_scene_t *scene, pass_result_t *result,
		 lr_error_record_t *error)
{
	lr_scene_mark_t start = lr_scene_mark(scene);
	int left_out = 0, total = 0;
	lr_status_t status;

	for (int attempt = 0;; attempt++) {
		status = layout_pass(chart, scene, left_out, total, result, error);
		if (status != LR_STATUS_SUCCESS || chart->value_labels != LR_VALUE_LABELS_FIT ||
		    result->value_labels_left_out == left_out || attempt == 3)
			return status;
		lr_scene_rollback(scene, start);
		left_out = result->value_labels_left_out;
		total = result->value_label_count;
	}
}

/* The smallest canvas, growing along the category axis only, that holds the labels of a
 * chart that was @crowded on @scene: the length its bands need at the legibility floor,
 * checked by laying the chart out there. 0 when none up to the largest canvas does. */
static double
length_that_fits(const lr_chart_t *chart, const lr_scene_t *scene, const pass_result_t *crowded)
{
	bool horizontal = chart->orientation == LR_ORIENTATION_HORIZONTAL;
	double length = ceil(crowded->overhead + crowded->categories * crowded->min_band);

	/* The font grows with the canvas until it is 16:9: a few tries cover that. */
	for (int tries = 0; tries < 10 && length <= 32767; tries++) {
		lr_error_record_t error = { 0 };
		pass_result_t result;
		lr_scene_t probe;
		lr_status_t status;

		lr_scene_init(&probe, scene->context, chart->theme, horizontal ? scene->width : length,
			      horizontal ? length : scene->height);
		status = layout_with_note(chart, &probe, &result, &error);
		lr_scene_clear(&probe);
		lr_error_record_clear(&error);
		if (status == LR_STATUS_SUCCESS || !result.crowded)
			return length;
		length = ceil(length * 1.06);
	}
	return 0;
}

static lr_status_t
crowded_error(const lr_chart_t *chart, const lr_scene_t *scene, const pass_result_t *crowded,
	      lr_error_record_t *error)
{
	bool horizontal = chart->orientation == LR_ORIENTATION_HORIZONTAL;
	double length = length_that_fits(chart, scene, crowded);
	char *fits = length > 0 ? g_strdup_printf("need at least %g × %g",
						  horizontal ? scene->width : length,
						  horizontal ? length : scene->height)
				: g_strdup("would need a canvas larger than 32767");
	lr_status_t status;

	lr_error_record_clear(error);
	/* One message for both orientations; only how the labels were tried and the way out
	 * differ. */
	status = lr_error_record_set(
		error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
		"the canvas (%g × %g) is too small for %d %s bars: their labels, %s the smallest "
		"legible size (%g), %s; or %s--size %gx%s",
		scene->width, scene->height, crowded->categories,
		horizontal ? "horizontal" : "vertical", horizontal ? "even at" : "turned and at",
		LR_CHART_TEXT_SIZE_MIN, fits,
		horizontal ? "give no height (" : "draw horizontal bars (--horizontal, with ",
		scene->width,
		horizontal ? ", height 0) and the chart takes the height it needs"
			   : " to take the height they need)");
	g_free(fits);
	return status;
}

lr_status_t
lr_bar_layout(const lr_chart_t *chart, lr_scene_t *scene, lr_error_record_t *error)
{
	lr_scene_mark_t start = lr_scene_mark(scene);
	pass_result_t result;
	lr_status_t status = layout_with_note(chart, scene, &result, error);

	if (status != LR_STATUS_SUCCESS && result.crowded)
		return crowded_error(chart, scene, &result, error);
	if (status == LR_STATUS_SUCCESS && chart->value_labels == LR_VALUE_LABELS_ALL &&
	    result.value_labels_left_out > 0) {
		lr_scene_rollback(scene, start);
		return lr_error_record_set(
			error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
			"value labels: %d of %d do not fit at %g × %g without overlapping; draw those "
			"that fit (--labels fit, the default), none (--labels none), or use a larger "
			"canvas", result.value_labels_left_out, result.value_label_count, scene->width,
			scene->height);
	}
	return status;
}

lr_status_t
lr_bar_natural_height(const lr_chart_t *chart, PangoContext *context, double width,
		      double *height, lr_error_record_t *error)
{
	pass_result_t result;
	lr_scene_t probe;
	lr_status_t status;

	*height = round(width * 9 / 16);
	if (chart->orientation != LR_ORIENTATION_HORIZONTAL)
		return LR_STATUS_SUCCESS;
	/* Laid out on a canvas taller than any chart needs: the font then depends on the width
	 * alone, as it will at the height found, and every label fits its band. */
	lr_scene_init(&probe, context, chart->theme, width, 32767);
	status = layout_pass(chart, &probe, -1, 0, &result, error);
	lr_scene_clear(&probe);
	if (status != LR_STATUS_SUCCESS && result.crowded) {
		lr_error_record_clear(error);
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					   "%d horizontal bars do not fit even the tallest canvas "
					   "(%g × 32767): choose fewer categories (--entity, --year)",
					   result.categories, width);
	}
	if (status != LR_STATUS_SUCCESS)
		return status;
	*height = MAX(*height, ceil(result.overhead + result.categories * result.comfortable_band));
	return LR_STATUS_SUCCESS;
}
