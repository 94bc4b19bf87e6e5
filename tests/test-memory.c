/* libreport tests: memory and time stay flat in a long-running process (issue 13).
 *
 * A server draws charts at whatever size each request asks for. Font sizes follow the canvas,
 * and Pango with fontconfig kept about 25 KiB for every font size it had seen, forever: 9,000
 * sizes reached 313 MB and drew 25 times slower. Here one process draws a bar and a ranking
 * chart at 2,000 canvas sizes, each with font sizes no earlier draw had, and compares the
 * last 500 draws with the 500 before them (after 1,000 that fill every bounded cache: cairo
 * keeps 256 scaled fonts): resident memory may grow by at most 2 MiB (the old code grew by
 * 43 MiB over the last 1,000, drawing in 10 ms where now 0.9) and the median draw may take at most twice as long plus
 * 0.5 ms, generous for a shared machine.
 *
 * Through the public API and the shared library, as a user would. Not run under valgrind
 * (too slow there; the other suites check leaks).
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <lreport/lreport.h>

#include <cairo.h>
#include <check.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DRAWS 2000
#define WINDOW 500
#define MAX_GROWTH_KIB 2048.0

static double
now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Resident memory from /proc/self/status, in KiB. */
static double
resident_kib(void)
{
	char *status = NULL, *line;
	double kib = -1;

	if (g_file_get_contents("/proc/self/status", &status, NULL, NULL) &&
	    (line = strstr(status, "VmRSS:")))
		kib = g_ascii_strtod(line + 6, NULL);
	g_free(status);
	return kib;
}

static int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return x < y ? -1 : x > y;
}

static double
median(double *values, int count)
{
	qsort(values, (size_t) count, sizeof *values, compare_doubles);
	return values[count / 2];
}

START_TEST(test_many_canvas_sizes)
{
	lr_dataset_t *dataset = lr_dataset_load(LR_DATA_DIR);
	lr_chart_t *bar = lr_chart_create(LR_CHART_BAR, dataset);
	lr_chart_t *rank = lr_chart_create(LR_CHART_RANK, dataset);
	/* Drawing is clipped to this small surface; layout, at the full size, is not. */
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 120);
	double *times = g_new(double, DRAWS);
	double before = 0, after = 0, early, late;

	ck_assert_int_eq(lr_dataset_status(dataset), LR_STATUS_SUCCESS);
	lr_chart_add_indicator(bar, "ecommerce_revenue");
	lr_chart_add_indicator(rank, "egdi_rank");
	lr_chart_add_indicator(rank, "gii_rank");
	for (int i = 0; i < DRAWS; i++) {
		/* Width decides the font size (width / 70 for wide canvases): 600.0, 600.7, ...
		 * gives every draw new font sizes. */
		lr_rect_t rect = { 0, 0, 600 + i * 0.7, 2000 };
		cairo_t *cr = cairo_create(surface);
		double start = now_ms();

		lr_chart_draw(i % 2 ? rank : bar, cr, &rect);
		times[i] = now_ms() - start;
		cairo_destroy(cr);
		if (i == DRAWS - 2 * WINDOW - 1)
			before = resident_kib();
		else if (i == DRAWS - WINDOW - 1)
			after = resident_kib();
	}
	ck_assert_int_eq(lr_chart_status(bar), LR_STATUS_SUCCESS);
	ck_assert_int_eq(lr_chart_status(rank), LR_STATUS_SUCCESS);
	{
		double last = resident_kib();

		early = median(times + DRAWS - 2 * WINDOW, WINDOW);
		late = median(times + DRAWS - WINDOW, WINDOW);
		fprintf(stderr, "resident: %.0f KiB after %d draws, %.0f after %d, %.0f after %d; "
			"median draw %.3f ms then %.3f ms\n", before, DRAWS - 2 * WINDOW, after,
			DRAWS - WINDOW, last, DRAWS, early, late);
		ck_assert_msg(before > 0, "no VmRSS in /proc/self/status");
		ck_assert_msg(last - before <= MAX_GROWTH_KIB,
			      "resident memory grew by %.0f KiB over the last %d canvas sizes",
			      last - before, 2 * WINDOW);
		ck_assert_msg(late <= 2 * early + 0.5,
			      "draws slowed from %.3f ms to %.3f ms (median)", early, late);
	}
	g_free(times);
	cairo_surface_destroy(surface);
	lr_chart_destroy(rank);
	lr_chart_destroy(bar);
	lr_dataset_destroy(dataset);
}
END_TEST

int
main(void)
{
	Suite *suite = suite_create("memory");
	TCase *sizes = tcase_create("sizes");
	SRunner *runner;
	int failed;

	tcase_add_test(sizes, test_many_canvas_sizes);
	tcase_set_timeout(sizes, 240);
	suite_add_tcase(suite, sizes);
	runner = srunner_create(suite);
	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
