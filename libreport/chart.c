/* libreport: the chart object and its public entry points. Setters store the specification
 * (and record its errors, which stick); validation, drawing, writing and describing lay the
 * chart out through the kinds (chart-bar.c, chart-rank.c) and report their own errors for the
 * call only. See chart-private.h for the layering and its invariants.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "chart-private.h"
#include "chart-select-private.h"
#include "output-private.h"

static lr_chart_t inert_chart = { .status = LR_STATUS_NO_MEMORY };

/* Records a specification error: the first one sticks. Returns the chart's status. */
static lr_status_t
fail(lr_chart_t *chart, lr_status_t status, const char *format, ...) G_GNUC_PRINTF(3, 4);

static lr_status_t
fail(lr_chart_t *chart, lr_status_t status, const char *format, ...)
{
	va_list args;
	char *message;

	if (chart == &inert_chart || chart->status != LR_STATUS_SUCCESS)
		return chart->status;
	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	lr_error_record_set(&chart->error, status, NULL, 0, 0, "%s", message);
	g_free(message);
	chart->status = status;
	return status;
}

lr_chart_t *
lr_chart_create(lr_chart_kind_t kind, lr_dataset_t *dataset)
{
	lr_chart_t *chart = g_try_new0(lr_chart_t, 1);

	if (!chart)
		return &inert_chart;
	chart->kind = kind;
	chart->theme = lr_theme_create();
	lr_theme_make_immutable(chart->theme);
	chart->indicators = g_ptr_array_new_with_free_func(g_free);
	chart->entities = g_ptr_array_new_with_free_func(g_free);
	chart->entity_set = g_hash_table_new(g_str_hash, g_str_equal);
	chart->years = g_array_new(FALSE, FALSE, sizeof(int));
	chart->year_ranges = g_array_new(FALSE, FALSE, sizeof(int));
	chart->language = LR_LANGUAGE_VI;
	if ((unsigned) kind > LR_CHART_RANK)
		fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown chart kind %d", (int) kind);
	else if (!dataset)
		fail(chart, LR_STATUS_NULL_POINTER, "no dataset given");
	else if (lr_dataset_status(dataset) != LR_STATUS_SUCCESS)
		fail(chart, lr_dataset_status(dataset),
		     "the dataset has errors; run `lreport validate` to list them");
	chart->dataset = lr_dataset_reference(dataset);
	return chart;
}

void
lr_chart_destroy(lr_chart_t *chart)
{
	if (!chart || chart == &inert_chart)
		return;
	lr_error_record_clear(&chart->error);
	lr_error_record_clear(&chart->last);
	lr_dataset_destroy(chart->dataset);
	lr_theme_destroy(chart->theme);
	g_ptr_array_unref(chart->indicators);
	g_hash_table_unref(chart->entity_set);
	g_ptr_array_unref(chart->entities);
	g_array_unref(chart->years);
	g_array_unref(chart->year_ranges);
	g_free(chart->title);
	g_free(chart->subtitle);
	g_free(chart->highlight);
	g_free(chart);
}

lr_chart_kind_t
lr_chart_get_kind(const lr_chart_t *chart)
{
	return chart ? chart->kind : LR_CHART_BAR;
}

lr_status_t
lr_chart_status(const lr_chart_t *chart)
{
	if (!chart)
		return LR_STATUS_NULL_POINTER;
	if (chart->status != LR_STATUS_SUCCESS)
		return chart->status;
	return chart->last.public.status;
}

const lr_error_t *
lr_chart_get_error(const lr_chart_t *chart)
{
	if (!chart)
		return NULL;
	if (chart == &inert_chart) {
		static const lr_error_t no_memory = { LR_STATUS_NO_MEMORY, "out of memory", NULL, 0, 0,
						      { NULL } };
		return &no_memory;
	}
	if (chart->status != LR_STATUS_SUCCESS)
		return &chart->error.public;
	return chart->last.public.status != LR_STATUS_SUCCESS ? &chart->last.public : NULL;
}

/* Setters do nothing on an errored chart (errors are sticky). */
static bool
usable(const lr_chart_t *chart)
{
	return chart && chart != &inert_chart && chart->status == LR_STATUS_SUCCESS;
}

/* Setters of one kind's options: usable, and of that kind (else a sticky UNSUPPORTED). */
static bool
usable_for(lr_chart_t *chart, lr_chart_kind_t kind, const char *setter)
{
	if (!usable(chart))
		return false;
	if (chart->kind != kind) {
		fail(chart, LR_STATUS_UNSUPPORTED, "%s: only %s charts have this option, not %s charts",
		     setter, lr_chart_kind_to_string(kind), lr_chart_kind_to_string(chart->kind));
		return false;
	}
	return true;
}

/* Copies optional text in NFC; false (and the chart's error) when it is not UTF-8. */
static bool
set_text(lr_chart_t *chart, char **field, const char *text, const char *what)
{
	char *normalized = NULL;

	if (text) {
		normalized = lr_utf8_normalize(text, -1, NULL);
		if (!normalized) {
			fail(chart, LR_STATUS_INVALID_UTF8, "%s: text is not valid UTF-8", what);
			return false;
		}
	}
	g_free(*field);
	*field = normalized;
	return true;
}

void
lr_chart_add_indicator(lr_chart_t *chart, const char *id)
{
	const lr_indicator_t *indicator;

	if (!usable(chart))
		return;
	if (!id) {
		fail(chart, LR_STATUS_NULL_POINTER, "indicator id is NULL");
		return;
	}
	indicator = lr_dataset_find_indicator(chart->dataset, id);
	if (!indicator) {
		fail(chart, LR_STATUS_UNKNOWN_INDICATOR,
		     "unknown indicator '%s' (`lreport list` shows the indicators)", id);
		return;
	}
	for (guint i = 0; i < chart->indicators->len; i++)
		if (strcmp(g_ptr_array_index(chart->indicators, i), indicator->id) == 0)
			return;
	/* The id, copied: the dataset's indicator array moves when it grows. */
	g_ptr_array_add(chart->indicators, g_strdup(indicator->id));
}

void
lr_chart_add_entity(lr_chart_t *chart, const char *entity)
{
	char *normalized = NULL;

	if (!usable(chart))
		return;
	if (!entity) {
		fail(chart, LR_STATUS_NULL_POINTER, "entity is NULL");
		return;
	}
	if (!set_text(chart, &normalized, entity, "entity"))
		return;
	if (g_hash_table_contains(chart->entity_set, normalized)) {
		g_free(normalized);
		return;
	}
	g_hash_table_add(chart->entity_set, normalized);
	g_ptr_array_add(chart->entities, normalized);
}

void
lr_chart_add_year(lr_chart_t *chart, int year)
{
	if (!usable(chart))
		return;
	if (year < 1900 || year > 2100) {
		fail(chart, LR_STATUS_INVALID_ARGUMENT, "year %d is outside 1900-2100", year);
		return;
	}
	for (guint i = 0; i < chart->years->len; i++)
		if (g_array_index(chart->years, int, i) == year)
			return;
	g_array_append_val(chart->years, year);
}

void
lr_chart_add_year_range(lr_chart_t *chart, int first, int last)
{
	if (!usable(chart))
		return;
	if (first < 1900 || last > 2100 || first > last) {
		fail(chart, LR_STATUS_INVALID_ARGUMENT,
		     "year range %d-%d: expected two years from 1900 to 2100, the first not after the last",
		     first, last);
		return;
	}
	g_array_append_val(chart->year_ranges, first);
	g_array_append_val(chart->year_ranges, last);
}

void
lr_chart_set_language(lr_chart_t *chart, lr_language_t language)
{
	if (!usable(chart))
		return;
	if ((unsigned) language > LR_LANGUAGE_EN)
		fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown language %d", (int) language);
	else
		chart->language = language;
}

void
lr_chart_set_title(lr_chart_t *chart, const char *title)
{
	if (usable(chart))
		set_text(chart, &chart->title, title, "title");
}

void
lr_chart_set_subtitle(lr_chart_t *chart, const char *subtitle)
{
	if (usable(chart))
		set_text(chart, &chart->subtitle, subtitle, "subtitle");
}

void
lr_chart_set_highlight(lr_chart_t *chart, const char *entity)
{
	if (usable(chart))
		set_text(chart, &chart->highlight, entity, "highlight");
}

void
lr_chart_set_theme(lr_chart_t *chart, lr_theme_t *theme)
{
	if (!usable(chart))
		return;
	if (theme && lr_theme_status(theme) != LR_STATUS_SUCCESS) {
		fail(chart, lr_theme_status(theme), "the theme is in error");
		return;
	}
	/* Reference first: @theme may be the one the chart holds the last reference to. */
	theme = theme ? lr_theme_reference(theme) : lr_theme_create();
	/* Charts share themes across threads: from now on it cannot change under them. */
	lr_theme_make_immutable(theme);
	lr_theme_destroy(chart->theme);
	chart->theme = theme;
}

void
lr_chart_set_bar_layout(lr_chart_t *chart, lr_bar_layout_t layout)
{
	if (!usable_for(chart, LR_CHART_BAR, "bar layout"))
		return;
	if ((unsigned) layout > LR_BAR_PERCENT)
		fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown bar layout %d", (int) layout);
	else
		chart->bar_layout = layout;
}

void
lr_chart_set_orientation(lr_chart_t *chart, lr_orientation_t orientation)
{
	if (!usable_for(chart, LR_CHART_BAR, "orientation"))
		return;
	if ((unsigned) orientation > LR_ORIENTATION_HORIZONTAL)
		fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown orientation %d", (int) orientation);
	else
		chart->orientation = orientation;
}

void
lr_chart_set_sort(lr_chart_t *chart, lr_sort_t sort)
{
	if (!usable_for(chart, LR_CHART_BAR, "sort"))
		return;
	if ((unsigned) sort > LR_SORT_DESCENDING)
		fail(chart, LR_STATUS_INVALID_ARGUMENT, "unknown sort order %d", (int) sort);
	else
		chart->sort = sort;
}

/* ---- calls that lay the chart out: their errors are the call's, kept in chart->last ---- */

/* Starts a call: false (with the status to return in *@status) when the chart cannot be
 * laid out at all. */
static bool
begin_call(lr_chart_t *chart, lr_status_t *status)
{
	if (!chart) {
		*status = lr_error(LR_STATUS_NULL_POINTER);
		return false;
	}
	if (!usable(chart)) {
		*status = chart->status;
		return false;
	}
	lr_error_record_clear(&chart->last);
	return true;
}

/* Ends a call that failed with @status and @error (taken over), or succeeded. */
static lr_status_t
end_call(lr_chart_t *chart, lr_status_t status, lr_error_record_t *error)
{
	lr_error_record_clear(&chart->last);
	if (status != LR_STATUS_SUCCESS) {
		if (error->message)
			chart->last = *error;
		else
			lr_error_record_set(&chart->last, status, NULL, 0, 0, "%s",
					    lr_status_to_string(status));
		memset(error, 0, sizeof *error);
	} else {
		lr_error_record_clear(error);
	}
	return status;
}

static lr_status_t
call_failed(lr_chart_t *chart, lr_status_t status, const char *format, ...) G_GNUC_PRINTF(3, 4);

static lr_status_t
call_failed(lr_chart_t *chart, lr_status_t status, const char *format, ...)
{
	lr_error_record_t error = { 0 };
	va_list args;
	char *message;

	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	lr_error_record_set(&error, status, NULL, 0, 0, "%s", message);
	g_free(message);
	return end_call(chart, status, &error);
}

lr_status_t
lr_chart_validate(lr_chart_t *chart)
{
	lr_error_record_t error = { 0 };
	lr_table_t table;
	lr_status_t status;

	if (!begin_call(chart, &status))
		return status;
	status = lr_chart_select(chart, chart->kind == LR_CHART_RANK, &table, &error);
	lr_table_clear(&table);
	return end_call(chart, status, &error);
}

static lr_status_t
layout_scene(const lr_chart_t *chart, double width, double height, lr_scene_t *scene,
	     lr_error_record_t *error)
{
	PangoContext *context;
	lr_status_t status;

	memset(scene, 0, sizeof *scene);
	if (!isfinite(width) || !isfinite(height) || width < 1 || height < 1)
		return lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
					   "invalid canvas size %g × %g: expected positive, finite numbers",
					   width, height);
	context = lr_fonts_get_context(&status);
	if (!context)
		return lr_error_record_set(error, status, NULL, 0, 0, "%s", lr_fonts_get_error());
	lr_scene_init(scene, context, chart->theme, width, height);
	status = chart->kind == LR_CHART_BAR ? lr_bar_layout(chart, scene, error)
					     : lr_rank_layout(chart, scene, error);
	if (status != LR_STATUS_SUCCESS)
		lr_scene_clear(scene);
	return status;
}

lr_status_t
lr_chart_draw(lr_chart_t *chart, cairo_t *cr, const lr_rect_t *rect)
{
	lr_error_record_t error = { 0 };
	cairo_path_t *path;
	lr_scene_t scene;
	lr_status_t status;

	if (!begin_call(chart, &status))
		return status;
	if (!cr || !rect)
		return call_failed(chart, LR_STATUS_NULL_POINTER, "%s is NULL",
				   !cr ? "the cairo context" : "the rectangle");
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return call_failed(chart, LR_STATUS_CAIRO_ERROR, "the cairo context is in error: %s",
				   cairo_status_to_string(cairo_status(cr)));
	if (!isfinite(rect->x) || !isfinite(rect->y))
		return call_failed(chart, LR_STATUS_INVALID_ARGUMENT, "the rectangle is not finite");
	status = layout_scene(chart, rect->width, rect->height, &scene, &error);
	if (status != LR_STATUS_SUCCESS)
		return end_call(chart, status, &error);
	/* The caller's current path is theirs (cairo_save() does not keep paths): set it aside,
	 * so it neither joins the clip nor is lost. */
	path = cairo_copy_path(cr);
	cairo_save(cr);
	cairo_new_path(cr);
	cairo_translate(cr, rect->x, rect->y);
	cairo_rectangle(cr, 0, 0, rect->width, rect->height);
	cairo_clip(cr);
	lr_scene_draw(&scene, cr);
	cairo_restore(cr);
	cairo_new_path(cr);
	if (path->status == CAIRO_STATUS_SUCCESS)
		cairo_append_path(cr, path);
	cairo_path_destroy(path);
	lr_scene_clear(&scene);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return call_failed(chart, LR_STATUS_CAIRO_ERROR, "drawing failed: %s",
				   cairo_status_to_string(cairo_status(cr)));
	return end_call(chart, LR_STATUS_SUCCESS, &error);
}

/* lr_chart_write's drawing callback: the draw's own error is the more precise message. */
typedef struct {
	lr_chart_t *chart;
	lr_error_record_t draw_error;
} write_context_t;

static lr_status_t
draw_for_output(void *data, cairo_t *cr, const lr_rect_t *rect)
{
	write_context_t *context = data;
	lr_status_t status = lr_chart_draw(context->chart, cr, rect);

	if (status != LR_STATUS_SUCCESS) {
		lr_error_record_clear(&context->draw_error);
		context->draw_error = context->chart->last;
		memset(&context->chart->last, 0, sizeof context->chart->last);
	}
	return status;
}

lr_status_t
lr_chart_write(lr_chart_t *chart, const char *path, lr_file_format_t format, double width,
	       double height, double scale)
{
	write_context_t context = { chart, { { 0 }, NULL, NULL } };
	lr_error_record_t error = { 0 };
	lr_status_t status;

	if (!begin_call(chart, &status))
		return status;
	if (!path)
		return call_failed(chart, LR_STATUS_NULL_POINTER, "no output file named");
	status = lr_output_write(path, format, width, height, scale, draw_for_output, &context,
				 &error);
	if (status != LR_STATUS_SUCCESS && context.draw_error.message) {
		lr_error_record_clear(&error);
		error = context.draw_error;
	} else {
		lr_error_record_clear(&context.draw_error);
	}
	return end_call(chart, status, &error);
}

void
lr_write_options_init(lr_write_options_t *options)
{
	if (!options)
		return;
	memset(options, 0, sizeof *options);
	options->format = LR_FORMAT_AUTO;
	options->width = 1600;
	options->height = 900;
	options->scale = 1;
}

/* The request @options make, for a file at @path (NULL for a stream); FALSE with @error
 * filled when a vector format is given a scale or a resolution it cannot use. */
static gboolean
request_from_options(const lr_write_options_t *options, const char *path,
		     lr_output_request_t *request, lr_error_record_t *error)
{
	lr_file_format_t format = options->format;

	if (format == LR_FORMAT_AUTO && path)
		format = lr_output_format_from_path(path);
	request->format = options->format;
	request->width = options->width;
	request->height = options->height;
	request->scale = options->scale == 0 ? 1 : options->scale;
	request->dpi = options->dpi;
	if ((format == LR_FORMAT_PDF || format == LR_FORMAT_SVG) &&
	    (request->scale != 1 || request->dpi != 0)) {
		lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				    "%s applies to PNG only: %s is sized in points, %g x %g",
				    request->scale != 1 ? "a scale" : "a resolution (dpi)",
				    lr_file_format_to_string(format), options->width, options->height);
		return FALSE;
	}
	if (!path && options->format == LR_FORMAT_AUTO) {
		lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				    "a stream has no file name to take the format from: "
				    "expected the format png, pdf or svg");
		return FALSE;
	}
	return TRUE;
}

/* Renders @chart for @request into memory, keeping the draw's own error, the more precise. */
static lr_status_t
render_chart(lr_chart_t *chart, const char *name, const char *path,
	     const lr_output_request_t *request, GByteArray **bytes, lr_error_record_t *error)
{
	write_context_t context = { chart, { { 0 }, NULL, NULL } };
	lr_status_t status = lr_output_render(name, path, request, draw_for_output, &context, bytes,
					      error);

	if (status != LR_STATUS_SUCCESS && context.draw_error.message) {
		lr_error_record_clear(error);
		*error = context.draw_error;
	} else {
		lr_error_record_clear(&context.draw_error);
	}
	return status;
}

lr_status_t
lr_chart_write_with_options(lr_chart_t *chart, const char *path,
			    const lr_write_options_t *options)
{
	lr_error_record_t error = { 0 };
	lr_output_request_t request;
	GByteArray *bytes = NULL;
	lr_status_t status;
	char *name;

	if (!begin_call(chart, &status))
		return status;
	if (!path || !options)
		return call_failed(chart, LR_STATUS_NULL_POINTER, "no %s",
				   path ? "write options" : "output file named");
	if (!request_from_options(options, path, &request, &error))
		return end_call(chart, LR_STATUS_INVALID_ARGUMENT, &error);
	name = g_strdup_printf("'%s'", path);
	status = render_chart(chart, name, path, &request, &bytes, &error);
	g_free(name);
	if (status == LR_STATUS_SUCCESS) {
		status = lr_output_write_bytes(path, bytes->data, bytes->len, &error);
		g_byte_array_unref(bytes);
	}
	return end_call(chart, status, &error);
}

lr_status_t
lr_chart_write_to_stream(lr_chart_t *chart, lr_write_func_t write, void *closure,
			 const lr_write_options_t *options)
{
	lr_error_record_t error = { 0 };
	lr_output_request_t request;
	GByteArray *bytes = NULL;
	lr_status_t status;

	if (!begin_call(chart, &status))
		return status;
	if (!write || !options)
		return call_failed(chart, LR_STATUS_NULL_POINTER, "no %s",
				   write ? "write options" : "write function");
	if (!request_from_options(options, NULL, &request, &error))
		return end_call(chart, LR_STATUS_INVALID_ARGUMENT, &error);
	status = render_chart(chart, "the stream", NULL, &request, &bytes, &error);
	if (status == LR_STATUS_SUCCESS) {
		status = write(closure, bytes->data, bytes->len);
		if (status != LR_STATUS_SUCCESS) {
			if ((int) status < 0 || status >= LR_STATUS_LAST)
				status = LR_STATUS_WRITE_ERROR;
			lr_error_record_set(&error, status, NULL, 0, 0,
					    "the stream's write function failed: %s",
					    lr_status_to_string(status));
		}
		g_byte_array_unref(bytes);
	}
	return end_call(chart, status, &error);
}

char *
lr_chart_describe_layout(lr_chart_t *chart, double width, double height)
{
	lr_error_record_t error = { 0 };
	lr_scene_t scene;
	lr_status_t status;
	char *text;

	if (!begin_call(chart, &status))
		return NULL;
	status = layout_scene(chart, width, height, &scene, &error);
	if (status != LR_STATUS_SUCCESS) {
		end_call(chart, status, &error);
		return NULL;
	}
	/* Returned to the caller, who frees with lr_free() (g_free). */
	text = lr_scene_describe(&scene);
	lr_scene_clear(&scene);
	end_call(chart, LR_STATUS_SUCCESS, &error);
	return text;
}

/* ---- names of the chart enumerations ---------------------------------------------------- */

static const char *const kind_names[] = { "bar", "rank" };
static const char *const bar_layout_names[] = { "grouped", "stacked", "percent" };
static const char *const orientation_names[] = { "vertical", "horizontal" };
static const char *const sort_names[] = { "none", "asc", "desc" };
static const char *const format_names[] = { "auto", "png", "pdf", "svg" };

LR_DEFINE_ENUM_NAMES(chart_kind, lr_chart_kind_t, kind_names)
LR_DEFINE_ENUM_NAMES(bar_layout, lr_bar_layout_t, bar_layout_names)
LR_DEFINE_ENUM_NAMES(orientation, lr_orientation_t, orientation_names)
LR_DEFINE_ENUM_NAMES(sort, lr_sort_t, sort_names)
LR_DEFINE_ENUM_NAMES(file_format, lr_file_format_t, format_names)
