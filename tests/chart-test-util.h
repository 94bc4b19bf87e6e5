/* libreport tests: helpers shared by the chart suites (test-bar.c, test-rank.c). Public API
 * only, plus GLib and cairo.
 *
 * - The layout dump of lr_chart_describe_layout() parsed back into items, and the checks made
 *   on it: every text box inside the canvas, no two text boxes overlapping.
 * - Layout goldens (tests/golden/NAME.txt) and pixel goldens (NAME.png); with the environment
 *   variable LR_UPDATE_GOLDENS=1 they are written instead of compared.
 * - The chart set of data/charts.ini, read as `lreport charts` reads it.
 * - A copy of the dataset with all its text decomposed (NFD).
 * - PDF text extraction with pdftotext, PNG decoding and comparison.
 * - The checks both suites make, whatever the kind of chart: goldens from a table, the
 *   chart set of charts.ini (text fits, PDF text, NFD draws as NFC), the same bytes from
 *   the same chart, errors that stick; and the runner of a suite.
 *
 * Compiled once, into the tests' helper library (tests/meson.build).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#ifndef LR_CHART_TEST_UTIL_H
#define LR_CHART_TEST_UTIL_H

#include <lreport/lreport.h>

#include <cairo.h>
#include <check.h>
#include <glib.h>
#include <stdbool.h>

#ifndef LR_DATA_DIR
#error "LR_DATA_DIR must name the dataset folder (data/)"
#endif
#ifndef LR_GOLDEN_DIR
#error "LR_GOLDEN_DIR must name the tests/golden folder"
#endif

/* Vietnamese is written as UTF-8 text (NFC); decomposed text is spelled as bytes, so that no
 * editor can recompose it. */
#define CT_VIET_NAM "Việt Nam"          /* Việt Nam, NFC */
#define CT_VIET_NAM_NFD "Vie\xcc\xa3\xcc\x82t Nam" /* Việt Nam, decomposed */

/* Slack for box comparisons, in canvas units. */
#define CT_SLACK 0.01
/* The dump writes x, y, width and height each rounded to 0.1, so two boxes that touch
 * (a change label set right under its end label) may seem to overlap by up to 0.15: a
 * rounded y plus a rounded height against another rounded y. Overlap checks on the dump
 * allow that much on top of CT_SLACK; a real overlap of more than 0.16 units still fails. */
#define CT_ROUNDING 0.15

/* Check passes failure messages through a pipe of limited size: @text, when long, is
 * printed in full to stderr (the test log) and returned cut to about a kilobyte. */
const char *ct_brief(const char *text);

/* ---- the layout dump ---- */

/* One line of lr_chart_describe_layout(): "ROLE X Y W H ["TEXT"] [ellipsized] [rotated]
 * [angle=45 along=L across=T] [dashed] [hatched] [fill=#RRGGBB] [stroke=#RRGGBB width=W]".
 * Rotated text reads upwards; its box is the turned text's. Angled text is turned 45°
 * (rising to the right); overlap checks use its own turned rectangle, not its box. */
typedef struct {
	char *role;
	double x, y, width, height;
	char *text; /* NULL when the item is not text */
	bool ellipsized, rotated, dashed, hatched;
	bool angled;          /* "angle=45": the box is the bounding box of the text turned 45°, */
	double along, across; /* its own length and thickness ("along=", "across=") */
	guint32 fill, stroke; /* 0xRRGGBB as the dump writes them; 0 when absent */
	double line_width;    /* 0 when not stroked */
	int line;   /* 1-based line of the dump (the canvas line is 1) */
} ct_item_t;

typedef struct {
	double width, height;
	GPtrArray *items; /* ct_item_t *, in dump order */
	char *dump;       /* the text parsed */
} ct_layout_t;

/* Parses a dump; asserts it is well formed. */
ct_layout_t *ct_layout_parse(const char *dump);
/* Lays @chart out at @width × @height and parses it; asserts success. */
ct_layout_t *ct_layout_describe(lr_chart_t *chart, double width, double height);
void ct_layout_free(ct_layout_t *layout);

/* The items of @role (NULL: every role) whose text is @text (NULL: any); borrowed. */
GPtrArray *ct_layout_find_all(const ct_layout_t *layout, const char *role, const char *text);
/* The first such item, or NULL. */
const ct_item_t *ct_layout_find(const ct_layout_t *layout, const char *role, const char *text);
/* The first item of @role whose text contains @needle, or NULL. */
const ct_item_t *ct_layout_find_containing(const ct_layout_t *layout, const char *role,
					   const char *needle);
guint ct_layout_count(const ct_layout_t *layout, const char *role);
bool ct_item_is_text(const ct_item_t *item);

/* A description of every text box that leaves the canvas and every pair of text boxes that
 * overlap (by more than CT_SLACK both ways), one per line; NULL when there is none. Free
 * with g_free(). */
char *ct_layout_text_problems(const ct_layout_t *layout);
/* Asserts there are none; @what names the chart in the failure message. */
void ct_assert_text_fits(const ct_layout_t *layout, const char *what);

/* True when @inner lies within @outer (with CT_SLACK plus the dump's rounding). */
bool ct_box_inside(const ct_item_t *inner, const ct_item_t *outer);
bool ct_boxes_overlap(const ct_item_t *a, const ct_item_t *b, double slack);

/* ---- data ---- */

/* The real dataset (LR_DATA_DIR); asserts it loads without errors. */
lr_dataset_t *ct_load_data(void);
/* A dataset loaded from @directory; asserts it loads without errors. */
lr_dataset_t *ct_load_data_from(const char *directory);
/* A new folder holding the dataset's CSV files and charts.ini with all their text in NFD. */
char *ct_make_nfd_data_dir(void);
/* @text decomposed (NFD), newly allocated. */
char *ct_nfd(const char *text);

/* In-memory datasets: add an indicator / a whole-year observation, asserting success. */
void ct_add_indicator(lr_dataset_t *dataset, const char *id, const char *name_vi,
		      const char *name_en, const char *unit_vi, const char *unit_en,
		      lr_indicator_kind_t kind, lr_direction_t better);
void ct_add_observation(lr_dataset_t *dataset, const char *indicator, const char *entity,
			int year, double value, int total, lr_observation_status_t status);

/* Labels the source of ct_add_observation's figures ("test-data.txt") as made-up test data
 * (the Vietnamese decomposed with @nfd) and asserts @dataset has no error. */
void ct_label_test_source(lr_dataset_t *dataset, bool nfd);

/* ---- data/charts.ini ---- */

/* The charts of one kind in a chart list, read by the library (lr_chart_set_load()), as
 * `lreport charts` reads it. */
typedef struct {
	lr_chart_set_t *set;
	GArray *indices;          /* guint: the set's charts of the kind */
	lr_language_t language;
} ct_chart_list_t;

/* The charts of @kind in DIRECTORY/charts.ini (NULL: LR_DATA_DIR), for @dataset in @language.
 * Asserts the list has no error and a chart of @kind. Free with ct_chart_list_free(). */
ct_chart_list_t *ct_chart_list_load(const char *directory, lr_chart_kind_t kind,
				    lr_dataset_t *dataset, lr_language_t language);
guint ct_chart_list_count(const ct_chart_list_t *list);
/* The @index-th chart of the kind (owned by @list) and its NAME. */
lr_chart_t *ct_chart_list_chart(const ct_chart_list_t *list, guint index);
const char *ct_chart_list_name(const ct_chart_list_t *list, guint index);
/* "ftth-comparison (en)", newly allocated. */
char *ct_chart_list_label(const ct_chart_list_t *list, guint index);
void ct_chart_list_free(ct_chart_list_t *list);

/* ---- files ---- */

char *ct_make_temp_dir(void);
void ct_remove_tree(const char *path);
GBytes *ct_read_file(const char *path);
/* Writes @chart to DIR/NAME; asserts success. Returns the path (g_free). */
char *ct_write_chart(lr_chart_t *chart, const char *dir, const char *name, double width,
		     double height);
/* The names in @dir, sorted, one a line ("" when empty); g_free(). */
char *ct_list_dir(const char *dir);

/* ---- goldens ---- */

bool ct_update_goldens(void);
/* Compares @actual with LR_GOLDEN_DIR/@name (or writes it). On a difference the failure
 * names the first differing line and the actual text is saved in the temp folder. */
void ct_assert_golden_text(const char *name, const char *actual);
/* The layout dump at 800 × 450 against LR_GOLDEN_DIR/@name.txt. */
void ct_assert_layout_golden(lr_chart_t *chart, const char *name);

/* ---- pixels ---- */

/* Decodes a PNG file; asserts success. The surface is RGB24 or ARGB32. */
cairo_surface_t *ct_read_png(const char *path);
/* Renders @chart to a PNG in @dir and decodes it. */
cairo_surface_t *ct_render(lr_chart_t *chart, const char *dir, const char *name, double width,
			   double height);
/* How many pixels differ by more than @threshold in some colour channel; -1 when the sizes
 * differ. @max_difference, if given, receives the largest channel difference seen. */
long ct_count_differing_pixels(cairo_surface_t *a, cairo_surface_t *b, int threshold,
			       int *max_difference);
/* Pixel goldens: see the tolerance in chart-test-util.c. */
#define CT_PIXEL_THRESHOLD 64
#define CT_PIXEL_FRACTION 0.002
/* True when @a and @b match within the pixel-golden tolerance. */
bool ct_pixels_match(cairo_surface_t *a, cairo_surface_t *b, long *differing);
/* Renders @chart at 800 × 450 and compares it with LR_GOLDEN_DIR/@name.png (or writes it). */
void ct_assert_pixel_golden(lr_chart_t *chart, const char *name);
/* The colour (0xRRGGBB) of the pixel at @x, @y. */
guint32 ct_pixel(cairo_surface_t *surface, int x, int y);

/* ---- PDF text ---- */

/* Runs `pdftotext -layout PATH -`. Returns its output, NFC, with no-break spaces turned
 * into spaces; NULL when pdftotext is not installed. */
char *ct_pdftotext(const char *path);
/* Writes @chart as PDF (1600 × 900) into @dir and checks that every word of every text
 * item of its layout comes back from pdftotext. Returns false (after saying so) when
 * pdftotext is missing. */
bool ct_assert_pdf_round_trip(lr_chart_t *chart, const char *dir, const char *name);

/* ---- errors ---- */

/* Asserts @chart failed with @status and a message that says @phrase. */
void ct_assert_chart_error(const lr_chart_t *chart, lr_status_t status, const char *phrase);
/* Asserts @chart, whose specification is in error, does nothing it is asked (it writes
 * nothing into @dir) and keeps its error. */
void ct_assert_chart_sticky(lr_chart_t *chart, const char *dir);
/* Asserts the error of @chart's last call (a request the data cannot satisfy) did not stick:
 * setters still work, and each later call lays the chart out again and fails the same way,
 * writing nothing into @dir. */
void ct_assert_call_error_repeats(lr_chart_t *chart, const char *dir);
/* Asserts @chart, whose last call failed for that call's own reason (canvas, file), draws and
 * writes (into @dir) successfully next time, and its status is then success again. */
void ct_assert_chart_recovers(lr_chart_t *chart, const char *dir);

/* ---- goldens from a table ---- */

typedef lr_dataset_t *(*ct_dataset_func_t)(void);
typedef lr_chart_t *(*ct_chart_func_t)(lr_dataset_t *dataset, lr_language_t language);

/* A chart with goldens: LR_GOLDEN_DIR/NAME.txt (and NAME.png when it has a pixel golden). */
typedef struct {
	const char *name;           /* "bar-ftth-en" */
	lr_language_t language;
	ct_dataset_func_t dataset;  /* ct_load_data, or data made in the test */
	ct_chart_func_t chart;
} ct_golden_t;

/* The layout golden of @golden's chart, and that the text of that layout fits (800 × 450);
 * in update mode a PNG of it is also left in TMP/lr-golden-preview for review. */
void ct_check_golden(const ct_golden_t *golden);
/* The pixel golden of @golden's chart (ct_assert_pixel_golden). */
void ct_check_pixel_golden(const ct_golden_t *golden);

/* ---- the chart set ---- */

/* What the chart-set checks go over: every chart of @kind in charts.ini and, when the suite
 * gives one, a chart it makes itself (checked as EXTRA_NAME (vi|en)), in either language. */
typedef struct {
	lr_chart_kind_t kind;
	const char *what; /* "bar charts of charts.ini": the start of failure messages */
	/* The kind's own checks of each chart's layout in ct_assert_chart_set_fits: they assert,
	 * or append a line per problem (naming @label) to @problems. NULL: none. */
	void (*check_layout)(const ct_layout_t *layout, const char *label, GString *problems);
	const char *extra_name; /* NULL: no extra chart */
	ct_dataset_func_t extra_dataset;
	ct_chart_func_t extra_chart;
} ct_chart_set_t;

/* In @language at @width × @height, every text box of every chart of @set inside the canvas
 * and none overlapping, and @set's own checks. Every chart is checked and every problem
 * reported before failing. */
void ct_assert_chart_set_fits(const ct_chart_set_t *set, lr_language_t language, double width,
			      double height);
/* Every word of every chart of @set in @language comes back from its PDF (see
 * ct_assert_pdf_round_trip); says so and checks nothing when pdftotext is missing. */
void ct_assert_chart_set_pdf_text(const ct_chart_set_t *set, lr_language_t language);

/* ---- NFD and NFC ---- */

/* Asserts @a and @b are the same pixels; @what names the pair in the failure message. */
void ct_assert_same_pixels(cairo_surface_t *a, cairo_surface_t *b, const char *what);
/* Renders @nfc and @nfd, two charts made from composed and decomposed text, at 800 × 450
 * into @dir, and asserts they are the same pixels; @what names the pair. */
void ct_assert_same_render(lr_chart_t *nfc, lr_chart_t *nfd, const char *dir, const char *what);
/* Renders @a and @b likewise and asserts more than @pixels pixels differ by more than 64 in
 * some colour channel: what makes two charts differ took effect. */
void ct_assert_renders_differ(lr_chart_t *a, lr_chart_t *b, const char *dir, long pixels,
			      const char *what);

/* The dataset twice, as it is (NFC) and with all its text decomposed, and a folder for
 * renders. */
typedef struct {
	char *nfd_dir, *out;
	lr_dataset_t *nfc, *nfd;
} ct_nfd_data_t;

void ct_nfd_data_init(ct_nfd_data_t *data);
void ct_nfd_data_clear(ct_nfd_data_t *data);
/* Every chart of @kind in charts.ini, in either language, from data and arguments in NFD,
 * draws the pixels it draws from NFC. */
void ct_assert_nfd_chart_set(lr_chart_kind_t kind);

/* ---- reproducible output ---- */

/* Writes @chart twice and @again, a chart made the same way, once, each as @name (its
 * extension the format) at 800 × 450 without SOURCE_DATE_EPOCH; asserts the three files
 * are the same bytes, and not a near-empty file. */
void ct_assert_same_bytes(lr_chart_t *chart, lr_chart_t *again, const char *name);

/* ---- the tests of every chart kind ---- */

/* What the tests every kind's suite runs need to know of the kind. */
typedef struct {
	ct_chart_set_t set; /* set.kind: the kind */
	const ct_golden_t *goldens;
	int golden_count;
	const ct_golden_t *const *pixel_goldens; /* those of them with a pixel golden too */
	int pixel_golden_count;
	/* The chart test_same_bytes writes, in Vietnamese. */
	ct_dataset_func_t same_bytes_dataset;
	ct_chart_func_t same_bytes_chart;
} ct_kind_tests_t;

/* The test cases ct_add_kind_tests makes, for the suite to add its own tests to. */
typedef struct {
	TCase *goldens, *chart_set, *normalization, *reproducible;
} ct_kind_tcases_t;

/* Adds to @suite the tests every kind's suite runs, in four test cases:
 * - goldens: test_golden (each of @tests' goldens, ct_check_golden) and test_pixel_golden
 *   (each of its pixel goldens);
 * - chart_set: test_chart_set_text_fits (ct_assert_chart_set_fits in either language at
 *   1600 × 900 and 720 × 405: the CLI's default and a small slide) and
 *   test_chart_set_pdf_text (ct_assert_chart_set_pdf_text in either language);
 * - normalization: test_nfd_chart_set (ct_assert_nfd_chart_set);
 * - reproducible: test_same_bytes (ct_assert_same_bytes, as PDF and as PNG).
 * The tests read @tests when they run: one kind a program, and @tests must outlive the run. */
ct_kind_tcases_t ct_add_kind_tests(Suite *suite, const ct_kind_tests_t *tests);

/* ---- running ---- */

/* A new test case of @suite, named @name, whose tests each have @timeout seconds. */
TCase *ct_add_tcase(Suite *suite, const char *name, double timeout);

#endif
