/* libreport tests: helpers shared by the chart suites (see chart-test-util.h).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include "chart-test-util.h"

#include <check.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

const char *
ct_brief(const char *text)
{
	static char buffer[1200];
	static const char more[] = "\n[… cut; the whole text is in the test log]";
	const char *end;

	if (strlen(text) < 1000)
		return text;
	fprintf(stderr, "%s\n", text);
	end = g_utf8_find_prev_char(text, text + sizeof buffer - sizeof more);
	memcpy(buffer, text, (size_t) (end - text));
	memcpy(buffer + (end - text), more, sizeof more);
	return buffer;
}

/* ---------------------------------------------------------------------------------------- */
/* The layout dump */

static void
item_free(gpointer data)
{
	ct_item_t *item = data;

	g_free(item->role);
	g_free(item->text);
	g_free(item);
}

static double
parse_number(const char *token, const char *line)
{
	char *end;
	double value = g_ascii_strtod(token, &end);

	ck_assert_msg(end != token && *end == '\0' && isfinite(value),
		      "layout dump: '%s' is not a number in line: %s", token, line);
	return value;
}

ct_layout_t *
ct_layout_parse(const char *dump)
{
	ct_layout_t *layout = g_new0(ct_layout_t, 1);
	char **lines = g_strsplit(dump, "\n", -1);
	char **head;
	int count = (int) g_strv_length(lines);

	layout->dump = g_strdup(dump);
	layout->items = g_ptr_array_new_with_free_func(item_free);
	ck_assert_msg(count >= 2 && g_str_has_suffix(dump, "\n"),
		      "layout dump: expected lines ending in a newline, got: %s", ct_brief(dump));
	head = g_strsplit(lines[0], " ", -1);
	ck_assert_msg(g_strv_length(head) == 3 && strcmp(head[0], "canvas") == 0,
		      "layout dump: the first line should be 'canvas W H', not '%s'", lines[0]);
	layout->width = parse_number(head[1], lines[0]);
	layout->height = parse_number(head[2], lines[0]);
	g_strfreev(head);

	/* The last "line" is the empty string after the final newline. */
	for (int i = 1; i < count - 1; i++) {
		const char *line = lines[i];
		ct_item_t *item = g_new0(ct_item_t, 1);
		char **fields = g_strsplit(line, " ", 6);
		const char *rest;

		ck_assert_msg(g_strv_length(fields) >= 5, "layout dump line %d is short: %s", i + 1, line);
		item->line = i + 1;
		item->role = g_strdup(fields[0]);
		item->x = parse_number(fields[1], line);
		item->y = parse_number(fields[2], line);
		item->width = parse_number(fields[3], line);
		item->height = parse_number(fields[4], line);
		ck_assert_msg(item->width >= 0 && item->height >= 0,
			      "layout dump line %d has a negative size: %s", i + 1, line);
		rest = fields[5] ? fields[5] : "";
		if (rest[0] == '"') {
			/* The string runs to the last quote: it may hold quotes itself. */
			const char *close = strrchr(rest, '"');
			ck_assert_msg(close > rest, "layout dump line %d: unterminated string: %s",
				      i + 1, line);
			{
				/* The dump writes a line break \n and a backslash \\. */
				char *escaped = g_strndup(rest + 1, (gsize) (close - rest - 1));
				item->text = g_strcompress(escaped);
				g_free(escaped);
			}
			ck_assert_msg(g_utf8_validate(item->text, -1, NULL),
				      "layout dump line %d: text is not UTF-8", i + 1);
			rest = close + 1;
		}
		{
			char **flags = g_strsplit(rest, " ", -1);
			for (char **flag = flags; *flag; flag++) {
				if (strcmp(*flag, "ellipsized") == 0 && item->text)
					item->ellipsized = true;
				else if (strcmp(*flag, "rotated") == 0 && item->text)
					item->rotated = true;
				else if (strcmp(*flag, "angle=45") == 0 && item->text)
					item->angled = true;
				else if (g_str_has_prefix(*flag, "along="))
					item->along = parse_number(*flag + 6, line);
				else if (g_str_has_prefix(*flag, "across="))
					item->across = parse_number(*flag + 7, line);
				else if (strcmp(*flag, "dashed") == 0)
					item->dashed = true;
				else if (strcmp(*flag, "hatched") == 0)
					item->hatched = true;
				else if (g_str_has_prefix(*flag, "fill=#") && strlen(*flag) == 12)
					item->fill = (guint32) strtoul(*flag + 6, NULL, 16);
				else if (g_str_has_prefix(*flag, "stroke=#") && strlen(*flag) == 14)
					item->stroke = (guint32) strtoul(*flag + 8, NULL, 16);
				else if (g_str_has_prefix(*flag, "width="))
					item->line_width = parse_number(*flag + 6, line);
				else
					ck_assert_msg(**flag == '\0', "layout dump line %d: unknown flag '%s': %s",
						      i + 1, *flag, line);
			}
			g_strfreev(flags);
		}
		g_strfreev(fields);
		g_ptr_array_add(layout->items, item);
	}
	g_strfreev(lines);
	return layout;
}

ct_layout_t *
ct_layout_describe(lr_chart_t *chart, double width, double height)
{
	char *dump = lr_chart_describe_layout(chart, width, height);
	ct_layout_t *layout;

	if (!dump) {
		const lr_error_t *error = lr_chart_get_error(chart);
		ck_abort_msg("lr_chart_describe_layout(%g, %g) failed: [%s] %s", width, height,
			     lr_status_to_string(lr_chart_status(chart)),
			     error ? error->message : "(no message)");
	}
	layout = ct_layout_parse(dump);
	lr_free(dump);
	ck_assert_double_eq(layout->width, width);
	ck_assert_double_eq(layout->height, height);
	return layout;
}

void
ct_layout_free(ct_layout_t *layout)
{
	if (!layout)
		return;
	g_ptr_array_unref(layout->items);
	g_free(layout->dump);
	g_free(layout);
}

GPtrArray *
ct_layout_find_all(const ct_layout_t *layout, const char *role, const char *text)
{
	GPtrArray *found = g_ptr_array_new();

	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(layout->items, i);
		if (role && strcmp(item->role, role) != 0)
			continue;
		if (text && (!item->text || strcmp(item->text, text) != 0))
			continue;
		g_ptr_array_add(found, (gpointer) item);
	}
	return found;
}

const ct_item_t *
ct_layout_find(const ct_layout_t *layout, const char *role, const char *text)
{
	GPtrArray *found = ct_layout_find_all(layout, role, text);
	const ct_item_t *item = found->len ? g_ptr_array_index(found, 0) : NULL;

	g_ptr_array_unref(found);
	return item;
}

const ct_item_t *
ct_layout_find_containing(const ct_layout_t *layout, const char *role, const char *needle)
{
	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(layout->items, i);
		if ((!role || strcmp(item->role, role) == 0) && item->text && strstr(item->text, needle))
			return item;
	}
	return NULL;
}

guint
ct_layout_count(const ct_layout_t *layout, const char *role)
{
	GPtrArray *found = ct_layout_find_all(layout, role, NULL);
	guint count = found->len;

	g_ptr_array_unref(found);
	return count;
}

bool
ct_item_is_text(const ct_item_t *item)
{
	return item->text != NULL;
}

/* The corners of @item's text as drawn: its box, or for angled text the turned rectangle
 * whose corners touch the box's sides (the top one at x + along × √½). */
static void
item_corners(const ct_item_t *item, double corners[4][2])
{
	double r = G_SQRT2 / 2;

	if (!item->angled) {
		double box[4][2] = { { item->x, item->y }, { item->x + item->width, item->y },
				     { item->x + item->width, item->y + item->height },
				     { item->x, item->y + item->height } };
		memcpy(corners, box, sizeof box);
		return;
	}
	corners[0][0] = item->x + item->along * r;         /* the end's top */
	corners[0][1] = item->y;
	corners[1][0] = item->x + item->width;             /* the end's bottom */
	corners[1][1] = item->y + item->across * r;
	corners[2][0] = item->x + item->across * r;        /* the start's bottom */
	corners[2][1] = item->y + item->height;
	corners[3][0] = item->x;                           /* the start's top */
	corners[3][1] = item->y + item->along * r;
}

bool
ct_boxes_overlap(const ct_item_t *a, const ct_item_t *b, double slack)
{
	/* Separating axes: the sides' directions of both rectangles. */
	static const double axes[4][2] = { { 1, 0 }, { 0, 1 }, { G_SQRT2 / 2, -G_SQRT2 / 2 },
					   { G_SQRT2 / 2, G_SQRT2 / 2 } };
	double ca[4][2], cb[4][2];

	if (!a->angled && !b->angled)
		return a->x + a->width > b->x + slack && b->x + b->width > a->x + slack &&
		       a->y + a->height > b->y + slack && b->y + b->height > a->y + slack;
	item_corners(a, ca);
	item_corners(b, cb);
	for (int k = 0; k < 4; k++) {
		double a0 = INFINITY, a1 = -INFINITY, b0 = INFINITY, b1 = -INFINITY;
		for (int i = 0; i < 4; i++) {
			double pa = ca[i][0] * axes[k][0] + ca[i][1] * axes[k][1];
			double pb = cb[i][0] * axes[k][0] + cb[i][1] * axes[k][1];
			a0 = MIN(a0, pa);
			a1 = MAX(a1, pa);
			b0 = MIN(b0, pb);
			b1 = MAX(b1, pb);
		}
		if (a1 <= b0 + slack || b1 <= a0 + slack)
			return false;
	}
	return true;
}

bool
ct_box_inside(const ct_item_t *inner, const ct_item_t *outer)
{
	double slack = CT_SLACK + CT_ROUNDING;

	return inner->x >= outer->x - slack && inner->y >= outer->y - slack &&
	       inner->x + inner->width <= outer->x + outer->width + slack &&
	       inner->y + inner->height <= outer->y + outer->height + slack;
}

static void
describe_item(GString *out, const ct_item_t *item)
{
	g_string_append_printf(out, "%s %.1f %.1f %.1f %.1f", item->role, item->x, item->y,
			       item->width, item->height);
	if (item->text)
		g_string_append_printf(out, " \"%s\"", item->text);
}

char *
ct_layout_text_problems(const ct_layout_t *layout)
{
	GString *problems = g_string_new(NULL);
	GPtrArray *texts = g_ptr_array_new();

	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(layout->items, i);
		if (item->text)
			g_ptr_array_add(texts, (gpointer) item);
	}
	for (guint i = 0; i < texts->len; i++) {
		const ct_item_t *item = g_ptr_array_index(texts, i);
		/* Rounded values: a box flush with an edge may seem to pass it by 0.1. */
		if (item->x < -CT_SLACK || item->y < -CT_SLACK ||
		    item->x + item->width > layout->width + CT_SLACK + 0.1 ||
		    item->y + item->height > layout->height + CT_SLACK + 0.1) {
			g_string_append(problems, "  outside the canvas: ");
			describe_item(problems, item);
			g_string_append_c(problems, '\n');
		}
		for (guint j = i + 1; j < texts->len; j++) {
			const ct_item_t *other = g_ptr_array_index(texts, j);
			if (!ct_boxes_overlap(item, other, CT_SLACK + CT_ROUNDING))
				continue;
			g_string_append(problems, "  overlap: ");
			describe_item(problems, item);
			g_string_append(problems, "\n      and: ");
			describe_item(problems, other);
			g_string_append_c(problems, '\n');
		}
	}
	g_ptr_array_unref(texts);
	if (problems->len == 0) {
		g_string_free(problems, TRUE);
		return NULL;
	}
	return g_string_free(problems, FALSE);
}

void
ct_assert_text_fits(const ct_layout_t *layout, const char *what)
{
	char *problems = ct_layout_text_problems(layout);

	if (problems) {
		ck_abort_msg("%s at %g x %g: text boxes leave the canvas or overlap:\n%s", what,
			     layout->width, layout->height, ct_brief(problems));
	}
}

/* ---------------------------------------------------------------------------------------- */
/* Data */

lr_dataset_t *
ct_load_data_from(const char *directory)
{
	lr_dataset_t *dataset = lr_dataset_load(directory);

	ck_assert_ptr_nonnull(dataset);
	if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS) {
		const lr_error_t *error = lr_dataset_get_error(dataset, 0);
		ck_abort_msg("%s does not load: %s:%u:%u: %s", directory,
			     error && error->file ? error->file : "", error ? error->line : 0,
			     error ? error->column : 0, error ? error->message : "");
	}
	return dataset;
}

lr_dataset_t *
ct_load_data(void)
{
	return ct_load_data_from(LR_DATA_DIR);
}

char *
ct_nfd(const char *text)
{
	char *nfd = g_utf8_normalize(text, -1, G_NORMALIZE_NFD);

	ck_assert_ptr_nonnull(nfd);
	return nfd;
}

char *
ct_make_nfd_data_dir(void)
{
	char *folder = ct_make_temp_dir();
	GDir *dir = g_dir_open(LR_DATA_DIR, 0, NULL);
	const char *name;
	int copied = 0;

	ck_assert_ptr_nonnull(dir);
	while ((name = g_dir_read_name(dir))) {
		char *from, *to, *text, *nfd;
		gsize length;
		if (!g_str_has_suffix(name, ".csv") && strcmp(name, "charts.ini") != 0)
			continue;
		from = g_build_filename(LR_DATA_DIR, name, NULL);
		to = g_build_filename(folder, name, NULL);
		ck_assert_msg(g_file_get_contents(from, &text, &length, NULL), "cannot read %s", from);
		nfd = g_utf8_normalize(text, (gssize) length, G_NORMALIZE_NFD);
		ck_assert_msg(nfd != NULL, "%s is not UTF-8", from);
		ck_assert_msg(g_file_set_contents(to, nfd, -1, NULL), "cannot write %s", to);
		copied++;
		g_free(text);
		g_free(nfd);
		g_free(from);
		g_free(to);
	}
	g_dir_close(dir);
	ck_assert_int_ge(copied, 3);
	return folder;
}

void
ct_add_indicator(lr_dataset_t *dataset, const char *id, const char *name_vi, const char *name_en,
		 const char *unit_vi, const char *unit_en, lr_indicator_kind_t kind,
		 lr_direction_t better)
{
	lr_indicator_t indicator = {
		.id = id, .name_vi = name_vi, .name_en = name_en, .unit_vi = unit_vi,
		.unit_en = unit_en, .kind = kind, .better = better, .pillar = "overall", .note = "",
	};
	lr_status_t status = lr_dataset_add_indicator(dataset, &indicator);

	ck_assert_msg(status == LR_STATUS_SUCCESS, "adding indicator %s: %s", id,
		      lr_status_to_string(status));
}

void
ct_add_observation(lr_dataset_t *dataset, const char *indicator, const char *entity, int year,
		   double value, int total, lr_observation_status_t status)
{
	lr_observation_t observation = {
		.indicator = indicator, .entity = entity, .year = year, .period = "",
		.value = value, .low = NAN, .high = NAN, .total = total, .status = status,
		.source = "test-data.txt", .quote = NULL, .note = "",
	};
	lr_status_t result = lr_dataset_add_observation(dataset, &observation);

	if (result != LR_STATUS_SUCCESS) {
		size_t count = lr_dataset_get_error_count(dataset);
		const lr_error_t *error = count ? lr_dataset_get_error(dataset, count - 1) : NULL;
		ck_abort_msg("adding %s %s %d = %g: [%s] %s", indicator, entity, year, value,
			     lr_status_to_string(result), error ? error->message : "");
	}
}

void
ct_label_test_source(lr_dataset_t *dataset, bool nfd)
{
	static const char label[] = "Số liệu thử nghiệm";
	char *label_vi = nfd ? ct_nfd(label) : g_strdup(label);

	ck_assert_int_eq(lr_dataset_set_source_label(dataset, "test-data.txt", label_vi, "Test data"),
			 LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
	g_free(label_vi);
}

/* ---------------------------------------------------------------------------------------- */
/* data/charts.ini */

ct_chart_list_t *
ct_chart_list_load(const char *directory, lr_chart_kind_t kind, lr_dataset_t *dataset,
		   lr_language_t language)
{
	char *path = g_build_filename(directory ? directory : LR_DATA_DIR, "charts.ini", NULL);
	ct_chart_list_t *list = g_new0(ct_chart_list_t, 1);
	const lr_error_t *error;

	list->set = lr_chart_set_load(path, dataset, language);
	list->language = language;
	list->indices = g_array_new(FALSE, FALSE, sizeof(guint));
	error = lr_chart_set_get_error(list->set, 0);
	ck_assert_msg(!error, "%s:%u:%u: %s", path, error ? error->line : 0,
		      error ? error->column : 0, error ? error->message : "");
	for (guint i = 0; i < lr_chart_set_get_count(list->set); i++)
		if (lr_chart_get_kind(lr_chart_set_get_chart(list->set, i)) == kind)
			g_array_append_val(list->indices, i);
	ck_assert_msg(list->indices->len > 0, "%s has no %s chart", path, lr_chart_kind_to_string(kind));
	g_free(path);
	return list;
}

guint
ct_chart_list_count(const ct_chart_list_t *list)
{
	return list->indices->len;
}

lr_chart_t *
ct_chart_list_chart(const ct_chart_list_t *list, guint index)
{
	return lr_chart_set_get_chart(list->set, g_array_index(list->indices, guint, index));
}

const char *
ct_chart_list_name(const ct_chart_list_t *list, guint index)
{
	return lr_chart_set_get_name(list->set, g_array_index(list->indices, guint, index));
}

char *
ct_chart_list_label(const ct_chart_list_t *list, guint index)
{
	return g_strdup_printf("%s (%s)", ct_chart_list_name(list, index),
			       lr_language_to_string(list->language));
}

void
ct_chart_list_free(ct_chart_list_t *list)
{
	lr_chart_set_destroy(list->set);
	g_array_unref(list->indices);
	g_free(list);
}

/* ---------------------------------------------------------------------------------------- */
/* Files */

char *
ct_make_temp_dir(void)
{
	GError *error = NULL;
	char *folder = g_dir_make_tmp("lr-test-chart-XXXXXX", &error);

	ck_assert_msg(folder != NULL, "cannot make a folder: %s", error ? error->message : "");
	return folder;
}

void
ct_remove_tree(const char *path)
{
	GDir *dir = g_dir_open(path, 0, NULL);
	const char *name;

	if (dir) {
		while ((name = g_dir_read_name(dir))) {
			char *child = g_build_filename(path, name, NULL);
			ct_remove_tree(child);
			g_free(child);
		}
		g_dir_close(dir);
		g_rmdir(path);
	} else {
		g_unlink(path);
	}
}

GBytes *
ct_read_file(const char *path)
{
	GError *error = NULL;
	char *contents;
	gsize length;

	ck_assert_msg(g_file_get_contents(path, &contents, &length, &error), "cannot read %s: %s",
		      path, error ? error->message : "");
	return g_bytes_new_take(contents, length);
}

char *
ct_write_chart(lr_chart_t *chart, const char *dir, const char *name, double width, double height)
{
	char *path = g_build_filename(dir, name, NULL);
	lr_status_t status = lr_chart_write(chart, path, LR_FORMAT_AUTO, width, height, 1);
	const lr_error_t *error = lr_chart_get_error(chart);

	ck_assert_msg(status == LR_STATUS_SUCCESS, "writing %s: [%s] %s", name,
		      lr_status_to_string(status), error ? error->message : "(no message)");
	return path;
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

char *
ct_list_dir(const char *folder)
{
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	GDir *dir = g_dir_open(folder, 0, NULL);
	const char *name;
	char *listing;

	ck_assert_ptr_nonnull(dir);
	while ((name = g_dir_read_name(dir)))
		g_ptr_array_add(names, g_strdup(name));
	g_dir_close(dir);
	g_ptr_array_sort(names, compare_names);
	g_ptr_array_add(names, NULL);
	listing = g_strjoinv("\n", (char **) names->pdata);
	g_ptr_array_unref(names);
	return listing;
}

/* ---------------------------------------------------------------------------------------- */
/* Goldens */

bool
ct_update_goldens(void)
{
	const char *value = g_getenv("LR_UPDATE_GOLDENS");

	return value && strcmp(value, "1") == 0;
}

/* Saves @data as TMP/lr-golden-actual/@name for a look after a failure; returns the path. */
static char *
save_actual(const char *name, const void *data, gsize length)
{
	char *folder = g_build_filename(g_get_tmp_dir(), "lr-golden-actual", NULL);
	char *path = g_build_filename(folder, name, NULL);

	g_mkdir_with_parents(folder, 0777);
	if (!g_file_set_contents(path, data, (gssize) length, NULL))
		fprintf(stderr, "cannot save %s\n", path);
	g_free(folder);
	return path;
}

static void
write_golden(const char *name, const void *data, gsize length)
{
	char *path = g_build_filename(LR_GOLDEN_DIR, name, NULL);
	GError *error = NULL;

	ck_assert_int_eq(g_mkdir_with_parents(LR_GOLDEN_DIR, 0777), 0);
	ck_assert_msg(g_file_set_contents(path, data, (gssize) length, &error), "cannot write %s: %s",
		      path, error ? error->message : "");
	fprintf(stderr, "wrote golden %s\n", path);
	g_free(path);
}

void
ct_assert_golden_text(const char *name, const char *actual)
{
	char *path = g_build_filename(LR_GOLDEN_DIR, name, NULL);
	char *expected = NULL;
	char **expected_lines, **actual_lines;
	int line = 0;

	if (ct_update_goldens()) {
		write_golden(name, actual, strlen(actual));
		g_free(path);
		return;
	}
	ck_assert_msg(g_file_get_contents(path, &expected, NULL, NULL),
		      "golden %s is missing: run the tests with LR_UPDATE_GOLDENS=1 to write it", path);
	if (strcmp(expected, actual) == 0) {
		g_free(expected);
		g_free(path);
		return;
	}
	expected_lines = g_strsplit(expected, "\n", -1);
	actual_lines = g_strsplit(actual, "\n", -1);
	while (expected_lines[line] && actual_lines[line] &&
	       strcmp(expected_lines[line], actual_lines[line]) == 0)
		line++;
	{
		char *saved = save_actual(name, actual, strlen(actual));
		char *message = g_strdup_printf(
			"layout differs from golden %s at line %d:\n  golden: %s\n  actual: %s\n"
			"(actual layout saved as %s; if the change is intended, rerun with "
			"LR_UPDATE_GOLDENS=1 and review the PNGs)",
			path, line + 1, expected_lines[line] ? expected_lines[line] : "(end)",
			actual_lines[line] ? actual_lines[line] : "(end)", saved);
		g_strfreev(expected_lines);
		g_strfreev(actual_lines);
		g_free(expected);
		g_free(path);
		g_free(saved);
		fprintf(stderr, "%s\n", message);
		ck_abort_msg("%s", message);
	}
}

void
ct_assert_layout_golden(lr_chart_t *chart, const char *name)
{
	ct_layout_t *layout = ct_layout_describe(chart, 800, 450);
	char *file = g_strdup_printf("%s.txt", name);

	ct_assert_golden_text(file, layout->dump);
	g_free(file);
	ct_layout_free(layout);
}

/* ---------------------------------------------------------------------------------------- */
/* Pixels */

cairo_surface_t *
ct_read_png(const char *path)
{
	cairo_surface_t *surface = cairo_image_surface_create_from_png(path);

	ck_assert_msg(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, "cannot decode %s: %s",
		      path, cairo_status_to_string(cairo_surface_status(surface)));
	return surface;
}

cairo_surface_t *
ct_render(lr_chart_t *chart, const char *dir, const char *name, double width, double height)
{
	char *path = ct_write_chart(chart, dir, name, width, height);
	cairo_surface_t *surface = ct_read_png(path);

	g_free(path);
	return surface;
}

guint32
ct_pixel(cairo_surface_t *surface, int x, int y)
{
	const guint8 *data = cairo_image_surface_get_data(surface);
	int stride = cairo_image_surface_get_stride(surface);

	ck_assert_int_ge(x, 0);
	ck_assert_int_ge(y, 0);
	ck_assert_int_lt(x, cairo_image_surface_get_width(surface));
	ck_assert_int_lt(y, cairo_image_surface_get_height(surface));
	return ((const guint32 *) (const void *) (data + (gsize) y * stride))[x] & 0xffffffu;
}

long
ct_count_differing_pixels(cairo_surface_t *a, cairo_surface_t *b, int threshold,
			  int *max_difference)
{
	int width = cairo_image_surface_get_width(a), height = cairo_image_surface_get_height(a);
	long differing = 0;
	int largest = 0;

	if (max_difference)
		*max_difference = 0;
	if (width != cairo_image_surface_get_width(b) || height != cairo_image_surface_get_height(b))
		return -1;
	cairo_surface_flush(a);
	cairo_surface_flush(b);
	for (int y = 0; y < height; y++) {
		const guint32 *row_a = (const guint32 *) (const void *) (cairo_image_surface_get_data(a) +
			(gsize) y * cairo_image_surface_get_stride(a));
		const guint32 *row_b = (const guint32 *) (const void *) (cairo_image_surface_get_data(b) +
			(gsize) y * cairo_image_surface_get_stride(b));
		for (int x = 0; x < width; x++) {
			int worst = 0;
			/* Colour channels only: charts are opaque, and cairo reads opaque PNGs as
			 * RGB24, whose top byte means nothing. */
			for (int shift = 0; shift < 24; shift += 8) {
				int difference = abs((int) ((row_a[x] >> shift) & 0xff) -
						     (int) ((row_b[x] >> shift) & 0xff));
				worst = MAX(worst, difference);
			}
			largest = MAX(largest, worst);
			if (worst > threshold)
				differing++;
		}
	}
	if (max_difference)
		*max_difference = largest;
	return differing;
}

/* The pixel-golden tolerance: a pixel differs when one of its colour channels is off by
 * more than CT_PIXEL_THRESHOLD (64 of 255), and the images match when at most
 * CT_PIXEL_FRACTION (0.2%) of the pixels differ: 720 of the 360,000 of 800 × 450. This
 * absorbs what FreeType, pixman and cairo updates change (the anti-aliasing of glyph and bar
 * edges), which touches edge pixels and mostly by less than 64. A bar that changes is a
 * block of pixels changing by up to 255: at 800 × 450 an e-commerce bar is about 70 pixels
 * wide (bars are at most six lines of text thick), so a change of its length by 11 pixels or
 * more fails (test-bar checks that 2 units, about 18 pixels, do). Smaller moves are the
 * layout goldens' job: they hold every box to 0.1 pixel. */
bool
ct_pixels_match(cairo_surface_t *a, cairo_surface_t *b, long *differing)
{
	long count = ct_count_differing_pixels(a, b, CT_PIXEL_THRESHOLD, NULL);
	long allowed = (long) floor(CT_PIXEL_FRACTION * cairo_image_surface_get_width(a) *
				    cairo_image_surface_get_height(a));

	if (differing)
		*differing = count;
	return count >= 0 && count <= allowed;
}

void
ct_assert_pixel_golden(lr_chart_t *chart, const char *name)
{
	char *dir = ct_make_temp_dir();
	char *file = g_strdup_printf("%s.png", name);
	char *written = ct_write_chart(chart, dir, file, 800, 450);
	char *golden = g_build_filename(LR_GOLDEN_DIR, file, NULL);
	cairo_surface_t *actual, *expected;
	long differing;

	if (ct_update_goldens()) {
		GBytes *bytes = ct_read_file(written);
		gsize length;
		const void *data = g_bytes_get_data(bytes, &length);
		write_golden(file, data, length);
		g_bytes_unref(bytes);
	}
	ck_assert_msg(g_file_test(golden, G_FILE_TEST_IS_REGULAR),
		      "golden %s is missing: run the tests with LR_UPDATE_GOLDENS=1 to write it", golden);
	actual = ct_read_png(written);
	expected = ct_read_png(golden);
	if (!ct_pixels_match(expected, actual, &differing)) {
		GBytes *bytes = ct_read_file(written);
		gsize length;
		const void *data = g_bytes_get_data(bytes, &length);
		char *saved = save_actual(file, data, length);
		g_bytes_unref(bytes);
		cairo_surface_destroy(actual);
		cairo_surface_destroy(expected);
		ct_remove_tree(dir);
		ck_abort_msg("%s: %ld pixels differ from golden %s by more than %d (at most %.1f%% "
			     "may); the render is saved as %s", name, differing, golden,
			     CT_PIXEL_THRESHOLD, CT_PIXEL_FRACTION * 100, saved);
	}
	cairo_surface_destroy(actual);
	cairo_surface_destroy(expected);
	ct_remove_tree(dir);
	g_free(dir);
	g_free(file);
	g_free(written);
	g_free(golden);
}

/* ---------------------------------------------------------------------------------------- */
/* PDF text */

/* NFC, with no-break spaces (U+00A0, U+202F) as plain spaces. */
static char *
normalize_text(const char *text)
{
	char *nfc = g_utf8_normalize(text, -1, G_NORMALIZE_NFC);
	GString *out;

	ck_assert_ptr_nonnull(nfc);
	out = g_string_new(NULL);
	for (const char *p = nfc; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c == 0x00A0 || c == 0x202F)
			c = ' ';
		g_string_append_unichar(out, c);
	}
	g_free(nfc);
	return g_string_free(out, FALSE);
}

char *
ct_pdftotext(const char *path)
{
	char *program = g_find_program_in_path("pdftotext");
	char *argv[] = { program, (char *) "-layout", (char *) "-enc", (char *) "UTF-8",
			 (char *) path, (char *) "-", NULL };
	char *out = NULL, *err = NULL, *text;
	int wait_status = 0;
	GError *error = NULL;

	if (!program)
		return NULL;
	ck_assert_msg(g_spawn_sync(NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
				   &wait_status, &error),
		      "cannot run pdftotext: %s", error ? error->message : "");
	ck_assert_msg(WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0,
		      "pdftotext %s failed: %s", path, err ? err : "");
	ck_assert_msg(g_utf8_validate(out, -1, NULL), "pdftotext gave invalid UTF-8");
	text = normalize_text(out);
	g_free(out);
	g_free(err);
	g_free(program);
	return text;
}

bool
ct_assert_pdf_round_trip(lr_chart_t *chart, const char *dir, const char *name)
{
	char *file = g_strdup_printf("%s.pdf", name);
	char *path = ct_write_chart(chart, dir, file, 1600, 900);
	char *extracted = ct_pdftotext(path);
	ct_layout_t *layout;
	GHashTable *words;
	char **tokens;
	GString *missing;
	int checked = 0;

	if (!extracted) {
		fprintf(stderr, "SKIP: pdftotext is not installed (poppler-utils); the PDF text "
				"round-trip of %s is not checked\n", name);
		g_free(file);
		g_free(path);
		return false;
	}
	/* pdftotext -layout keeps each string's words apart from its neighbours', so a word
	 * must come back as a whole whitespace-separated token, not just as a substring. */
	words = g_hash_table_new(g_str_hash, g_str_equal);
	tokens = g_strsplit_set(extracted, " \t\n\r\f", -1);
	for (char **token = tokens; *token; token++)
		if (**token)
			g_hash_table_add(words, *token);

	layout = ct_layout_describe(chart, 1600, 900);
	missing = g_string_new(NULL);
	for (guint i = 0; i < layout->items->len; i++) {
		const ct_item_t *item = g_ptr_array_index(layout->items, i);
		char *normal;
		char **expected;
		if (!item->text)
			continue;
		/* An ellipsized string shows only its start; the dump has all of it. */
		ck_assert_msg(!item->ellipsized, "%s: ellipsized text at 1600 x 900: %s", name,
			      item->text);
		normal = normalize_text(item->text);
		expected = g_strsplit_set(normal, " \t\n", -1);
		for (char **word = expected; *word; word++) {
			if (!**word)
				continue;
			checked++;
			if (!g_hash_table_contains(words, *word))
				g_string_append_printf(missing, "  '%s' (of %s \"%s\")\n", *word,
						       item->role, item->text);
		}
		g_strfreev(expected);
		g_free(normal);
	}
	if (missing->len) {
		fprintf(stderr, "%s: pdftotext output:\n%s\n", name, extracted);
		ck_abort_msg("%s: words of the layout missing from the PDF's text (pdftotext):\n%s",
			     name, ct_brief(missing->str));
	}
	ck_assert_int_gt(checked, 5);
	g_string_free(missing, TRUE);
	g_hash_table_unref(words);
	g_strfreev(tokens);
	ct_layout_free(layout);
	g_free(extracted);
	g_free(file);
	g_free(path);
	return true;
}

/* ---------------------------------------------------------------------------------------- */
/* Errors */

void
ct_assert_chart_error(const lr_chart_t *chart, lr_status_t status, const char *phrase)
{
	const lr_error_t *error = lr_chart_get_error(chart);

	ck_assert_msg(lr_chart_status(chart) == status, "status %s, expected %s",
		      lr_status_to_string(lr_chart_status(chart)), lr_status_to_string(status));
	ck_assert_ptr_nonnull(error);
	ck_assert_int_eq(error->status, status);
	ck_assert_ptr_nonnull(error->message);
	ck_assert_msg(strstr(error->message, phrase) != NULL, "message '%s' should say '%s'",
		      error->message, phrase);
}

/* Asserts that describing, drawing and writing @chart (into @dir) each fail with @status,
 * write nothing, and leave the chart's status and @message as they were. */
static void
assert_every_call_fails(lr_chart_t *chart, const char *dir, lr_status_t status,
			const char *message)
{
	char *path = g_build_filename(dir, "again.png", NULL);
	char *listing_before = ct_list_dir(dir), *listing_after;
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 800, 450);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, 800, 450 };

	ck_assert_ptr_null(lr_chart_describe_layout(chart, 800, 450));
	ck_assert_int_eq(lr_chart_draw(chart, cr, &rect), status);
	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_AUTO, 800, 450, 1), status);
	ck_assert_int_eq(lr_chart_status(chart), status);
	ck_assert_str_eq(lr_chart_get_error(chart)->message, message);
	listing_after = ct_list_dir(dir);
	ck_assert_str_eq(listing_after, listing_before);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	g_free(listing_before);
	g_free(listing_after);
	g_free(path);
}

void
ct_assert_call_error_repeats(lr_chart_t *chart, const char *dir)
{
	lr_status_t status = lr_chart_status(chart);
	char *message = g_strdup(lr_chart_get_error(chart)->message);

	ck_assert_int_ne(status, LR_STATUS_SUCCESS);
	/* A setter still works (the error is not the specification's)... */
	lr_chart_set_title(chart, "T");
	/* ...and every call lays the chart out again, failing the same way. */
	ck_assert_int_eq(lr_chart_validate(chart), status);
	assert_every_call_fails(chart, dir, status, message);
	g_free(message);
}

void
ct_assert_chart_recovers(lr_chart_t *chart, const char *dir)
{
	char *path = g_build_filename(dir, "recovered.png", NULL);
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 800, 450);
	cairo_t *cr = cairo_create(surface);
	lr_rect_t rect = { 0, 0, 800, 450 };

	ck_assert_int_ne(lr_chart_status(chart), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_draw(chart, cr, &rect), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_status(chart), LR_STATUS_SUCCESS);
	ck_assert_ptr_null(lr_chart_get_error(chart));
	ck_assert_int_eq(lr_chart_write(chart, path, LR_FORMAT_AUTO, 800, 450, 1), LR_STATUS_SUCCESS);
	ck_assert(g_file_test(path, G_FILE_TEST_IS_REGULAR));
	ck_assert_int_eq(g_remove(path), 0);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	g_free(path);
}

void
ct_assert_chart_sticky(lr_chart_t *chart, const char *dir)
{
	lr_status_t status = lr_chart_status(chart);
	char *message = g_strdup(lr_chart_get_error(chart)->message);

	lr_chart_add_indicator(chart, "ecommerce_revenue");
	lr_chart_add_indicator(chart, "no_such_indicator_either");
	lr_chart_add_entity(chart, CT_VIET_NAM);
	lr_chart_add_year(chart, 1800);
	lr_chart_set_language(chart, LR_LANGUAGE_EN);
	lr_chart_set_title(chart, "T");
	lr_chart_set_bar_layout(chart, (lr_bar_layout_t) 99);
	ck_assert_int_eq(lr_chart_validate(chart), status);
	assert_every_call_fails(chart, dir, status, message);
	g_free(message);
}

/* ---------------------------------------------------------------------------------------- */
/* Goldens from a table */

static void
golden_check_layout(lr_chart_t *chart, const char *name)
{
	ct_layout_t *layout;

	ct_assert_layout_golden(chart, name);
	layout = ct_layout_describe(chart, 800, 450);
	ct_assert_text_fits(layout, name);
	ct_layout_free(layout);
	if (ct_update_goldens()) {
		char *folder = g_build_filename(g_get_tmp_dir(), "lr-golden-preview", NULL);
		char *file = g_strdup_printf("%s.png", name);
		char *path;
		g_mkdir_with_parents(folder, 0777);
		path = ct_write_chart(chart, folder, file, 800, 450);
		fprintf(stderr, "preview: %s\n", path);
		g_free(path);
		g_free(file);
		g_free(folder);
	}
}

/* Makes @golden's chart and calls @check on it with the golden's name. */
static void
with_golden_chart(const ct_golden_t *golden, void (*check)(lr_chart_t *chart, const char *name))
{
	lr_dataset_t *dataset = golden->dataset();
	lr_chart_t *chart = golden->chart(dataset, golden->language);

	check(chart, golden->name);
	lr_chart_destroy(chart);
	lr_dataset_destroy(dataset);
}

void
ct_check_golden(const ct_golden_t *golden)
{
	with_golden_chart(golden, golden_check_layout);
}

void
ct_check_pixel_golden(const ct_golden_t *golden)
{
	with_golden_chart(golden, ct_assert_pixel_golden);
}

/* ---------------------------------------------------------------------------------------- */
/* The chart set */

/* Called with each chart of a set, named as charts.ini names it (or the extra chart's name). */
typedef void (*set_visit_t)(lr_chart_t *chart, const char *name, lr_language_t language,
			    void *data);

static void
chart_set_for_each(const ct_chart_set_t *set, lr_language_t language, set_visit_t visit,
		   void *data)
{
	lr_dataset_t *dataset = ct_load_data();
	ct_chart_list_t *list = ct_chart_list_load(NULL, set->kind, dataset, language);

	for (guint i = 0; i < ct_chart_list_count(list); i++)
		visit(ct_chart_list_chart(list, i), ct_chart_list_name(list, i), language, data);
	if (set->extra_name) {
		lr_dataset_t *extra_data = set->extra_dataset();
		lr_chart_t *chart = set->extra_chart(extra_data, language);
		visit(chart, set->extra_name, language, data);
		lr_chart_destroy(chart);
		lr_dataset_destroy(extra_data);
	}
	ct_chart_list_free(list);
	lr_dataset_destroy(dataset);
}

typedef struct {
	const ct_chart_set_t *set;
	double width, height;
	GString *problems;
} set_fits_t;

static void
set_check_fits(lr_chart_t *chart, const char *name, lr_language_t language, void *data)
{
	set_fits_t *fits = data;
	char *label = g_strdup_printf("%s (%s)", name, lr_language_to_string(language));
	ct_layout_t *layout = ct_layout_describe(chart, fits->width, fits->height);
	char *found = ct_layout_text_problems(layout);

	if (found)
		g_string_append_printf(fits->problems, "%s at %g x %g:\n%s", label, fits->width,
				       fits->height, found);
	if (fits->set->check_layout)
		fits->set->check_layout(layout, label, fits->problems);
	g_free(found);
	g_free(label);
	ct_layout_free(layout);
}

void
ct_assert_chart_set_fits(const ct_chart_set_t *set, lr_language_t language, double width,
			 double height)
{
	set_fits_t fits = { set, width, height, g_string_new(NULL) };

	chart_set_for_each(set, language, set_check_fits, &fits);
	ck_assert_msg(fits.problems->len == 0, "%s do not fit:\n%s", set->what,
		      ct_brief(fits.problems->str));
	g_string_free(fits.problems, TRUE);
}

typedef struct {
	char *dir;
	bool skipped;
} set_pdf_t;

static void
set_check_pdf(lr_chart_t *chart, const char *name, lr_language_t language, void *data)
{
	set_pdf_t *pdf = data;
	char *file;

	if (pdf->skipped)
		return;
	file = g_strdup_printf("%s-%s", name, lr_language_to_string(language));
	pdf->skipped = !ct_assert_pdf_round_trip(chart, pdf->dir, file);
	g_free(file);
}

void
ct_assert_chart_set_pdf_text(const ct_chart_set_t *set, lr_language_t language)
{
	set_pdf_t pdf = { ct_make_temp_dir(), false };

	chart_set_for_each(set, language, set_check_pdf, &pdf);
	ct_remove_tree(pdf.dir);
	g_free(pdf.dir);
}

/* ---------------------------------------------------------------------------------------- */
/* NFD and NFC */

void
ct_assert_same_pixels(cairo_surface_t *a, cairo_surface_t *b, const char *what)
{
	int largest;
	long differing = ct_count_differing_pixels(a, b, 0, &largest);

	ck_assert_msg(differing == 0, "%s: NFD and NFC draw differently (%ld pixels differ, by up "
		      "to %d)", what, differing, largest);
}

void
ct_assert_same_render(lr_chart_t *nfc, lr_chart_t *nfd, const char *dir, const char *what)
{
	cairo_surface_t *a = ct_render(nfc, dir, "nfc.png", 800, 450);
	cairo_surface_t *b = ct_render(nfd, dir, "nfd.png", 800, 450);

	ct_assert_same_pixels(a, b, what);
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
}

void
ct_assert_renders_differ(lr_chart_t *a, lr_chart_t *b, const char *dir, long pixels,
			 const char *what)
{
	cairo_surface_t *pa = ct_render(a, dir, "a.png", 800, 450);
	cairo_surface_t *pb = ct_render(b, dir, "b.png", 800, 450);
	long differing = ct_count_differing_pixels(pa, pb, 64, NULL);

	ck_assert_msg(differing > pixels, "%s: %ld pixels differ by more than 64, expected more "
		      "than %ld", what, differing, pixels);
	cairo_surface_destroy(pa);
	cairo_surface_destroy(pb);
}

void
ct_nfd_data_init(ct_nfd_data_t *data)
{
	data->nfd_dir = ct_make_nfd_data_dir();
	data->out = ct_make_temp_dir();
	data->nfc = ct_load_data();
	data->nfd = ct_load_data_from(data->nfd_dir);
}

void
ct_nfd_data_clear(ct_nfd_data_t *data)
{
	lr_dataset_destroy(data->nfc);
	lr_dataset_destroy(data->nfd);
	ct_remove_tree(data->nfd_dir);
	ct_remove_tree(data->out);
	g_free(data->nfd_dir);
	g_free(data->out);
}

void
ct_assert_nfd_chart_set(lr_chart_kind_t kind)
{
	ct_nfd_data_t data;

	ct_nfd_data_init(&data);
	for (int l = 0; l < 2; l++) {
		lr_language_t language = l ? LR_LANGUAGE_EN : LR_LANGUAGE_VI;
		/* The chart list decomposed too: titles, entities, highlights in NFD. */
		ct_chart_list_t *nfc = ct_chart_list_load(NULL, kind, data.nfc, language);
		ct_chart_list_t *nfd = ct_chart_list_load(data.nfd_dir, kind, data.nfd, language);
		ck_assert_uint_eq(ct_chart_list_count(nfc), ct_chart_list_count(nfd));
		for (guint i = 0; i < ct_chart_list_count(nfc); i++) {
			char *label = ct_chart_list_label(nfc, i);
			ct_assert_same_render(ct_chart_list_chart(nfc, i), ct_chart_list_chart(nfd, i),
					      data.out, label);
			g_free(label);
		}
		ct_chart_list_free(nfc);
		ct_chart_list_free(nfd);
	}
	ct_nfd_data_clear(&data);
}

/* ---------------------------------------------------------------------------------------- */
/* Reproducible output */

void
ct_assert_same_bytes(lr_chart_t *chart, lr_chart_t *again, const char *name)
{
	char *dir = ct_make_temp_dir();
	char *first_name = g_strdup_printf("1-%s", name), *second_name = g_strdup_printf("2-%s", name);
	char *third_name = g_strdup_printf("3-%s", name);
	char *first, *second, *third;
	GBytes *a, *b, *c;

	g_unsetenv("SOURCE_DATE_EPOCH");
	first = ct_write_chart(chart, dir, first_name, 800, 450);
	second = ct_write_chart(chart, dir, second_name, 800, 450);
	third = ct_write_chart(again, dir, third_name, 800, 450);
	a = ct_read_file(first);
	b = ct_read_file(second);
	c = ct_read_file(third);
	ck_assert_uint_gt(g_bytes_get_size(a), 1000);
	ck_assert_msg(g_bytes_equal(a, b), "%s written twice differs", name);
	ck_assert_msg(g_bytes_equal(a, c), "%s from two equal charts differs", name);
	g_bytes_unref(a);
	g_bytes_unref(b);
	g_bytes_unref(c);
	g_free(first);
	g_free(second);
	g_free(third);
	g_free(first_name);
	g_free(second_name);
	g_free(third_name);
	ct_remove_tree(dir);
	g_free(dir);
}

/* ---------------------------------------------------------------------------------------- */
/* The tests of every chart kind */

/* The suite's, set by ct_add_kind_tests for the tests below. */
static const ct_kind_tests_t *kind_tests;

/* The canvas sizes every chart of the set must fit: the CLI's default and a small slide. */
static const double set_sizes[][2] = { { 1600, 900 }, { 720, 405 } };
#define SET_SIZES ((int) (sizeof set_sizes / sizeof set_sizes[0]))

static lr_language_t
language_of(int i)
{
	return i ? LR_LANGUAGE_EN : LR_LANGUAGE_VI;
}

/* _i: the chart of goldens. */
START_TEST(test_golden)
{
	ct_check_golden(&kind_tests->goldens[_i]);
}
END_TEST

/* _i: the chart of pixel_goldens. */
START_TEST(test_pixel_golden)
{
	ct_check_pixel_golden(kind_tests->pixel_goldens[_i]);
}
END_TEST

/* _i: the language (i % 2) and the size (i / 2). */
START_TEST(test_chart_set_text_fits)
{
	ct_assert_chart_set_fits(&kind_tests->set, language_of(_i % 2), set_sizes[_i / 2][0],
				 set_sizes[_i / 2][1]);
}
END_TEST

/* _i: the language. */
START_TEST(test_chart_set_pdf_text)
{
	ct_assert_chart_set_pdf_text(&kind_tests->set, language_of(_i));
}
END_TEST

START_TEST(test_nfd_chart_set)
{
	ct_assert_nfd_chart_set(kind_tests->set.kind);
}
END_TEST

/* _i: the format, by the file's extension. */
START_TEST(test_same_bytes)
{
	static const char *const names[] = { "chart.pdf", "chart.png" };
	lr_dataset_t *dataset = kind_tests->same_bytes_dataset();
	lr_chart_t *chart = kind_tests->same_bytes_chart(dataset, LR_LANGUAGE_VI);
	lr_chart_t *again = kind_tests->same_bytes_chart(dataset, LR_LANGUAGE_VI);

	ct_assert_same_bytes(chart, again, names[_i]);
	lr_chart_destroy(chart);
	lr_chart_destroy(again);
	lr_dataset_destroy(dataset);
}
END_TEST

TCase *
ct_add_tcase(Suite *suite, const char *name, double timeout)
{
	TCase *tc = tcase_create(name);

	tcase_set_timeout(tc, timeout);
	suite_add_tcase(suite, tc);
	return tc;
}

ct_kind_tcases_t
ct_add_kind_tests(Suite *suite, const ct_kind_tests_t *tests)
{
	ct_kind_tcases_t tcases = {
		ct_add_tcase(suite, "goldens", 60),
		ct_add_tcase(suite, "chart_set", 120),
		ct_add_tcase(suite, "normalization", 120),
		ct_add_tcase(suite, "reproducible", 60),
	};

	if (kind_tests && kind_tests != tests) {
		fprintf(stderr, "ct_add_kind_tests: one chart kind a test program\n");
		abort();
	}
	kind_tests = tests;
	tcase_add_loop_test(tcases.goldens, test_golden, 0, tests->golden_count);
	tcase_add_loop_test(tcases.goldens, test_pixel_golden, 0, tests->pixel_golden_count);
	tcase_add_loop_test(tcases.chart_set, test_chart_set_text_fits, 0, 2 * SET_SIZES);
	tcase_add_loop_test(tcases.chart_set, test_chart_set_pdf_text, 0, 2);
	tcase_add_test(tcases.normalization, test_nfd_chart_set);
	tcase_add_loop_test(tcases.reproducible, test_same_bytes, 0, 2);
	return tcases;
}

/* ---------------------------------------------------------------------------------------- */
/* Running */
