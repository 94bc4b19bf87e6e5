/* libreport: fonts and text layout. Loads the bundled fonts through a private fontconfig
 * configuration, and lays strings out with Pango in a way that does not depend on the
 * surface drawn to (see the invariants in text-private.h).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
/* dladdr(), to know where this code was loaded from. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include "common-private.h"
#include "text-private.h"
#include "text-breaks-private.h"

/* Every text is laid out at this font size and drawn scaled to the size asked for. Pango
 * caches fonts per size, and with fontconfig below it keeps about 25 KiB for every size it
 * has seen, for the life of the font map (a process drawing 9,000 canvas sizes, whose font
 * sizes follow the canvas, reached 313 MB and drew 25 times slower). Metrics are unhinted
 * and positions unrounded (invariant 3), so a layout scales exactly: only the few sizes of
 * LAYOUT_SIZE (regular, bold) reach Pango. 64 units keeps FreeType's 1/64 metrics finer
 * than any chart's text needs. */
#define LAYOUT_SIZE 64.0

/* Layouts kept per thread, at most this many: a chart lays out 20 to 40 strings, a batch
 * repeats many of them (ticks, years, sources, the same chart in PNG, PDF and SVG). When
 * full the cache starts again empty; a layout takes 1 to 4 KiB. */
#define MAX_CACHED_LAYOUTS 512

typedef struct {
	FcConfig *config;
	PangoFontMap *font_map;
	PangoContext *context;
	char *directory;
	FcCharSet *coverage; /* the characters some bundled font has, made on first use */
	GHashTable *layouts; /* cache key (layout_key) -> cached_layout_t, for @context */
} lr_fonts_t;

/* A finished layout and what lr_text_layout() measured of it, in Pango units at
 * LAYOUT_SIZE. Never changed once cached: lr_text_t holders share it read-only. */
typedef struct {
	PangoLayout *layout;
	PangoRectangle box;
	int baseline;
	int lines;
	bool ellipsized;
} cached_layout_t;

static void
cached_layout_free(gpointer data)
{
	cached_layout_t *cached = data;

	g_object_unref(cached->layout);
	g_free(cached);
}

static void
fonts_free(gpointer data)
{
	lr_fonts_t *fonts = data;

	if (!fonts)
		return;
	/* First: the layouts hold the context. */
	g_clear_pointer(&fonts->layouts, g_hash_table_destroy);
	g_clear_object(&fonts->context);
	g_clear_object(&fonts->font_map);
	if (fonts->coverage)
		FcCharSetDestroy(fonts->coverage);
	if (fonts->config)
		FcConfigDestroy(fonts->config);
	g_free(fonts->directory);
	g_free(fonts);
}

/* One set per thread: Pango font maps and contexts must not be shared between threads. */
static GPrivate thread_fonts = G_PRIVATE_INIT(fonts_free);

static bool
directory_has_fonts(const char *directory)
{
	char *conf = g_build_filename(directory, "fonts.conf", NULL);
	char *regular = g_build_filename(directory, "NotoSans-Regular.ttf", NULL);
	bool found = g_file_test(conf, G_FILE_TEST_IS_REGULAR) ||
		     g_file_test(regular, G_FILE_TEST_IS_REGULAR);

	g_free(conf);
	g_free(regular);
	return found;
}

/* Whether this code runs from the build folder it was compiled in (the shared library there,
 * or a program there that links it statically): only then may the source tree's fonts serve.
 * An installed library must never use a build tree that happens to be on the machine. */
static const char where_am_i = 0;

static bool
running_from_build_tree(void)
{
	Dl_info info;
	char *self, *root = realpath(LR_BUILD_ROOT, NULL);
	bool inside;

	/* For code in the main program dladdr() gives argv[0], which may be a bare name. */
	if (dladdr(&where_am_i, &info) && info.dli_fname &&
	    strstr(info.dli_fname, ".so"))
		self = realpath(info.dli_fname, NULL);
	else
		self = realpath("/proc/self/exe", NULL);
	inside = self && root && g_str_has_prefix(self, root) && self[strlen(root)] == '/';
	free(self);
	free(root);
	return inside;
}

/* LREPORT_FONTS_DIR wins; then the installed folder; then, for code running from its build
 * folder only, the source tree (tests, the README's main command). An installed copy without
 * its fonts names the installed folder in its error. *@origin says which, for messages. */
static char *
find_fonts_directory(const char **origin)
{
	const char *from_env = g_getenv("LREPORT_FONTS_DIR");

	/* Absolute: fontconfig resolves a relative config path against its own folder. */
	if (from_env && *from_env) {
		*origin = "LREPORT_FONTS_DIR";
		return g_canonicalize_filename(from_env, NULL);
	}
	if (directory_has_fonts(LR_FONTS_DIR) || !running_from_build_tree()) {
		*origin = "the installed fonts; set LREPORT_FONTS_DIR to use others";
		return g_strdup(LR_FONTS_DIR);
	}
	*origin = "the source tree's fonts; set LREPORT_FONTS_DIR to use others";
	return g_strdup(LR_SOURCE_FONTS_DIR);
}

#define FONTS_CACHE_CONF                                                                 \
	"<?xml version=\"1.0\"?><fontconfig>"                                           \
	"<cachedir prefix=\"xdg\">lreport/fontconfig</cachedir></fontconfig>"

/* fontconfig prints "No writable cache directories" on stderr when it scans a folder and
 * can write its cache nowhere (HOME unset, read-only or /nonexistent, as for daemons). When
 * the user's cache folder cannot be made, a private folder of this user's in the temporary
 * folder serves instead, if it is a real folder, ours, and closed to others. */
static void
add_fallback_cache(FcConfig *config)
{
	/* The folder fontconfig's "xdg" prefix means, found as fontconfig finds it (from the
	 * environment only: without HOME it has none, whatever the password file says). */
	const char *xdg = g_getenv("XDG_CACHE_HOME"), *user_home = g_getenv("HOME");
	char *base = xdg && *xdg ? g_strdup(xdg)
		     : user_home && *user_home ? g_build_filename(user_home, ".cache", NULL) : NULL;
	char *home = base ? g_path_get_dirname(base) : NULL;
	char *user = base ? g_build_filename(base, "lreport", "fontconfig", NULL) : NULL;
	char *fallback, *escaped, *conf;
	struct stat st;
	/* Never make a missing home folder (HOME=/nonexistent, as root). */
	bool usable = base &&
		      (g_file_test(base, G_FILE_TEST_IS_DIR) || g_file_test(home, G_FILE_TEST_IS_DIR)) &&
		      g_mkdir_with_parents(user, 0700) == 0 && access(user, W_OK) == 0;

	g_free(base);
	g_free(home);
	g_free(user);
	if (usable)
		return;
	fallback = g_strdup_printf("%s/lreport-fontconfig-%lu", g_get_tmp_dir(), (unsigned long) getuid());
	if ((mkdir(fallback, 0700) == 0 || errno == EEXIST) && lstat(fallback, &st) == 0 &&
	    S_ISDIR(st.st_mode) && st.st_uid == getuid() && (st.st_mode & 077) == 0 &&
	    access(fallback, W_OK) == 0) {
		escaped = g_markup_escape_text(fallback, -1);
		conf = g_strdup_printf("<?xml version=\"1.0\"?><fontconfig><cachedir>%s</cachedir>"
				       "</fontconfig>", escaped);
		FcConfigParseAndLoadFromMemory(config, (const FcChar8 *) conf, FcFalse);
		g_free(conf);
		g_free(escaped);
	}
	g_free(fallback);
}

static FcConfig *
load_config(const char *directory)
{
	FcConfig *config = FcConfigCreate();
	char *conf = g_build_filename(directory, "fonts.conf", NULL);
	bool ok;

	if (!config) {
		g_free(conf);
		return NULL;
	}
	add_fallback_cache(config);
	if (g_file_test(conf, G_FILE_TEST_IS_REGULAR))
		ok = FcConfigParseAndLoad(config, (const FcChar8 *) conf, FcTrue) &&
		     FcConfigBuildFonts(config);
	else /* just fonts: still give fontconfig the private cache folder fonts.conf names */
		ok = FcConfigParseAndLoadFromMemory(config, (const FcChar8 *) FONTS_CACHE_CONF, FcTrue) &&
		     FcConfigAppFontAddDir(config, (const FcChar8 *) directory);
	g_free(conf);

	if (ok) {
		FcFontSet *system = FcConfigGetFonts(config, FcSetSystem);
		FcFontSet *application = FcConfigGetFonts(config, FcSetApplication);
		int count = (system ? system->nfont : 0) + (application ? application->nfont : 0);
		ok = count > 0;
	}
	if (!ok) {
		FcConfigDestroy(config);
		return NULL;
	}
	return config;
}

/* The message of the thread's last failure to load the fonts. */
static GPrivate fonts_error = G_PRIVATE_INIT(g_free);

static void
fonts_fail(const char *format, ...) G_GNUC_PRINTF(1, 2);

static void
fonts_fail(const char *format, ...)
{
	va_list args;

	va_start(args, format);
	g_private_replace(&fonts_error, g_strdup_vprintf(format, args));
	va_end(args);
}

/* Every font must really load: fontconfig lists a font from its cache or its header, and a
 * truncated or corrupt file then fails only when cairo opens it (with Pango's "expect ugly
 * output" on stderr and, downstream, misleading errors). Opens each font of the
 * configuration as cairo will and measures a Vietnamese string; FALSE after fonts_fail()
 * naming the file. */
static bool
fonts_check(lr_fonts_t *fonts)
{
	FcSetName sets[] = { FcSetSystem, FcSetApplication };
	cairo_matrix_t size, identity;
	cairo_font_options_t *options = cairo_font_options_create();
	bool ok = true;

	cairo_matrix_init_scale(&size, LAYOUT_SIZE, LAYOUT_SIZE);
	cairo_matrix_init_identity(&identity);
	for (unsigned i = 0; i < G_N_ELEMENTS(sets) && ok; i++) {
		FcFontSet *set = FcConfigGetFonts(fonts->config, sets[i]);

		for (int f = 0; set && f < set->nfont && ok; f++) {
			cairo_font_face_t *face = cairo_ft_font_face_create_for_pattern(set->fonts[f]);
			cairo_scaled_font_t *scaled = cairo_scaled_font_create(face, &size, &identity, options);
			cairo_text_extents_t extents;
			FcChar8 *file = NULL;

			if (cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS)
				cairo_scaled_font_text_extents(scaled, "Vi\xe1\xbb\x87t Nam", &extents);
			if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS ||
			    cairo_scaled_font_status(scaled) != CAIRO_STATUS_SUCCESS) {
				char *name;

				FcPatternGetString(set->fonts[f], FC_FILE, 0, &file);
				name = g_path_get_basename(file ? (const char *) file : "?");
				fonts_fail("cannot load the fonts from '%s': the font file '%s' is "
					   "unreadable (corrupt or truncated)", fonts->directory, name);
				g_free(name);
				ok = false;
			}
			cairo_scaled_font_destroy(scaled);
			cairo_font_face_destroy(face);
		}
	}
	cairo_font_options_destroy(options);
	return ok;
}

/* The first (by name) file in @directory that looks like a font, or NULL. */
static char *
first_font_file(const char *directory)
{
	GDir *dir = g_dir_open(directory, 0, NULL);
	const char *name;
	char *first = NULL;

	while (dir && (name = g_dir_read_name(dir))) {
		char *lower = g_ascii_strdown(name, -1);

		if ((g_str_has_suffix(lower, ".ttf") || g_str_has_suffix(lower, ".otf") ||
		     g_str_has_suffix(lower, ".ttc")) && (!first || strcmp(name, first) < 0)) {
			g_free(first);
			first = g_strdup(name);
		}
		g_free(lower);
	}
	if (dir)
		g_dir_close(dir);
	return first;
}

static lr_fonts_t *
fonts_create(lr_status_t *status)
{
	lr_fonts_t *fonts = g_new0(lr_fonts_t, 1);
	cairo_font_options_t *options;
	const char *origin;

	fonts->directory = find_fonts_directory(&origin);
	if (!g_file_test(fonts->directory, G_FILE_TEST_IS_DIR)) {
		fonts_fail("cannot load the fonts from '%s' (%s): no such folder", fonts->directory, origin);
		goto fail;
	}
	fonts->config = load_config(fonts->directory);
	if (!fonts->config) {
		char *file = first_font_file(fonts->directory);

		if (file)
			fonts_fail("cannot load the fonts from '%s' (%s): the font file '%s' is "
				   "unreadable (corrupt or truncated), and no other font there loads",
				   fonts->directory, origin, file);
		else
			fonts_fail("cannot load the fonts from '%s' (%s): no font file there",
				   fonts->directory, origin);
		g_free(file);
		goto fail;
	}
	if (!fonts_check(fonts))
		goto fail;
	fonts->font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!fonts->font_map) {
		fonts_fail("cannot load the fonts from '%s': Pango has no FreeType font map", fonts->directory);
		goto fail;
	}
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fonts->font_map), fonts->config);

	fonts->context = pango_font_map_create_context(fonts->font_map);
	/* 72 units per inch: a font size of 12 is 12 user units on every surface. */
	pango_cairo_context_set_resolution(fonts->context, 72.0);
	pango_context_set_language(fonts->context, pango_language_from_string("vi"));
	/* Unhinted metrics and unrounded positions: one layout for PNG, PDF and SVG alike. */
	pango_context_set_round_glyph_positions(fonts->context, FALSE);
	options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(fonts->context, options);
	cairo_font_options_destroy(options);
	return fonts;

fail:
	*status = lr_error(LR_STATUS_FONT_ERROR);
	fonts_free(fonts);
	return NULL;
}

const char *
lr_fonts_get_error(void)
{
	const char *message = g_private_get(&fonts_error);
	return message ? message : "the fonts could not be loaded";
}

PangoContext *
lr_fonts_get_context(lr_status_t *status)
{
	lr_fonts_t *fonts = g_private_get(&thread_fonts);

	*status = LR_STATUS_SUCCESS;
	if (!fonts) {
		fonts = fonts_create(status);
		if (!fonts)
			return NULL;
		g_private_set(&thread_fonts, fonts);
	}
	return fonts->context;
}

const char *
lr_fonts_get_directory(void)
{
	lr_fonts_t *fonts = g_private_get(&thread_fonts);
	return fonts ? fonts->directory : LR_FONTS_DIR;
}


/* Characters that lay out as nothing visible, never as a box: line and paragraph ends, tabs,
 * format characters (ZWJ, the soft hyphen, bidi marks), variation selectors and tags, which
 * Pango does not draw. */
static bool
is_invisible(gunichar c)
{
	return c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029 ||
	       g_unichar_type(c) == G_UNICODE_FORMAT || (c >= 0xFE00 && c <= 0xFE0F) ||
	       (c >= 0xE0100 && c <= 0xE01EF);
}

lr_status_t
lr_fonts_find_missing_char(const char *utf8, gsize length, gsize *offset, gunichar *missing)
{
	lr_status_t status;
	lr_fonts_t *fonts;
	const char *p, *end = utf8 + length;

	if (!lr_fonts_get_context(&status))
		return status;
	fonts = g_private_get(&thread_fonts);
	if (!fonts->coverage) {
		FcSetName sets[] = { FcSetSystem, FcSetApplication };

		/* The union of the fonts' character maps: what Pango can fall back to. */
		fonts->coverage = FcCharSetCreate();
		for (unsigned i = 0; i < G_N_ELEMENTS(sets); i++) {
			FcFontSet *set = FcConfigGetFonts(fonts->config, sets[i]);
			for (int f = 0; set && f < set->nfont; f++) {
				FcCharSet *charset;
				if (FcPatternGetCharSet(set->fonts[f], FC_CHARSET, 0, &charset) == FcResultMatch)
					FcCharSetMerge(fonts->coverage, charset, NULL);
			}
		}
	}
	for (p = utf8; p < end; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c < 0x80 && c >= 0x20)
			continue;
		if (!is_invisible(c) && !FcCharSetHasChar(fonts->coverage, c)) {
			*offset = (gsize) (p - utf8);
			*missing = c;
			return LR_STATUS_SUCCESS;
		}
	}
	*offset = length;
	*missing = 0;
	return LR_STATUS_SUCCESS;
}

/* The union of the ink and logical rectangles of @layout, in Pango units. */
static void
layout_box(PangoLayout *layout, PangoRectangle *box)
{
	PangoRectangle ink, logical;

	pango_layout_get_extents(layout, &ink, &logical);
	if (ink.width == 0 || ink.height == 0) { /* blank text has no ink */
		*box = logical;
		return;
	}
	box->x = MIN(ink.x, logical.x);
	box->y = MIN(ink.y, logical.y);
	box->width = MAX(ink.x + ink.width, logical.x + logical.width) - box->x;
	box->height = MAX(ink.y + ink.height, logical.y + logical.height) - box->y;
}

/* Lays @normalized out in @style at @font_size (Pango units: LAYOUT_SIZE but for rounding),
 * wrapped at @width (Pango units at that size; 0: one line), into a new @cached. */
static void
make_layout(PangoContext *context, const char *normalized, const lr_text_style_t *style,
	    double font_size, int width, cached_layout_t *cached)
{
	PangoFontDescription *font;
	PangoAttrList *attributes;
	PangoRectangle box, logical;
	PangoLayout *layout = pango_layout_new(context);

	font = pango_font_description_new();
	pango_font_description_set_family(font, style->family ? style->family : "Noto Sans");
	pango_font_description_set_absolute_size(font, font_size);
	pango_font_description_set_weight(font, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);

	/* Vietnamese words are syllables separated by spaces: break only there, never hyphenate. */
	attributes = pango_attr_list_new();
	pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(layout, attributes);
	pango_attr_list_unref(attributes);

	if (width > 0) {
		pango_layout_set_width(layout, width);
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
		if (style->max_lines > 0) {
			pango_layout_set_height(layout, -style->max_lines);
			pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
		}
	}
	pango_layout_set_alignment(layout, style->align);
	/* Plain text, never markup: "R&D <5%>" is shown as written. */
	pango_layout_set_text(layout, normalized, -1);
	lr_text_forbid_inner_breaks(layout);

	layout_box(layout, &box);
	/* Lines are wrapped by their advances, but ink can stick out of them (the horn of a
	 * final ơ or ư, about 0.045 em): wrap narrower by that much, so that the box fits the
	 * width asked for. Unless a word then no longer fits its line: keep the wider layout. */
	if (width > 0) {
		int limit = pango_layout_get_width(layout);

		for (int tries = 0; tries < 3 && box.width > limit; tries++) {
			int narrower = width - (box.width - limit);

			if (narrower <= 0)
				break;
			pango_layout_set_width(layout, narrower);
			pango_layout_get_extents(layout, NULL, &logical);
			if (logical.width > narrower) {
				pango_layout_set_width(layout, width);
				layout_box(layout, &box);
				break;
			}
			width = narrower;
			layout_box(layout, &box);
		}
	}
	cached->layout = layout;
	cached->box = box;
	cached->baseline = pango_layout_get_baseline(layout);
	cached->lines = pango_layout_get_line_count(layout);
	cached->ellipsized = pango_layout_is_ellipsized(layout);
}

/* The thread's cache of layouts made with @context, or NULL for a context of the caller's. */
static GHashTable *
layout_cache(PangoContext *context)
{
	lr_fonts_t *fonts = g_private_get(&thread_fonts);

	if (!fonts || fonts->context != context)
		return NULL;
	if (!fonts->layouts)
		fonts->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
						       cached_layout_free);
	return fonts->layouts;
}

lr_status_t
lr_text_layout(PangoContext *context, const char *utf8, const lr_text_style_t *style,
	       lr_text_t *text)
{
	cached_layout_t made, *cached = NULL;
	GHashTable *cache;
	char *key = NULL;
	double scale, font_size;
	int width = 0;

	memset(text, 0, sizeof *text);
	if (!context || !utf8 || !style)
		return lr_error(LR_STATUS_NULL_POINTER);

	/* Laid out at one size and scaled: see LAYOUT_SIZE. */
	scale = style->size / LAYOUT_SIZE;
	if (!(scale > 0) || !isfinite(scale))
		scale = 1;
	font_size = (style->size / scale) * PANGO_SCALE;
	if (style->max_width > 0)
		width = (int) floor(style->max_width / scale * PANGO_SCALE);
	/* The same string in the same style (at LAYOUT_SIZE, so the size asked for does not
	 * count) gives the same layout: a layout is made once per thread and shared. The
	 * context's serial changes whenever its fonts or options do. */
	cache = layout_cache(context);
	if (cache) {
		/* The size as Pango keeps it, in whole units. */
		const char *family = style->family ? style->family : "";

		key = g_strdup_printf("%u|%zu:%s|%d|%d|%d|%d|%d|%s", pango_context_get_serial(context),
				      strlen(family), family, (int) font_size,
				      style->bold, width,
				      width > 0 ? style->max_lines : 0, (int) style->align, utf8);
		cached = g_hash_table_lookup(cache, key);
	}
	if (!cached) {
		char *normalized = lr_utf8_normalize(utf8, -1, NULL);

		if (!normalized) {
			g_free(key);
			return lr_error(LR_STATUS_INVALID_UTF8);
		}
		make_layout(context, normalized, style, font_size, width, &made);
		g_free(normalized);
		cached = &made;
		if (cache) {
			if (g_hash_table_size(cache) >= MAX_CACHED_LAYOUTS)
				g_hash_table_remove_all(cache);
			cached = g_memdup2(&made, sizeof made);
			g_hash_table_insert(cache, key, cached);
			key = NULL;
		}
	}
	g_free(key);

	text->scale = scale;
	text->size = style->size;
	/* Ours, or a reference to the cache's: no caller changes a layout it is given. */
	text->layout = cached == &made ? made.layout : g_object_ref(cached->layout);
	text->box_x = (double) cached->box.x * scale / PANGO_SCALE;
	text->box_y = (double) cached->box.y * scale / PANGO_SCALE;
	text->width = (double) cached->box.width * scale / PANGO_SCALE;
	text->height = (double) cached->box.height * scale / PANGO_SCALE;
	text->baseline = cached->baseline * scale / PANGO_SCALE - text->box_y;
	text->lines = cached->lines;
	text->ellipsized = cached->ellipsized;
	return LR_STATUS_SUCCESS;
}

void
lr_text_clear(lr_text_t *text)
{
	if (!text)
		return;
	g_clear_object(&text->layout);
	memset(text, 0, sizeof *text);
}

void
lr_text_draw(cairo_t *cr, const lr_text_t *text, double x, double y)
{
	if (!text->layout)
		return;
	cairo_save(cr);
	cairo_translate(cr, x - text->box_x, y - text->box_y);
	/* 0: a text made from a layout of the caller's own, at its size. */
	if (text->scale > 0)
		cairo_scale(cr, text->scale, text->scale);
	cairo_move_to(cr, 0, 0);
	pango_cairo_show_layout(cr, text->layout);
	cairo_restore(cr);
}

int
lr_text_count_unknown_glyphs(const lr_text_t *text)
{
	PangoLayoutIter *iter;
	int unknown = 0;

	if (!text->layout)
		return 0;
	iter = pango_layout_get_iter(text->layout);
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
		if (!run)
			continue;
		for (int i = 0; i < run->glyphs->num_glyphs; i++)
			if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
				unknown++;
	} while (pango_layout_iter_next_run(iter));
	pango_layout_iter_free(iter);
	return unknown;
}
